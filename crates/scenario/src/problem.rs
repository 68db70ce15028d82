//! Problems found in untrusted input (a URL, a CLI argument, a typed value).
//!
//! Each names the key, the value as given (shortened when absurdly long) and
//! what is allowed. [`std::fmt::Display`] gives one English line for the CLI;
//! the page renders [`Issue`] from its own NL/EN catalogue.

use crate::observed::ObservedIssue;
use crate::params::{self, Key, Kind};
use serde::Serialize;
use std::fmt;

/// What is wrong with one key's value.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Issue {
    /// The key is not part of key set version 1.
    UnknownKey,
    /// The key appeared more than once; the first value was used.
    Duplicate,
    /// The value is not of the key's kind (whole number, decimal, `YYYY-MM`).
    Malformed(Kind),
    /// The value lies outside the valid range (bounds as written in the URL).
    OutOfRange {
        /// Smallest valid value.
        min: String,
        /// Largest valid value.
        max: String,
    },
    /// The value is not one of the allowed values (listed, comma-separated).
    OneOf(String),
    /// The value of `v` is not a supported key set version (the current one is used).
    Version,
    /// The key is not part of this scenario's key set (a key set 2 key in a `v=1` link); ignored.
    NotInKeySet(crate::params::KeySet),
    /// The query is longer than [`crate::codec::MAX_QUERY_LEN`] characters; nothing was read.
    TooLong {
        /// Length of the query (characters).
        len: usize,
    },
    /// A beta parameter's spread must stay below sqrt(m (1 - m)) (percent).
    SpreadTooLarge {
        /// The mean's key.
        mean: Key,
        /// The exclusive upper limit of the spread (percent).
        limit: f64,
    },
    /// A title or note was longer than allowed and was cut.
    TextTooLong {
        /// The most characters kept.
        max: usize,
    },
    /// Keys of a scenario A (`a.` keys) were given without `pin=1`; they were ignored.
    PinMissing,
    /// A target window ends before it starts.
    WindowReversed {
        /// The key of the window's first month.
        from: Key,
    },
    /// The observed series of the link (`obs`) cannot be read; it was left out.
    Observed {
        /// The entry at fault: 0 = the month or the value as a whole, i = the i-th count.
        entry: usize,
        /// What is wrong.
        issue: ObservedIssue,
    },
}

/// One problem: the key, the value as given and the issue.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    /// The key as given (shortened to 40 characters).
    pub key: String,
    /// The value as given (shortened to 40 characters).
    pub value: String,
    /// What is wrong.
    pub issue: Issue,
}

impl Problem {
    /// A problem with `key`'s `value`.
    pub fn new(key: &str, value: &str, issue: Issue) -> Problem {
        Problem { key: shorten(key), value: shorten(value), issue }
    }
}

/// The text shown for an untrusted key or value: at most 40 characters, with
/// control characters and bidirectional overrides (which could break a line or
/// disguise the text) shown as U+FFFD.
pub(crate) fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    let unsafe_char =
        |c: char| c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c);
    let mut out: String = text.chars().take(MAX).map(|c| if unsafe_char(c) { '\u{FFFD}' } else { c }).collect();
    if text.chars().nth(MAX).is_some() {
        out.push('…');
    }
    out
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (key, value) = (&self.key, &self.value);
        match &self.issue {
            Issue::UnknownKey => write!(f, "{key}: unknown key (ignored)"),
            Issue::Duplicate => write!(f, "{key}={value}: key given more than once, the first value is used"),
            Issue::Malformed(kind) => {
                let expected = match kind {
                    Kind::Int => "a whole number",
                    Kind::Real => "a plain decimal number",
                    Kind::Month => "a month written YYYY-MM",
                };
                write!(f, "{key}={value}: not {expected}")?;
                if let Some(spec) = params::by_name(key) {
                    let text = |v| crate::scenario::format_value(spec, v);
                    write!(f, ", allowed {} to {}", text(spec.min), text(spec.max))?;
                }
                Ok(())
            }
            Issue::OutOfRange { min, max } => write!(f, "{key}={value}: out of range, allowed {min} to {max}"),
            Issue::OneOf(allowed) => write!(f, "{key}={value}: not allowed, allowed one of {allowed}"),
            Issue::Version => {
                let codes: Vec<&str> = crate::params::KeySet::ALL.iter().map(|k| k.code()).collect();
                let current = crate::params::KeySet::default().code();
                write!(
                    f,
                    "{key}={value}: unsupported version, allowed {} (read as version {current})",
                    codes.join(", ")
                )
            }
            Issue::NotInKeySet(keys) => {
                write!(
                    f,
                    "{key}={value}: not a key of version {} links (ignored; open the link in version 2)",
                    keys.code()
                )
            }
            Issue::TooLong { len } => write!(
                f,
                "query of {len} characters is too long, allowed at most {} (defaults used)",
                crate::codec::MAX_QUERY_LEN
            ),
            Issue::SpreadTooLarge { mean, limit } => {
                write!(f, "{key}={value}: too large for {}, allowed 0 to below {limit:.1}", params::spec(*mean).name)
            }
            Issue::TextTooLong { max } => write!(f, "{key}: longer than {max} characters, cut to {max}"),
            Issue::PinMissing => write!(f, "pin: keys of scenario A (a.) given without pin=1, ignored"),
            Issue::WindowReversed { from } => {
                write!(f, "{key}={value}: window ends before {} (default used)", params::spec(*from).name)
            }
            Issue::Observed { entry: 0, issue } => write!(f, "{key}={value}: {issue} (series left out)"),
            Issue::Observed { entry, issue } => write!(f, "{key}={value}: count {entry}: {issue} (series left out)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untrusted_text_is_shown_on_one_line() {
        let p = Problem::new("a\nb\u{202E}c", &"x".repeat(50), Issue::UnknownKey);
        assert_eq!(p.key, "a\u{FFFD}b\u{FFFD}c");
        assert_eq!(p.value.chars().count(), 41);
        assert!(!p.to_string().contains('\n'));
    }
}
