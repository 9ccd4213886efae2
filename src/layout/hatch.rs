//! Hatching computed in layout: parallel lines clipped to a shape, so that
//! every backend (canvas, SVG) draws the same pattern with plain lines, and
//! colour is never the only thing that tells "affected, count not
//! published" apart (a pattern survives every colour-vision deficiency and
//! greyscale printing). In forced-colors mode, where every colour class is
//! one system colour, the map and the bars tell their classes apart by
//! patterns too: horizontal lines, denser and thicker for a higher class
//! ([`class_lines`]; a bar or a legend's square by [`rect_lines`]).
//!
//! The hatching and the lines clipped to any shape are the map's only
//! (`careto_map`); the article build has the classes' patterns.

use super::{Paint, Point, Rect, Scene, Shape, Stroke};

/// Distance between two hatch lines, CSS px (measured across them).
#[cfg(careto_map)]
pub const SPACING: f64 = 4.0;

/// Which way a pattern's lines run.
#[cfg(careto_map)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lines {
    /// "/", bottom-left to top-right: the hatching of "count not published".
    Diagonal,
    /// "—": the colour classes' patterns (forced colours).
    Horizontal,
}

/// Adds the hatch lines ("/", bottom-left to top-right, 1 px in the hatch
/// tone) inside `rings` (even-odd: a ring inside another is a hole) to
/// `scene`, `spacing` px apart.
#[cfg(careto_map)]
pub fn hatch(scene: &mut Scene, rings: &[&[Point]], spacing: f64) {
    lines(scene, rings, Lines::Diagonal, spacing, Stroke { paint: Paint::Hatch, width: 1.0, dashed: false });
}

/// A colour class's pattern in a patterned chart: horizontal lines `width`
/// px wide, `spacing` px apart (on the grid y = k · spacing).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClassLines {
    /// Distance between two lines, CSS px.
    pub spacing: f64,
    /// Width of a line, CSS px.
    pub width: f64,
}

/// The patterns of the classes below the top one, lightest first: a share
/// of ink (width / spacing) of 1/8, 1/4, 1/2 and 11/16: sparser lines
/// first, then thicker ones, so that neighbouring classes differ at a
/// glance, in a legend's square too.
const LADDER: [ClassLines; 4] = [
    ClassLines { spacing: 8.0, width: 1.0 },
    ClassLines { spacing: 4.0, width: 1.0 },
    ClassLines { spacing: 4.0, width: 2.0 },
    ClassLines { spacing: 4.0, width: 2.75 },
];

/// The pattern of colour class `class` of `classes` in a patterned chart
/// (forced colours): the more victims, the more ink. `None` for the top
/// class, which is filled solid. Fewer than five classes spread over
/// [`LADDER`], its ends kept: the lowest class is always the lightest, the
/// one below the top the darkest.
pub fn class_lines(class: usize, classes: usize) -> Option<ClassLines> {
    if class + 1 >= classes {
        return None;
    }
    let lined = classes - 1;
    let rung = if lined == 1 { 0 } else { (class * (LADDER.len() - 1) + (lined - 1) / 2) / (lined - 1) };
    LADDER.get(rung).copied()
}

/// Adds `lines` in `paint` across `rect`: [`lines`] for a rectangle, on the
/// same grid (y = k · spacing, the rectangle's top in, its bottom out), left
/// to right; nothing across a rectangle 0.25 px wide or less.
pub fn rect_lines(scene: &mut Scene, rect: Rect, lines: ClassLines, paint: Paint) {
    if !(lines.spacing.is_finite() && lines.spacing > 0.0 && rect.w > 0.25) {
        return;
    }
    let stroke = Stroke { paint, width: lines.width, dashed: false };
    let mut k = (rect.y / lines.spacing).ceil();
    while k * lines.spacing < rect.bottom() {
        let y = k * lines.spacing;
        scene.shapes.push(Shape::Line { from: Point { x: rect.x, y }, to: Point { x: rect.right(), y }, stroke });
        k += 1.0;
    }
}

