//! The reader: one pass over the host value, field by field, charging the
//! [`Budget`] before each read, list and string (see the module above).
//!
//! For size, the readers return values, not `Result`s: the first error is
//! kept in the [`Reader`], and after it nothing more is read from the host
//! (the values returned are placeholders, dropped unused). The message is
//! the one an early return would give. Paths are built on the stack and
//! written out only for that message.

use super::{Budget, FieldsError, Got, HostValue, Kind, Slot, Unreadable, MAX_ITEMS};
use crate::model::{clip, number, whole_number};
use crate::model::{Campaign, Count, EventDate, List, PlatformStatus, SourceKind, Status, Str, Text};
use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

/// Reads a campaign within `budget` (the browser always uses
/// [`super::BUDGET`]; tests use smaller ones), and says how much of the
/// budget it spent. The data rules are checked by the caller.
pub fn read_with<H: HostValue>(value: H, budget: Budget) -> (Result<Campaign, String>, Budget) {
    let mut r = Reader { first: None, budget, reads_left: budget.reads, items_left: budget.items, text_left: budget.text_bytes };
    if r.charge_read(&Path::ROOT) {
        match value.kind() {
            Ok(Kind::Object) => {}
            Err(Unreadable) => r.fail(&Path::ROOT, format_args!("cannot be read (a revoked proxy?)")),
            Ok(_) => r.fail(&Path::ROOT, format_args!("expected an object (see campaign.schema.json)")),
        }
    }
    let c = r.campaign(Got::Object(value));
    let spent = Budget { reads: budget.reads - r.reads_left, items: budget.items - r.items_left, text_bytes: budget.text_bytes - r.text_left };
    match r.first {
        Some(e) => (Err(e), spent),
        None => (Ok(c), spent),
    }
}

/// A value as the host handed it over.
pub(super) type Val<H> = Got<H>;

/// One step down a field path.
#[derive(Clone, Copy)]
enum Step {
    Key(&'static str),
    Index(u32),
}

/// A field path (`campaign.country[2].count`), a chain on the stack.
#[derive(Clone, Copy)]
pub(super) struct Path<'a> {
    up: Option<&'a Path<'a>>,
    step: Option<Step>,
}

impl Path<'_> {
    pub(super) const ROOT: Path<'static> = Path { up: None, step: None };

    pub(super) fn key(&self, key: &'static str) -> Path<'_> {
        Path { up: Some(self), step: Some(Step::Key(key)) }
    }

    fn index(&self, i: u32) -> Path<'_> {
        Path { up: Some(self), step: Some(Step::Index(i)) }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.up {
            Some(up) => up.fmt(f)?,
            None => f.write_str("campaign")?,
        }
        match self.step {
            Some(Step::Key(k)) => write!(f, ".{k}"),
            Some(Step::Index(i)) => write!(f, "[{i}]"),
            None => Ok(()),
        }
    }
}

/// An object being read: its path, and its fields as read, one slot per
/// name of `fields`, each taken out when the reader reads it.
pub(super) struct Obj<'p, H> {
    pub(super) path: Path<'p>,
    fields: &'static [&'static str],
    slots: Cell<Vec<Slot<H>>>,
}

/// Holds the first error and what is left of the budget.
pub(super) struct Reader {
    first: Option<String>,
    budget: Budget,
    reads_left: u32,
    items_left: u32,
    text_left: usize,
}

