//! The world map's geometry: Natural Earth's 1:110m countries in our own
//! compact file (`data/world-110m.bin`, made by `make geo` from npm
//! `world-atlas`; see `data/README.md`), already projected with Equal Earth
//! ([`projection`], run by the converter), and its decoder. So the module
//! does no trigonometry at run time (the wasm carries none of it: about
//! 8 KB of libm) and layout only scales and shifts.
//!
//! The decoder works the same natively and in wasm32: it reads a byte
//! slice (no file system), never panics, does work bounded by the input's
//! length, and says what is wrong with a corrupt or truncated file
//! ([`GeoError`]).
//!
//! # The file (version 2)
//!
//! Integers are LEB128 varints; signed ones are zigzag-encoded first;
//! coordinates are Equal Earth's on a sphere of radius 1 (x east, y north),
//! in 1/`units` of that radius.
//!
//! ```text
//! magic        "CVW2"
//! units        varint: coordinate units per sphere radius (500: 0.002,
//!              about a tenth of a degree)
//! arc count    varint
//!   arc        varint point count (at least 2); varint from: its first
//!              point, from = 0: (dx, dy) from the last point of the arc
//!              before ((0, 0) before the first arc); from = k ≥ 1: the k-th
//!              most recent endpoint (after each arc its first point, then
//!              its last, join the list of endpoints: k = 1 is the last
//!              point of the arc before, k = 2 its first…); then (dx, dy)
//!              per further point, each from the one before
//! shape count  varint
//!   shape      3 bytes: ISO 3166-1 alpha-3 code (A–Z), or 3 zero bytes for
//!              land without a code; varint polygon count; with 0 polygons
//!              (a place too small for 1:110m, drawn as a marker only) its
//!              location (x, y) follows. (A shape with polygons has its
//!              marker at the centroid of its largest ring, found by the
//!              decoder.)
//!   polygon    varint ring count (at least 1: the outer ring, then holes)
//!   ring       varint arc count (at least 1), then arc references, joined
//!              as TopoJSON joins them: each arc starts where the one before
//!              ended, and the ring ends where it started. A reference is a
//!              varint u: arc (previous + d), d the zigzag-decoded u >> 1 and
//!              previous the arc of the reference before it anywhere in the
//!              file (0 before the first), read reversed if u & 1 = 1
//! ```
//!
//! Nothing follows the last shape. Shapes with a code come first, sorted by it.

pub mod projection;

use crate::layout::{Point, Rect};
use std::fmt;

/// The file's first four bytes.
pub const MAGIC: [u8; 4] = *b"CVW2";

/// The geometry the native builds carry (the browser fetches the same file).
#[cfg(not(target_arch = "wasm32"))]
pub static WORLD_110M: &[u8] = include_bytes!("../../data/world-110m.bin");

/// Why a geometry file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeoError {
    /// Where in the file (bytes from its start).
    pub offset: usize,
    /// What is wrong there.
    pub reason: &'static str,
}

impl fmt::Display for GeoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the map's geometry file is corrupt or truncated: {} (byte {})", self.reason, self.offset)
    }
}

impl std::error::Error for GeoError {}

/// One polygon of a country: an outer ring and its holes, in projected
/// coordinates.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Polygon {
    /// The outer ring first, then the holes; each ring closed (last point = first).
    pub rings: Vec<Vec<Point>>,
}

/// A country or territory as the map draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryShape {
    /// ISO 3166-1 alpha-3 code; `None` for land Natural Earth gives none
    /// (N. Cyprus, Somaliland, Kosovo).
    pub code: Option<[u8; 3]>,
    /// Where its marker goes (projected).
    pub location: Point,
    /// Its polygons; none for a place too small for 1:110m.
    pub polygons: Vec<Polygon>,
}

impl CountryShape {
    /// The code as text ("" for none).
    pub fn code_str(&self) -> &str {
        self.code.as_ref().and_then(|c| std::str::from_utf8(c).ok()).unwrap_or("")
    }
}

