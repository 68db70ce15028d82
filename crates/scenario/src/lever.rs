//! The levers as data: one row per lever, read by the parameter table, the
//! model's parameters, the "what would it take" search, the attribution, the
//! command line's help, the page's lever panels and the explanation.
//!
//! A lever has three scenario keys (its value in percent, its start month and
//! its ramp in months), a strongest value (the end of its range that lowers
//! the intake most) and catalogue keys for the page. Today's value is the
//! default of its value key (the parameter table's row: no change by default). Adding a
//! lever: a variant of [`LeverId`], a row in [`LEVERS`], its three keys in
//! [`crate::params`], its factor in the engine's model, and its strings in the
//! catalogue (ARCHITECTURE.md, "Add a lever").

use crate::params::{self, Key};
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Which lever.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeverId {
    /// Lever 1: longer Wmo beschikkingen (share longer than one year).
    Longer,
    /// Lever 2: the hulpmiddel (adoption).
    Aid,
    /// Lever 3: the share aged 26 or younger in the intake.
    Youth,
    /// Lever 4: the regional approach and other measures (a direct reduction).
    Region,
}

/// Number of levers.
pub const LEVER_COUNT: usize = 4;

impl LeverId {
    /// Every lever, in the order of the brief (and of the parameter table).
    pub const ALL: [LeverId; LEVER_COUNT] = [LeverId::Longer, LeverId::Aid, LeverId::Youth, LeverId::Region];

    /// The lever's row of [`LEVERS`].
    pub const fn row(self) -> &'static LeverRow {
        &LEVERS[self as usize]
    }

    /// The lever's public name: the name of its value key (`longer`, `aid`, `youth`, `region`).
    pub const fn name(self) -> &'static str {
        params::spec(self.row().value).name
    }

    /// The lever named `name`.
    pub fn parse(name: &str) -> Option<LeverId> {
        LeverId::ALL.into_iter().find(|l| l.name() == name)
    }

    /// Its position, 0-based (lever 1 is 0).
    pub const fn index(self) -> usize {
        self as usize
    }
}

/// Which end of a lever's range lowers the intake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Raising the value lowers the intake: the strongest value is the range's maximum.
    Up,
    /// Lowering the value lowers the intake: the strongest value is the range's minimum.
    Down,
}

/// One lever's row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LeverRow {
    /// Which lever.
    pub id: LeverId,
    /// Its value key (percent).
    pub value: Key,
    /// Its start month key.
    pub from: Key,
    /// Its ramp key (months).
    pub ramp: Key,
    /// Which end of the value key's range is the strongest.
    pub direction: Direction,
    /// True when the lever is an assumed direct cut of the intake rather than a mechanism (lever 4).
    pub assumed_cut: bool,
    /// Catalogue key of its label.
    pub label: &'static str,
    /// Catalogue key of the sentence on today's value and its source.
    pub today_text: &'static str,
    /// Catalogue key of its short name (tables, the explanation).
    pub short: &'static str,
    /// Catalogue key of what it does, in the explanation.
    pub explain: &'static str,
}

impl LeverRow {
    /// The strongest value of the lever (percent): the end of its range that lowers the intake.
    pub fn strongest(&self) -> f64 {
        let spec = params::spec(self.value);
        match self.direction {
            Direction::Up => spec.max,
            Direction::Down => spec.min,
        }
    }

    /// The three keys of the lever: value, start month, ramp.
    pub const fn keys(&self) -> [Key; 3] {
        [self.value, self.from, self.ramp]
    }
}

