//! Converts Natural Earth's countries, as npm `world-atlas` 2.0.2 ships them
//! (TopoJSON, ISO numeric ids), into the map's compact geometry file (its
//! format: `src/geo/mod.rs`).
//!
//! Run by `make geo` (`cargo run --example careto-geo`), which writes
//! `data/world-110m.bin`; `tests/geometry.rs` includes this file, converts
//! again and checks that the committed file is byte for byte the result.
//!
//! What it does:
//! - the shapes of `countries-110m.json`, Antarctica left out; each ISO
//!   numeric id becomes its alpha-3 code through `model::places` (an id
//!   missing from the table is an error); land without an id keeps no code;
//! - arcs kept shared between neighbours (each border once), projected with
//!   Equal Earth, quantised to [`UNITS_PER_RADIUS`], repeated points
//!   dropped, simplified (Douglas–Peucker, [`SIMPLIFY_UNITS`]: each arc on
//!   its own, its ends kept, so neighbours still share their borders), delta-
//!   and varint-encoded, an arc that starts at an earlier arc's end naming
//!   that end instead of repeating it, and each arc reference written as the
//!   step from the one before (the format's version 2: 9,591 B gzip -9,
//!   where version 1's absolute first points and references took 11,347 B);
//! - every place of the table that 1:110m lacks (Gibraltar, Singapore,
//!   Malta…) as a point at the centroid of its largest ring in
//!   `countries-10m.json`.
//!
//! The output depends on the two input files only: the same input gives the
//! same bytes.

use careto_viz::model::places::{Place, PLACES};
use serde_json::Value;

/// Coordinate units per sphere radius, in Equal Earth's plane: 0.002 of the
/// radius (about a tenth of a degree, 13 km), under half a pixel on a
/// 1,280 px world and far under 1:110m's own accuracy. (Half as many, 250,
/// gave the same file size after simplification but moved the corners of
/// the smallest countries enough to change Switzerland's area at 1,280 px
/// by a quarter.)
pub const UNITS_PER_RADIUS: u32 = 500;

/// Points within this distance (in units: 0.003 of the radius, 0.7 px on a
/// 1,280 px chart, whose world is about 1,256 px wide, 237 px per radius)
/// of the line through the points kept around them are dropped
/// (Douglas–Peucker): nothing a reader can see at widths up to 1,280 px, and
/// a fifth of the file (14,342 → 11,347 B gzip, in the format's version 1).
pub const SIMPLIFY_UNITS: f64 = 1.5;

