//! The parameter table: the single source of truth for every scenario key.
//!
//! Each row gives the public key (MODEL-BRIEF "Scenario keys", fixed for
//! version 1 of the key set), its unit, valid range, default and where the
//! default comes from. The URL codec, the CLI, the page and the docs all read
//! this table; no range or default is written anywhere else.

use serde::{Deserialize, Serialize};

/// Every scenario key, in canonical order (the order of the brief's table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Key {
    /// Random seed.
    Seed,
    /// Number of Monte Carlo runs.
    Runs,
    /// First projected month.
    Start,
    /// Number of projected months.
    Horizon,
    /// 1: observations before the start condition the runs; 0: shown and back-tested only (key set 2).
    Fit,
    /// Lever 1: share of Wmo beschikkingen longer than one year (%).
    Longer,
    /// Lever 1: start month.
    LongerFrom,
    /// Lever 1: ramp (months).
    LongerRamp,
    /// Lever 2: hulpmiddel adoption (%).
    Aid,
    /// Lever 2: start month.
    AidFrom,
    /// Lever 2: ramp (months).
    AidRamp,
    /// Lever 3: share aged 26 or younger in the intake (%).
    Youth,
    /// Lever 3: start month.
    YouthFrom,
    /// Lever 3: ramp (months).
    YouthRamp,
    /// Lever 4: regional approach, reduction (%).
    Region,
    /// Lever 4: start month.
    RegionFrom,
    /// Lever 4: ramp (months).
    RegionRamp,
    /// L: underlying level (clients/month).
    Level,
    /// Standard deviation of L (clients/month).
    LevelSd,
    /// g: autonomous trend (% per year).
    Trend,
    /// Standard deviation of g (% per year).
    TrendSd,
    /// The calendar month at which L is the underlying level (key set 2).
    Anchor,
    /// F: intake that the trend does not touch, from demographic growth alone (clients/month; key set 2).
    Floor,
    /// epsilon: share of Wmo-to-Wlz transitions triggered by a renewal (%).
    Eps,
    /// Standard deviation of epsilon (%).
    EpsSd,
    /// theta: hulpmiddel effect (%).
    Theta,
    /// Standard deviation of theta (%).
    ThetaSd,
    /// phi: AR(1) coefficient of the fluctuation (unitless).
    Phi,
    /// sigma: sd of the log fluctuation factor (%).
    Sigma,
    /// w: share of intake with Wmo support before (%).
    Wmo,
    /// y0: share aged 26 or younger in today's intake (%).
    Youth0,
    /// S(0): stock of clients with an indication at the start month (clients).
    Stock,
    /// mu: outflow from the stock (% per month).
    Outflow,
    /// Target 1: reference level (clients/month).
    Baseline,
    /// Target 1: reduction below the reference level (%).
    Cut,
    /// Target 1: first month of the window.
    T1From,
    /// Target 1: last month of the window.
    T1To,
    /// Target 2: threshold (clients/month).
    T2,
    /// Target 2: first month of the window.
    T2From,
    /// Target 2: last month of the window.
    T2To,
}

/// How a value is written and parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A whole number.
    Int,
    /// A decimal number.
    Real,
    /// A calendar month, written `YYYY-MM`; stored as [`crate::Month`]'s number.
    Month,
}

/// Unit of a value as written in the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// No unit.
    None,
    /// Percent (0 to 100 for shares).
    Percent,
    /// Percent per year.
    PercentPerYear,
    /// Percent per month.
    PercentPerMonth,
    /// Clients per month.
    ClientsPerMonth,
    /// Clients.
    Clients,
    /// Months (a duration).
    Months,
    /// A calendar month.
    Month,
    /// Monte Carlo runs.
    Runs,
}

