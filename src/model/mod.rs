//! The campaign as the charts understand it: countries, events, sources.
//!
//! Conventions: every number carries the ids of the sources it rests on; a
//! country without a published figure has [`Count::NotPublished`], never `0`;
//! a date keeps the precision its source gives ([`EventDate`]).
//!
//! This module depends on nothing but `serde` and `std`, so that `build.rs`
//! can include it (with `#[path]`) and validate the data file with the very
//! same types and rules the library uses at run time.
//!
//! Here, the [`Campaign`] and its headline [`Total`]s; in the files beside
//! it, the parts: `lang.rs` ([`Text`], [`Lang`]), `country.rs` ([`Country`]
//! and its figures: [`Count`], [`Alternative`], [`OtherFigure`],
//! [`CountedBy`]), `event.rs` ([`Event`], [`Status`], [`Period`]),
//! `date.rs` ([`EventDate`]), `source.rs` ([`Source`], [`SourceKind`]),
//! `profile.rs` ([`Profile`]); `fields.rs`, what both campaign readers
//! share; `validate` and `places`, the data rules.

mod country;
mod date;
mod event;
mod fields;
mod lang;
pub mod places;
mod profile;
mod source;
pub mod validate;

pub use country::{whole_u32, Alternative, Count, CountedBy, Country, OtherFigure};
pub use date::{days_in_month, EventDate, Precision};
pub use event::{Event, Period, Status};
pub use fields::{clip, number, whole_number, Whole, CLIP_CHARS, COUNT, FIGURE};
pub use lang::{Lang, Text};
pub use profile::{Platform, PlatformStatus, Profile, Sector, Stolen};
use serde::{Deserialize, Deserializer};
pub use source::{Source, SourceKind};

/// An owned or `'static` string: the compiled-in campaign borrows its strings
/// from the binary (no code builds them), a parsed one owns them.
pub type Str = std::borrow::Cow<'static, str>;

/// An owned or `'static` list: the compiled-in campaign borrows its lists
/// from the binary (no code builds them), a parsed one owns them.
pub type List<T> = std::borrow::Cow<'static, [T]>;

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

    /// A copy in which each text the pictures, titles and summaries show
    /// is `f` of it: the campaign's name, measure, hedge and date, the
    /// totals' labels, qualifiers and note, the period's label, the
    /// countries' names, the events' labels, the two source lines, and the
    /// profile's labels, details, summary and source line. Everything else
    /// (the words only tooltips and tables show) is copied as it is. `build.rs`
    /// keeps only one language of these in an article kernel of one
    /// language (cfg `careto_lang`).
    pub fn map_picture_texts(&self, f: &mut dyn FnMut(&Text) -> Text) -> Campaign {
        Campaign {
            name: f(&self.name),
            measure: f(&self.measure),
            measure_hedge: f(&self.measure_hedge),
            as_of: f(&self.as_of),
            totals: self.totals.iter().map(|t| Total { label: f(&t.label), qualifier: f(&t.qualifier), ..t.clone() }).collect::<Vec<_>>().into(),
            totals_note: f(&self.totals_note),
            active_period: Period { label: f(&self.active_period.label), ..self.active_period.clone() },
            countries: self.countries.iter().map(|k| Country { name: f(&k.name), ..k.clone() }).collect::<Vec<_>>().into(),
            events: self.events.iter().map(|e| Event { label: f(&e.label), ..e.clone() }).collect::<Vec<_>>().into(),
            bars_source_line: f(&self.bars_source_line),
            timeline_source_line: f(&self.timeline_source_line),
            profile: Profile {
                sectors: self.profile.sectors.iter().map(|s| Sector { label: f(&s.label), ..s.clone() }).collect::<Vec<_>>().into(),
                platforms: self.profile.platforms.iter().map(|p| Platform { label: f(&p.label), detail: f(&p.detail), ..p.clone() }).collect::<Vec<_>>().into(),
                stolen: Stolen { summary: f(&self.profile.stolen.summary), ..self.profile.stolen.clone() },
                source_line: f(&self.profile.source_line),
            },
            ..self.clone()
        }
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

fields::objects_only!(Text, Campaign, Total, Country, CountedBy, Alternative, OtherFigure, Event, Period, Source, Profile, Sector, Platform, Stolen);
