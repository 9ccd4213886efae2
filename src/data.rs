//! The campaign's data, compiled in.
//!
//! `build.rs` parses `data/careto.toml`, checks it with
//! [`crate::model::validate`], and generates the constant expression that
//! [`CARETO`] is; a data file that breaks a rule fails the build. So the
//! campaign here has already passed validation.

use crate::model::{Campaign, Period, Profile, Stolen, Text};
use std::borrow::Cow;

/// The Mask (Careto) campaign as written in `data/careto.toml`: 31 countries
/// (11 with a published figure), the timeline events and the bibliography.
///
/// A `static` of borrowed strings and slices: it lives in the binary's data
/// and no code runs to build it.
pub static CARETO: Campaign = include!(concat!(env!("OUT_DIR"), "/careto_data.rs"));

/// What a first picture needs of [`CARETO`] (build.rs, `first_paint`):
/// no notes, alternative or other figures, source lists or bibliography. The
/// article's drawing kernel holds only this; layouts, titles and summaries
/// are the same as from [`CARETO`] (tests/data.rs).
pub static CARETO_FIRST_PAINT: Campaign = include!(concat!(env!("OUT_DIR"), "/careto_first_paint.rs"));

/// An owned copy of [`CARETO`].
///
/// Cheap: every string and list in it is a `Cow::Borrowed` reference into
/// the static, so only the top-level struct is copied. Mutating a field (e.g.
/// through `Cow::to_mut`) copies just that field.
///
/// Built field by field from borrows rather than by `CARETO.clone()`: the
/// derived `Clone` would bring the deep copy of every owned variant (the
/// lists of countries, events, sources…) into the wasm module, about 2 KB
/// of code that never runs, since the static holds only borrowed data.
pub fn careto() -> Campaign {
    fn text(t: &'static Text) -> Text {
        Text { en: Cow::Borrowed(&t.en), es: Cow::Borrowed(&t.es) }
    }
    let c = &CARETO;
    let p = &c.active_period;
    Campaign {
        name: text(&c.name),
        measure: text(&c.measure),
        measure_hedge: text(&c.measure_hedge),
        as_of: text(&c.as_of),
        totals: Cow::Borrowed(&c.totals),
        totals_note: text(&c.totals_note),
        active_period: Period { start: p.start, end: p.end, label: text(&p.label), description: text(&p.description), sources: Cow::Borrowed(&p.sources) },
        countries: Cow::Borrowed(&c.countries),
        events: Cow::Borrowed(&c.events),
        sources: Cow::Borrowed(&c.sources),
        bars_source_line: text(&c.bars_source_line),
        timeline_source_line: text(&c.timeline_source_line),
        government_targets_sources: Cow::Borrowed(&c.government_targets_sources),
        profile: Profile {
            sectors: Cow::Borrowed(&c.profile.sectors),
            platforms: Cow::Borrowed(&c.profile.platforms),
            stolen: Stolen {
                summary: text(&c.profile.stolen.summary),
                quote: Cow::Borrowed(&c.profile.stolen.quote),
                extensions: Cow::Borrowed(&c.profile.stolen.extensions),
                sources: Cow::Borrowed(&c.profile.stolen.sources),
            },
            source_line: text(&c.profile.source_line),
        },
    }
}

/// The compiled-in campaign by reference, [`CARETO`] itself: no copy at all.
pub fn careto_ref() -> &'static Campaign {
    &CARETO
}
