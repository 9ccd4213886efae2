//! The reader's native twin of a JS object graph: what a page could hand
//! `mount`, built in memory so that tests and the fuzz target run the very
//! reader the browser runs ([`super::read`]). It can be hostile in every way
//! the browser reader must survive: getters and proxy traps that throw,
//! revoked proxies, one array shared by many entries, holes, lying lengths,
//! values nested thousands deep, strings of gigabytes (never built unless
//! copied), BigInts and Symbols, and properties that live only on the
//! prototype (which [`HostValue::get`] returns, as `Reflect.get` does: the
//! reader must not ask).
//!
//! Every call the reader makes is counted ([`Stats`]), so tests can bound
//! the work a campaign costs without timing it.
//!
//! Native only; `json.rs` builds a graph from JSON as `JSON.parse` would and
//! writes one out as `JSON.stringify` would.

mod json;

use super::{HostValue, Kind, Unreadable};
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

    fn slot(&self, slot: Slot) -> Result<Value<'g>, Unreadable> {
        match slot {
            Slot::Value(id) => Ok(self.at(id)),
            Slot::Throws => Err(Unreadable),
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

    fn number(&self) -> f64 {
        self.graph.count(0);
        match self.node() {
            Node::Number(n) => *n,
            _ => f64::NAN,
        }
    }

    fn boolean(&self) -> bool {
        self.graph.count(0);
        matches!(self.node(), Node::Bool(true))
    }

    fn string(&self, units: usize) -> Result<String, usize> {
        let len = match self.node() {
            Node::Str(s) => s.encode_utf16().count(),
            Node::Huge { unit, times } => unit.encode_utf16().count().saturating_mul(*times),
            _ => 0,
        };
        if len > units {
            self.graph.count(0);
            return Err(len);
        }
        let s = match self.node() {
            Node::Str(s) => s.clone(),
            Node::Huge { unit, times } => unit.repeat(*times),
            _ => String::new(),
        };
        self.graph.count(s.len());
        Ok(s)
    }

    fn own_keys(&self, limit: usize) -> Result<Vec<Self>, Unreadable> {
        self.graph.count(0);
        match self.node() {
            Node::Object { keys_throw: true, .. } | Node::Revoked => Err(Unreadable),
            Node::Object { own, .. } => Ok(own.iter().take(limit).map(|(k, _)| self.at(*k)).collect()),
            _ => Ok(Vec::new()),
        }
    }

    fn get(&self, key: &str) -> Result<Self, Unreadable> {
        self.graph.count(0);
        match self.node() {
            Node::Revoked => Err(Unreadable),
            Node::Object { own, proto, .. } => match own.iter().find(|(k, _)| self.graph.str_of(*k) == Some(key)) {
                Some((_, slot)) => self.slot(*slot),
                // As `Reflect.get`: up the prototype chain.
                None => Ok(self.at(proto.iter().find(|(k, _)| k == key).map_or(UNDEFINED, |(_, v)| *v))),
            },
            _ => Ok(self.at(UNDEFINED)),
        }
    }

    fn length(&self) -> Result<f64, Unreadable> {
        self.graph.count(0);
        match self.node() {
            Node::Revoked => Err(Unreadable),
            Node::Array { items, length } => Ok(length.unwrap_or(crate::num::count_f64(items.len()))),
            _ => Ok(f64::NAN),
        }
    }

    fn item(&self, index: u32) -> Result<Option<Self>, Unreadable> {
        self.graph.count(0);
        match self.node() {
            Node::Revoked => Err(Unreadable),
            Node::Array { items, .. } => match items.get(index as usize) {
                Some(Some(slot)) => self.slot(*slot).map(Some),
                _ => Ok(None),
            },
            _ => Ok(None),
        }
    }
}
