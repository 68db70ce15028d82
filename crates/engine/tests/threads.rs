//! Every number is the same whatever the split: model 2's parts merge to the
//! same bits in any split and any order, and with the `parallel` feature a
//! projection gives the same bits on 1, 2 or 3 threads. Model 1 is computed in one piece.

use wlz_engine::codec::decode;
use wlz_engine::simulate::{Context, Part, PartError, project_runs, splittable};

const OBS: &str = "2024-01~262.251.270.244.239.266.248.231.259.247.252.238.240.236.255.229.246.233.241.224";

fn params(query: &str) -> wlz_engine::ModelParams {
    decode(query).scenario.model_params()
}

#[test]
fn parts_of_any_split_merge_to_the_same_bits() {
    for query in ["v=2&runs=1500", &format!("v=2&runs=1500&aid=40&obs={OBS}")] {
        let p = params(query);
        assert!(splittable(&p));
        let ctx = Context::new(&p);
        let whole = ctx.finish(&ctx.part(0..1500));
        for cuts in [vec![1], vec![700], vec![3, 4, 1000], vec![250, 500, 750, 1000, 1250]] {
            let mut bounds = vec![0];
            bounds.extend(&cuts);
            bounds.push(1500);
            let mut parts: Vec<Part> = bounds.windows(2).map(|w| ctx.part(w[0]..w[1])).collect();
            parts.reverse();
            let merged = Part::merge(parts).expect("contiguous parts");
            assert_eq!(ctx.finish(&merged).checksum(), whole.checksum(), "{query}: cuts {cuts:?}");
        }
        assert_eq!(whole, project_runs(&p, 1500), "{query}");
    }
}

#[test]
fn model_one_is_one_part_and_gaps_are_refused() {
    let p = params("v=1&runs=400");
    assert!(!splittable(&p));
    let ctx = Context::new(&p);
    assert_eq!(Part::merge(vec![ctx.part(0..200), ctx.part(200..400)]), Err(PartError::NotSplittable));
    let q = params("v=2&runs=400");
    let ctx = Context::new(&q);
    assert_eq!(Part::merge(vec![ctx.part(0..100), ctx.part(200..400)]), Err(PartError::NotContiguous(100)));
    assert_eq!(Part::merge(Vec::new()), Err(PartError::Empty));
}

#[cfg(feature = "parallel")]
#[test]
fn one_two_and_three_threads_give_the_same_bits() {
    let queries = ["v=1&runs=3000", "v=2&runs=3000", &format!("v=2&runs=3000&region=20&obs={OBS}")];
    for query in queries {
        let p = params(query);
        let on = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a pool");
            pool.install(|| project_runs(&p, 3000))
        };
        let one = on(1);
        for threads in [2, 3] {
            let other = on(threads);
            assert_eq!(other.checksum(), one.checksum(), "{query}: {threads} threads");
            assert_eq!(other, one, "{query}: {threads} threads");
        }
    }
}
