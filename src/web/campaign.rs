//! A newsroom's own campaign (`options.campaign`), read from the JS object
//! by hand: each object's keys are checked against the model's field names,
//! each field is read with `Reflect.get` and converted on the spot, and every
//! error names the field path, e.g. `campaign.country[1].count: NaN is not a
//! whole number >= 0`.
//!
//! Field names, optional fields and messages follow the serde attributes in
//! [`crate::model`] (the build reads `data/careto.toml` through them), but no
//! serde visitor runs here: the derived `Deserialize` impls, driven through
//! serde-wasm-bindgen and serde_path_to_error, cost the module some 18 KB
//! gzipped. Strings are copied as text and never interpreted; a list may
//! hold at most [`MAX_ITEMS`] items. Unknown fields are errors (as the schema
//! says); `undefined` counts as absent. Each field has exactly the one name
//! the schema documents (`country`, not `countries`; `count: "not
//! published"`, not `null`): tests/page/schema.test.mjs feeds the same objects
//! to the schema and to `mount`.
//!
//! For size, the readers return values, not `Result`s: the first error is
//! kept in the [`Reader`], and after it nothing more is read from JS (the
//! values returned are placeholders, dropped unused). The message is the one
//! an early return would give.

use super::js::{got, is_array, own_keys};
use crate::model::{clip, Alternative, Campaign, Count, Country, Event, EventDate, List, OtherFigure, Period, Source, Status, Str, Text, Total};
use js_sys::Reflect;
use std::borrow::Cow;
use std::fmt;
use wasm_bindgen::prelude::*;

/// The most items a list (countries, events, sources, source ids…) may have.
pub const MAX_ITEMS: u32 = 10_000;

/// Reads a campaign given as a JS object (see `campaign.schema.json`); the
/// data rules are checked by the caller.
pub fn read(value: JsValue) -> Result<Campaign, String> {
    match is_array(&value) {
        Ok(false) if value.is_object() => {}
        Err(()) => return Err("campaign: cannot be read (a revoked proxy?)".to_string()),
        _ => return Err("campaign: expected an object (see campaign.schema.json)".to_string()),
    }
    let mut r = Reader { first: None };
    let c = r.campaign(value);
    match r.first {
        Some(e) => Err(e),
        None => Ok(c),
    }
}

/// A JS object being read, and its path.
struct Obj {
    v: JsValue,
    path: String,
}

impl Obj {
    /// The path of field `key`.
    fn at(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }
}

/// Holds the first error; see the module documentation.
struct Reader {
    first: Option<String>,
}

impl Reader {
    fn ok(&self) -> bool {
        self.first.is_none()
    }

    /// Records an error, unless one already is.
    fn fail(&mut self, path: &str, reason: fmt::Arguments) {
        if self.first.is_none() {
            self.first = Some(format!("{path}: {reason}"));
        }
    }

    /// `v` as an object whose own keys are all in `fields`.
    fn obj(&mut self, v: JsValue, path: String, fields: &[&str]) -> Obj {
        if !self.ok() {
        } else if !v.is_object() || is_array(&v) != Ok(false) {
            self.fail(&path, format_args!("expected an object, got {}", got(&v)));
        } else if let Ok(keys) = own_keys(&v) {
            for key in keys {
                if !fields.contains(&key.as_str()) {
                    let expected = fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
                    self.fail(&path, format_args!("unknown field `{}`, expected one of {expected}", clip(&key)));
                    break;
                }
            }
        } else {
            self.fail(&path, format_args!("cannot be read"));
        }
        Obj { v, path }
    }

    /// Field `key` of `o`; `None` when absent (or `undefined`), or after an error.
    fn opt(&mut self, o: &Obj, key: &str) -> Option<JsValue> {
        if !self.ok() {
            return None;
        }
        match Reflect::get(&o.v, &JsValue::from_str(key)) {
            Ok(v) if v.is_undefined() => None,
            Ok(v) => Some(v),
            Err(_) => {
                self.fail(&o.at(key), format_args!("cannot be read"));
                None
            }
        }
    }

    /// Field `key` of `o`, which must be present.
    fn req(&mut self, o: &Obj, key: &str) -> JsValue {
        match self.opt(o, key) {
            Some(v) => v,
            None => {
                self.fail(&o.path, format_args!("missing field `{key}`"));
                JsValue::UNDEFINED
            }
        }
    }

    /// Calls `f` on each item of the JS array `v` (at most [`MAX_ITEMS`]) and
    /// its path, until an error. Not generic: the module holds this loop once.
    fn each(&mut self, v: &JsValue, path: &str, f: &mut dyn FnMut(&mut Reader, JsValue, String)) {
        if !self.ok() {
            return;
        }
        if is_array(v) != Ok(true) {
            return self.fail(path, format_args!("expected an array, got {}", got(v)));
        }
        let len = match Reflect::get(v, &JsValue::from_str("length")).map(|l| l.as_f64()) {
            Ok(Some(len)) => len,
            _ => return self.fail(path, format_args!("cannot be read")),
        };
        if !(0.0..=f64::from(MAX_ITEMS)).contains(&len) {
            return self.fail(path, format_args!("{len} items; a list holds at most {MAX_ITEMS}"));
        }
        // In 0..=MAX_ITEMS, checked above.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let len = len as u32;
        for i in 0..len {
            let p = format!("{path}[{i}]");
            match Reflect::get_u32(v, i) {
                Ok(e) => f(self, e, p),
                Err(_) => self.fail(&p, format_args!("cannot be read")),
            }
            if !self.ok() {
                return;
            }
        }
    }

