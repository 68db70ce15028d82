//! The parameter table: the single source of truth for every scenario key.
//!
//! Each row gives the public key (MODEL-BRIEF "Scenario keys", fixed for
//! version 1 of the key set), its unit, valid range, default and where the
//! default comes from. The URL codec, the CLI, the page and the docs all read
//! this table; no range or default is written anywhere else.

use serde::Serialize;

/// Every scenario key, in canonical order (the order of the brief's table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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
}

/// Which group of the page a key belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Seed, runs, start, horizon.
    Simulation,
    /// One of the four levers (1 to 4).
    Lever(u8),
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
}

const SEED_004: &str = "Kamerstuk 25 424 nr. 676 (13 Dec 2023)";
const NR_651: &str = "Kamerstuk 25 424 nr. 651 (14 Apr 2023)";
const MONTH_MIN: f64 = 24_252.0; // 2021-01
const MONTH_MAX: f64 = 24_731.0; // 2060-12

#[allow(clippy::too_many_arguments)] // one table row: the columns are the arguments
const fn row(
    key: Key,
    name: &'static str,
    kind: Kind,
    unit: Unit,
    range: (f64, f64),
    step: f64,
    default: DefaultRule,
    provenance: Provenance,
    group: Group,
) -> ParamSpec {
    ParamSpec { key, name, kind, unit, min: range.0, max: range.1, step, default, provenance, group }
}

const fn month_row(
    key: Key,
    name: &'static str,
    default: DefaultRule,
    provenance: Provenance,
    group: Group,
) -> ParamSpec {
    row(key, name, Kind::Month, Unit::Month, (MONTH_MIN, MONTH_MAX), 1.0, default, provenance, group)
}

const fn ramp_row(key: Key, name: &'static str, default: f64, group: Group) -> ParamSpec {
    row(
        key,
        name,
        Kind::Int,
        Unit::Months,
        (0.0, 120.0),
        1.0,
        DefaultRule::Fixed(default),
        Provenance::Assumption,
        group,
    )
}

use DefaultRule::{Fixed, FromEnd, SameAs, Start};
use Group::{Assumption as A, Lever, Simulation as S, Target as T};
use Kind::{Int, Real};
use Provenance::{Assumption, Setting, Source};

