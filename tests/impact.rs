//! Component tests of the impact and explanation sections in headless
//! Chromium (wasm-bindgen-test): mount with a real engine result or
//! scenario, assert on the DOM.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use wasm_bindgen_test::*;
use web_sys::Element;
use wlz_app::components::explanation::{Explanation, ExplanationProps};
use wlz_app::components::impact::{Impact, ImpactProps};
use wlz_app::i18n::{Lang, number};
use wlz_engine::lever::LeverId;
use wlz_engine::output::Report;
use wlz_engine::params::{Key, PARAMS, Provenance};
use wlz_engine::{MODEL_VERSION, Scenario};

mod support;

use support::{report, root, settle};

wasm_bindgen_test_configure!(run_in_browser);

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).text_content().unwrap()
}

fn attr(root: &Element, selector: &str, name: &str) -> String {
    let element = root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"));
    element.get_attribute(name).unwrap_or_else(|| panic!("no {name} on {selector}"))
}

async fn mount_impact(report: Rc<Report>, lang: Lang) -> Element {
    let root = root();
    yew::Renderer::<Impact>::with_root_and_props(root.clone(), ImpactProps { report, lang }).render();
    settle().await;
    root
}

async fn mount_explanation(scenario: Scenario, lang: Lang) -> Element {
    let root = root();
    yew::Renderer::<Explanation>::with_root_and_props(root.clone(), ExplanationProps { scenario, lang }).render();
    settle().await;
    root
}

#[wasm_bindgen_test]
async fn impact_shows_averted_bars_and_stock_in_dutch() {
    let report = report("v=1&aid=60&region=10", 500);
    let root = mount_impact(report.clone(), Lang::Nl).await;
    let averted = text(&root, "[data-testid=averted-median]");
    assert_eq!(averted, number(Lang::Nl, report.averted.p50, 0));
    assert!(report.averted.p50 > 1000.0 && averted.contains('.'), "Dutch thousands separator: {averted}");
    let interval = text(&root, "[data-testid=averted-interval]");
    assert!(
        interval.contains("90%-interval") && interval.contains(&number(Lang::Nl, report.averted.p95, 0)),
        "{interval}"
    );
    assert!(text(&root, "[data-testid=averted]").contains("modeluitkomst, 500 runs"), "each figure names its source");
    assert_eq!(text(&root, "[data-testid=cumulative-median]"), number(Lang::Nl, report.cumulative.p50, 0));
    assert_eq!(text(&root, "[data-testid=stock-median]"), number(Lang::Nl, report.stock_end.p50, 0));

    assert_eq!(root.query_selector_all("rect.bar").unwrap().length(), 4, "one bar per lever");
    let width = |id: &str| attr(&root, &format!("[data-testid=bar-{id}] rect"), "width").parse::<f64>().unwrap();
    assert!(width("aid") > 0.0 && width("region") > 0.0, "active levers have bars");
    assert_eq!((width("longer"), width("youth")), (0.0, 0.0), "idle levers contribute exactly 0");
    assert_eq!(
        text(&root, "[data-testid=bar-aid] text.bar-value"),
        number(Lang::Nl, report.contributions[LeverId::Aid], 0)
    );
    assert!(root.query_selector("rect.negative").unwrap().is_none());

    let d = attr(&root, "[data-testid=stock-path]", "d");
    assert_eq!(d.matches('L').count(), 83, "one point per month of the 84-month horizon");
    assert!(!d.contains("NaN"));
    assert!(root.query_selector("[data-testid=stock-interval]").unwrap().is_some(), "90% interval at the horizon");
    assert_eq!(attr(&root, "svg.contrib-svg", "role"), "img");
    assert!(root.query_selector("svg.stock-svg title").unwrap().is_some());
    assert_eq!(text(&root, "[data-testid=youth-last]"), "10,0%", "youth lever idle: today's share");
}

