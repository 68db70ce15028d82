//! Component tests in headless Chromium (wasm-bindgen-test): mount, interact,
//! assert on the DOM. Run by `cargo xtask test`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;
use wlz_app::components::fan_chart::FanChart;
use wlz_app::components::lever::{LeverProps, lever};
use wlz_app::i18n::Lang;
use wlz_engine::Scenario;
use wlz_engine::lever::LeverId;
use wlz_engine::params::Key;
use yew::prelude::*;

mod support;

use support::{report, root, settle};

wasm_bindgen_test_configure!(run_in_browser);

#[function_component(LeverHarness)]
fn lever_harness() -> Html {
    let scenario = use_state(Scenario::default);
    let on_set = {
        let scenario = scenario.clone();
        Callback::from(move |(key, value): (Key, f64)| {
            let mut next = (*scenario).clone();
            next.set(key, value).unwrap();
            scenario.set(next);
        })
    };
    lever(&LeverProps {
        lever: LeverId::Aid,
        scenario: (*scenario).clone(),
        lang: Lang::Nl,
        problem: None,
        on_set,
        on_type: Callback::noop(),
    })
}

#[wasm_bindgen_test]
async fn lever_slider_input_updates_the_typed_entry() {
    let root = root();
    yew::Renderer::<LeverHarness>::with_root(root.clone()).render();
    settle().await;
    let label = root.query_selector("label").unwrap().unwrap();
    assert!(label.text_content().unwrap().contains("hulpmiddel"));
    let slider: HtmlInputElement = root.query_selector("input[type=range]").unwrap().unwrap().dyn_into().unwrap();
    let entry: HtmlInputElement = root.query_selector("#lever-aid-entry").unwrap().unwrap().dyn_into().unwrap();
    let from: HtmlInputElement = root.query_selector("input[type=month]").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(from.value(), "2024-01", "the lever starts at the projection's start by default");
    assert_eq!(entry.value(), "0");
    slider.set_value("40");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    slider.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    settle().await;
    assert_eq!(entry.value(), "40");
    assert!(root.text_content().unwrap().contains("Nu 0%"), "today's value with its source is shown");
}

#[wasm_bindgen_test]
async fn fan_chart_draws_bands_median_and_baseline() {
    let root = root();
    // Observed points: one far before the start (left out), two before it, one inside, one after the horizon (left out).
    let series =
        wlz_engine::observed::ObservedSeries::parse("2019-01,300\n2023-11,260\n2023-12,255\n2024-06,240\n2031-01,90")
            .expect("a valid series");
    let props = wlz_app::components::fan_chart::FanChartProps {
        report: report("", 300),
        lang: Lang::En,
        baseline: 300.0,
        points: Some(std::rc::Rc::new(series)),
    };
    yew::Renderer::<FanChart>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(root.query_selector_all("[data-testid=obs-point]").unwrap().length(), 3, "points within the x axis");
    let median = root.query_selector("[data-testid=median]").unwrap().expect("median path");
    let d = median.get_attribute("d").unwrap();
    assert_eq!(d.matches('L').count(), 83, "one point per month of the 84-month horizon");
    assert!(root.query_selector(".band90").unwrap().is_some() && root.query_selector(".band50").unwrap().is_some());
    assert!(root.query_selector("line.baseline").unwrap().is_some());
    assert!(root.text_content().unwrap().contains("2030"), "year ticks run to the horizon");
}

#[wasm_bindgen_test]
async fn summary_and_scorecard_show_both_targets_in_dutch_format_and_in_runs() {
    use wlz_app::components::scorecard::{ScorecardProps, scorecard};
    use wlz_app::components::summary::{SummaryProps, summary};
    #[function_component(SummaryHarness)]
    fn summary_harness() -> Html {
        summary(&SummaryProps { report: Some(report("v=1&aid=60", 500)), busy: false, lang: Lang::Nl })
    }
    #[function_component(ScorecardHarness)]
    fn scorecard_harness() -> Html {
        scorecard(&ScorecardProps { report: report("v=1&aid=60", 500), lang: Lang::Nl })
    }
    let root = root();
    yew::Renderer::<SummaryHarness>::with_root(root.clone()).render();
    settle().await;
    let p1 = root.query_selector("[data-testid=p-t1]").unwrap().expect("target 1").text_content().unwrap();
    assert!(p1.ends_with('%') && p1.contains(','), "Dutch decimal comma: {p1}");
    assert!(root.query_selector("[data-testid=p-t2]").unwrap().is_some());
    let details = self::root();
    yew::Renderer::<ScorecardHarness>::with_root(details.clone()).render();
    settle().await;
    let runs = details.query_selector("[data-testid=runs-t1]").unwrap().expect("runs").text_content().unwrap();
    assert!(runs.starts_with("in ") && runs.ends_with(" van de 500 runs"), "{runs}");
    let margin = details.query_selector("[data-testid=margin-t1]").unwrap().expect("margin").text_content().unwrap();
    assert!(margin.starts_with("simulatiemarge ± ") && margin.ends_with(" procentpunt"), "{margin}");
}

#[wasm_bindgen_test]
async fn the_lever_panel_renders_one_lever_per_row_of_the_table() {
    use wlz_app::components::lever::LeverPanel;
    #[function_component(PanelHarness)]
    fn panel_harness() -> Html {
        html! {
            <LeverPanel scenario={Scenario::default()} lang={Lang::En} problem={None}
                on_set={Callback::noop()} on_type={Callback::noop()} />
        }
    }
    let root = root();
    yew::Renderer::<PanelHarness>::with_root(root.clone()).render();
    settle().await;
    let levers = root.query_selector_all(".lever").unwrap();
    assert_eq!(levers.length() as usize, wlz_engine::lever::LEVERS.len());
    for (i, row) in wlz_engine::lever::LEVERS.iter().enumerate() {
        let slider = root.query_selector(&format!("#lever-{}", row.id.name())).unwrap();
        assert!(slider.is_some(), "lever {i} ({}) has its slider", row.id.name());
    }
}
