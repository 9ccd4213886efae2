//! Words for the charts: the summary a screen reader hears, the tooltip of
//! each item, and the rows of the data table. Generated from the same data as
//! the pictures, in the reader's language, so every reader gets the same facts.

use crate::i18n::{format_count, format_date};
use crate::layout::Target;
use crate::model::{Campaign, Count, Country, Event, Lang, Status};
use crate::scale::ColorScale;

#[cfg(careto_map)]
pub mod map;

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
        let mut out = self.title.clone();
        for l in &self.lines {
            if !out.ends_with(['.', '!', '?', ':']) {
                out.push('.');
            }
            out.push(' ');
            out.push_str(l);
        }
        out
    }
}

fn t(lang: Lang, en: &str, es: &str) -> String {
    match lang {
        Lang::En => en.to_string(),
        Lang::Es => es.to_string(),
    }
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

/// The screen-reader summary of the bars, e.g. "Morocco had the most victim
/// IP addresses, 384, followed by Brazil, 137, …; 20 more countries were
/// affected but no count was published."
pub fn bars_summary(c: &Campaign, lang: Lang) -> String {
    let ranked = ranked(c, lang);
    let measure = c.measure.get(lang);
    let unpublished = c.countries.iter().filter(|k| k.count == Count::NotPublished).count();
    let mut out = String::new();
    if let Some(((first, n), rest)) = ranked.split_first() {
        out.push_str(&match lang {
            Lang::En => format!("{} had the most {measure}, {}", first.name.en, format_count(*n, lang)),
            Lang::Es => format!("{} tuvo más {measure}, {}", first.name.es, format_count(*n, lang)),
        });
        if !rest.is_empty() {
            let others: Vec<String> = rest.iter().map(|(k, n)| format!("{}, {}", k.name.get(lang), format_count(*n, lang))).collect();
            out.push_str(&t(lang, ", followed by ", ", seguido de "));
            out.push_str(&others.join("; "));
        }
        out.push('.');
    }
    if unpublished > 0 {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&match lang {
            Lang::En => format!("{unpublished} more countries were affected but no count was published."),
            Lang::Es => format!("Otros {unpublished} países fueron afectados, pero no se publicó su cifra."),
        });
    }
    out.push(' ');
    out.push_str(c.bars_source_line.get(lang));
    out
}

/// The screen-reader summary of the timeline.
pub fn timeline_summary(c: &Campaign, lang: Lang) -> String {
    let p = &c.active_period;
    let mut out = match lang {
        Lang::En => format!("{} from {} to {}.", p.label.en, format_date(&p.start, false, lang), format_date(&p.end, false, lang)),
        Lang::Es => format!("{}: de {} a {}.", p.label.es, format_date(&p.start, false, lang), format_date(&p.end, false, lang)),
    };
    let starts: Vec<f64> = c.events.iter().map(|e| e.date.bounds().0).collect();
    for e in crate::order::by_number(&starts).into_iter().filter_map(|i| c.events.get(i)) {
        out.push(' ');
        out.push_str(&format_date(&e.date, e.approximate, lang));
        out.push_str(": ");
        out.push_str(e.description.get(lang).trim_end_matches('.'));
        if let Some(tag) = status_words(e.status, lang) {
            out.push_str(&format!(" ({tag})"));
        }
        out.push('.');
    }
    out.push(' ');
    out.push_str(c.timeline_source_line.get(lang));
    out
}

