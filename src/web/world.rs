//! The map's geometry in the browser (builds with the `map` feature).
//!
//! The geometry is never compiled into the module: the page's shell fetches
//! `world-110m.bin` (next to the module, same origin) once, however many
//! maps the page has, and hands its bytes over once ([`super::api::set_world`]).
//! They are decoded here into one [`World`] that every map chart of the
//! module shares. Until it has arrived, a map chart draws nothing and says
//! so ([`super::drawing::Changed::WAITING`]); the shell shows its busy state.

use crate::geo::World;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    /// The decoded world, once the page has handed it over.
    static WORLD: RefCell<Option<Rc<World>>> = const { RefCell::new(None) };
}

/// The world every map chart draws on, once it has arrived.
pub fn get() -> Option<Rc<World>> {
    WORLD.with(|w| w.borrow().clone())
}

/// Decodes `bytes` (the geometry file) into the shared world. A corrupt or
/// truncated file is refused with the byte where it went wrong, and the
/// world stays as it was (none, or the one decoded before).
pub fn set(bytes: &[u8]) -> Result<(), String> {
    let world = World::decode(bytes).map_err(|e| e.to_string())?;
    if world.shapes.is_empty() {
        return Err("the map's geometry file has no countries".to_string());
    }
    WORLD.with(|w| *w.borrow_mut() = Some(Rc::new(world)));
    Ok(())
}
