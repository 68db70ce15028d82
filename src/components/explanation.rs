//! The "How it works" section: what the model does in plain words, its
//! equations with the scenario's current values filled in, and which values
//! are sourced and which are assumed, generated from the parameter table
//! (`wlz_scenario::params::PARAMS`).

use super::provenance::source_links;
use crate::i18n::{GLOSSARY, Lang, ParamText, glossary_keys, note_key, number, param_text, tr};
use crate::t;
use wlz_scenario::Scenario;
use wlz_scenario::lever::LeverId;
use wlz_scenario::params::KeySet;
use wlz_scenario::params::{Key, Kind, PARAMS, ParamSpec, Provenance, Unit};
use yew::prelude::*;

/// Properties of [`Explanation`].
#[derive(Properties, PartialEq)]
pub struct ExplanationProps {
    /// The scenario whose values are filled into the equations (URL units).
    pub scenario: Scenario,
    /// Page language.
    pub lang: Lang,
}

/// The explanation section for a scenario.
#[function_component(Explanation)]
pub fn explanation(props: &ExplanationProps) -> Html {
    let (s, lang) = (&props.scenario, props.lang);
    html! {
        <section class="explanation" aria-labelledby="explain-title">
            <h2 id="explain-title">{t!(lang, "explain.title")}</h2>
            {time(lang, s)}
            {base(lang, s)}
            {levers(lang, s)}
            {expected(lang, s)}
            {uncertainty(lang, s)}
            {stock(lang, s)}
            {targets(lang, s)}
            {provenance(lang, s)}
            {glossary(lang)}
            <p class="version">{t!(lang, "model.version")}{" "}<span data-testid="explain-version">{s.key_set().model_version()}</span></p>
        </section>
    }
}

/// Fewest decimals (0 to 3) that show `v` to within 1e-6.
fn decimals(v: f64) -> usize {
    (0..3)
        .find(|&d| {
            let scaled = v * 10f64.powi(d as i32);
            (scaled.round() - scaled).abs() < 1e-6
        })
        .unwrap_or(3)
}

/// `v` with as many decimals as it needs, in the page language ("–" when not finite).
fn num(lang: Lang, v: f64) -> String {
    number(lang, v, decimals(v))
}

/// A value in percent (0 to 100), e.g. "12,5%"; "–" when not finite.
fn pct(lang: Lang, v: f64) -> String {
    if v.is_finite() { format!("{}%", num(lang, v)) } else { num(lang, v) }
}

/// The value of `key` in percent.
fn pct_of(lang: Lang, s: &Scenario, key: Key) -> String {
    pct(lang, s.get(key))
}

/// Separator between the arguments of a distribution: a semicolon where the
/// decimal mark is a comma.
fn arg_sep(lang: Lang) -> &'static str {
    if t!(lang, "number.decimal") == "," { "; " } else { ", " }
}

/// A variable in italics.
fn var(name: &'static str) -> Html {
    html! { <var>{name}</var> }
}

/// A variable with a subscript, e.g. F₂.
fn var_sub(name: &'static str, sub: &'static str) -> Html {
    html! { <><var>{name}</var><sub>{sub}</sub></> }
}

/// "(m)".
fn of_m() -> Html {
    html! { <>{"("}{var("m")}{")"}</> }
}

/// An equation on a line of its own.
fn equation(id: impl Into<AttrValue>, body: Html) -> Html {
    html! { <p class="eq" data-testid={id.into()}>{body}</p> }
}

/// Section 1: time.
fn time(lang: Lang, s: &Scenario) -> Html {
    let start = s.month(Key::Start);
    let last = start.plus(s.get(Key::Horizon) as i32 - 1);
    html! {
        <>
            <p>{t!(lang, "explain.intro")}</p>
            <p>
                {t!(lang, "explain.time")}{" "}<strong>{start.to_string()}</strong>{" "}{t!(lang, "explain.through")}{" "}
                <strong>{last.to_string()}</strong>{format!(" ({} {}). ", num(lang, s.get(Key::Horizon)), t!(lang, "explain.unit.months"))}
                {t!(lang, "explain.time.m")}
            </p>
        </>
    }
}