    /// A JS array read item by item with `item`.
    fn list<T>(&mut self, v: &JsValue, path: &str, item: fn(&mut Reader, JsValue, String) -> T) -> List<T>
    where
        [T]: ToOwned<Owned = Vec<T>>,
    {
        let mut out = Vec::new();
        self.each(v, path, &mut |r, e, p| out.push(item(r, e, p)));
        Cow::Owned(out)
    }

    /// A required list under `key`.
    fn list_at<T>(&mut self, o: &Obj, key: &str, item: fn(&mut Reader, JsValue, String) -> T) -> List<T>
    where
        [T]: ToOwned<Owned = Vec<T>>,
    {
        let v = self.req(o, key);
        self.list(&v, &o.at(key), item)
    }

    /// An optional list (empty when absent) under `key`.
    fn list_or_empty<T>(&mut self, o: &Obj, key: &str, item: fn(&mut Reader, JsValue, String) -> T) -> List<T>
    where
        [T]: ToOwned<Owned = Vec<T>>,
    {
        match self.opt(o, key) {
            Some(v) => self.list(&v, &o.at(key), item),
            None => Cow::Owned(Vec::new()),
        }
    }

    /// The source ids under `sources`.
    fn ids(&mut self, o: &Obj) -> List<Str> {
        self.list_at(o, "sources", |r, v, p| r.string(&v, &p))
    }

    fn string(&mut self, v: &JsValue, path: &str) -> Str {
        match v.as_string() {
            Some(s) => Cow::Owned(s),
            None => {
                self.fail(path, format_args!("expected a string, got {}", got(v)));
                Cow::Borrowed("")
            }
        }
    }

    fn string_at(&mut self, o: &Obj, key: &str) -> Str {
        let v = self.req(o, key);
        self.string(&v, &o.at(key))
    }

    /// An optional string (empty when absent).
    fn string_or_empty(&mut self, o: &Obj, key: &str) -> Str {
        match self.opt(o, key) {
            Some(v) => self.string(&v, &o.at(key)),
            None => Cow::Borrowed(""),
        }
    }

    fn text(&mut self, v: JsValue, path: String) -> Text {
        let o = self.obj(v, path, &["en", "es"]);
        Text { en: self.string_at(&o, "en"), es: self.string_at(&o, "es") }
    }

    fn text_at(&mut self, o: &Obj, key: &str) -> Text {
        let v = self.req(o, key);
        self.text(v, o.at(key))
    }

    /// An optional text (empty in both languages when absent).
    fn text_or_empty(&mut self, o: &Obj, key: &str) -> Text {
        match self.opt(o, key) {
            Some(v) => self.text(v, o.at(key)),
            None => Text::default(),
        }
    }

