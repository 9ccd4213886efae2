//! The browser's campaign reader (`src/campaign_reader/`), run natively on
//! its twin of a JS object graph (`campaign_reader::graph`): the very code
//! `mount` runs on `options.campaign`, here given the campaign cases of the
//! page tests (which must agree with serde's reading of the same JSON), and
//! hostile graphs (issue 13): shared arrays, huge strings, throwing getters,
//! holes, lying lengths, deep nesting, BigInts, polluted prototypes.
//!
//! Work is bounded by counting the reader's calls into the graph, not by
//! timing (the page test `hostile.test.mjs` times the refusal in Chromium).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

mod reader_cases;

use careto_viz::campaign_reader::graph::{Graph, Node, NodeId, Slot};
use careto_viz::campaign_reader::{read_and_validate, read_with, Reading, BUDGET};
use careto_viz::model::Campaign;
use reader_cases::{field_path, graph_of, sample, serde_read, ALLOWED, BROKEN};
use serde_json::{json, Value};

/// The reader on the graph, as `mount` runs it (read, then the data rules).
fn host_read(g: &Graph, root: NodeId) -> Result<Campaign, String> {
    read_and_validate(g.value(root))
}

/// The node at a path of plain fields and items.
fn at(g: &Graph, root: NodeId, path: &[&str]) -> NodeId {
    path.iter().fold(root, |id, step| match step.parse::<usize>() {
        Ok(i) => g.item_of(id, i).unwrap_or_else(|| panic!("no item {i} in {path:?}")),
        Err(_) => g.field(id, step).unwrap_or_else(|| panic!("no field {step} in {path:?}")),
    })
}

/// Replaces the node at `path` with `node`.
fn set(g: &mut Graph, root: NodeId, path: &[&str], node: Node) {
    let id = at(g, root, path);
    *g.node_mut(id).unwrap() = node;
}

fn refused(g: &Graph, root: NodeId) -> String {
    host_read(g, root).expect_err("the reader accepted it")
}

// ------------------------------------------------------------------ agreement

#[test]
fn both_readers_accept_the_sample_and_the_real_data_alike() {
    let real = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/seeds/campaign/careto.json")).unwrap();
    for (what, text) in [("sample", sample().to_string()), ("careto.json", real)] {
        let by_serde = serde_read(&text).unwrap_or_else(|e| panic!("{what}: serde: {e}"));
        let (g, root) = graph_of(&text);
        assert_eq!(host_read(&g, root).unwrap_or_else(|e| panic!("{what}: reader: {e}")), by_serde, "{what}");
    }
}

#[test]
fn both_readers_refuse_the_broken_cases_of_the_page_tests() {
    for (what, edit, pointer) in BROKEN {
        let mut c = sample();
        edit(&mut c);
        let text = c.to_string();
        let by_serde = serde_read(&text);
        assert!(by_serde.is_err(), "{what}: serde accepted it");
        let (g, root) = graph_of(&text);
        let message = refused(&g, root);
        let field = field_path(pointer);
        assert!(
            message.contains(&format!("{field}:")) || message.contains(&format!("{field}.")) || message.contains(&format!("{field}[")),
            "{what}: {message} does not name {field}"
        );
        // Where both read the JSON, the data rules say the same first thing.
        if let (Err(a), Ok(_)) = (&by_serde, careto_viz::campaign_reader::read(g.value(root))) {
            assert_eq!(a, &message, "{what}");
        }
    }
}

#[test]
fn both_readers_accept_the_allowed_cases_of_the_page_tests_alike() {
    for (what, edit) in ALLOWED {
        let mut c = sample();
        edit(&mut c);
        let text = c.to_string();
        let by_serde = serde_read(&text).unwrap_or_else(|e| panic!("{what}: serde: {e}"));
        let (g, root) = graph_of(&text);
        assert_eq!(host_read(&g, root).unwrap_or_else(|e| panic!("{what}: reader: {e}")), by_serde, "{what}");
    }
}

