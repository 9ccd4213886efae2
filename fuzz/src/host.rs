//! The browser's own campaign reader (`careto_viz::campaign_reader`, the
//! code `mount` runs on `options.campaign`) on adversarial object graphs,
//! through its native twin (`campaign_reader::graph`), and its agreement
//! with serde's reader on JSON.
//!
//! - **host_campaign**: bytes → [`HostCase`]: the sample or the real
//!   campaign as `JSON.parse` would give it, then hostile edits (revoked
//!   proxies, throwing getters and `ownKeys` traps, prototype properties,
//!   shared sub-arrays and cycles, inflated lists, holes, lying lengths,
//!   deep nesting, terabyte strings, BigInts, Symbols, odd numbers) →
//!   [`check_host`] (which reads each twice: in one pass, and a slice at a
//!   time as the browser reads a large campaign, and both must agree).
//! - [`json_agreement`] (called by the `campaign` target on every input):
//!   JSON read by serde and by the host reader (through `JSON.parse`'s
//!   graph) is accepted by both or refused by both, and read alike.
//!
//! Shared by `fuzz_targets/host_campaign.rs` and the root's
//! `tests/fuzz_seeds.rs` (which includes this file with `#[path]`).

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use crate::checks::{campaign_invariants, Bytes};
use careto_viz::campaign_reader::graph::{Graph, Node, NodeId, Slot, UNDEFINED};
use careto_viz::campaign_reader::{read_with, Budget, Reading, BUDGET};
use careto_viz::model::validate::validate;
use careto_viz::model::Campaign;

/// The longest message any campaign may get, in characters: a path, one
/// input clipped to [`careto_viz::model::CLIP_CHARS`] characters (plus `…`)
/// and the rest of the sentence (the longest lists a country's eight fields).
pub const MAX_MESSAGE_CHARS: usize = 400;

/// Calls into the host per item charged to the budget (and per object of
/// the schema's fixed part), at most: an object's kind, keys and their
/// strings, each field's get and kind, a value's read, and the texts an
/// item holds outside lists (an event has four).
pub const CALLS_PER_ITEM: u64 = 160;

/// JSON text → a graph, as `JSON.parse` gives it; `None` where JSON.parse
/// and serde_json would not agree on the text itself.
pub fn graph_of_json(text: &str) -> Option<(Graph, NodeId)> {
    let mut de = serde_json::Deserializer::from_str(text);
    let (g, root) = Graph::from_json(&mut de).ok()?;
    de.end().ok()?;
    Some((g, root))
}

/// serde's reading of campaign JSON (the data file's reader), then the data rules.
fn serde_read(text: &str) -> Result<Campaign, String> {
    let c: Campaign = serde_json::from_str(text).map_err(|e| e.to_string())?;
    validate(&c).map_err(|e| format!("campaign.{e}"))?;
    Ok(c)
}

/// The host reader on `g`, as `mount` runs it (read within [`BUDGET`], then
/// the data rules), with what it spent.
fn host_read(g: &Graph, root: NodeId) -> (Result<Campaign, String>, Budget) {
    let (read, spent) = read_with(g.value(root), BUDGET);
    let checked = read.and_then(|c| validate(&c).map(|()| c).map_err(|e| format!("campaign.{e}")));
    (checked, spent)
}

/// Bounded work, bounded memory, a well-formed message; a campaign it
/// accepts is what serde reads from its `JSON.stringify`.
pub fn check_host(g: &Graph, root: NodeId) -> Result<Campaign, String> {
    let (result, spent) = host_read(g, root);
    let stats = g.stats();
    assert!(spent.items <= BUDGET.items && spent.text_bytes <= BUDGET.text_bytes, "overspent: {spent:?}");
    let allowed = CALLS_PER_ITEM * (u64::from(spent.items) + 64);
    assert!(stats.calls <= allowed, "{} calls for {} items read (at most {allowed})", stats.calls, spent.items);
    // What is copied is charged, but for the one string that passes the budget (≤ 3 bytes per UTF-16 unit).
    assert!(stats.bytes_copied <= 3 * BUDGET.text_bytes as u64, "{} bytes copied", stats.bytes_copied);
    match &result {
        Err(e) => check_message(e),
        Ok(c) => {
            campaign_invariants(c);
            if let Some(json) = g.to_json(root, 1 << 22) {
                let again =
                    serde_read(&json).unwrap_or_else(|e| panic!("accepted by the host reader, refused by serde after JSON.stringify: {e}\n{json:.2000}"));
                assert_eq!(&again, c, "the host reader and serde read different campaigns");
            }
        }
    }
    // Read a slice at a time, as the browser reads a large campaign across
    // tasks: exactly what one pass read, the budget spent included.
    let mut reading = Reading::start(g.value(root), BUDGET);
    while !reading.step(3) {}
    let (sliced, sliced_spent) = reading.finish();
    let sliced = sliced.and_then(|c| validate(&c).map(|()| c).map_err(|e| format!("campaign.{e}")));
    assert_eq!((&sliced, sliced_spent), (&result, spent), "read a slice at a time, the campaign read otherwise");
    result
}