fn status_words(s: Status, lang: Lang) -> Option<String> {
    match s {
        Status::Reported => None,
        Status::Secondary => Some(t(lang, "known only from secondary reports", "solo conocido por fuentes secundarias")),
        Status::Alleged => Some(t(lang, "alleged", "presunto")),
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

/// The tooltip of a country.
pub fn country_tooltip(c: &Campaign, k: &Country, lang: Lang) -> Tooltip {
    let mut lines = Vec::new();
    let measure = c.measure.get(lang);
    match k.count {
        Count::Published(n) => {
            lines.push(format!("{} {measure}", format_count(n, lang)));
            if let Some(class) = color_scale(c).classes().iter().find(|cl| cl.contains(n)) {
                lines.push(match lang {
                    Lang::En => format!("Colour class {}", class.label()),
                    Lang::Es => format!("Clase de color {}", class.label()),
                });
            }
        }
        Count::NotPublished => lines.push(t(lang, "Affected; no count was published", "Afectado; no se publicó cifra")),
    }
    if !k.alternatives.is_empty() {
        let alts: Vec<String> = k.alternatives.iter().map(|a| format!("{} ({})", format_count(a.value, lang), a.sources.join(", "))).collect();
        lines.push(match lang {
            Lang::En => format!("Other reported figures: {}", alts.join("; ")),
            Lang::Es => format!("Otras cifras publicadas: {}", alts.join("; ")),
        });
    }
    for f in k.other_figures.iter() {
        lines.push(format!("{} {} ({}): {}", format_count(f.value, lang), f.unit.get(lang), f.sources.join(", "), f.note.get(lang)));
    }
    if k.government_targets_only {
        lines.push(t(lang, "Only government computers were targeted (S6)", "Solo se atacaron ordenadores del Gobierno (S6)"));
    }
    for n in k.notes.iter() {
        lines.push(n.get(lang).to_string());
    }
    lines.push(format!("{}: {}", t(lang, "Sources", "Fuentes"), source_list(c, &k.sources)));
    Tooltip { title: k.name.get(lang).to_string(), lines }
}

/// The tooltip of an event.
pub fn event_tooltip(c: &Campaign, e: &Event, lang: Lang) -> Tooltip {
    let mut lines = vec![e.description.get(lang).to_string()];
    lines.push(match status_words(e.status, lang) {
        Some(words) => crate::i18n::capitalize(&words),
        None => t(lang, "Reported", "Publicado"),
    });
    let note = e.note.get(lang);
    if !note.is_empty() {
        lines.push(note.to_string());
    }
    lines.push(format!("{}: {}", t(lang, "Sources", "Fuentes"), source_list(c, &e.sources)));
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
                lines: vec![p.description.get(lang).to_string(), format!("{}: {}", t(lang, "Sources", "Fuentes"), source_list(c, &p.sources))],
            })
        }
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
        .map(|k| {
            let tip = country_tooltip(c, k, lang);
            let notes: Vec<String> = tip
                .lines
                .iter()
                .skip(1)
                .filter(|l| !l.starts_with(&t(lang, "Sources", "Fuentes")) && !l.starts_with(&t(lang, "Colour class", "Clase de color")))
                .cloned()
                .collect();
            CountryRow {
                code: k.code.to_string(),
                name: k.name.get(lang).to_string(),
                value: match k.count {
                    Count::Published(n) => format_count(n, lang),
                    Count::NotPublished => t(lang, "not published", "no publicada"),
                },
                notes: notes.join(" · "),
                sources: source_list(c, &k.sources),
            }
        })
        .collect()
}

