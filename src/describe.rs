//! Words for the charts: the summary a screen reader hears, the tooltip of
//! each item, and the rows of the data table. Generated from the same data as
//! the pictures, in the reader's language, so every reader gets the same facts.

use crate::i18n::{detail_strings, fill, format_count, format_date, strings};
use crate::layout::Target;
use crate::model::{Campaign, Count, Country, Event, Lang, Status};
use crate::scale::ColorScale;
use crate::view::View;

#[cfg(careto_map)]
pub mod map;
pub mod profile;
pub mod say;

/// The text of one tooltip (or one live-region announcement).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tooltip {
    /// First line, e.g. "Morocco".
    pub title: String,
    /// The following lines.
    pub lines: Vec<String>,
}

impl Tooltip {
    /// Everything as one sentence-separated string (for `aria-live`).
    pub fn announcement(&self) -> String {
        sentences(&self.title, &self.lines)
    }
}

/// `title` and `lines` as sentences: a full stop after each part that ends
/// without one. The shell joins a tip's details the same way (interact.js
/// `sentences`), so they are not shipped twice.
pub fn sentences(title: &str, lines: &[String]) -> String {
    let mut out = title.to_string();
    for l in lines {
        if !out.ends_with(['.', '!', '?', ':']) {
            out.push('.');
        }
        out.push(' ');
        out.push_str(l);
    }
    out
}

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
    let s = strings(lang);
    match view {
        View::Bars => fill(s.bars_title, &[("name", c.name.get(lang)), ("n", &c.countries.len().to_string())]),
        View::Timeline => fill(s.timeline_title, &[("name", c.name.get(lang))]),
        #[cfg(careto_profile)]
        View::Profile => fill(crate::i18n::profile_strings(lang).title, &[("name", c.name.get(lang))]),
        #[cfg(careto_map)]
        View::Map => fill(s.map_title, &[("name", c.name.get(lang)), ("n", &c.countries.len().to_string())]),
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

/// The heading of the figures' column in the data table and the CSV: the
/// measure, with its hedge when it has one ("victim IP addresses (almost certainly)").
pub fn measure_column(c: &Campaign, lang: Lang) -> String {
    let measure = c.measure.get(lang);
    match c.hedge(lang) {
        Some(hedge) => fill(detail_strings(lang).column_hedged, &[("measure", measure), ("hedge", hedge)]),
        None => measure.to_string(),
    }
}

/// Why the published counts are (almost certainly) of IP addresses, not of
/// victims, computed from the data: they add up to more than twice the
/// unique victims and to less than the victim IP addresses of the
/// campaign's totals (`unique_victims`, `victim_ip_addresses`). `None` when
/// the campaign lacks either total or its figures do not bear it out.
pub fn measure_argument(c: &Campaign, lang: Lang) -> Option<String> {
    let total = |key: &str| c.totals.iter().find(|t| t.key == key);
    let (victims, ips) = (total("unique_victims")?, total("victim_ip_addresses")?);
    let counts: Vec<u64> = c.countries.iter().filter_map(|k| k.count.value()).map(u64::from).collect();
    let sum: u64 = counts.iter().sum();
    if counts.is_empty() || sum <= 2 * u64::from(victims.value) || sum >= u64::from(ips.value) {
        return None;
    }
    let sum = format_count(u32::try_from(sum).ok()?, lang);
    let (k, v, i) = (counts.len().to_string(), format_count(victims.value, lang), format_count(ips.value, lang));
    Some(fill(
        strings(lang).summary_argument,
        &[
            ("k", &k),
            ("sum", &sum),
            ("victims", &v),
            ("victims_q", victims.qualifier.get(lang)),
            ("victims_label", victims.label.get(lang)),
            ("ips", &i),
            ("ips_q", ips.qualifier.get(lang)),
            ("ips_label", ips.label.get(lang)),
        ],
    ))
}

/// The screen-reader summary of the bars, e.g. "Counts per country, almost
/// certainly of victim IP addresses: Morocco had the most, 384, followed by
/// Brazil, 137, …", why the measure is what it is (computed:
/// [`measure_argument`]), "20 more countries were affected but no count was
/// published.", and the source line.
pub fn bars_summary(c: &Campaign, lang: Lang) -> String {
    let s = strings(lang);
    let ranked = ranked(c, lang);
    let measure = c.measure.get(lang);
    let unpublished = c.countries.iter().filter(|k| k.count == Count::NotPublished).count();
    let mut out = headline_sentence(c, lang);
    if let Some(((first, n), rest)) = ranked.split_first() {
        let (name, n) = (first.name.get(lang), format_count(*n, lang));
        out.push_str(&match c.hedge(lang) {
            Some(hedge) => fill(s.summary_leader_hedged, &[("hedge", hedge), ("measure", measure), ("country", name), ("n", &n)]),
            None => fill(s.summary_leader, &[("country", name), ("measure", measure), ("n", &n)]),
        });
        if !rest.is_empty() {
            let others: Vec<String> = rest.iter().map(|(k, n)| format!("{}, {}", k.name.get(lang), format_count(*n, lang))).collect();
            out.push_str(s.summary_followed_by);
            out.push_str(&others.join("; "));
        }
        out.push('.');
        if let Some(why) = measure_argument(c, lang) {
            out.push(' ');
            out.push_str(&why);
        }
    }
    if unpublished > 0 {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&fill(s.summary_unpublished, &[("n", &unpublished.to_string())]));
    }
    out.push(' ');
    out.push_str(c.bars_source_line.get(lang));
    out
}