/// Where a default comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "text")]
pub enum Provenance {
    /// A published source, named in a few words.
    Source(&'static str),
    /// A modelling assumption (no published figure).
    Assumption,
    /// A setting of the simulation itself (seed, runs, horizon).
    Setting,
}

/// A version of the public key set (`v` in a link), and with it of the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub enum KeySet {
    /// Version 1: model 1 (the baseline L (1 + g)^(m/12) from the start month; no observations used).
    /// Its links give the same numbers forever.
    V1,
    /// Version 2: model 2 (a floor and an anchor month; observations before the start condition the runs).
    #[default]
    V2,
}

impl KeySet {
    /// Every key set, oldest first.
    pub const ALL: [KeySet; 2] = [KeySet::V1, KeySet::V2];

    /// The value of `v` in a link.
    pub const fn code(self) -> &'static str {
        match self {
            KeySet::V1 => "1",
            KeySet::V2 => "2",
        }
    }

    /// The key set written `code` in a link.
    pub fn parse(code: &str) -> Option<KeySet> {
        KeySet::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The version of the model's numbers for this key set (shown in the page and in every export).
    pub const fn model_version(self) -> &'static str {
        match self {
            KeySet::V1 => "1.1.0",
            KeySet::V2 => "2.0.0",
        }
    }
}

/// The default of a key.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum DefaultRule {
    /// A fixed value, in URL units (months as [`crate::Month`] numbers).
    Fixed(f64),
    /// The scenario's start month.
    Start,
    /// The value of another key (lever 3 defaults to youth0: no change).
    SameAs(Key),
    /// A month counted from the horizon's end: 0 is its last month.
    FromEnd(i32),
    /// The month after the last observation; this month (a [`crate::Month`] number) without observations.
    AfterObserved(f64),
}

/// Which group of the page a key belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Seed, runs, start, horizon.
    Simulation,
    /// One of the levers.
    Lever(crate::lever::LeverId),
    /// An uncertain parameter or a structural assumption.
    Assumption,
    /// The targets.
    Target,
}

/// One row of the parameter table.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ParamSpec {
    /// The key's identity.
    pub key: Key,
    /// The public name in the query string (fixed for key set version 1).
    pub name: &'static str,
    /// What it means, in a few English words (the page's labels come from its NL/EN catalogue).
    pub meaning: &'static str,
    /// How it is written.
    pub kind: Kind,
    /// Its unit in the URL.
    pub unit: Unit,
    /// Smallest valid value, in URL units.
    pub min: f64,
    /// Largest valid value, in URL units.
    pub max: f64,
    /// A sensible step for sliders, in URL units.
    pub step: f64,
    /// The default.
    pub default: DefaultRule,
    /// Where the default comes from.
    pub provenance: Provenance,
    /// Where it lives on the page.
    pub group: Group,
    /// The first key set with this key (older links cannot carry it).
    pub since: KeySet,
    /// The default under key set 1, where it differs from [`ParamSpec::default`] (key set 2's).
    pub v1_default: Option<DefaultRule>,
}

const SEED_004: &str = "Kamerstuk 25 424 nr. 676 (13 Dec 2023)";
/// Kamerstuk 25 424 nr. 651 (14 April 2023).
const NR_651: &str = "Kamerstuk 25 424 nr. 651 (14 Apr 2023)";
const MONTH_MIN: f64 = 24_252.0; // 2021-01
const MONTH_MAX: f64 = 24_731.0; // 2060-12

/// A row with only its identity filled in; the builder methods below add the rest.
const fn p(key: Key, name: &'static str, meaning: &'static str, group: Group) -> ParamSpec {
    ParamSpec {
        key,
        name,
        meaning,
        kind: Kind::Real,
        unit: Unit::None,
        min: 0.0,
        max: 0.0,
        step: 1.0,
        default: DefaultRule::Fixed(0.0),
        provenance: Provenance::Assumption,
        group,
        since: KeySet::V1,
        v1_default: None,
    }
}

impl ParamSpec {
    const fn real(mut self, unit: Unit, min: f64, max: f64, step: f64, default: f64) -> ParamSpec {
        (self.unit, self.min, self.max, self.step, self.default) = (unit, min, max, step, DefaultRule::Fixed(default));
        self
    }

