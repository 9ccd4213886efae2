//! Replays the fuzz targets' seed corpora (`fuzz/seeds/<target>/`) through
//! the very checks the targets run (`fuzz/src/checks.rs`, included here), so
//! that `cargo test` keeps those checks compiling and passing between runs of
//! `make fuzz`, and every crash the fuzzer found stays fixed (its input is
//! kept in the seeds).
//!
//! The layout seeds are written by this test: `UPDATE_FUZZ_SEEDS=1 cargo test
//! --test fuzz_seeds` (after changing their list below or the input format).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

#[path = "../fuzz/src/checks.rs"]
mod checks;
#[path = "../fuzz/src/host.rs"]
mod host;

use careto_viz::chart::{ChartOptions, View};
use careto_viz::model::Lang;
use careto_viz::theme::ThemeName;
use checks::{Edit, LayoutCase};
use host::HostCase;
use std::path::{Path, PathBuf};

fn seeds(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds").join(target);
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    files.sort();
    files
}

#[test]
fn campaign_seeds_pass_the_checks() {
    let files = seeds("campaign");
    assert!(!files.is_empty());
    for f in &files {
        let data = std::fs::read(f).unwrap();
        // Each file is checked, valid or not; the two real campaigns must be valid.
        let valid = checks::campaign_json(&data);
        let name = f.file_name().unwrap().to_string_lossy();
        if name == "careto.json" || name == "sample-campaign.json" {
            assert!(valid, "{name} should be a valid campaign");
        }
    }
}

#[test]
fn geometry_seeds_pass_the_checks() {
    let files = seeds("geometry");
    assert!(files.iter().any(|f| f.ends_with("world-110m.bin")));
    for f in &files {
        let data = std::fs::read(f).unwrap();
        let decoded = checks::geometry(&data);
        if f.ends_with("world-110m.bin") {
            assert!(decoded, "the real geometry decodes");
            assert_eq!(data, careto_viz::geo::WORLD_110M, "fuzz/seeds/geometry/world-110m.bin is data/world-110m.bin");
        }
        if f.ends_with("truncated.bin") {
            assert!(!decoded && careto_viz::geo::WORLD_110M.starts_with(&data), "fuzz/seeds/geometry/truncated.bin is a prefix of data/world-110m.bin");
        }
    }
}

/// How `fuzz/seeds/campaign/careto.json` is made from the data file.
const REGENERATE: &str = "python3 -c 'import tomllib,json; json.dump(tomllib.load(open(\"data/careto.toml\",\"rb\")), open(\"fuzz/seeds/campaign/careto.json\",\"w\"), ensure_ascii=False, indent=1)'";

/// The campaign target's main seed is the real data, in the JSON format.
#[test]
fn the_careto_seed_is_the_compiled_in_data() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/campaign/careto.json");
    let parsed: careto_viz::model::Campaign = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(parsed, careto_viz::data::careto(), "fuzz/seeds/campaign/careto.json is stale: regenerate it with {REGENERATE}");
}

