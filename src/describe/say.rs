//! What the live region says when the keyboard reaches an item: one short
//! line a listener can take in while moving ("Brazil, 137 victim IP
//! addresses, 2 of 11"), the details one key away (Enter or Space: the
//! tooltip's text, [`super::Tooltip::announcement`]).
//!
//! A country with a published count: its name, the figure with its measure,
//! and its place among the countries with a count, largest first; one
//! without: its name, that no count was published, and its place among
//! those, alphabetically. An event: its date at the precision the sources
//! give, its label, its status when it is not a reported fact, and its place
//! in the timeline (the active period first, then the events by date): the
//! keyboard's order, the same as the layout's ([`crate::chart::Layout::items`]).
//! The figure is worded as the tooltip words it: with the measure's hedge
//! when the campaign has one ("137, almost certainly victim IP addresses"),
//! never stronger than the sources. A profile item: its title, a platform's
//! status, and its place among the profile's items.

use crate::i18n::{detail_strings, fill, format_count, format_date, summary_strings};
use crate::layout::Target;
use crate::model::{Campaign, Count, Lang, Status};

/// The short line of every item of a campaign, by the campaign's own
/// indices (so that each tip finds its line without a search).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lines {
    /// One per country, in the campaign's order.
    pub countries: Vec<String>,
    /// The active period.
    pub period: String,
    /// One per event, in the campaign's order.
    pub events: Vec<String>,
}

/// "2 of 11" (with `unpublished`: "3 of 20 without a count").
fn position(i: usize, n: usize, unpublished: bool, lang: Lang) -> String {
    let s = detail_strings(lang);
    let template = if unpublished { s.say_position_unpublished } else { s.say_position };
    fill(template, &[("i", &(i + 1).to_string()), ("n", &n.to_string())])
}

/// A profile item's short line: `title` (the tooltip's), a platform's
/// status, its place (`place`-th of `of`, in the keyboard's order).
pub fn profile_line(c: &Campaign, target: Target, title: &str, place: usize, of: usize, lang: Lang) -> String {
    let status = match target {
        Target::Platform(i) => c.profile.platforms.get(i).map(|f| crate::i18n::profile_strings(lang).status(f.status)),
        _ => None,
    };
    match status {
        Some(status) => format!("{title}, {status}, {}", position(place, of, false, lang)),
        None => format!("{title}, {}", position(place, of, false, lang)),
    }
}

/// Each item's place for its short line: a country's among those with a
/// count (largest first) or without (alphabetically), an event's in the
/// timeline (the active period first, then the events by date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    /// By the campaign's country indices: the place, and whether among the countries without a count.
    countries: Vec<(usize, bool)>,
    published: usize,
    unpublished: usize,
    /// By the campaign's event indices: the place among the events by date.
    events: Vec<usize>,
}

/// The places of `c`'s items in `lang` (the names' order is the language's).
pub fn places(c: &Campaign, lang: Lang) -> Places {
    let mut countries = vec![(0, false); c.countries.len()];
    let published = crate::order::published_by_value(c, lang);
    for (rank, (i, _)) in published.iter().enumerate() {
        if let Some(p) = countries.get_mut(*i) {
            *p = (rank, false);
        }
    }
    let unpublished = crate::order::unpublished_by_name(c, lang);
    for (rank, i) in unpublished.iter().enumerate() {
        if let Some(p) = countries.get_mut(*i) {
            *p = (rank, true);
        }
    }
    let mut events = vec![0; c.events.len()];
    let starts: Vec<f64> = c.events.iter().map(|e| e.date.bounds().0).collect();
    for (rank, i) in crate::sort::by_number(&starts).into_iter().enumerate() {
        if let Some(p) = events.get_mut(i) {
            *p = rank;
        }
    }
    Places { countries, published: published.len(), unpublished: unpublished.len(), events }
}

/// The short line of country `i`: "Brazil, 137 victim IP addresses, 2 of 11".
pub fn country_line(c: &Campaign, i: usize, places: &Places, lang: Lang) -> Option<String> {
    let s = detail_strings(lang);
    let k = c.countries.get(i)?;
    let &(rank, unpublished) = places.countries.get(i)?;
    Some(match k.count {
        Count::Published(n) => {
            let (n_text, measure) = (format_count(n, lang), c.measure.get(lang));
            let figure = match c.hedge(lang) {
                Some(hedge) => fill(s.value_hedged, &[("n", &n_text), ("hedge", hedge), ("measure", measure)]),
                None => format!("{n_text} {measure}"),
            };
            format!("{}, {figure}, {}", k.name.get(lang), position(rank, places.published, false, lang))
        }
        Count::NotPublished => {
            debug_assert!(unpublished);
            format!("{}, {}, {}", k.name.get(lang), s.say_no_count, position(rank, places.unpublished, true, lang))
        }
    })
}

