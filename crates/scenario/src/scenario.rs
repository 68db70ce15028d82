//! A scenario: one value per key of the parameter table, in URL units.
//!
//! Only values that differ from their default are stored; every other key
//! reads its default from [`crate::params::PARAMS`]. Some defaults follow
//! other keys (a lever's start month is the projection's start; lever 3
//! defaults to youth0; target 2's window is the horizon's last 12 months).

use crate::lever::{LeverRow, PerLever};
use crate::model_params::{LeverSetting, ModelParams, TargetSpec, Uncertain};
use crate::month::Month;
use crate::observed::ObservedSeries;
use crate::params::{self, DefaultRule, Key, KeySet, Kind, PARAMS, ParamSpec};
use crate::problem::{Issue, Problem};
use crate::target::{PerTarget, TargetRow, Threshold};
use std::sync::Arc;

/// A complete scenario under one key set; `Scenario::default()` is the
/// current key set's default scenario, [`Scenario::new`] any key set's.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    keys: KeySet,
    values: [Option<f64>; PARAMS.len()],
    /// Observed monthly intake: shown with the projection under every key set;
    /// under key set 2 the months before the start condition the runs (`fit`)
    /// and the start follows the last one.
    observed: Option<Arc<ObservedSeries>>,
}

impl std::default::Default for Scenario {
    fn default() -> Scenario {
        Scenario::new(KeySet::default())
    }
}

impl Scenario {
    /// The default scenario of key set `keys` (model 1 for [`KeySet::V1`]).
    pub fn new(keys: KeySet) -> Scenario {
        Scenario { keys, values: [None; PARAMS.len()], observed: None }
    }

    /// The key set (and model) of this scenario.
    pub fn key_set(&self) -> KeySet {
        self.keys
    }

    /// The same scenario under key set `keys`: every value in effect kept
    /// where the key set has the key, also where its default differs (model 1's
    /// trend spread of 3 % stays 3 %); keys new in `keys` take its defaults,
    /// keys it lacks are dropped; the observations are kept.
    pub fn with_key_set(&self, keys: KeySet) -> Scenario {
        let mut out = Scenario { keys, ..self.clone() };
        for spec in PARAMS.iter().filter(|p| p.in_key_set(keys) && p.in_key_set(self.keys)) {
            if spec.default_in(keys) != spec.default_in(self.keys) {
                out.values[spec.key as usize] = Some(self.get(spec.key));
            }
        }
        for spec in PARAMS.iter().filter(|p| !p.in_key_set(keys)) {
            out.values[spec.key as usize] = None;
        }
        out.normalize();
        out
    }

    /// The observed series, if any.
    pub fn observed(&self) -> Option<&ObservedSeries> {
        self.observed.as_deref()
    }

    /// Sets (or with None removes) the observed series; keys whose default
    /// follows it (key set 2's start) follow it.
    pub fn set_observed(&mut self, series: Option<ObservedSeries>) {
        self.put_observed(series);
        self.normalize();
    }

    /// Puts the observed series without normalizing yet (a decoder stores
    /// everything, then [`Scenario::repair`] normalizes once).
    pub(crate) fn put_observed(&mut self, series: Option<ObservedSeries>) {
        self.observed = series.filter(|s| !s.points.is_empty()).map(Arc::new);
    }

    /// The last observed month, if any.
    pub fn last_observed(&self) -> Option<Month> {
        self.observed().and_then(|s| s.points.iter().map(|p| p.month).max())
    }

    /// The value of `key` in URL units (percent for shares, months as [`Month`] numbers).
    pub fn get(&self, key: Key) -> f64 {
        self.values[key as usize].unwrap_or_else(|| self.default_of(key))
    }

    /// The month value of a month key.
    pub fn month(&self, key: Key) -> Month {
        Month(self.get(key) as i32)
    }

    /// The default of `key` given the other values of this scenario.
    pub fn default_of(&self, key: Key) -> f64 {
        match params::spec(key).default_in(self.keys) {
            DefaultRule::Fixed(v) => v,
            DefaultRule::Start => self.get(Key::Start),
            DefaultRule::SameAs(other) => self.get(other),
            DefaultRule::FromEnd(n) => self.get(Key::Start) + self.get(Key::Horizon) - 1.0 - f64::from(n),
            DefaultRule::AfterObserved(without) => {
                let spec = params::spec(key);
                self.last_observed().map_or(without, |m| f64::from(m.0 + 1).clamp(spec.min, spec.max))
            }
        }
    }