/// The layout seeds: both campaigns, every view, language and theme, the
/// widths that matter, and edits toward the edges of what is valid.
fn layout_seeds() -> Vec<(String, LayoutCase)> {
    let mut out = Vec::new();
    let points = vec![(0.0, 0.0), (100.0, 150.0), (300.0, 300.0), (-5.0, 40.0), (5000.0, 200.0)];
    for (view, v) in [(View::Bars, "bars"), (View::Timeline, "timeline"), (View::Map, "map")] {
        for (lang, l) in [(Lang::En, "en"), (Lang::Es, "es")] {
            for width in [0.0, 1.0, 320.0, 375.0, 479.5, 640.0, 1280.0, 4096.0, 1e9, f64::NAN] {
                let theme = if width == 640.0 { ThemeName::Dark } else { ThemeName::Light };
                let options = ChartOptions { view, lang, theme, width, ..ChartOptions::default() };
                out.push((format!("{v}-{l}-{width}"), LayoutCase { sample: false, options, edits: vec![], points: points.clone() }));
            }
            let options = ChartOptions { view, lang, theme: ThemeName::Light, width: 640.0, ..ChartOptions::default() };
            out.push((format!("{v}-{l}-sample"), LayoutCase { sample: true, options, edits: vec![], points: points.clone() }));
        }
    }
    let at = |view, width, edits: Vec<Edit>| LayoutCase {
        sample: false,
        options: ChartOptions { view, lang: Lang::En, theme: ThemeName::Light, width, ..ChartOptions::default() },
        edits,
        points: points.clone(),
    };
    let long = "Somewhere with a very long name indeed, longer than any real one".to_string();
    out.push(("bars-long-texts".into(), at(View::Bars, 280.0, vec![Edit::Text(1, Lang::En, long.clone()), Edit::CountryName(0, Lang::En, long.clone())])));
    out.push(("bars-many-countries".into(), at(View::Bars, 4096.0, vec![Edit::AddCountries(100, 0, String::new()), Edit::AddCountries(30, 7, "X".into())])));
    out.push(("bars-huge-count".into(), at(View::Bars, 640.0, vec![Edit::Count(0, u32::MAX), Edit::Count(1, 1)])));
    out.push(("timeline-crowded".into(), at(View::Timeline, 280.0, vec![Edit::AddEvents(20, 24, 2, 10, 2, "Same day".into())])));
    out.push(("timeline-long-alleged".into(), at(View::Timeline, 320.0, vec![Edit::EventStatus(0, 2), Edit::EventLabel(0, Lang::En, long.clone())])));
    out.push(("timeline-one-year".into(), at(View::Timeline, 280.0, vec![Edit::Period(24, 1, 24, 12), Edit::EventDate(0, 24, 0, 0, false)])));
    out.push(("timeline-wide-range".into(), at(View::Timeline, 4096.0, vec![Edit::EventDate(0, 0, 1, 1, true), Edit::EventDate(1, 110, 12, 31, false)])));
    out.push(("map-many-countries".into(), at(View::Map, 320.0, vec![Edit::AddCountries(250, 5, String::new()), Edit::AddCountries(20, 0, "Z".into())])));
    out.push(("map-huge-counts".into(), at(View::Map, 4096.0, vec![Edit::Count(0, u32::MAX), Edit::Count(30, 2), Edit::RemoveCountry(3)])));
    out.push(("map-long-texts".into(), at(View::Map, 280.0, vec![Edit::Text(1, Lang::En, long.clone()), Edit::Text(3, Lang::En, long.clone())])));
    // The inputs of the crashes found so far (see tests/layout.rs).
    out.push((
        "crash-year-labels-1990-2100-at-280".into(),
        at(View::Timeline, 280.0, vec![Edit::EventDate(0, 0, 0, 0, false), Edit::EventDate(1, 110, 12, 31, false)]),
    ));
    let mut sample_narrow = at(View::Timeline, 280.0, vec![]);
    sample_narrow.sample = true;
    sample_narrow.options.lang = Lang::Es;
    out.push(("crash-sample-timeline-es-280".into(), sample_narrow));
    out
}

#[test]
fn layout_seeds_pass_the_checks() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/layout");
    if std::env::var_os("UPDATE_FUZZ_SEEDS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, case) in layout_seeds() {
            std::fs::write(dir.join(format!("{name}.bin")), case.encode()).unwrap();
        }
    }
    // The generated seeds decode to their cases.
    for (name, case) in layout_seeds() {
        let decoded = LayoutCase::decode(&case.encode());
        assert_eq!(format!("{decoded:?}"), format!("{case:?}"), "{name}: encode/decode round trip");
    }
    let files = seeds("layout");
    assert!(files.len() >= layout_seeds().len(), "run UPDATE_FUZZ_SEEDS=1 cargo test --test fuzz_seeds");
    let mut laid_out = 0;
    for f in &files {
        if checks::layout_case(&std::fs::read(f).unwrap()) {
            laid_out += 1;
        }
    }
    assert!(laid_out * 2 > files.len(), "most layout seeds should be valid campaigns ({laid_out} of {})", files.len());
}