/// The decoded world, projected with Equal Earth on a sphere of radius 1:
/// x east, y SOUTH (screen order), so that layout only scales and shifts.
#[derive(Debug, Clone, PartialEq)]
pub struct World {
    /// Every border and coastline once (for drawing borders).
    pub arcs: Vec<Vec<Point>>,
    /// The shapes, those with a code first (sorted by code).
    pub shapes: Vec<CountryShape>,
    /// The box around everything (arcs and locations).
    pub bounds: Rect,
}

/// A world with nothing in it (before the geometry has loaded).
pub static EMPTY: World = World { arcs: Vec::new(), shapes: Vec::new(), bounds: Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 } };

impl World {
    /// The shape with ISO alpha-3 code `code`.
    pub fn shape(&self, code: &str) -> Option<&CountryShape> {
        self.shapes.iter().find(|s| s.code.as_ref().is_some_and(|c| c.as_slice() == code.as_bytes()))
    }

    /// Decodes a geometry file (see the module's documentation).
    pub fn decode(bytes: &[u8]) -> Result<World, GeoError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != MAGIC.as_slice() {
            return Err(r.error_at(0, "it does not start with \"CVW2\""));
        }
        let units = r.varint()?;
        let per_radius = match u32::try_from(units) {
            Ok(units) if (1..=100_000).contains(&units) => f64::from(units),
            _ => return Err(r.error("units per radius out of range")),
        };
        // Equal Earth's extent, a unit of rounding more: x within ±2.7067, y within ±1.3174
        // (at most 270,671 units, so a coordinate within it is also an i32).
        // Compared with unsigned_abs: a coordinate may be i64::MIN, whose abs() overflows.
        let extent = |radii: f64| u64::from(crate::num::saturating_u32(radii * per_radius)) + 1;
        let (lon_max, lat_max) = (extent(2.7067), extent(1.3174));
        let within = |v: i64, max: u64| if v.unsigned_abs() > max { None } else { i32::try_from(v).ok() };

        // Arcs: integer points first (joins are checked on them), projected after.
        let n_arcs = r.count(3)?;
        let mut arcs: Vec<Vec<(i32, i32)>> = Vec::with_capacity(n_arcs);
        // Each arc's first point, then its last (both checked when read).
        let mut ends: Vec<(i32, i32)> = Vec::with_capacity(n_arcs.saturating_mul(2));
        let mut total_points = 0usize;
        let (mut x, mut y) = (0i64, 0i64);
        for _ in 0..n_arcs {
            // n points take 2n bytes or more: `from` and the deltas at least
            // 2n - 1, and the shape count follows the arcs.
            let n = r.count(2)?;
            if n < 2 {
                return Err(r.error("an arc has fewer than 2 points"));
            }
            let mut points = Vec::with_capacity(n);
            let from = r.varint()?;
            if from > 0 {
                let at = usize::try_from(from).ok().and_then(|k| ends.len().checked_sub(k));
                let Some(&(px, py)) = at.and_then(|at| ends.get(at)) else {
                    return Err(r.error("an arc starts at an endpoint that does not exist yet"));
                };
                (x, y) = (i64::from(px), i64::from(py));
                points.push((px, py));
            }
            while points.len() < n {
                x = x.saturating_add(r.signed()?);
                y = y.saturating_add(r.signed()?);
                let (Some(px), Some(py)) = (within(x, lon_max), within(y, lat_max)) else {
                    return Err(r.error("a point lies outside the map"));
                };
                points.push((px, py));
            }
            if let (Some(first), Some(last)) = (points.first(), points.last()) {
                ends.extend([*first, *last]);
            }
            total_points += n;
            arcs.push(points);
        }
        let project = |(x, y): (i32, i32)| Point { x: f64::from(x) / per_radius, y: -f64::from(y) / per_radius };
        let projected: Vec<Vec<Point>> = arcs.iter().map(|a| a.iter().map(|p| project(*p)).collect()).collect();

