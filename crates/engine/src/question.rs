//! Answering a decision-support [`Question`] about a scenario.

pub use wlz_scenario::question::*;

use crate::model_params::ModelParams;
use crate::sensitivity::sensitivity;
use crate::solve::{SolveError, solve};

/// Answers `question` for the scenario `params` (its seed and runs).
pub fn answer(question: Question, params: &ModelParams) -> Result<Answer, SolveError> {
    match question {
        Question::Solve { lever, target, confidence } => {
            solve(params, lever, target, confidence).map(|s| Answer::Solved(Box::new(s)))
        }
        Question::Sensitivity { target } => Ok(Answer::Sensitivity(Box::new(sensitivity(params, target)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::SolveLever;
    use crate::targets::TargetId;
    use wlz_scenario::lever::LeverId;

    #[test]
    fn each_question_gets_its_own_answer() {
        let params = crate::Scenario::default().model_params();
        let params = ModelParams { runs: 200, ..params };
        let region = SolveLever::One(LeverId::Region);
        let solved = answer(Question::Solve { lever: region, target: TargetId::T1, confidence: 0.6 }, &params);
        assert!(matches!(solved, Ok(Answer::Solved(s)) if s.runs == 200));
        let sens = answer(Question::Sensitivity { target: TargetId::T1 }, &params);
        assert!(matches!(sens, Ok(Answer::Sensitivity(s)) if s.tornado.len() == 4));
        let aid = SolveLever::One(LeverId::Aid);
        let refused = answer(Question::Solve { lever: aid, target: TargetId::T1, confidence: 1.5 }, &params);
        assert!(matches!(refused, Err(SolveError::Confidence { .. })));
    }
}
