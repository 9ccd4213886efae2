//! Hatching computed in layout: diagonal lines clipped to a shape, so that
//! every backend (canvas, SVG) draws the same pattern with plain lines, and
//! colour is never the only thing that tells "affected, count not
//! published" apart (a pattern survives every colour-vision deficiency and
//! greyscale printing).

use super::{Paint, Point, Scene, Shape, Stroke};

/// Distance between two hatch lines, CSS px (measured across them).
pub const SPACING: f64 = 4.0;

/// Adds the hatch lines ("/", bottom-left to top-right) inside `rings`
/// (even-odd: a ring inside another is a hole) to `scene`. The lines lie
/// on the same grid for every shape (x + y = k · spacing · √2), so
/// neighbouring hatched countries continue each other's lines.
///
/// Each ring edge meets the lines whose value it spans (half-open, so a
/// line through a vertex is met once); the meeting points of each line,
/// sorted along it, pair up into the segments inside. Work: edges plus
/// meeting points, sorted once.
pub fn hatch(scene: &mut Scene, rings: &[&[Point]], spacing: f64) {
    let step = spacing * std::f64::consts::SQRT_2;
    if !(step.is_finite() && step > 0.0) {
        return;
    }
    // (line index, x) of every meeting point.
    let mut hits: Vec<(f64, Point)> = Vec::new();
    for ring in rings {
        for edge in ring.windows(2) {
            let [a, b] = edge else { continue };
            let (fa, fb) = (a.x + a.y, b.x + b.y);
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
    // Lines in order, along each line by x: a comparison of the two keys
    // (no key folded into one float), through the crate's one sort.
    let at = |i: usize| hits.get(i).map_or((f64::INFINITY, f64::INFINITY), |(k, p)| (*k, p.x));
    let order = crate::sort::by(hits.len(), &|a, b| {
        let ((ka, xa), (kb, xb)) = (at(a), at(b));
        ka.total_cmp(&kb).then(xa.total_cmp(&xb))
    });
    let sorted = crate::sort::apply(&hits, &order);
    let stroke = Stroke { paint: Paint::Hatch, width: 1.0, dashed: false };
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

#[cfg(test)]
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
}