/// Adds lines running `direction` inside `rings` (even-odd) to `scene`,
/// `spacing` px apart, drawn with `stroke`. The lines lie on the same grid
/// for every shape (x + y = k · spacing · √2, or y = k · spacing), so
/// neighbouring shapes continue each other's lines.
///
/// Each ring edge meets the lines whose value it spans (half-open, so a
/// line through a vertex is met once); the meeting points of each line,
/// sorted along it, pair up into the segments inside. Work: edges plus
/// meeting points, sorted once.
#[cfg(careto_map)]
pub fn lines(scene: &mut Scene, rings: &[&[Point]], direction: Lines, spacing: f64, stroke: Stroke) {
    // The value that is constant along a line, and the step between lines.
    let (value, step): (fn(&Point) -> f64, f64) = match direction {
        Lines::Diagonal => (|p| p.x + p.y, spacing * std::f64::consts::SQRT_2),
        Lines::Horizontal => (|p| p.y, spacing),
    };
    if !(step.is_finite() && step > 0.0) {
        return;
    }
    // (line index, x) of every meeting point.
    let mut hits: Vec<(f64, Point)> = Vec::new();
    for ring in rings {
        for edge in ring.windows(2) {
            let [a, b] = edge else { continue };
            let (fa, fb) = (value(a), value(b));
            if fa == fb || !(fa.is_finite() && fb.is_finite()) {
                continue;
            }
            let (lo, hi) = (fa.min(fb), fa.max(fb));
            // Lines k with lo <= k·step < hi.
            let first = (lo / step).ceil();
            let mut k = first;
            while k * step < hi {
                let t = (k * step - fa) / (fb - fa);
                hits.push((k, Point { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) }));
                k += 1.0;
            }
        }
    }
    // Lines in order, along each line by x (neither direction is vertical):
    // a comparison of the two keys (no key folded into one float), through
    // the crate's one sort.
    let at = |i: usize| hits.get(i).map_or((f64::INFINITY, f64::INFINITY), |(k, p)| (*k, p.x));
    let order = crate::sort::by(hits.len(), &|a, b| {
        let ((ka, xa), (kb, xb)) = (at(a), at(b));
        ka.total_cmp(&kb).then(xa.total_cmp(&xb))
    });
    let sorted = crate::sort::apply(&hits, &order);
    // The points of one line pair up; a line with an odd count (an open
    // ring) pairs as far as it goes and leaves the next line unharmed.
    let mut start = 0;
    while let Some((k, _)) = sorted.get(start) {
        let end = sorted.iter().skip(start).position(|(j, _)| j != k).map_or(sorted.len(), |n| start + n);
        for pair in sorted.get(start..end).unwrap_or(&[]).chunks(2) {
            if let [(_, from), (_, to)] = pair {
                if (to.x - from.x).abs() > 0.25 {
                    scene.shapes.push(Shape::Line { from: *from, to: *to, stroke });
                }
            }
        }
        start = end;
    }
}

#[cfg(all(test, careto_map))]
mod tests {
    use super::*;

    fn lines(rings: &[&[Point]]) -> Vec<(Point, Point)> {
        let mut scene = Scene::default();
        hatch(&mut scene, rings, SPACING);
        scene.shapes.iter().filter_map(|s| if let Shape::Line { from, to, .. } = s { Some((*from, *to)) } else { None }).collect()
    }