/// One CSV field, quoted when needed (RFC 4180). A leading `=`, `+`, `-` or
/// `@` gets a `'` so that spreadsheets do not run it as a formula.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The data behind a chart as CSV (a header row, then one row per country or
/// event), with a sources column, in the reader's language.
pub fn csv(c: &Campaign, view: crate::chart::View, lang: Lang) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    match view {
        // The map shows the bars' data: the same table.
        #[cfg(careto_map)]
        crate::chart::View::Map => return csv(c, crate::chart::View::Bars, lang),
        crate::chart::View::Bars => {
            rows.push(vec![
                t(lang, "code", "codigo"),
                t(lang, "country", "pais"),
                c.measure.get(lang).to_string(),
                t(lang, "notes", "notas"),
                t(lang, "sources", "fuentes"),
            ]);
            for r in country_rows(c, lang) {
                // The raw figure (no thousands separator), empty when not published.
                let value = c.countries.iter().find(|k| k.code == r.code.as_str()).and_then(|k| k.count.value()).map(|v| v.to_string()).unwrap_or_default();
                rows.push(vec![r.code, r.name, value, r.notes, r.sources]);
            }
        }
        crate::chart::View::Timeline => {
            rows.push(vec![
                t(lang, "date", "fecha"),
                t(lang, "approximate", "aproximada"),
                t(lang, "event", "suceso"),
                t(lang, "status", "estado"),
                t(lang, "sources", "fuentes"),
            ]);
            let starts: Vec<f64> = c.events.iter().map(|e| e.date.bounds().0).collect();
            for e in crate::order::by_number(&starts).into_iter().filter_map(|i| c.events.get(i)) {
                let d = &e.date;
                let iso = match (d.month, d.day) {
                    (Some(m), Some(day)) => format!("{}-{m:02}-{day:02}", d.year),
                    (Some(m), None) => format!("{}-{m:02}", d.year),
                    _ => d.year.to_string(),
                };
                let status = match e.status {
                    Status::Reported => "reported",
                    Status::Secondary => "secondary",
                    Status::Alleged => "alleged",
                };
                rows.push(vec![iso, e.approximate.to_string(), e.description.get(lang).to_string(), status.to_string(), source_list(c, &e.sources)]);
            }
        }
    }
    let mut out = String::new();
    for row in rows {
        out.push_str(&row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::careto;

    #[test]
    fn the_summary_names_the_leaders_and_the_unknowns() {
        let s = bars_summary(&careto(), Lang::En);
        assert!(s.starts_with("Morocco had the most victim IP addresses, 384, followed by Brazil, 137; United Kingdom, 109;"), "{s}");
        assert!(s.contains("20 more countries were affected but no count was published."), "{s}");
        let es = bars_summary(&careto(), Lang::Es);
        assert!(es.starts_with("Marruecos tuvo más direcciones IP de víctimas, 384, seguido de Brasil, 137;"), "{es}");
    }

    #[test]
    fn a_tooltip_carries_value_class_alternatives_and_sources() {
        let c = careto();
        let mar = c.countries.iter().find(|k| k.code == "MAR").map(|k| country_tooltip(&c, k, Lang::En));
        let tip = mar.unwrap_or(Tooltip { title: String::new(), lines: vec![] });
        assert_eq!(tip.title, "Morocco");
        assert_eq!(tip.lines.first().map(String::as_str), Some("384 victim IP addresses"));
        let all = tip.announcement();
        assert!(all.starts_with("Morocco. 384 victim IP addresses. Colour class 200+."), "{all}");
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
        let bars = csv(&c, crate::chart::View::Bars, Lang::En);
        let lines: Vec<&str> = bars.lines().collect();
        assert_eq!(lines.len(), 32, "a header and 31 countries");
        assert!(lines.first().is_some_and(|h| h.starts_with("code,country,victim IP addresses,notes,sources")));
        assert!(lines.get(1).is_some_and(|l| l.starts_with("MAR,Morocco,384,")), "{:?}", lines.get(1));
        assert!(lines.iter().any(|l| l.starts_with("CUB,Cuba,,")), "Cuba has no figure: an empty cell, not 0");
        let tl = csv(&c, crate::chart::View::Timeline, Lang::En);
        assert!(tl.lines().nth(1).is_some_and(|l| l.starts_with("2007,false,")));
        assert!(tl.contains("2014-02-10,false,"));
        assert!(tl.contains("2024-05,true,"));
        assert_eq!(csv_field("=HYPERLINK(x)"), "'=HYPERLINK(x)");
        assert_eq!(csv_field("a \"b\", c"), "\"a \"\"b\"\", c\"");
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