/// `campaign…: reason`, the path well formed, the whole of bounded length.
fn check_message(e: &str) {
    let n = e.chars().count();
    assert!(n <= MAX_MESSAGE_CHARS, "a message of {n} characters: {:.300}", e);
    let (path, reason) = e.split_once(": ").unwrap_or_else(|| panic!("no path: {e}"));
    let rest = path.strip_prefix("campaign").unwrap_or_else(|| panic!("not under campaign: {e}"));
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '.' => assert!(chars.peek().is_some_and(|c| c.is_ascii_lowercase()), "path {path}"),
            '[' => {
                let digits: String = std::iter::from_fn(|| chars.next_if(char::is_ascii_digit)).collect();
                assert!(!digits.is_empty() && chars.next() == Some(']'), "path {path}");
            }
            c => assert!(c.is_ascii_lowercase() || c == '_', "path {path}"),
        }
    }
    assert!(!reason.trim().is_empty(), "no reason: {e}");
}

/// The `campaign` target's agreement check: `text` read by serde and by the
/// host reader through `JSON.parse`'s graph. Both accept (the same
/// campaign) or both refuse; where both read it, the data rules say the
/// same first thing. (Duplicate keys are left out: `JSON.parse` keeps the
/// last, serde refuses the file.)
pub fn json_agreement(text: &str) {
    let Some((g, root)) = graph_of_json(text) else { return };
    if g.duplicate_keys {
        return;
    }
    let by_serde = serde_read(text);
    let by_host = check_host(&g, root);
    match (&by_serde, &by_host) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "serde and the host reader read different campaigns"),
        (Err(a), Err(b)) => {
            // Both read the JSON: the first broken rule is the same.
            if serde_json::from_str::<Campaign>(text).is_ok() && careto_viz::campaign_reader::read(g.value(root)).is_ok() {
                assert_eq!(a, b, "the data rules disagree");
            }
        }
        (Ok(_), Err(e)) => panic!("serde accepted it, the host reader refused it: {e}"),
        (Err(e), Ok(_)) => panic!("the host reader accepted it, serde refused it: {e}"),
    }
}

// ------------------------------------------------------------------ hostile graphs

/// Numbers worth trying on purpose (raw bits reach the rest).
const SPECIAL_NUMBERS: [f64; 18] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    -0.0,
    0.0,
    0.5,
    1.0,
    -1.0,
    9_007_199_254_740_992.0,
    9_007_199_254_740_994.0,
    1e300,
    4_294_967_295.0,
    4_294_967_296.0,
    1e21,
    5e-324,
    10_000.0,
    10_001.0,
    2.5,
];

/// Keys a hostile object may add, own or on its prototype: the schema's
/// field names (so that a mistake reading them shows) and a few others. The
/// first 26 keep their places, which the committed seeds name by index.
pub const KEYS: [&str; 52] = [
    "name",
    "measure",
    "as_of",
    "total",
    "active_period",
    "country",
    "event",
    "source",
    "bars_source_line",
    "timeline_source_line",
    "code",
    "count",
    "notes",
    "sources",
    "en",
    "es",
    "label",
    "value",
    "note",
    "status",
    "date",
    "approximate",
    "__proto__",
    "0",
    "government_targets_sources",
    "a key far longer than any field name, longer than the sixty-four characters the reader copies of a key",
    // Appended (2026-12-03): the rest of the schema's field names, the profile's among them;
    // tests/fuzz_seeds.rs checks that every field name is here.
    "alternatives",
    "counted_by",
    "description",
    "detail",
    "end",
    "extensions",
    "government_targets_only",
    "id",
    "key",
    "kind",
    "measure_hedge",
    "other_figures",
    "platform",
    "profile",
    "publisher",
    "qualifier",
    "quote",
    "sector",
    "source_line",
    "start",
    "stolen",
    "summary",
    "title",
    "totals_note",
    "unit",
    "url",
];

