use wlz_engine::codec::decode;
use wlz_engine::observed::ObservedSeries;
use wlz_engine::simulate::run_with_draws;
fn main() {
    let months: usize = std::env::args().nth(1).map_or(36, |a| a.parse().unwrap());
    let runs: u32 = std::env::args().nth(2).map_or(1000, |a| a.parse().unwrap());
    let generating = decode(&format!("v=2&seed=11&runs=1&horizon={}&start=2000-01&anchor=2000-01", months.min(240)))
        .scenario
        .model_params();
    let (_, counts) = run_with_draws(&generating, 0);
    let text: String =
        (0..months).map(|i| format!("{},{}\n", generating.start.plus(i as i32), counts[i % counts.len()])).collect();
    let mut s = decode(&format!("v=2&runs={runs}&anchor=2000-01")).scenario;
    s.set_observed(Some(ObservedSeries::parse(&text).unwrap()));
    let p = s.model_params();
    let post = wlz_engine::calibrate::calibrate(&p, runs).unwrap();
    println!("ess {}", post.calibration.diagnostic.ess);
}
