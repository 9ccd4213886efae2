//! The map's geometry file: reproducible from npm `world-atlas` (the committed
//! `data/world-110m.bin` is byte for byte what `make geo` writes), decoded
//! into the places the code table names, and refused with a clear error when
//! corrupt or truncated, without a panic and with bounded work.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs, dead_code)]

#[path = "../build/world_geo.rs"]
mod world_geo;

use careto_viz::geo::projection::equal_earth;
use careto_viz::geo::{World, WORLD_110M};
use careto_viz::model::places::PLACES;
use std::path::Path;

fn world_atlas(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/world-atlas").join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}. The npm devDependency world-atlas 2.0.2 is missing: run `npm ci` (scripts/setup.sh does)", path.display()))
}

#[test]
fn the_committed_file_is_the_conversion_of_world_atlas() {
    let bytes = world_geo::convert(&world_atlas("countries-110m.json"), &world_atlas("countries-10m.json")).unwrap();
    let committed = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/world-110m.bin")).unwrap();
    assert!(
        bytes == committed,
        "data/world-110m.bin ({} bytes) is not what the converter writes ({} bytes): run `make geo` and commit it",
        committed.len(),
        bytes.len()
    );
    assert_eq!(WORLD_110M, committed.as_slice(), "the crate embeds data/world-110m.bin");
}

fn world() -> World {
    World::decode(WORLD_110M).unwrap()
}

/// `(lon, lat)` projected as the decoder projects (y down).
fn at(lon: f64, lat: f64) -> (f64, f64) {
    let (x, y) = equal_earth(lon, lat);
    (x, -y)
}

#[test]
fn every_place_of_the_table_is_on_the_map_and_nothing_else() {
    let w = world();
    let coded: Vec<&str> = w.shapes.iter().filter(|s| s.code.is_some()).map(|s| s.code_str()).collect();
    let table: Vec<&str> = PLACES.iter().map(|p| p.code()).collect();
    assert_eq!(coded, table, "the file's codes, in order, are the table's");
    // Natural Earth's land without an ISO code: N. Cyprus, Somaliland, Kosovo.
    assert_eq!(w.shapes.iter().filter(|s| s.code.is_none()).count(), 3);
    // The places of 1:10m only are points; 1:110m's have polygons.
    let points: Vec<&str> = w.shapes.iter().filter(|s| s.polygons.is_empty()).map(|s| s.code_str()).collect();
    assert_eq!(points.len(), 64, "{points:?}");
    for code in ["GIB", "SGP", "MLT", "BHR", "AND", "MCO", "LIE", "HKG", "VAT"] {
        assert!(points.contains(&code), "{code} is a point");
    }
    for code in ["MAR", "ESH", "CHE", "TUN", "CRI", "BEL"] {
        assert!(w.shape(code).is_some_and(|s| !s.polygons.is_empty()), "{code} has a shape");
    }
}

#[test]
fn western_sahara_keeps_its_borders_and_antarctica_is_left_out() {
    let w = world();
    let esh = w.shape("ESH").unwrap();
    let mar = w.shape("MAR").unwrap();
    assert_eq!(esh.polygons.len(), 1);
    let inside = |s: &careto_viz::geo::CountryShape, (x, y): (f64, f64)| s.polygons.iter().any(|p| even_odd(&p.rings, x, y));
    // Natural Earth 4.1.0 draws Western Sahara's border with Morocco along
    // the Moroccan-built berm (its de facto line), at every scale: east of
    // it (24.0 N, 12.5 W) is Western Sahara; west of it, down to the coast
    // at 21.4 N (23.0 N, 15.3 W), is inside Morocco's shape; Rabat (34.0 N,
    // 6.8 W) is Morocco. The map keeps these borders and says so.
    assert!(inside(esh, at(-12.5, 24.0)) && !inside(mar, at(-12.5, 24.0)));
    assert!(inside(mar, at(-15.3, 23.0)) && !inside(esh, at(-15.3, 23.0)));
    assert!(inside(mar, at(-6.8, 34.0)) && !inside(esh, at(-6.8, 34.0)));
    // Nothing south of Tierra del Fuego's 56° S (Antarctica reaches 60° S and beyond).
    let (_, south) = at(0.0, -57.0);
    assert!(w.bounds.bottom() < south, "bounds {:?}", w.bounds);
    assert!(w.shape("ATA").is_none());
}

