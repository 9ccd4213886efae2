//! The data table: its caption, and its rows (a country's or an event's
//! figure, notes, status and sources), in the reader's language.

use super::tooltip::country_notes;
use super::{source_list, status_line};
use crate::i18n::{detail_strings, fill, format_count, format_date, strings};
use crate::model::{Campaign, Count, Country, Event, Lang};
use crate::view::View;

/// The caption of a chart's data table: "The Mask (Careto): victim IP
/// addresses", "The Mask (Careto): timeline".
pub fn table_caption(c: &Campaign, view: View, lang: Lang) -> String {
    let caption = view_caption(c, view, lang);
    match crate::layout::headline(c, lang) {
        Some(h) => format!("{caption}. {h}"),
        None => caption,
    }
}

/// The caption of the bars' (and the map's) table: `name` (the campaign's,
/// or the map's title) and the measure, with the measure's hedge when it has one.
fn bars_caption(c: &Campaign, name: &str, lang: Lang) -> String {
    match c.hedge(lang) {
        Some(hedge) => fill(detail_strings(lang).caption_hedged, &[("name", name), ("hedge", hedge), ("measure", c.measure.get(lang))]),
        None => format!("{name}: {}", c.measure.get(lang)),
    }
}

/// The caption of a chart's data table without the headline figures.
fn view_caption(c: &Campaign, view: View, lang: Lang) -> String {
    match view {
        View::Bars => bars_caption(c, c.name.get(lang), lang),
        // The map shows the bars' data: the same table, named after the map
        // (on a page with both, two regions of one name are one landmark
        // too many: axe-core's landmark-unique).
        #[cfg(careto_map)]
        View::Map => bars_caption(c, &super::title(c, View::Map, lang), lang),
        View::Timeline => fill(strings(lang).timeline_title, &[("name", c.name.get(lang))]),
        #[cfg(careto_profile)]
        View::Profile => fill(crate::i18n::profile_strings(lang).title, &[("name", c.name.get(lang))]),
    }
}

/// The heading of the figures' column in the data table and the CSV: the
/// measure, with its hedge when it has one ("victim IP addresses (almost certainly)").
pub fn measure_column(c: &Campaign, lang: Lang) -> String {
    let measure = c.measure.get(lang);
    match c.hedge(lang) {
        Some(hedge) => fill(detail_strings(lang).column_hedged, &[("measure", measure), ("hedge", hedge)]),
        None => measure.to_string(),
    }
}

/// One row of the bars' data table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryRow {
    /// ISO code.
    pub code: String,
    /// Name in the reader's language.
    pub name: String,
    /// The figure, formatted, or "not published".
    pub value: String,
    /// Notes, alternatives and other figures, joined.
    pub notes: String,
    /// Source ids with publishers.
    pub sources: String,
}

/// The rows of the bars' data table: published figures largest first, then
/// the countries without one, alphabetically.
pub fn country_rows(c: &Campaign, lang: Lang) -> Vec<CountryRow> {
    country_order(c, lang).into_iter().filter_map(|i| c.countries.get(i)).map(|k| country_row(c, k, lang)).collect()
}

/// The order of the bars' table's rows, by country index: published
/// figures largest first, then the countries without one, alphabetically.
pub fn country_order(c: &Campaign, lang: Lang) -> Vec<usize> {
    let mut order: Vec<usize> = crate::order::published_by_value(c, lang).into_iter().map(|(i, _)| i).collect();
    order.extend(crate::order::unpublished_by_name(c, lang));
    order
}

/// Country `k`'s row of the bars' table.
pub fn country_row(c: &Campaign, k: &Country, lang: Lang) -> CountryRow {
    CountryRow {
        code: k.code.to_string(),
        name: k.name.get(lang).to_string(),
        value: match k.count {
            Count::Published(n) => format_count(n, lang),
            Count::NotPublished => detail_strings(lang).not_published.to_string(),
        },
        notes: country_notes(c, k, lang).join(" · "),
        sources: source_list(c, &k.sources),
    }
}