/// The `null` count, where the two readers once disagreed: both refuse it
/// now, as the schema does, with the same message.
#[test]
fn null_is_no_count_for_either_reader() {
    let mut c = sample();
    c["country"][6]["count"] = Value::Null;
    let text = c.to_string();
    let (g, root) = graph_of(&text);
    let expected = "a whole number >= 1 or the string \"not published\"";
    assert_eq!(refused(&g, root), format!("campaign.country[6].count: expected {expected}, got null"));
    let e = serde_read(&text).unwrap_err();
    assert!(e.contains(&format!("invalid type: null, expected {expected}")), "{e}");
}

/// serde's derived structs also read an array as a struct (`["en", "es"]`
/// for a text); the schema and the browser do not, and now neither does serde.
#[test]
fn neither_reader_takes_an_array_for_an_object() {
    for edit in [
        (|c: &mut Value| c["name"] = json!(["Invented", "Inventado"])) as fn(&mut Value),
        |c| c["country"][0]["name"] = json!(["Alphaland", "Alfalandia"]),
        |c| c["event"][0]["status"] = json!({ "reported": null }),
        |c| c["total"][0]["value"] = json!(8.0),
    ] {
        let mut c = sample();
        edit(&mut c);
        let text = c.to_string();
        let (g, root) = graph_of(&text);
        assert_eq!(serde_read(&text).is_ok(), host_read(&g, root).is_ok(), "{text:.200}");
    }
}

// ------------------------------------------------------------------ the budget (13.2)

/// The hostile object of issue 13: 1,000 countries sharing one array of
/// 10,000 source ids (ten billion items in a few kilobytes; it froze a page
/// for 40 s). Refused after reading about the budget, naming the limit.
#[test]
fn many_entries_sharing_one_large_array_are_refused_at_the_budget() {
    let (mut g, root) = graph_of(&sample().to_string());
    let x1 = g.string("X1");
    let country = at(&g, root, &["country", "1"]);
    let sources = at(&g, root, &["country", "1", "sources"]);
    *g.node_mut(sources).unwrap() = Node::Array { items: vec![Some(Slot::Value(x1)); 10_000], length: None };
    let countries = at(&g, root, &["country"]);
    *g.node_mut(countries).unwrap() = Node::Array { items: vec![Some(Slot::Value(country)); 1_000], length: None };
    let e = refused(&g, root);
    assert!(e.starts_with("campaign.country["), "{e}");
    assert!(e.ends_with(".sources: too much data: a campaign holds at most 50000 items in all its lists together"), "{e}");
    let stats = g.stats();
    let items = u64::from(BUDGET.items);
    assert!(stats.calls <= 8 * items, "{} calls for a budget of {items} items", stats.calls);
    assert!(stats.bytes_copied <= 3 * items + 100_000, "{} bytes copied", stats.bytes_copied);
}

/// A string of a terabyte is refused after copying no more than the budget.
#[test]
fn a_huge_string_is_refused_after_copying_at_most_the_budget() {
    let (mut g, root) = graph_of(&sample().to_string());
    set(&mut g, root, &["name", "en"], Node::Huge { unit: "x".into(), times: 1 << 40 });
    assert_eq!(refused(&g, root), "campaign.name.en: too much text: a campaign holds at most 2000000 bytes of text in all its strings together");
    // Copied up to what was left of the budget (and a few keys), never the terabyte.
    assert!(g.stats().bytes_copied <= BUDGET.text_bytes as u64 + 1_000, "{:?}", g.stats());
}

/// One 1 MB string under every note of 1,000 countries: refused when the
/// text read passes 2 MB, after copying no more than 3 MB.
#[test]
fn one_large_string_shared_by_many_notes_is_refused_at_the_text_budget() {
    let (mut g, root) = graph_of(&sample().to_string());
    let mb = g.add(Node::Huge { unit: "é".into(), times: 500_000 });
    let note = g.object(&[("en", mb), ("es", mb)]);
    let notes = g.array(&vec![note; 1_000]);
    let existing = at(&g, root, &["country", "0", "notes"]);
    *g.node_mut(existing).unwrap() = g.node(notes).unwrap().clone();
    assert_eq!(refused(&g, root), "campaign.country[0].notes[0].es: too much text: a campaign holds at most 2000000 bytes of text in all its strings together");
    assert!(g.stats().bytes_copied <= 3_000_000, "{:?}", g.stats());
}