/// Section 2: the intake without measures and its four cells.
fn base(lang: Lang, s: &Scenario) -> Html {
    let baseline = if s.key_set() >= KeySet::V2 {
        // Model 2: a floor F that the trend does not touch, L at the anchor month.
        let exponent = html! { <sup>{"("}{var("m")}{" − "}{var("a")}{")/12"}</sup> };
        html! {
            <>
                <p>{t!(lang, "explain.base.text2")}</p>
                {equation("eq-base", html! {
                    <>
                        {var("base")}{of_m()}{" = "}{var("F")}{" + ("}{var("L")}{" − "}{var("F")}{") × (1 + "}{var("g")}{")"}{exponent.clone()}
                        {format!(" = {} + ({} − {}) × (1 + {})", num(lang, s.get(Key::Floor)), num(lang, s.get(Key::Level)),
                            num(lang, s.get(Key::Floor)), pct_of(lang, s, Key::Trend))}{exponent}
                        {"; "}{var("a")}{format!(" = {}", s.text(Key::Anchor))}
                    </>
                })}
            </>
        }
    } else {
        let exponent = html! { <sup>{var("m")}{"/12"}</sup> };
        html! {
            <>
                <p>{t!(lang, "explain.base.text")}</p>
                {equation("eq-base", html! {
                    <>
                        {var("base")}{of_m()}{" = "}{var("L")}{" × (1 + "}{var("g")}{")"}{exponent.clone()}
                        {format!(" = {} × (1 + {})", num(lang, s.get(Key::Level)), pct_of(lang, s, Key::Trend))}{exponent}
                    </>
                })}
            </>
        }
    };
    html! {
        <>
            <h3>{t!(lang, "explain.base.title")}</h3>
            {baseline}
            <p>{t!(lang, "explain.cells.text")}</p>
            {equation("eq-cells", html! {
                <>
                    {var("w")}{format!(" = {} ({}); ", pct_of(lang, s, Key::Wmo), t!(lang, "explain.cells.w"))}
                    {var_sub("y", "0")}{format!(" = {} ({})", pct_of(lang, s, Key::Youth0), t!(lang, "explain.cells.y0"))}
                </>
            })}
        </>
    }
}

/// "today → user (from 2024-01, ramp 12 months)" for a lever, in percent.
fn change(lang: Lang, s: &Scenario, today: f64, keys: [Key; 3]) -> String {
    let [value, from, ramp] = keys;
    format!(
        "{} → {} ({} {}, {} {} {})",
        pct(lang, today),
        pct_of(lang, s, value),
        t!(lang, "explain.from"),
        s.text(from),
        t!(lang, "explain.ramp"),
        num(lang, s.get(ramp)),
        t!(lang, "explain.unit.months")
    )
}

/// "mean 50%, sd 20%" of an uncertain share.
fn mean_sd(lang: Lang, s: &Scenario, mean: Key, sd: Key) -> String {
    let sd_text = t!(lang, "explain.sd");
    format!("{} {}{}{sd_text} {}", t!(lang, "explain.mean"), pct_of(lang, s, mean), arg_sep(lang), pct_of(lang, s, sd))
}

/// The glossary of the terms used above.
fn glossary(lang: Lang) -> Html {
    html! {
        <>
            <h3>{t!(lang, "glossary")}</h3>
            <dl class="glossary" data-testid="glossary">
                {for GLOSSARY.iter().map(|id| {
                    let (term, text) = glossary_keys(id);
                    html! { <><dt>{tr(lang, &term)}</dt><dd>{tr(lang, &text)}</dd></> }
                })}
            </dl>
        </>
    }
}

/// Section 3: the four levers and their factors.
fn levers(lang: Lang, s: &Scenario) -> Html {
    let ramp = html! {
        <>
            {var("a")}{of_m()}{" = clamp(("}{var("m")}{" − start + 1) / "}{var("R")}{", 0, 1); "}
            {t!(lang, "explain.value")}{of_m()}{" = "}{t!(lang, "explain.today")}{" + ("}{t!(lang, "explain.user")}
            {" − "}{t!(lang, "explain.today")}{") × "}{var("a")}{of_m()}
        </>
    };
    html! {
        <>
            <h3>{t!(lang, "explain.levers.title")}</h3>
            <p>{t!(lang, "explain.ramp.text")}</p>
            {equation("eq-ramp", ramp)}
            <ol class="lever-list">
                {for LeverId::ALL.into_iter().map(|lever| lever_item(lang, s, lever))}
            </ol>
        </>
    }
}

