//! A newsroom's own campaign (`options.campaign`), read from the JS object
//! by [`crate::campaign_reader`], whose logic is generic over a host value:
//! this file is its `JsValue` side, each call bound so that no JS exception
//! reaches wasm (see [`super::js`]), and each read an own property only.

use super::js::{has_own_item, is_array, own_keys_of};
use crate::campaign_reader::{HostValue, Kind, Unreadable};
use crate::model::Campaign;
use js_sys::{JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The JS strings of the field names asked for so far: a campaign of
    /// thousands of items asks for the same few dozen names again and again,
    /// and making a JS string is most of the cost of a read.
    static NAMES: std::cell::RefCell<Vec<(String, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `key` as a JS string, made once per name.
fn field_name(key: &str) -> JsValue {
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some((_, v)) = names.iter().find(|(k, _)| k == key) {
            return v.clone();
        }
        let v = JsValue::from_str(key);
        names.push((key.to_string(), v.clone()));
        v
    })
}

/// Reads a campaign given as a JS object (see `campaign.schema.json`)
/// within the reader's budget, then checks the data rules.
pub fn read(value: JsValue) -> Result<Campaign, String> {
    crate::campaign_reader::read_and_validate(value)
}

impl HostValue for JsValue {
    fn kind(&self) -> Result<Kind, Unreadable> {
        // `typeof` checks never throw; `Array.isArray` can (a revoked proxy).
        Ok(if self.is_string() {
            Kind::String
        } else if self.is_object() {
            match is_array(self) {
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

    fn number(&self) -> f64 {
        self.as_f64().unwrap_or(f64::NAN)
    }

    fn boolean(&self) -> bool {
        self.as_bool().unwrap_or(false)
    }

    fn string(&self, units: usize) -> Result<String, usize> {
        // A primitive string's `length` (`typeof` checked: no code of the
        // host's runs); a string too long is neither copied nor flattened.
        let len = self.unchecked_ref::<JsString>().length() as usize;
        if len > units {
            return Err(len);
        }
        Ok(self.as_string().unwrap_or_default())
    }

    fn own_keys(&self, limit: usize) -> Result<Vec<Self>, Unreadable> {
        own_keys_of(self, limit).map_err(|()| Unreadable)
    }

    fn get(&self, key: &str) -> Result<Self, Unreadable> {
        Reflect::get(self, &field_name(key)).map_err(|_| Unreadable)
    }

    fn length(&self) -> Result<f64, Unreadable> {
        Reflect::get(self, &field_name("length")).map(|l| l.as_f64().unwrap_or(f64::NAN)).map_err(|_| Unreadable)
    }

    fn item(&self, index: u32) -> Result<Option<Self>, Unreadable> {
        // A hole is no item, whatever `Array.prototype` holds at its index.
        if !has_own_item(self, index).map_err(|()| Unreadable)? {
            return Ok(None);
        }
        Reflect::get_u32(self, index).map(Some).map_err(|_| Unreadable)
    }
}
