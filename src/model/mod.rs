//! The campaign as the charts understand it: countries, events, sources.
//!
//! Conventions: every number carries the ids of the sources it rests on; a
//! country without a published figure has [`Count::NotPublished`], never `0`;
//! a date keeps the precision its source gives ([`EventDate`]).
//!
//! This module depends on nothing but `serde` and `std`, so that `build.rs`
//! can include it (with `#[path]`) and validate the data file with the very
//! same types and rules the library uses at run time.

mod date;
mod fields;
pub mod places;
mod profile;
pub mod validate;

pub use date::{days_in_month, EventDate, Precision};
pub use fields::{clip, number, whole_number, CLIP_CHARS};
pub use profile::{Platform, PlatformStatus, Profile, Sector, Stolen};
use serde::{Deserialize, Deserializer};

/// An owned or `'static` string: the compiled-in campaign borrows its strings
/// from the binary (no code builds them), a parsed one owns them.
pub type Str = std::borrow::Cow<'static, str>;

/// An owned or `'static` list: the compiled-in campaign borrows its lists
/// from the binary (no code builds them), a parsed one owns them.
pub type List<T> = std::borrow::Cow<'static, [T]>;

/// A string in every language the charts speak.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Text {
    /// English.
    pub en: Str,
    /// Spanish.
    pub es: Str,
}

impl Text {
    /// The string in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }
}

/// A language the charts speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Spanish.
    Es,
}

impl Lang {
    /// Parses a language tag: `en` or `es`, in any case, with or without a
    /// region (`es-MX`, `en_GB`).
    pub fn parse(s: &str) -> Result<Lang, String> {
        match s.to_ascii_lowercase().split(['-', '_']).next().unwrap_or("") {
            "en" => Ok(Lang::En),
            "es" => Ok(Lang::Es),
            _ => Err(format!("lang: \"{}\" is not supported; use \"en\" or \"es\"", clip(s))),
        }
    }

    /// The language's code as [`Lang::parse`] reads it: `en` or `es`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }
}

/// One campaign: everything a chart, a tooltip or a table needs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Campaign {
    /// The campaign's name, e.g. "The Mask (Careto)".
    pub name: Text,
    /// The measure behind the per-country figures, e.g. "victim IP addresses".
    pub measure: Text,
    /// How sure the measure is, when the sources do not all say it, e.g.
    /// "almost certainly": the charts then name the measure with it
    /// ("counts per country, almost certainly of victim IP addresses").
    /// Empty (the default) when the measure is certain.
    #[serde(default)]
    pub measure_hedge: Text,
    /// When the per-country figures were published, e.g. "as published in February 2014".
    pub as_of: Text,
    /// Campaign-wide figures (countries, unique victims, IP addresses),
    /// drawn in every chart's header.
    #[serde(default, rename = "total")]
    pub totals: List<Total>,
    /// Who gave the totals, and how far they go, drawn after them: e.g.
    /// "Kaspersky (S1), 10 February 2014. The real totals may be much higher…".
    #[serde(default)]
    pub totals_note: Text,
    /// The period the campaign was active, drawn as a span on the timeline.
    pub active_period: Period,
    /// Every affected country, with or without a published figure.
    #[serde(rename = "country")]
    pub countries: List<Country>,
    /// Dated events, drawn as marks on the timeline.
    #[serde(rename = "event")]
    pub events: List<Event>,
    /// The bibliography behind every source id used above.
    #[serde(rename = "source")]
    pub sources: List<Source>,
    /// The short source line shown under the bar chart.
    pub bars_source_line: Text,
    /// The short source line shown under the timeline.
    pub timeline_source_line: Text,
    /// Source ids for the countries marked [`Country::government_targets_only`],
    /// cited in their tooltips (none: the claim is shown without a citation).
    #[serde(default)]
    pub government_targets_sources: List<Str>,
    /// Who and what was targeted: sectors, platforms, stolen data (the
    /// profile view). Empty (the default) for a campaign without one.
    #[serde(default)]
    pub profile: Profile,
}

impl Campaign {
    /// The measure's hedge in `lang` ("almost certainly"), when it has one.
    pub fn hedge(&self, lang: Lang) -> Option<&str> {
        Some(self.measure_hedge.get(lang).trim()).filter(|h| !h.is_empty())
    }
}

/// A campaign-wide figure such as "over 380 unique victims".
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Total {
    /// Machine key, e.g. `unique_victims`.
    pub key: Str,
    /// What is counted, e.g. "unique victims".
    pub label: Text,
    /// The figure.
    #[serde(deserialize_with = "fields::figure")]
    pub value: u32,
    /// "over", "more than", or empty when exact.
    #[serde(default)]
    pub qualifier: Text,
    /// Source ids.
    pub sources: List<Str>,
}

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
        whole_number(n, "a count").map(Count::Published)
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
    pub const EXPECTED: &'static str = "a whole number >= 0 or the string \"not published\"";
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
                fields::whole_u64(v, "a count").map(Count::Published).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Count, E> {
                fields::whole_i64(v, "a count").map(Count::Published).map_err(E::custom)
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

fields::objects_only!(Text, Campaign, Total, Country, CountedBy, Alternative, OtherFigure, Event, Period, Source, Profile, Sector, Platform, Stolen);