/// The largest campaign the limits allow is read: a country for each of the
/// 1,329 codes a campaign may use (the map's 237 places and ISO 3166-1's
/// 1,092 user-assigned codes: the real ceiling for countries, which the
/// reader's budget doc and the README state), each with 15 source ids;
/// 10,000 events with one each; 5,000 sources. Close to the 50,000 items.
#[test]
fn the_largest_campaign_within_the_limits_is_read() {
    assert_eq!(reader_cases::country_codes().len(), 237 + 26 + 14 * 26 + 676 + 26);
    assert_eq!(reader_cases::country_codes().len(), 1_329);
    let c = reader_cases::largest();
    let text = c.to_string();
    let (g, root) = graph_of(&text);
    let campaign = host_read(&g, root).unwrap();
    assert_eq!((campaign.countries.len(), campaign.events.len(), campaign.sources.len()), (1_329, 10_000, 5_000));
    let (_, spent) = read_with(g.value(root), BUDGET);
    assert_eq!(spent.items, 46_269, "the figure the budget docs give");
    assert_eq!(Ok(campaign), serde_read(&text));
    // One country more, whatever its code, is one the data rules refuse.
    let mut more = c.clone();
    let extra = json!({ "code": "ZZZ", "name": { "en": "One more", "es": "Uno más" }, "count": 1, "sources": ["S0"] });
    more["country"].as_array_mut().unwrap().push(extra);
    let (g, root) = graph_of(&more.to_string());
    assert_eq!(refused(&g, root), "campaign.country[1329].code: duplicate country code \"ZZZ\"");
}

/// A large campaign is read across the page's tasks, a slice at a time
/// (`Reading`, issue 13.3): slices of any size read exactly what one pass
/// reads (the campaign or the same first error, the same budget spent),
/// and each slice reads as many of the long lists' items as it is given.
#[test]
fn a_campaign_read_a_slice_at_a_time_is_the_campaign_read_at_once() {
    let mut cases = vec![("largest".to_string(), reader_cases::largest())];
    for (what, edit, _) in BROKEN {
        let mut c = sample();
        edit(&mut c);
        cases.push(((*what).to_string(), c));
    }
    let mut over = sample();
    over["country"] =
        Value::Array((0..2_000).map(|_| json!({ "code": "XAA", "name": { "en": "A", "es": "A" }, "count": 1, "sources": vec!["S1"; 40] })).collect());
    cases.push(("over the item budget".to_string(), over));
    for (what, c) in &cases {
        let (g, root) = graph_of(&c.to_string());
        let (whole, spent) = read_with(g.value(root), BUDGET);
        for n in [1, 7, 250, 1_000] {
            let mut reading = Reading::start(g.value(root), BUDGET);
            let mut steps = 0;
            while !reading.step(n) {
                steps += 1;
            }
            assert_eq!(reading.finish(), (whole.clone(), spent), "{what}, {n} at a time");
            if what == "largest" {
                // 16,329 items in the long lists (1,329 countries, 10,000 events, 5,000 sources).
                assert_eq!(steps, 16_329_usize.div_ceil(n as usize) - 1, "{what}, {n} at a time: {steps} slices");
            }
        }
    }
}

#[test]
fn a_list_over_ten_thousand_items_or_with_a_lying_length_is_refused() {
    for (length, expected) in [
        (10_001.0, "campaign.country: 10001 items; a list holds at most 10000"),
        (1e9, "campaign.country: 1000000000 items; a list holds at most 10000"),
        (f64::INFINITY, "campaign.country: Infinity items; a list holds at most 10000"),
        (f64::NAN, "campaign.country: its length, NaN, is not a number of items"),
        (-1.0, "campaign.country: its length, -1, is not a number of items"),
        (2.5, "campaign.country: its length, 2.5, is not a number of items"),
        // Longer than its items: the first missing one is a hole.
        (9.0, "campaign.country[8]: an empty slot (the array has a hole here)"),
    ] {
        let (mut g, root) = graph_of(&sample().to_string());
        let countries = at(&g, root, &["country"]);
        if let Some(Node::Array { length: l, .. }) = g.node_mut(countries) {
            *l = Some(length);
        }
        assert_eq!(refused(&g, root), expected);
        assert!(g.stats().calls < 2_000, "{length}: {:?}", g.stats());
    }
}