/// One hostile change to a node of the graph (`target` is taken modulo the
/// node count).
#[derive(Debug, Clone, PartialEq)]
pub enum Hostile {
    /// The node becomes a revoked proxy.
    Revoke(u16),
    /// The node becomes `undefined`, `null`, a boolean, a BigInt, a Symbol or a function.
    Primitive(u16, u8),
    /// The node becomes a number (an index into [`SPECIAL_NUMBERS`], or raw bits).
    Number(u16, u64),
    /// The node becomes this string.
    Text(u16, String),
    /// The node becomes `unit` repeated `times` times.
    Huge(u16, String, u32),
    /// Own property (or item) `k` of the node throws when read.
    Throws(u16, u8),
    /// Listing the node's keys throws.
    KeysThrow(u16),
    /// The node's prototype gets `KEYS[k]` = node `value`.
    Proto(u16, u8, u16),
    /// The node gets the own property `KEYS[k]` = node `value`.
    Own(u16, u8, u16),
    /// Own property (or item) `k` of the node is removed (an item becomes a hole).
    Remove(u16, u8),
    /// Own property (or item) `k` of the node becomes node `value`: shared
    /// sub-objects, cycles.
    Share(u16, u8, u16),
    /// An array's items repeated to `n` (mod 12,001) items: shared, and
    /// near the per-list limit.
    Inflate(u16, u16),
    /// An array reports this length (as in [`Hostile::Number`]).
    Length(u16, u64),
    /// The node, nested in `depth` arrays.
    Nest(u16, u16),
}

/// What the `host_campaign` target does with one input.
#[derive(Debug, Clone, PartialEq)]
pub struct HostCase {
    /// Start from the sample campaign instead of the real one.
    pub sample: bool,
    /// The hostile changes, in order.
    pub edits: Vec<Hostile>,
}

const HOSTILE_KINDS: u8 = 14;

fn number_of(bits: u64) -> f64 {
    if bits < 1 << 16 {
        SPECIAL_NUMBERS[usize::try_from(bits % SPECIAL_NUMBERS.len() as u64).unwrap_or(0)]
    } else {
        f64::from_bits(bits)
    }
}

impl HostCase {
    /// Reads a case: a flags byte (bit 0: the sample), an edit count
    /// (byte % 16), then the edits (a kind byte and its fields). Any input
    /// is a case: missing bytes read as zeros.
    pub fn decode(data: &[u8]) -> HostCase {
        let mut b = Bytes(data);
        let sample = b.u8() & 1 == 1;
        let n = b.u8() % 16;
        let mut edits = Vec::new();
        for _ in 0..n {
            edits.push(match b.u8() % HOSTILE_KINDS {
                0 => Hostile::Revoke(b.u16()),
                1 => Hostile::Primitive(b.u16(), b.u8()),
                2 => Hostile::Number(b.u16(), b.u64()),
                3 => Hostile::Text(b.u16(), b.text()),
                4 => Hostile::Huge(b.u16(), b.text(), b.u32()),
                5 => Hostile::Throws(b.u16(), b.u8()),
                6 => Hostile::KeysThrow(b.u16()),
                7 => Hostile::Proto(b.u16(), b.u8(), b.u16()),
                8 => Hostile::Own(b.u16(), b.u8(), b.u16()),
                9 => Hostile::Remove(b.u16(), b.u8()),
                10 => Hostile::Share(b.u16(), b.u8(), b.u16()),
                11 => Hostile::Inflate(b.u16(), b.u16()),
                12 => Hostile::Length(b.u16(), b.u64()),
                _ => Hostile::Nest(b.u16(), b.u16()),
            });
        }
        HostCase { sample, edits }
    }

