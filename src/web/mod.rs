//! The browser surface: everything `#[wasm_bindgen]` lives here. It converts
//! JS values, delegates, and turns every failure into a JS `Error` with a
//! clear message. It computes nothing itself.
//!
//! The module is a drawing kernel. The DOM around the canvas (shadow root,
//! summary, buttons, tooltip, table), the listeners and the lazy loading of
//! everything a first picture does not need live in the JS shell
//! (`src/web/shell/`), which scripts/build-wasm.sh bundles with this
//! module's wasm-bindgen glue. See ARCHITECTURE.md, "The split".
//!
//! Exports by build:
//! - every build: [`Chart`] (options, layout, drawing, hit testing, and the
//!   words around the canvas: title, summary, the controls' words);
//! - the `details` feature (the article's second module, loaded after the
//!   first frame): [`words`] only, the compiled-in campaign's words as JSON;
//! - `custom-campaign` (the full build): [`Chart::details`] and
//!   [`Chart::csv`] too, for each chart's own campaign;
//! - `map` (the map build, and the full build): `view: "map"`, and
//!   [`set_world`], which decodes the map's geometry once for every map
//!   chart (the shell fetches it: `world.rs`).

#[cfg(all(feature = "details", feature = "custom-campaign"))]
compile_error!("`details` (the article's details module) and `custom-campaign` (the full build) are two different builds");

#[cfg(not(feature = "details"))]
mod api;
#[cfg(feature = "custom-campaign")]
mod campaign;
#[cfg(any(feature = "details", feature = "custom-campaign"))]
mod details;
#[cfg(not(feature = "details"))]
mod drawing;
#[cfg(not(feature = "details"))]
mod held;
#[cfg(not(feature = "details"))]
mod hidpi;
#[cfg(not(feature = "details"))]
mod js;
#[cfg(not(feature = "details"))]
mod options;
#[cfg(all(careto_map, not(feature = "details")))]
mod world;

#[cfg(feature = "details")]
pub use details::{words_at, words_length};

#[cfg(all(careto_map, not(feature = "details")))]
pub use api::set_world;
#[cfg(not(feature = "details"))]
pub use api::Chart;

/// Whether the map's geometry has been handed over ([`set_world`]): for
/// tests, which share one module.
#[cfg(all(careto_map, not(feature = "details")))]
pub fn has_world() -> bool {
    world::get().is_some()
}
