//! The comparison of the pinned scenario A with the edited scenario B, on
//! common random numbers: both fans overlaid, the fan of B minus A, the
//! probability that B's intake is lower than A's over the horizon and the
//! difference in the probability of each target.

use super::axes::y_grid;
use super::scorecard::interval95;
use crate::i18n::{Lang, number, percent, preset_key, tr};
use crate::t;
use std::rc::Rc;
use wlz_scenario::Scenario;
use wlz_scenario::chart::{Frame, Scale, band_path, diverging_domain, line_path, nice_max, nice_span};
use wlz_scenario::compare::Paired;
use wlz_scenario::lever::LEVERS;
use wlz_scenario::output::{MonthStats, Report};
use wlz_scenario::params;
use wlz_scenario::presets::PRESETS;
use wlz_scenario::protocol::Compared;
use yew::prelude::*;

/// Properties of [`Compare`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The comparison (or why there is none).
    pub compared: Rc<Compared>,
    /// Scenario B's result (the one the comparison came with).
    pub report: Rc<Report>,
    /// The pinned scenario A.
    pub pinned: Scenario,
    /// The title scenario A had when it was pinned (may be empty).
    pub pinned_title: String,
    /// Page language.
    pub lang: Lang,
}

const WIDE: Frame = Frame { width: 720.0, height: 240.0, left: 52.0, right: 12.0, top: 12.0, bottom: 28.0 };
/// On phones: about the displayed size, so the text shows at 12 px or more.
const NARROW: Frame = Frame { width: 340.0, height: 200.0, left: 40.0, right: 8.0, top: 12.0, bottom: 28.0 };

/// How scenario A is named: its title when it was pinned, else the preset
/// whose levers it has, else its levers that differ from today's values.
pub fn scenario_name(lang: Lang, scenario: &Scenario, title: &str) -> String {
    if !title.is_empty() {
        return title.to_string();
    }
    if let Some(preset) = PRESETS.iter().find(|p| p.matches(scenario)) {
        return tr(lang, &preset_key(preset.id)).to_string();
    }
    let changed: Vec<String> = LEVERS
        .iter()
        .filter(|row| !scenario.is_default(row.value))
        .map(|row| {
            let value = scenario.get(row.value);
            format!("{} {}%", tr(lang, row.short), number(lang, value, usize::from(value.fract() != 0.0)))
        })
        .collect();
    if changed.is_empty() { t!(lang, "compare.today").to_string() } else { changed.join(", ") }
}

/// A's and B's months and their paired differences.
struct Pair<'a> {
    a: &'a [MonthStats],
    b: &'a [MonthStats],
    paired: &'a Paired,
}

fn x_axis(frame: &Frame, months: &[MonthStats], x: &Scale) -> Html {
    let every = if frame.width < WIDE.width { 2 } else { 1 };
    html! {
        <g class="axis">
            {for months.iter().enumerate().filter(|(_, m)| m.month.month() == 1 && m.month.year() % every == 0).map(|(i, m)| {
                let px = x.at(i as f64);
                html! { <text x={px.to_string()} y={(frame.height - 8.0).to_string()}>{m.month.year().to_string()}</text> }
            })}
        </g>
    }
}

fn overlay(lang: Lang, frame: &Frame, c: &Pair) -> Html {
    let n = c.b.len().max(1);
    let top = nice_max(c.a.iter().chain(c.b).map(|m| m.p95).fold(1.0, f64::max) * 1.05);
    let x = frame.x((0.0, (n - 1) as f64));
    let y = frame.y((0.0, top));
    let col = |months: &[MonthStats], f: fn(&MonthStats) -> f64| months.iter().map(f).collect::<Vec<_>>();
    html! {
        <svg viewBox={frame.view_box()} role="img" aria-labelledby="cmp-overlay-title" class="fan-svg compare-svg">
            <title id="cmp-overlay-title">{t!(lang, "compare.overlay")}</title>
            {y_grid(lang, frame, &y, &nice_span(0.0, top, 4))}
            {x_axis(frame, c.b, &x)}
            <path class="band-a" d={band_path(&col(c.a, |m| m.p5), &col(c.a, |m| m.p95), &x, &y)} />
            <path class="band-b" d={band_path(&col(c.b, |m| m.p5), &col(c.b, |m| m.p95), &x, &y)} />
            <path class="median-a" d={line_path(&col(c.a, |m| m.p50), &x, &y)} />
            <path class="median-b" d={line_path(&col(c.b, |m| m.p50), &x, &y)} data-testid="median-b" />
        </svg>
    }
}