    /// The bytes [`HostCase::decode`] reads back as this case (for seeds).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = vec![u8::from(self.sample), u8::try_from(self.edits.len()).unwrap_or(u8::MAX)];
        for e in &self.edits {
            let (kind, target) = match e {
                Hostile::Revoke(t) => (0, t),
                Hostile::Primitive(t, _) => (1, t),
                Hostile::Number(t, _) => (2, t),
                Hostile::Text(t, _) => (3, t),
                Hostile::Huge(t, _, _) => (4, t),
                Hostile::Throws(t, _) => (5, t),
                Hostile::KeysThrow(t) => (6, t),
                Hostile::Proto(t, _, _) => (7, t),
                Hostile::Own(t, _, _) => (8, t),
                Hostile::Remove(t, _) => (9, t),
                Hostile::Share(t, _, _) => (10, t),
                Hostile::Inflate(t, _) => (11, t),
                Hostile::Length(t, _) => (12, t),
                Hostile::Nest(t, _) => (13, t),
            };
            out.push(kind);
            out.extend_from_slice(&target.to_le_bytes());
            let text = |out: &mut Vec<u8>, s: &str| {
                let b = &s.as_bytes()[..s.len().min(254)];
                out.push(u8::try_from(b.len()).unwrap_or(u8::MAX));
                out.extend_from_slice(b);
            };
            match e {
                Hostile::Revoke(_) | Hostile::KeysThrow(_) => {}
                Hostile::Primitive(_, k) | Hostile::Throws(_, k) | Hostile::Remove(_, k) => out.push(*k),
                Hostile::Number(_, n) | Hostile::Length(_, n) => out.extend_from_slice(&n.to_le_bytes()),
                Hostile::Text(_, s) => text(&mut out, s),
                Hostile::Huge(_, s, n) => {
                    text(&mut out, s);
                    out.extend_from_slice(&n.to_le_bytes());
                }
                Hostile::Proto(_, k, v) | Hostile::Own(_, k, v) | Hostile::Share(_, k, v) => {
                    out.push(*k);
                    out.extend_from_slice(&v.to_le_bytes());
                }
                Hostile::Inflate(_, n) | Hostile::Nest(_, n) => out.extend_from_slice(&n.to_le_bytes()),
            }
        }
        out
    }

    /// The graph of the base campaign with the edits applied, and its root.
    pub fn graph(&self) -> (Graph, NodeId) {
        let base = if self.sample { include_str!("../../www/sample-campaign.json") } else { include_str!("../seeds/campaign/careto.json") };
        let (mut g, root) = graph_of_json(base).expect("the base campaigns are JSON");
        for e in &self.edits {
            apply(&mut g, e);
        }
        (g, root)
    }
}

/// Slot `k` (modulo their count) of an object's own properties or an array's items.
fn slot_of(node: &mut Node, k: u8) -> Option<&mut Option<Slot>> {
    match node {
        Node::Array { items, .. } if !items.is_empty() => {
            let n = items.len();
            items.get_mut(usize::from(k) % n)
        }
        _ => None,
    }
}

