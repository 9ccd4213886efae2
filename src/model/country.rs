//! An affected country and its figures: the published [`Count`] (or the
//! honest absence of one), the disagreeing values of the same measure, the
//! figures of other measures, and what each source of the count counted.

use super::{clip, fields, whole_number, List, Str, Text};
use serde::{Deserialize, Deserializer};

/// An affected country.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code, e.g. `MAR`.
    pub code: Str,
    /// Country name.
    pub name: Text,
    /// The published figure of the campaign's measure, or that none was published.
    pub count: Count,
    /// Other values of the same measure given by disagreeing sources.
    #[serde(default)]
    pub alternatives: List<Alternative>,
    /// Figures of a different measure (e.g. Cuba's "46 computers"): notes, never bar values.
    #[serde(default)]
    pub other_figures: List<OtherFigure>,
    /// Whether sources say only government computers were targeted there
    /// (which sources: [`Campaign::government_targets_sources`]).
    #[serde(default)]
    pub government_targets_only: bool,
    /// Free-text notes (uncertainty, context).
    #[serde(default)]
    pub notes: List<Text>,
    /// Source ids for the country being affected and for its count.
    pub sources: List<Str>,
    /// The sources of the count, each with the measure it used ("infected
    /// targets", "attacks"…). Optional; but once one count of a campaign
    /// records them, every published count must (`validate`).
    #[serde(default)]
    pub counted_by: List<CountedBy>,
}

/// One source of a count and what that source said it counts.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct CountedBy {
    /// The source's id (one of the country's `sources`).
    pub source: Str,
    /// What it counts, in its words, e.g. "infected targets".
    pub measure: Text,
}

/// A published figure, or the honest absence of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// A figure some source published.
    Published(u32),
    /// The country is affected but no source published a figure.
    NotPublished,
}

impl Count {
    /// The figure, if one was published.
    pub fn value(self) -> Option<u32> {
        match self {
            Count::Published(v) => Some(v),
            Count::NotPublished => None,
        }
    }
}

impl Count {
    /// A count given as a number: a whole number 1..=`u32::MAX` (0 too: the
    /// validator, not the reader, says why 0 is no published figure). The
    /// one rule and message of both readers (serde's, for the data file, and
    /// the browser's host-value reader).
    pub fn from_number(n: f64) -> Result<Count, String> {
        whole_number(n, fields::COUNT).map(Count::Published)
    }

    /// A count given as text: only "not published".
    pub fn from_text(s: &str) -> Result<Count, String> {
        if s == "not published" {
            Ok(Count::NotPublished)
        } else {
            Err(format!("\"{}\" is not a count; write a number or \"not published\"", clip(s)))
        }
    }

    /// What a count must be, for "expected …, got …".
    pub const EXPECTED: &'static str = "a whole number >= 1 or the string \"not published\"";
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Count;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(Count::EXPECTED)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Count, E> {
                fields::whole_u64(v, fields::COUNT).map(Count::Published).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Count, E> {
                fields::whole_i64(v, fields::COUNT).map(Count::Published).map_err(E::custom)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Count, E> {
                Count::from_number(v).map_err(E::custom)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Count, E> {
                Count::from_text(v).map_err(E::custom)
            }
            // No `visit_unit`: `null` is no count (the schema and the browser
            // reader say so too); "not published" says it.
        }
        d.deserialize_any(V)
    }
}

/// `v` as a `u32` when it is a whole number from 0 to `u32::MAX` (a count
/// as JSON or JS numbers write it), else `None`.
pub fn whole_u32(v: f64) -> Option<u32> {
    if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX) {
        // Whole, non-negative and in range, checked above: the model's one
        // float-to-integer cast (it cannot use the crate's `num`, since
        // build.rs includes this module alone).
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let n = v as u32;
        Some(n)
    } else {
        None
    }
}

/// A disagreeing value of the same measure, with its sources.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Alternative {
    /// The other value.
    #[serde(deserialize_with = "fields::figure")]
    pub value: u32,
    /// Source ids.
    pub sources: List<Str>,
}

/// A figure of another measure, shown as a note (never as a bar).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct OtherFigure {
    /// The figure.
    #[serde(deserialize_with = "fields::figure")]
    pub value: u32,
    /// What it counts, e.g. "computers".
    pub unit: Text,
    /// Why it is not the bar value.
    #[serde(default)]
    pub note: Text,
    /// Source ids.
    pub sources: List<Str>,
}
