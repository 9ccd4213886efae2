//! A newsroom's own campaign (`options.campaign`), read from the JS object
//! by [`crate::campaign_reader`], whose logic is generic over a host value:
//! this file is its `JsValue` side.
//!
//! Every read is one call into JS, to a small helper of ours (the inline JS
//! below, which esbuild bundles into the full build's one file) that does in JS
//! what would otherwise be a call across the boundary each: an object's
//! own keys listed (`Object.keys`) and compared with the field names there,
//! each field read (own keys only), its kind told (`typeof`,
//! `Array.isArray`) and, for a number or a boolean, its value written into
//! wasm memory; the strings, while their UTF-8 bytes fit in the text the
//! reader has left, joined into one and copied once; the objects and arrays handed
//! back as handles. A list is read the same way, item by item (own items
//! only: a hole is no item). Each look that can throw (a getter, a proxy's
//! trap, `Array.isArray` on a revoked proxy) is inside a `try` there, and
//! the helpers are bound with `catch` besides, so no JS exception reaches
//! wasm (see [`super::js`]).
//!
//! This makes a read of an event (an object, two texts, a list of ids)
//! about 8 calls into JS instead of about 110; measured, it took a mount of
//! 10,000 events (reading and validating) from 433 ms to 385 ms at best in
//! Chromium (2026-11-30; medians too noisy on a shared machine to say more):
//! the calls were not most of the cost.

use crate::campaign_reader::{FieldsError, Got, HostValue, Kind, Slot, Unreadable, KEY_UNITS};
use js_sys::{Array, JsString};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The helpers. A value's kind is a byte ([`slots`] reads it back): 0
/// absent (no own key, a hole), 1 reading it threw, 2 undefined, 3 null, 4
/// false, 5 true, 6 a number (in `nums`), 7 a string copied (its UTF-16
/// length in `nums`), 8 a string not copied (its length in `nums`), 9
/// BigInt, 10 Symbol, 11 function, 12 array, 13 object (each a handle, in
/// order), 14 an object `Array.isArray` threw on. Both return an array:
/// the UTF-8 bytes of the copied strings joined, then the handles; the
/// joined text waits in the helper for `careto_text`, which encodes it into
/// a buffer of exactly that size in wasm memory (one allocation: a string
/// passed as a `String` is grown to three times its length and shrunk
/// again, which left a refused campaign's megabyte of text fragmenting the
/// allocator). A string ending in half a
/// surrogate pair has it as U+FFFD, as the copy of that string alone would
/// (so no pair forms across two strings, and each string's length stays).
#[wasm_bindgen(inline_js = r#"
// UTF-8 bytes of `v`, a lone surrogate as U+FFFD (as TextEncoder writes it).
function utf8(v) {
  let n = v.length;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) { n += 1; continue; }
    if (c <= 0xdbff && c >= 0xd800 && i + 1 < v.length) {
      const d = v.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n += 2; i++; continue; }
    }
    n += 2;
  }
  return n;
}

let pending = "";
const encoder = new TextEncoder();

export function careto_text(buf) {
  const { written } = encoder.encodeInto(pending, buf);
  pending = "";
  return written;
}

function look(v, i, kinds, nums, out, st) {
  switch (typeof v) {
    case "string": {
      nums[i] = v.length;
      // Each unit is at least a byte: a longer string is not even measured.
      if (v.length > st.left) { kinds[i] = 8; return; }
      const bytes = utf8(v);
      if (bytes > st.left) { kinds[i] = 8; return; }
      const last = v.charCodeAt(v.length - 1);
      st.text += last >= 0xd800 && last <= 0xdbff ? v.slice(0, -1) + "\ufffd" : v;
      st.left -= bytes;
      st.bytes += bytes;
      kinds[i] = 7;
      return;
    }
    case "number": nums[i] = v; kinds[i] = 6; return;
    case "boolean": kinds[i] = v ? 5 : 4; return;
    case "undefined": kinds[i] = 2; return;
    case "bigint": kinds[i] = 9; return;
    case "symbol": kinds[i] = 10; return;
    case "function": kinds[i] = 11; return;
  }
  if (v === null) { kinds[i] = 3; return; }
  let array;
  try { array = Array.isArray(v); } catch { kinds[i] = 14; return; }
  kinds[i] = array ? 12 : 13;
  out.push(v);
}