/// The levers, in [`LeverId`] order.
pub const LEVERS: [LeverRow; LEVER_COUNT] = [
    LeverRow {
        id: LeverId::Longer,
        value: Key::Longer,
        from: Key::LongerFrom,
        ramp: Key::LongerRamp,
        direction: Direction::Up,
        assumed_cut: false,
        label: "lever.longer",
        today_text: "lever.longer.today",
        short: "lever.longer.short",
        explain: "explain.longer.text",
    },
    LeverRow {
        id: LeverId::Aid,
        value: Key::Aid,
        from: Key::AidFrom,
        ramp: Key::AidRamp,
        direction: Direction::Up,
        assumed_cut: false,
        label: "lever.aid",
        today_text: "lever.aid.today",
        short: "lever.aid.short",
        explain: "explain.aid.text",
    },
    LeverRow {
        id: LeverId::Youth,
        value: Key::Youth,
        from: Key::YouthFrom,
        ramp: Key::YouthRamp,
        direction: Direction::Down,
        assumed_cut: false,
        label: "lever.youth",
        today_text: "lever.youth.today",
        short: "lever.youth.short",
        explain: "explain.youth.text",
    },
    LeverRow {
        id: LeverId::Region,
        value: Key::Region,
        from: Key::RegionFrom,
        ramp: Key::RegionRamp,
        direction: Direction::Up,
        assumed_cut: true,
        label: "lever.region",
        today_text: "lever.region.today",
        short: "lever.region.short",
        explain: "explain.region.text",
    },
];

crate::per_id::per_id!(
    /// One value per lever, indexed by [`LeverId`]; serialised as an object with
    /// the levers' names as fields, in lever order (`{"longer": …, "aid": …}`).
    PerLever,
    LeverId,
    LEVER_COUNT
);

impl<T: Serialize> Serialize for PerLever<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(LEVER_COUNT))?;
        for (lever, value) in self.iter() {
            map.serialize_entry(lever.name(), value)?;
        }
        map.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for PerLever<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PerLever<T>, D::Error> {
        struct Fields<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Fields<T> {
            type Value = PerLever<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object with one field per lever")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PerLever<T>, A::Error> {
                let mut slots: [Option<T>; LEVER_COUNT] = Default::default();
                while let Some(name) = map.next_key::<String>()? {
                    let lever = LeverId::parse(&name).ok_or_else(|| de::Error::unknown_field(&name, &[]))?;
                    slots[lever as usize] = Some(map.next_value()?);
                }
                let mut missing = None;
                let values = LeverId::ALL.map(|l| {
                    slots[l as usize].take().or_else(|| {
                        missing = Some(l.name());
                        None
                    })
                });
                if let Some(name) = missing {
                    return Err(de::Error::missing_field(name));
                }
                Ok(PerLever(values.map(|v| v.expect("checked above"))))
            }
        }
        deserializer.deserialize_map(Fields(std::marker::PhantomData))
    }
}

/// Clients averted per lever over the horizon (clients; positive = fewer clients).
pub type Contributions = PerLever<f64>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{Group, Kind, PARAMS};

    #[test]
    fn rows_match_the_parameter_table() {
        for (i, row) in LEVERS.iter().enumerate() {
            assert_eq!(row.id.index(), i);
            assert_eq!(LeverId::parse(row.id.name()), Some(row.id));
            for key in row.keys() {
                assert_eq!(params::spec(key).group, Group::Lever(row.id), "{key:?}");
            }
            assert_eq!(params::spec(row.from).kind, Kind::Month);
            assert_eq!(params::spec(row.ramp).unit, params::Unit::Months);
        }
        let lever_keys = PARAMS.iter().filter(|p| matches!(p.group, Group::Lever(_))).count();
        assert_eq!(lever_keys, 3 * LEVER_COUNT, "every lever key belongs to a row");
    }

    #[test]
    fn per_lever_json_names_the_levers_in_order() {
        let v = PerLever([1.0, 2.5, 0.0, -1.0]);
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(json, r#"{"longer":1.0,"aid":2.5,"youth":0.0,"region":-1.0}"#);
        assert_eq!(serde_json::from_str::<PerLever<f64>>(&json).unwrap(), v);
        assert!(serde_json::from_str::<PerLever<f64>>(r#"{"longer":1.0}"#).is_err());
        assert!(serde_json::from_str::<PerLever<f64>>(r#"{"nope":1.0}"#).is_err());
    }

    #[test]
    fn strongest_values() {
        let s: Vec<f64> = LEVERS.iter().map(LeverRow::strongest).collect();
        assert_eq!(s, [100.0, 100.0, 0.0, 50.0]);
    }
}
