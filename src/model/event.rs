//! What the timeline draws: dated [`Event`]s, each with the [`Status`] of
//! its claim, and the active [`Period`].

use super::{clip, EventDate, List, Str, Text};
use serde::{Deserialize, Deserializer};

/// How well a claim is established.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Reported by the primary source (Kaspersky) or several independent sources.
    Reported,
    /// Known only from secondary reporting (summaries, mirrors).
    Secondary,
    /// An allegation (e.g. attribution to a government), not established fact.
    Alleged,
}

impl Status {
    /// Parses `reported`, `secondary` or `alleged`.
    pub fn parse(s: &str) -> Result<Status, String> {
        match s {
            "reported" => Ok(Status::Reported),
            "secondary" => Ok(Status::Secondary),
            "alleged" => Ok(Status::Alleged),
            other => Err(format!("unknown variant `{}`, expected one of `reported`, `secondary`, `alleged`", clip(other))),
        }
    }

    /// The status as the data file writes it: `reported`, `secondary` or `alleged`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Reported => "reported",
            Status::Secondary => "secondary",
            Status::Alleged => "alleged",
        }
    }
}

/// From a string only (a derived enum would also take `{"reported": null}`).
impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Str::deserialize(d)?;
        Status::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A dated event on the timeline.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Event {
    /// Stable id, e.g. `disclosure`.
    pub id: Str,
    /// When, at the precision the source gives.
    pub date: EventDate,
    /// The date is approximate ("c. May 2024", "2008 or 2009").
    #[serde(default)]
    pub approximate: bool,
    /// A short label for the chart (a few words).
    pub label: Text,
    /// What happened, in a sentence.
    pub description: Text,
    /// Reported, secondary or alleged.
    pub status: Status,
    /// Uncertainty or context.
    #[serde(default)]
    pub note: Text,
    /// Source ids.
    pub sources: List<Str>,
}

/// A period drawn as a span.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Period {
    /// The first date known.
    pub start: EventDate,
    /// The last date known.
    pub end: EventDate,
    /// Label, e.g. "Active period".
    pub label: Text,
    /// What the span means, in a sentence.
    pub description: Text,
    /// Source ids.
    pub sources: List<Str>,
}
