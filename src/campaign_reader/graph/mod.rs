//! The reader's native twin of a JS object graph: what a page could hand
//! `mount`, built in memory so that tests and the fuzz target run the very
//! reader the browser runs ([`super::read`]). It can be hostile in every way
//! the browser reader must survive: getters and proxy traps that throw,
//! revoked proxies, one array shared by many entries, holes, lying lengths,
//! values nested thousands deep, strings of gigabytes (never built unless
//! copied), BigInts and Symbols, and properties that live only on the
//! prototype (which [`HostValue::fields`] never reads: the browser's
//! `Object.keys` never lists them).
//!
//! Every call the reader makes is counted ([`Stats`]), as are the bytes
//! copied, so tests can bound the work a campaign costs without timing it.
//!
//! Native only; `json.rs` builds a graph from JSON as `JSON.parse` would and
//! writes one out as `JSON.stringify` would.

mod json;

use super::{FieldsError, Got, HostValue, Kind, Unreadable};
use std::cell::Cell;

/// A node's index in its [`Graph`].
pub type NodeId = usize;

/// How a property or an array item is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// A plain value.
    Value(NodeId),
    /// A getter (or a proxy's `get` trap) that throws.
    Throws,
}

/// One value of the graph.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Str(String),
    /// `unit` repeated `times` times: a string of any size, built only if copied.
    Huge {
        /// The repeated part.
        unit: String,
        /// How many times.
        times: usize,
    },
    /// A BigInt.
    BigInt,
    /// A Symbol.
    Symbol,
    /// A function.
    Function,
    /// An array: its own items (`None` is a hole) and, for a proxy that
    /// lies, a `length` other than the items'.
    Array {
        /// Own items.
        items: Vec<Option<Slot>>,
        /// The reported length, when not `items.len()`.
        length: Option<f64>,
    },
    /// An object: own enumerable properties in `Object.keys` order (each
    /// key a string node), properties of its prototype, and whether listing
    /// its keys throws (a proxy's `ownKeys` trap).
    Object {
        /// Own properties: (key node, how the value is read).
        own: Vec<(NodeId, Slot)>,
        /// Inherited properties: (key, value).
        proto: Vec<(String, NodeId)>,
        /// `Object.keys` throws.
        keys_throw: bool,
    },
    /// A revoked proxy: every look at it throws.
    Revoked,
}

/// What the reader did to a graph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Calls to any [`HostValue`] method.
    pub calls: u64,
    /// Bytes of strings copied out ([`HostValue::string`]).
    pub bytes_copied: u64,
}

/// An object graph; node 0 is `undefined`.
#[derive(Debug)]
pub struct Graph {
    nodes: Vec<Node>,
    stats: Cell<Stats>,
    /// Some object had a key twice in its JSON (`JSON.parse` keeps the last
    /// value, at the first key's place; serde refuses such a file).
    pub duplicate_keys: bool,
}

impl Default for Graph {
    fn default() -> Self {
        Graph { nodes: vec![Node::Undefined], stats: Cell::new(Stats::default()), duplicate_keys: false }
    }
}

/// The node ids of the graph's `undefined`.
pub const UNDEFINED: NodeId = 0;

impl Graph {
    /// An empty graph (only `undefined`).
    pub fn new() -> Graph {
        Graph::default()
    }

