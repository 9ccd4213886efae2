//! A plotters backend that draws into an RGB bitmap (native only): the
//! social cards (`render::card`). plotters' `BitMapBackend` draws the
//! shapes; text is drawn here, through ab_glyph, in the bundled Liberation
//! Sans ([`crate::render::font`]): the font whose widths layout measures
//! with (`src/text.rs`), so labels fit as they were laid out, and a card
//! comes out the same on every machine, with no system font involved.
//!
//! Like the canvas's HiDPI wrapper (`src/web/hidpi.rs`), it reports the
//! scene's size in CSS px to plotters and maps every coordinate onto the
//! bitmap through a [`Placement`] (scale, then offset): the chart is drawn at
//! the bitmap's resolution, not drawn small and stretched. Text sits on its
//! point as the canvas's `textAlign` / `textBaseline` put it (`middle`: the
//! middle of the font's ascent and descent).

use super::font::{self, Fonts};
use crate::num::{saturating_i32, saturating_u32, to_f32};
use ab_glyph::{point, Font, FontRef, GlyphId, PxScale, ScaleFont};
use plotters::prelude::BitMapBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};

/// Where a scene goes on the bitmap: CSS px × `scale`, then moved by
/// (`x`, `y`) bitmap pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// Bitmap pixels per CSS px.
    pub scale: f64,
    /// The scene's left edge on the bitmap.
    pub x: f64,
    /// The scene's top edge on the bitmap.
    pub y: f64,
}

impl Placement {
    /// A point of the scene (CSS px) on the bitmap, in pixels.
    pub fn map(&self, x: f64, y: f64) -> (f64, f64) {
        (x * self.scale + self.x, y * self.scale + self.y)
    }
}

/// Why the raster backend failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RasterError(pub String);

impl std::fmt::Display for RasterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RasterError {}

type Result<T = ()> = std::result::Result<T, DrawingErrorKind<RasterError>>;