        // Shapes. A ring repeats its arcs' points: at most this many in all
        // (each border belongs to at most two countries), so that a file
        // that names one long arc many times cannot make the work explode.
        let mut budget = total_points.saturating_mul(2).saturating_add(1024);
        let n_shapes = r.count(6)?;
        let mut shapes = Vec::with_capacity(n_shapes);
        let mut previous: Option<[u8; 3]> = None;
        let mut codeless = false;
        let mut previous_arc = 0usize;
        for _ in 0..n_shapes {
            let code: [u8; 3] = match r.take(3)? {
                [a, b, c] => [*a, *b, *c],
                _ => return Err(r.error("truncated")),
            };
            let code = if code == [0, 0, 0] {
                codeless = true;
                None
            } else if code.iter().all(u8::is_ascii_uppercase) && !codeless && previous.is_none_or(|p| p < code) {
                previous = Some(code);
                Some(code)
            } else {
                return Err(r.error("a shape's code is not A–Z, or not in order"));
            };
            let n_polygons = r.count(2)?;
            let mut polygons = Vec::with_capacity(n_polygons);
            for _ in 0..n_polygons {
                let n_rings = r.count(2)?;
                if n_rings == 0 {
                    return Err(r.error("a polygon has no ring"));
                }
                let mut rings = Vec::with_capacity(n_rings);
                for _ in 0..n_rings {
                    rings.push(r.ring(&arcs, &projected, &mut budget, &mut previous_arc)?);
                }
                polygons.push(Polygon { rings });
            }
            let location = if n_polygons == 0 {
                let (lon, lat) = (r.signed()?, r.signed()?);
                let (Some(lon), Some(lat)) = (within(lon, lon_max), within(lat, lat_max)) else {
                    return Err(r.error("a location lies outside the map"));
                };
                project((lon, lat))
            } else {
                largest_ring_centroid(&polygons)
            };
            shapes.push(CountryShape { code, location, polygons });
        }
        if r.pos != bytes.len() {
            return Err(r.error("bytes after the last shape"));
        }
        let mut bounds = Bounds::default();
        projected.iter().flatten().for_each(|p| bounds.add(*p));
        shapes.iter().for_each(|s| bounds.add(s.location));
        Ok(World { arcs: projected, shapes, bounds: bounds.rect() })
    }
}

/// The world the native builds draw: `data/world-110m.bin`, decoded once.
/// (`tests/geometry.rs` checks that it decodes; were it ever not to, this
/// would be an empty world rather than a panic.)
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin() -> &'static World {
    static WORLD: std::sync::OnceLock<World> = std::sync::OnceLock::new();
    WORLD.get_or_init(|| World::decode(WORLD_110M).unwrap_or_else(|_| EMPTY.clone()))
}

/// The signed area and the centroid of a closed ring (shoelace formula).
pub fn ring_area_centroid(ring: &[Point]) -> (f64, Point) {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in ring.windows(2) {
        let [p, q] = w else { continue };
        let cross = p.x * q.y - q.x * p.y;
        a += cross;
        cx += (p.x + q.x) * cross;
        cy += (p.y + q.y) * cross;
    }
    match ring.first() {
        Some(p) if a.abs() < 1e-15 => (0.0, *p),
        _ if a.abs() < 1e-15 => (0.0, Point { x: 0.0, y: 0.0 }),
        _ => (a / 2.0, Point { x: cx / (3.0 * a), y: cy / (3.0 * a) }),
    }
}

/// The centroid of the largest outer ring of `polygons` (equal-area
/// projection: the largest on the map is the largest on the globe).
fn largest_ring_centroid(polygons: &[Polygon]) -> Point {
    let mut best = (-1.0, Point { x: 0.0, y: 0.0 });
    for outer in polygons.iter().filter_map(|p| p.rings.first()) {
        let (area, c) = ring_area_centroid(outer);
        if area.abs() > best.0 {
            best = (area.abs(), c);
        }
    }
    best.1
}

