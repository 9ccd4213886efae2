//! Who and what a campaign targeted: sectors, platforms, what was stolen.
//! No counts or shares were published, so nothing here has a size.

use super::{clip, List, Str, Text};
use serde::{Deserialize, Deserializer};

/// Who and what a campaign targeted, as its sources describe it: no
/// counts or shares (none were published), so nothing is drawn to a size.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Profile {
    /// Target sectors, in the sources' order.
    #[serde(default, rename = "sector")]
    pub sectors: List<Sector>,
    /// Platforms, each with how far the sources established it.
    #[serde(default, rename = "platform")]
    pub platforms: List<Platform>,
    /// What it stole.
    #[serde(default)]
    pub stolen: Stolen,
    /// The source line drawn under the profile.
    #[serde(default)]
    pub source_line: Text,
}

impl Profile {
    /// Whether the campaign has no profile at all.
    pub fn is_empty(&self) -> bool {
        self.sectors.is_empty() && self.platforms.is_empty() && self.stolen.is_empty()
    }
}

/// A target sector, e.g. "Government institutions".
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Sector {
    /// Its name.
    pub label: Text,
    /// Source ids.
    pub sources: List<Str>,
}

/// A platform the campaign's malware ran on, or was suspected to.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Platform {
    /// Its name, e.g. "Mac OS X".
    pub label: Text,
    /// How far the sources established it.
    pub status: PlatformStatus,
    /// What was found, in a phrase ("samples analysed").
    pub detail: Text,
    /// The source's own words, verbatim (in its language), when quoted.
    #[serde(default)]
    pub quote: Str,
    /// Source ids.
    pub sources: List<Str>,
}

/// How far the sources established a platform: drawn like the timeline's
/// reported (solid) and alleged or secondary (violet, tagged) claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlatformStatus {
    /// Samples found and analysed.
    Analysed,
    /// Some parts seen, the main one not found.
    Partial,
    /// Suspected, nothing found.
    Suspected,
}

impl PlatformStatus {
    /// Parses `analysed`, `partial` or `suspected`.
    pub fn parse(s: &str) -> Result<PlatformStatus, String> {
        match s {
            "analysed" => Ok(PlatformStatus::Analysed),
            "partial" => Ok(PlatformStatus::Partial),
            "suspected" => Ok(PlatformStatus::Suspected),
            other => Err(format!("unknown variant `{}`, expected one of `analysed`, `partial`, `suspected`", clip(other))),
        }
    }

    /// The status as the data file writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            PlatformStatus::Analysed => "analysed",
            PlatformStatus::Partial => "partial",
            PlatformStatus::Suspected => "suspected",
        }
    }
}

/// From a string only.
impl<'de> Deserialize<'de> for PlatformStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Str::deserialize(d)?;
        PlatformStatus::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// What a campaign stole: its sources' summary and the file extensions it sought.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Stolen {
    /// The summary, in the reader's language.
    #[serde(default)]
    pub summary: Text,
    /// The source's own words, verbatim, when quoted.
    #[serde(default)]
    pub quote: Str,
    /// The file extensions it searched for, as the source lists them ("PGP").
    #[serde(default)]
    pub extensions: List<Str>,
    /// Source ids.
    #[serde(default)]
    pub sources: List<Str>,
}

impl Stolen {
    /// Whether nothing is said of what was stolen.
    pub fn is_empty(&self) -> bool {
        self.summary.en.is_empty() && self.summary.es.is_empty() && self.extensions.is_empty()
    }
}