/// The screen-reader summary of the timeline: the active period, then each
/// event at its date's precision, by its label (the chart's own words; the
/// data table has the descriptions), alleged or secondary claims tagged.
pub fn timeline_summary(c: &Campaign, lang: Lang) -> String {
    let p = &c.active_period;
    let (start, end) = (format_date(&p.start, false, lang), format_date(&p.end, false, lang));
    let mut out = headline_sentence(c, lang);
    out.push_str(&fill(strings(lang).summary_period, &[("label", p.label.get(lang)), ("start", &start), ("end", &end)]));
    for e in crate::order::events_by_date(c) {
        out.push(' ');
        out.push_str(&format_date(&e.date, e.approximate, lang));
        out.push_str(": ");
        out.push_str(e.label.get(lang).trim_end_matches('.'));
        if let Some(tag) = status_words(e.status, lang) {
            out.push_str(" (");
            out.push_str(tag);
            out.push(')');
        }
        out.push('.');
    }
    out.push(' ');
    out.push_str(c.timeline_source_line.get(lang));
    out
}

/// The screen-reader summary of `view`.
pub fn summary(c: &Campaign, view: View, lang: Lang) -> String {
    match view {
        View::Bars => bars_summary(c, lang),
        View::Timeline => timeline_summary(c, lang),
        #[cfg(careto_profile)]
        View::Profile => profile::profile_summary(c, lang),
        #[cfg(careto_map)]
        View::Map => map::map_summary(c, lang),
    }
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
    let s = strings(lang);
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

/// What a country's tooltip and table row say beyond its figure: other
/// reported figures, figures of other measures, whether only government
/// computers were targeted (with the sources the data gives), and notes.
fn country_notes(c: &Campaign, k: &Country, lang: Lang) -> Vec<String> {
    let s = detail_strings(lang);
    let mut lines = Vec::new();
    if let Some(measures) = counted_as(c, k, lang) {
        lines.push(fill(s.counted_as, &[("measures", &measures)]));
    }
    if !k.alternatives.is_empty() {
        let alts: Vec<String> = k.alternatives.iter().map(|a| format!("{} ({})", format_count(a.value, lang), a.sources.join(", "))).collect();
        lines.push(fill(s.other_figures, &[("figures", &alts.join("; "))]));
    }
    for f in k.other_figures.iter() {
        lines.push(format!("{} {} ({}): {}", format_count(f.value, lang), f.unit.get(lang), f.sources.join(", "), f.note.get(lang)));
    }
    if k.government_targets_only {
        let cited = &c.government_targets_sources;
        lines.push(if cited.is_empty() { s.government_only.to_string() } else { format!("{} ({})", s.government_only, cited.join(", ")) });
    }
    for n in k.notes.iter() {
        lines.push(n.get(lang).to_string());
    }
    lines
}

/// What the sources of `k`'s count say they count, grouped by measure in
/// the order first cited ("infected targets (S3); attacks (S5)"), when the
/// measures differ from each other or from the campaign's `measure`.
pub fn counted_as(c: &Campaign, k: &Country, lang: Lang) -> Option<String> {
    let measure = c.measure.get(lang);
    if k.counted_by.iter().all(|m| m.measure.get(lang) == measure) {
        return None;
    }
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for m in k.counted_by.iter() {
        let text = m.measure.get(lang);
        match groups.iter_mut().find(|(t, _)| *t == text) {
            Some((_, ids)) => ids.push(&m.source),
            None => groups.push((text, vec![&m.source])),
        }
    }
    Some(groups.iter().map(|(t, ids)| format!("{t} ({})", ids.join(", "))).collect::<Vec<_>>().join("; "))
}

/// The tooltip of a country.
pub fn country_tooltip(c: &Campaign, k: &Country, lang: Lang) -> Tooltip {
    let s = detail_strings(lang);
    let mut lines = Vec::new();
    match k.count {
        Count::Published(n) => {
            let (n_text, measure) = (format_count(n, lang), c.measure.get(lang));
            lines.push(match c.hedge(lang) {
                Some(hedge) => fill(s.value_hedged, &[("n", &n_text), ("hedge", hedge), ("measure", measure)]),
                None => format!("{n_text} {measure}"),
            });
            if let Some(class) = color_scale(c).classes().iter().find(|cl| cl.contains(n)) {
                lines.push(fill(s.colour_class, &[("class", &class.label())]));
            }
        }
        Count::NotPublished => lines.push(s.no_count.to_string()),
    }
    lines.extend(country_notes(c, k, lang));
    lines.push(sources_line(c, &k.sources, lang));
    Tooltip { title: k.name.get(lang).to_string(), lines }
}

/// The tooltip of an event.
pub fn event_tooltip(c: &Campaign, e: &Event, lang: Lang) -> Tooltip {
    let mut lines = vec![e.description.get(lang).to_string(), status_line(e.status, lang)];
    let note = e.note.get(lang);
    if !note.is_empty() {
        lines.push(note.to_string());
    }
    lines.push(sources_line(c, &e.sources, lang));
    Tooltip { title: format_date(&e.date, e.approximate, lang), lines }
}

/// The tooltip of whatever a hit box stands for.
pub fn tooltip(c: &Campaign, target: Target, lang: Lang) -> Option<Tooltip> {
    match target {
        Target::Country(i) => c.countries.get(i).map(|k| country_tooltip(c, k, lang)),
        Target::Event(i) => c.events.get(i).map(|e| event_tooltip(c, e, lang)),
        Target::ActivePeriod => {
            let p = &c.active_period;
            Some(Tooltip {
                title: format!("{}: {} – {}", p.label.get(lang), format_date(&p.start, false, lang), format_date(&p.end, false, lang)),
                lines: vec![p.description.get(lang).to_string(), sources_line(c, &p.sources, lang)],
            })
        }
        Target::Sector(_) | Target::Platform(_) | Target::Stolen | Target::Extensions => profile::profile_tooltip(c, target, lang),
    }
}

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
        View::Map => bars_caption(c, &title(c, View::Map, lang), lang),
        View::Timeline => fill(strings(lang).timeline_title, &[("name", c.name.get(lang))]),
        #[cfg(careto_profile)]
        View::Profile => fill(crate::i18n::profile_strings(lang).title, &[("name", c.name.get(lang))]),
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
    let mut order: Vec<&Country> = ranked(c, lang).into_iter().map(|(k, _)| k).collect();
    order.extend(crate::order::unpublished_by_name(c, lang).into_iter().filter_map(|i| c.countries.get(i)));
    order
        .into_iter()
        .map(|k| CountryRow {
            code: k.code.to_string(),
            name: k.name.get(lang).to_string(),
            value: match k.count {
                Count::Published(n) => format_count(n, lang),
                Count::NotPublished => detail_strings(lang).not_published.to_string(),
            },
            notes: country_notes(c, k, lang).join(" · "),
            sources: source_list(c, &k.sources),
        })
        .collect()
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
    let p = &c.active_period;
    let mut rows = vec![EventRow {
        date: format!("{} – {}", format_date(&p.start, false, lang), format_date(&p.end, false, lang)),
        event: format!("{}: {}", p.label.get(lang), p.description.get(lang)),
        status: detail_strings(lang).status_reported.to_string(),
        sources: source_list(c, &p.sources),
    }];
    let mut starts = vec![p.start.bounds().0];
    for e in c.events.iter() {
        starts.push(e.date.bounds().0);
        rows.push(EventRow {
            date: format_date(&e.date, e.approximate, lang),
            event: e.description.get(lang).to_string(),
            status: status_line(e.status, lang),
            sources: source_list(c, &e.sources),
        });
    }
    crate::sort::apply(&rows, &crate::sort::by_number(&starts))
}

