//! "What would it take": for a target and a lever (or all together), the
//! least lever level at which the target is reached with a chosen
//! confidence, found by the engine in the worker (`wlz_scenario::solve`).

use super::ask::{AskProps, PanelText, panel, refused, target_key, target_select};
use crate::i18n::{Lang, number, percent, tr};
use crate::state::Action;
use crate::t;
use wlz_scenario::lever::{Direction, LeverId};
use wlz_scenario::protocol::{Answer, Question};
use wlz_scenario::solve::{DEFAULT_CONFIDENCE, MAX_CONFIDENCE, MIN_CONFIDENCE, Solution, SolveLever};
use wlz_scenario::target::TargetId;
use yew::prelude::*;

/// The catalogue key of a lever choice's name.
pub fn lever_key(lever: SolveLever) -> &'static str {
    match lever {
        SolveLever::One(id) => id.row().label,
        SolveLever::All => "solve.all",
    }
}

/// The confidence typed (percent), when it is a number in range.
pub fn parse_confidence(text: &str) -> Option<f64> {
    let share = wlz_scenario::scenario::parse_typed_number(text).ok()? / 100.0;
    (MIN_CONFIDENCE..=MAX_CONFIDENCE).contains(&share).then_some(share)
}

fn level_text(lang: Lang, lever: SolveLever, level: f64) -> String {
    let decimals = if (level - level.round()).abs() < 1e-9 { 0 } else { 1 };
    match lever {
        SolveLever::All => format!("{}% {}", number(lang, level, decimals), t!(lang, "solve.all.of_way")),
        _ => format!("{}%", number(lang, level, decimals)),
    }
}

fn solution_view(lang: Lang, s: &Solution, dispatch: &Callback<Action>) -> Html {
    let question = format!(
        "{} · {} · {} {}",
        tr(lang, target_key(s.target)),
        tr(lang, lever_key(s.lever)),
        percent(lang, s.confidence / 100.0, 1),
        t!(lang, "solve.confidence.word")
    );
    let Some(level) = s.level else {
        return html! {
            <div data-testid="solve-result" data-level="none">
                <p class="solve-question">{question}</p>
                <p><strong>{t!(lang, "solve.unreachable")}</strong></p>
                <p>
                    {t!(lang, "solve.chance_strongest")}{" ("}{level_text(lang, s.lever, s.strongest.level)}{"): "}
                    <strong>{percent(lang, s.strongest.probability, 1)}</strong>{"; "}{t!(lang, "solve.needed")}{" "}
                    {percent(lang, s.confidence / 100.0, 1)}{"."}
                </p>
            </div>
        };
    };
    let p = s.probability.unwrap_or(0.0);
    let already = (level - s.today.level).abs() < 1e-9;
    let apply = {
        let (dispatch, lever, levers) = (dispatch.clone(), s.lever, s.levers);
        Callback::from(move |_| match (lever, levers) {
            (SolveLever::One(id), _) => dispatch.emit(Action::Apply(vec![(id.row().value, level)])),
            (SolveLever::All, Some(v)) => {
                dispatch.emit(Action::Apply(v.iter().map(|(id, &value)| (id.row().value, value)).collect()))
            }
            (SolveLever::All, None) => {}
        })
    };
    let falls = matches!(s.lever, SolveLever::One(id) if id.row().direction == Direction::Down);
    let bound = tr(lang, if falls { "solve.at_most" } else { "solve.at_least" });
    let below = s.below.map(|b| {
        html! {
            <p>{t!(lang, "solve.below")}{" "}{level_text(lang, s.lever, b.level)}{": "}{percent(lang, b.probability, 2)}{"."}</p>
        }
    });
    let mix = s.levers.filter(|_| s.lever == SolveLever::All).map(|v| {
        html! {
            <ul class="solve-mix">
                {for v.iter().map(|(id, &value)| html! {
                    <li>{tr(lang, id.row().label)}{": "}{number(lang, value, 1)}{"%"}</li>
                })}
            </ul>
        }
    });
    html! {
        <div data-testid="solve-result" data-level={level.to_string()} data-probability={p.to_string()}>
            <p class="solve-question">{question}</p>
            if already {
                <p><strong>{t!(lang, "solve.already")}</strong></p>
            } else {
                <p>
                    {t!(lang, "solve.needed_level")}{" "}{bound}{" "}<strong class="solve-level">{level_text(lang, s.lever, level)}</strong>
                    {" ("}{t!(lang, "solve.today")}{" "}{level_text(lang, s.lever, s.today.level)}{")"}
                </p>
            }
            {for mix}
            <p>
                {t!(lang, "solve.chance_at")}{" "}<strong>{percent(lang, p, 2)}</strong>
                {format!(" (± {})", percent(lang, 1.96 * s.std_error.unwrap_or(0.0), 1))}{"."}
            </p>
            {for below}
            if !already {
                <button type="button" onclick={apply}>{t!(lang, "solve.apply")}</button>
            }
        </div>
    }
}

