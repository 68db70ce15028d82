//! Parts shared by the decision-support panels: the choice of target, and the
//! message when a question cannot be answered.

use crate::i18n::{Lang, number, tr};
use crate::state::{Action, Asked, Refusal};
use crate::t;
use wlz_scenario::solve::SolveError;
use wlz_scenario::target::TargetId;
use yew::prelude::*;

/// Properties of a decision-support panel.
#[derive(Properties, PartialEq)]
pub struct AskProps {
    /// Page language.
    pub lang: Lang,
    /// The panel's newest question and its answer.
    pub asked: Option<Asked>,
    /// True when the scenario changed after the question.
    pub stale: bool,
    /// Sends an action to the reducer.
    pub dispatch: Callback<Action>,
}

/// The catalogue key of a target's name.
pub fn target_key(target: TargetId) -> &'static str {
    target.row().label
}

/// A labelled select of the two targets (element id `id`); `on_change` gets the chosen one.
pub fn target_select(lang: Lang, id: &'static str, current: TargetId, on_change: Callback<TargetId>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        on_change.emit(TargetId::parse(&select.value()).unwrap_or(TargetId::ALL[0]));
    });
    html! {
        <>
            <label for={id}>{t!(lang, "solve.target")}</label>
            <select {id} {onchange}>
                {for TargetId::ALL.into_iter().map(|t| html! {
                    <option value={t.name()} selected={t == current}>{tr(lang, target_key(t))}</option>
                })}
            </select>
        </>
    }
}

/// A decision-support panel's name (`solve`, `sens`: its class, element ids
/// and test ids) and the catalogue keys of its heading and introduction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PanelText {
    /// The panel's name.
    pub name: &'static str,
    /// Catalogue key of its heading.
    pub title: &'static str,
    /// Catalogue key of its introduction.
    pub intro: &'static str,
}

/// The frame of a decision-support panel: its heading and introduction, the
/// form, and the answer area (a live region), which says when the scenario
/// changed after the question.
pub fn panel(lang: Lang, text: PanelText, form: Html, answer: Option<Html>, stale: bool) -> Html {
    let name = text.name;
    let title = format!("{name}-title");
    html! {
        <section class={name} aria-labelledby={title.clone()}>
            <h2 id={title}>{tr(lang, text.title)}</h2>
            <p class="intro">{tr(lang, text.intro)}</p>
            {form}
            <div class="answer" aria-live="polite" data-testid={format!("{name}-answer")}>
                if stale && answer.is_some() { <p class="notice">{t!(lang, "solve.stale")}</p> }
                {for answer}
            </div>
        </section>
    }
}

/// The line under an answer: runs per evaluation and the worker's time (ms).
pub fn runs_line(lang: Lang, runs: u32, elapsed_ms: f64) -> Html {
    html! {
        <p class="status">
            {format!("{} {} · {} ms", number(lang, f64::from(runs), 0), t!(lang, "solve.runs"), number(lang, elapsed_ms, 0))}
        </p>
    }
}

/// Why a question got no answer, in words.
pub fn refused(lang: Lang, refusal: &Refusal) -> Html {
    let reason = match refusal {
        Refusal::Engine(SolveError::Confidence { .. }) => t!(lang, "solve.refused.confidence").to_string(),
        Refusal::Engine(SolveError::Level { min, max, .. }) => t!(lang, "solve.refused.level")
            .replace("{min}", &number(lang, *min, 1))
            .replace("{max}", &number(lang, *max, 1)),
        Refusal::Engine(SolveError::Window { target, .. }) => {
            t!(lang, "solve.refused.window").replace("{target}", tr(lang, target_key(*target)))
        }
        Refusal::Failed(message) => message.clone(),
    };
    html! { <p class="notice" role="alert">{t!(lang, "solve.refused")}{" ("}{reason}{")"}</p> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_has_a_name() {
        for target in TargetId::ALL {
            assert!(crate::i18n::has(target_key(target)));
        }
    }
}
