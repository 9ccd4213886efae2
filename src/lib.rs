//! careto-viz: country bars and a timeline of The Mask (Careto), drawn with plotters.
//!
//! Data flows one way: [`data`] (compiled in by `build.rs`) → [`model`] →
//! [`scale`] → [`layout`] → [`render`] (generic over plotters' `DrawingBackend`).
//! The browser surface lives in `web` (wasm32 only). Start reading at
//! `ARCHITECTURE.md`.

#[cfg(any(not(target_arch = "wasm32"), feature = "custom-campaign"))]
pub mod campaign_reader;
pub mod chart;
pub mod data;
pub mod describe;
// Where details are handed out: natively (careto-details writes the
// article's), in the details module and in the full build.
#[cfg(any(not(target_arch = "wasm32"), feature = "details", feature = "custom-campaign"))]
pub mod details;
#[cfg(careto_map)]
pub mod geo;
pub mod i18n;
pub mod layout;
pub mod model;
pub mod num;
pub mod order;
pub mod render;
pub mod scale;
pub mod sort;
pub mod text;
pub mod theme;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// The allocator of the wasm module: lol_alloc's free list (sorted by
/// address, neighbours coalesced on free) behind its spin lock, instead of
/// Rust's default dlmalloc. About 1 KB of code against 7 KB; memory is freed
/// and reused, so it stays bounded over any number of redraws
/// (tests/web.rs checks it). No `unsafe`: `LockedAllocator` is `Sync`.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> = lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
