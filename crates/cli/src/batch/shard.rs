//! `--shard`: which contiguous block of the input's scenarios this process
//! runs, so that the outputs of shards 1..n, concatenated in order, are the
//! output of one process byte for byte.

/// Shard `index` of `count` (1 ≤ index ≤ count).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// This shard's number, from 1.
    pub index: u64,
    /// Number of shards.
    pub count: u64,
}

/// Most shards accepted.
pub const MAX_SHARDS: u64 = 1_000_000;

/// Reads an environment variable as a whole number, naming it on failure.
fn env_number(env: &dyn Fn(&str) -> Option<String>, name: &str, default: Option<u64>) -> Result<u64, String> {
    match (env(name), default) {
        (Some(text), _) => text
            .trim()
            .parse()
            .map_err(|_| format!("--shard: {name}={text}: not a whole number, allowed 0 to {MAX_SHARDS}")),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(format!("--shard: {name} is not set (not inside a job array?)")),
    }
}

impl Shard {
    /// Parses `i/n`, `slurm` (from `SLURM_ARRAY_TASK_ID`, `SLURM_ARRAY_TASK_MIN`,
    /// `SLURM_ARRAY_TASK_STEP` and `SLURM_ARRAY_TASK_COUNT`) or `k8s/n`
    /// (Kubernetes' 0-based `JOB_COMPLETION_INDEX` of an Indexed Job with n
    /// completions), reading variables through `env`.
    pub fn parse(text: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<Shard, String> {
        let allowed = "allowed i/n with 1 <= i <= n, slurm or k8s/n";
        let number = |s: &str| s.trim().parse::<u64>().ok().filter(|v| (1..=MAX_SHARDS).contains(v));
        let shard = match text.split_once('/') {
            _ if text == "slurm" => {
                let id = env_number(env, "SLURM_ARRAY_TASK_ID", None)?;
                let min = env_number(env, "SLURM_ARRAY_TASK_MIN", Some(0))?;
                let step = env_number(env, "SLURM_ARRAY_TASK_STEP", Some(1))?.max(1);
                let count = env_number(env, "SLURM_ARRAY_TASK_COUNT", None)?;
                let offset = id
                    .checked_sub(min)
                    .ok_or_else(|| format!("--shard: SLURM_ARRAY_TASK_ID={id} is below SLURM_ARRAY_TASK_MIN={min}"))?;
                Shard { index: offset / step + 1, count }
            }
            Some(("k8s", n)) => {
                let count = number(n).ok_or_else(|| format!("--shard={text}: {allowed}"))?;
                Shard { index: env_number(env, "JOB_COMPLETION_INDEX", None)? + 1, count }
            }
            Some((i, n)) => match (number(i), number(n)) {
                (Some(index), Some(count)) => Shard { index, count },
                _ => return Err(format!("--shard={text}: {allowed}")),
            },
            None => return Err(format!("--shard={text}: {allowed}")),
        };
        if shard.count == 0 || shard.count > MAX_SHARDS || shard.index > shard.count {
            return Err(format!("--shard={text}: shard {} of {}, {allowed}", shard.index, shard.count));
        }
        Ok(shard)
    }

    /// The scenario numbers (from 1) of this shard among `total`: a contiguous
    /// block, the blocks of shards 1..n in order covering 1..=total once.
    pub fn block(self, total: u64) -> std::ops::RangeInclusive<u64> {
        let edge = |k: u64| ((u128::from(total) * u128::from(k)) / u128::from(self.count)) as u64;
        edge(self.index - 1) + 1..=edge(self.index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn blocks_cover_every_scenario_once_in_order() {
        for total in [0, 1, 5, 7, 1000] {
            for count in 1..=9 {
                let covered: Vec<u64> = (1..=count).flat_map(|index| Shard { index, count }.block(total)).collect();
                assert_eq!(covered, (1..=total).collect::<Vec<_>>(), "{total} in {count}");
            }
        }
        assert_eq!(Shard { index: 2, count: 3 }.block(10), 4..=6);
    }

    #[test]
    fn reads_the_job_arrays() {
        let none = env_of(&[]);
        assert_eq!(Shard::parse("2/4", &none), Ok(Shard { index: 2, count: 4 }));
        let slurm =
            env_of(&[("SLURM_ARRAY_TASK_ID", "7"), ("SLURM_ARRAY_TASK_MIN", "5"), ("SLURM_ARRAY_TASK_COUNT", "4")]);
        assert_eq!(Shard::parse("slurm", &slurm), Ok(Shard { index: 3, count: 4 }));
        let k8s = env_of(&[("JOB_COMPLETION_INDEX", "0")]);
        assert_eq!(Shard::parse("k8s/8", &k8s), Ok(Shard { index: 1, count: 8 }));
        for (text, env, message) in [
            (
                "5/4",
                &none as &dyn Fn(&str) -> Option<String>,
                "--shard=5/4: shard 5 of 4, allowed i/n with 1 <= i <= n, slurm or k8s/n",
            ),
            ("0/4", &none, "--shard=0/4: allowed i/n with 1 <= i <= n, slurm or k8s/n"),
            ("half", &none, "--shard=half: allowed i/n with 1 <= i <= n, slurm or k8s/n"),
            ("slurm", &none, "--shard: SLURM_ARRAY_TASK_ID is not set (not inside a job array?)"),
            (
                "k8s/2",
                &env_of(&[("JOB_COMPLETION_INDEX", "2")]),
                "--shard=k8s/2: shard 3 of 2, allowed i/n with 1 <= i <= n, slurm or k8s/n",
            ),
        ] {
            assert_eq!(Shard::parse(text, env), Err(message.to_string()), "{text}");
        }
    }
}