    const fn int(self, unit: Unit, min: f64, max: f64, step: f64, default: f64) -> ParamSpec {
        let mut row = self.real(unit, min, max, step, default);
        row.kind = Kind::Int;
        row
    }

    const fn month(mut self, default: DefaultRule) -> ParamSpec {
        (self.kind, self.unit, self.min, self.max, self.default) =
            (Kind::Month, Unit::Month, MONTH_MIN, MONTH_MAX, default);
        self
    }

    const fn ramp(self, default: f64) -> ParamSpec {
        self.int(Unit::Months, 0.0, 120.0, 1.0, default)
    }

    const fn follows(mut self, default: DefaultRule) -> ParamSpec {
        self.default = default;
        self
    }

    const fn source(mut self, source: &'static str) -> ParamSpec {
        self.provenance = Provenance::Source(source);
        self
    }

    const fn setting(mut self) -> ParamSpec {
        self.provenance = Provenance::Setting;
        self
    }

    /// A key that key set 2 introduced.
    const fn since_v2(mut self) -> ParamSpec {
        self.since = KeySet::V2;
        self
    }

    /// Under key set 1 the default was `default`.
    const fn v1(mut self, default: DefaultRule) -> ParamSpec {
        self.v1_default = Some(default);
        self
    }

    /// The default under key set `keys`.
    pub const fn default_in(&self, keys: KeySet) -> DefaultRule {
        match (keys, self.v1_default) {
            (KeySet::V1, Some(rule)) => rule,
            _ => self.default,
        }
    }

    /// True when key set `keys` has this key.
    pub fn in_key_set(&self, keys: KeySet) -> bool {
        keys >= self.since
    }
}

use crate::lever::LeverId;
use DefaultRule::{AfterObserved, Fixed, FromEnd, SameAs, Start};
use Group::{Assumption as A, Lever, Simulation as S, Target as T};
use Unit::{Clients, ClientsPerMonth as PerMonth, Months, Percent, PercentPerMonth, PercentPerYear, Runs};

const SIGNIFICANT: &str = "Significant study in Kamerstuk 25 424 nr. 676 (13 Dec 2023)";
const CBS: &str = "CBS via Kamerstuk 25 424 nr. 676 (13 Dec 2023)";
const STOCK: &str = "between Kamerstuk 25 424 nr. 651 (early 2023) and Bureau Lenz (Nov 2024)";

