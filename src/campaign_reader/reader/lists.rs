//! Arrays: each charged to the budget, whole, before its items are read.

use super::super::{Got, HostValue, Slot, MAX_ITEMS};
use super::{Item, Obj, Path, Reader, Val};
use crate::model::{number, List, Str};
use std::borrow::Cow;

/// The items of a list being read, one at a time ([`Reader::begin`]).
pub(in crate::campaign_reader) struct Items<H> {
    items: std::vec::IntoIter<Slot<H>>,
    len: u32,
    next: u32,
}

impl Reader {
    /// Calls `f` on each item of the array `v` and its path, until an error.
    /// Not generic over `f`: the module holds this loop once.
    fn each<H: HostValue>(&mut self, v: &Val<H>, path: &Path, f: &mut dyn FnMut(&mut Reader, Val<H>, Path<'_>)) {
        if let Some(mut items) = self.begin(v, path) {
            while self.next_item(&mut items, path, f) {}
        }
    }

    /// The items of the array `v`, to be read one by one with
    /// [`Reader::next_item`]; `None` for an empty list or after an error.
    /// The list is charged to the budget, whole, before its items are read
    /// (in one call into the host).
    pub(in crate::campaign_reader) fn begin<H: HostValue>(&mut self, v: &Val<H>, path: &Path) -> Option<Items<H>> {
        if !self.ok() {
            return None;
        }
        let Got::Array(a) = v else {
            self.expected(v, path, "an array");
            return None;
        };
        if !self.charge_read(path) {
            return None;
        }
        let Ok(len) = a.length() else {
            self.fail(path, format_args!("cannot be read (its length could not be read)"));
            return None;
        };
        if len > f64::from(MAX_ITEMS) {
            self.fail(path, format_args!("{} items; a list holds at most {MAX_ITEMS}", number(len)));
            return None;
        }
        if !(len >= 0.0 && len.fract() == 0.0) {
            self.fail(path, format_args!("its length, {}, is not a number of items", number(len)));
            return None;
        }
        // Whole and in 0..=MAX_ITEMS, checked above.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let len = len as u32;
        if len > self.items_left {
            let limit = self.budget.items;
            self.fail(path, format_args!("too much data: a campaign holds at most {limit} items in all its lists together"));
            return None;
        }
        self.items_left -= len;
        if len == 0 || !self.charge_read(path) {
            return None;
        }
        Some(Items { items: a.items(len, self.text_left).into_iter(), len, next: 0 })
    }

    /// Reads the next of `items` (the list at `path`) with `f`; whether
    /// any is left to read (none after an error).
    pub(in crate::campaign_reader) fn next_item<H: HostValue>(
        &mut self,
        items: &mut Items<H>,
        path: &Path,
        f: &mut dyn FnMut(&mut Reader, Val<H>, Path<'_>),
    ) -> bool {
        if !self.ok() || items.next >= items.len {
            return false;
        }
        let i = items.next;
        items.next += 1;
        let p = path.index(i);
        match items.items.next().unwrap_or_default() {
            Slot::Value(e) => f(self, e, p),
            Slot::Absent => self.fail(&p, format_args!("an empty slot (the array has a hole here)")),
            Slot::Throws => self.fail(&p, format_args!("cannot be read (a getter or proxy threw)")),
        }
        self.ok() && items.next < items.len
    }

    /// An array read item by item with `item`.
    pub(in crate::campaign_reader) fn list<H: HostValue, T>(&mut self, v: &Val<H>, path: &Path, item: Item<H, T>) -> List<T>
    where
        [T]: ToOwned<Owned = Vec<T>>,
    {
        let mut out = Vec::new();
        self.each(v, path, &mut |r, e, p| out.push(item(r, e, p)));
        Cow::Owned(out)
    }

    /// A required list under `key`.
    pub(in crate::campaign_reader) fn list_at<H: HostValue, T>(&mut self, o: &Obj<H>, key: &'static str, item: Item<H, T>) -> List<T>
    where
        [T]: ToOwned<Owned = Vec<T>>,
    {
        match self.req(o, key) {
            Some(v) => self.list(&v, &o.path.key(key), item),
            None => Cow::Owned(Vec::new()),
        }
    }

    /// An optional list (empty when absent) under `key`.
    pub(in crate::campaign_reader) fn list_or_empty<H: HostValue, T>(&mut self, o: &Obj<H>, key: &'static str, item: Item<H, T>) -> List<T>
    where
        [T]: ToOwned<Owned = Vec<T>>,
    {
        match self.opt(o, key) {
            Some(v) => self.list(&v, &o.path.key(key), item),
            None => Cow::Owned(Vec::new()),
        }
    }

    /// The source ids under `sources`.
    pub(in crate::campaign_reader) fn ids<H: HostValue>(&mut self, o: &Obj<H>) -> List<Str> {
        self.list_at(o, "sources", |r, v, p| r.string_val(v, &p))
    }
}
