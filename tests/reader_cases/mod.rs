//! The campaign cases of the page tests (`tests/page/campaign-cases.mjs`),
//! ported to edits of the sample's JSON, and helpers shared by the native
//! tests of the campaign reader. `tests/campaign_reader.rs` checks that
//! every case of the `.mjs` file is here, in the same order.
#![allow(dead_code)]

use careto_viz::campaign_reader::graph::{Graph, NodeId};
use careto_viz::model::Campaign;
use serde_json::{json, Value};

/// The invented sample campaign (`www/sample-campaign.json`) as JSON.
pub fn sample() -> Value {
    serde_json::from_str(include_str!("../../www/sample-campaign.json")).unwrap()
}

/// JSON text as the browser would hand it to `mount`: `JSON.parse`'s object graph.
pub fn graph_of(text: &str) -> (Graph, NodeId) {
    Graph::from_json(&mut serde_json::Deserializer::from_str(text)).unwrap()
}

/// serde's reading of campaign JSON, then the data rules, errors as the browser words them.
pub fn serde_read(text: &str) -> Result<Campaign, String> {
    let c: Campaign = serde_json::from_str(text).map_err(|e| e.to_string())?;
    careto_viz::model::validate::validate(&c).map_err(|e| format!("campaign.{e}"))?;
    Ok(c)
}

/// `/country/0/count` → `campaign.country[0].count` (as the page test does).
pub fn field_path(pointer: &str) -> String {
    let mut out = "campaign".to_string();
    for part in pointer.split('/').filter(|p| !p.is_empty()) {
        if part.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{part}]"));
        } else {
            out.push('.');
            out.push_str(part);
        }
    }
    out
}

fn remove(c: &mut Value, key: &str) -> Value {
    c.as_object_mut().and_then(|o| o.remove(key)).unwrap_or(Value::Null)
}

/// Each broken case: what, the edit, where the schema reports it.
pub type Broken = (&'static str, fn(&mut Value), &'static str);

/// `broken` of campaign-cases.mjs.
pub const BROKEN: &[Broken] = &[
    ("a count of 0", |c| c["country"][0]["count"] = json!(0), "/country/0/count"),
    ("a negative count", |c| c["country"][0]["count"] = json!(-3), "/country/0/count"),
    ("a fractional count", |c| c["country"][0]["count"] = json!(2.5), "/country/0/count"),
    ("a count written as text", |c| c["country"][0]["count"] = json!("unknown"), "/country/0/count"),
    ("a lower-case code", |c| c["country"][0]["code"] = json!("xal"), "/country/0/code"),
    ("a two-letter code", |c| c["country"][0]["code"] = json!("XA"), "/country/0/code"),
    ("a code of no place on the map, not user-assigned", |c| c["country"][0]["code"] = json!("MRC"), "/country/0/code"),
    ("month 13", |c| c["event"][0]["date"] = json!("2019-13"), "/event/0/date"),
    ("31 April", |c| c["event"][0]["date"] = json!("2019-04-31"), "/event/0/date"),
    ("a date with a time", |c| c["event"][0]["date"] = json!("2019-06-14T10:00"), "/event/0/date"),
    ("a year before 1990", |c| c["event"][0]["date"] = json!("1989"), "/event/0/date"),
    ("an unknown status", |c| c["event"][0]["status"] = json!("rumoured"), "/event/0/status"),
    ("an approximate date without a note", |c| drop(remove(&mut c["event"][2], "note")), "/event/2"),
    ("a missing translation", |c| c["name"]["es"] = json!(""), "/name/es"),
    ("a half-translated note", |c| c["event"][2]["note"]["es"] = json!(""), "/event/2/note"),
    ("a missing field", |c| drop(remove(c, "measure")), "/"),
    ("an unknown field", |c| c["colour"] = json!("red"), "/"),
    ("an unknown country field", |c| c["country"][0]["population"] = json!(5), "/country/0"),
    ("a figure without sources", |c| c["country"][1]["sources"] = json!([]), "/country/1/sources"),
    ("a source listed twice", |c| c["country"][1]["sources"] = json!(["X1", "X1"]), "/country/1/sources"),
    ("alternatives for a count not published", |c| c["country"][6]["alternatives"] = json!([{ "value": 4, "sources": ["X1"] }]), "/country/6/alternatives"),
    ("a tab in a label", |c| c["country"][0]["name"]["en"] = json!("Alpha\tland"), "/country/0/name/en"),
    ("a label over 200 characters", |c| c["event"][0]["label"]["en"] = json!("x".repeat(201)), "/event/0/label/en"),
    ("no countries", |c| c["country"] = json!([]), "/country"),
    ("a source id with a space", |c| c["source"][0]["id"] = json!("X 1"), "/source/0/id"),
    ("a source without a url field", |c| drop(remove(&mut c["source"][0], "url")), "/source/0"),
    ("the plural `countries` for `country`", |c| c["countries"] = remove(c, "country"), "/"),
    ("the plural `events` for `event`", |c| c["events"] = remove(c, "event"), "/"),
    ("the plural `sources` for `source`", |c| c["sources"] = remove(c, "source"), "/"),
    ("the plural `totals` for `total`", |c| c["totals"] = remove(c, "total"), "/"),
    ("null for a count not published", |c| c["country"][6]["count"] = Value::Null, "/country/6/count"),
    ("an unknown source kind", |c| c["source"][0]["kind"] = json!("blog"), "/source/0/kind"),
    (
        "the sources of a count not published",
        |c| c["country"][6]["counted_by"] = json!([{ "source": "X1", "measure": { "en": "attacks", "es": "ataques" } }]),
        "/country/6/counted_by",
    ),
    (
        "a count's source without its measure",
        |c| {
            let source = c["country"][0]["sources"][0].clone();
            c["country"][0]["counted_by"] = json!([{ "source": source }]);
        },
        "/country/0/counted_by/0",
    ),
];