fn even_odd(rings: &[Vec<careto_viz::layout::Point>], x: f64, y: f64) -> bool {
    let mut inside = false;
    for ring in rings {
        for e in ring.windows(2) {
            let (a, b) = (e[0], e[1]);
            if (a.y > y) != (b.y > y) && x < a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y) {
                inside = !inside;
            }
        }
    }
    inside
}

#[test]
fn markers_sit_where_the_places_are() {
    let w = world();
    // Gibraltar 36.14 N, 5.35 W; Singapore 1.35 N, 103.8 E; Switzerland's
    // centroid about 46.8 N, 8.2 E (within a degree: 1:110m is coarse).
    for (code, lon, lat, tolerance) in [("GIB", -5.35, 36.14, 0.2), ("SGP", 103.8, 1.35, 0.2), ("CHE", 8.2, 46.8, 1.0), ("TUN", 9.5, 34.0, 1.5)] {
        let s = w.shape(code).unwrap();
        let (x, y) = at(lon, lat);
        let (x1, y1) = at(lon + tolerance, lat + tolerance);
        let d = ((s.location.x - x).powi(2) + (s.location.y - y).powi(2)).sqrt();
        let allowed = ((x1 - x).powi(2) + (y1 - y).powi(2)).sqrt();
        assert!(d <= allowed, "{code}: location {:?}, expected near {x}, {y}", s.location);
    }
}

