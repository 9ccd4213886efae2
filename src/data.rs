//! The campaign's data, compiled in.
//!
//! `build.rs` parses `data/careto.toml`, checks it with
//! [`crate::model::validate`], and generates the Rust that [`careto`]
//! includes; a data file that breaks a rule fails the build. So the
//! campaign returned here has already passed validation.

use crate::model::Campaign;

/// The Mask (Careto) campaign as written in `data/careto.toml`: 31 countries
/// (11 with a published figure), the timeline events and the bibliography.
pub fn careto() -> Campaign {
    include!(concat!(env!("OUT_DIR"), "/careto_data.rs"))
}
