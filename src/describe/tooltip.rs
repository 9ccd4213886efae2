//! The tooltip of each item (and what the live region announces): a
//! country's figure, its class, what else the sources say and which they
//! are; an event's date at its precision, its status and its sources.

use super::{color_scale, profile, sources_line, status_line};
use crate::i18n::{detail_strings, fill, format_count, format_date};
use crate::layout::Target;
use crate::model::{Campaign, Count, Country, Event, Lang};
use crate::scale::ColorScale;
use std::cell::OnceCell;

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

/// What a country's tooltip and table row say beyond its figure: other
/// reported figures, figures of other measures, whether only government
/// computers were targeted (with the sources the data gives), and notes.
pub(super) fn country_notes(c: &Campaign, k: &Country, lang: Lang) -> Vec<String> {
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
    country_tooltip_in(c, k, lang, &OnceCell::new())
}

/// [`country_tooltip`], with the campaign's colour classes found once for
/// all its countries (`scale`, filled on first use): found per country, the
/// tips of a campaign of 1,000 countries took time in their square.
fn country_tooltip_in(c: &Campaign, k: &Country, lang: Lang, scale: &OnceCell<ColorScale>) -> Tooltip {
    let s = detail_strings(lang);
    let mut lines = Vec::new();
    match k.count {
        Count::Published(n) => {
            let (n_text, measure) = (format_count(n, lang), c.measure.get(lang));
            lines.push(match c.hedge(lang) {
                Some(hedge) => fill(s.value_hedged, &[("n", &n_text), ("hedge", hedge), ("measure", measure)]),
                None => format!("{n_text} {measure}"),
            });
            if let Some(class) = scale.get_or_init(|| color_scale(c)).classes().iter().find(|cl| cl.contains(n)) {
                lines.push(fill(s.colour_class, &[("class", &class.label(|n| format_count(n, lang)))]));
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
    tooltip_in(c, target, lang, &OnceCell::new())
}

/// [`tooltip`], for many targets of one campaign: `scale` holds its colour
/// classes once found (start with an empty cell).
pub fn tooltip_in(c: &Campaign, target: Target, lang: Lang, scale: &OnceCell<ColorScale>) -> Option<Tooltip> {
    match target {
        Target::Country(i) => c.countries.get(i).map(|k| country_tooltip_in(c, k, lang, scale)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::careto;
    use crate::model::Status;

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
}
