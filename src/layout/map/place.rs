//! The map's shapes on screen: rings in CSS px, land fills, borders,
//! markers, and each country's anchor point and focus box.

use super::{MapCountry, MARKER_DISC, MARKER_GAP, MARKER_HIT_RADIUS, MARKER_RADIUS};
use crate::geo::{ring_area_centroid, World};
use crate::layout::{points_box, Paint, Point, Rect, Scene, Shape, Stroke};

/// Points closer than this to the one kept before them are dropped (CSS
/// px): they change nothing on screen and would only lengthen the SVG.
const MIN_STEP: f64 = 0.5;

/// `points` projected by `project`, without points that would not show; a
/// closed input stays closed.
pub(super) fn on_screen(points: &[Point], project: &dyn Fn(Point) -> Point) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points.iter().map(|p| project(*p)) {
        match out.last() {
            Some(q) if distance(p, *q) < MIN_STEP => {}
            _ => out.push(p),
        }
    }
    let closed = points.len() > 2 && points.first() == points.last();
    if let (true, Some(first), Some(last)) = (closed, out.first().copied(), out.last().copied()) {
        if first != last {
            out.push(first);
        }
    }
    out
}

/// The area of a polygon (outer ring less its holes), CSS px².
pub(super) fn polygon_area(rings: &[Vec<Point>]) -> f64 {
    let mut rings = rings.iter().map(|r| ring_area_centroid(r).0.abs());
    let outer = rings.next().unwrap_or(0.0);
    (outer - rings.sum::<f64>()).max(0.0)
}

/// The rings of `polygons` that reach into [`super::INSET`], moved there by
/// `enlarge` and cut to `frame` (a polygon whose outer ring is cut away is
/// left out).
pub(super) fn enlarged(polygons: &[crate::geo::Polygon], enlarge: &dyn Fn(Point) -> Point, frame: Rect, out: &mut Vec<Vec<Vec<Point>>>) {
    for polygon in polygons {
        // Its outer ring first: a polygon whose outer ring is cut away is left out.
        if !polygon.rings.first().is_some_and(|r| points_box(r, 0.0).overlaps(&super::INSET)) {
            continue;
        }
        let mut rings = Vec::new();
        for ring in &polygon.rings {
            let ring = clip_ring(&on_screen(ring, enlarge), frame);
            if ring.len() > 3 {
                rings.push(ring);
            } else if rings.is_empty() {
                break;
            }
        }
        if !rings.is_empty() {
            out.push(rings);
        }
    }
}

/// A closed ring cut to `r` (Sutherland and Hodgman's algorithm: a side
/// of the box at a time); closed, or empty when nothing of it is inside.
pub(super) fn clip_ring(ring: &[Point], r: Rect) -> Vec<Point> {
    let mut points = ring.to_vec();
    for side in 0..4 {
        // How far inside the side a point is, and where an edge crosses it.
        let depth = |p: &Point| match side {
            0 => p.x - r.x,
            1 => r.right() - p.x,
            2 => p.y - r.y,
            _ => r.bottom() - p.y,
        };
        let mut out: Vec<Point> = Vec::with_capacity(points.len() + 4);
        for edge in points.windows(2) {
            let [a, b] = edge else { continue };
            let (da, db) = (depth(a), depth(b));
            if (da >= 0.0) != (db >= 0.0) {
                let t = da / (da - db);
                out.push(Point { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) });
            }
            if db >= 0.0 {
                out.push(*b);
            }
        }
        if let Some(first) = out.first().copied() {
            out.push(first);
        }
        points = out;
    }
    points
}

