//! The campaign's data, compiled in.
//!
//! `build.rs` parses `data/careto.toml`, checks it with
//! [`crate::model::validate`], and generates the constant expression that
//! [`CARETO`] is; a data file that breaks a rule fails the build. So the
//! campaign here has already passed validation.

use crate::model::Campaign;

/// The Mask (Careto) campaign as written in `data/careto.toml`: 31 countries
/// (11 with a published figure), the timeline events and the bibliography.
///
/// A `static` of borrowed strings and slices: it lives in the binary's data
/// and no code runs to build it.
pub static CARETO: Campaign = include!(concat!(env!("OUT_DIR"), "/careto_data.rs"));

/// An owned copy of [`CARETO`].
///
/// Cheap: every string and list in it stays a `Cow::Borrowed` reference into
/// the static, so only the top-level struct is copied. Mutating a field (e.g.
/// through `Cow::to_mut`) copies just that field.
pub fn careto() -> Campaign {
    CARETO.clone()
}

/// The compiled-in campaign by reference, [`CARETO`] itself: no copy at all.
pub fn careto_ref() -> &'static Campaign {
    &CARETO
}