/// `points` simplified by Douglas–Peucker within [`SIMPLIFY_UNITS`]: the
/// ends kept (an arc's ends are where it meets its neighbours). A closed
/// arc (an island: first point = last) is cut at its point farthest from
/// the start and keeps at least a triangle, so no ring collapses.
fn simplify(points: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let n = points.len();
    if n <= 2 {
        return points.to_vec();
    }
    let mut keep = vec![false; n];
    let mark = |keep: &mut [bool], k: usize| {
        if let Some(slot) = keep.get_mut(k) {
            *slot = true;
        }
    };
    mark(&mut keep, 0);
    mark(&mut keep, n - 1);
    // Coordinates are within ±700 units: exact as i32, and so as f64.
    let float = |v: i64| f64::from(i32::try_from(v).unwrap_or(0));
    let at = |k: usize| points.get(k).map_or((0.0, 0.0), |p| (float(p.0), float(p.1)));
    // The point between i and j farthest from the line (segment) i–j, and its distance.
    let farthest = |i: usize, j: usize| -> Option<(usize, f64)> {
        let ((x1, y1), (x2, y2)) = (at(i), at(j));
        let (dx, dy) = (x2 - x1, y2 - y1);
        let length = (dx * dx + dy * dy).sqrt();
        (i + 1..j)
            .map(|k| {
                let (x, y) = at(k);
                let d = if length == 0.0 { ((x - x1).powi(2) + (y - y1).powi(2)).sqrt() } else { (dy * x - dx * y + x2 * y1 - y2 * x1).abs() / length };
                (k, d)
            })
            .fold(None, |best: Option<(usize, f64)>, (k, d)| if best.is_some_and(|b| b.1 >= d) { best } else { Some((k, d)) })
    };
    let mut stack = Vec::new();
    if points.first() == points.last() {
        // An island: split at the point farthest from the start, keep it.
        let (x0, y0) = at(0);
        let far = (1..n - 1).max_by(|&a, &b| {
            let d = |k: usize| (at(k).0 - x0).powi(2) + (at(k).1 - y0).powi(2);
            d(a).total_cmp(&d(b))
        });
        if let Some(far) = far {
            mark(&mut keep, far);
            stack.push((0, far));
            stack.push((far, n - 1));
        }
    } else {
        stack.push((0, n - 1));
    }
    while let Some((i, j)) = stack.pop() {
        if let Some((k, d)) = farthest(i, j) {
            if d > SIMPLIFY_UNITS {
                mark(&mut keep, k);
                stack.push((i, k));
                stack.push((k, j));
            }
        }
    }
    // An island keeps a triangle at least: its start, its farthest point, and
    // the point farthest from the line between them.
    let kept = |keep: &[bool], k: usize| keep.get(k).copied().unwrap_or(false);
    if points.first() == points.last() && keep.iter().filter(|k| **k).count() < 4 {
        if let Some(far) = (1..n - 1).find(|k| kept(&keep, *k)) {
            let side = |k: usize| {
                let ((x1, y1), (x2, y2), (x, y)) = (at(0), at(far), at(k));
                ((x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)).abs()
            };
            if let Some(k) = (1..n - 1).filter(|k| !kept(&keep, *k)).max_by(|a, b| side(*a).total_cmp(&side(*b))) {
                mark(&mut keep, k);
            }
        }
    }
    points.iter().zip(&keep).filter(|(_, k)| **k).map(|(p, _)| *p).collect()
}

/// Rings that cross the antimeridian (Fiji, Russia's Chukotka and Wrangel
/// Island: a step from 180° to −180°) become one closed ring per side,
/// each a new arc of its own, closed along the map's edge; a planar
/// projection would otherwise draw the step as a line across the world.
/// The arcs they used (none is a border with another country) fall out of
/// use and are not written.
fn split_at_antimeridian(t: &mut Topology) -> Result<(), String> {
    let jumps = |ring: &[(f64, f64)]| ring.windows(2).any(|w| matches!(w, [p, q] if (p.0 - q.0).abs() > 180.0));
    let mut countries = std::mem::take(&mut t.countries);
    for (_, polygons) in &mut countries {
        let mut out: Polygons = Vec::new();
        for polygon in std::mem::take(polygons) {
            let outer = ring_points(&t.arcs, polygon.first().map(Vec::as_slice).unwrap_or(&[]))?;
            if !jumps(&outer) {
                out.push(polygon);
                continue;
            }
            if polygon.len() > 1 {
                return Err("a ring with holes crosses the antimeridian".into());
            }
            for piece in split_ring(&outer) {
                let k = i64::try_from(t.arcs.len()).map_err(|e| e.to_string())?;
                t.arcs.push(piece);
                out.push(vec![vec![k]]);
            }
        }
        *polygons = out;
    }
    t.countries = countries;
    Ok(())
}

/// A closed ring cut where it steps across the antimeridian, each piece
/// closed along it.
fn split_ring(ring: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let open = ring.split_last().map_or(&[][..], |(_, open)| open);
    let n = open.len();
    // The i-th point, i taken round the ring (only called with n > 0).
    let at = |i: usize| open.get(i % n).copied().unwrap_or_default();
    let is_jump = |i: usize| (at(i).0 - at(i + 1).0).abs() > 180.0;
    let Some(first) = (0..n).find(|i| is_jump(*i)) else { return vec![ring.to_vec()] };
    // Where the step from p to q meets the antimeridian: p's side and the latitude.
    let crossing = |p: (f64, f64), q: (f64, f64)| {
        let side = if p.0 < 0.0 { -180.0 } else { 180.0 };
        let q_lon = q.0 + if side > 0.0 { 360.0 } else { -360.0 };
        let t = if q_lon == p.0 { 0.0 } else { (side - p.0) / (q_lon - p.0) };
        (side, p.1 + t * (q.1 - p.1))
    };
    let mut pieces = Vec::new();
    let (side, lat) = crossing(at(first), at(first + 1));
    let mut current: Vec<(f64, f64)> = vec![(-side, lat)];
    for step in 1..=n {
        let i = (first + step) % n;
        current.push(at(i));
        if is_jump(i) {
            let (side, lat) = crossing(at(i), at(i + 1));
            current.push((side, lat));
            let start = current.first().copied().unwrap_or((side, lat));
            current.push(start);
            pieces.push(std::mem::take(&mut current));
            current.push((-side, lat));
        }
    }
    pieces
}