/// Where a spreadsheet may start a new cell: the separators of CSV (`,`,
/// and `;` where the decimal comma takes `,`, as in Spanish), tab-separated
/// import, and line breaks.
const CELL_BREAKS: [char; 5] = [',', ';', '\t', '\n', '\r'];

/// Characters that open a formula in some spreadsheet: `= + - @`, their
/// fullwidth (`＝ ＋ － ＠`) and small forms (`﹦ ﹢ ﹣`), which Excel in East
/// Asian locales reads as the plain ones.
const FORMULA_STARTS: [char; 11] = ['=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣'];

/// One CSV field: always quoted (RFC 4180, `"` doubled), and no part of it
/// can open as a formula in a spreadsheet, whatever separator that uses:
/// wherever a cell could start (the field's start, or after any of
/// [`CELL_BREAKS`]), after any spaces and tabs, a formula character gets a
/// `'` before it (`;=cmd|…` becomes `;'=cmd|…`), which spreadsheets read as
/// "this is text".
fn csv_field(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut cell_start = true;
    for c in s.chars() {
        if cell_start && FORMULA_STARTS.contains(&c) {
            out.push('\'');
        }
        if c == '"' {
            out.push('"');
        }
        out.push(c);
        // Still at a cell's start after a break and through the spaces that follow it.
        cell_start = CELL_BREAKS.contains(&c) || (cell_start && c.is_whitespace());
    }
    out.push('"');
    out
}