/// Fills every country's polygons, the largest first: the campaign's in
/// their class (or the land tone, to be hatched), every other in the land
/// tone, in the world and in the inset.
pub(super) fn draw_land(
    scene: &mut Scene,
    world: &World,
    countries: &[MapCountry],
    project: &dyn Fn(Point) -> Point,
    zoomed: &[Vec<Vec<Vec<Point>>>],
    fill: &dyn Fn(Option<usize>) -> Paint,
) {
    let mut fills: Vec<(f64, Paint, Vec<Point>)> = Vec::new();
    for (i, shape) in world.shapes.iter().enumerate() {
        if countries.iter().any(|c| c.shape == i) {
            continue;
        }
        let mut rings: Vec<Vec<Point>> = Vec::new();
        for polygon in &shape.polygons {
            if let Some(outer) = polygon.rings.first() {
                rings.push(on_screen(outer, project));
            }
        }
        for polygon in zoomed.get(i).into_iter().flatten() {
            if let Some(outer) = polygon.first() {
                rings.push(outer.clone());
            }
        }
        for ring in rings {
            fills.push((ring_area_centroid(&ring).0.abs(), Paint::Land, ring));
        }
    }
    // The campaign's countries: their own fills (already on screen).
    for c in countries {
        let paint = fill(c.class);
        for rings in &c.polygons {
            if let Some(outer) = rings.first() {
                fills.push((ring_area_centroid(outer).0.abs(), paint, outer.clone()));
            }
        }
    }
    let keys: Vec<f64> = fills.iter().map(|f| -f.0).collect();
    for i in crate::sort::by_number(&keys) {
        if let Some((_, paint, ring)) = fills.get(i) {
            if ring.len() >= 3 {
                scene.shapes.push(Shape::Polygon { points: ring.clone(), fill: *paint });
            }
        }
    }
}

/// Every border and coast once, 1 px in the border tone; in the inset,
/// every ring (cut to it: a cut runs along its frame, drawn over them).
pub(super) fn draw_borders(scene: &mut Scene, world: &World, project: &dyn Fn(Point) -> Point, zoomed: &[Vec<Vec<Vec<Point>>>]) {
    let stroke = Stroke { paint: Paint::Border, width: 1.0, dashed: false };
    for arc in &world.arcs {
        let points = on_screen(arc, project);
        if points.len() >= 2 {
            scene.shapes.push(Shape::Path { points, stroke });
        }
    }
    for points in zoomed.iter().flatten().flatten() {
        scene.shapes.push(Shape::Path { points: points.clone(), stroke });
    }
}

/// A marker: a disc in the class's fill (hatched land without a count; land
/// crossed by the class's `lines`, three quarters as far apart, in a
/// patterned map) inside a ring of the background, so it stands out from
/// the country around it (Gibraltar on Spain).
pub(super) fn draw_marker(scene: &mut Scene, at: Point, class: Option<usize>, lines: Option<crate::layout::hatch::ClassLines>) {
    scene.shapes.push(Shape::Circle { center: at, radius: MARKER_RADIUS + 1.5, fill: Some(Paint::Background), stroke: None });
    let r = MARKER_RADIUS - 0.5;
    let disc = || -> Vec<Point> { UNIT_CIRCLE.iter().map(|(c, s)| Point { x: at.x + r * c, y: at.y + r * s }).collect() };
    match (class, lines) {
        (Some(i), Some(lines)) => {
            let paint = Paint::Class(i);
            scene.shapes.push(Shape::Circle {
                center: at,
                radius: MARKER_RADIUS,
                fill: Some(Paint::Land),
                stroke: Some(Stroke { paint, width: 1.0, dashed: false }),
            });
            let stroke = Stroke { paint, width: lines.width * 0.75, dashed: false };
            crate::layout::hatch::lines(scene, &[&disc()], crate::layout::hatch::Lines::Horizontal, lines.spacing * 0.75, stroke);
        }
        (Some(i), None) => scene.shapes.push(Shape::Circle { center: at, radius: MARKER_RADIUS, fill: Some(Paint::Class(i)), stroke: None }),
        (None, _) => {
            scene.shapes.push(Shape::Circle {
                center: at,
                radius: MARKER_RADIUS,
                fill: Some(Paint::Land),
                stroke: Some(Stroke { paint: Paint::Hatch, width: 1.0, dashed: false }),
            });
            crate::layout::hatch::hatch(scene, &[&disc()], crate::layout::hatch::SPACING * 0.75);
        }
    }
}

/// A circle as 16 sides: (cos, sin) of every 22.5°, closed. Constants, so
/// that the wasm carries no trigonometry (libm's sin and cos are ~8 KB).
const UNIT_CIRCLE: [(f64, f64); 17] = {
    const A: f64 = 0.923_879_532_511_286_7; // cos 22.5°
    const B: f64 = std::f64::consts::FRAC_1_SQRT_2; // cos 45°
    const C: f64 = 0.382_683_432_365_089_8; // cos 67.5°
    [
        (1.0, 0.0),
        (A, C),
        (B, B),
        (C, A),
        (0.0, 1.0),
        (-C, A),
        (-B, B),
        (-A, C),
        (-1.0, 0.0),
        (-A, -C),
        (-B, -B),
        (-C, -A),
        (0.0, -1.0),
        (C, -A),
        (B, -B),
        (A, -C),
        (1.0, 0.0),
    ]
};

