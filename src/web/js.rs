//! The JS built-ins the module calls on values a host hands it (the options,
//! a campaign), each bound so that a throw cannot reach wasm.
//!
//! A JS exception thrown inside an imported function that is bound without
//! wasm-bindgen's `catch` unwinds straight through the wasm frames above it:
//! the module's stack pointer is never restored and borrowed state stays
//! borrowed, so after a few hundred such throws every chart on the page traps
//! ("memory access out of bounds"). Host values can throw from anything that
//! looks at them: a revoked `Proxy` (a leaked Immer draft is one) throws from
//! `Array.isArray`, `Object.keys` and every property read; a live `Proxy` of
//! an element passes `instanceof` and then throws "Illegal invocation" from
//! every DOM method.
//!
//! ## Audit: every call from Rust into JS that can see a host's value
//!
//! | call | where | can it throw? | bound |
//! | --- | --- | --- | --- |
//! | `typeof` checks (`is_object`, `is_function`, `as_string`, `as_f64`, `as_bool`, `is_undefined`, `is_null`) | options, campaign | no: `typeof` never throws, not even on a revoked proxy | wasm-bindgen intrinsics |
//! | `Array.isArray` | options, the campaign itself | yes (revoked proxy) | [`is_array`], `catch` |
//! | `Object.keys` | options | yes (revoked proxy, `ownKeys` trap) | [`own_keys_among`], `catch` |
//! | `Reflect.get` | options (own keys only) | yes (getter, `get` trap) | js-sys binds it with `catch` |
//! | the campaign reader's helpers `careto_fields`, `careto_items`, `careto_length` (`Object.keys`, `Object.prototype.hasOwnProperty.call`, property and item reads, `Array.isArray`, `typeof`) | campaign (each object, each list) | no: each look that can throw is in a `try` inside the helper, which returns only arrays of values, and numbers | [`super::campaign`], `catch` besides |
//! | a primitive string's `length` (`JsString::length`) | options, campaign (an unknown key) | no: the value is a primitive string (`typeof` checked), no code of the host's runs | js-sys |
//!
//! The element never reaches the module: the JS shell (src/web/shell/core.js)
//! checks it with the browser's own `Element.prototype.hasAttribute` in a
//! `try` (a proxy of an element throws "Illegal invocation" there), builds
//! the DOM, and hands the module only the canvas it made and that canvas's
//! 2D context, on which the module calls the drawing methods (plotters-canvas
//! and `fillText`, which throw nothing for the values layout gives them;
//! `setTransform`, bound with `catch` by web-sys).

use js_sys::Array;
use wasm_bindgen::prelude::*;

/// The longest string option (`view`, `lang`, `theme`, `embedUrl`) read:
/// longer ones are refused before they are copied into wasm memory.
pub const MAX_OPTION_CHARS: u32 = 2000;

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray(v)`, a throw caught.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn array_is_array(v: &JsValue) -> Result<bool, JsValue>;

    /// `Object.keys(v)`: own enumerable string keys, a throw caught.
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(v: &JsValue) -> Result<Array, JsValue>;
}

/// Whether `v` is an array; `Err` when asking threw (a revoked proxy).
pub fn is_array(v: &JsValue) -> Result<bool, ()> {
    array_is_array(v).map_err(|_| ())
}

/// Why [`own_keys_among`] gave no keys.
pub enum KeysError {
    /// Listing the keys threw (a revoked proxy, an `ownKeys` trap).
    Unreadable,
    /// The first key not among the known ones, clipped (`clip`).
    Unknown(String),
}

/// The own enumerable string keys of `v`, each one of `known`; at the first
/// that is not, `Err(Unknown)` with its first characters. A key longer than
/// every known one is never copied into wasm memory whole (a host's key may
/// be millions of characters: copied, it grew the memory for good), and the
/// keys after an unknown one are not looked at. Keys that are not strings
/// cannot occur (`Object.keys` gives strings).
pub fn own_keys_among(v: &JsValue, known: &[&str]) -> Result<Vec<String>, KeysError> {
    let keys = object_keys(v).map_err(|_| KeysError::Unreadable)?;
    let longest = known.iter().map(|k| k.len()).max().unwrap_or(0);
    let mut out = Vec::new();
    for key in keys.iter() {
        let key = key.unchecked_into::<js_sys::JsString>();
        let len = usize::try_from(key.length()).unwrap_or(usize::MAX);
        // Past `longest` UTF-16 units, no known (ASCII) name: only the head is
        // copied, for the message (enough units for `clip` to cut it, pairs or not).
        let head = if len > longest { key.slice(0, u32::try_from(2 * (crate::model::CLIP_CHARS + 1)).unwrap_or(u32::MAX)) } else { key };
        let name = head.as_string().unwrap_or_default();
        if len > longest || !known.contains(&name.as_str()) {
            return Err(KeysError::Unknown(crate::model::clip(&name)));
        }
        out.push(name);
    }
    Ok(out)
}

/// What `v` is, for "expected …, got …" (options and campaigns alike).
/// Reads nothing from `v` but its `typeof` and, for objects, `Array.isArray`.
pub fn got(v: &JsValue) -> String {
    if v.is_null() {
        "null".to_string()
    } else if v.is_undefined() {
        "undefined".to_string()
    } else if v.is_string() {
        let len = v.unchecked_ref::<js_sys::JsString>().length();
        if len > MAX_OPTION_CHARS {
            // Not copied into wasm memory just to be cut.
            format!("a string of {len} characters")
        } else {
            format!("the string \"{}\"", crate::model::clip(&v.as_string().unwrap_or_default()))
        }
    } else if let Some(b) = v.as_bool() {
        if b { "true" } else { "false" }.to_string()
    } else if v.as_f64().is_some() {
        "a number".to_string()
    } else if v.is_function() {
        "a function".to_string()
    } else if v.is_object() {
        match is_array(v) {
            Ok(true) => "an array".to_string(),
            Ok(false) => "an object".to_string(),
            Err(()) => "an object that cannot be read (a revoked proxy?)".to_string(),
        }
    } else if v.is_bigint() {
        "a BigInt".to_string()
    } else if v.is_symbol() {
        "a Symbol".to_string()
    } else {
        "something else".to_string()
    }
}
