//! The details: the words the interaction layer shows (tooltips,
//! announcements, the data table, the CSV downloads: [`crate::details`]).
//!
//! The article's details modules (feature `details`, one build per
//! language) hold them for the compiled-in campaign as JSON written at build
//! time by `careto-details` from the same Rust code, so they carry no code of
//! ours beyond handing the text over; the page's shell parses it once. The full build computes each
//! chart's own, handed over a piece at a time (`Chart.table()`, `rows()`,
//! `tip()`, `keyOf()`; `Chart.csv()`).

#[cfg(feature = "details")]
use wasm_bindgen::prelude::*;

/// The words of the compiled-in campaign in this module's language, as JSON.
#[cfg(feature = "details")]
const WORDS: &str = include_str!(env!("CARETO_DETAILS_JSON"));

/// Where the words of the compiled-in campaign in this module's language
/// (one module per language) begin in the module's memory: JSON (a
/// [`crate::details::Words`], or in the profile's modules a
/// [`crate::details::ProfileWords`]), UTF-8, [`words_length`] bytes, which
/// the module's script reads once (src/web/shell/details.js). A place and a
/// length, not a JS string: then the module needs neither wasm-bindgen's
/// table of JS values nor an allocator, most of its code.
#[cfg(feature = "details")]
#[wasm_bindgen(js_name = wordsAt)]
pub fn words_at() -> *const u8 {
    WORDS.as_ptr()
}

/// How many bytes the words take ([`words_at`]).
#[cfg(feature = "details")]
#[wasm_bindgen(js_name = wordsLength)]
pub fn words_length() -> usize {
    WORDS.len()
}

/// The data table but its rows, as the full build hands it over (`Chart.table`).
#[cfg(feature = "custom-campaign")]
#[derive(serde::Serialize)]
pub(super) struct TableHead<'a> {
    pub caption: &'a str,
    pub head: &'a [crate::details::Column],
    pub pages: &'a [String; 3],
    pub keys: &'a str,
    pub count: usize,
}

/// `d` (details, or a piece of them) as a plain JS object
/// (serde-wasm-bindgen), the shape the article's JSON has.
#[cfg(feature = "custom-campaign")]
pub(super) fn to_js<T: serde::Serialize + ?Sized>(d: &T) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsError> {
    serde_wasm_bindgen::to_value(d).map_err(|_| wasm_bindgen::JsError::new("careto-viz: the chart's details could not be handed to the page"))
}