    /// Adds a node.
    pub fn add(&mut self, node: Node) -> NodeId {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    /// Adds a string.
    pub fn string(&mut self, s: &str) -> NodeId {
        self.add(Node::Str(s.to_string()))
    }

    /// Adds an array of plain values.
    pub fn array(&mut self, items: &[NodeId]) -> NodeId {
        self.add(Node::Array { items: items.iter().map(|&i| Some(Slot::Value(i))).collect(), length: None })
    }

    /// Adds an object of plain values, keys in `Object.keys` order (array
    /// indices first, ascending; then the others as given).
    pub fn object(&mut self, fields: &[(&str, NodeId)]) -> NodeId {
        let mut indexed: Vec<(u32, &str, NodeId)> = fields.iter().filter_map(|&(k, v)| index_key(k).map(|i| (i, k, v))).collect();
        indexed.sort_by_key(|&(i, _, _)| i);
        let rest = fields.iter().filter(|(k, _)| index_key(k).is_none()).copied();
        let ordered: Vec<(&str, NodeId)> = indexed.into_iter().map(|(_, k, v)| (k, v)).chain(rest).collect();
        let own = ordered.into_iter().map(|(k, v)| (self.string(k), Slot::Value(v))).collect();
        self.add(Node::Object { own, proto: Vec::new(), keys_throw: false })
    }

    /// The node `id`.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id)
    }

    /// The node `id`, to change it.
    pub fn node_mut(&mut self, id: NodeId) -> Option<&mut Node> {
        self.nodes.get_mut(id)
    }

    /// How many nodes there are.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether only `undefined` is there.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// The value of an object's own property `key`, if it is a plain value.
    pub fn field(&self, object: NodeId, key: &str) -> Option<NodeId> {
        match self.nodes.get(object)? {
            Node::Object { own, .. } => own.iter().find(|(k, _)| self.str_of(*k) == Some(key)).and_then(|(_, s)| match s {
                Slot::Value(v) => Some(*v),
                Slot::Throws => None,
            }),
            _ => None,
        }
    }

    /// Item `i` of an array, if it is a plain value.
    pub fn item_of(&self, array: NodeId, i: usize) -> Option<NodeId> {
        match self.nodes.get(array)? {
            Node::Array { items, .. } => match items.get(i)? {
                Some(Slot::Value(v)) => Some(*v),
                _ => None,
            },
            _ => None,
        }
    }

    fn str_of(&self, id: NodeId) -> Option<&str> {
        match self.nodes.get(id)? {
            Node::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The value `id` as the reader sees it.
    pub fn value(&self, id: NodeId) -> Value<'_> {
        Value { graph: self, id }
    }

    /// What the reader has done so far.
    pub fn stats(&self) -> Stats {
        self.stats.get()
    }

    fn count(&self, bytes: usize) {
        let mut s = self.stats.get();
        s.calls += 1;
        s.bytes_copied += bytes as u64;
        self.stats.set(s);
    }
}

/// `k` as an array index (`Object.keys` lists those first, ascending).
fn index_key(k: &str) -> Option<u32> {
    let n: u32 = k.parse().ok()?;
    (n != u32::MAX && n.to_string() == k).then_some(n)
}

/// A value of a [`Graph`], as the reader holds it.
#[derive(Debug, Clone, Copy)]
pub struct Value<'g> {
    graph: &'g Graph,
    id: NodeId,
}

impl<'g> Value<'g> {
    fn node(&self) -> &'g Node {
        self.graph.nodes.get(self.id).unwrap_or(&Node::Undefined)
    }

    fn at(&self, id: NodeId) -> Value<'g> {
        Value { graph: self.graph, id }
    }

    /// The value as the host hands it over: a string copied if its UTF-8
    /// bytes fit in `left` (then taken from it), with the bytes copied.
    fn got(&self, left: &mut usize, copied: &mut usize) -> Got<Value<'g>> {
        match self.node() {
            Node::Undefined => Got::Undefined,
            Node::Null => Got::Null,
            Node::Bool(b) => Got::Boolean(*b),
            Node::Number(n) => Got::Number(*n),
            Node::Str(_) | Node::Huge { .. } => {
                let units = match self.node() {
                    Node::Str(s) => s.encode_utf16().count(),
                    Node::Huge { unit, times } => unit.encode_utf16().count().saturating_mul(*times),
                    _ => 0,
                };
                // Each unit is at least a byte: a longer string is not even measured.
                if units > *left {
                    return Got::String(Err(units));
                }
                let s = match self.node() {
                    Node::Str(s) => s.clone(),
                    Node::Huge { unit, times } => unit.repeat(*times),
                    _ => String::new(),
                };
                if s.len() > *left {
                    return Got::String(Err(units));
                }
                *left -= s.len();
                *copied += s.len();
                Got::String(Ok(s))
            }
            Node::BigInt => Got::BigInt,
            Node::Symbol => Got::Symbol,
            Node::Function => Got::Function,
            Node::Array { .. } => Got::Array(*self),
            Node::Object { .. } => Got::Object(*self),
            Node::Revoked => Got::Unreadable,
        }
    }

    /// A property or item read through `slot`.
    fn read(&self, slot: Slot, left: &mut usize, copied: &mut usize) -> super::Slot<Value<'g>> {
        match slot {
            Slot::Value(id) => super::Slot::Value(self.at(id).got(left, copied)),
            Slot::Throws => super::Slot::Throws,
        }
    }
}

