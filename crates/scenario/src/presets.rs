//! Preset lever settings: "no policy" and two illustrative packages. A preset
//! sets the four levers (value, start month, ramp) and leaves every other key
//! (assumptions, targets, seed) as it is. Their reasoning: docs/presets.md.

use crate::Scenario;
use crate::params::{Group, PARAMS};
use crate::problem::Problem;

/// A named set of lever values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preset {
    /// Stable identifier (used for the page's catalogue keys `preset.<id>`).
    pub id: &'static str,
    /// The lever keys it sets, as a query string (other lever keys go to their defaults).
    pub levers: &'static str,
    /// True when the values are illustrative (no published figure behind them).
    pub illustrative: bool,
}

/// The presets, in the order the page shows them.
pub const PRESETS: [Preset; 3] = [
    Preset { id: "none", levers: "", illustrative: false },
    Preset {
        id: "agreements2023",
        levers: "longer=40&longer_ramp=24&aid=60&aid_ramp=6&region=10&region_ramp=12",
        illustrative: true,
    },
    Preset {
        id: "ambitious",
        levers: "longer=75&longer_ramp=24&aid=90&aid_ramp=6&youth=8&youth_ramp=24&region=25&region_ramp=12",
        illustrative: true,
    },
];

impl Preset {
    /// `scenario` with this preset's levers: every lever key reset, then the preset's keys set.
    pub fn apply(&self, scenario: &Scenario) -> Result<Scenario, Problem> {
        let mut out = scenario.clone();
        for spec in PARAMS.iter().filter(|p| matches!(p.group, Group::Lever(_))) {
            out.reset(spec.key);
        }
        for part in self.levers.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            out.set_text(key, value)?;
        }
        out.repair();
        Ok(out)
    }

    /// True when `scenario`'s levers are exactly this preset's.
    pub fn matches(&self, scenario: &Scenario) -> bool {
        self.apply(scenario).is_ok_and(|applied| &applied == scenario)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::{decode, encode};

    #[test]
    fn presets_set_levers_and_keep_the_rest() {
        let start = decode("v=1&seed=9&eps=40&aid=30&aid_from=2025-01").scenario;
        for preset in PRESETS {
            let applied = preset.apply(&start).expect("a valid preset");
            assert!(preset.matches(&applied), "{}", preset.id);
            assert!(encode(&applied).starts_with("v=1&seed=9"), "{}", encode(&applied));
            assert!(encode(&applied).contains("eps=40"));
        }
        assert_eq!(encode(&PRESETS[0].apply(&start).unwrap()), "v=1&seed=9&eps=40");
        assert!(!PRESETS[1].matches(&start));
    }
}
