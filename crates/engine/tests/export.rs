//! The JSON export that the worker writes for the page: the CLI's report
//! without its wall-clock time, so that the same link gives the same bytes.

use wlz_engine::{codec, export, output::Report, simulate};

#[test]
fn the_json_export_is_the_clis_report_without_its_timing_and_the_same_bytes_each_time() {
    let scenario = codec::decode("v=1&runs=200&aid=30").scenario;
    let params = scenario.model_params();
    let projection = simulate::project(&params);
    let query = codec::encode(&scenario);
    let (a, b) = (Report::new(&query, &params, &projection, 12.5), Report::new(&query, &params, &projection, 99.0));
    assert_eq!(export::report_json(&a), export::report_json(&b), "no wall-clock time in the page's JSON");
    let mut cli = serde_json::to_value(&a).unwrap();
    cli.as_object_mut().unwrap().remove("elapsed_ms");
    let page: serde_json::Value = serde_json::from_str(&export::report_json(&a)).unwrap();
    assert_eq!(page, cli, "every other field as the CLI writes it");
    // The negative control: the CLI's own JSON does differ with the time.
    assert_ne!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
}
