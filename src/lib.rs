//! careto-viz: country bars and a timeline of The Mask (Careto), drawn with plotters.
//!
//! Data flows one way: [`data`] (compiled in by `build.rs`) → [`model`] →
//! [`scale`] → [`layout`] → [`render`] (generic over plotters' `DrawingBackend`).
//! The browser surface lives in `web` (wasm32 only). Start reading at
//! `ARCHITECTURE.md`.

pub mod chart;
pub mod data;
pub mod describe;
pub mod embed;
pub mod i18n;
pub mod layout;
pub mod model;
pub mod order;
pub mod render;
pub mod scale;
pub mod text;
pub mod theme;

#[cfg(target_arch = "wasm32")]
pub mod web;