    /// True when `key` is at its default (and so is left out of the URL).
    pub fn is_default(&self, key: Key) -> bool {
        self.values[key as usize].is_none()
    }

    /// Sets `key` to `value` (URL units) after checking its kind and range;
    /// a value equal to the default is stored as "default". On error nothing changes.
    pub fn set(&mut self, key: Key, value: f64) -> Result<(), Problem> {
        self.store(key, value)?;
        self.normalize();
        Ok(())
    }

    /// Checks and stores a value without comparing it to its default yet: a
    /// decoder stores every key, then normalizes once (in [`Scenario::repair`]),
    /// so the order of the keys in a link does not matter.
    pub(crate) fn store(&mut self, key: Key, value: f64) -> Result<(), Problem> {
        let spec = params::spec(key);
        if !spec.in_key_set(self.keys) {
            return Err(Problem::new(spec.name, &format_value(spec, value), Issue::NotInKeySet(self.keys)));
        }
        check(spec, value).map_err(|issue| Problem::new(spec.name, &format_value(spec, value), issue))?;
        self.values[key as usize] = Some(value);
        Ok(())
    }

    /// Parses `text` as the value of the key named `name` and stores it (see [`Scenario::store`]).
    pub(crate) fn store_text(&mut self, name: &str, text: &str) -> Result<(), Problem> {
        let spec = params::by_name(name).ok_or_else(|| Problem::new(name, text, Issue::UnknownKey))?;
        let value = parse_value(spec, text).ok_or_else(|| Problem::new(name, text, Issue::Malformed(spec.kind)))?;
        self.store(spec.key, value)
    }

    /// Forgets every stored value that equals its default (defaults can follow
    /// other keys: a lever's start month follows `start`), so that a scenario
    /// has one form whatever order its keys were set in.
    fn normalize(&mut self) {
        for spec in PARAMS.iter() {
            if self.values[spec.key as usize] == Some(self.default_of(spec.key)) {
                self.values[spec.key as usize] = None;
            }
        }
    }

    /// Parses `text` as the value of the key named `name` and sets it.
    pub fn set_text(&mut self, name: &str, text: &str) -> Result<(), Problem> {
        self.store_text(name, text)?;
        self.normalize();
        Ok(())
    }

    /// Puts `key` back at its default.
    pub fn reset(&mut self, key: Key) {
        self.values[key as usize] = None;
    }

    /// The value of `key` as written in the URL (`YYYY-MM` for months).
    pub fn text(&self, key: Key) -> String {
        format_value(params::spec(key), self.get(key))
    }