/// The parameter table, in canonical key order.
pub const PARAMS: [ParamSpec; 37] = [
    row(Key::Seed, "seed", Int, Unit::None, (0.0, 4_294_967_295.0), 1.0, Fixed(1.0), Setting, S),
    row(Key::Runs, "runs", Int, Unit::Runs, (100.0, 100_000.0), 100.0, Fixed(10_000.0), Setting, S),
    month_row(Key::Start, "start", Fixed(24_288.0), Setting, S),
    row(Key::Horizon, "horizon", Int, Unit::Months, (12.0, 240.0), 1.0, Fixed(84.0), Setting, S),
    row(
        Key::Longer,
        "longer",
        Real,
        Unit::Percent,
        (0.0, 100.0),
        1.0,
        Fixed(25.0),
        Source("Significant study in Kamerstuk 25 424 nr. 676 (13 Dec 2023)"),
        Lever(1),
    ),
    month_row(Key::LongerFrom, "longer_from", Start, Assumption, Lever(1)),
    ramp_row(Key::LongerRamp, "longer_ramp", 12.0, Lever(1)),
    row(Key::Aid, "aid", Real, Unit::Percent, (0.0, 100.0), 1.0, Fixed(0.0), Source(SEED_004), Lever(2)),
    month_row(Key::AidFrom, "aid_from", Start, Assumption, Lever(2)),
    ramp_row(Key::AidRamp, "aid_ramp", 6.0, Lever(2)),
    row(
        Key::Youth,
        "youth",
        Real,
        Unit::Percent,
        (0.0, 45.0),
        1.0,
        SameAs(Key::Youth0),
        Source("CBS via Kamerstuk 25 424 nr. 676 (13 Dec 2023)"),
        Lever(3),
    ),
    month_row(Key::YouthFrom, "youth_from", Start, Assumption, Lever(3)),
    ramp_row(Key::YouthRamp, "youth_ramp", 12.0, Lever(3)),
    row(Key::Region, "region", Real, Unit::Percent, (0.0, 50.0), 1.0, Fixed(0.0), Assumption, Lever(4)),
    month_row(Key::RegionFrom, "region_from", Start, Assumption, Lever(4)),
    ramp_row(Key::RegionRamp, "region_ramp", 12.0, Lever(4)),
    row(Key::Level, "level", Real, Unit::ClientsPerMonth, (0.0, 2_000.0), 1.0, Fixed(250.0), Source(SEED_004), A),
    row(Key::LevelSd, "level_sd", Real, Unit::ClientsPerMonth, (0.0, 500.0), 0.5, Fixed(12.5), Assumption, A),
    row(Key::Trend, "trend", Real, Unit::PercentPerYear, (-50.0, 50.0), 0.5, Fixed(0.0), Assumption, A),
    row(Key::TrendSd, "trend_sd", Real, Unit::PercentPerYear, (0.0, 50.0), 0.5, Fixed(3.0), Assumption, A),
    row(Key::Eps, "eps", Real, Unit::Percent, (0.0, 100.0), 1.0, Fixed(50.0), Assumption, A),
    row(Key::EpsSd, "eps_sd", Real, Unit::Percent, (0.0, 50.0), 0.5, Fixed(20.0), Assumption, A),
    row(Key::Theta, "theta", Real, Unit::Percent, (0.0, 100.0), 1.0, Fixed(15.0), Assumption, A),
    row(Key::ThetaSd, "theta_sd", Real, Unit::Percent, (0.0, 50.0), 0.5, Fixed(7.0), Assumption, A),
    row(Key::Phi, "phi", Real, Unit::None, (-0.99, 0.99), 0.01, Fixed(0.6), Assumption, A),
    row(Key::Sigma, "sigma", Real, Unit::Percent, (0.0, 100.0), 0.5, Fixed(10.0), Assumption, A),
    row(Key::Wmo, "wmo", Real, Unit::Percent, (0.0, 100.0), 1.0, Fixed(60.0), Assumption, A),
    row(
        Key::Youth0,
        "youth0",
        Real,
        Unit::Percent,
        (1.0, 45.0),
        0.5,
        Fixed(10.0),
        Source("CBS via Kamerstuk 25 424 nr. 676 (13 Dec 2023)"),
        A,
    ),
    row(
        Key::Stock,
        "stock",
        Int,
        Unit::Clients,
        (0.0, 1_000_000.0),
        100.0,
        Fixed(29_500.0),
        Source("between Kamerstuk 25 424 nr. 651 (2023) and Bureau Lenz (Nov 2024)"),
        A,
    ),
    row(Key::Outflow, "outflow", Real, Unit::PercentPerMonth, (0.0, 10.0), 0.05, Fixed(0.2), Assumption, A),
    row(Key::Baseline, "baseline", Real, Unit::ClientsPerMonth, (1.0, 5_000.0), 1.0, Fixed(300.0), Source(SEED_004), T),
    row(Key::Cut, "cut", Real, Unit::Percent, (0.0, 100.0), 1.0, Fixed(20.0), Source(SEED_004), T),
    month_row(Key::T1From, "t1_from", Fixed(24_288.0), Source(SEED_004), T),
    month_row(Key::T1To, "t1_to", Fixed(24_290.0), Source(SEED_004), T),
    row(Key::T2, "t2", Real, Unit::ClientsPerMonth, (0.0, 5_000.0), 1.0, Fixed(100.0), Source(SEED_004), T),
    month_row(Key::T2From, "t2_from", FromEnd(11), Source(SEED_004), T),
    month_row(Key::T2To, "t2_to", FromEnd(0), Source(SEED_004), T),
];

/// Source of the 2022 observed intake (300 to 400 a month), shown on the chart.
pub const OBSERVED_2022_SOURCE: &str = NR_651;
/// Source of the 2023 observed intake (about 250 a month), shown on the chart.
pub const OBSERVED_2023_SOURCE: &str = SEED_004;

/// The row of `key`.
pub fn spec(key: Key) -> &'static ParamSpec {
    &PARAMS[key as usize]
}

/// The row whose public name is `name`.
pub fn by_name(name: &str) -> Option<&'static ParamSpec> {
    PARAMS.iter().find(|p| p.name == name)
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
    }
}
