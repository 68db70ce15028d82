//! Observed data, end to end: a spreadsheet export is read, travels in the
//! page link, and is back-tested against a projection's bands.

use wlz_engine::Month;
use wlz_engine::codec::{decode, encode_page};
use wlz_engine::observed::{Band, ObservedIssue, ObservedSeries, backtest};
use wlz_engine::simulate::project_runs;

/// A semicolon-separated export with a Dutch header, Windows line endings and a byte order mark.
const EXPORT: &str = "\u{FEFF}maand;aantal\r\n2023-11;251\r\n2023-12;244\r\n2024-01;247\r\n2024-02;1000\r\n\r\n2024-03;0\r\n2024-05;250\r\n";

#[test]
fn an_export_is_read_linked_and_back_tested() {
    let series = ObservedSeries::parse(EXPORT).expect("valid export");
    assert_eq!(series.points.len(), 6);
    assert_eq!(series.points[0].month, Month::new(2023, 11));

    let mut scenario = decode("v=1&runs=500").scenario;
    scenario.set_observed(Some(series.clone()));
    let link = encode_page(&scenario, &Default::default());
    assert_eq!(link, "v=1&runs=500&obs=2023-11~251.244.247.1000.0..250");
    let reopened = decode(&link);
    assert!(reopened.problems.is_empty(), "{:?}", reopened.problems);
    assert_eq!(reopened.scenario.observed(), Some(&series));

    let projection = project_runs(&reopened.scenario.model_params(), 500);
    let test = backtest(&series, &projection.months);
    assert_eq!((test.points, test.projected, test.not_projected), (6, 4, 2));
    let bands: Vec<Band> = test.checks.iter().map(|c| c.band).collect();
    assert_eq!(&bands[..2], &[Band::NotProjected, Band::NotProjected]);
    // 247 and 250 lie near the median of a 250-a-month projection; 1000 and 0 lie far outside.
    assert_eq!(&bands[2..], &[Band::Within50, Band::Outside90, Band::Outside90, Band::Within50]);
    assert_eq!((test.within_50, test.within_90), (2, 2));
    assert_eq!((test.share_50, test.share_90), (Some(0.5), Some(0.5)));
    // A point exactly on a band's edge is inside it (401 runs: (n - 1) p is whole, so the edges are counts).
    let projection = project_runs(&reopened.scenario.model_params(), 401);
    let jan = &projection.months[0];
    assert_eq!((jan.p95.fract(), jan.p75.fract()), (0.0, 0.0));
    for (edge, band) in [(jan.p95, Band::Within90), (jan.p95 + 1.0, Band::Outside90), (jan.p75, Band::Within50)] {
        let point = ObservedSeries::parse(&format!("2024-01,{edge}")).unwrap();
        assert_eq!(backtest(&point, &projection.months).checks[0].band, band, "{edge}");
    }
}

#[test]
fn the_series_is_simulated_against_its_own_draws() {
    // The back-test of the projection's own runs: about half of each month's
    // runs fall in the 50 % band and 90 % in the 90 % band.
    let p = decode("v=1&runs=400").scenario.model_params();
    let projection = project_runs(&p, 400);
    let run = wlz_engine::simulate::run_counts(&p, 7);
    let text: String = run.iter().enumerate().map(|(m, c)| format!("{},{c}\n", projection.months[m].month)).collect();
    let test = backtest(&ObservedSeries::parse(&text).unwrap(), &projection.months);
    assert_eq!(test.projected, 84);
    let (s50, s90) = (test.share_50.unwrap(), test.share_90.unwrap());
    assert!((0.3..=0.75).contains(&s50) && (0.8..=1.0).contains(&s90), "{s50} {s90}");
}

#[test]
fn bad_files_name_their_lines_and_keep_nothing_half_read() {
    let text = "month,count\n2024-01,250\n2024-02,2,5\n2024-03;x\n";
    let errors = ObservedSeries::parse(text).unwrap_err();
    assert_eq!(errors.len(), 2);
    assert_eq!((errors[0].line, errors[0].issue), (Some(3), ObservedIssue::Fields { found: 3 }));
    assert_eq!((errors[1].line, errors[1].issue), (Some(4), ObservedIssue::BadCount));
    assert_eq!(
        errors[1].to_string(),
        "line 4 (\"2024-03;x\"): not a whole number (digits only, no separators), allowed 0 to 100000"
    );
    let json = serde_json::to_value(&errors[0]).unwrap();
    assert_eq!(json["line"], 3);
    assert_eq!(json["issue"]["type"], "fields");
}