/// The distance between two points (`f64::hypot` would bring libm's into the wasm).
pub(super) fn distance(a: Point, b: Point) -> f64 {
    ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).sqrt()
}

/// Sets each country's anchor (a point that hits it) and focus box, and
/// moves markers apart ([`spread`]). A country whose shape is all under
/// other countries' markers gets a marker of its own, so that every
/// country can be seen and tapped; the markers are then spread again, and
/// the others' free points looked for again, until no country needs one
/// more (at most [`SPREAD_ROUNDS`] times).
pub(super) fn anchors_and_focus(countries: &mut [MapCountry], frame: Rect) {
    let shapes = Shapes::of(countries);
    let mut markers: Vec<(usize, Point)> = countries.iter().filter_map(|c| c.marker.map(|m| (c.country, m))).collect();
    let mut found: Vec<Option<Result<Point, Point>>> = countries.iter().map(|_| None).collect();
    for _ in 0..SPREAD_ROUNDS {
        spread(&mut markers, frame);
        let mut added = false;
        for (c, f) in countries.iter().zip(found.iter_mut()) {
            if c.marker.is_some() || matches!(f, Some(Err(_))) {
                continue;
            }
            let point = free_point(c, &markers, &shapes);
            if let Err(at) = point {
                markers.push((c.country, at));
                added = true;
            }
            *f = Some(point);
        }
        if !added {
            break;
        }
    }
    drop(shapes);
    for (c, f) in countries.iter_mut().zip(found) {
        // Where the country is: its place, or the middle of its shape (all under others' markers).
        let site = c.marker.or(if let Some(Err(at)) = f { Some(at) } else { None });
        if let Some(site) = site {
            let m = markers.iter().find(|(k, _)| *k == c.country).map_or(site, |(_, m)| *m);
            c.marker = Some(m);
            c.site = (distance(m, site) > MARKER_RADIUS).then_some(site);
            let half = MARKER_RADIUS + 4.0;
            c.anchor = m;
            c.focus = clip(Rect { x: m.x - half, y: m.y - half, w: 2.0 * half, h: 2.0 * half }, frame);
            continue;
        }
        let bbox = largest(c).and_then(|rings| rings.first()).map_or(frame, |r| points_box(r, 0.0));
        c.anchor = f.map_or(bbox.center(), |r| r.unwrap_or_else(|p| p));
        c.focus = clip(Rect { x: bbox.x - 3.0, y: bbox.y - 3.0, w: bbox.w + 6.0, h: bbox.h + 6.0 }, frame);
    }
}

/// Rounds of [`spread`]'s pushes at most (and of markers added for
/// countries all under others' in [`anchors_and_focus`]).
const SPREAD_ROUNDS: usize = 100;

/// Moves `markers` (country, centre) apart, inside `frame`, until no two
/// are closer than [`MARKER_GAP`]: each pair too close is pushed apart
/// along the line between them, half the shortfall each (straight up and
/// down when on one point), round after round. Otherwise one marker hid
/// another: at 375 px France's, Belgium's, Switzerland's and Germany's
/// were 5 px apart, 12 px wide. A marker moved off its place gets a leader
/// line back to it ([`MapCountry::site`]).
fn spread(markers: &mut [(usize, Point)], frame: Rect) {
    let (x0, x1, y0, y1) = (frame.x + MARKER_DISC, frame.right() - MARKER_DISC, frame.y + MARKER_DISC, frame.bottom() - MARKER_DISC);
    for _ in 0..SPREAD_ROUNDS {
        let mut moved = false;
        for i in 1..markers.len() {
            let (before, after) = markers.split_at_mut(i);
            let Some((_, b)) = after.first_mut() else { continue };
            for (_, a) in before {
                let (dx, dy) = (b.x - a.x, b.y - a.y);
                let d = (dx * dx + dy * dy).sqrt();
                if d < MARKER_GAP {
                    // Half the shortfall each, and a little more, so that a round ends.
                    let (ux, uy) = if d > 1e-9 { (dx / d, dy / d) } else { (0.0, 1.0) };
                    let push = (MARKER_GAP - d) / 2.0 + 0.01;
                    (a.x, a.y, b.x, b.y) = (a.x - ux * push, a.y - uy * push, b.x + ux * push, b.y + uy * push);
                    moved = true;
                }
            }
        }
        // Inside the frame.
        for (_, p) in markers.iter_mut() {
            p.x = p.x.min(x1).max(x0);
            p.y = p.y.min(y1).max(y0);
        }
        if !moved {
            break;
        }
    }
}

