//! A decision-support question about a scenario, and its answer: what the
//! command-line tool's `--solve` / `--sensitivity` and the page's worker ask
//! of the engine, in one type.

use crate::model_params::ModelParams;
use crate::sensitivity::{Sensitivity, sensitivity};
use crate::solve::{Solution, SolveError, SolveLever, solve};
use crate::targets::TargetId;
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

impl Question {
    /// Answers the question for the scenario `params` (its seed and runs).
    pub fn answer(self, params: &ModelParams) -> Result<Answer, SolveError> {
        match self {
            Question::Solve { lever, target, confidence } => {
                solve(params, lever, target, confidence).map(|s| Answer::Solved(Box::new(s)))
            }
            Question::Sensitivity { target } => Ok(Answer::Sensitivity(Box::new(sensitivity(params, target)))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_question_gets_its_own_answer() {
        let params = crate::Scenario::default().model_params();
        let params = ModelParams { runs: 200, ..params };
        let solved =
            Question::Solve { lever: SolveLever::Region, target: TargetId::T1, confidence: 0.6 }.answer(&params);
        assert!(matches!(solved, Ok(Answer::Solved(s)) if s.runs == 200));
        let sens = Question::Sensitivity { target: TargetId::T1 }.answer(&params);
        assert!(matches!(sens, Ok(Answer::Sensitivity(s)) if s.tornado.len() == 4));
        let refused = Question::Solve { lever: SolveLever::Aid, target: TargetId::T1, confidence: 1.5 }.answer(&params);
        assert!(matches!(refused, Err(SolveError::Confidence { .. })));
    }
}