/// ISO 3166-1 numeric code of Antarctica, which the map leaves out.
const ANTARCTICA: &str = "010";

/// Polygons of rings of TopoJSON arc references.
type Polygons = Vec<Vec<Vec<i64>>>;

/// A TopoJSON topology's countries, arcs decoded to degrees.
struct Topology {
    /// Arcs in degrees (longitude, latitude).
    arcs: Vec<Vec<(f64, f64)>>,
    /// Each country: its id (if any) and polygons of rings of arc references.
    countries: Vec<(Option<String>, Polygons)>,
}

fn field<'a>(v: &'a Value, key: &str) -> Result<&'a Value, String> {
    v.get(key).ok_or_else(|| format!("no \"{key}\" field"))
}

fn number(v: &Value) -> Result<f64, String> {
    v.as_f64().ok_or_else(|| format!("{v} is not a number"))
}

fn array(v: &Value) -> Result<&Vec<Value>, String> {
    v.as_array().ok_or_else(|| "not an array".to_string())
}

fn read_topology(json: &str) -> Result<Topology, String> {
    let v: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let transform = field(&v, "transform")?;
    let scale = array(field(transform, "scale")?)?;
    let translate = array(field(transform, "translate")?)?;
    let (sx, sy, tx, ty) = match (scale.as_slice(), translate.as_slice()) {
        ([sx, sy], [tx, ty]) => (number(sx)?, number(sy)?, number(tx)?, number(ty)?),
        _ => return Err("transform: scale and translate need two numbers each".into()),
    };
    let mut arcs = Vec::new();
    for arc in array(field(&v, "arcs")?)? {
        // Quantised TopoJSON: integer deltas.
        let (mut x, mut y) = (0.0, 0.0);
        let mut points = Vec::new();
        for p in array(arc)? {
            let d = array(p)?;
            let (Some(dx), Some(dy)) = (d.first(), d.get(1)) else { return Err("a point needs two numbers".into()) };
            x += number(dx)?;
            y += number(dy)?;
            points.push((x * sx + tx, y * sy + ty));
        }
        arcs.push(points);
    }
    let mut countries = Vec::new();
    for g in array(field(field(field(&v, "objects")?, "countries")?, "geometries")?)? {
        let id = g.get("id").and_then(Value::as_str).map(str::to_string);
        let refs = |polygon: &Value| -> Result<Vec<Vec<i64>>, String> {
            array(polygon)?.iter().map(|ring| array(ring)?.iter().map(|k| k.as_i64().ok_or_else(|| "bad arc index".to_string())).collect()).collect()
        };
        let polygons = match g.get("type").and_then(Value::as_str) {
            Some("Polygon") => vec![refs(field(g, "arcs")?)?],
            Some("MultiPolygon") => array(field(g, "arcs")?)?.iter().map(refs).collect::<Result<_, _>>()?,
            other => return Err(format!("country {id:?}: geometry type {other:?}")),
        };
        countries.push((id, polygons));
    }
    Ok(Topology { arcs, countries })
}

/// The points of a ring of arc references, in degrees.
fn ring_points(arcs: &[Vec<(f64, f64)>], refs: &[i64]) -> Result<Vec<(f64, f64)>, String> {
    let mut out: Vec<(f64, f64)> = Vec::new();
    for &k in refs {
        let index = usize::try_from(if k >= 0 { k } else { !k }).map_err(|e| e.to_string())?;
        let arc = arcs.get(index).ok_or_else(|| format!("arc {k} out of range"))?;
        let skip = usize::from(!out.is_empty());
        if k >= 0 {
            out.extend(arc.iter().skip(skip));
        } else {
            out.extend(arc.iter().rev().skip(skip));
        }
    }
    Ok(out)
}