    /// Checks the rules that tie keys together and repairs what breaks them:
    /// the offending key goes back to its default, or to the nearest valid
    /// value when its default breaks the rule too. Returns one problem per repair.
    pub fn repair(&mut self) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (mean, sd) in [(Key::Eps, Key::EpsSd), (Key::Theta, Key::ThetaSd)] {
            let limit = beta_sd_limit(self.get(mean));
            if !sd_fits(self.get(sd), limit) {
                let bad = self.text(sd);
                self.reset(sd);
                if !sd_fits(self.get(sd), limit) {
                    let step = params::spec(sd).step;
                    let fitting = ((limit / step).ceil() - 1.0).max(0.0) * step;
                    self.values[sd as usize] = Some(fitting);
                }
                problems.push(Problem::new(params::spec(sd).name, &bad, Issue::SpreadTooLarge { mean, limit }));
            }
        }
        for (from, to) in crate::target::TARGETS.map(|t| (t.from, t.to)) {
            if self.get(to) < self.get(from) {
                let bad = self.text(to);
                self.reset(to);
                if self.get(to) < self.get(from) {
                    self.reset(from);
                }
                problems.push(Problem::new(params::spec(to).name, &bad, Issue::WindowReversed { from }));
            }
        }
        self.normalize();
        problems
    }

    /// Today's value of `lever` in percent: the default of its value key
    /// (levers change nothing by default; lever 3's today is `youth0`).
    pub fn today(&self, lever: &LeverRow) -> f64 {
        self.default_of(lever.value)
    }

    /// The threshold of `target` (clients/month).
    pub fn threshold(&self, target: &TargetRow) -> f64 {
        match target.threshold {
            Threshold::Cut { reference, cut } => self.get(reference) * (1.0 - self.get(cut) / 100.0),
            Threshold::Level(key) => self.get(key),
        }
    }

    /// The scenario in model units (shares as fractions, months relative to the start).
    /// Call [`Scenario::repair`] first on anything that did not come from `set`.
    pub fn model_params(&self) -> ModelParams {
        let start = self.month(Key::Start);
        let share = |key| self.get(key) / 100.0;
        let offset = |key| self.month(key).since(start);
        let uncertain = |mean, sd, scale: f64| Uncertain { mean: self.get(mean) / scale, sd: self.get(sd) / scale };
        let v2 = self.keys >= KeySet::V2;
        let observed: Vec<(i32, u32)> = match self.observed() {
            Some(series) if v2 => series.points.iter().map(|p| (p.month.since(start), p.count)).collect(),
            _ => Vec::new(),
        };
        ModelParams {
            keys: self.keys,
            seed: self.get(Key::Seed) as u64,
            runs: self.get(Key::Runs) as u32,
            start,
            horizon: self.get(Key::Horizon) as u32,
            levers: PerLever::from_fn(|id| {
                let row = id.row();
                LeverSetting {
                    today: self.today(row) / 100.0,
                    target: share(row.value),
                    from: offset(row.from),
                    ramp: self.get(row.ramp) as u32,
                }
            }),
            level: uncertain(Key::Level, Key::LevelSd, 1.0),
            floor: if v2 { self.get(Key::Floor) } else { 0.0 },
            anchor_lag: if v2 { start.since(self.month(Key::Anchor)) } else { 0 },
            trend: uncertain(Key::Trend, Key::TrendSd, 100.0),
            eps: uncertain(Key::Eps, Key::EpsSd, 100.0),
            theta: uncertain(Key::Theta, Key::ThetaSd, 100.0),
            phi: self.get(Key::Phi),
            sigma: share(Key::Sigma),
            wmo: share(Key::Wmo),
            youth0: share(Key::Youth0),
            stock: self.get(Key::Stock),
            outflow: share(Key::Outflow),
            targets: PerTarget::from_fn(|id| {
                let row = id.row();
                TargetSpec { threshold: self.threshold(row), from: offset(row.from), to: offset(row.to) }
            }),
            observed: Arc::new(observed),
            fit: v2 && self.get(Key::Fit) == 1.0,
        }
    }
}

/// Largest standard deviation (percent) a beta parameter with mean `mean`
/// (percent) can have: sqrt(m (1 - m)), exclusive.
pub fn beta_sd_limit(mean: f64) -> f64 {
    (mean * (100.0 - mean)).max(0.0).sqrt()
}

fn sd_fits(sd: f64, limit: f64) -> bool {
    sd == 0.0 || sd < limit
}

fn check(spec: &ParamSpec, value: f64) -> Result<(), Issue> {
    if !value.is_finite() {
        return Err(Issue::Malformed(spec.kind));
    }
    if spec.kind != Kind::Real && value.fract() != 0.0 {
        return Err(Issue::Malformed(spec.kind));
    }
    if value < spec.min || value > spec.max {
        return Err(Issue::OutOfRange { min: format_value(spec, spec.min), max: format_value(spec, spec.max) });
    }
    Ok(())
}

/// Parses a value as written in the URL: whole numbers for `Int`, plain
/// decimals (no exponent, no `inf`/`nan`) for `Real`, `YYYY-MM` for months.
pub fn parse_value(spec: &ParamSpec, text: &str) -> Option<f64> {
    match spec.kind {
        Kind::Month => Month::parse(text).map(|m| f64::from(m.0)),
        kind => plain_number(text, kind),
    }
}

/// A whole number (`Int`) or a plain decimal (`Real`) as written in the URL.
fn plain_number(text: &str, kind: Kind) -> Option<f64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let ok = digits.len() <= crate::decimal::MAX_DIGITS && (kind == Kind::Real || !digits.contains('.'));
    ok.then(|| crate::decimal::parse_plain(text)).flatten()
}

