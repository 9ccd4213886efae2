//! The bibliography: each [`Source`] every figure cites by id, and what
//! [`SourceKind`] of publication it is.

use super::{clip, Str};
use serde::{Deserialize, Deserializer};

/// What kind of publication a source is: how far a claim resting on it
/// alone may go (`validate`: an event resting only on catalogues is not
/// "reported").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// The researchers' own publication (Kaspersky's, for Careto).
    Primary,
    /// Press reporting.
    Press,
    /// A catalogue or other second-hand listing (MITRE ATT&CK, APTnotes,
    /// threat-actor cards, lists, mirrors).
    Catalogue,
}

impl SourceKind {
    /// Parses `primary`, `press` or `catalogue`.
    pub fn parse(s: &str) -> Result<SourceKind, String> {
        match s {
            "primary" => Ok(SourceKind::Primary),
            "press" => Ok(SourceKind::Press),
            "catalogue" => Ok(SourceKind::Catalogue),
            other => Err(format!("unknown variant `{}`, expected one of `primary`, `press`, `catalogue`", clip(other))),
        }
    }

    /// The kind as the data file writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Primary => "primary",
            SourceKind::Press => "press",
            SourceKind::Catalogue => "catalogue",
        }
    }
}

/// From a string only.
impl<'de> Deserialize<'de> for SourceKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Str::deserialize(d)?;
        SourceKind::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A kind, when given: a string (never `null`, which the browser's reader
/// refuses too).
fn some_kind<'de, D: Deserializer<'de>>(d: D) -> Result<Option<SourceKind>, D::Error> {
    SourceKind::deserialize(d).map(Some)
}

/// An entry of the bibliography.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Source {
    /// The id used by every figure, e.g. `S1`.
    pub id: Str,
    /// The title.
    pub title: Str,
    /// Who published it.
    pub publisher: Str,
    /// When, as precisely as known (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); empty when undated.
    #[serde(default)]
    pub date: Str,
    /// Where to read it.
    pub url: Str,
    /// Reliability or access notes (e.g. "read only via mirrors").
    #[serde(default)]
    pub note: Str,
    /// What kind of publication it is; unknown when not given (a
    /// newsroom's campaign written before kinds existed).
    #[serde(default, deserialize_with = "some_kind")]
    pub kind: Option<SourceKind>,
}