    /// A whole number 0..=u32::MAX.
    fn whole_at(&mut self, o: &Obj, key: &str) -> u32 {
        let v = self.req(o, key);
        match v.as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => {
                // Whole and in range, checked above.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                return n as u32;
            }
            Some(n) => self.fail(&o.at(key), format_args!("{n} is not a whole number between 0 and {}", u32::MAX)),
            None => self.fail(&o.at(key), format_args!("expected a whole number >= 0, got {}", got(&v))),
        }
        0
    }

    /// An optional flag (false when absent).
    fn flag_at(&mut self, o: &Obj, key: &str) -> bool {
        let v = self.opt(o, key);
        match v.as_ref().map(|v| (v.as_bool(), v)) {
            None => false,
            Some((Some(b), _)) => b,
            Some((None, v)) => {
                self.fail(&o.at(key), format_args!("expected true or false, got {}", got(v)));
                false
            }
        }
    }

    fn date_at(&mut self, o: &Obj, key: &str) -> EventDate {
        let path = o.at(key);
        let v = self.req(o, key);
        let s = self.string(&v, &path);
        match EventDate::parse(&s) {
            Ok(d) => d,
            Err(e) => {
                self.fail(&path, format_args!("{e}"));
                EventDate { year: 0, month: None, day: None }
            }
        }
    }

    /// As the model's `Count` deserializer over serde-wasm-bindgen: a safe
    /// integer is checked for sign and size, any other number must be whole;
    /// the only string is "not published" (and, unlike there, `null` is no count).
    fn count_at(&mut self, o: &Obj, key: &str) -> Count {
        const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
        let v = self.req(o, key);
        let path = o.at(key);
        if let Some(n) = v.as_f64() {
            if n.fract() != 0.0 || n.abs() > MAX_SAFE_INTEGER {
                self.fail(&path, format_args!("{n} is not a whole number >= 0"));
            } else if n < 0.0 {
                self.fail(&path, format_args!("{n} is negative; a count is >= 0"));
            } else if n > f64::from(u32::MAX) {
                self.fail(&path, format_args!("{n} is too large for a count"));
            } else {
                // Whole and in range, checked above.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                return Count::Published(n as u32);
            }
        } else if let Some(s) = v.as_string() {
            if s != "not published" {
                self.fail(&path, format_args!("\"{}\" is not a count; write a number or \"not published\"", clip(&s)));
            }
        } else {
            self.fail(&path, format_args!("expected a whole number >= 0 or the string \"not published\", got {}", got(&v)));
        }
        Count::NotPublished
    }

    fn status_at(&mut self, o: &Obj, key: &str) -> Status {
        let path = o.at(key);
        let v = self.req(o, key);
        match self.string(&v, &path).as_ref() {
            "secondary" => Status::Secondary,
            "alleged" => Status::Alleged,
            "reported" => Status::Reported,
            s => {
                let s = clip(s);
                self.fail(&path, format_args!("unknown variant `{s}`, expected one of `reported`, `secondary`, `alleged`"));
                Status::Reported
            }
        }
    }

    fn campaign(&mut self, v: JsValue) -> Campaign {
        let o = self.obj(
            v,
            "campaign".to_string(),
            &[
                "name",
                "measure",
                "as_of",
                "total",
                "active_period",
                "country",
                "event",
                "source",
                "bars_source_line",
                "timeline_source_line",
                "government_targets_sources",
            ],
        );
        Campaign {
            name: self.text_at(&o, "name"),
            measure: self.text_at(&o, "measure"),
            as_of: self.text_at(&o, "as_of"),
            totals: match self.opt(&o, "total") {
                Some(v) => self.list(&v, &o.at("total"), Reader::total),
                None => Cow::Owned(Vec::new()),
            },
            active_period: {
                let v = self.req(&o, "active_period");
                self.period(v, o.at("active_period"))
            },
            countries: self.list_at(&o, "country", Reader::country),
            events: self.list_at(&o, "event", Reader::event),
            sources: self.list_at(&o, "source", Reader::source),
            bars_source_line: self.text_at(&o, "bars_source_line"),
            timeline_source_line: self.text_at(&o, "timeline_source_line"),
            government_targets_sources: match self.opt(&o, "government_targets_sources") {
                Some(v) => self.list(&v, &o.at("government_targets_sources"), |r, v, p| r.string(&v, &p)),
                None => Cow::Owned(Vec::new()),
            },
        }
    }

    fn total(&mut self, v: JsValue, path: String) -> Total {
        let o = self.obj(v, path, &["key", "label", "value", "qualifier", "sources"]);
        Total {
            key: self.string_at(&o, "key"),
            label: self.text_at(&o, "label"),
            value: self.whole_at(&o, "value"),
            qualifier: self.text_or_empty(&o, "qualifier"),
            sources: self.ids(&o),
        }
    }

    fn period(&mut self, v: JsValue, path: String) -> Period {
        let o = self.obj(v, path, &["start", "end", "label", "description", "sources"]);
        Period {
            start: self.date_at(&o, "start"),
            end: self.date_at(&o, "end"),
            label: self.text_at(&o, "label"),
            description: self.text_at(&o, "description"),
            sources: self.ids(&o),
        }
    }

    fn country(&mut self, v: JsValue, path: String) -> Country {
        let o = self.obj(v, path, &["code", "name", "count", "alternatives", "other_figures", "government_targets_only", "notes", "sources"]);
        Country {
            code: self.string_at(&o, "code"),
            name: self.text_at(&o, "name"),
            count: self.count_at(&o, "count"),
            alternatives: self.list_or_empty(&o, "alternatives", Reader::alternative),
            other_figures: self.list_or_empty(&o, "other_figures", Reader::other_figure),
            government_targets_only: self.flag_at(&o, "government_targets_only"),
            notes: self.list_or_empty(&o, "notes", Reader::text),
            sources: self.ids(&o),
        }
    }

    fn alternative(&mut self, v: JsValue, path: String) -> Alternative {
        let o = self.obj(v, path, &["value", "sources"]);
        Alternative { value: self.whole_at(&o, "value"), sources: self.ids(&o) }
    }

    fn other_figure(&mut self, v: JsValue, path: String) -> OtherFigure {
        let o = self.obj(v, path, &["value", "unit", "note", "sources"]);
        OtherFigure { value: self.whole_at(&o, "value"), unit: self.text_at(&o, "unit"), note: self.text_or_empty(&o, "note"), sources: self.ids(&o) }
    }

    fn event(&mut self, v: JsValue, path: String) -> Event {
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

    fn source(&mut self, v: JsValue, path: String) -> Source {
        let o = self.obj(v, path, &["id", "title", "publisher", "date", "url", "note"]);
        Source {
            id: self.string_at(&o, "id"),
            title: self.string_at(&o, "title"),
            publisher: self.string_at(&o, "publisher"),
            date: self.string_or_empty(&o, "date"),
            url: self.string_at(&o, "url"),
            note: self.string_or_empty(&o, "note"),
        }
    }
}