/// A decimal number as a person types it (a form field, a pasted count),
/// rewritten in the URL's form (`-0.3`, `250.0`) for [`parse_value`]:
/// surrounding spaces are ignored; the decimal mark may be a comma or a point
/// (`0,3` and `0.3` are both 0.3); a leading `-` or `−` (U+2212, as the page
/// writes negative numbers) is a minus. No thousands grouping and no exponent.
/// A single mark followed by exactly three digits after a whole part that does
/// not start with 0 (`1.250`, `29,500`) is refused as [`Issue::Ambiguous`]: Dutch
/// groups thousands with a point, English with a comma, so it could be 1250 or
/// 1.25. With `whole`, a fraction of one or two zeros is dropped (`250,0` is 250).
/// Anything else that is not a plain number is [`Issue::Malformed`] (as a `Real`).
pub fn typed_decimal(text: &str, whole: bool) -> Result<String, Issue> {
    let text = text.trim();
    let text = text.strip_prefix('\u{2212}').map_or_else(|| text.to_string(), |rest| format!("-{rest}"));
    let marks: Vec<usize> = text.match_indices([',', '.']).map(|(i, _)| i).collect();
    let Some(&at) = marks.first() else { return Ok(text) };
    if marks.len() > 1 {
        return Err(Issue::Malformed(Kind::Real));
    }
    let (int_part, fraction) = (&text[..at], &text[at + 1..]);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = int_part.strip_prefix('-').unwrap_or(int_part);
    if fraction.len() == 3 && digits(fraction) && digits(unsigned) && !unsigned.starts_with('0') {
        return Err(Issue::Ambiguous);
    }
    if whole && (1..=2).contains(&fraction.len()) && fraction.bytes().all(|b| b == b'0') {
        return Ok(int_part.to_string());
    }
    Ok(format!("{int_part}.{fraction}"))
}

/// The value a person typed for `spec` (see [`typed_decimal`]; months as
/// `YYYY-MM`), in URL units, not yet checked against the key's range: the one
/// reader of every numeric field of the page.
pub fn parse_typed(spec: &ParamSpec, text: &str) -> Result<f64, Issue> {
    let text = match spec.kind {
        Kind::Month => text.trim().to_string(),
        Kind::Int | Kind::Real => typed_decimal(text, spec.kind == Kind::Int)?,
    };
    parse_value(spec, &text).ok_or(Issue::Malformed(spec.kind))
}

/// A decimal number a person typed where no key of the table applies (the
/// confidence of "what would it take"), read like [`parse_typed`] reads a `Real`.
pub fn parse_typed_number(text: &str) -> Result<f64, Issue> {
    plain_number(&typed_decimal(text, false)?, Kind::Real).ok_or(Issue::Malformed(Kind::Real))
}

