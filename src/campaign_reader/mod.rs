//! The browser's campaign reader, generic over where the campaign lives: a
//! JS object in the page (`web::campaign`, the full build) or, natively, an
//! in-memory object graph ([`graph`]) that tests and the fuzz target build,
//! hostile ones included. The same code reads both, so what the fuzzer
//! finds here is what a page would meet.
//!
//! Each object's own keys are checked against the model's field names, each
//! field is read and converted on the spot, and every error names the field
//! path, e.g. `campaign.country[1].count: NaN is not a whole number >= 0`.
//! Field names, optional fields and messages follow [`crate::model`] (whose
//! serde impls read the data file, and JSON in the fuzz target): the fuzz
//! target checks that the two readers accept the same JSON and read it alike.
//!
//! **Only own properties.** A field is read only when the object's own
//! enumerable keys (`Object.keys`, as `JSON.stringify` sees them) list it,
//! and an array item only when it is the array's own; the prototype chain is
//! never consulted, so a polluted `Object.prototype.notes` is no note.
//! `undefined` counts as absent. Strings are copied as text and never
//! interpreted; messages repeat at most 40 characters of any of them
//! ([`crate::model::clip`]).
//!
//! ## The budget of one campaign
//!
//! A JS object is not JSON: one large array can sit under every entry, so a
//! campaign of a few kilobytes can stand for billions of items (1,000
//! countries sharing one 10,000-item array froze a page for 40 s and took
//! wasm memory to 663 MB). The reader charges what it reads against
//! [`BUDGET`] *before* it reads it, and refuses the campaign as soon as a
//! list or a string would pass it, with a message naming the limit:
//!
//! | limit | value | why |
//! | --- | --- | --- |
//! | items in one list | [`MAX_ITEMS`] = 10,000 | far above any real campaign (Careto: 31 countries) |
//! | countries, in fact | 1,329 | not a limit of the reader, which reads the country list up to 10,000 like any other: each country needs its own code, and the data rules ([`crate::model::validate`]) take only the 237 places of the map ([`crate::model::places`]) and ISO 3166-1's 1,092 user-assigned codes (AAA–AAZ, QMA–QZZ, XAA–XZZ, ZZA–ZZZ), so a longer list is refused after reading, for its first duplicate or invalid code |
//! | items in all lists together | 50,000 | the largest valid campaigns fit: 1,329 countries with 15 source ids each, 10,000 events with one each, and 5,000 sources make 46,269 items (Careto has about 250); reading 50,000 items took Chromium 17–35 ms once compiled, on a 2-core machine shared three times over |
//! | bytes of text in all strings together (UTF-8) | 2,000,000 | about a 2 MB campaign file (Careto's is 25 KB); object keys are copied only up to 64 characters (field names are shorter) and not counted: an object has at most eleven |
//! | nesting | 4 levels below the campaign (`campaign.country[0].notes[1].en`) | fixed by the schema: the reader only descends into the fields it names, so a value nested 10,000 deep is refused at its first level |
//!
//! A list is charged its whole length before its first item is read, and a
//! string is copied only if its length fits what is left of the budget
//! (then charged its UTF-8 bytes), so no
//! refused campaign costs more work or memory than the largest accepted
//! one, and a hostile one is refused after reading at most that much. The
//! data rules ([`crate::model::validate`]) run after reading, and stop at
//! the first broken one.

mod reader;
mod shape;

#[cfg(not(target_arch = "wasm32"))]
pub mod graph;

pub use reader::read_with;

use crate::model::Campaign;

/// What a host value is, as JS's `typeof` and `Array.isArray` tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `undefined` (or a property that is not there).
    Undefined,
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number, `NaN` and the infinities included.
    Number,
    /// A string.
    String,
    /// A BigInt (`5n`): never a number here.
    BigInt,
    /// A Symbol.
    Symbol,
    /// A function.
    Function,
    /// An array (`Array.isArray`, which sees through a proxy of one).
    Array,
    /// Any other object.
    Object,
}

/// Looking at a host value threw (a revoked proxy, a throwing getter or
/// trap); the reader says the field "cannot be read".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

/// A value the host hands the reader: a `JsValue` in the browser, a node of
/// a [`graph::Graph`] natively. Every call that could run the host's code
/// (a getter, a proxy trap) returns a `Result`; the reads of a primitive
/// whose [`Kind`] was just told cannot.
pub trait HostValue: Sized {
    /// What the value is; `Err` when asking threw (`Array.isArray` on a revoked proxy).
    fn kind(&self) -> Result<Kind, Unreadable>;
    /// The number, when [`Kind::Number`].
    fn number(&self) -> f64;
    /// The boolean, when [`Kind::Boolean`].
    fn boolean(&self) -> bool;
    /// The string, when [`Kind::String`], copied if it has at most `units`
    /// UTF-16 code units (JS's `length`); else its length, and nothing
    /// copied (nor, in JS, flattened: a string of a gigabyte costs nothing).
    fn string(&self, units: usize) -> Result<String, usize>;
    /// The first `limit` own enumerable string keys (`Object.keys`), as host strings.
    fn own_keys(&self, limit: usize) -> Result<Vec<Self>, Unreadable>;
    /// The value of the own property `key`, which [`HostValue::own_keys`]
    /// listed. (An implementation may, as `Reflect.get` does, consult the
    /// prototype for a key that is not own: the reader never asks for one.)
    fn get(&self, key: &str) -> Result<Self, Unreadable>;
    /// An array's `length`.
    fn length(&self) -> Result<f64, Unreadable>;
    /// The array's own item `index`; `None` for a hole (`[, 1]`), whatever
    /// the prototype holds at that index.
    fn item(&self, index: u32) -> Result<Option<Self>, Unreadable>;
}

/// The most items one list (countries, events, sources, source ids…) may have.
pub const MAX_ITEMS: u32 = 10_000;

/// How much one campaign may make the reader read; see the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Items in all lists together.
    pub items: u32,
    /// Bytes of text (UTF-8) in all string values together.
    pub text_bytes: usize,
}

/// The budget of every campaign the browser reads.
pub const BUDGET: Budget = Budget { items: 50_000, text_bytes: 2_000_000 };

/// Reads a campaign (see `campaign.schema.json`) within [`BUDGET`]; the data
/// rules are checked by the caller. Errors start with the field path
/// (`campaign.country[2].count: …`).
pub fn read<H: HostValue>(value: H) -> Result<Campaign, String> {
    read_with(value, BUDGET).0
}

/// What the browser does with `options.campaign`: [`read`], then the data
/// rules (stopping at the first broken one), every error naming its field
/// under `campaign`.
pub fn read_and_validate<H: HostValue>(value: H) -> Result<Campaign, String> {
    let campaign = read(value)?;
    crate::model::validate::validate(&campaign).map_err(|e| format!("campaign.{e}"))?;
    Ok(campaign)
}
