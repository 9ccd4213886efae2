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
//! | items in all lists together | 50,000 | the largest valid campaigns fit: 1,329 countries with 15 source ids each, 10,000 events with one each, and 5,000 sources make 46,269 items (Careto has about 250). Not a bound on time: reading and validating 10,000 events takes Chromium 100–400 ms here, so the browser reads a campaign of more than 250 items in its long lists a slice at a time ([`Reading`], `web::held::Pending`), each slice a task of its own |
//! | bytes of text in all strings together (UTF-8) | 2,000,000 | about a 2 MB campaign file (Careto's is 25 KB); object keys are copied only up to 64 characters (field names are shorter) and not counted: an object has at most eleven |
//! | calls into the host | 1,000,000 | a backstop: one call per object and two per list, so the item budget bounds them to about 150,000 first; no campaign within the other limits reaches it |
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

pub use reader::{read_with, Reading};

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

/// A value as the host hands it over: a primitive copied (a string only
/// within the text the reader has left), an object or an array as a handle
/// to read further.
#[derive(Debug, Clone, PartialEq)]
pub enum Got<H> {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean(bool),
    /// A number, `NaN` and the infinities included.
    Number(f64),
    /// A string, copied; or, when its UTF-8 bytes do not fit in the text
    /// left, its UTF-16 length (JS's `length`), and nothing copied (nor, in
    /// JS, flattened when that length alone is too long: a string of a
    /// gigabyte costs nothing).
    String(Result<String, usize>),
    /// A BigInt (`5n`): never a number here.
    BigInt,
    /// A Symbol.
    Symbol,
    /// A function.
    Function,
    /// An array (`Array.isArray`, which sees through a proxy of one).
    Array(H),
    /// Any other object.
    Object(H),
    /// Asking what it is threw (`Array.isArray` on a revoked proxy).
    Unreadable,
}

/// A field of an object or an item of an array, as read.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Slot<H> {
    /// Not an own key of the object; a hole in the array.
    #[default]
    Absent,
    /// Reading it threw (a getter, a proxy's trap).
    Throws,
    /// Its value.
    Value(Got<H>),
}

/// Why an object's fields were not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldsError {
    /// Listing its keys threw (a revoked proxy, an `ownKeys` trap).
    KeysThrew,
    /// An own key that is not a field name: the first, copied if it has at
    /// most [`KEY_UNITS`] UTF-16 code units, else its length.
    Unknown(Result<String, usize>),
}

/// The longest unknown key copied for a message: longer than any field
/// name, and than a message repeats.
pub const KEY_UNITS: usize = 64;

/// A value the host hands the reader: a `JsValue` in the browser, a node of
/// a [`graph::Graph`] natively. Each method is one *read*, one call into
/// the host (which may run the host's code: a getter, a proxy trap; none
/// lets an exception through), and the reader charges each to
/// [`Budget::reads`] before making it. An object is read in one call, a
/// list in two (its length, then its items), so what a read costs is
/// bounded by the object's few fields, the items of the list (charged to
/// [`Budget::items`]) and the text copied (charged to
/// [`Budget::text_bytes`]).
pub trait HostValue: Sized {
    /// What the value is (asked of the campaign itself only); `Err` when
    /// asking threw (`Array.isArray` on a revoked proxy).
    fn kind(&self) -> Result<Kind, Unreadable>;
    /// The fields `names` of an object, one [`Slot`] per name, in order:
    /// only own enumerable string keys (`Object.keys`) are read, and every
    /// such key must be one of `names` (else the first that is not is the
    /// error). Strings are copied, in order, while their UTF-8 bytes
    /// together fit in `text_left` (a string that does not fit is not
    /// copied, nor measured if its UTF-16 length alone is too long).
    fn fields(&self, names: &'static [&'static str], text_left: usize) -> Result<Vec<Slot<Self>>, FieldsError>;
    /// An array's `length`.
    fn length(&self) -> Result<f64, Unreadable>;
    /// The first `len` items of an array, own items only (a hole is
    /// [`Slot::Absent`], whatever the prototype holds at its index);
    /// strings copied as [`HostValue::fields`] does.
    fn items(&self, len: u32, text_left: usize) -> Vec<Slot<Self>>;
}

/// The most items one list (countries, events, sources, source ids…) may have.
pub const MAX_ITEMS: u32 = 10_000;

/// How much one campaign may make the reader read; see the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Calls into the host ([`HostValue`]'s methods): one per object, two
    /// per list, one for the campaign's kind.
    pub reads: u32,
    /// Items in all lists together.
    pub items: u32,
    /// Bytes of text (UTF-8) in all string values together.
    pub text_bytes: usize,
}

/// The budget of every campaign the browser reads.
pub const BUDGET: Budget = Budget { reads: 1_000_000, items: 50_000, text_bytes: 2_000_000 };

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
    validated(read(value))
}

/// A campaign JSON file (`campaign.schema.json`) read natively exactly as
/// a page's `mount` reads the object `JSON.parse` makes of it
/// ([`graph::Graph::from_json`], then [`read_and_validate`]): the same
/// rules and the same messages, after the file's name
/// (`our-campaign.json: campaign.country[1].count: …`). careto-render and
/// careto-reserve take a newsroom's own campaign so.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_file(path: &str) -> Result<Campaign, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    // A byte order mark (Excel and Notepad save one) is dropped, as a
    // page's `response.json()` drops it: the file draws in both or in neither.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let (graph, root) = graph::Graph::from_json(&mut serde_json::Deserializer::from_str(text)).map_err(|e| format!("{path}: not JSON: {e}"))?;
    read_and_validate(graph.value(root)).map_err(|e| format!("{path}: {e}"))
}

/// A campaign read (at once, or by a [`Reading`]) with the data rules
/// checked, the first broken one naming its field under `campaign`.
pub fn validated(read: Result<Campaign, String>) -> Result<Campaign, String> {
    let campaign = read?;
    crate::model::validate::validate(&campaign).map_err(|e| format!("campaign.{e}"))?;
    Ok(campaign)
}