/// A lever's factor as an equation, the name of the quantity the user sets,
/// and the uncertain share it works through (its symbol, mean and sd keys).
fn factor(lang: Lang, lever: LeverId) -> (Html, Html, Option<(&'static str, Key, Key)>) {
    match lever {
        LeverId::Longer => (
            html! { <>{var_sub("F", "1")}{of_m()}{" = 1 − "}{var("ε")}{" × (1 − "}{var_sub("R", "r")}{of_m()}{")"}</> },
            html! { {t!(lang, "explain.longer.share")} },
            Some(("ε", Key::Eps, Key::EpsSd)),
        ),
        LeverId::Aid => (
            html! { <>{var_sub("F", "2")}{of_m()}{" = 1 − "}{t!(lang, "explain.adoption")}{of_m()}{" × "}{var("θ")}</> },
            html! { {t!(lang, "explain.adoption")} },
            Some(("θ", Key::Theta, Key::ThetaSd)),
        ),
        LeverId::Youth => {
            let odds = |y: Html| html! { <>{"("}{y.clone()}{" / (1 − "}{y}{"))"}</> };
            (html! { <>{var("Y")}{of_m()}{" = "}{odds(var("y"))}{" / "}{odds(var_sub("y", "0"))}</> }, var("y"), None)
        }
        LeverId::Region => (
            html! { <>{var_sub("F", "4")}{of_m()}{" = 1 − "}{t!(lang, "explain.reduction")}{of_m()}</> },
            html! { {t!(lang, "explain.reduction")} },
            None,
        ),
    }
}

/// Lever 1's renewal rate R(s) with its decision lengths and split, and Rr.
fn renewal(lang: Lang) -> Html {
    let s = || var("s");
    let n = |v: f64| num(lang, v);
    html! {
        <>
            <p>{t!(lang, "explain.renewal.text")}</p>
            {equation("eq-renewal", html! {
                <>
                    {var("R")}{"("}{s()}{") = (1 − "}{s()}{format!(") / {} + {} ", n(12.0), n(0.8))}{s()}
                    {format!(" / {} + {} ", n(24.0), n(0.2))}{s()}{format!(" / {}; ", n(60.0))}
                    {var_sub("R", "r")}{of_m()}{" = "}{var("R")}{"("}{s()}{of_m()}{") / "}{var("R")}
                    {"("}{t!(lang, "explain.today")}{")"}
                </>
            })}
        </>
    }
}

/// One lever: its name, what it does, its factor with the scenario's values.
fn lever_item(lang: Lang, s: &Scenario, lever: LeverId) -> Html {
    let row = lever.row();
    let (equation_html, quantity, uncertain) = factor(lang, lever);
    html! {
        <li>
            <strong>{tr(lang, row.short)}</strong>{". "}{tr(lang, row.explain)}
            if lever == LeverId::Longer { {renewal(lang)} }
            {equation(format!("eq-{}", lever.name()), html! {
                <>
                    {equation_html}{"; "}{quantity}{format!(": {}", change(lang, s, s.today(row), row.keys()))}
                    {for uncertain.map(|(symbol, mean, sd)| html! {
                        <>{"; "}{var(symbol)}{format!(": {}", mean_sd(lang, s, mean, sd))}</>
                    })}
                </>
            })}
        </li>
    }
}

/// Section 4: the expected intake as the product of the factors.
fn expected(lang: Lang, s: &Scenario) -> Html {
    let rr = html! { <>{var_sub("R", "r")}{of_m()}</> };
    html! {
        <>
            <h3>{t!(lang, "explain.expected.title")}</h3>
            <p>{t!(lang, "explain.expected.text")}</p>
            {equation("eq-expected", html! {
                <>
                    {t!(lang, "explain.expected")}{of_m()}{" = "}{var("base")}{of_m()}{" × "}{var_sub("G", "1")}{of_m()}
                    {" × "}{var_sub("F", "2")}{of_m()}{" × "}{var_sub("G", "3")}{of_m()}{" × "}{var_sub("F", "4")}{of_m()}
                </>
            })}
            {equation("eq-g", html! {
                <>
                    {var_sub("G", "1")}{of_m()}{" = 1 − "}{var("w")}{" × "}{var("ε")}{" × (1 − "}{rr.clone()}{")"}
                    {format!(" = 1 − {} × ", pct_of(lang, s, Key::Wmo))}{var("ε")}{" × (1 − "}{rr}{"); "}
                    {var_sub("G", "3")}{of_m()}{" = 1 + "}{var_sub("y", "0")}{" × ("}{var("Y")}{of_m()}{" − 1)"}
                    {format!(" = 1 + {} × (", pct_of(lang, s, Key::Youth0))}{var("Y")}{of_m()}{" − 1)"}
                </>
            })}
        </>
    }
}

/// Section 5: what is uncertain, the fluctuation, the Poisson count and the runs.
fn uncertainty(lang: Lang, s: &Scenario) -> Html {
    let sep = arg_sep(lang);
    let normal = t!(lang, "explain.normal");
    let (mean, sd) = (t!(lang, "explain.mean"), t!(lang, "explain.sd"));
    let phi = s.get(Key::Phi);
    html! {
        <>
            <h3>{t!(lang, "explain.uncertainty.title")}</h3>
            <p>{t!(lang, "explain.uncertainty.text")}</p>
            {equation("eq-draws", html! {
                <>
                    {var("L")}{format!(" ~ {normal}({} {}{sep}{sd} {}); ", mean, num(lang, s.get(Key::Level)), num(lang, s.get(Key::LevelSd)))}
                    {var("g")}{format!(" ~ {normal}({} {}{sep}{sd} {}); ", mean, pct_of(lang, s, Key::Trend), pct_of(lang, s, Key::TrendSd))}
                    {var("ε")}{format!(" ~ Beta({}); ", mean_sd(lang, s, Key::Eps, Key::EpsSd))}
                    {var("θ")}{format!(" ~ Beta({})", mean_sd(lang, s, Key::Theta, Key::ThetaSd))}
                </>
            })}
            {equation("eq-fluct", html! {
                <>
                    {var("z")}{of_m()}{" = "}{var("φ")}{" × "}{var("z")}{"("}{var("m")}{" − 1) + "}{var("σ")}
                    {" × √(1 − "}{var("φ")}<sup>{"2"}</sup>{") × "}{var("e")}{of_m()}{"; "}
                    {t!(lang, "explain.fluct")}{of_m()}{" = exp("}{var("z")}{of_m()}{" − "}{var("σ")}<sup>{"2"}</sup>{"/2); "}
                    {var("φ")}{format!(" = {}{sep}", num(lang, phi))}{var("σ")}{format!(" = {}", pct_of(lang, s, Key::Sigma))}
                </>
            })}
            {equation("eq-count", html! {
                <>
                    {t!(lang, "explain.count")}{of_m()}{" ~ Poisson("}{t!(lang, "explain.expected")}{of_m()}{" × "}
                    {t!(lang, "explain.fluct")}{of_m()}{")"}
                </>
            })}
            <p class="help">{t!(lang, "explain.sd.name")}{"."}</p>
            <p data-testid="explain-runs">
                {format!("{} {} {} ({} {}). ", t!(lang, "explain.runs"), num(lang, s.get(Key::Runs)), t!(lang, "explain.unit.runs"),
                    t!(lang, "explain.seed"), num(lang, s.get(Key::Seed)))}
                {t!(lang, "explain.runs.text")}
            </p>
        </>
    }
}

/// Section 6: the stock with an indication.
fn stock(lang: Lang, s: &Scenario) -> Html {
    html! {
        <>
            <h3>{t!(lang, "explain.stock.title")}</h3>
            <p>{t!(lang, "explain.stock.text")}</p>
            {equation("eq-stock", html! {
                <>
                    {var("S")}{"("}{var("m")}{" + 1) = "}{var("S")}{of_m()}{" × (1 − "}{var("μ")}{") + "}
                    {t!(lang, "explain.count")}{of_m()}{" = "}{var("S")}{of_m()}
                    {format!(" × (1 − {}) + ", pct_of(lang, s, Key::Outflow))}{t!(lang, "explain.count")}{of_m()}{"; "}
                    {var("S")}{format!("(0) = {}", num(lang, s.get(Key::Stock)))}
                </>
            })}
        </>
    }
}

/// Section 7: what the targets mean.
fn targets(lang: Lang, s: &Scenario) -> Html {
    let threshold = s.get(Key::Baseline) * (1.0 - s.get(Key::Cut) / 100.0);
    let window = |from: Key, to: Key| format!("{} {} {}", s.text(from), t!(lang, "explain.through"), s.text(to));
    html! {
        <>
            <h3>{t!(lang, "explain.targets.title")}</h3>
            <p>{t!(lang, "explain.targets.text")}</p>
            {equation("eq-t1", html! {
                {format!("{}: {} {} ≤ {} × (1 − {}) = {}", t!(lang, "explain.target1"), t!(lang, "explain.window.mean"),
                    window(Key::T1From, Key::T1To), num(lang, s.get(Key::Baseline)), pct_of(lang, s, Key::Cut),
                    num(lang, threshold))}
            })}
            {equation("eq-t2", html! {
                {format!("{}: {} {} ≤ {}", t!(lang, "explain.target2"), t!(lang, "explain.window.mean"),
                    window(Key::T2From, Key::T2To), num(lang, s.get(Key::T2)))}
            })}
        </>
    }
}

/// Section 8: every key of the parameter table, grouped by where its value comes from.
fn provenance(lang: Lang, s: &Scenario) -> Html {
    html! {
        <>
            <h3>{t!(lang, "explain.provenance.title")}</h3>
            <p>{t!(lang, "explain.provenance.text")}</p>
            <h4>{t!(lang, "explain.sourced")}</h4>
            {param_list(lang, s, "sourced", |p| matches!(p, Provenance::Source(_)))}
            <h4>{t!(lang, "explain.assumed")}</h4>
            {param_list(lang, s, "assumed", |p| matches!(p, Provenance::Assumption))}
            <h4>{t!(lang, "explain.settings")}</h4>
            {param_list(lang, s, "settings", |p| matches!(p, Provenance::Setting))}
        </>
    }
}

/// The keys of `PARAMS` whose provenance passes `keep`, with their current values.
fn param_list(lang: Lang, s: &Scenario, id: &'static str, keep: fn(&Provenance) -> bool) -> Html {
    let items = PARAMS.iter().filter(|spec| keep(&spec.provenance)).map(|spec| param_item(lang, s, spec));
    html! { <ul class="params" data-testid={id}>{for items}</ul> }
}

/// One key: its URL name, its meaning, its current value and, when it has one, its source.
fn param_item(lang: Lang, s: &Scenario, spec: &ParamSpec) -> Html {
    html! {
        <li data-key={spec.name}>
            <code>{spec.name}</code>{" "}{meaning(lang, spec)}{": "}
            <span class="param-value">{value_text(lang, s, spec)}</span>
            if !s.is_default(spec.key) {
                {" ("}{t!(lang, "explain.changed")}{" "}{default_text(lang, s, spec)}{")"}
            }
            if let Provenance::Source(sources) = spec.provenance {
                {" — "}{t!(lang, "explain.source")}{": "}{source_links(lang, sources)}
            }
            if let Some(key) = note_key(spec) {
                {" ("}{tr(lang, &key)}{")"}
            }
        </li>
    }
}

/// The meaning of a key in the page language (catalogue entry `explain.param.<name>`).
fn meaning(lang: Lang, spec: &ParamSpec) -> &'static str {
    param_text(lang, ParamText::Meaning, spec.key)
}

