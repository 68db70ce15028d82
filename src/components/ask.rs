//! Parts shared by the decision-support panels: the choice of target, and the
//! message when a question cannot be answered.

use crate::i18n::{Lang, tr};
use crate::state::{Action, Asked};
use wlz_engine::targets::TargetId;
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
    match target {
        TargetId::T1 => "target.t1",
        TargetId::T2 => "target.t2",
    }
}

/// A labelled select of the two targets (element id `id`); `on_change` gets the chosen one.
pub fn target_select(lang: Lang, id: &'static str, current: TargetId, on_change: Callback<TargetId>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        on_change.emit(TargetId::parse(&select.value()).unwrap_or(TargetId::T1));
    });
    html! {
        <>
            <label for={id}>{tr(lang, "solve.target")}</label>
            <select {id} {onchange}>
                {for TargetId::ALL.into_iter().map(|t| html! {
                    <option value={t.name()} selected={t == current}>{tr(lang, target_key(t))}</option>
                })}
            </select>
        </>
    }
}

/// The frame of a decision-support panel named `name` (`solve`, `sens`): its
/// heading and introduction (catalogue keys `name` and `name.intro`), the form,
/// and the answer area (a live region), which says when the scenario changed
/// after the question.
pub fn panel(lang: Lang, name: &'static str, form: Html, answer: Option<Html>, stale: bool) -> Html {
    let title = format!("{name}-title");
    html! {
        <section class={name} aria-labelledby={title.clone()}>
            <h2 id={title}>{tr(lang, name)}</h2>
            <p class="intro">{tr(lang, &format!("{name}.intro"))}</p>
            {form}
            <div class="answer" aria-live="polite" data-testid={format!("{name}-answer")}>
                if stale && answer.is_some() { <p class="notice">{tr(lang, "solve.stale")}</p> }
                {for answer}
            </div>
        </section>
    }
}

/// Why a question got no answer (the worker's one-line reason in brackets).
pub fn refused(lang: Lang, message: &str) -> Html {
    html! { <p class="notice" role="alert">{tr(lang, "solve.refused")}{" ("}{message}{")"}</p> }
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