/// Every country's polygons with their boxes: which other country holds a point.
struct Shapes<'a>(Vec<(usize, Rect, &'a [Vec<Point>])>);

impl<'a> Shapes<'a> {
    fn of(countries: &'a [MapCountry]) -> Shapes<'a> {
        Shapes(countries.iter().flat_map(|c| c.polygons.iter().filter_map(|p| Some((c.country, points_box(p.first()?, 0.0), p.as_slice())))).collect())
    }

    /// Whether a country other than `country` has a shape holding `p` (an
    /// island drawn over another's polygon, say: a tap there is not `country`'s).
    fn other_holds(&self, country: usize, p: Point) -> bool {
        self.0
            .iter()
            .any(|(k, b, rings)| *k != country && p.x >= b.x && p.x <= b.right() && p.y >= b.y && p.y <= b.bottom() && super::even_odd(rings, p.x, p.y))
    }
}

/// The largest polygon of `c`.
fn largest(c: &MapCountry) -> Option<&Vec<Vec<Point>>> {
    c.polygons
        .iter()
        .map(|p| (polygon_area(p), p))
        .fold(None, |best: Option<(f64, &Vec<Vec<Point>>)>, x| match best {
            Some(b) if b.0 >= x.0 => Some(b),
            _ => Some(x),
        })
        .map(|b| b.1)
}

/// A point inside `c`'s largest polygon that no other country's marker
/// covers: out of their taps' reach where one is, else off their discs;
/// `Err` with the polygon's middle when no point tried is free.
fn free_point(c: &MapCountry, markers: &[(usize, Point)], shapes: &Shapes) -> Result<Point, Point> {
    let Some(rings) = largest(c) else { return Err(c.anchor) };
    let bbox = rings.first().map_or(Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 }, |r| points_box(r, 0.0));
    // Lines across the polygon, the middle first, then outwards.
    let candidates: Vec<Point> = [8.0, 6.0, 10.0, 4.0, 12.0, 2.0, 14.0, 7.0, 9.0, 5.0, 11.0, 3.0, 13.0, 1.0, 15.0]
        .iter()
        .filter_map(|i| widest_inside(rings, bbox.y + i / 16.0 * bbox.h))
        .collect();
    let middle = candidates.first().copied().unwrap_or(bbox.center());
    let clear = |p: &&Point, reach: f64| markers.iter().all(|(k, m)| *k == c.country || distance(*m, **p) > reach) && !shapes.other_holds(c.country, **p);
    [MARKER_HIT_RADIUS, MARKER_DISC + 1.0].iter().find_map(|reach| candidates.iter().find(|p| clear(p, *reach)).copied()).ok_or(middle)
}

/// The middle of the widest stretch of the line at height `y` inside `rings` (even-odd).
fn widest_inside(rings: &[Vec<Point>], y: f64) -> Option<Point> {
    let mut xs: Vec<f64> = Vec::new();
    for ring in rings {
        for edge in ring.windows(2) {
            let [a, b] = edge else { continue };
            if (a.y > y) != (b.y > y) {
                xs.push(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
            }
        }
    }
    let xs = crate::sort::apply(&xs, &crate::sort::by_number(&xs));
    xs.chunks(2)
        .filter_map(|s| if let [a, b] = s { Some((b - a, (a + b) / 2.0)) } else { None })
        .fold(None, |best: Option<(f64, f64)>, s| match best {
            Some(b) if b.0 >= s.0 => Some(b),
            _ => Some(s),
        })
        .map(|(_, x)| Point { x, y })
}

/// `r` cut to `frame`.
fn clip(r: Rect, frame: Rect) -> Rect {
    let x0 = r.x.max(frame.x);
    let y0 = r.y.max(frame.y);
    let x1 = r.right().min(frame.right()).max(x0);
    let y1 = r.bottom().min(frame.bottom()).max(y0);
    Rect { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_unit_circle_is_one() {
        for (k, (c, s)) in super::UNIT_CIRCLE.iter().enumerate() {
            let a = crate::num::count_f64(k) * std::f64::consts::TAU / 16.0;
            assert!((c - a.cos()).abs() < 1e-12 && (s - a.sin()).abs() < 1e-12, "{k}");
        }
    }
}
