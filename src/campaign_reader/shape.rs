//! The campaign's shape as the reader walks it: one function per object of
//! `campaign.schema.json`, each naming its fields exactly as the schema and
//! the model do. The primitives (fields, lists, strings, numbers, the
//! budget) are in `reader/`.

use super::reader::{Obj, Path, Reader, Val};
use super::HostValue;
use crate::model::{Alternative, Campaign, CountedBy, Country, Event, EventDate, OtherFigure, Period, Platform, Profile, Sector, Source, Stolen, Text, Total};
use std::borrow::Cow;

impl Reader {
    /// The campaign's object and its fields before the long lists (which
    /// [`super::reader::Reading`] reads next, then [`Reader::campaign_tail`]).
    pub(super) fn campaign_head<H: HostValue>(&mut self, v: Val<H>) -> (Obj<'static, H>, Campaign) {
        const FIELDS: &[&str] = &[
            "name",
            "measure",
            "measure_hedge",
            "as_of",
            "total",
            "totals_note",
            "active_period",
            "country",
            "event",
            "source",
            "bars_source_line",
            "timeline_source_line",
            "government_targets_sources",
            "profile",
        ];
        let o = self.obj(v, Path::ROOT, FIELDS);
        let c = Campaign {
            name: self.text_at(&o, "name"),
            measure: self.text_at(&o, "measure"),
            measure_hedge: self.text_or_empty(&o, "measure_hedge"),
            as_of: self.text_at(&o, "as_of"),
            totals: self.list_or_empty(&o, "total", Reader::total),
            totals_note: self.text_or_empty(&o, "totals_note"),
            active_period: match self.req(&o, "active_period") {
                Some(v) => self.period(v, o.path.key("active_period")),
                None => Period {
                    start: EventDate { year: 0, month: None, day: None },
                    end: EventDate { year: 0, month: None, day: None },
                    label: Text::default(),
                    description: Text::default(),
                    sources: Cow::Owned(Vec::new()),
                },
            },
            countries: Cow::Owned(Vec::new()),
            events: Cow::Owned(Vec::new()),
            sources: Cow::Owned(Vec::new()),
            bars_source_line: Text::default(),
            timeline_source_line: Text::default(),
            government_targets_sources: Cow::Owned(Vec::new()),
            profile: Profile::default(),
        };
        (o, c)
    }

    /// The campaign's fields after its long lists.
    pub(super) fn campaign_tail<H: HostValue>(&mut self, o: &Obj<H>, c: &mut Campaign) {
        c.bars_source_line = self.text_at(o, "bars_source_line");
        c.timeline_source_line = self.text_at(o, "timeline_source_line");
        c.government_targets_sources = self.list_or_empty(o, "government_targets_sources", |r, v, p| r.string(&v, &p));
        c.profile = match self.opt(o, "profile") {
            Some(v) => self.profile(v, o.path.key("profile")),
            None => Profile::default(),
        };
    }

    fn profile<H: HostValue>(&mut self, v: Val<H>, path: Path<'_>) -> Profile {
        let o = self.obj(v, path, &["sector", "platform", "stolen", "source_line"]);
        Profile {
            sectors: self.list_or_empty(&o, "sector", Reader::sector),
            platforms: self.list_or_empty(&o, "platform", Reader::platform),
            stolen: match self.opt(&o, "stolen") {
                Some(v) => self.stolen(v, o.path.key("stolen")),
                None => Stolen::default(),
            },
            source_line: self.text_or_empty(&o, "source_line"),
        }
    }

    fn sector<H: HostValue>(&mut self, v: Val<H>, path: Path<'_>) -> Sector {
        let o = self.obj(v, path, &["label", "sources"]);
        Sector { label: self.text_at(&o, "label"), sources: self.ids(&o) }
    }

    fn platform<H: HostValue>(&mut self, v: Val<H>, path: Path<'_>) -> Platform {
        let o = self.obj(v, path, &["label", "status", "detail", "quote", "sources"]);
        Platform {
            label: self.text_at(&o, "label"),
            status: self.platform_status_at(&o, "status"),
            detail: self.text_at(&o, "detail"),
            quote: self.string_or_empty(&o, "quote"),
            sources: self.ids(&o),
        }
    }

