//! A decision-support question about a scenario, and its answer: what the
//! command-line tool's `--solve` / `--sensitivity` and the page's worker ask
//! of the engine, in one type (the engine's `question::answer` answers it).

use crate::sensitivity::Sensitivity;
use crate::solve::{Solution, SolveLever};
use crate::target::TargetId;
use serde::{Deserialize, Serialize};

/// A question about a scenario besides its projection.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Question {
    /// What would it take: the least level of `lever` at which P(`target`) reaches `confidence`.
    Solve {
        /// The lever moved (or all together).
        lever: SolveLever,
        /// The target.
        target: TargetId,
        /// The confidence to reach (share 0..1).
        confidence: f64,
    },
    /// What matters most for `target`: the tornado and the rank correlations.
    Sensitivity {
        /// The target.
        target: TargetId,
    },
}

/// The engine's answer to a [`Question`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// The answer to [`Question::Solve`].
    Solved(Box<Solution>),
    /// The answer to [`Question::Sensitivity`].
    Sensitivity(Box<Sensitivity>),
}