/// Writes a value as in the URL: the shortest decimal that reads back to the
/// same number (never an exponent), whole numbers without a point, months as `YYYY-MM`.
pub fn format_value(spec: &ParamSpec, value: f64) -> String {
    match spec.kind {
        Kind::Month => Month(value as i32).to_string(),
        _ if !value.is_finite() => value.to_string(),
        _ => {
            let text = format!("{value}");
            if text == "-0" { "0".into() } else { text }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_their_keys() {
        let mut s = Scenario::default();
        assert_eq!(s.text(Key::LongerFrom), "2024-01");
        assert_eq!(s.text(Key::T2From), "2030-01");
        assert_eq!(s.text(Key::T2To), "2030-12");
        assert_eq!(s.get(Key::Youth), 10.0);
        s.set_text("youth0", "20").unwrap();
        s.set_text("horizon", "12").unwrap();
        assert_eq!(s.get(Key::Youth), 20.0);
        assert_eq!(s.text(Key::T2From), "2024-01");
    }

    #[test]
    fn a_link_keeps_an_explicit_value_that_was_the_default_of_the_moment() {
        let d = crate::codec::decode("youth=10&youth0=2.72");
        assert_eq!(d.scenario.get(Key::Youth), 10.0, "youth=10 is a choice once youth0 is 2.72");
        assert_eq!(crate::codec::decode(&crate::codec::encode(&d.scenario)).scenario, d.scenario);
    }

    #[test]
    fn the_order_of_keys_does_not_matter() {
        let mut a = Scenario::default();
        a.set_text("region_from", "2033-05").unwrap();
        a.set_text("start", "2033-05").unwrap();
        let mut b = Scenario::default();
        b.set_text("start", "2033-05").unwrap();
        b.set_text("region_from", "2033-05").unwrap();
        assert_eq!(a, b);
        assert!(a.is_default(Key::RegionFrom), "equal to the start month: the default");
    }

    #[test]
    fn set_rejects_bad_values_and_keeps_the_old_one() {
        let mut s = Scenario::default();
        let e = s.set_text("aid", "120").unwrap_err();
        assert_eq!(e.to_string(), "aid=120: out of range, allowed 0 to 100");
        assert!(s.set_text("runs", "10.5").is_err());
        assert!(s.set_text("aid", "1e2").is_err());
        assert!(s.set_text("aid", "NaN").is_err());
        assert!(s.set_text("start", "2024-1").is_err());
        assert!(s.set_text("nope", "1").is_err());
        assert!(s.is_default(Key::Aid) && s.is_default(Key::Runs));
        s.set(Key::Aid, 0.0).unwrap();
        assert!(s.is_default(Key::Aid), "a value equal to its default is not stored");
    }

    #[test]
    fn typed_numbers_take_a_decimal_comma_or_point() {
        let spec = params::spec;
        assert_eq!(parse_typed(spec(Key::Outflow), "0,3"), Ok(0.3));
        assert_eq!(parse_typed(spec(Key::Outflow), " 0.3 "), Ok(0.3));
        assert_eq!(parse_typed(spec(Key::LevelSd), "12,5"), Ok(12.5));
        assert_eq!(parse_typed(spec(Key::Phi), "\u{2212}0,5"), Ok(-0.5));
        assert_eq!(parse_typed(spec(Key::Phi), "-0,99"), Ok(-0.99));
        assert_eq!(parse_typed(spec(Key::Phi), "0,125"), Ok(0.125), "a leading 0 groups no thousands");
        assert_eq!(parse_typed(spec(Key::Runs), "20000"), Ok(20_000.0));
        assert_eq!(parse_typed(spec(Key::Runs), "250,0"), Ok(250.0));
        assert_eq!(parse_typed(spec(Key::Runs), "250,5"), Err(Issue::Malformed(Kind::Int)));
        assert_eq!(parse_typed(spec(Key::Stock), "30.000"), Err(Issue::Ambiguous));
        assert_eq!(parse_typed(spec(Key::Level), "1,250"), Err(Issue::Ambiguous));
        assert_eq!(parse_typed(spec(Key::Level), "1.234,5"), Err(Issue::Malformed(Kind::Real)));
        assert_eq!(parse_typed(spec(Key::Level), "2e2"), Err(Issue::Malformed(Kind::Real)));
        assert_eq!(parse_typed(spec(Key::Level), ""), Err(Issue::Malformed(Kind::Real)));
        assert_eq!(parse_typed(spec(Key::Level), ","), Err(Issue::Malformed(Kind::Real)));
        assert_eq!(parse_typed(spec(Key::Start), "2025-03"), Ok(24_302.0));
        assert_eq!(parse_typed(spec(Key::Start), "2025-3"), Err(Issue::Malformed(Kind::Month)));
        assert_eq!(parse_typed_number(" 95,5 "), Ok(95.5));
        assert_eq!(parse_typed_number("NaN"), Err(Issue::Malformed(Kind::Real)));
        assert_eq!(parse_typed_number("1.000"), Err(Issue::Ambiguous));
    }

    #[test]
    fn repair_fixes_spreads_too_large_for_the_mean() {
        let mut s = Scenario::default();
        s.set_text("eps", "99").unwrap();
        let problems = s.repair();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(s.get(Key::EpsSd) < beta_sd_limit(99.0));
        assert!(s.repair().is_empty(), "a repaired scenario is valid");
        s.set_text("t1_to", "2023-12").unwrap();
        assert_eq!(s.repair().len(), 1);
        assert_eq!(s.text(Key::T1To), "2024-03");
    }

    #[test]
    fn default_model_params_match_the_brief() {
        let p = Scenario::default().model_params();
        assert_eq!((p.runs, p.seed, p.horizon), (10_000, 1, 84));
        let [t1, t2] = p.targets.0;
        assert_eq!(t1.threshold, 240.0);
        assert_eq!((t1.from, t1.to, t2.from, t2.to), (0, 2, 72, 83));
        assert!(p.levers.0.iter().all(LeverSetting::is_idle));
        assert_eq!(p.levers[crate::lever::LeverId::Longer].today, 0.25);
        assert_eq!((p.level.mean, p.level.sd, p.eps.mean, p.theta.sd), (250.0, 12.5, 0.5, 0.07));
    }
}