/// The current value of a key with its unit: `YYYY-MM` for months.
pub fn value_text(lang: Lang, s: &Scenario, spec: &ParamSpec) -> String {
    if spec.kind == Kind::Month {
        return s.text(spec.key);
    }
    let value = num(lang, s.get(spec.key));
    match unit_text(lang, spec.unit) {
        "" => value,
        unit if unit.starts_with('%') => format!("{value}{unit}"),
        unit => format!("{value} {unit}"),
    }
}

/// The default of a key (given the rest of the scenario), written like [`value_text`].
fn default_text(lang: Lang, s: &Scenario, spec: &ParamSpec) -> String {
    let mut default = s.clone();
    default.reset(spec.key);
    value_text(lang, &default, spec)
}

/// A unit in the page language; empty for none.
fn unit_text(lang: Lang, unit: Unit) -> &'static str {
    match unit {
        Unit::None | Unit::Month => "",
        Unit::Percent => "%",
        Unit::PercentPerYear => t!(lang, "explain.unit.percent_per_year"),
        Unit::PercentPerMonth => t!(lang, "explain.unit.percent_per_month"),
        Unit::ClientsPerMonth => t!(lang, "explain.unit.clients_per_month"),
        Unit::Clients => t!(lang, "explain.unit.clients"),
        Unit::Months => t!(lang, "explain.unit.months"),
        Unit::Runs => t!(lang, "explain.unit.runs"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parameter_has_a_meaning_in_the_catalogue() {
        for spec in &PARAMS {
            let key = format!("explain.param.{}", spec.name);
            assert!(crate::i18n::has(&key), "missing {key}");
        }
    }

    #[test]
    fn values_show_the_decimals_they_need() {
        assert_eq!(num(Lang::Nl, 12.5), "12,5");
        assert_eq!(num(Lang::En, 250.0), "250");
        assert_eq!(num(Lang::Nl, 0.05), "0,05");
        assert_eq!(pct(Lang::Nl, f64::NAN), "–");
        let s = Scenario::default();
        assert_eq!(value_text(Lang::Nl, &s, wlz_scenario::params::spec(Key::Level)), "250 cliënten per maand");
        assert_eq!(value_text(Lang::En, &s, wlz_scenario::params::spec(Key::Trend)), "0% per year");
        assert_eq!(value_text(Lang::En, &s, wlz_scenario::params::spec(Key::T1To)), "2024-03");
    }
}
