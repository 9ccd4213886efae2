//! A scene: the shapes of one chart in CSS pixels, colours by role.

/// A point in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Right.
    pub x: f64,
    /// Down.
    pub y: f64,
}

/// An axis-aligned rectangle in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Whether `(x, y)` is inside (left/top inclusive, right/bottom exclusive).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x < self.x + self.w && y >= self.y && y < self.y + self.h
    }

    /// Whether two rectangles share any area.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    /// The right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    /// The bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// The centre.
    pub fn center(&self) -> Point {
        Point { x: self.x + self.w / 2.0, y: self.y + self.h / 2.0 }
    }
}

/// A colour by its role; the theme gives the actual colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Chart background.
    Background,
    /// Main text.
    Text,
    /// Secondary text.
    Muted,
    /// Axis lines.
    Axis,
    /// Grid lines.
    Grid,
    /// Colour class `i` of the colour scale.
    Class(usize),
    /// The active-period span.
    Span,
    /// The period's label inside its span.
    OnSpan,
    /// Reported events.
    Reported,
    /// Alleged or secondary claims.
    Alleged,
    /// Keyboard focus ring.
    Focus,
    /// The map's countries with no victims reported.
    Land,
    /// The map's borders and coasts.
    Border,
    /// The lines of the map's hatching (affected, count not published).
    Hatch,
}

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Colour.
    pub paint: Paint,
    /// Width in CSS px.
    pub width: f64,
    /// Dashed (for uncertainty).
    pub dashed: bool,
}

/// Where text sits relative to its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Left edge, vertical middle.
    LeftMiddle,
    /// Right edge, vertical middle.
    RightMiddle,
    /// Horizontal centre, vertical middle.
    CenterMiddle,
}

/// One thing to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A rectangle, filled and/or outlined.
    Rect {
        /// Where.
        rect: Rect,
        /// Fill.
        fill: Option<Paint>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// A straight line.
    Line {
        /// Start.
        from: Point,
        /// End.
        to: Point,
        /// How.
        stroke: Stroke,
    },
    /// A circle.
    Circle {
        /// Centre.
        center: Point,
        /// Radius.
        radius: f64,
        /// Fill.
        fill: Option<Paint>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// A diamond (a square on its corner), the mark of alleged claims.
    Diamond {
        /// Centre.
        center: Point,
        /// Centre to corner.
        radius: f64,
        /// Fill.
        fill: Option<Paint>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// A filled polygon (a country's ring on the map): the points in
    /// order, the last joined to the first.
    Polygon {
        /// The ring.
        points: Vec<Point>,
        /// Fill.
        fill: Paint,
    },
    /// An open polyline (the map's borders and coasts).
    Path {
        /// The points in order.
        points: Vec<Point>,
        /// How.
        stroke: Stroke,
    },
    /// A line of text.
    Text {
        /// The text, drawn as text (never interpreted).
        text: String,
        /// Anchor point.
        at: Point,
        /// How the text sits on the point.
        anchor: Anchor,
        /// Font size in CSS px.
        size: f64,
        /// Weight.
        weight: crate::text::Weight,
        /// Colour.
        paint: Paint,
    },
}

/// Everything one chart draws, in drawing order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    /// Width in CSS px.
    pub width: f64,
    /// Height in CSS px.
    pub height: f64,
    /// Shapes, back to front; a chart's first is its background, a rect of
    /// [`Paint::Background`] as large as the scene (`Frame`).
    pub shapes: Vec<Shape>,
}

impl Scene {
    /// The shapes but the background: what a chart without one (the
    /// `transparent` display flag) draws.
    pub fn foreground(&self) -> &[Shape] {
        match self.shapes.split_first() {
            Some((Shape::Rect { fill: Some(Paint::Background), stroke: None, .. }, rest)) => rest,
            _ => &self.shapes,
        }
    }

    /// The bounding box of a text shape, from the text metrics.
    pub fn text_box(shape: &Shape) -> Option<Rect> {
        if let Shape::Text { text, at, anchor, size, weight, .. } = shape {
            let w = crate::text::width(text, *size, *weight);
            let h = size * 1.2;
            let x = match anchor {
                Anchor::LeftMiddle => at.x,
                Anchor::RightMiddle => at.x - w,
                Anchor::CenterMiddle => at.x - w / 2.0,
            };
            Some(Rect { x, y: at.y - h / 2.0, w, h })
        } else {
            None
        }
    }

    /// Whether every text is on top: no shape is drawn over a text that
    /// comes before it (boxes compared with a pixel of margin for
    /// anti-aliasing). Then the order of the texts among the other shapes
    /// does not change the picture, and layout is free to put them after
    /// the shapes, a style at a time, which the canvas draws fastest
    /// (tests/layout.rs checks both). Quadratic: for tests.
    pub fn texts_on_top(&self) -> bool {
        let mut texts: Vec<Rect> = Vec::new();
        for shape in &self.shapes {
            match Scene::text_box(shape) {
                Some(b) => texts.push(b),
                None => {
                    let b = shape.paint_box();
                    if texts.iter().any(|t| t.overlaps(&b)) {
                        return false;
                    }
                }
            }
        }
        true
    }
}

impl Shape {
    /// The box a shape other than text may paint: its geometry, widened by
    /// half its stroke and a pixel of anti-aliasing (for text,
    /// [`Scene::text_box`]).
    fn paint_box(&self) -> Rect {
        let half = |s: Option<&Stroke>| s.map_or(0.0, |s| s.width / 2.0) + 1.0;
        let around = |c: Point, r: f64| Rect { x: c.x - r, y: c.y - r, w: 2.0 * r, h: 2.0 * r };
        match self {
            Shape::Rect { rect, stroke, .. } => {
                let m = half(stroke.as_ref());
                Rect { x: rect.x - m, y: rect.y - m, w: rect.w + 2.0 * m, h: rect.h + 2.0 * m }
            }
            Shape::Line { from, to, stroke } => {
                let m = half(Some(stroke));
                let (x, y) = (from.x.min(to.x), from.y.min(to.y));
                Rect { x: x - m, y: y - m, w: (from.x - to.x).abs() + 2.0 * m, h: (from.y - to.y).abs() + 2.0 * m }
            }
            Shape::Circle { center, radius, stroke, .. } | Shape::Diamond { center, radius, stroke, .. } => around(*center, radius + half(stroke.as_ref())),
            Shape::Polygon { points, .. } => points_box(points, 1.0),
            Shape::Path { points, stroke } => points_box(points, half(Some(stroke))),
            Shape::Text { at, .. } => Scene::text_box(self).unwrap_or(Rect { x: at.x, y: at.y, w: 0.0, h: 0.0 }),
        }
    }
}

/// The box around `points`, widened by `margin` on every side.
pub fn points_box(points: &[Point], margin: f64) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for p in points {
        x0 = x0.min(p.x);
        y0 = y0.min(p.y);
        x1 = x1.max(p.x);
        y1 = y1.max(p.y);
    }
    if x0 > x1 {
        return Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 };
    }
    Rect { x: x0 - margin, y: y0 - margin, w: x1 - x0 + 2.0 * margin, h: y1 - y0 + 2.0 * margin }
}