/// One row of the timeline's data table: the active period or an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    /// The date at its precision ("c. 2008"), or the period's "2007 – Jan 2014".
    pub date: String,
    /// What happened.
    pub event: String,
    /// "Reported", "Known only from secondary reports" or "Alleged".
    pub status: String,
    /// Source ids with publishers.
    pub sources: String,
}

/// The rows of the timeline's data table: the active period and the
/// events, by start date (the period first among equal starts).
pub fn event_rows(c: &Campaign, lang: Lang) -> Vec<EventRow> {
    event_order(c)
        .into_iter()
        .map(|i| if i == 0 { period_row(c, lang) } else { c.events.get(i - 1).map(|e| event_row(c, e, lang)).unwrap_or_else(|| period_row(c, lang)) })
        .collect()
}

/// The order of the timeline's table's rows: 0 the active period, `i + 1`
/// event `i`, by their start (ties in data order: the period first).
pub fn event_order(c: &Campaign) -> Vec<usize> {
    let starts: Vec<f64> = std::iter::once(c.active_period.start.bounds().0).chain(c.events.iter().map(|e| e.date.bounds().0)).collect();
    crate::sort::by_number(&starts)
}

/// The active period's row of the timeline's table.
pub fn period_row(c: &Campaign, lang: Lang) -> EventRow {
    let p = &c.active_period;
    EventRow {
        date: format!("{} – {}", format_date(&p.start, false, lang), format_date(&p.end, false, lang)),
        event: format!("{}: {}", p.label.get(lang), p.description.get(lang)),
        status: detail_strings(lang).status_reported.to_string(),
        sources: source_list(c, &p.sources),
    }
}

/// Event `e`'s row of the timeline's table.
pub fn event_row(c: &Campaign, e: &Event, lang: Lang) -> EventRow {
    EventRow {
        date: format_date(&e.date, e.approximate, lang),
        event: e.description.get(lang).to_string(),
        status: status_line(e.status, lang),
        sources: source_list(c, &e.sources),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::careto;
    use crate::describe::event_tooltip;

    #[test]
    fn the_timeline_table_has_the_period_then_the_events_by_date_with_their_status() {
        let c = careto();
        let rows = event_rows(&c, Lang::En);
        assert_eq!(rows.len(), c.events.len() + 1);
        assert_eq!(rows.first().map(|r| (r.date.as_str(), r.status.as_str())), Some(("2007 – Jan 2014", "Reported")));
        assert!(rows.first().is_some_and(|r| r.event.starts_with("Active until shutdown began: From 2007")));
        let statuses: Vec<&str> = rows.iter().map(|r| r.status.as_str()).collect();
        assert_eq!(statuses.iter().filter(|s| **s == "Alleged").count(), 2);
        assert!(statuses.contains(&"Known only from secondary reports"));
        for (row, e) in rows.iter().skip(1).zip(crate::order::events_by_date(&c)) {
            assert_eq!(row.date, format_date(&e.date, e.approximate, Lang::En));
            assert_eq!(row.status, event_tooltip(&c, e, Lang::En).lines.get(1).cloned().unwrap_or_default());
        }
        let es = event_rows(&c, Lang::Es);
        assert_eq!(es.first().map(|r| r.status.as_str()), Some("Publicado"));
        assert!(table_caption(&c, View::Timeline, Lang::Es).starts_with("The Mask (Careto): cronología. 31 países · más de 380 víctimas únicas"));
        assert!(
            table_caption(&c, View::Bars, Lang::En).starts_with("The Mask (Careto): counts per country, almost certainly of victim IP addresses. 31 countries")
        );
    }

    #[test]
    fn the_table_has_a_row_per_country_with_sources() {
        let rows = country_rows(&careto(), Lang::Es);
        assert_eq!(rows.len(), 31);
        assert_eq!(rows.first().map(|r| (r.name.as_str(), r.value.as_str())), Some(("Marruecos", "384")));
        assert!(rows.iter().all(|r| r.sources.contains("S1")));
        assert_eq!(rows.iter().filter(|r| r.value == "no publicada").count(), 20);
    }
}