    fn stolen<H: HostValue>(&mut self, v: Val<H>, path: Path<'_>) -> Stolen {
        let o = self.obj(v, path, &["summary", "quote", "extensions", "sources"]);
        Stolen {
            summary: self.text_or_empty(&o, "summary"),
            quote: self.string_or_empty(&o, "quote"),
            extensions: self.list_or_empty(&o, "extensions", |r, v, p| r.string(&v, &p)),
            sources: self.list_or_empty(&o, "sources", |r, v, p| r.string(&v, &p)),
        }
    }

    fn total<H: HostValue>(&mut self, v: Val<H>, path: Path<'_>) -> Total {
        let o = self.obj(v, path, &["key", "label", "value", "qualifier", "sources"]);
        Total {
            key: self.string_at(&o, "key"),
            label: self.text_at(&o, "label"),
            value: self.whole_at(&o, "value"),
            qualifier: self.text_or_empty(&o, "qualifier"),
            sources: self.ids(&o),
        }
    }

    fn period<H: HostValue>(&mut self, v: Val<H>, path: Path<'_>) -> Period {
        let o = self.obj(v, path, &["start", "end", "label", "description", "sources"]);
        Period {
            start: self.date_at(&o, "start"),
            end: self.date_at(&o, "end"),
            label: self.text_at(&o, "label"),
            description: self.text_at(&o, "description"),
            sources: self.ids(&o),
        }
    }

    pub(super) fn country<H: HostValue>(&mut self, v: Val<H>, path: Path<'_>) -> Country {
        let o = self.obj(v, path, &["code", "name", "count", "alternatives", "other_figures", "government_targets_only", "notes", "sources", "counted_by"]);
        Country {
            code: self.string_at(&o, "code"),
            name: self.text_at(&o, "name"),
            count: self.count_at(&o, "count"),
            alternatives: self.list_or_empty(&o, "alternatives", Reader::alternative),
            other_figures: self.list_or_empty(&o, "other_figures", Reader::other_figure),
            government_targets_only: self.flag_at(&o, "government_targets_only"),
            notes: self.list_or_empty(&o, "notes", Reader::text),
            sources: self.ids(&o),
            counted_by: self.list_or_empty(&o, "counted_by", Reader::counted_by),
        }
    }

    fn counted_by<H: HostValue>(&mut self, v: Val<H>, path: Path<'_>) -> CountedBy {
        let o = self.obj(v, path, &["source", "measure"]);
        CountedBy { source: self.string_at(&o, "source"), measure: self.text_at(&o, "measure") }
    }

    fn alternative<H: HostValue>(&mut self, v: Val<H>, path: Path<'_>) -> Alternative {
        let o = self.obj(v, path, &["value", "sources"]);
        Alternative { value: self.whole_at(&o, "value"), sources: self.ids(&o) }
    }

    fn other_figure<H: HostValue>(&mut self, v: Val<H>, path: Path<'_>) -> OtherFigure {
        let o = self.obj(v, path, &["value", "unit", "note", "sources"]);
        OtherFigure { value: self.whole_at(&o, "value"), unit: self.text_at(&o, "unit"), note: self.text_or_empty(&o, "note"), sources: self.ids(&o) }
    }

    pub(super) fn event<H: HostValue>(&mut self, v: Val<H>, path: Path<'_>) -> Event {
        let o = self.obj(v, path, &["id", "date", "approximate", "label", "description", "status", "note", "sources"]);
        Event {
            id: self.string_at(&o, "id"),
            date: self.date_at(&o, "date"),
            approximate: self.flag_at(&o, "approximate"),
            label: self.text_at(&o, "label"),
            description: self.text_at(&o, "description"),
            status: self.status_at(&o, "status"),
            note: self.text_or_empty(&o, "note"),
            sources: self.ids(&o),
        }
    }

    pub(super) fn source<H: HostValue>(&mut self, v: Val<H>, path: Path<'_>) -> Source {
        let o = self.obj(v, path, &["id", "title", "publisher", "date", "url", "note", "kind"]);
        Source {
            id: self.string_at(&o, "id"),
            title: self.string_at(&o, "title"),
            publisher: self.string_at(&o, "publisher"),
            date: self.string_or_empty(&o, "date"),
            url: self.string_at(&o, "url"),
            note: self.string_or_empty(&o, "note"),
            kind: self.kind_or_none(&o),
        }
    }
}