/// The "what would it take" panel.
#[function_component(Solve)]
pub fn solve(props: &AskProps) -> Html {
    let lang = props.lang;
    let target = use_state(|| TargetId::ALL[0]);
    let lever = use_state(|| SolveLever::One(LeverId::Aid));
    let confidence = use_state(|| number(lang, DEFAULT_CONFIDENCE * 100.0, 0));
    let parsed = parse_confidence(&confidence);
    let on_target = {
        let target = target.clone();
        Callback::from(move |t| target.set(t))
    };
    let on_lever = {
        let lever = lever.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            lever.set(SolveLever::parse(&select.value()).unwrap_or(SolveLever::One(LeverId::Aid)));
        })
    };
    let on_confidence = {
        let confidence = confidence.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            confidence.set(input.value());
        })
    };
    let onsubmit = {
        let (dispatch, target, lever) = (props.dispatch.clone(), *target, *lever);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(confidence) = parsed {
                dispatch.emit(Action::Ask(Question::Solve { lever, target, confidence }));
            }
        })
    };
    let result = props.asked.as_ref().map(|asked| match asked.answer.as_deref() {
        None => html! { <p class="status">{t!(lang, "solve.running")}</p> },
        Some(Ok(Answer::Solved(solution))) => html! {
            <>
                {solution_view(lang, solution, &props.dispatch)}
                <p class="status">
                    {format!("{} {} · {} {} · {} ms", number(lang, f64::from(solution.runs), 0), t!(lang, "solve.runs"),
                        solution.evaluations, t!(lang, "solve.evaluations"), number(lang, asked.elapsed_ms, 0))}
                </p>
            </>
        },
        Some(Err(message)) => refused(lang, message),
        Some(Ok(_)) => html! {},
    });
    let form = html! {
        <form class="solve-form" {onsubmit}>
            {target_select(lang, "solve-target", *target, on_target)}
            <label for="solve-lever">{t!(lang, "solve.lever")}</label>
            <select id="solve-lever" onchange={on_lever}>
                {for SolveLever::all().map(|l| html! {
                    <option value={l.name()} selected={l == *lever}>{tr(lang, lever_key(l))}</option>
                })}
            </select>
            <label for="solve-confidence">{t!(lang, "solve.confidence")}</label>
            <input id="solve-confidence" type="text" inputmode="decimal" value={(*confidence).clone()}
                oninput={on_confidence} aria-invalid={parsed.is_none().to_string()}
                aria-describedby="solve-confidence-help" />
            <p id="solve-confidence-help" class={classes!("help", parsed.is_none().then_some("notice"))}>
                {t!(lang, "solve.confidence.range")}
            </p>
            <button type="submit" disabled={parsed.is_none()}>{t!(lang, "solve.go")}</button>
        </form>
    };
    panel(lang, PanelText { name: "solve", title: "solve", intro: "solve.intro" }, form, result, props.stale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_is_read_in_percent_within_range() {
        assert_eq!(parse_confidence("80"), Some(0.8));
        assert_eq!(parse_confidence(" 95,5 "), Some(0.955));
        assert_eq!(parse_confidence("49.9"), None);
        assert_eq!(parse_confidence("100"), None);
        assert_eq!(parse_confidence("NaN"), None);
        assert_eq!(parse_confidence("tachtig"), None);
    }

    #[test]
    fn every_choice_has_a_name() {
        for lever in SolveLever::all() {
            assert!(crate::i18n::has(lever_key(lever)));
        }
    }
}