/// An item reader: a value at a path to a `T`.
pub(super) type Item<H, T> = fn(&mut Reader, Val<H>, Path<'_>) -> T;

impl Reader {
    fn ok(&self) -> bool {
        self.first.is_none()
    }

    /// Records an error, unless one already is.
    fn fail(&mut self, path: &Path, reason: fmt::Arguments) {
        if self.first.is_none() {
            self.first = Some(format!("{path}: {reason}"));
        }
    }

    /// Charges one read of the value at `path` (a call into the host);
    /// false, with the error, when none is left.
    fn charge_read(&mut self, path: &Path) -> bool {
        if self.reads_left == 0 {
            let limit = self.budget.reads;
            self.fail(path, format_args!("too much to read: a campaign is read in at most {limit} calls into the page (one per object, two per list)"));
            return false;
        }
        self.reads_left -= 1;
        true
    }

    /// The string `s` (as the host copied it, or its length when it did
    /// not), charged its UTF-8 bytes to the text budget.
    fn text_of(&mut self, s: Result<String, usize>, path: &Path) -> Option<String> {
        match s {
            Ok(s) if s.len() <= self.text_left => {
                self.text_left -= s.len();
                Some(s)
            }
            _ => {
                let limit = self.budget.text_bytes;
                self.fail(path, format_args!("too much text: a campaign holds at most {limit} bytes of text in all its strings together"));
                None
            }
        }
    }

    /// What `v` is, for "expected …, got …"; a string is repeated, clipped.
    fn got<H: HostValue>(&mut self, v: &Val<H>, path: &Path) -> String {
        match v {
            Got::Unreadable => "an object that cannot be read (a revoked proxy?)",
            Got::String(s) => {
                return match self.text_of(s.clone(), path) {
                    Some(s) => format!("the string \"{}\"", clip(&s)),
                    None => "a string".to_string(),
                }
            }
            Got::Undefined => "undefined",
            Got::Null => "null",
            Got::Boolean(true) => "true",
            Got::Boolean(false) => "false",
            Got::Number(_) => "a number",
            Got::BigInt => "a BigInt",
            Got::Symbol => "a Symbol",
            Got::Function => "a function",
            Got::Array(_) => "an array",
            Got::Object(_) => "an object",
        }
        .to_string()
    }

    /// Fails with "expected `what`, got …".
    fn expected<H: HostValue>(&mut self, v: &Val<H>, path: &Path, what: &str) {
        if self.ok() {
            let got = self.got(v, path);
            self.fail(path, format_args!("expected {what}, got {got}"));
        }
    }

    /// `v` as an object whose own keys are all in `fields`, its fields read
    /// in one call into the host.
    pub(super) fn obj<'p, H: HostValue>(&mut self, v: Val<H>, path: Path<'p>, fields: &'static [&'static str]) -> Obj<'p, H> {
        let mut slots = Vec::new();
        if self.ok() {
            match v {
                Got::Object(o) => {
                    if self.charge_read(&path) {
                        match o.fields(fields, self.text_left) {
                            Ok(read) => slots = read,
                            Err(FieldsError::KeysThrew) => self.fail(&path, format_args!("cannot be read (its keys could not be listed)")),
                            Err(FieldsError::Unknown(name)) => {
                                let expected = fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ");
                                // The host copied the key only if it has at most KEY_UNITS units.
                                match name {
                                    Ok(name) => self.fail(&path, format_args!("unknown field `{}`, expected one of {expected}", clip(&name))),
                                    Err(len) => self.fail(&path, format_args!("unknown field of {len} characters, expected one of {expected}")),
                                }
                            }
                        }
                    }
                }
                other => self.expected(&other, &path, "an object"),
            }
        }
        Obj { path, fields, slots: Cell::new(slots) }
    }

    /// Field `key` of `o` if it is an own key and not `undefined`; `None`
    /// when absent, or after an error. Each field is taken once.
    pub(super) fn opt<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Option<Val<H>> {
        if !self.ok() {
            return None;
        }
        let i = o.fields.iter().position(|f| *f == key)?;
        let mut slots = o.slots.take();
        let slot = slots.get_mut(i).map(std::mem::take).unwrap_or_default();
        o.slots.set(slots);
        match slot {
            Slot::Absent | Slot::Value(Got::Undefined) => None,
            Slot::Value(v) => Some(v),
            Slot::Throws => {
                self.fail(&o.path.key(key), format_args!("cannot be read (a getter or proxy threw)"));
                None
            }
        }
    }

    /// Field `key` of `o`, which must be present; `None` after an error.
    pub(super) fn req<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Option<Val<H>> {
        let v = self.opt(o, key);
        if v.is_none() && self.ok() {
            self.fail(&o.path, format_args!("missing field `{key}`"));
        }
        v
    }

    /// Calls `f` on each item of the array `v` and its path, until an error.
    /// The list is charged to the budget, whole, before its items are read
    /// (in one call into the host). Not generic over `f`: the module holds
    /// this loop once.
    fn each<H: HostValue>(&mut self, v: &Val<H>, path: &Path, f: &mut dyn FnMut(&mut Reader, Val<H>, Path<'_>)) {
        if !self.ok() {
            return;
        }
        let Got::Array(a) = v else {
            return self.expected(v, path, "an array");
        };
        if !self.charge_read(path) {
            return;
        }
        let Ok(len) = a.length() else {
            return self.fail(path, format_args!("cannot be read (its length could not be read)"));
        };
        if len > f64::from(MAX_ITEMS) {
            return self.fail(path, format_args!("{} items; a list holds at most {MAX_ITEMS}", number(len)));
        }
        if !(len >= 0.0 && len.fract() == 0.0) {
            return self.fail(path, format_args!("its length, {}, is not a number of items", number(len)));
        }
        // Whole and in 0..=MAX_ITEMS, checked above.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let len = len as u32;
        if len > self.items_left {
            let limit = self.budget.items;
            return self.fail(path, format_args!("too much data: a campaign holds at most {limit} items in all its lists together"));
        }
        self.items_left -= len;
        if len == 0 || !self.charge_read(path) {
            return;
        }
        let mut items = a.items(len, self.text_left).into_iter();
        for i in 0..len {
            let p = path.index(i);
            match items.next().unwrap_or_default() {
                Slot::Value(e) => f(self, e, p),
                Slot::Absent => self.fail(&p, format_args!("an empty slot (the array has a hole here)")),
                Slot::Throws => self.fail(&p, format_args!("cannot be read (a getter or proxy threw)")),
            }
            if !self.ok() {
                return;
            }
        }
    }

    /// An array read item by item with `item`.
    pub(super) fn list<H: HostValue, T>(&mut self, v: &Val<H>, path: &Path, item: Item<H, T>) -> List<T>
    where
        [T]: ToOwned<Owned = Vec<T>>,
    {
        let mut out = Vec::new();
        self.each(v, path, &mut |r, e, p| out.push(item(r, e, p)));
        Cow::Owned(out)
    }

    /// A required list under `key`.
    pub(super) fn list_at<H: HostValue, T>(&mut self, o: &Obj<H>, key: &'static str, item: Item<H, T>) -> List<T>
    where
        [T]: ToOwned<Owned = Vec<T>>,
    {
        match self.req(o, key) {
            Some(v) => self.list(&v, &o.path.key(key), item),
            None => Cow::Owned(Vec::new()),
        }
    }

    /// An optional list (empty when absent) under `key`.
    pub(super) fn list_or_empty<H: HostValue, T>(&mut self, o: &Obj<H>, key: &'static str, item: Item<H, T>) -> List<T>
    where
        [T]: ToOwned<Owned = Vec<T>>,
    {
        match self.opt(o, key) {
            Some(v) => self.list(&v, &o.path.key(key), item),
            None => Cow::Owned(Vec::new()),
        }
    }

    /// The source ids under `sources`.
    pub(super) fn ids<H: HostValue>(&mut self, o: &Obj<H>) -> List<Str> {
        self.list_at(o, "sources", |r, v, p| r.string_val(v, &p))
    }

    /// The string `v` (a copy of it: [`Reader::string_val`] takes it).
    pub(super) fn string<H: HostValue>(&mut self, v: &Val<H>, path: &Path) -> Str {
        match v {
            Got::String(s) => self.string_val(Got::<H>::String(s.clone()), path),
            other => {
                self.expected(other, path, "a string");
                Cow::Borrowed("")
            }
        }
    }

    /// The string `v`, charged to the text budget.
    pub(super) fn string_val<H: HostValue>(&mut self, v: Val<H>, path: &Path) -> Str {
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

    pub(super) fn string_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Str {
        match self.req(o, key) {
            Some(v) => self.string_val(v, &o.path.key(key)),
            None => Cow::Borrowed(""),
        }
    }

    /// An optional string (empty when absent).
    pub(super) fn string_or_empty<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Str {
        match self.opt(o, key) {
            Some(v) => self.string_val(v, &o.path.key(key)),
            None => Cow::Borrowed(""),
        }
    }

    pub(super) fn text<H: HostValue>(&mut self, v: Val<H>, path: Path<'_>) -> Text {
        let o = self.obj(v, path, &["en", "es"]);
        Text { en: self.string_at(&o, "en"), es: self.string_at(&o, "es") }
    }

    pub(super) fn text_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Text {
        match self.req(o, key) {
            Some(v) => self.text(v, o.path.key(key)),
            None => Text::default(),
        }
    }

    /// An optional text (empty in both languages when absent).
    pub(super) fn text_or_empty<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Text {
        match self.opt(o, key) {
            Some(v) => self.text(v, o.path.key(key)),
            None => Text::default(),
        }
    }

    /// A figure: a whole number 0..=u32::MAX.
    pub(super) fn whole_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> u32 {
        let path = o.path.key(key);
        match self.req(o, key) {
            Some(Got::Number(n)) => match whole_number(n, "a figure") {
                Ok(n) => return n,
                Err(e) => self.fail(&path, format_args!("{e}")),
            },
            Some(v) => self.expected(&v, &path, "a whole number >= 0"),
            None => {}
        }
        0
    }

    /// An optional flag (false when absent).
    pub(super) fn flag_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> bool {
        match self.opt(o, key) {
            Some(Got::Boolean(b)) => b,
            Some(v) => {
                self.expected(&v, &o.path.key(key), "true or false");
                false
            }
            None => false,
        }
    }

    pub(super) fn date_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> EventDate {
        let s = self.string_at(o, key);
        match EventDate::parse(&s) {
            Ok(d) => return d,
            Err(e) => self.fail(&o.path.key(key), format_args!("{e}")),
        }
        EventDate { year: 0, month: None, day: None }
    }

    /// As the model's `Count` deserializer: a whole number, or the string
    /// "not published" (`null` is no count, as the schema says).
    pub(super) fn count_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Count {
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
    pub(super) fn platform_status_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> PlatformStatus {
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
    pub(super) fn kind_or_none<H: HostValue>(&mut self, o: &Obj<H>) -> Option<SourceKind> {
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

    pub(super) fn status_at<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Status {
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