/// Shoelace area (signed) and centroid of a ring in degrees.
fn area_centroid(ring: &[(f64, f64)]) -> (f64, (f64, f64)) {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in ring.windows(2) {
        let [(x0, y0), (x1, y1)] = w else { continue };
        let cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if a.abs() < 1e-12 {
        let n = careto_viz::num::count_f64(ring.len().max(1));
        let (sx, sy) = ring.iter().fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
        return (0.0, (sx / n, sy / n));
    }
    (a / 2.0, (cx / (3.0 * a), cy / (3.0 * a)))
}

/// The centroid of the largest ring of any polygon of a country (for the
/// places 1:110m lacks; the decoder finds the others' itself).
fn location(arcs: &[Vec<(f64, f64)>], polygons: &[Vec<Vec<i64>>]) -> Result<(f64, f64), String> {
    let mut best: Option<(f64, (f64, f64))> = None;
    for polygon in polygons {
        if let Some(outer) = polygon.first() {
            let (area, c) = area_centroid(&ring_points(arcs, outer)?);
            if best.is_none_or(|b| area.abs() > b.0) {
                best = Some((area.abs(), c));
            }
        }
    }
    best.map(|b| b.1).ok_or_else(|| "a country without polygons".to_string())
}

/// A point in degrees, projected with Equal Earth and quantised.
fn quantise((lon, lat): (f64, f64)) -> (i64, i64) {
    let (x, y) = careto_viz::geo::projection::equal_earth(lon, lat);
    // Within ±2.71 radii: the products are far inside i64, so saturating never bites.
    let q = |v: f64| careto_viz::num::saturating_i64((v * f64::from(UNITS_PER_RADIUS)).round());
    (q(x), q(y))
}

fn place_by_numeric(id: &str) -> Result<&'static Place, String> {
    let n: u16 = id.parse().map_err(|_| format!("id \"{id}\" is not an ISO numeric code"))?;
    PLACES.iter().find(|p| p.numeric == n).ok_or_else(|| format!("id {id} is not in src/model/places.rs"))
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Zigzag: 0, -1, 1, -2… as 0, 1, 2, 3… (the bits of the i64, read as a u64).
fn zigzag(v: i64) -> u64 {
    u64::from_ne_bytes(((v << 1) ^ (v >> 63)).to_ne_bytes())
}

fn signed(out: &mut Vec<u8>, v: i64) {
    varint(out, zigzag(v));
}

fn count(out: &mut Vec<u8>, n: usize) {
    varint(out, n as u64);
}

/// One shape of the output: code (or none), location in units, polygons of
/// rings of (renumbered) arc references.
type Shape = (Option<[u8; 3]>, (i64, i64), Polygons);

/// Converts `countries-110m.json` and `countries-10m.json` (their text) to
/// the geometry file's bytes.
pub fn convert(countries_110m: &str, countries_10m: &str) -> Result<Vec<u8>, String> {
    let mut t110 = read_topology(countries_110m).map_err(|e| format!("countries-110m.json: {e}"))?;
    split_at_antimeridian(&mut t110)?;
    let t10 = read_topology(countries_10m).map_err(|e| format!("countries-10m.json: {e}"))?;

    // The shapes of 1:110m, Antarctica left out; arcs renumbered in order of first use.
    let mut new_index: Vec<Option<i64>> = vec![None; t110.arcs.len()];
    let mut kept: Vec<usize> = Vec::new();
    let mut shapes: Vec<Shape> = Vec::new();
    for (id, polygons) in &t110.countries {
        if id.as_deref() == Some(ANTARCTICA) {
            continue;
        }
        let code = id.as_deref().map(place_by_numeric).transpose()?.map(|p| p.code);
        let mut out_polygons = Vec::new();
        for polygon in polygons {
            let mut rings = Vec::new();
            for ring in polygon {
                let mut refs = Vec::new();
                for &k in ring {
                    let index = usize::try_from(if k >= 0 { k } else { !k }).map_err(|e| e.to_string())?;
                    let slot = new_index.get_mut(index).ok_or_else(|| format!("arc {k} out of range"))?;
                    let n = match *slot {
                        Some(n) => n,
                        None => {
                            let n = i64::try_from(kept.len()).map_err(|e| e.to_string())?;
                            kept.push(index);
                            *slot = Some(n);
                            n
                        }
                    };
                    refs.push(if k >= 0 { n } else { !n });
                }
                rings.push(refs);
            }
            out_polygons.push(rings);
        }
        // The decoder finds a shape's location itself (the centroid of its largest ring).
        shapes.push((code, (0, 0), out_polygons));
    }

    // Places too small for 1:110m: a point from 1:10m.
    for (id, polygons) in &t10.countries {
        let Some(id) = id else { continue };
        if id == ANTARCTICA {
            continue;
        }
        let place = place_by_numeric(id)?;
        if shapes.iter().any(|s| s.0 == Some(place.code)) {
            continue;
        }
        let at = location(&t10.arcs, polygons)?;
        shapes.push((Some(place.code), quantise(at), Vec::new()));
    }
    let missing: Vec<&str> = PLACES.iter().filter(|p| !shapes.iter().any(|s| s.0 == Some(p.code))).map(Place::code).collect();
    if !missing.is_empty() {
        return Err(format!("places of src/model/places.rs that neither file has: {}", missing.join(", ")));
    }
    // Coded shapes by code, then the codeless ones in file order (a stable sort).
    shapes.sort_by(|a, b| match (a.0, b.0) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });

    let mut out = Vec::new();
    out.extend_from_slice(b"CVW2");
    varint(&mut out, u64::from(UNITS_PER_RADIUS));
    count(&mut out, kept.len());
    // Each arc's first point, then its last, in file order: an arc that starts
    // where an earlier one starts or ends (most do: borders meet) names that
    // endpoint instead of its coordinates.
    let mut ends: Vec<(i64, i64)> = Vec::new();
    let mut previous = (0, 0);
    for &index in &kept {
        let mut points: Vec<(i64, i64)> = Vec::new();
        for &point in t110.arcs.get(index).map(Vec::as_slice).unwrap_or(&[]) {
            let p = quantise(point);
            if points.last() != Some(&p) {
                points.push(p);
            }
        }
        if points.len() == 1 {
            // An arc shorter than a unit: still two points, so that it joins.
            points.extend(points.clone());
        }
        let points = simplify(&points);
        let (Some(&first), Some(&last)) = (points.first(), points.last()) else { return Err("an arc without points".into()) };
        count(&mut out, points.len());
        match ends.iter().rposition(|e| *e == first) {
            // The k-th most recent endpoint (k ≥ 1).
            Some(at) => count(&mut out, ends.len() - at),
            None => {
                count(&mut out, 0);
                signed(&mut out, first.0 - previous.0);
                signed(&mut out, first.1 - previous.1);
            }
        }
        previous = first;
        for &p in points.iter().skip(1) {
            signed(&mut out, p.0 - previous.0);
            signed(&mut out, p.1 - previous.1);
            previous = p;
        }
        ends.extend([first, last]);
    }
    count(&mut out, shapes.len());
    // Arc references: each from the one before (anywhere in the file), the
    // reversal in the low bit.
    let mut previous: i64 = 0;
    for (code, (lon, lat), polygons) in &shapes {
        out.extend_from_slice(&code.unwrap_or([0, 0, 0]));
        count(&mut out, polygons.len());
        if polygons.is_empty() {
            signed(&mut out, *lon);
            signed(&mut out, *lat);
        }
        for rings in polygons {
            count(&mut out, rings.len());
            for refs in rings {
                count(&mut out, refs.len());
                for &k in refs {
                    let (index, reversed) = if k >= 0 { (k, 0) } else { (!k, 1) };
                    varint(&mut out, zigzag(index - previous) << 1 | reversed);
                    previous = index;
                }
            }
        }
    }
    Ok(out)
}