fn apply(g: &mut Graph, e: &Hostile) {
    let n = g.len();
    let pick = |t: u16| usize::from(t) % n;
    match e {
        Hostile::Revoke(t) => replace(g, pick(*t), Node::Revoked),
        Hostile::Primitive(t, k) => {
            let node =
                [Node::Undefined, Node::Null, Node::Bool(true), Node::Bool(false), Node::BigInt, Node::Symbol, Node::Function][usize::from(*k) % 7].clone();
            replace(g, pick(*t), node);
        }
        Hostile::Number(t, bits) => replace(g, pick(*t), Node::Number(number_of(*bits))),
        Hostile::Text(t, s) => replace(g, pick(*t), Node::Str(s.clone())),
        Hostile::Huge(t, s, times) => replace(g, pick(*t), Node::Huge { unit: if s.is_empty() { "x".into() } else { s.clone() }, times: *times as usize }),
        Hostile::Throws(t, k) => match g.node_mut(pick(*t)) {
            Some(Node::Object { own, .. }) if !own.is_empty() => {
                let i = usize::from(*k) % own.len();
                own[i].1 = Slot::Throws;
            }
            Some(node) => {
                if let Some(slot) = slot_of(node, *k) {
                    *slot = Some(Slot::Throws);
                }
            }
            None => {}
        },
        Hostile::KeysThrow(t) => {
            if let Some(Node::Object { keys_throw, .. }) = g.node_mut(pick(*t)) {
                *keys_throw = true;
            }
        }
        Hostile::Proto(t, k, v) => {
            let value = pick(*v);
            if let Some(Node::Object { proto, .. }) = g.node_mut(pick(*t)) {
                proto.push((KEYS[usize::from(*k) % KEYS.len()].to_string(), value));
            }
        }
        Hostile::Own(t, k, v) => {
            // As `o[key] = value`: an own key is set, never listed twice (a
            // proxy whose ownKeys lists a key twice throws, as KeysThrow).
            let name = KEYS[usize::from(*k) % KEYS.len()];
            let value = pick(*v);
            let existing = match g.node(pick(*t)) {
                Some(Node::Object { own, .. }) => own.iter().position(|(key, _)| matches!(g.node(*key), Some(Node::Str(s)) if s == name)),
                _ => None,
            };
            let key = g.string(name);
            if let Some(Node::Object { own, .. }) = g.node_mut(pick(*t)) {
                match existing.and_then(|i| own.get_mut(i)) {
                    Some(slot) => slot.1 = Slot::Value(value),
                    None => own.push((key, Slot::Value(value))),
                }
            }
        }
        Hostile::Remove(t, k) => match g.node_mut(pick(*t)) {
            Some(Node::Object { own, .. }) if !own.is_empty() => {
                let i = usize::from(*k) % own.len();
                own.remove(i);
            }
            Some(node) => {
                if let Some(slot) = slot_of(node, *k) {
                    *slot = None;
                }
            }
            None => {}
        },
        Hostile::Share(t, k, v) => {
            let value = pick(*v);
            match g.node_mut(pick(*t)) {
                Some(Node::Object { own, .. }) if !own.is_empty() => {
                    let i = usize::from(*k) % own.len();
                    own[i].1 = Slot::Value(value);
                }
                Some(node) => {
                    if let Some(slot) = slot_of(node, *k) {
                        *slot = Some(Slot::Value(value));
                    }
                }
                None => {}
            }
        }
        Hostile::Inflate(t, count) => {
            if let Some(Node::Array { items, .. }) = g.node_mut(pick(*t)) {
                if !items.is_empty() {
                    let want = usize::from(*count) % 12_001;
                    *items = items.iter().cycle().take(want).copied().collect();
                }
            }
        }
        Hostile::Length(t, bits) => {
            if let Some(Node::Array { length, .. }) = g.node_mut(pick(*t)) {
                *length = Some(number_of(*bits));
            }
        }
        Hostile::Nest(t, depth) => {
            let target = pick(*t);
            if is_key(g, target) {
                return;
            }
            let Some(original) = g.node(target).cloned() else { return };
            let mut inner = g.add(original);
            for _ in 0..(*depth % 10_001) {
                inner = g.array(&[inner]);
            }
            let nested = g.node(inner).cloned().unwrap_or(Node::Undefined);
            replace(g, target, nested);
        }
    }
}

/// Whether node `id` is an object's key: keys stay distinct strings, as in
/// JS (`Object.keys` lists each own key once, as a string).
fn is_key(g: &Graph, id: NodeId) -> bool {
    (0..g.len()).any(|o| matches!(g.node(o), Some(Node::Object { own, .. }) if own.iter().any(|(k, _)| *k == id)))
}

/// Node `id` becomes `node` (never `undefined` itself, which all share,
/// nor a key).
fn replace(g: &mut Graph, id: NodeId, node: Node) {
    if id != UNDEFINED && !is_key(g, id) {
        if let Some(n) = g.node_mut(id) {
            *n = node;
        }
    }
}

/// The `host_campaign` target: decode a case, read its graph with the host
/// reader, check it. Returns whether the campaign was accepted.
pub fn host_case(data: &[u8]) -> bool {
    let case = HostCase::decode(data);
    let (g, root) = case.graph();
    check_host(&g, root).is_ok()
}