fn difference(lang: Lang, frame: &Frame, c: &Pair) -> Html {
    let n = c.paired.diff.len().max(1);
    let values: Vec<f64> = c.paired.diff.iter().flat_map(|d| [d.p5, d.p95]).collect();
    let (low, high) = diverging_domain(&values);
    let x = frame.x((0.0, (n - 1) as f64));
    let y = frame.y((low, high));
    let col = |f: fn(&wlz_scenario::compare::DiffMonth) -> f64| c.paired.diff.iter().map(f).collect::<Vec<_>>();
    let zero = y.at(0.0).to_string();
    html! {
        <svg viewBox={frame.view_box()} role="img" aria-labelledby="cmp-diff-title" class="fan-svg compare-svg" data-testid="diff-fan">
            <title id="cmp-diff-title">{t!(lang, "compare.diff")}</title>
            {y_grid(lang, frame, &y, &nice_span(low, high, 4))}
            {x_axis(frame, c.b, &x)}
            <path class="band90" d={band_path(&col(|d| d.p5), &col(|d| d.p95), &x, &y)} />
            <path class="band50" d={band_path(&col(|d| d.p25), &col(|d| d.p75), &x, &y)} />
            <line class="zero" x1={frame.left.to_string()} x2={frame.x_range().1.to_string()} y1={zero.clone()} y2={zero} />
            <path class="median" d={line_path(&col(|d| d.p50), &x, &y)} />
        </svg>
    }
}

fn figures(lang: Lang, c: &Paired) -> Html {
    let (p, se) = (c.b_lower.p, c.b_lower.std_error);
    let interval = |p: f64, se: f64| {
        let (low, high) = interval95(p, se);
        format!("{}–{}", percent(lang, low, 1), percent(lang, high, 1))
    };
    let cum = &c.cumulative_diff;
    html! {
        <dl class="figures compare-figures">
            <dt>{t!(lang, "compare.b_lower")}</dt>
            <dd><strong data-testid="b-lower">{percent(lang, p, 1)}</strong>{" ("}{t!(lang, "target.interval")}{" "}{interval(p, se)}{")"}</dd>
            <dt>{t!(lang, "compare.cumulative")}</dt>
            <dd><strong>{number(lang, cum.p50, 0)}</strong>{" "}{t!(lang, "compare.median_range")}{" "}{number(lang, cum.p5, 0)}{" – "}{number(lang, cum.p95, 0)}</dd>
            {for c.targets.iter().map(|t| {
                let label = tr(lang, t.id.row().label);
                let body = match (t.a, t.b, t.diff, t.diff_std_error) {
                    (Some(a), Some(b), Some(d), Some(se)) => html! {
                        <>
                            {"A "}{percent(lang, a, 1)}{" → B "}{percent(lang, b, 1)}{"; "}{t!(lang, "compare.difference")}{" "}
                            <strong data-testid={format!("diff-{}", t.id)}>{format!("{}{} {}", if d > 0.0 { "+" } else { "" }, number(lang, d * 100.0, 1), t!(lang, "unit.pp"))}</strong>
                            {format!(" (± {} {})", number(lang, 196.0 * se, 1), t!(lang, "unit.pp"))}
                        </>
                    },
                    _ => html! { {t!(lang, "target.outside")} },
                };
                html! { <><dt>{label}</dt><dd>{body}</dd></> }
            })}
        </dl>
    }
}

/// The comparison section.
#[function_component(Compare)]
pub fn compare(props: &CompareProps) -> Html {
    let lang = props.lang;
    let frame = if crate::narrow::use_narrow() { NARROW } else { WIDE };
    let frame = &frame;
    let body = match props.compared.as_ref() {
        Compared::Done { a, paired } => {
            let c = Pair { a: &a.months, b: &props.report.months, paired };
            html! {
            <>
                {overlay(lang, frame, &c)}
                <p class="legend">
                    <span class="key band-a">{t!(lang, "compare.a")}</span>
                    <span class="key band-b">{t!(lang, "compare.b")}</span>
                </p>
                {figures(lang, paired)}
                <h3>{t!(lang, "compare.diff")}</h3>
                {difference(lang, frame, &c)}
                <p class="note">{t!(lang, "compare.crn")}</p>
            </>
            }
        }
        Compared::Mismatch { key, a, b } => html! {
            <p class="status error" role="alert">
                {t!(lang, "compare.mismatch")}{format!(" {}: A {a}, B {b}.", params::spec(*key).name)}
            </p>
        },
    };
    html! {
        <section class="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{t!(lang, "compare.title")}</h2>
            <p class="pinned" data-testid="pinned-name">{t!(lang, "compare.pinned")}{" "}
                <strong>{scenario_name(lang, &props.pinned, &props.pinned_title)}</strong></p>
            {body}
        </section>
    }
}