export function careto_fields(o, names, left, kinds, nums) {
  const n = names.length;
  let keys;
  try { keys = Object.keys(o); } catch { kinds[n] = 1; return []; }
  let own = 0;
  for (let j = 0, m = Math.min(keys.length, n + 1); j < m; j++) {
    const at = names.indexOf(keys[j]);
    if (at < 0) { kinds[n] = 2; return [keys[j]]; }
    own |= 1 << at;
  }
  kinds[n] = 0;
  const st = { text: "", left, bytes: 0 }, out = [0];
  for (let i = 0; i < n; i++) {
    if (!(own & (1 << i))) { kinds[i] = 0; continue; }
    let v;
    try { v = o[names[i]]; } catch { kinds[i] = 1; continue; }
    look(v, i, kinds, nums, out, st);
  }
  pending = st.text;
  out[0] = st.bytes;
  return out;
}

const hasOwn = Object.prototype.hasOwnProperty;

export function careto_length(a) {
  const len = a.length;
  return typeof len === "number" ? len : NaN;
}

export function careto_items(a, len, left, kinds, nums) {
  const st = { text: "", left, bytes: 0 }, out = [0];
  for (let i = 0; i < len; i++) {
    let v;
    try {
      if (!hasOwn.call(a, i)) { kinds[i] = 0; continue; }
      v = a[i];
    } catch { kinds[i] = 1; continue; }
    look(v, i, kinds, nums, out, st);
  }
  pending = st.text;
  out[0] = st.bytes;
  return out;
}
"#)]
extern "C" {
    /// The fields `names` of the object `o` (see the helpers above); the
    /// status in `kinds[names.length]`: 0 read, 1 its keys threw, 2 an
    /// unknown key (the array holds it).
    #[wasm_bindgen(catch)]
    fn careto_fields(o: &JsValue, names: &JsValue, left: f64, kinds: &mut [u8], nums: &mut [f64]) -> Result<Vec<JsValue>, JsValue>;

    /// Writes the text the last `careto_fields` or `careto_items` joined
    /// into `buf` (of its UTF-8 length); the bytes written.
    #[wasm_bindgen(catch)]
    fn careto_text(buf: &mut [u8]) -> Result<u32, JsValue>;

    /// `a.length`, NaN when it is not a number.
    #[wasm_bindgen(catch)]
    fn careto_length(a: &JsValue) -> Result<f64, JsValue>;

    /// The first `len` items of the array `a`.
    #[wasm_bindgen(catch)]
    fn careto_items(a: &JsValue, len: u32, left: f64, kinds: &mut [u8], nums: &mut [f64]) -> Result<Vec<JsValue>, JsValue>;
}

thread_local! {
    /// Each field list's names as a JS array, made once: a campaign of
    /// thousands of objects has a dozen shapes. Keyed by the list's address.
    static NAMES: std::cell::RefCell<Vec<(usize, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `names` as a JS array of strings, made once per list.
fn names_of(names: &'static [&'static str]) -> JsValue {
    let key = names.as_ptr() as usize;
    NAMES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, v)) = cache.iter().find(|(k, _)| *k == key) {
            return v.clone();
        }
        let v: JsValue = names.iter().map(|n| JsValue::from_str(n)).collect::<Array>().into();
        cache.push((key, v.clone()));
        v
    })
}

/// The text left as a JS number (exact: below 2^53).
fn units(left: usize) -> f64 {
    crate::num::count_f64(left)
}

/// The slots of what a helper read: `kinds` and `nums` as it wrote them,
/// `out` the joined strings, then the handles. Each string is copied out of
/// the joined text but the last, which takes its buffer: a campaign's one
/// long string is in wasm memory once, not twice.
fn slots(kinds: &[u8], nums: &[f64], out: Vec<JsValue>) -> Vec<Slot<JsValue>> {
    let mut out = out.into_iter();
    let mut text = out.next().and_then(|t| t.as_f64()).map_or_else(String::new, joined_text);
    let last = kinds.iter().rposition(|&k| k == 7);
    let mut at = 0;
    let mut slots = Vec::with_capacity(kinds.len());
    for (i, (&kind, &n)) in kinds.iter().zip(nums).enumerate() {
        let units = crate::num::saturating_u32(n) as usize;
        slots.push(match kind {
            0 => Slot::Absent,
            1 => Slot::Throws,
            _ => Slot::Value(match kind {
                2 => Got::Undefined,
                3 => Got::Null,
                4 => Got::Boolean(false),
                5 => Got::Boolean(true),
                6 => Got::Number(n),
                7 => {
                    let rest = text.get(at..).unwrap_or("");
                    let end = at + units_end(rest, units);
                    let s = if Some(i) == last {
                        text.truncate(end);
                        text.replace_range(..at, "");
                        std::mem::take(&mut text)
                    } else {
                        text.get(at..end).unwrap_or("").to_string()
                    };
                    at = end;
                    Got::String(Ok(s))
                }
                8 => Got::String(Err(units)),
                9 => Got::BigInt,
                10 => Got::Symbol,
                11 => Got::Function,
                12 => out.next().map_or(Got::Unreadable, Got::Array),
                13 => out.next().map_or(Got::Unreadable, Got::Object),
                _ => Got::Unreadable,
            }),
        });
    }
    slots
}

