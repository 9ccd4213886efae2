//! The campaign a chart draws, as each build holds it.
//!
//! The article build only ever draws the compiled-in Careto campaign,
//! so it holds the static itself: nothing to copy, count or drop (no campaign
//! drop code in the module). The full build shares a campaign that may have
//! been passed in (`options.campaign`), read by [`super::campaign`].

use super::options;
use crate::model::Campaign;
use wasm_bindgen::JsValue;

/// The campaign as a chart holds it.
#[cfg(not(feature = "custom-campaign"))]
pub type Held = &'static Campaign;
/// The campaign as a chart holds it.
#[cfg(feature = "custom-campaign")]
pub type Held = std::rc::Rc<Campaign>;

#[cfg(feature = "custom-campaign")]
thread_local! {
    static CARETO: Held = std::rc::Rc::new(crate::data::careto());
}

/// The compiled-in campaign, as a chart holds it: what its first picture
/// needs ([`crate::data::CARETO_FIRST_PAINT`]); the details module has the rest.
#[cfg(not(feature = "custom-campaign"))]
pub fn careto() -> Held {
    &crate::data::CARETO_FIRST_PAINT
}

/// The compiled-in campaign, as a chart holds it.
#[cfg(feature = "custom-campaign")]
pub fn careto() -> Held {
    CARETO.with(std::rc::Rc::clone)
}

/// The campaign given in the options, as a chart holds it; the article
/// build refuses every one (its `parse_campaign` never succeeds).
#[cfg(not(feature = "custom-campaign"))]
pub fn given(v: JsValue) -> Result<Held, String> {
    options::parse_campaign(v).map(|never| match never {})
}

/// The campaign given in the options, as a chart holds it.
#[cfg(feature = "custom-campaign")]
pub fn given(v: JsValue) -> Result<Held, String> {
    options::parse_campaign(v).map(std::rc::Rc::new)
}