/// Nesting costs nothing: the reader descends only where the schema says.
#[test]
fn a_value_nested_ten_thousand_deep_is_refused_at_its_first_level() {
    let (mut g, root) = graph_of(&sample().to_string());
    let mut deep = g.string("bottom");
    for _ in 0..10_000 {
        deep = g.array(&[deep]);
    }
    let notes = at(&g, root, &["country", "0", "notes"]);
    *g.node_mut(notes).unwrap() = g.node(deep).unwrap().clone();
    assert_eq!(refused(&g, root), "campaign.country[0].notes[0]: expected an object, got an array");
    assert!(g.stats().calls < 500, "{:?}", g.stats());
}

// ------------------------------------------------------------------ hostile values (13.1, 13.7, 13.8)

#[test]
fn getters_proxies_and_holes_that_throw_or_lie_are_named() {
    let cases: [(&[&str], Node, &str); 5] = [
        (&["country", "0"], Node::Revoked, "campaign.country[0]: expected an object, got an object that cannot be read (a revoked proxy?)"),
        (&["country"], Node::Revoked, "campaign.country: expected an array, got an object that cannot be read (a revoked proxy?)"),
        (
            &["country", "0"],
            Node::Object { own: vec![], proto: vec![], keys_throw: true },
            "campaign.country[0]: cannot be read (its keys could not be listed)",
        ),
        (&["country", "0", "count"], Node::BigInt, "campaign.country[0].count: expected a whole number >= 1 or the string \"not published\", got a BigInt"),
        (&["event", "0", "date"], Node::Symbol, "campaign.event[0].date: expected a string, got a Symbol"),
    ];
    for (path, node, expected) in cases {
        let (mut g, root) = graph_of(&sample().to_string());
        set(&mut g, root, path, node);
        assert_eq!(refused(&g, root), expected, "{path:?}");
    }
    // A getter that throws, and a hole.
    let (mut g, root) = graph_of(&sample().to_string());
    let country = at(&g, root, &["country", "0"]);
    let name = at(&g, root, &["country", "0", "name"]);
    if let Some(Node::Object { own, .. }) = g.node_mut(country) {
        own.iter_mut().filter(|(_, s)| *s == Slot::Value(name)).for_each(|(_, s)| *s = Slot::Throws);
    }
    assert_eq!(refused(&g, root), "campaign.country[0].name: cannot be read (a getter or proxy threw)");
    let (mut g, root) = graph_of(&sample().to_string());
    let countries = at(&g, root, &["country"]);
    if let Some(Node::Array { items, .. }) = g.node_mut(countries) {
        items[2] = None;
    }
    assert_eq!(refused(&g, root), "campaign.country[2]: an empty slot (the array has a hole here)");
}

/// 13.7: what lives on the prototype is never read (a polluted
/// `Object.prototype.notes` once became a note on every country).
#[test]
fn properties_of_the_prototype_are_never_read() {
    let text = sample().to_string();
    let (mut g, root) = graph_of(&text);
    let note_en = g.string("polluted");
    let note = g.object(&[("en", note_en), ("es", note_en)]);
    let notes = g.array(&[note]);
    let yes = g.add(Node::Bool(true));
    let ids = g.array(&[note_en]);
    for id in 0..g.len() {
        if let Some(Node::Object { proto, .. }) = g.node_mut(id) {
            proto.extend([("notes".to_string(), notes), ("government_targets_only".to_string(), yes), ("total".to_string(), ids), ("note".to_string(), note)]);
        }
    }
    let read = host_read(&g, root).unwrap();
    assert_eq!(read, serde_read(&text).unwrap(), "nothing of the prototype in the campaign");
    assert!(read.countries.iter().all(|c| c.notes.iter().all(|n| n.en != "polluted")));
}