    fn p(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    #[test]
    fn a_square_is_filled_with_parallel_lines_inside_it() {
        let square = [p(0.0, 0.0), p(40.0, 0.0), p(40.0, 40.0), p(0.0, 40.0), p(0.0, 0.0)];
        let l = lines(&[&square]);
        // x + y runs over 0..80, one line every 4√2: 14 lines (k = 1..=14).
        assert_eq!(l.len(), 14);
        for (a, b) in &l {
            for q in [a, b] {
                assert!(q.x >= -1e-9 && q.x <= 40.0 + 1e-9 && q.y >= -1e-9 && q.y <= 40.0 + 1e-9, "{q:?}");
            }
            // Diagonal "/" : x + y constant along each line.
            assert!(((a.x + a.y) - (b.x + b.y)).abs() < 1e-9);
        }
    }

    #[test]
    fn holes_stay_empty_and_nothing_leaks_out_of_a_concave_shape() {
        let outer = [p(0.0, 0.0), p(60.0, 0.0), p(60.0, 60.0), p(0.0, 60.0), p(0.0, 0.0)];
        let hole = [p(20.0, 20.0), p(40.0, 20.0), p(40.0, 40.0), p(20.0, 40.0), p(20.0, 20.0)];
        for (a, b) in lines(&[&outer, &hole]) {
            // Sample along the segment: never inside the hole.
            for i in 1..20 {
                let t = f64::from(i) / 20.0;
                let q = p(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
                assert!(!(q.x > 20.5 && q.x < 39.5 && q.y > 20.5 && q.y < 39.5), "{q:?} in the hole");
            }
        }
        // A "U": the lines stop at the notch.
        let u = [p(0.0, 0.0), p(10.0, 0.0), p(10.0, 30.0), p(20.0, 30.0), p(20.0, 0.0), p(30.0, 0.0), p(30.0, 40.0), p(0.0, 40.0), p(0.0, 0.0)];
        for (a, b) in lines(&[&u]) {
            let mid = p((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
            assert!(!(mid.x > 10.0 && mid.x < 20.0 && mid.y < 30.0), "{a:?}-{b:?} crosses the notch");
        }
        assert!(lines(&[&[p(0.0, 0.0), p(f64::NAN, 1.0), p(0.0, 0.0)]]).is_empty());
    }

    #[test]
    fn a_shape_longer_than_a_million_px_along_the_lines_is_hatched_whole() {
        // A band 20 px wide along the "/" direction, 2,000,000 px long: each
        // of its 3 lines (k = 1..=3) meets it 2,000,000 px apart. A key of
        // k · 10⁶ + x mixed the lines up and drew none of them.
        let band = [p(0.0, 1.0), p(2.0e6, -2.0e6 + 1.0), p(2.0e6, -2.0e6 + 21.0), p(0.0, 21.0), p(0.0, 1.0)];
        let l = lines(&[&band]);
        assert_eq!(l.len(), 3, "{l:?}");
        for (a, b) in &l {
            assert_eq!((a.x, b.x), (0.0, 2.0e6));
            assert!(((a.x + a.y) - (b.x + b.y)).abs() < 1e-6);
        }
    }

    #[test]
    fn horizontal_lines_fill_a_square_on_the_grid_in_the_stroke_given() {
        let square = [p(1.0, 2.0), p(41.0, 2.0), p(41.0, 42.0), p(1.0, 42.0), p(1.0, 2.0)];
        let stroke = Stroke { paint: Paint::Class(2), width: 1.75, dashed: false };
        let mut scene = Scene::default();
        super::lines(&mut scene, &[&square], Lines::Horizontal, SPACING, stroke);
        let l: Vec<(Point, Point, Stroke)> =
            scene.shapes.iter().filter_map(|s| if let Shape::Line { from, to, stroke } = s { Some((*from, *to, *stroke)) } else { None }).collect();
        // y = 4, 8, ..., 40: 10 lines, each across the whole square.
        assert_eq!(l.len(), 10, "{l:?}");
        for (i, (a, b, s)) in l.iter().enumerate() {
            let y = 4.0 * (crate::num::count_f64(i) + 1.0);
            assert_eq!((a.y, b.y), (y, y));
            assert_eq!((a.x.min(b.x), a.x.max(b.x)), (1.0, 41.0));
            assert_eq!(*s, stroke);
        }
    }

    #[test]
    fn class_lines_gain_ink_with_the_class_and_the_top_class_is_solid() {
        let ink = |i: usize, n: usize| class_lines(i, n).map(|l| l.width / l.spacing);
        assert_eq!((0..5).map(|i| ink(i, 5)).collect::<Vec<_>>(), [Some(0.125), Some(0.25), Some(0.5), Some(0.6875), None]);
        assert_eq!(class_lines(0, 1), None);
        assert_eq!(ink(0, 2), Some(0.125));
        assert_eq!(ink(1, 2), None);
        assert_eq!((0..3).map(|i| ink(i, 3)).collect::<Vec<_>>(), [Some(0.125), Some(0.6875), None]);
        assert_eq!((0..4).map(|i| ink(i, 4)).collect::<Vec<_>>(), [Some(0.125), Some(0.5), Some(0.6875), None]);
        // Every class below the top leaves a gap between its lines, on the 4 px grid.
        for n in 2..=5 {
            for i in 0..n - 1 {
                let l = class_lines(i, n);
                assert!(l.is_some_and(|l| l.width > 0.0 && l.width <= l.spacing - 1.0 && l.spacing % SPACING == 0.0), "class {i} of {n}: {l:?}");
            }
        }
    }
}
