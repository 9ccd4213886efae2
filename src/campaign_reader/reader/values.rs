//! The values of fields: strings (charged to the text budget), texts in
//! both languages, figures, flags, dates, counts, and the model's enums
//! (a platform's status, a source's kind, a claim's status).

use super::super::{Got, HostValue};
use super::{Obj, Path, Reader, Val};
use crate::model::{whole_number, Count, EventDate, PlatformStatus, SourceKind, Status, Str, Text};
use std::borrow::Cow;

impl Reader {
    /// The string `v` (a copy of it: [`Reader::string_val`] takes it).
    pub(in crate::campaign_reader) fn string<H: HostValue>(&mut self, v: &Val<H>, path: &Path) -> Str {
        match v {
            Got::String(s) => self.string_val(Got::<H>::String(s.clone()), path),
            other => {
                self.expected(other, path, "a string");
                Cow::Borrowed("")
            }
        }
    }

    /// The string `v`, charged to the text budget.
    pub(in crate::campaign_reader) fn string_val<H: HostValue>(&mut self, v: Val<H>, path: &Path) -> Str {
        if !self.ok() {
            return Cow::Borrowed("");
        }
        match v {
            Got::String(s) => match self.text_of(s, path) {
                Some(s) => Cow::Owned(s),
                None => Cow::Borrowed(""),
            },
            other => {
                self.expected(&other, path, "a string");
                Cow::Borrowed("")
            }
        }
    }

    pub(in crate::campaign_reader) fn string_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Str {
        match self.req(o, key) {
            Some(v) => self.string_val(v, &o.path.key(key)),
            None => Cow::Borrowed(""),
        }
    }

    /// An optional string (empty when absent).
    pub(in crate::campaign_reader) fn string_or_empty<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Str {
        match self.opt(o, key) {
            Some(v) => self.string_val(v, &o.path.key(key)),
            None => Cow::Borrowed(""),
        }
    }

    pub(in crate::campaign_reader) fn text<H: HostValue>(&mut self, v: Val<H>, path: Path<'_>) -> Text {
        let o = self.obj(v, path, &["en", "es"]);
        Text { en: self.string_at(&o, "en"), es: self.string_at(&o, "es") }
    }

    pub(in crate::campaign_reader) fn text_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Text {
        match self.req(o, key) {
            Some(v) => self.text(v, o.path.key(key)),
            None => Text::default(),
        }
    }

    /// An optional text (empty in both languages when absent).
    pub(in crate::campaign_reader) fn text_or_empty<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Text {
        match self.opt(o, key) {
            Some(v) => self.text(v, o.path.key(key)),
            None => Text::default(),
        }
    }

    /// A figure: a whole number 0..=u32::MAX.
    pub(in crate::campaign_reader) fn whole_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> u32 {
        let path = o.path.key(key);
        match self.req(o, key) {
            Some(Got::Number(n)) => match whole_number(n, crate::model::FIGURE) {
                Ok(n) => return n,
                Err(e) => self.fail(&path, format_args!("{e}")),
            },
            Some(v) => self.expected(&v, &path, "a whole number >= 0"),
            None => {}
        }
        0
    }

    /// An optional flag (false when absent).
    pub(in crate::campaign_reader) fn flag_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> bool {
        match self.opt(o, key) {
            Some(Got::Boolean(b)) => b,
            Some(v) => {
                self.expected(&v, &o.path.key(key), "true or false");
                false
            }
            None => false,
        }
    }

    pub(in crate::campaign_reader) fn date_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> EventDate {
        let s = self.string_at(o, key);
        match EventDate::parse(&s) {
            Ok(d) => return d,
            Err(e) => self.fail(&o.path.key(key), format_args!("{e}")),
        }
        EventDate { year: 0, month: None, day: None }
    }

    /// As the model's `Count` deserializer: a whole number, or the string
    /// "not published" (`null` is no count, as the schema says).
    pub(in crate::campaign_reader) fn count_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Count {
        let path = o.path.key(key);
        let counted = match self.req(o, key) {
            Some(Got::Number(n)) => Some(Count::from_number(n)),
            Some(Got::String(s)) => self.text_of(s, &path).map(|s| Count::from_text(&s)),
            Some(v) => {
                self.expected(&v, &path, Count::EXPECTED);
                None
            }
            None => None,
        };
        match counted {
            Some(Ok(c)) => c,
            Some(Err(e)) => {
                self.fail(&path, format_args!("{e}"));
                Count::NotPublished
            }
            None => Count::NotPublished,
        }
    }

    /// A platform's `status` (`analysed`, `partial`, `suspected`).
    pub(in crate::campaign_reader) fn platform_status_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> PlatformStatus {
        let s = self.string_at(o, key);
        if self.ok() {
            match PlatformStatus::parse(&s) {
                Ok(status) => return status,
                Err(e) => self.fail(&o.path.key(key), format_args!("{e}")),
            }
        }
        PlatformStatus::Analysed
    }

    /// A source's optional `kind` (`primary`, `press`, `catalogue`).
    pub(in crate::campaign_reader) fn kind_or_none<H: HostValue>(&mut self, o: &Obj<H>) -> Option<SourceKind> {
        let v = self.opt(o, "kind")?;
        let s = self.string(&v, &o.path.key("kind"));
        if !self.ok() {
            return None;
        }
        match SourceKind::parse(&s) {
            Ok(k) => Some(k),
            Err(e) => {
                self.fail(&o.path.key("kind"), format_args!("{e}"));
                None
            }
        }
    }

    pub(in crate::campaign_reader) fn status_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Status {
        let s = self.string_at(o, key);
        if self.ok() {
            match Status::parse(&s) {
                Ok(status) => return status,
                Err(e) => self.fail(&o.path.key(key), format_args!("{e}")),
            }
        }
        Status::Reported
    }
}