/// 13.8: messages repeat at most 40 characters of any input, name BigInt
/// and Symbol, say "too large" for a number too large, and print infinity
/// as JS does.
#[test]
fn messages_clip_input_and_name_numbers_as_js_does() {
    let long = "y".repeat(1_000_000);
    let clipped = format!("{}…", "y".repeat(40));
    let cases: [(&str, Value, String); 8] = [
        ("/event/0/status", json!(long), format!("campaign.event[0].status: unknown variant `{clipped}`, expected one of `reported`, `secondary`, `alleged`")),
        ("/country/0/count", json!(long), format!("campaign.country[0].count: \"{clipped}\" is not a count; write a number or \"not published\"")),
        ("/country/0/code", json!(long), format!("campaign.country[0].code: \"{clipped}\" is not an ISO 3166-1 alpha-3 code (3 uppercase letters A-Z)")),
        ("/event/0/date", json!(long), format!("campaign.event[0].date: \"{clipped}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")),
        (
            "/country/0/government_targets_only",
            json!(long),
            format!("campaign.country[0].government_targets_only: expected true or false, got the string \"{clipped}\""),
        ),
        (
            "/country/0/count",
            json!(9_007_199_254_740_993_u64),
            "campaign.country[0].count: 9007199254740992 is too large for a count (at most 4294967295)".to_string(),
        ),
        ("/total/0/value", json!(1e300), "campaign.total[0].value: 1e+300 is too large for a figure (at most 4294967295)".to_string()),
        ("/total/0/value", json!(-2), "campaign.total[0].value: -2 is negative; a figure is >= 0".to_string()),
    ];
    for (pointer, value, expected) in cases {
        let mut c = sample();
        *c.pointer_mut(pointer).unwrap() = value;
        let (g, root) = graph_of(&c.to_string());
        assert_eq!(refused(&g, root), expected, "{pointer}");
    }
    // A key of a megabyte, and the infinities (not in JSON: set on the graph).
    let (mut g, root) = graph_of(&sample().to_string());
    let key = g.string(&long);
    let one = g.add(Node::Number(1.0));
    let country = at(&g, root, &["country", "0"]);
    if let Some(Node::Object { own, .. }) = g.node_mut(country) {
        own.insert(0, (key, Slot::Value(one)));
    }
    let e = refused(&g, root);
    assert!(e.starts_with("campaign.country[0]: unknown field of 1000000 characters, expected one of `code`"), "{e}");
    assert!(g.stats().bytes_copied < 100_000, "the key was not copied: {:?}", g.stats());
    // A key of 50 characters is repeated, clipped.
    let mut c = sample();
    c["country"][0]["y".repeat(50)] = json!(1);
    let (g, root) = graph_of(&c.to_string());
    assert!(refused(&g, root).starts_with(&format!("campaign.country[0]: unknown field `{clipped}`, expected one of `code`")));
    for (n, expected) in [
        (f64::INFINITY, "campaign.country[0].count: Infinity is too large for a count (at most 4294967295)"),
        (f64::NEG_INFINITY, "campaign.country[0].count: -Infinity is negative; a count is >= 1"),
        (f64::NAN, "campaign.country[0].count: NaN is not a whole number >= 1"),
    ] {
        let (mut g, root) = graph_of(&sample().to_string());
        set(&mut g, root, &["country", "0", "count"], Node::Number(n));
        assert_eq!(refused(&g, root), expected);
    }
}

/// The page tests' cases are all here (tests/reader_cases/mod.rs ports them).
#[test]
fn every_case_of_the_page_tests_is_ported() {
    let mjs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/page/campaign-cases.mjs")).unwrap();
    let names: Vec<&str> = mjs.lines().filter_map(|l| l.trim_start().strip_prefix("[\"")?.split_once("\", (c)").map(|(n, _)| n)).collect();
    let ported: Vec<&str> = BROKEN.iter().map(|c| c.0).chain(ALLOWED.iter().map(|c| c.0)).collect();
    assert_eq!(names, ported);
}
