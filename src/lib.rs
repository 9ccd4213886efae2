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

/// Whether this build may draw a campaign other than the compiled-in one:
/// natively (tests, tools) and in the full build; not in the drawing
/// kernels, which hold only The Mask (31 countries, 11 events). The bounds
/// only a large campaign reaches (issue 13.3: the summaries' lists, the
/// timeline's marks, the sort of sorted keys) test it first, so that the
/// kernels, on every reader's first frame, leave their code out.
pub const ANY_CAMPAIGN: bool = cfg!(any(not(target_arch = "wasm32"), feature = "custom-campaign"));

/// The allocator of the drawing kernels: lol_alloc's free list (sorted by
/// address, neighbours coalesced on free) behind its spin lock, instead of
/// Rust's default dlmalloc. About 1 KB of code against 7 KB; memory is freed
/// and reused, so it stays bounded over any number of redraws
/// (tests/web.rs checks it). No `unsafe`: `LockedAllocator` is `Sync`.
///
/// Not in the full build, which keeps std's dlmalloc: a free walks lol_alloc's
/// list to its place, so freeing is linear in the blocks free, and a
/// newsroom's campaign of thousands of rows makes tens of thousands of them
/// (a CPU profile of a 10,000-event campaign's mount and updates in
/// Chromium had 290 ms in its `dealloc`, issue 13.3). The article's kernels
/// hold the compiled-in campaign and make few.
#[cfg(all(target_arch = "wasm32", not(feature = "custom-campaign")))]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> = lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