/// Each allowed case: what, the edit.
pub type Allowed = (&'static str, fn(&mut Value));

/// `allowed` of campaign-cases.mjs.
pub const ALLOWED: &[Allowed] = &[
    ("a leap day", |c| c["event"][0]["date"] = json!("2020-02-29")),
    ("an empty source date or url", |c| {
        c["source"][0]["date"] = json!("");
        c["source"][0]["url"] = json!("");
    }),
    ("no totals", |c| drop(remove(c, "total"))),
    ("a count not published", |c| {
        c["country"][0]["count"] = json!("not published");
        drop(remove(&mut c["country"][0], "alternatives"));
    }),
    ("source kinds, and every count with its sources' measures", |c| {
        for s in c["source"].as_array_mut().unwrap() {
            s["kind"] = json!("press");
        }
        for k in c["country"].as_array_mut().unwrap() {
            if k["count"].is_number() {
                let by: Vec<Value> =
                    k["sources"].as_array().unwrap().iter().map(|s| json!({ "source": s, "measure": { "en": "attacks", "es": "ataques" } })).collect();
                k["counted_by"] = Value::Array(by);
            }
        }
    }),
    ("a code of the map (Western Sahara)", |c| c["country"][0]["code"] = json!("ESH")),
    ("a code of the map that 1:110m draws as a point (Gibraltar)", |c| c["country"][0]["code"] = json!("GIB")),
    ("a user-assigned code of another range", |c| c["country"][0]["code"] = json!("QMA")),
];

/// Every country code a campaign may use, in order: AAA to ZZZ, those the
/// data rules take (a place of the map, `model::places`, or a code of ISO
/// 3166-1's user-assigned ranges).
pub fn country_codes() -> Vec<String> {
    use careto_viz::model::places::{is_known, is_user_assigned};
    let letter = |k: u32| char::from(b'A' + u8::try_from(k % 26).unwrap());
    (0..26 * 26 * 26).map(|i| [letter(i / 676), letter(i / 26), letter(i)].iter().collect::<String>()).filter(|c| is_known(c) || is_user_assigned(c)).collect()
}

/// Source ids per country in [`largest`].
pub const LARGEST_COUNTRY_SOURCES: usize = 15;

/// The largest campaign within the reader's limits, roughly, valid: a
/// country for every code a campaign may use (1,329, each with 15 source
/// ids), 10,000 events with a source id each, and 5,000 sources: about
/// 46,000 of the 50,000 items in lists.
pub fn largest() -> Value {
    let text = |s: String| json!({ "en": s.clone(), "es": s });
    let mut c = sample();
    c["source"] = (0..5_000).map(|i| json!({ "id": format!("S{i}"), "title": format!("Source {i}"), "publisher": "Invented", "url": "" })).collect();
    let sources = |i: usize| -> Value { (0..LARGEST_COUNTRY_SOURCES).map(|j| format!("S{}", (i * LARGEST_COUNTRY_SOURCES + j) % 5_000)).collect() };
    c["country"] = country_codes()
        .into_iter()
        .enumerate()
        .map(|(i, code)| json!({ "code": code, "name": text(format!("Country {i}")), "count": i + 1, "sources": sources(i) }))
        .collect();
    c["event"] = (0..10_000)
        .map(|i| {
            json!({
                "id": format!("e{i}"), "date": format!("{}", 1990 + i % 100), "label": text(format!("Event {i}")),
                "description": text(format!("Event {i}, invented.")), "status": "reported", "sources": [format!("S{}", (i + 7) % 5_000)],
            })
        })
        .collect();
    for t in c["total"].as_array_mut().unwrap() {
        t["sources"] = json!(["S0"]);
    }
    c["active_period"]["sources"] = json!(["S0"]);
    c
}
