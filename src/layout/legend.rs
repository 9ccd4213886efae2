//! The legend of the colour classes, shared by the bars and the map (one
//! drawing, so that both charts explain their colours the same way): a
//! muted heading, then a swatch and a label per entry, in rows that wrap at
//! the chart's width.

use super::{Anchor, Metrics, Paint, Point, Rect, Scene, Shape};
use crate::text::{self, Weight};

/// What stands before a legend label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Swatch {
    /// Nothing: the heading, in muted text.
    Heading,
    /// A square filled with this colour.
    Fill(Paint),
    /// A square of the map's land, outlined (no victims reported).
    #[cfg(careto_map)]
    Land,
    /// A square of the map's hatching (affected, count not published).
    #[cfg(careto_map)]
    Hatch,
    /// A square of land crossed by these lines in this paint, outlined in
    /// it (a colour class of a patterned chart: forced colours).
    Lines(Paint, super::hatch::ClassLines),
}

/// Lays out `entries` from `(x0, y)`, wrapping at `x1`; returns the y below
/// the last row. Texts go after the swatches, a style at a time (they
/// overlap none of them): the canvas then sets each font, alignment and
/// colour once, not once per label (setting a font costs the browser a CSS
/// parse).
pub(crate) fn legend(scene: &mut Scene, entries: Vec<(Swatch, String)>, x0: f64, x1: f64, y: f64, m: &Metrics) -> f64 {
    let swatch = (m.subtitle * 0.9).round();
    let line_h = (m.subtitle * 1.5).round();
    let mut y = y;
    let mut x = x0;
    let mut texts = Vec::new();
    for (kind, label) in entries {
        let has_swatch = kind != Swatch::Heading;
        let w = text::width(&label, m.subtitle, Weight::Normal) + if has_swatch { swatch + 5.0 } else { 0.0 };
        if x > x0 && x + w > x1 {
            x = x0;
            y += line_h;
        }
        let mid = y + line_h / 2.0;
        let mut tx = x;
        if has_swatch {
            let rect = Rect { x, y: mid - swatch / 2.0, w: swatch, h: swatch };
            draw_swatch(scene, kind, rect);
            tx += swatch + 5.0;
        }
        let paint = if has_swatch { Paint::Text } else { Paint::Muted };
        texts.push(Shape::Text { text: label, at: Point { x: tx, y: mid }, anchor: Anchor::LeftMiddle, size: m.subtitle, weight: Weight::Normal, paint });
        x += w + 14.0;
    }
    scene.shapes.append(&mut texts);
    y + line_h
}

fn draw_swatch(scene: &mut Scene, kind: Swatch, rect: Rect) {
    match kind {
        Swatch::Heading => {}
        Swatch::Fill(paint) => scene.shapes.push(Shape::Rect { rect, fill: Some(paint), stroke: None }),
        #[cfg(careto_map)]
        Swatch::Land => {
            scene.shapes.push(Shape::Rect { rect, fill: Some(Paint::Land), stroke: Some(super::Stroke { paint: Paint::Border, width: 1.0, dashed: false }) });
        }
        #[cfg(careto_map)]
        Swatch::Hatch => {
            scene.shapes.push(Shape::Rect { rect, fill: Some(Paint::Land), stroke: None });
            super::hatch::hatch(scene, &[&corners(rect)], super::hatch::SPACING);
        }
        Swatch::Lines(paint, lines) => lined(scene, rect, paint, lines),
    }
}

/// `rect` as a patterned class draws it (forced colours): land, outlined
/// in the class's paint and crossed by its lines. A legend's square and a
/// bar alike.
pub(crate) fn lined(scene: &mut Scene, rect: Rect, paint: Paint, lines: super::hatch::ClassLines) {
    scene.shapes.push(Shape::Rect { rect, fill: Some(Paint::Land), stroke: Some(super::Stroke { paint, width: 1.0, dashed: false }) });
    super::hatch::rect_lines(scene, rect, lines, paint);
}

/// A rectangle's corners as a closed ring, clockwise on screen.
#[cfg(careto_map)]
fn corners(rect: Rect) -> [Point; 5] {
    [
        Point { x: rect.x, y: rect.y },
        Point { x: rect.right(), y: rect.y },
        Point { x: rect.right(), y: rect.bottom() },
        Point { x: rect.x, y: rect.bottom() },
        Point { x: rect.x, y: rect.y },
    ]
}