/// The host_campaign seeds: the two campaigns as they are, and the hostile
/// objects of issue 13 (node ids looked up in the sample's graph).
fn host_seeds() -> Vec<(&'static str, HostCase, bool)> {
    use host::Hostile::*;
    let (g, root) = HostCase { sample: true, edits: vec![] }.graph();
    let id = |path: &[&str]| -> u16 {
        let node = path.iter().fold(root, |id, step| match step.parse::<usize>() {
            Ok(i) => g.item_of(id, i).unwrap(),
            Err(_) => g.field(id, step).unwrap(),
        });
        u16::try_from(node).unwrap()
    };
    let sample = |edits| HostCase { sample: true, edits };
    let notes = id(&["country", "0", "notes"]);
    vec![
        ("careto", HostCase { sample: false, edits: vec![] }, true),
        ("sample", sample(vec![]), true),
        // 1,000 countries sharing one list of 10,000 source ids: refused at the budget.
        ("shared-sources", sample(vec![Inflate(id(&["country"]), 1_000), Inflate(id(&["country", "1", "sources"]), 10_000)]), false),
        ("revoked-country", sample(vec![Revoke(id(&["country", "0"]))]), false),
        ("throwing-getter", sample(vec![Throws(id(&["country", "0"]), 1)]), false),
        ("keys-throw", sample(vec![KeysThrow(id(&["country", "2"]))]), false),
        // Inherited notes are no notes: still accepted, and read as serde reads the JSON.
        ("proto-notes", sample(vec![Proto(id(&["country", "1"]), 12, notes), Proto(id(&["country", "0"]), 4, id(&["country"]))]), true),
        ("terabyte-name", sample(vec![Huge(id(&["name", "en"]), "x".into(), u32::MAX)]), false),
        ("nested-notes", sample(vec![Nest(notes, 10_000)]), false),
        ("length-nan", sample(vec![Length(id(&["country"]), 0)]), false),
        ("length-billion", sample(vec![Length(id(&["event"]), 1_000_000_000_f64.to_bits())]), false),
        ("hole", sample(vec![Remove(id(&["event"]), 1)]), false),
        ("count-2-53", sample(vec![Number(id(&["country", "0", "count"]), 8)]), false),
        ("count-bigint", sample(vec![Primitive(id(&["country", "0", "count"]), 4)]), false),
        ("date-symbol", sample(vec![Primitive(id(&["event", "0", "date"]), 5)]), false),
        ("cycle", sample(vec![Share(id(&["country", "0", "notes"]), 0, id(&["country", "0"]))]), false),
    ]
}

#[test]
fn host_campaign_seeds_pass_the_checks() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/host_campaign");
    if std::env::var_os("UPDATE_FUZZ_SEEDS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, case, _) in host_seeds() {
            std::fs::write(dir.join(format!("{name}.bin")), case.encode()).unwrap();
        }
    }
    for (name, case, accepted) in host_seeds() {
        assert_eq!(HostCase::decode(&case.encode()), case, "{name}: encode/decode round trip");
        assert_eq!(host::host_case(&std::fs::read(dir.join(format!("{name}.bin"))).unwrap()), accepted, "{name}");
    }
    for f in seeds("host_campaign") {
        host::host_case(&std::fs::read(f).unwrap());
    }
}

/// Every field name of the data file's schema, at any depth, is a key the
/// host_campaign target's hostile objects may add (`host::KEYS`): a field the
/// format gains is fuzzed as the older ones are.
#[test]
fn hostile_keys_cover_the_schema() {
    fn names(node: &serde_json::Value, out: &mut Vec<String>) {
        match node {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    if key == "properties" {
                        if let serde_json::Value::Object(fields) = value {
                            out.extend(fields.keys().cloned());
                        }
                    }
                    names(value, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|item| names(item, out)),
            _ => {}
        }
    }
    let schema: serde_json::Value = serde_json::from_str(include_str!("../campaign.schema.json")).unwrap();
    let mut all = Vec::new();
    names(&schema, &mut all);
    assert!(all.len() > 40, "the schema's field names were not found: {all:?}");
    let missing: Vec<&String> = all.iter().filter(|name| !host::KEYS.contains(&name.as_str())).collect();
    assert!(missing.is_empty(), "fuzz/src/host.rs KEYS lacks the schema's field names {missing:?}");
}