impl HostValue for Value<'_> {
    fn kind(&self) -> Result<Kind, Unreadable> {
        self.graph.count(0);
        Ok(match self.node() {
            Node::Undefined => Kind::Undefined,
            Node::Null => Kind::Null,
            Node::Bool(_) => Kind::Boolean,
            Node::Number(_) => Kind::Number,
            Node::Str(_) | Node::Huge { .. } => Kind::String,
            Node::BigInt => Kind::BigInt,
            Node::Symbol => Kind::Symbol,
            Node::Function => Kind::Function,
            Node::Array { .. } => Kind::Array,
            Node::Object { .. } => Kind::Object,
            Node::Revoked => return Err(Unreadable),
        })
    }

    fn fields(&self, names: &'static [&'static str], text_left: usize) -> Result<Vec<super::Slot<Self>>, FieldsError> {
        let (mut left, mut copied) = (text_left, 0);
        let result = match self.node() {
            Node::Object { keys_throw: true, .. } | Node::Revoked => Err(FieldsError::KeysThrew),
            Node::Object { own, .. } => {
                // As `Object.keys`, then each own key looked up among the names.
                let mut at = vec![None; names.len()];
                let mut unknown = None;
                for (k, slot) in own.iter().take(names.len() + 1) {
                    let key = self.graph.str_of(*k).unwrap_or("");
                    match names.iter().position(|n| *n == key) {
                        Some(i) => {
                            if let Some(a) = at.get_mut(i) {
                                *a = Some(*slot);
                            }
                        }
                        None => {
                            let units = key.encode_utf16().count();
                            unknown = Some(if units <= super::KEY_UNITS {
                                copied += key.len();
                                Ok(key.to_string())
                            } else {
                                Err(units)
                            });
                            break;
                        }
                    }
                }
                match unknown {
                    Some(name) => Err(FieldsError::Unknown(name)),
                    None => Ok(at.into_iter().map(|slot| slot.map_or(super::Slot::Absent, |s| self.read(s, &mut left, &mut copied))).collect()),
                }
            }
            // The reader asks only of objects.
            _ => Ok(Vec::new()),
        };
        self.graph.count(copied);
        result
    }

    fn length(&self) -> Result<f64, Unreadable> {
        self.graph.count(0);
        match self.node() {
            Node::Revoked => Err(Unreadable),
            Node::Array { items, length } => Ok(length.unwrap_or(crate::num::count_f64(items.len()))),
            _ => Ok(f64::NAN),
        }
    }

    fn items(&self, len: u32, text_left: usize) -> Vec<super::Slot<Self>> {
        let (mut left, mut copied) = (text_left, 0);
        let out = match self.node() {
            Node::Array { items, .. } => (0..len as usize)
                .map(|i| match items.get(i) {
                    Some(Some(slot)) => self.read(*slot, &mut left, &mut copied),
                    _ => super::Slot::Absent,
                })
                .collect(),
            // A revoked proxy throws at every item.
            Node::Revoked => (0..len).map(|_| super::Slot::Throws).collect(),
            _ => Vec::new(),
        };
        self.graph.count(copied);
        out
    }
}
