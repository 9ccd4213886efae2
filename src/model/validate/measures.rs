//! The rules of issue 15.4: a claim is only as strong as the kind of its
//! sources, and a count says what each of its sources counted.
//!
//! - An event marked "reported" must rest on more than catalogues (a
//!   catalogue's date is second-hand: "secondary" says so).
//! - A country's `counted_by` names the measure of each source of its count;
//!   once one count of a campaign records them, every published count must
//!   (a campaign without any, such as a newsroom's written before this
//!   field, counts in its one `measure` and is not asked for them).

use super::{Checker, Kind, Need, Seen};
use crate::model::{clip, Campaign, Count, Country, Event, SourceKind, Status};
use std::fmt;

impl Checker<'_> {
    /// `e` is marked reported but every one of its sources is a catalogue.
    pub(super) fn reported_on_catalogues(&mut self, p: &dyn fmt::Display, e: &Event, c: &Campaign) {
        if e.status != Status::Reported || e.sources.is_empty() {
            return;
        }
        let catalogue = |id: &str| c.sources.iter().find(|s| s.id == id).is_some_and(|s| s.kind == Some(SourceKind::Catalogue));
        if e.sources.iter().all(|id| catalogue(id)) {
            let ids: Vec<String> = e.sources.iter().take(5).map(|id| clip(id)).collect();
            self.err(
                format!("{p}.status"),
                format!("\"reported\" rests only on catalogues ({}); an event known from catalogues alone is \"secondary\"", ids.join(", ")),
            );
        }
    }

    /// The sources of `k`'s count and their measures. `first` is the index
    /// of the campaign's first country that records them, if any.
    pub(super) fn counted_by(&mut self, p: &dyn fmt::Display, k: &Country, first: Option<usize>) {
        match (k.count, k.counted_by.is_empty(), first) {
            (Count::Published(_), true, Some(i)) => {
                self.err(
                    format!("{p}.counted_by"),
                    format!("a published count needs the measure of each of its sources, as country[{i}] records them (counted_by: [{{ source, measure }}])"),
                );
                return;
            }
            (Count::NotPublished, false, _) => {
                self.err(format!("{p}.counted_by"), "the sources of a count given but count is \"not published\"");
                return;
            }
            _ => {}
        }
        let mut seen = Seen::default();
        for (j, m) in k.counted_by.iter().enumerate() {
            if self.done() {
                return;
            }
            let q = format!("{p}.counted_by[{j}]");
            if m.source.trim().is_empty() {
                self.err(format!("{q}.source"), "is empty");
            } else if !k.sources.contains(&m.source) {
                self.err(format!("{q}.source"), format!("\"{}\" is not among the country's sources", clip(&m.source)));
            } else if !seen.insert(&m.source) {
                self.err(format!("{q}.source"), format!("source id \"{}\" listed twice", clip(&m.source)));
            }
            self.text(format!("{q}.measure"), &m.measure, Need::Required, Kind::Label);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::super::tests::{first, ids, ok, t};
    use super::super::validate;
    use crate::model::{CountedBy, SourceKind, Status};
    use std::borrow::Cow;

    fn by(source: &str, measure: &str) -> CountedBy {
        CountedBy { source: source.to_string().into(), measure: t(measure) }
    }

    #[test]
    fn a_reported_event_needs_more_than_catalogues() {
        let mut c = ok();
        c.sources.to_mut()[0].kind = Some(SourceKind::Catalogue);
        c.sources.to_mut()[1].kind = Some(SourceKind::Catalogue);
        c.events.to_mut()[1].sources = ids(&["S1", "S2"]);
        assert_eq!(first(&c), "event[0].status: \"reported\" rests only on catalogues (S1); an event known from catalogues alone is \"secondary\"");
        // Secondary says so: allowed.
        for e in c.events.to_mut().iter_mut() {
            e.status = Status::Secondary;
        }
        assert_eq!(validate(&c), Ok(()));
        // One source of another kind (or of no stated kind) is enough.
        let mut c = ok();
        c.sources.to_mut()[0].kind = Some(SourceKind::Catalogue);
        c.sources.to_mut()[1].kind = Some(SourceKind::Press);
        c.events.to_mut()[0].sources = ids(&["S1", "S2"]);
        c.events.to_mut()[1].sources = ids(&["S2"]);
        assert_eq!(validate(&c), Ok(()));
        c.sources.to_mut()[1].kind = None;
        assert_eq!(validate(&c), Ok(()));
    }

    #[test]
    fn once_one_count_records_its_measures_every_count_must() {
        let mut c = ok();
        c.countries.to_mut()[1].count = crate::model::Count::Published(3);
        c.countries.to_mut()[0].counted_by = Cow::Owned(vec![by("S1", "infected targets")]);
        assert_eq!(
            first(&c),
            "country[1].counted_by: a published count needs the measure of each of its sources, as country[0] records them (counted_by: [{ source, measure }])"
        );
        c.countries.to_mut()[1].counted_by = Cow::Owned(vec![by("S1", "attacks")]);
        assert_eq!(validate(&c), Ok(()));
        // No campaign-wide record at all: the campaign's one measure stands (a newsroom's older JSON).
        let mut c = ok();
        c.countries.to_mut()[1].count = crate::model::Count::Published(3);
        assert_eq!(validate(&c), Ok(()));
    }

    #[test]
    fn each_source_of_a_count_has_its_measure() {
        let mut c = ok();
        c.countries.to_mut()[0].counted_by = Cow::Owned(vec![by("S1", "")]);
        assert_eq!(first(&c), "country[0].counted_by[0].measure.en: is empty");
        c.countries.to_mut()[0].counted_by = Cow::Owned(vec![by("S2", "attacks")]);
        assert_eq!(first(&c), "country[0].counted_by[0].source: \"S2\" is not among the country's sources");
        c.countries.to_mut()[0].counted_by = Cow::Owned(vec![by("S1", "attacks"), by("S1", "systems")]);
        assert_eq!(first(&c), "country[0].counted_by[1].source: source id \"S1\" listed twice");
        let mut c = ok();
        c.countries.to_mut()[1].counted_by = Cow::Owned(vec![by("S1", "attacks")]);
        assert_eq!(first(&c), "country[1].counted_by: the sources of a count given but count is \"not published\"");
    }
}
