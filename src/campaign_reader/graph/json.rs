//! JSON in and out of a [`Graph`], as the browser does it: a graph read from
//! JSON is what `JSON.parse` gives (numbers as f64, the last of duplicate
//! keys at the first one's place, array indices first among keys), and
//! [`Graph::to_json`] is `JSON.stringify` (own enumerable keys only,
//! `undefined`, functions and symbols left out of objects and `null` in
//! arrays, as are holes, `NaN` and the infinities; a BigInt, a cycle, a
//! revoked proxy or a throwing getter throws).

use super::{Graph, Node, NodeId, Slot, UNDEFINED};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

impl Graph {
    /// The graph of a JSON document read through any serde deserializer
    /// (`serde_json::Deserializer::from_str`), and its root.
    pub fn from_json<'de, D: Deserializer<'de>>(d: D) -> Result<(Graph, NodeId), D::Error> {
        let mut g = Graph::new();
        let root = Build(&mut g).deserialize(d)?;
        Ok((g, root))
    }

    /// `JSON.stringify` of the value `id`; `None` where it would throw, or
    /// when the text would pass `max_bytes`.
    pub fn to_json(&self, id: NodeId, max_bytes: usize) -> Option<String> {
        let mut w = Writer { graph: self, out: String::new(), open: Vec::new(), max_bytes };
        w.value(id)?.then_some(w.out)
    }
}

/// Builds nodes from serde's visits.
struct Build<'g>(&'g mut Graph);

impl<'de> DeserializeSeed<'de> for Build<'_> {
    type Value = NodeId;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<NodeId, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Build<'_> {
    type Value = NodeId;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<NodeId, E> {
        Ok(self.0.add(Node::Bool(v)))
    }
    // JSON.parse gives every number as an f64: 2^53 + 1 is 2^53 there.
    #[allow(clippy::cast_precision_loss)]
    fn visit_i64<E>(self, v: i64) -> Result<NodeId, E> {
        Ok(self.0.add(Node::Number(v as f64)))
    }
    #[allow(clippy::cast_precision_loss)]
    fn visit_u64<E>(self, v: u64) -> Result<NodeId, E> {
        Ok(self.0.add(Node::Number(v as f64)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<NodeId, E> {
        Ok(self.0.add(Node::Number(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<NodeId, E> {
        Ok(self.0.string(v))
    }
    fn visit_unit<E>(self) -> Result<NodeId, E> {
        Ok(self.0.add(Node::Null))
    }
    fn visit_none<E>(self) -> Result<NodeId, E> {
        Ok(self.0.add(Node::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<NodeId, A::Error> {
        let mut items = Vec::new();
        while let Some(id) = seq.next_element_seed(Build(&mut *self.0))? {
            items.push(id);
        }
        Ok(self.0.array(&items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NodeId, A::Error> {
        let mut fields: Vec<(String, NodeId)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(Build(&mut *self.0))?;
            match fields.iter_mut().find(|(k, _)| *k == key) {
                Some(field) => {
                    field.1 = value;
                    self.0.duplicate_keys = true;
                }
                None => fields.push((key, value)),
            }
        }
        let fields: Vec<(&str, NodeId)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        Ok(self.0.object(&fields))
    }
}

/// `JSON.stringify`'s walk.
struct Writer<'g> {
    graph: &'g Graph,
    out: String,
    /// The arrays and objects being written (a cycle throws).
    open: Vec<NodeId>,
    max_bytes: usize,
}

impl Writer<'_> {
    /// Writes `id`; `Some(false)` when it is left out (`undefined`, a
    /// function, a symbol), `None` when stringify throws or the text is too long.
    fn value(&mut self, id: NodeId) -> Option<bool> {
        let node = self.graph.node(id)?;
        match node {
            Node::Undefined | Node::Function | Node::Symbol => return Some(false),
            Node::BigInt | Node::Revoked => return None,
            Node::Null => self.out.push_str("null"),
            Node::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Node::Number(n) if n.is_finite() => self.out.push_str(&crate::model::number(*n)),
            Node::Number(_) => self.out.push_str("null"),
            Node::Str(s) => self.string(s),
            Node::Huge { unit, times } => {
                if unit.len().saturating_mul(*times) > self.max_bytes {
                    return None;
                }
                self.string(&unit.repeat(*times));
            }
            Node::Array { items, length } => {
                let len = length.unwrap_or(crate::num::count_f64(items.len()));
                if self.open.contains(&id) || !(0.0..=1e6).contains(&len) {
                    return None;
                }
                self.open.push(id);
                self.out.push('[');
                // Whole and small, checked above (a fraction is cut as JS's ToLength does).
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                for i in 0..len as usize {
                    if i > 0 {
                        self.out.push(',');
                    }
                    let written = match items.get(i) {
                        Some(Some(Slot::Value(v))) => self.value(*v)?,
                        Some(Some(Slot::Throws)) => return None,
                        _ => self.value(UNDEFINED)?,
                    };
                    if !written {
                        self.out.push_str("null");
                    }
                }
                self.out.push(']');
                self.open.pop();
            }
            Node::Object { keys_throw: true, .. } => return None,
            Node::Object { own, .. } => {
                if self.open.contains(&id) {
                    return None;
                }
                self.open.push(id);
                self.out.push('{');
                let mut first = true;
                for (key, slot) in own {
                    let Slot::Value(v) = slot else { return None };
                    let mark = self.out.len();
                    if !first {
                        self.out.push(',');
                    }
                    match self.graph.node(*key) {
                        Some(Node::Str(k)) => self.string(k),
                        _ => return None,
                    }
                    self.out.push(':');
                    if self.value(*v)? {
                        first = false;
                    } else {
                        self.out.truncate(mark);
                    }
                }
                self.out.push('}');
                self.open.pop();
            }
        }
        (self.out.len() <= self.max_bytes).then_some(true)
    }

    /// A JSON string literal.
    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                c if u32::from(c) < 0x20 => self.out.push_str(&format!("\\u{:04x}", u32::from(c))),
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}