/// The parameter table, in canonical key order.
pub const PARAMS: [ParamSpec; 40] = [
    p(Key::Seed, "seed", "random seed", S).int(Unit::None, 0.0, 4_294_967_295.0, 1.0, 1.0).setting(),
    p(Key::Runs, "runs", "number of Monte Carlo runs", S).int(Runs, 100.0, 100_000.0, 100.0, 10_000.0).setting(),
    p(Key::Start, "start", "first projected month", S).month(AfterObserved(24_288.0)).v1(Fixed(24_288.0)).setting(),
    p(Key::Horizon, "horizon", "number of projected months", S).int(Months, 12.0, 240.0, 1.0, 84.0).setting(),
    p(Key::Fit, "fit", "1: observations before the start condition the runs; 0: shown and back-tested only", S)
        .int(Unit::None, 0.0, 1.0, 1.0, 1.0)
        .setting()
        .since_v2(),
    p(Key::Longer, "longer", "lever 1: share of Wmo beschikkingen longer than one year", Lever(LeverId::Longer))
        .real(Percent, 0.0, 100.0, 1.0, 25.0)
        .source(SIGNIFICANT),
    p(Key::LongerFrom, "longer_from", "lever 1: start month", Lever(LeverId::Longer)).month(Start),
    p(Key::LongerRamp, "longer_ramp", "lever 1: ramp", Lever(LeverId::Longer)).ramp(12.0),
    p(Key::Aid, "aid", "lever 2: hulpmiddel adoption (share of referrals where it is used)", Lever(LeverId::Aid))
        .real(Percent, 0.0, 100.0, 1.0, 0.0)
        .source(SEED_004),
    p(Key::AidFrom, "aid_from", "lever 2: start month", Lever(LeverId::Aid)).month(Start),
    p(Key::AidRamp, "aid_ramp", "lever 2: ramp", Lever(LeverId::Aid)).ramp(6.0),
    p(Key::Youth, "youth", "lever 3: share aged 26 or younger in the intake", Lever(LeverId::Youth))
        .real(Percent, 0.0, 45.0, 1.0, 0.0)
        .follows(SameAs(Key::Youth0))
        .source(CBS),
    p(Key::YouthFrom, "youth_from", "lever 3: start month", Lever(LeverId::Youth)).month(Start),
    p(Key::YouthRamp, "youth_ramp", "lever 3: ramp", Lever(LeverId::Youth)).ramp(12.0),
    p(Key::Region, "region", "lever 4: regional approach and other measures, reduction", Lever(LeverId::Region))
        .real(Percent, 0.0, 50.0, 1.0, 0.0),
    p(Key::RegionFrom, "region_from", "lever 4: start month", Lever(LeverId::Region)).month(Start),
    p(Key::RegionRamp, "region_ramp", "lever 4: ramp", Lever(LeverId::Region)).ramp(12.0),
    p(Key::Level, "level", "L: underlying monthly intake without measures (mean)", A)
        .real(PerMonth, 0.0, 2_000.0, 1.0, 250.0)
        .source(SEED_004),
    p(Key::LevelSd, "level_sd", "L: standard deviation", A).real(PerMonth, 0.0, 500.0, 0.5, 12.5),
    p(Key::Trend, "trend", "g: autonomous yearly trend (mean)", A).real(PercentPerYear, -50.0, 50.0, 0.5, 0.0),
    p(Key::TrendSd, "trend_sd", "g: standard deviation", A).real(PercentPerYear, 0.0, 50.0, 0.5, 10.0).v1(Fixed(3.0)),
    p(Key::Anchor, "anchor", "month at which L is the underlying level", A).month(Fixed(24_281.0)).since_v2(),
    p(Key::Floor, "floor", "F: intake that the trend does not touch (demographic growth alone)", A)
        .real(PerMonth, 0.0, 1_000.0, 1.0, 40.0)
        .since_v2(),
    p(Key::Eps, "eps", "epsilon: share of Wmo-to-Wlz transitions triggered by a renewal (mean)", A)
        .real(Percent, 0.0, 100.0, 1.0, 50.0),
    p(Key::EpsSd, "eps_sd", "epsilon: standard deviation", A).real(Percent, 0.0, 50.0, 0.5, 20.0),
    p(Key::Theta, "theta", "theta: share of referrals where the hulpmiddel prevents an application (mean)", A)
        .real(Percent, 0.0, 100.0, 1.0, 15.0),
    p(Key::ThetaSd, "theta_sd", "theta: standard deviation", A).real(Percent, 0.0, 50.0, 0.5, 7.0),
    p(Key::Phi, "phi", "fluctuation: AR(1) coefficient", A).real(Unit::None, -0.99, 0.99, 0.01, 0.6),
    p(Key::Sigma, "sigma", "fluctuation: sd of the log factor", A).real(Percent, 0.0, 100.0, 0.5, 10.0),
    p(Key::Wmo, "wmo", "w: share of intake with Wmo support before", A).real(Percent, 0.0, 100.0, 1.0, 60.0),
    p(Key::Youth0, "youth0", "y0: share aged 26 or younger in today's intake", A)
        .real(Percent, 1.0, 45.0, 0.5, 10.0)
        .source(CBS),
    p(Key::Stock, "stock", "S(0): clients with a ggz-wonen indication at the start", A)
        .int(Clients, 0.0, 1_000_000.0, 100.0, 29_500.0)
        .source(STOCK),
    p(Key::Outflow, "outflow", "mu: outflow from the stock", A).real(PercentPerMonth, 0.0, 10.0, 0.05, 0.2),
    p(Key::Baseline, "baseline", "target 1: reference level", T)
        .real(PerMonth, 1.0, 5_000.0, 1.0, 300.0)
        .source(SEED_004),
    p(Key::Cut, "cut", "target 1: reduction below the reference", T)
        .real(Percent, 0.0, 100.0, 1.0, 20.0)
        .source(SEED_004),
    p(Key::T1From, "t1_from", "target 1: first month of the window", T).month(Fixed(24_288.0)).source(SEED_004),
    p(Key::T1To, "t1_to", "target 1: last month of the window", T).month(Fixed(24_290.0)).source(SEED_004),
    p(Key::T2, "t2", "target 2: threshold", T).real(PerMonth, 0.0, 5_000.0, 1.0, 100.0).source(SEED_004),
    p(Key::T2From, "t2_from", "target 2: first month of the window", T).month(FromEnd(11)).source(SEED_004),
    p(Key::T2To, "t2_to", "target 2: last month of the window", T).month(FromEnd(0)).source(SEED_004),
];