/// A growing bounding box.
#[derive(Default)]
struct Bounds(Option<(f64, f64, f64, f64)>);

impl Bounds {
    fn add(&mut self, p: Point) {
        self.0 = Some(match self.0 {
            None => (p.x, p.y, p.x, p.y),
            Some((x0, y0, x1, y1)) => (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y)),
        });
    }

    fn rect(&self) -> Rect {
        self.0.map_or(Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 }, |(x0, y0, x1, y1)| Rect { x: x0, y: y0, w: x1 - x0, h: y1 - y0 })
    }
}

/// Reads the file front to back; every error names the byte.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, reason: &'static str) -> GeoError {
        self.error_at(self.pos, reason)
    }

    fn error_at(&self, offset: usize, reason: &'static str) -> GeoError {
        GeoError { offset, reason }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], GeoError> {
        let end = self.pos.checked_add(n).filter(|e| *e <= self.bytes.len()).ok_or_else(|| self.error("truncated"))?;
        let out = self.bytes.get(self.pos..end).ok_or_else(|| self.error("truncated"))?;
        self.pos = end;
        Ok(out)
    }

    fn varint(&mut self) -> Result<u64, GeoError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.pos).ok_or_else(|| self.error("truncated"))?;
            self.pos += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.error("a number is too long"))
    }

    fn signed(&mut self) -> Result<i64, GeoError> {
        self.varint().map(unzigzag)
    }

    /// A count of items that each take at least `min_bytes` of what is left.
    fn count(&mut self, min_bytes: usize) -> Result<usize, GeoError> {
        let n = self.varint()?;
        let left = self.bytes.len().saturating_sub(self.pos);
        match usize::try_from(n) {
            Ok(n) if n.saturating_mul(min_bytes) <= left => Ok(n),
            _ => Err(self.error("a count is larger than the rest of the file")),
        }
    }

    /// One ring: arc references joined into a closed list of projected points.
    /// `previous`: the arc of the reference before (each is a step from it).
    fn ring(&mut self, arcs: &[Vec<(i32, i32)>], projected: &[Vec<Point>], budget: &mut usize, previous: &mut usize) -> Result<Vec<Point>, GeoError> {
        let n = self.count(1)?;
        if n == 0 {
            return Err(self.error("a ring has no arc"));
        }
        let mut ring: Vec<Point> = Vec::new();
        let mut first: Option<(i32, i32)> = None;
        let mut last: Option<(i32, i32)> = None;
        for _ in 0..n {
            let u = self.varint()?;
            let reversed = u & 1 == 1;
            let index = isize::try_from(unzigzag(u >> 1)).ok().and_then(|d| previous.checked_add_signed(d));
            let Some((index, arc, points)) = index.and_then(|i| Some((i, arcs.get(i)?, projected.get(i)?))) else {
                return Err(self.error("an arc reference is out of range"));
            };
            *previous = index;
            let (start, end) = match (arc.first(), arc.last()) {
                (Some(a), Some(b)) if reversed => (*b, *a),
                (Some(a), Some(b)) => (*a, *b),
                _ => return Err(self.error("an arc has no points")),
            };
            if last.is_some_and(|l| l != start) {
                return Err(self.error("a ring's arcs do not join"));
            }
            *budget = budget.checked_sub(points.len()).ok_or_else(|| self.error("arcs are used more often than borders allow"))?;
            let skip = usize::from(last.is_some());
            if reversed {
                ring.extend(points.iter().rev().skip(skip));
            } else {
                ring.extend(points.iter().skip(skip));
            }
            first = first.or(Some(start));
            last = Some(end);
        }
        if first != last {
            return Err(self.error("a ring does not close"));
        }
        Ok(ring)
    }
}

/// Zigzag-decoded: 0, -1, 1, -2… (the shift leaves 63 bits: a
/// non-negative i64).
fn unzigzag(z: u64) -> i64 {
    let half = i64::from_ne_bytes((z >> 1).to_ne_bytes());
    if z & 1 == 0 {
        half
    } else {
        !half
    }
}