#[wasm_bindgen_test]
async fn impact_draws_a_raised_youth_share_left_of_zero_in_english() {
    let report = report("v=1&youth=30", 300);
    let root = mount_impact(report.clone(), Lang::En).await;
    assert!(report.contributions[LeverId::Youth] < 0.0, "more young people, more intake");
    let rect = root.query_selector("[data-testid=bar-youth] rect").unwrap().unwrap();
    assert_eq!(rect.get_attribute("class").unwrap(), "bar negative");
    let zero = attr(&root, "line.zero", "x1").parse::<f64>().unwrap();
    let (x, w): (f64, f64) = (
        attr(&root, "[data-testid=bar-youth] rect", "x").parse().unwrap(),
        attr(&root, "[data-testid=bar-youth] rect", "width").parse().unwrap(),
    );
    assert!(w > 0.0 && (x + w - zero).abs() < 0.11, "the bar ends at the zero axis: {x} + {w} vs {zero}");
    let label = text(&root, "[data-testid=bar-youth] text.bar-value");
    assert!(label.starts_with('−') && label == number(Lang::En, report.contributions[LeverId::Youth], 0), "{label}");
    assert_eq!(attr(&root, "[data-testid=bar-youth] text.bar-value", "text-anchor"), "end");
    assert_eq!(text(&root, "[data-testid=youth-last]"), "30.0%");
    assert_eq!(text(&root, "[data-testid=youth-first]"), "11.7%", "month 0 of a 12-month ramp");
    assert!(text(&root, "[data-testid=youth]").contains("December 2030"));
    assert!(text(&root, "[data-testid=averted-median]").starts_with('−'), "a negative saving is shown as such");
    assert!(text(&root, "h2").contains("Effect of the measures"));
}

#[wasm_bindgen_test]
async fn explanation_fills_in_the_scenario_and_lists_the_sources_in_dutch() {
    let mut scenario = Scenario::default();
    scenario.set(Key::Aid, 50.0).unwrap();
    scenario.set(Key::Theta, 12.5).unwrap();
    let root = mount_explanation(scenario, Lang::Nl).await;
    assert_eq!(text(&root, "h2"), "Uitleg");
    let aid = text(&root, "[data-testid=eq-aid]");
    assert!(aid.contains("0% → 50%") && aid.contains("gemiddeld 12,5%"), "{aid}");
    assert!(root.query_selector("[data-testid=eq-aid] var").unwrap().is_some(), "symbols are marked up");
    assert!(root.query_selector("[data-testid=eq-aid] sub").unwrap().is_some());
    assert!(text(&root, "[data-testid=eq-base]").contains("= 40 + (250 − 40) × (1 + 0%)"), "model 2: the floor");
    assert!(text(&root, "[data-testid=eq-t1]").contains("300 × (1 − 20%) = 240"));
    for spec in PARAMS.iter() {
        let list = match spec.provenance {
            Provenance::Source(_) => "sourced",
            Provenance::Assumption => "assumed",
            Provenance::Setting => "settings",
        };
        let item = root.query_selector(&format!("[data-testid={list}] li[data-key={}]", spec.name)).unwrap();
        let item = item.unwrap_or_else(|| panic!("{} missing from the {list} list", spec.name));
        if let Provenance::Source(source) = spec.provenance {
            assert!(item.text_content().unwrap().contains(source), "{} names its source", spec.name);
        }
    }
    assert_eq!(
        root.query_selector_all("[data-testid=sourced] li").unwrap().length() as usize,
        PARAMS.iter().filter(|p| matches!(p.provenance, Provenance::Source(_))).count(),
        "nothing else is sourced"
    );
    assert!(text(&root, "[data-testid=sourced] li[data-key=level]").contains("250 cliënten per maand"));
    assert!(text(&root, "[data-testid=assumed] li[data-key=level_sd]").contains("12,5 cliënten per maand"));
    assert_eq!(text(&root, "[data-testid=explain-version]"), MODEL_VERSION);
}

#[wasm_bindgen_test]
async fn a_model_one_link_is_explained_with_model_one() {
    let root = mount_explanation(Scenario::new(wlz_engine::params::KeySet::V1), Lang::Nl).await;
    assert!(text(&root, "[data-testid=eq-base]").contains("= 250 × (1 + 0%)"), "no floor in model 1");
    assert_eq!(text(&root, "[data-testid=explain-version]"), "1.1.0");
}

#[wasm_bindgen_test]
async fn explanation_in_english_uses_decimal_points() {
    let mut scenario = Scenario::default();
    scenario.set(Key::Level, 300.0).unwrap();
    scenario.set(Key::Runs, 2000.0).unwrap();
    let root = mount_explanation(scenario, Lang::En).await;
    assert_eq!(text(&root, "h2"), "How it works");
    assert!(text(&root, "[data-testid=eq-base]").contains("= 40 + (300 − 40) × (1 + 0%)"));
    assert!(text(&root, "[data-testid=eq-draws]").contains("Normal(300, 12.5)"));
    assert!(text(&root, "[data-testid=explain-runs]").contains("2,000 runs"));
    assert!(text(&root, "[data-testid=eq-stock]").contains("S(0) = 29,500"));
}