#[test]
fn rings_are_closed_and_borders_shared() {
    let w = world();
    for s in &w.shapes {
        for p in &s.polygons {
            for r in &p.rings {
                assert!(r.len() >= 2 && r.first() == r.last(), "{}: open ring", s.code_str());
                assert!(r.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
            }
        }
    }
    let arc_points: usize = w.arcs.iter().map(Vec::len).sum();
    let ring_points: usize = w.shapes.iter().flat_map(|s| &s.polygons).flat_map(|p| &p.rings).map(Vec::len).sum();
    assert!(ring_points < 2 * arc_points, "each border is stored once and used by at most two rings");
}

// ------------------------------------------------------------------ bad files

/// A hand-made file: one square arc (0,0)→(10,0)→(10,10)→(0,10)→(0,0), in
/// units of a tenth of the sphere's radius, and one shape "AAA" using it,
/// optionally reversed, plus `extra` at the end.
fn tiny(arc_ref: u8, extra: &[u8]) -> Vec<u8> {
    let mut f = b"CVW2".to_vec();
    f.push(10); // units per radius
    f.push(1); // one arc
    f.push(5); // five points
    f.push(0); // the first from (0, 0), not an earlier arc's end
               // (dx, dy) zigzag: 0,0  +10,0  0,+10  -10,0  0,-10
    f.extend_from_slice(&[0, 0, 20, 0, 0, 20, 19, 0, 0, 19]);
    f.push(1); // one shape
    f.extend_from_slice(b"AAA");
    f.push(1); // one polygon
    f.push(1); // one ring
    f.push(1); // one arc
    f.push(arc_ref); // arc 0 + (arc_ref >> 1, zigzag), reversed if arc_ref is odd
    f.extend_from_slice(extra);
    f
}

#[test]
fn a_hand_made_file_decodes() {
    let w = World::decode(&tiny(0, &[])).unwrap();
    assert_eq!(w.shapes.len(), 1);
    let ring = &w.shapes[0].polygons[0].rings[0];
    assert_eq!(ring.len(), 5);
    // (10, 10) units: 1 radius east, 1 north (the decoder's y runs south).
    assert_eq!((ring[2].x, ring[2].y), (1.0, -1.0));
    // The marker at the square's centroid.
    assert!((w.shapes[0].location.x - 0.5).abs() < 1e-12 && (w.shapes[0].location.y + 0.5).abs() < 1e-12);
    // Reversed (the low bit): the same points the other way round.
    let r = World::decode(&tiny(1, &[])).unwrap();
    let reversed: Vec<_> = r.shapes[0].polygons[0].rings[0].iter().rev().copied().collect();
    assert_eq!(&reversed, ring);
    let seed = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/geometry/square.bin")).unwrap();
    assert_eq!(seed, tiny(0, &[]), "fuzz/seeds/geometry/square.bin is this file");
}

/// A hand-made file whose arcs start at earlier arcs' ends: the square of
/// [`tiny`] in four arcs, (0,0)→(10,0), (10,0)→(10,10), (0,0)→(0,10),
/// (10,10)→(0,10), joined as 0, 1, 3 and 2 reversed, and a fifth arc, used
/// by no ring, (5,5)→(6,6).
fn square_of_four() -> Vec<u8> {
    let mut f = b"CVW2".to_vec();
    // Units, five arcs; each arc: 2 points, from, (dx, dy) zigzag. Endpoints so far, most recent last.
    f.extend_from_slice(&[10, 5]);
    f.extend_from_slice(&[2, 0, 0, 0, 20, 0]); // from 0: (0,0) from (0,0); +10,0. Ends: (0,0) (10,0)
    f.extend_from_slice(&[2, 1, 0, 20]); // from 1: (10,0), the last end; 0,+10. Ends: … (10,0) (10,10)
    f.extend_from_slice(&[2, 4, 0, 20]); // from 4: (0,0), arc 0's first; 0,+10. Ends: … (0,0) (0,10)
    f.extend_from_slice(&[2, 3, 19, 0]); // from 3: (10,10), arc 1's last; -10,0. Ends: … (10,10) (0,10)
    f.extend_from_slice(&[2, 0, 10, 9, 2, 2]); // from 0: (5,5) = (0,10) + (5,-5), the last point before; +1,+1
    f.push(1); // one shape
    f.extend_from_slice(b"AAA");
    f.extend_from_slice(&[1, 1, 4]); // one polygon, one ring of four arcs
    f.extend_from_slice(&[0, 4, 8, 3]); // arc 0; 0 + 1; 1 + 2; 3 - 1 reversed
    f
}

#[test]
fn arcs_start_at_earlier_ends_and_references_step_from_the_one_before() {
    let w = World::decode(&square_of_four()).unwrap();
    let p = |x: f64, y: f64| careto_viz::layout::Point { x, y: -y };
    assert_eq!(
        w.arcs,
        [
            vec![p(0.0, 0.0), p(1.0, 0.0)],
            vec![p(1.0, 0.0), p(1.0, 1.0)],
            vec![p(0.0, 0.0), p(0.0, 1.0)],
            vec![p(1.0, 1.0), p(0.0, 1.0)],
            vec![p(0.5, 0.5), p(0.6, 0.6)]
        ]
    );
    // The same ring as the square of one arc, and the same marker.
    let one = World::decode(&tiny(0, &[])).unwrap();
    assert_eq!(w.shapes[0].polygons, one.shapes[0].polygons);
    assert_eq!(w.shapes[0].location, one.shapes[0].location);
}

#[test]
fn an_arc_cannot_start_at_an_end_not_yet_read() {
    let missing = "the map's geometry file is corrupt or truncated: an arc starts at an endpoint that does not exist yet";
    // The first arc: no endpoint yet.
    let mut first = b"CVW2".to_vec();
    first.extend_from_slice(&[10, 1, 2, 1, 0, 20, 1]);
    assert_eq!(reason(&first), format!("{missing} (byte 8)"));
    // The second arc: two endpoints, not three; nor 2⁶⁴ - 1.
    let mut third = square_of_four();
    assert_eq!(third[13], 1);
    third[13] = 3;
    assert_eq!(reason(&third), format!("{missing} (byte 14)"));
    let mut huge = square_of_four();
    huge.splice(13..14, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    assert_eq!(reason(&huge), format!("{missing} (byte 23)"));
    // The two it has: k = 2 is the first arc's first point (0,0), where a ring of 0, 1 no longer joins.
    let mut two = square_of_four();
    two[13] = 2;
    assert_eq!(reason(&two), "the map's geometry file is corrupt or truncated: a ring's arcs do not join (byte 39)");
}

fn reason(bytes: &[u8]) -> String {
    World::decode(bytes).map(|_| "decoded".to_string()).unwrap_or_else(|e| e.to_string())
}

#[test]
fn bad_files_get_a_clear_error() {
    assert_eq!(reason(b"GIF89a"), "the map's geometry file is corrupt or truncated: it does not start with \"CVW2\" (byte 0)");
    assert_eq!(reason(b"CVW1\x0a\x01\x05\x00\x00"), "the map's geometry file is corrupt or truncated: it does not start with \"CVW2\" (byte 0)");
    assert_eq!(reason(b""), "the map's geometry file is corrupt or truncated: truncated (byte 0)");
    assert_eq!(reason(&tiny(0, &[0])), "the map's geometry file is corrupt or truncated: bytes after the last shape (byte 26)");
    // Arc references out of range: arc 0 - 1, 0 + 1 (of one arc), 0 - 1 reversed,
    // 0 - 2⁶² reversed (u64::MAX), and a ring's second reference (arc 0, then 0 - 1).
    for (bad, at) in [(tiny(2, &[]), 26), (tiny(4, &[]), 26), (tiny(3, &[]), 26)] {
        assert_eq!(reason(&bad), format!("the map's geometry file is corrupt or truncated: an arc reference is out of range (byte {at})"));
    }
    let mut huge = tiny(0, &[]);
    huge.splice(25..26, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    assert_eq!(reason(&huge), "the map's geometry file is corrupt or truncated: an arc reference is out of range (byte 35)");
    let mut second = tiny(0, &[2]);
    second[24] = 2; // two arcs in the ring: arc 0, then arc 0 - 1
    assert_eq!(reason(&second), "the map's geometry file is corrupt or truncated: an arc reference is out of range (byte 27)");
    let mut far = tiny(0, &[]);
    far.splice(8..9, [0xfe, 0xff, 0x7f]); // the first dx: about 1,000,000 units, far outside ±28
    assert!(reason(&far).contains("a point lies outside the map"), "{}", reason(&far));
    // A ring whose arcs do not join: the square, then the square again from its start.
    let mut open = tiny(0, &[]);
    let n = open.len();
    open[n - 2] = 2; // two arcs in the ring
    open.push(0); // arc 0 again: starts at (0,0) where the first ended: joins; use reversed: ends at the start too
    assert_eq!(reason(&open), "decoded", "the same closed arc twice joins and closes");
    // (0,0)→(1,0), then (2,0)→(3,0): the second arc's first point from the first's last.
    let mut gap = b"CVW2".to_vec();
    gap.extend_from_slice(&[10, 2, 2, 0, 0, 0, 2, 0, 2, 0, 2, 0, 2, 0, 1]);
    gap.extend_from_slice(b"AAA");
    gap.extend_from_slice(&[1, 1, 2, 0, 4]); // arcs 0 and 0 + 1
    assert!(reason(&gap).contains("a ring's arcs do not join"), "{}", reason(&gap));
    let mut unclosed = b"CVW2".to_vec();
    unclosed.extend_from_slice(&[10, 1, 2, 0, 0, 0, 2, 0, 1]);
    unclosed.extend_from_slice(b"AAA");
    unclosed.extend_from_slice(&[1, 1, 1, 0]);
    assert!(reason(&unclosed).contains("a ring does not close"), "{}", reason(&unclosed));
    let mut unsorted = tiny(0, &[]);
    unsorted[18] = 2; // two shapes: "AAA" then "AAA" again
    unsorted.extend_from_slice(b"AAA");
    unsorted.extend_from_slice(&[0, 0, 0]);
    assert!(reason(&unsorted).contains("not in order"), "{}", reason(&unsorted));
}

#[test]
fn every_truncation_and_many_corruptions_fail_cleanly() {
    let file = WORLD_110M;
    // Every prefix is refused (never a panic, never a partial world).
    for n in (0..file.len()).step_by(61).chain([file.len() - 1]) {
        let e = World::decode(&file[..n]).unwrap_err();
        assert!(e.offset <= n, "prefix {n}: {e}");
    }
    // Overwritten bytes: an error or a world, never a panic; a world whose rings close.
    let mut decoded = 0;
    for (i, value) in (0..file.len()).step_by(53).zip([0x00u8, 0xff, 0x80, 0x7f, 0x01].iter().cycle()) {
        let mut bad = file.to_vec();
        bad[i] = *value;
        if let Ok(w) = World::decode(&bad) {
            decoded += 1;
            assert!(w.shapes.iter().flat_map(|s| &s.polygons).flat_map(|p| &p.rings).all(|r| r.first() == r.last()));
        }
    }
    assert!(decoded > 0, "some corruptions (a coordinate changed) still decode");
}

/// `v` as a LEB128 varint, as the file writes its counts.
fn varint(f: &mut Vec<u8>, mut v: u32) {
    let low = |v: u32| u8::try_from(v & 0x7f).unwrap();
    while v >= 0x80 {
        f.push(low(v) | 0x80);
        v >>= 7;
    }
    f.push(low(v));
}

#[test]
fn a_file_that_repeats_one_long_arc_is_refused_quickly() {
    // One closed arc of 10,000 points, then a shape whose ring names it
    // 100,000 times: 10⁹ points if assembled. The decoder stops early.
    let mut f = b"CVW2".to_vec();
    f.push(10);
    f.push(1);
    let points = 10_000u32;
    varint(&mut f, points);
    f.extend_from_slice(&[0, 0, 0]);
    for k in 1..points {
        f.extend_from_slice(if k == points - 1 {
            &[0, 0]
        } else if k % 2 == 1 {
            &[2, 0]
        } else {
            &[1, 0]
        });
    }
    f.push(1);
    f.extend_from_slice(b"AAA");
    f.extend_from_slice(&[1, 1]);
    let refs = 100_000u32;
    varint(&mut f, refs);
    f.extend(std::iter::repeat_n(0u8, refs as usize)); // arc 0, then 0 steps from it
    let t = std::time::Instant::now();
    let e = World::decode(&f).unwrap_err();
    assert_eq!(e.reason, "arcs are used more often than borders allow");
    assert!(t.elapsed().as_secs_f64() < 2.0, "{:?}", t.elapsed());
}

#[test]
fn the_smallest_i64_as_a_coordinate_is_refused_not_a_panic() {
    // The geometry fuzz target: a delta of zigzag u64::MAX is i64::MIN, and
    // `i64::MIN.abs()` overflowed (a panic where overflow is checked).
    let crash =
        [b'C', b'V', b'W', b'2', 10, 1, 5, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0xfe, 0xbe, 0xb9, 0xbe, 0xfe, 0xff, 0xf6, 0x10];
    assert_eq!(reason(&crash), "the map's geometry file is corrupt or truncated: a point lies outside the map (byte 26)");
    let seed = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/geometry/crash-i64-min-coordinate.bin")).unwrap();
    assert_eq!(seed, crash, "the fuzz seed is this file");
}
