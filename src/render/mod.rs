//! Render: draws a [`Scene`] with a [`Theme`] onto any plotters
//! `DrawingBackend`: the same code paints the browser's canvas and writes
//! the SVG used by snapshot tests and static images, and (natively) the PNG
//! social cards (`card`, through the `raster` backend).

#[cfg(not(target_arch = "wasm32"))]
pub mod card;
#[cfg(not(target_arch = "wasm32"))]
mod font;
#[cfg(not(target_arch = "wasm32"))]
pub mod raster;
#[cfg(not(target_arch = "wasm32"))]
mod svg;
#[cfg(not(target_arch = "wasm32"))]
pub use svg::to_svg;

use crate::layout::{Anchor, Paint, Point, Scene, Shape, Stroke};
use crate::text::{Weight, FONT_FAMILY};
use crate::theme::{Rgb, Theme};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{DrawingBackend, DrawingErrorKind};

/// Why drawing failed (the backend's own message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError(pub String);

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "drawing failed: {}", self.0)
    }
}

impl std::error::Error for RenderError {}

fn color(theme: &Theme, paint: Paint) -> RGBColor {
    let c: Rgb = match paint {
        Paint::Background => theme.background,
        Paint::Text => theme.text,
        Paint::Muted => theme.text_muted,
        Paint::Axis => theme.axis,
        Paint::Grid => theme.grid,
        Paint::Class(i) => theme.class_color(i),
        Paint::Span => theme.span,
        Paint::OnSpan => theme.on_span,
        Paint::Reported => theme.reported,
        Paint::Alleged => theme.alleged,
        Paint::Focus => theme.focus,
        Paint::Land => theme.land,
        Paint::Border => theme.border,
        Paint::Hatch => theme.hatch,
    };
    c.into()
}

/// Rounds a CSS px coordinate to the backend's integer grid.
fn px(v: f64) -> i32 {
    crate::num::grid_px(v)
}

fn pt(p: Point) -> (i32, i32) {
    (px(p.x), px(p.y))
}

/// How a backend turns plotters' font size into pixels: plotters' SVG backend
/// writes `size / 1.24`, its canvas backend `size` as is. Render multiplies by
/// this so that text is the scene's size in CSS px on every backend.
pub const SVG_FONT_SCALE: f64 = 1.24;

/// Draws `scene` onto `backend` (whose size is the scene's, in CSS px);
/// `font_scale` is 1 for canvas and [`SVG_FONT_SCALE`] for SVG.
pub fn draw<DB: DrawingBackend>(scene: &Scene, theme: &Theme, backend: &mut DB, font_scale: f64) -> Result<(), RenderError> {
    draw_shapes(&scene.shapes, theme, backend, font_scale)
}

/// Draws `shapes` (of a scene: [`draw`]), in order, onto `backend`; e.g. a
/// scene's [`Scene::foreground`] for a chart without a background. Each
/// shape is one call of plotters' `DrawingBackend` (what plotters' own
/// elements call, without their generic drawing-area layer).
pub fn draw_shapes<DB: DrawingBackend>(shapes: &[Shape], theme: &Theme, backend: &mut DB, font_scale: f64) -> Result<(), RenderError> {
    draw_on(shapes, theme, backend, font_scale).map_err(|e| RenderError(e.to_string()))
}

fn draw_on<DB: DrawingBackend>(shapes: &[Shape], theme: &Theme, backend: &mut DB, font_scale: f64) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    backend.ensure_prepared()?;
    for shape in shapes {
        match shape {
            Shape::Rect { rect, fill, stroke } => {
                if let Some(f) = fill {
                    backend.draw_rect((px(rect.x), px(rect.y)), (px(rect.right()), px(rect.bottom())), &color(theme, *f).filled(), true)?;
                }
                if let Some(s) = stroke {
                    let (l, t, r, b) = (rect.x, rect.y, rect.right(), rect.bottom());
                    let ring = [Point { x: l, y: t }, Point { x: r, y: t }, Point { x: r, y: b }, Point { x: l, y: b }, Point { x: l, y: t }];
                    draw_polyline(backend, &ring, s, theme)?;
                }
            }
            Shape::Line { from, to, stroke } => draw_polyline(backend, &[*from, *to], stroke, theme)?,
            Shape::Circle { center, radius, fill, stroke } => {
                let r = px(*radius).max(1);
                let r = u32::try_from(r).unwrap_or(1);
                if let Some(f) = fill {
                    backend.draw_circle(pt(*center), r, &color(theme, *f).filled(), true)?;
                }
                if let Some(s) = stroke {
                    backend.draw_circle(pt(*center), r, &color(theme, s.paint).stroke_width(stroke_px(s)), false)?;
                }
            }
            Shape::Diamond { center, radius, fill, stroke } => {
                let (cx, cy, r) = (center.x, center.y, *radius);
                let corners = [Point { x: cx, y: cy - r }, Point { x: cx + r, y: cy }, Point { x: cx, y: cy + r }, Point { x: cx - r, y: cy }];
                if let Some(f) = fill {
                    backend.fill_polygon(corners.iter().map(|p| pt(*p)), &color(theme, *f).filled())?;
                }
                if let Some(s) = stroke {
                    let mut ring = corners.to_vec();
                    ring.extend(corners.first().copied());
                    draw_polyline(backend, &ring, s, theme)?;
                }
            }
            Shape::Polygon { points, fill } => backend.fill_polygon(points.iter().map(|p| pt(*p)), &color(theme, *fill).filled())?,
            Shape::Path { points, stroke } => draw_polyline(backend, points, stroke, theme)?,
            Shape::Text { text, at, anchor, size, weight, paint } => {
                let style = match weight {
                    Weight::Normal => FontStyle::Normal,
                    Weight::Bold => FontStyle::Bold,
                };
                let h = match anchor {
                    Anchor::LeftMiddle => HPos::Left,
                    Anchor::RightMiddle => HPos::Right,
                    Anchor::CenterMiddle => HPos::Center,
                };
                let font = FontDesc::new(FontFamily::Name(FONT_FAMILY), *size * font_scale, style).color(&color(theme, *paint)).pos(Pos::new(h, VPos::Center));
                backend.draw_text(text.as_str(), &font, pt(*at))?;
            }
        }
    }
    Ok(())
}

fn stroke_px(s: &Stroke) -> u32 {
    u32::try_from(px(s.width).max(1)).unwrap_or(1)
}

/// Draws a polyline, splitting it into dashes when the stroke is dashed.
fn draw_polyline<DB: DrawingBackend>(backend: &mut DB, points: &[Point], stroke: &Stroke, theme: &Theme) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let style = color(theme, stroke.paint).stroke_width(stroke_px(stroke));
    if !stroke.dashed {
        return backend.draw_path(points.iter().map(|p| pt(*p)), &style);
    }
    let (dash, gap) = (3.0, 2.0);
    for pair in points.windows(2) {
        let [a, b] = pair else { continue };
        let len = ((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt();
        if len <= 0.0 {
            continue;
        }
        let mut t = 0.0;
        while t < len {
            let t1 = (t + dash).min(len);
            let p = |u: f64| Point { x: a.x + (b.x - a.x) * u / len, y: a.y + (b.y - a.y) * u / len };
            backend.draw_path([pt(p(t)), pt(p(t1))], &style)?;
            t += dash + gap;
        }
    }
    Ok(())
}