/// An assumption of the model that is not a scenario key: fixed in the
/// equations, shown with the parameter table and in the page with its badge.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct FixedAssumption {
    /// Its identifier (catalogue keys `fixed.<id>` and `explain.fixed.<id>`).
    pub id: &'static str,
    /// What it is, in a few English words (docs and the CLI's key list).
    pub meaning: &'static str,
    /// Its value as written in the docs.
    pub value: &'static str,
}

/// Typical lengths (months) of the three beschikking buckets of lever 1: at
/// most one year, one to two years, longer or open-ended (an assumption).
pub const BUCKET_MONTHS: [f64; 3] = [12.0, 24.0, 60.0];

/// How a share moved into longer beschikkingen splits over buckets 2 and 3 (an
/// assumption: today's ratio 20 : 5 of the Significant study, 4 : 1).
pub const LONGER_SPLIT: [f64; 2] = [0.8, 0.2];

/// The model's assumptions that are not scenario keys.
pub const FIXED_ASSUMPTIONS: [FixedAssumption; 2] = [
    FixedAssumption {
        id: "lengths",
        meaning: "lever 1: typical length of a beschikking of at most 1 year, 1 to 2 years, longer (months)",
        value: "12, 24, 60",
    },
    FixedAssumption {
        id: "split",
        meaning: "lever 1: how decisions made longer than a year split over 1 to 2 years and longer",
        value: "4 : 1 (0.8 and 0.2)",
    },
];

/// An observed intake figure shown beside the projection (never used in the equations).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Observed {
    /// First month the figure covers.
    pub from: crate::Month,
    /// Last month the figure covers.
    pub to: crate::Month,
    /// Lowest monthly intake of the period (clients/month).
    pub low: f64,
    /// Highest monthly intake of the period (clients/month); equal to `low` for an average.
    pub high: f64,
    /// Where the figure comes from.
    pub source: &'static str,
}

/// Observed monthly intake before the projection: 300 to 400 a month in 2022
/// (Kamerstuk 25 424 nr. 651) and about 250 a month on average from January to
/// about November 2023 (Kamerstuk 25 424 nr. 676).
pub const OBSERVED: [Observed; 2] = [
    Observed {
        from: crate::Month::new(2022, 1),
        to: crate::Month::new(2022, 12),
        low: 300.0,
        high: 400.0,
        source: NR_651,
    },
    Observed {
        from: crate::Month::new(2023, 1),
        to: crate::Month::new(2023, 11),
        low: 250.0,
        high: 250.0,
        source: SEED_004,
    },
];