/// The text the helper joined, of `bytes` UTF-8 bytes, in one buffer.
fn joined_text(bytes: f64) -> String {
    let bytes = crate::num::saturating_u32(bytes) as usize;
    if bytes == 0 {
        return String::new();
    }
    let mut buf = vec![0u8; bytes];
    let written = careto_text(&mut buf).map_or(0, |n| n as usize);
    buf.truncate(written);
    String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The byte length of the first `units` UTF-16 code units of `rest`. (The
/// helper keeps each string whole in code points, so the cut falls between
/// two; were it not to, the cut is after the pair.)
fn units_end(rest: &str, units: usize) -> usize {
    let mut seen = 0;
    for (at, ch) in rest.char_indices() {
        if seen >= units {
            return at;
        }
        seen += ch.len_utf16();
    }
    rest.len()
}

impl HostValue for JsValue {
    fn kind(&self) -> Result<Kind, Unreadable> {
        // `typeof` checks never throw; `Array.isArray` can (a revoked proxy).
        Ok(if self.is_string() {
            Kind::String
        } else if self.is_object() {
            match super::js::is_array(self) {
                Ok(true) => Kind::Array,
                Ok(false) => Kind::Object,
                Err(()) => return Err(Unreadable),
            }
        } else if self.as_f64().is_some() {
            Kind::Number
        } else if self.is_undefined() {
            Kind::Undefined
        } else if self.is_null() {
            Kind::Null
        } else if self.as_bool().is_some() {
            Kind::Boolean
        } else if self.is_function() {
            Kind::Function
        } else if self.is_bigint() {
            Kind::BigInt
        } else {
            Kind::Symbol
        })
    }

    fn fields(&self, names: &'static [&'static str], text_left: usize) -> Result<Vec<Slot<Self>>, FieldsError> {
        // An object has at most a dozen fields: the buffers are on the stack.
        let mut kinds = [0u8; 17];
        let mut nums = [0f64; 16];
        let n = names.len().min(nums.len());
        let (Some(kinds), Some(nums)) = (kinds.get_mut(..=n), nums.get_mut(..n)) else { return Ok(Vec::new()) };
        let out = careto_fields(self, &names_of(names), units(text_left), kinds, nums).map_err(|_| FieldsError::KeysThrew)?;
        match kinds.get(n) {
            Some(0) => Ok(slots(kinds.get(..n).unwrap_or_default(), nums, out)),
            Some(2) => {
                // Keys are strings (`Object.keys`): copied up to KEY_UNITS, else only their length.
                let key = out.into_iter().next().unwrap_or_default();
                let len = key.dyn_ref::<JsString>().map_or(0, |k| k.length() as usize);
                Err(FieldsError::Unknown(if len <= KEY_UNITS { Ok(key.as_string().unwrap_or_default()) } else { Err(len) }))
            }
            _ => Err(FieldsError::KeysThrew),
        }
    }

    fn length(&self) -> Result<f64, Unreadable> {
        careto_length(self).map_err(|_| Unreadable)
    }

    fn items(&self, len: u32, text_left: usize) -> Vec<Slot<Self>> {
        let n = len as usize;
        let mut kinds = vec![1u8; n];
        let mut nums = vec![0f64; n];
        match careto_items(self, len, units(text_left), &mut kinds, &mut nums) {
            Ok(out) => slots(&kinds, &nums, out),
            // Nothing threw past the helper's own `try`s; if it did, every item is unreadable.
            Err(_) => (0..n).map(|_| Slot::Throws).collect(),
        }
    }
}