/// The field separator of a CSV in `lang`: Spanish spreadsheets (Excel,
/// LibreOffice in a Spanish locale) split on `;`, their decimal separator
/// being `,`; English ones on `,`.
pub fn csv_separator(lang: Lang) -> char {
    match lang {
        Lang::En => ',',
        Lang::Es => ';',
    }
}

/// The data behind a chart as CSV (a header row, then one row per country or
/// event), with a sources column, in the reader's language, its fields
/// separated by [`csv_separator`] and written by `csv_field` (quoted, no
/// formula anywhere).
pub fn csv(c: &Campaign, view: View, lang: Lang) -> String {
    let s = detail_strings(lang);
    let mut rows: Vec<Vec<String>> = Vec::new();
    match view {
        // The map shows the bars' data: the same table.
        #[cfg(careto_map)]
        View::Map => return csv(c, View::Bars, lang),
        #[cfg(careto_profile)]
        View::Profile => {
            let d = crate::i18n::profile_detail_strings(lang);
            rows.push([d.col_aspect, d.col_item, d.col_detail, s.csv_sources].map(|h| h.to_lowercase()).to_vec());
            rows.extend(profile::profile_rows(c, lang).into_iter().map(|r| r.to_vec()));
        }
        View::Bars => {
            rows.push(vec![s.csv_code.to_string(), s.csv_country.to_string(), measure_column(c, lang), s.csv_notes.to_string(), s.csv_sources.to_string()]);
            for r in country_rows(c, lang) {
                // The raw figure (no thousands separator), empty when not published.
                let value = c.countries.iter().find(|k| k.code == r.code.as_str()).and_then(|k| k.count.value()).map(|v| v.to_string()).unwrap_or_default();
                rows.push(vec![r.code, r.name, value, r.notes, r.sources]);
            }
        }
        View::Timeline => {
            rows.push([s.csv_date, s.csv_approximate, s.csv_event, s.csv_status, s.csv_sources].map(String::from).to_vec());
            for e in crate::order::events_by_date(c) {
                let d = &e.date;
                let iso = match (d.month, d.day) {
                    (Some(m), Some(day)) => format!("{}-{m:02}-{day:02}", d.year),
                    (Some(m), None) => format!("{}-{m:02}", d.year),
                    _ => d.year.to_string(),
                };
                let [yes, no] = s.csv_yes_no;
                let [reported, secondary, alleged] = s.csv_statuses;
                let status = match e.status {
                    Status::Reported => reported,
                    Status::Secondary => secondary,
                    Status::Alleged => alleged,
                };
                rows.push(vec![
                    iso,
                    (if e.approximate { yes } else { no }).to_string(),
                    e.description.get(lang).to_string(),
                    status.to_string(),
                    source_list(c, &e.sources),
                ]);
            }
        }
    }
    let separator = csv_separator(lang).to_string();
    let mut out = String::new();
    for row in rows {
        out.push_str(&row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(&separator));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::data::careto;

    #[test]
    fn the_summary_names_the_leaders_and_the_unknowns() {
        let s = bars_summary(&careto(), Lang::En);
        assert!(
            s.contains(
                " Counts per country, almost certainly of victim IP addresses: Morocco had the most, 384, followed by Brazil, 137; United Kingdom, 109;"
            ),
            "{s}"
        );
        assert!(s.contains("20 more countries were affected but no count was published."), "{s}");
        let es = bars_summary(&careto(), Lang::Es);
        assert!(
            es.contains(" Cifras por país, casi con seguridad de direcciones IP de víctimas: Marruecos encabeza la lista con 384, seguido de Brasil, 137;"),
            "{es}"
        );
        // A campaign whose measure is certain names it plainly.
        let mut c = careto();
        c.measure_hedge = crate::model::Text::default();
        assert!(bars_summary(&c, Lang::En).contains(" Morocco had the most victim IP addresses, 384, followed by Brazil"));
        assert!(bars_summary(&c, Lang::Es).contains(" Marruecos encabeza la lista de direcciones IP de víctimas con 384, seguido de Brasil"));
    }

    #[test]
    fn a_tooltip_carries_value_class_alternatives_and_sources() {
        let c = careto();
        let mar = c.countries.iter().find(|k| k.code == "MAR").map(|k| country_tooltip(&c, k, Lang::En));
        let tip = mar.unwrap_or(Tooltip { title: String::new(), lines: vec![] });
        assert_eq!(tip.title, "Morocco");
        assert_eq!(tip.lines.first().map(String::as_str), Some("384, almost certainly victim IP addresses"));
        let all = tip.announcement();
        assert!(all.starts_with("Morocco. 384, almost certainly victim IP addresses. Colour class 200+."), "{all}");
        assert!(!all.contains(".."), "{all}");
        assert!(all.contains("383") && all.contains("391"), "{all}");
        assert!(all.contains("S1 (Kaspersky Lab (GReAT), Securelist)"), "{all}");
    }

    #[test]
    fn dates_in_tooltips_keep_their_precision_and_status() {
        let c = careto();
        let tip = |id: &str| c.events.iter().find(|e| e.id == id).map(|e| event_tooltip(&c, e, Lang::En));
        let first = c.events.first().map(|e| event_tooltip(&c, e, Lang::En)).map(|t| t.title);
        assert_eq!(first.as_deref(), Some("2007"));
        let alleged: Vec<Tooltip> = c.events.iter().filter(|e| e.status == Status::Alleged).map(|e| event_tooltip(&c, e, Lang::En)).collect();
        assert_eq!(alleged.len(), 2);
        assert!(alleged.iter().all(|t| t.lines.iter().any(|l| l == "Alleged")));
        assert!(tip("nonexistent").is_none());
    }

    #[test]
    fn csv_keeps_dates_at_their_precision_and_quotes_fields() {
        let c = careto();
        let bars = csv(&c, View::Bars, Lang::En);
        let lines: Vec<&str> = bars.lines().collect();
        assert_eq!(lines.len(), 32, "a header and 31 countries");
        assert!(lines.first().is_some_and(|h| h.starts_with(r#""code","country","victim IP addresses (almost certainly)","notes","sources""#)));
        assert!(lines.get(1).is_some_and(|l| l.starts_with(r#""MAR","Morocco","384","#)), "{:?}", lines.get(1));
        assert!(lines.iter().any(|l| l.starts_with(r#""CUB","Cuba","","#)), "Cuba has no figure: an empty cell, not 0");
        let tl = csv(&c, View::Timeline, Lang::En);
        assert!(tl.lines().nth(1).is_some_and(|l| l.starts_with(r#""2007","false","#)));
        assert!(tl.contains(r#""2014-02-10","false","#));
        assert!(tl.contains(r#""2024-05","true","#));
        assert_eq!(csv_field("a \"b\", c"), r#""a ""b"", c""#);
    }

    /// Issue 13.6: a formula opens in a spreadsheet wherever a cell can start
    /// (after `,` or `;`, whichever the spreadsheet splits on, a tab or a line
    /// break), after spaces, in fullwidth forms too. Each gets a `'`.
    #[test]
    fn no_field_opens_as_a_formula_in_any_spreadsheet() {
        let cases = [
            ("=HYPERLINK(x)", r#""'=HYPERLINK(x)""#),
            ("+1", r#""'+1""#),
            ("-1+cmd", r#""'-1+cmd""#),
            ("@SUM(A1)", r#""'@SUM(A1)""#),
            ("Cuba;=cmd|' /C calc'!A0", r#""Cuba;'=cmd|' /C calc'!A0""#),
            ("Cuba;@SUM(1+1)", r#""Cuba;'@SUM(1+1)""#),
            ("Cuba,=1+1", r#""Cuba,'=1+1""#),
            ("  =1+1", r#""  '=1+1""#),
            ("Cuba; \t =1+1", "\"Cuba; \t '=1+1\""),
            ("\t=1", "\"\t'=1\""),
            ("\r=1", "\"\r'=1\""),
            ("a\n-1", "\"a\n'-1\""),
            ("＝1+1", r#""'＝1+1""#),
            ("x;＋1", r#""x;'＋1""#),
            ("x; －1", r#""x; '－1""#),
            ("＠SUM(1)", r#""'＠SUM(1)""#),
            ("﹦1", r#""'﹦1""#),
            // Inside a cell, not at its start: left as it is.
            ("2014-02-10", r#""2014-02-10""#),
            ("a=b, c", r#""a=b, c""#),
            ("S1 (Kaspersky Lab (GReAT), Securelist)", r#""S1 (Kaspersky Lab (GReAT), Securelist)""#),
        ];
        for (field, expected) in cases {
            assert_eq!(csv_field(field), expected, "{field:?}");
        }
    }

    /// Every field quoted; a Spanish CSV is split on `;`, an English one on `,`.
    #[test]
    fn every_field_is_quoted_and_spanish_csv_uses_semicolons() {
        let mut c = careto();
        c.countries.to_mut()[0].name.es = "Marruecos;=cmd|'/C calc'!A0".into();
        for (lang, sep) in [(Lang::En, ","), (Lang::Es, ";")] {
            for view in [View::Bars, View::Timeline] {
                let text = csv(&c, view, lang);
                for line in text.split("\r\n").filter(|l| !l.is_empty()) {
                    let fields = split_quoted(line, sep);
                    assert_eq!(fields.len(), 5, "{lang:?} {view:?}: {line}");
                    for f in &fields {
                        assert!(f.len() >= 2 && f.starts_with('"') && f.ends_with('"'), "{lang:?} {view:?}: {f:?} is not quoted in {line}");
                    }
                }
            }
        }
        let es = csv(&c, View::Bars, Lang::Es);
        assert!(es.starts_with(r#""código";"país";"direcciones IP de víctimas (casi con seguridad)";"notas";"fuentes""#), "{}", &es[..80]);
        assert!(es.contains(r#""MAR";"Marruecos;'=cmd|'/C calc'!A0";"384";"#), "the label's formula is neutralised");
    }

    /// The fields of one CSV line, split on `sep` outside quotes.
    fn split_quoted<'a>(line: &'a str, sep: &str) -> Vec<&'a str> {
        let mut fields = Vec::new();
        let (mut start, mut quoted) = (0, false);
        for (i, c) in line.char_indices() {
            if c == '"' {
                quoted = !quoted;
            } else if !quoted && line[i..].starts_with(sep) {
                fields.push(&line[start..i]);
                start = i + sep.len();
            }
        }
        fields.push(&line[start..]);
        fields
    }

    #[test]
    fn the_government_only_claim_cites_the_sources_the_data_gives() {
        let mut c = careto();
        let line = |c: &Campaign, lang| c.countries.iter().find(|k| k.code == "GIB").map(|k| country_tooltip(c, k, lang).lines).unwrap_or_default();
        assert!(line(&c, Lang::En).iter().any(|l| l == "Only government computers were targeted (S6)"));
        assert!(line(&c, Lang::Es).iter().any(|l| l == "Solo se atacaron ordenadores gubernamentales (S6)"));
        c.government_targets_sources = std::borrow::Cow::Owned(vec!["S1".into(), "S3".into()]);
        assert!(line(&c, Lang::En).iter().any(|l| l == "Only government computers were targeted (S1, S3)"));
        c.government_targets_sources = std::borrow::Cow::Owned(vec![]);
        assert!(line(&c, Lang::En).iter().any(|l| l == "Only government computers were targeted"));
    }

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