/// Source of the 2022 observed intake (300 to 400 a month), shown on the chart.
pub const OBSERVED_2022_SOURCE: &str = NR_651;
/// Source of the 2023 observed intake (about 250 a month), shown on the chart.
pub const OBSERVED_2023_SOURCE: &str = SEED_004;

/// The row of `key`.
pub const fn spec(key: Key) -> &'static ParamSpec {
    &PARAMS[key as usize]
}

/// The row whose public name is `name`.
pub fn by_name(name: &str) -> Option<&'static ParamSpec> {
    PARAMS.iter().find(|p| p.name == name)
}

impl Unit {
    /// The unit as written in the docs and the CLI's key list.
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::None => "",
            Unit::Percent => "%",
            Unit::PercentPerYear => "% per year",
            Unit::PercentPerMonth => "% per month",
            Unit::ClientsPerMonth => "clients/month",
            Unit::Clients => "clients",
            Unit::Months => "months",
            Unit::Month => "YYYY-MM",
            Unit::Runs => "runs",
        }
    }
}

/// A default rule in words (docs and the CLI's key list).
fn rule_text(spec: &ParamSpec, rule: DefaultRule) -> String {
    match rule {
        DefaultRule::Fixed(v) => crate::scenario::format_value(spec, v),
        DefaultRule::Start => "the start month".into(),
        DefaultRule::SameAs(other) => format!("= {} (no change)", self::spec(other).name),
        DefaultRule::FromEnd(0) => "last month of the horizon".into(),
        DefaultRule::FromEnd(n) => format!("{n} months before the horizon's end"),
        DefaultRule::AfterObserved(v) => {
            format!("the month after the last observation; {} without", crate::scenario::format_value(spec, v))
        }
    }
}

/// The parameter table as Markdown (docs/parameters.md and `wlz-sim --keys`):
/// key set 2's defaults, with key set 1's where they differ and the keys key set 2 added.
pub fn markdown_table() -> String {
    let mut out =
        String::from("| key | meaning | unit | valid range | default | source |\n|---|---|---|---|---|---|\n");
    for spec in &PARAMS {
        let text = |v| crate::scenario::format_value(spec, v);
        let mut default = rule_text(spec, spec.default);
        if let Some(v1) = spec.v1_default {
            default.push_str(&format!(" (key set 1: {})", rule_text(spec, v1)));
        }
        if spec.since == KeySet::V2 {
            default.push_str(" (key set 2 only)");
        }
        let provenance = match spec.provenance {
            Provenance::Source(source) => source,
            Provenance::Assumption => "assumption",
            Provenance::Setting => "setting",
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} to {} | {} | {} |\n",
            spec.name,
            spec.meaning,
            spec.unit.symbol(),
            text(spec.min),
            text(spec.max),
            default,
            provenance
        ));
    }
    out.push_str(
        "\nFixed in the equations (assumptions, not keys):\n\n| assumption | value | source |\n|---|---|---|\n",
    );
    for fixed in &FIXED_ASSUMPTIONS {
        out.push_str(&format!("| {} | {} | assumption |\n", fixed.meaning, fixed.value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Month;

    #[test]
    fn table_is_in_key_order_with_unique_names() {
        for (i, p) in PARAMS.iter().enumerate() {
            assert_eq!(p.key as usize, i, "{}", p.name);
            assert_eq!(by_name(p.name).map(|q| q.key), Some(p.key));
            assert!(p.min <= p.max && p.step > 0.0, "{}", p.name);
            if let Fixed(v) = p.default {
                assert!((p.min..=p.max).contains(&v), "default of {} out of range", p.name);
            }
        }
    }

    #[test]
    fn month_constants_match_their_comments() {
        assert_eq!(Month(MONTH_MIN as i32).to_string(), "2021-01");
        assert_eq!(Month(MONTH_MAX as i32).to_string(), "2060-12");
        assert_eq!(Month(24_288).to_string(), "2024-01");
        assert_eq!(Month(24_290).to_string(), "2024-03");
        assert_eq!(Month(24_281).to_string(), "2023-06");
    }
}
