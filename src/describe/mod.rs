//! Words for the charts: the summary a screen reader hears, the tooltip of
//! each item, and the rows of the data table. Generated from the same data as
//! the pictures, in the reader's language, so every reader gets the same facts.
//!
//! Here, what every description starts from: a chart's title, the names of
//! its items, the countries ranked, the headline sentence, a claim's status
//! and the sources cited. Beside it, one file per kind of words:
//! `summary.rs` (what a screen reader hears of a whole chart),
//! `tooltip.rs` (one item's tooltip), `say.rs` (the one short line the
//! keyboard announces per item), `table.rs` (the data table's caption
//! and rows), `csv.rs` (the CSV download); and one per view with words of
//! its own, `profile.rs` and `map.rs`.

use crate::i18n::{detail_strings, fill, summary_strings};
use crate::layout::Target;
use crate::model::{Campaign, Country, Lang, Status};
use crate::scale::ColorScale;
use crate::view::View;

mod csv;
#[cfg(careto_map)]
pub mod map;
pub mod profile;
pub mod say;
mod summary;
mod table;
mod tooltip;

pub use csv::{csv, csv_separator};
#[cfg(careto_summaries)]
pub use summary::compiled_summary;
pub use summary::{bars_summary, measure_argument, summary, timeline_summary, Summaries};
pub use table::{
    country_order, country_row, country_rows, event_order, event_row, event_rows, measure_column, period_row, table_caption, CountryRow, EventRow,
};
pub use tooltip::{counted_as, country_tooltip, event_tooltip, sentences, tooltip, tooltip_in, Tooltip};

/// Countries with a published figure, largest first (ties by name).
pub fn ranked(c: &Campaign, lang: Lang) -> Vec<(&Country, u32)> {
    crate::order::published_by_value(c, lang).into_iter().filter_map(|(i, n)| c.countries.get(i).map(|k| (k, n))).collect()
}

/// The colour classes the bars use for `c`.
pub fn color_scale(c: &Campaign) -> ColorScale {
    let values: Vec<u32> = c.countries.iter().filter_map(|k| k.count.value()).collect();
    ColorScale::for_values(&values)
}

/// A chart's title, which is also the canvas's accessible name: the title
/// the layout draws, e.g. "The Mask (Careto): 31 countries affected".
pub fn title(c: &Campaign, view: View, lang: Lang) -> String {
    match view.drawn() {
        View::Bars => fill(crate::i18n::strings(lang).bars_title, &[("name", c.name.get(lang)), ("n", &c.countries.len().to_string())]),
        View::Timeline => fill(crate::i18n::strings(lang).timeline_title, &[("name", c.name.get(lang))]),
        #[cfg(careto_profile)]
        View::Profile => fill(crate::i18n::profile_strings(lang).title, &[("name", c.name.get(lang))]),
        #[cfg(careto_map)]
        View::Map => fill(crate::i18n::map_strings(lang).map_title, &[("name", c.name.get(lang)), ("n", &c.countries.len().to_string())]),
    }
}

/// A target's name in links (`embed.html?focus=MAR`, `#careto-timeline=disclosure`)
/// and the host page's events: a country's ISO code, an event's id, else as
/// [`target_name`] writes it (`"period"`, `"sector:2"`…).
pub fn target_id(c: &Campaign, t: Target) -> Option<String> {
    Some(match t {
        Target::Country(i) => c.countries.get(i)?.code.to_string(),
        Target::Event(i) => c.events.get(i)?.id.to_string(),
        _ => target_name(c, t)?,
    })
}

/// A target's name as `Chart.hitTest` answers it: `"country:MAR"`,
/// `"event:<id>"`, `"period"`, `"sector:2"`…
pub fn target_name(c: &Campaign, t: Target) -> Option<String> {
    Some(match t {
        Target::Country(i) => format!("country:{}", c.countries.get(i)?.code),
        Target::Event(i) => format!("event:{}", c.events.get(i)?.id),
        Target::ActivePeriod => "period".to_string(),
        Target::Sector(i) => format!("sector:{i}"),
        Target::Platform(i) => format!("platform:{i}"),
        Target::Stolen => "stolen".to_string(),
        Target::Extensions => "extensions".to_string(),
    })
}

/// The headline figures ([`crate::layout::headline`]) as the first
/// sentence(s) of a summary or caption, ending in a space; empty without any.
pub fn headline_sentence(c: &Campaign, lang: Lang) -> String {
    match crate::layout::headline(c, lang) {
        Some(mut h) => {
            if !h.ends_with(['.', '!', '?']) {
                h.push('.');
            }
            h.push(' ');
            h
        }
        None => String::new(),
    }
}

/// A claim's status in running text; none for a reported one.
fn status_words(status: Status, lang: Lang) -> Option<&'static str> {
    let s = summary_strings(lang);
    match status {
        Status::Reported => None,
        Status::Secondary => Some(s.status_secondary),
        Status::Alleged => Some(s.status_alleged),
    }
}

/// A claim's status on a line of its own (tooltip, table): "Reported",
/// "Known only from secondary reports", "Alleged".
pub fn status_line(status: Status, lang: Lang) -> String {
    match status_words(status, lang) {
        Some(words) => crate::i18n::capitalize(words),
        None => detail_strings(lang).status_reported.to_string(),
    }
}

/// "S1, S3, S4" with each source's publisher: "S1 (Kaspersky Lab), S3 (linformatique.org)".
pub fn source_list(c: &Campaign, ids: &[crate::model::Str]) -> String {
    ids.iter()
        .map(|id| match c.sources.iter().find(|s| s.id == *id) {
            Some(s) => format!("{} ({})", s.id, s.publisher),
            None => id.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every source id the charts cite, once each, in the order first cited:
/// the totals, the active period, the countries (their sources,
/// alternative and other figures), the events, and the sources of the
/// government-only claim. (The source lines name sources in prose; the
/// sources of a count, `counted_by`, are among its country's, by `validate`.)
pub fn cited_sources(c: &Campaign) -> Vec<&str> {
    let mut lists: Vec<&[crate::model::Str]> = c.totals.iter().map(|t| &*t.sources).collect();
    lists.push(&c.active_period.sources);
    for k in c.countries.iter() {
        lists.push(&k.sources);
        lists.extend(k.alternatives.iter().map(|a| &*a.sources));
        lists.extend(k.other_figures.iter().map(|f| &*f.sources));
    }
    lists.extend(c.events.iter().map(|e| &*e.sources));
    lists.push(&c.government_targets_sources);
    let p = &c.profile;
    lists.extend(p.sectors.iter().map(|x| &*x.sources));
    lists.extend(p.platforms.iter().map(|x| &*x.sources));
    lists.push(&p.stolen.sources);
    let mut out: Vec<&str> = Vec::new();
    for id in lists.into_iter().flatten() {
        if !out.contains(&id.as_ref()) {
            out.push(id);
        }
    }
    out
}

/// "Sources: S1 (Kaspersky Lab), …", the last line of every tooltip.
pub(crate) fn sources_line(c: &Campaign, ids: &[crate::model::Str], lang: Lang) -> String {
    format!("{}: {}", detail_strings(lang).sources, source_list(c, ids))
}
