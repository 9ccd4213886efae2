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