fn inner_error<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> DrawingErrorKind<RasterError> {
    match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(RasterError(e.to_string())),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// A stroke or fill with its width in bitmap pixels.
struct Scaled {
    color: BackendColor,
    width: u32,
}

impl BackendStyle for Scaled {
    fn color(&self) -> BackendColor {
        self.color
    }

    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// A plotters backend on an RGB bitmap, the scene placed by a [`Placement`].
pub struct Raster<'a> {
    inner: BitMapBackend<'a>,
    css_size: (u32, u32),
    placement: Placement,
    fonts: &'static Fonts,
}

impl<'a> Raster<'a> {
    /// Draws on `rgb` (3 bytes a pixel, `size` pixels, rows top to bottom) a
    /// scene of `css_size` CSS px placed by `placement`.
    pub fn new(rgb: &'a mut [u8], size: (u32, u32), css_size: (u32, u32), placement: Placement) -> std::result::Result<Raster<'a>, RasterError> {
        let bytes = u64::from(size.0) * u64::from(size.1) * 3;
        if u64::try_from(rgb.len()).ok() != Some(bytes) {
            return Err(RasterError(format!("a {}×{} bitmap needs {bytes} bytes, not {}", size.0, size.1, rgb.len())));
        }
        let fonts = font::fonts().map_err(RasterError)?;
        Ok(Raster { inner: BitMapBackend::with_buffer(rgb, size), css_size, placement, fonts })
    }

    fn pt(&self, (x, y): BackendCoord) -> BackendCoord {
        let (x, y) = self.placement.map(f64::from(x), f64::from(y));
        (saturating_i32(x.round()), saturating_i32(y.round()))
    }

    fn style<S: BackendStyle>(&self, style: &S) -> Scaled {
        let width = (f64::from(style.stroke_width()) * self.placement.scale).round().max(1.0);
        Scaled { color: style.color(), width: saturating_u32(width) }
    }

    fn length(&self, v: u32) -> u32 {
        saturating_u32((f64::from(v) * self.placement.scale).round().max(1.0))
    }
}

impl DrawingBackend for Raster<'_> {
    type ErrorType = RasterError;

    fn get_size(&self) -> (u32, u32) {
        self.css_size
    }

    fn ensure_prepared(&mut self) -> Result {
        self.inner.ensure_prepared().map_err(inner_error)
    }

    fn present(&mut self) -> Result {
        self.inner.present().map_err(inner_error)
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        // One CSS px is `scale` bitmap pixels: fill them all.
        let (x0, y0) = self.pt(point);
        let (x1, y1) = self.pt((point.0 + 1, point.1 + 1));
        self.inner.draw_rect((x0, y0), (x1.max(x0 + 1), y1.max(y0 + 1)), &Scaled { color, width: 1 }, true).map_err(inner_error)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result {
        let style = self.style(style);
        self.inner.draw_line(self.pt(from), self.pt(to), &style).map_err(inner_error)
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Result {
        let style = self.style(style);
        self.inner.draw_rect(self.pt(upper_left), self.pt(bottom_right), &style, fill).map_err(inner_error)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result {
        let style = self.style(style);
        let mut points: Vec<BackendCoord> = path.into_iter().map(|p| self.pt(p)).collect();
        // Repeated points join nothing (plotters skips them too).
        points.dedup();
        if style.width <= 1 {
            // One pixel wide: plotters draws each segment as a line, no joins.
            return self.inner.draw_path(points, &style).map_err(inner_error);
        }
        // Wider: plotters outlines the whole path as one polygon (mitred
        // joins), which a sharp turn spikes ([`pieces`]); such a path is
        // drawn in pieces split there, each turn rounded by a disc (the
        // scene's colours are opaque: where these overlap does not show).
        let half = f64::from(style.width) / 2.0;
        let round = Scaled { color: style.color, width: 1 };
        let mut first = true;
        for piece in pieces(&points, half) {
            if !first {
                if let Some(&turn) = piece.first() {
                    self.inner.draw_circle(turn, style.width.div_ceil(2), &round, true).map_err(inner_error)?;
                }
            }
            first = false;
            self.inner.draw_path(piece.iter().copied(), &style).map_err(inner_error)?;
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result {
        let style = self.style(style);
        let points: Vec<BackendCoord> = vert.into_iter().map(|p| self.pt(p)).collect();
        self.inner.fill_polygon(points, &style).map_err(inner_error)
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result {
        let style = self.style(style);
        self.inner.draw_circle(self.pt(center), self.length(radius), &style, fill).map_err(inner_error)
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result {
        let color = style.color();
        if color.alpha <= 0.0 || text.is_empty() {
            return Ok(());
        }
        let font = self.fonts.get(style.style());
        let em = style.size() * self.placement.scale;
        let line = TextLine::new(font, em, text).map_err(DrawingErrorKind::DrawingError)?;
        let (x, y) = self.placement.map(f64::from(pos.0), f64::from(pos.1));
        let anchor = style.anchor();
        let left = match anchor.h_pos {
            HPos::Left => x,
            HPos::Right => x - line.width,
            HPos::Center => x - line.width / 2.0,
        };
        let baseline = match anchor.v_pos {
            VPos::Top => y + line.ascent,
            // The canvas's `middle`: halfway between ascent and descent.
            VPos::Center => y + (line.ascent + line.descent) / 2.0,
            VPos::Bottom => y + line.descent,
        };
        let mut coverage: Vec<(i32, i32, f32)> = Vec::new();
        line.rasterise(left, baseline, &mut |x, y, c| coverage.push((x, y, c)));
        for (px, py, c) in coverage {
            let alpha = color.alpha * f64::from(c.clamp(0.0, 1.0));
            if alpha > 0.0 {
                self.inner.draw_pixel((px, py), BackendColor { alpha, rgb: color.rgb }).map_err(inner_error)?;
            }
        }
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32)> {
        // Not used by our charts (layout measures with text.rs); in CSS px, for plotters elements that ask.
        let line = TextLine::new(self.fonts.get(style.style()), style.size(), text).map_err(DrawingErrorKind::DrawingError)?;
        Ok((saturating_u32(line.width.ceil()), saturating_u32(style.size().ceil())))
    }
}

/// `points` (no two in a row the same) cut at every turn too sharp for
/// plotters' thick-path outline: consecutive pieces share the turn's point.
///
/// plotters (`plotters_backend::rasterizer::polygonize`, for a stroke wider
/// than 1 px) outlines a path as one polygon, each join at the crossing of
/// the two segments' edges, `half` (half the stroke's width) to either side.
/// It caps that crossing on the outer side of a turn, but not on the inner
/// one, which lies `half / tan(θ / 2)` along both segments (θ: the angle
/// between them). Where that is longer than a segment, the crossing is
/// beyond the stroke, and the polygon reaches out to it: a spike across
/// whatever is there. A coastline rounded to whole pixels turns back on
/// itself at some widths (the Spanish map card's Shark Bay, in Western
/// Australia: 0.7° between its segments, a 160 px spike on the card's
/// double-resolution bitmap); the SVG and the canvas, whose strokes have
/// true joins, never showed it. Cut there, each piece ends square at the
/// turn, and the disc drawn on it closes the join.
fn pieces(points: &[BackendCoord], half: f64) -> Vec<&[BackendCoord]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, window) in points.windows(3).enumerate() {
        if let &[a, b, c] = window {
            if spikes(a, b, c, half) {
                out.extend(points.get(start..=i + 1));
                start = i + 1;
            }
        }
    }
    out.extend(points.get(start..));
    out
}

/// Whether plotters' join at `b`, of the segments from `a` and to `c`,
/// falls outside them on the inner side of the turn: `half / tan(θ / 2)`
/// longer than the shorter segment, with `tan(θ / 2) = |u × v| / (|u| |v| + u · v)`
/// for `u = a − b`, `v = c − b`. A path that turns straight back spikes
/// too; one that goes straight on does not.
fn spikes(a: BackendCoord, b: BackendCoord, c: BackendCoord, half: f64) -> bool {
    let (ux, uy) = (f64::from(a.0) - f64::from(b.0), f64::from(a.1) - f64::from(b.1));
    let (vx, vy) = (f64::from(c.0) - f64::from(b.0), f64::from(c.1) - f64::from(b.1));
    let cross = (ux * vy - uy * vx).abs();
    let dot = ux * vx + uy * vy;
    if cross == 0.0 {
        return dot > 0.0;
    }
    let (lu, lv) = (ux.hypot(uy), vx.hypot(vy));
    half * (lu * lv + dot) > lu.min(lv) * cross
}

/// One line of text in one font at one size, its glyphs found and measured.
struct TextLine<'f> {
    font: &'f FontRef<'static>,
    scale: PxScale,
    glyphs: Vec<(GlyphId, f32)>,
    /// Advance width, kerning included, in bitmap pixels.
    width: f64,
    /// Above the baseline (positive), in bitmap pixels.
    ascent: f64,
    /// Below the baseline (negative), in bitmap pixels.
    descent: f64,
}

impl<'f> TextLine<'f> {
    /// `text` at `em` pixels to the em (CSS's font size). Fails, naming the
    /// character, when the font has no glyph for one: a card never shows a
    /// missing-glyph box instead of a letter.
    fn new(font: &'f FontRef<'static>, em: f64, text: &str) -> std::result::Result<TextLine<'f>, RasterError> {
        let units = f64::from(font.units_per_em().unwrap_or(2048.0));
        // ab_glyph's scale is the height from descent to ascent, not the em.
        let scale = PxScale::from(to_f32(em * f64::from(font.height_unscaled()) / units));
        let scaled = font.as_scaled(scale);
        let mut glyphs = Vec::with_capacity(text.len());
        let mut caret = 0.0f32;
        let mut prev: Option<GlyphId> = None;
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            if id.0 == 0 && !c.is_whitespace() {
                return Err(RasterError(format!("the card font ({}) has no glyph for '{c}' (U+{:04X})", font::NAME, u32::from(c))));
            }
            if let Some(p) = prev {
                caret += scaled.kern(p, id);
            }
            glyphs.push((id, caret));
            caret += scaled.h_advance(id);
            prev = Some(id);
        }
        Ok(TextLine { font, scale, glyphs, width: f64::from(caret), ascent: f64::from(scaled.ascent()), descent: f64::from(scaled.descent()) })
    }

    /// Calls `pixel(x, y, coverage)` for every pixel the line covers, its
    /// left end at `left` and its baseline at `baseline` (bitmap pixels).
    fn rasterise(&self, left: f64, baseline: f64, pixel: &mut dyn FnMut(i32, i32, f32)) {
        let (left, baseline) = (to_f32(left), to_f32(baseline));
        for (id, x) in &self.glyphs {
            let glyph = id.with_scale_and_position(self.scale, point(left + x, baseline));
            if let Some(outline) = self.font.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                let (x0, y0) = (saturating_i32(f64::from(bounds.min.x)), saturating_i32(f64::from(bounds.min.y)));
                outline.draw(|gx, gy, c| {
                    let gx = i32::try_from(gx).unwrap_or(i32::MAX);
                    let gy = i32::try_from(gy).unwrap_or(i32::MAX);
                    pixel(x0.saturating_add(gx), y0.saturating_add(gy), c);
                });
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn only_turns_whose_join_falls_outside_the_segments_spike() {
        // Straight on, a right angle, a gentle bend: no.
        assert!(!spikes((0, 0), (10, 0), (20, 0), 1.0));
        assert!(!spikes((0, 0), (10, 0), (10, 10), 1.0));
        assert!(!spikes((0, 0), (10, 0), (20, 3), 1.0));
        // Straight back, and almost (Shark Bay on the Spanish map card): yes.
        assert!(spikes((0, 0), (10, 0), (5, 0), 1.0));
        assert!(spikes((1591, 859), (1598, 847), (1595, 852), 1.0));
        // Sharp, but with segments longer than the join's reach: no.
        assert!(!spikes((0, 0), (100, 0), (0, 20), 1.0));
        let points = [(0, 0), (10, 0), (5, 0), (5, 10)];
        assert_eq!(pieces(&points, 1.0), vec![&points[..2], &points[1..]]);
    }

    #[test]
    fn a_thick_path_that_turns_back_stays_where_its_points_are() {
        // The coast of Shark Bay on the Spanish map card's bitmap (moved by
        // −1500, −800): plotters' mitred outline spiked 160 px from it.
        let path = [(91, 59), (98, 47), (95, 52), (98, 47), (107, 43)];
        let size = (300, 300);
        let mut rgb = vec![255u8; 300 * 300 * 3];
        {
            let mut raster = Raster::new(&mut rgb, size, size, Placement { scale: 1.0, x: 0.0, y: 0.0 }).unwrap();
            raster.draw_path(path, &Scaled { color: BackendColor { alpha: 1.0, rgb: (0, 0, 0) }, width: 2 }).unwrap();
            raster.present().unwrap();
        }
        // Within the points' box, a stroke's reach (and a pixel) around it.
        let (x0, x1, y0, y1) = (91 - 2, 107 + 2, 43 - 2, 59 + 2);
        let mut stray = Vec::new();
        for (i, px) in rgb.chunks_exact(3).enumerate() {
            let (x, y) = (i % 300, i / 300);
            if px != [255, 255, 255] && !((x0..=x1).contains(&x) && (y0..=y1).contains(&y)) {
                stray.push((x, y));
            }
        }
        assert!(stray.is_empty(), "{} pixels drawn away from the path, e.g. {:?}", stray.len(), &stray[..stray.len().min(5)]);
        // And the turn is drawn.
        assert_eq!(&rgb[(47 * 300 + 98) * 3..][..3], &[0, 0, 0]);
    }
}