/// The short line of the active period: "2007 – Jan 2014, Active…, 1 of 12".
pub fn period_line(c: &Campaign, lang: Lang) -> String {
    let p = &c.active_period;
    format!(
        "{} – {}, {}, {}",
        format_date(&p.start, false, lang),
        format_date(&p.end, false, lang),
        p.label.get(lang).trim_end_matches('.'),
        position(0, c.events.len() + 1, false, lang)
    )
}

/// The short line of event `i`: its date, label, status and place.
pub fn event_line(c: &Campaign, i: usize, places: &Places, lang: Lang) -> Option<String> {
    let e = c.events.get(i)?;
    let rank = *places.events.get(i)?;
    let mut out = format!("{}, {}", format_date(&e.date, e.approximate, lang), e.label.get(lang).trim_end_matches('.'));
    let status = match e.status {
        Status::Reported => None,
        Status::Secondary => Some(summary_strings(lang).status_secondary),
        Status::Alleged => Some(summary_strings(lang).status_alleged),
    };
    if let Some(words) = status {
        out.push_str(", ");
        out.push_str(words);
    }
    out.push_str(", ");
    out.push_str(&position(rank + 1, c.events.len() + 1, false, lang));
    Some(out)
}

/// The short lines of `c`'s items in `lang`.
pub fn lines(c: &Campaign, lang: Lang) -> Lines {
    let places = places(c, lang);
    Lines {
        countries: (0..c.countries.len()).map(|i| country_line(c, i, &places, lang).unwrap_or_default()).collect(),
        period: period_line(c, lang),
        events: (0..c.events.len()).map(|i| event_line(c, i, &places, lang).unwrap_or_default()).collect(),
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::data::careto;

    fn country(l: &Lines, c: &Campaign, code: &str) -> String {
        let i = c.countries.iter().position(|k| k.code == code).expect("the country");
        l.countries[i].clone()
    }

    #[test]
    fn a_country_is_its_name_figure_and_place() {
        let c = careto();
        let en = lines(&c, Lang::En);
        assert_eq!(country(&en, &c, "BRA"), "Brazil, 137, almost certainly victim IP addresses, 2 of 11");
        assert_eq!(country(&en, &c, "MAR"), "Morocco, 384, almost certainly victim IP addresses, 1 of 11");
        assert_eq!(country(&en, &c, "VEN"), "Venezuela, no count published, 20 of 20 without a count");
        let es = lines(&c, Lang::Es);
        assert_eq!(country(&es, &c, "BRA"), "Brasil, 137, casi con seguridad direcciones IP de víctimas, 2 de 11");
        assert!(country(&es, &c, "VEN").ends_with(", sin cifra publicada, 20 de 20 sin cifra"), "{}", country(&es, &c, "VEN"));
        assert!(en.countries.iter().chain(es.countries.iter()).all(|l| !l.is_empty() && l.len() < 90), "{:?}", en.countries);
    }

    #[test]
    fn an_event_is_its_date_at_its_precision_label_status_and_place() {
        let c = careto();
        let en = lines(&c, Lang::En);
        let n = c.events.len() + 1;
        assert_eq!(en.period, format!("2007 – Jan 2014, Active until shutdown began, 1 of {n}"));
        let by_id = |l: &Lines, id: &str| l.events[c.events.iter().position(|e| e.id == id).expect("the event")].clone();
        let first = c.events.iter().min_by(|a, b| a.date.bounds().0.total_cmp(&b.date.bounds().0)).expect("an event");
        assert!(by_id(&en, &first.id).starts_with("2007, "), "{}", by_id(&en, &first.id));
        assert!(by_id(&en, &first.id).ends_with(&format!(", 2 of {n}")), "{}", by_id(&en, &first.id));
        for (e, line) in c.events.iter().zip(&en.events) {
            match e.status {
                Status::Alleged => assert!(line.contains(", alleged, "), "{line}"),
                Status::Secondary => assert!(line.contains(", known only from secondary reports, "), "{line}"),
                Status::Reported => assert!(!line.contains("alleged") && !line.contains("secondary"), "{line}"),
            }
            assert!(!line.contains(".,"), "{line}");
        }
        let disclosed = en.events.iter().find(|l| l.starts_with("10 Feb 2014, ")).expect("the disclosure, at its day");
        assert!(disclosed.len() < 90, "{disclosed}");
        let es = lines(&c, Lang::Es);
        assert!(es.period.starts_with("2007 – enero de 2014, "), "{}", es.period);
        assert!(es.events.iter().any(|l| l.contains(", acusación, no hecho probado, ")), "{:?}", es.events);
        assert!(es.period.ends_with(&format!("1 de {n}")), "{}", es.period);
    }
}
