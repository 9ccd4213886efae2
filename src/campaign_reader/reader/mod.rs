//! The reader: one pass over the host value, field by field, charging the
//! [`Budget`] before each read, list and string (see the module above).
//!
//! For size, the readers return values, not `Result`s: the first error is
//! kept in the [`Reader`], and after it nothing more is read from the host
//! (the values returned are placeholders, dropped unused). The message is
//! the one an early return would give. Paths are built on the stack and
//! written out only for that message.
//!
//! Here, the [`Reader`] itself (the first error, the budget left) and the
//! objects it reads; beside it, `path.rs` (the field path of messages),
//! `lists.rs` (arrays, charged whole before their items are read) and
//! `values.rs` (strings, texts, numbers, dates, counts and the model's
//! enums).

mod lists;
mod path;
mod values;

pub(super) use path::Path;

use super::{Budget, FieldsError, Got, HostValue, Kind, Slot, Unreadable};
use crate::model::{clip, Campaign};
use lists::Items;
use std::cell::Cell;
use std::fmt;

/// Reads a campaign within `budget` (the browser always uses
/// [`super::BUDGET`]; tests use smaller ones), and says how much of the
/// budget it spent. The data rules are checked by the caller.
pub fn read_with<H: HostValue>(value: H, budget: Budget) -> (Result<Campaign, String>, Budget) {
    let mut reading = Reading::start(value, budget);
    while !reading.step(u32::MAX) {}
    reading.finish()
}

/// The campaign's long lists, which a [`Reading`] reads a slice at a time,
/// in the order [`read_with`] reads them.
const LONG_LISTS: [&str; 3] = ["country", "event", "source"];

/// A campaign being read a slice at a time (the browser reads a large one
/// across tasks, so that the page never waits long): the very reads of
/// [`read_with`], in the same order, with the same budget and messages.
/// The campaign's own fields are read by [`Reading::start`]; its countries,
/// events and sources by [`Reading::step`], some items at a time. The
/// host's objects are read when their turn comes: a page that changes its
/// campaign meanwhile gets what it had then (each value read once).
pub struct Reading<H> {
    r: Reader,
    o: Obj<'static, H>,
    c: Campaign,
    /// The long list being read (an index of [`LONG_LISTS`]; past them:
    /// all read), and its items once begun.
    list: usize,
    items: Option<Items<H>>,
}

impl<H: HostValue> Reading<H> {
    /// Starts reading `value` within `budget`: its kind, then the fields
    /// before its long lists.
    pub fn start(value: H, budget: Budget) -> Reading<H> {
        let mut r = Reader { first: None, budget, reads_left: budget.reads, items_left: budget.items, text_left: budget.text_bytes };
        if r.charge_read(&Path::ROOT) {
            match value.kind() {
                Ok(Kind::Object) => {}
                Err(Unreadable) => r.fail(&Path::ROOT, format_args!("cannot be read (a revoked proxy?)")),
                Ok(_) => r.fail(&Path::ROOT, format_args!("expected an object (see campaign.schema.json)")),
            }
        }
        let (o, c) = r.campaign_head(Got::Object(value));
        Reading { r, o, c, list: 0, items: None }
    }

    /// Reads on, at most `n` items of the long lists (and what is inside
    /// them, at most the budget's items in all), at least one; true once
    /// the campaign is read (or refused: [`Reading::finish`] says).
    pub fn step(&mut self, n: u32) -> bool {
        let Reading { r, o, c, list, items } = self;
        let mut read = 0u32;
        while let Some(&key) = LONG_LISTS.get(*list) {
            let path = Path::ROOT.key(key);
            if items.is_none() {
                *items = r.req(o, key).and_then(|v| r.begin(&v, &path));
                if items.is_none() {
                    *list += 1;
                    continue;
                }
            }
            let Some(it) = items.as_mut() else { break };
            if read > 0 && read >= n {
                return false;
            }
            let more = match *list {
                0 => r.next_item(it, &path, &mut |r, v, p| c.countries.to_mut().push(Reader::country(r, v, p))),
                1 => r.next_item(it, &path, &mut |r, v, p| c.events.to_mut().push(Reader::event(r, v, p))),
                _ => r.next_item(it, &path, &mut |r, v, p| c.sources.to_mut().push(Reader::source(r, v, p))),
            };
            read += 1;
            if !more {
                *items = None;
                *list += 1;
            }
        }
        if *list == LONG_LISTS.len() {
            r.campaign_tail(o, c);
            *list += 1;
        }
        true
    }

    /// The campaign read (the data rules are checked by the caller) or the
    /// first error, and how much of the budget was spent. Reads what is
    /// left first, if anything is.
    pub fn finish(mut self) -> (Result<Campaign, String>, Budget) {
        while !self.step(u32::MAX) {}
        let Reading { r, c, .. } = self;
        let b = r.budget;
        let spent = Budget { reads: b.reads - r.reads_left, items: b.items - r.items_left, text_bytes: b.text_bytes - r.text_left };
        match r.first {
            Some(e) => (Err(e), spent),
            None => (Ok(c), spent),
        }
    }
}

/// A value as the host handed it over.
pub(super) type Val<H> = Got<H>;

/// An object being read: its path, and its fields as read, one slot per
/// name of `fields`, each taken out when the reader reads it.
pub(super) struct Obj<'p, H> {
    pub(in crate::campaign_reader) path: Path<'p>,
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
    pub(in crate::campaign_reader) fn obj<'p, H: HostValue>(&mut self, v: Val<H>, path: Path<'p>, fields: &'static [&'static str]) -> Obj<'p, H> {
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
    pub(in crate::campaign_reader) fn opt<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Option<Val<H>> {
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
    pub(in crate::campaign_reader) fn req<H: HostValue>(&mut self, o: &Obj<H>, key: &'static str) -> Option<Val<H>> {
        let v = self.opt(o, key);
        if v.is_none() && self.ok() {
            self.fail(&o.path, format_args!("missing field `{key}`"));
        }
        v
    }
}
