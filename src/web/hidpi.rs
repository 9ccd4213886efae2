//! A HiDPI canvas backend for plotters. plotters-canvas's `CanvasBackend`
//! draws in bitmap pixels, which blurs on screens with devicePixelRatio > 1
//! (plotters issue #164). This wrapper sizes the bitmap at CSS size × dpr,
//! scales the context once and reports the CSS size, so chart code works in
//! CSS pixels and stays sharp. Shapes (rects, lines, circles) are drawn by
//! plotters-canvas's `CanvasBackend` (vendored), which sets the fill colour
//! and the line style only when they change. Paths and polygons take their
//! style from the same cache, and each run of them in one opaque style
//! (the map's 585 borders, its 249 hatch lines, the land's polygons) is one
//! canvas path, its points handed to JS in one call (`HiDpiCanvas::xy`),
//! not one call per point or a path per shape. Text is drawn here with the
//! canvas's `fillText`, setting font, alignment and baseline only when they
//! change (runs of labels share a style), and its colour through the same
//! backend's cache; layout measures text with the width tables of
//! `text.rs`, so nothing calls `measureText` while drawing. Every text is set in one font size,
//! [`TEXT_PX`], and scaled to its own by the context's transform: the first
//! use of each font size costs the browser a font lookup (0.5-2 ms each in
//! Chromium on Linux, a call to the browser process), and a chart uses six.

use crate::num::{saturating_i64, saturating_u32};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

type InnerError = <CanvasBackend as DrawingBackend>::ErrorType;

/// Text drawing failed in the browser (the canvas refused a call).
#[derive(Debug)]
struct TextError(String);

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("canvas text: ")?;
        f.write_str(&self.0)
    }
}

impl std::error::Error for TextError {}

fn text_error(e: JsValue) -> DrawingErrorKind<InnerError> {
    DrawingErrorKind::FontError(Box::new(TextError(e.as_string().unwrap_or_else(|| "the browser refused".to_string()))))
}

/// A CSS number with up to two decimals (`13`, `13.5`, `13.25`), by integer arithmetic.
fn css_number(v: f64) -> String {
    let v = if v.is_finite() { v.clamp(0.0, 1.0e6) } else { 0.0 };
    // Clamped to 0..=1e6 above: the hundredths fit an i64.
    let hundredths = saturating_i64((v * 100.0).round());
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

/// The CSS font of a plotters text style at `size` px, and the key the cache compares.
fn font(style: &impl BackendTextStyle, size: f64) -> String {
    let weight = match style.style() {
        FontStyle::Bold => "bold ",
        FontStyle::Italic => "italic ",
        FontStyle::Oblique => "oblique ",
        FontStyle::Normal => "",
    };
    format!("{weight}{}px {}", css_number(size), style.family().as_str())
}

/// The one font size the canvas is given (CSS px): the charts' labels are
/// set in it, so most texts need no scaling. Any other size is this one
/// scaled by the context's transform ([`HiDpiCanvas::draw_text`]).
const TEXT_PX: f64 = 13.0;

// A path's points cross into JS once, as one Int32Array (a view of wasm
// memory, not a copy), and a JS loop makes the context's calls: the map's
// borders and countries are over 11,000 points, which plotters-canvas
// passes one `lineTo` at a time, each a call across the wasm boundary.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
function trace(c, xy) {
  c.beginPath();
  for (let i = 0; i < xy.length; ) {
    const end = i + 1 + 2 * xy[i];
    c.moveTo(xy[i + 1], xy[i + 2]);
    for (i += 3; i < end; i += 2) c.lineTo(xy[i], xy[i + 1]);
  }
}
export function careto_fill_path(c, xy) { trace(c, xy); c.fill(); }
export function careto_stroke_path(c, xy) { trace(c, xy); c.stroke(); }
export function careto_fill_text(c, text, x, y, k, d) {
  if (k === 1) return void c.fillText(text, x, y);
  c.setTransform(d * k, 0, 0, d * k, d * x, d * y);
  c.fillText(text, 0, 0);
  c.setTransform(d, 0, 0, d, 0, 0);
}
"#)]
extern "C" {
    /// Fills the polygons in `xy`, one path (the non-zero rule): each is
    /// its number of points n (at least one), then x0, y0, ... x(n-1), y(n-1).
    fn careto_fill_path(context: &CanvasRenderingContext2d, xy: &[i32]);
    /// Strokes the open paths in `xy` (as above), one path.
    fn careto_stroke_path(context: &CanvasRenderingContext2d, xy: &[i32]);
    /// `context.fillText(text, x, y)` at `k` times the font's size: drawn
    /// at the origin of the context scaled by `k` around (x, y), then the
    /// chart's scale `d` put back (alignment and baseline scale with it).
    /// Throws nothing (non-finite numbers are ignored): bound without
    /// web-sys's `catch`, whose wrapper cost more than the call on a
    /// redraw's 70-odd labels.
    fn careto_fill_text(context: &CanvasRenderingContext2d, text: &str, x: f64, y: f64, k: f64, d: f64);
}

/// Strokes the open paths in `xy` ([`careto_fill_path`]'s layout) on
/// `context` as it is set: the map's outline of the country under a
/// pointer, on the canvas over the map's (shell/world.js).
#[cfg(careto_map)]
pub fn stroke_paths(context: &CanvasRenderingContext2d, xy: &[i32]) {
    careto_stroke_path(context, xy);
}

/// A plotters backend on a canvas whose bitmap is `css size × dpr`.
pub struct HiDpiCanvas {
    /// plotters-canvas's backend on the same canvas: draws the shapes.
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
    css_size: (u32, u32),
    // The text state last set by this backend (empty, `None`: unknown, set
    // it). The fill colour is `inner`'s, which shapes and text share
    // (`CanvasBackend::set_fill_color`, vendor/plotters-canvas).
    font: String,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
    /// Bitmap px per CSS px: the context's scale, between texts.
    dpr: f64,
    /// The paths or polygons drawn but not yet handed to the context, all
    /// in one style ([`careto_fill_path`]'s layout), and that style's key
    /// ([`run_key`]; 0: no run). Opaque runs are drawn as one canvas path:
    /// the map's 585 borders are one stroke and its 249 hatch lines
    /// another, where each was a path of its own, and the browser
    /// rasterises one path far faster than hundreds. An opaque union looks
    /// the same as the shapes painted one after another, as long as no two
    /// polygons of a run wind opposite ways where they overlap: every ring
    /// a scene fills goes clockwise (tests/map.rs,
    /// `every_filled_ring_winds_clockwise_on_screen`).
    xy: Vec<i32>,
    run: u64,
}

/// The key of a run's style: filled or stroked, the colour (rgb and alpha
/// in thousandths) and the line's width; never 0.
fn run_key(fill: bool, color: BackendColor, width: u32) -> u64 {
    let (r, g, b) = color.rgb;
    let alpha = saturating_u32((color.alpha.clamp(0.0, 1.0) * 1000.0).round());
    (u64::from(fill) << 62 | 1 << 61) | u64::from(width & 0xffff) << 40 | u64::from(alpha) << 24 | u64::from(r) << 16 | u64::from(g) << 8 | u64::from(b)
}

impl HiDpiCanvas {
    /// Sizes `canvas` for `css_size` (CSS px, rounded up) at `dpr` (bitmap
    /// and CSS size), scales its context (`context`), and wraps it. One
    /// scale for both sides, lowered until the bitmap fits what every
    /// browser can hold ([`crate::layout::bitmap_scale`]): a very tall chart
    /// is less sharp, never squashed or cut.
    ///
    /// `roomy` (the browser has CSS `object-view-box`): the bitmap only
    /// grows, in the dimension that needs it, up to twice the area needed
    /// (beyond, it is made exact), and the canvas shows its top-left part
    /// at the same scale. Reallocating it was the better part of a redraw
    /// at a new width (about 1 ms of 1.9 at 800 × 550 px in Chromium,
    /// measured 2026-12-02): a chart made narrower, or resized back and
    /// forth, no longer pays it. Without `roomy` the bitmap is always
    /// exactly the size needed.
    pub fn new(canvas: &HtmlCanvasElement, context: &CanvasRenderingContext2d, css_size: (f64, f64), dpr: f64, roomy: bool) -> Result<HiDpiCanvas, String> {
        let side = crate::layout::MAX_CANVAS_SIDE;
        let css_px = |v: f64| saturating_u32(if v.is_finite() { v.ceil().clamp(1.0, side) } else { 1.0 });
        let css = (css_px(css_size.0), css_px(css_size.1));
        let (w, h) = (f64::from(css.0), f64::from(css.1));
        let dpr = crate::layout::bitmap_scale(w, h, dpr);
        // In 1..=MAX_CANVAS_SIDE: bitmap_scale keeps it there.
        let device = |css: f64| -> u32 { saturating_u32((css * dpr).round().clamp(1.0, side)) };
        let context = context.clone();
        let (bw, bh) = (device(w), device(h));
        let (cw, ch) = (canvas.width(), canvas.height());
        // Roomy, the bitmap only grows (in the dimension that needs it),
        // unless it would be over twice the area needed: then it is exact.
        let (tw, th) = (cw.max(bw), ch.max(bh));
        let roomy = roomy && u64::from(bw) * u64::from(bh) * 2 >= u64::from(tw) * u64::from(th);
        let (tw, th) = if roomy { (tw, th) } else { (bw, bh) };
        // Setting either dimension clears the bitmap and reallocates it, even
        // to the same value: set only the one that changed (every chart paints
        // its whole background first, so no clear is needed otherwise).
        if cw != tw {
            canvas.set_width(tw);
        }
        if ch != th {
            canvas.set_height(th);
        }
        let inset;
        let view = if (tw, th) == (bw, bh) {
            "none"
        } else {
            inset = format!("inset(0px {}px {}px 0px)", tw.saturating_sub(bw), th.saturating_sub(bh));
            &inset
        };
        let style = canvas.style();
        style.set_property("width", &format!("{}px", css.0)).map_err(|_| "cannot set the canvas's CSS width".to_string())?;
        style.set_property("height", &format!("{}px", css.1)).map_err(|_| "cannot set the canvas's CSS height".to_string())?;
        // Ignored where unknown (Firefox, Safari): there `roomy` is never set.
        style.set_property("object-view-box", view).map_err(|_| "cannot set the canvas's view box".to_string())?;
        context.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).map_err(|_| "cannot scale the canvas context".to_string())?;
        let inner = CanvasBackend::with_canvas_and_context(canvas.clone(), context.clone());
        Ok(HiDpiCanvas { inner, context, css_size: css, font: String::new(), align: None, baseline: None, dpr, xy: Vec::new(), run: 0 })
    }

    /// Starts a shape in the style `key` ([`run_key`]): the run gathered
    /// so far is drawn first if it has another style. True when the
    /// context's style must then be set (a new run).
    fn begin(&mut self, key: u64) -> bool {
        if self.run == key {
            return false;
        }
        self.flush();
        self.run = key;
        true
    }

    /// Adds `path`'s points to the run (after `begin`); a translucent
    /// shape (not `opaque`) is drawn at once, alone: where two overlapped,
    /// one path would paint their overlap once, not twice.
    fn push(&mut self, path: impl IntoIterator<Item = BackendCoord>, opaque: bool) {
        let start = self.xy.len();
        self.xy.push(0);
        for (x, y) in path {
            self.xy.push(x);
            self.xy.push(y);
        }
        self.end(start, opaque);
    }

    /// Writes the point count of the shape that starts at `start` (none:
    /// the shape is taken out).
    fn end(&mut self, start: usize, opaque: bool) {
        let n = self.xy.len().saturating_sub(start + 1) / 2;
        match self.xy.get_mut(start) {
            Some(count) if n > 0 => *count = i32::try_from(n).unwrap_or(i32::MAX),
            _ => self.xy.truncate(start),
        }
        if !opaque {
            self.flush();
        }
    }

    /// Draws the run of shapes gathered (nothing if there is none). Not
    /// inlined: every drawing method calls it, and one copy is smaller.
    #[inline(never)]
    fn flush(&mut self) {
        if !self.xy.is_empty() {
            if self.run >> 62 == 1 {
                careto_fill_path(&self.context, &self.xy);
            } else {
                careto_stroke_path(&self.context, &self.xy);
            }
            self.xy.clear();
        }
        self.run = 0;
    }

    /// Sets the text state for `style`, in the font size [`TEXT_PX`].
    fn set_text(&mut self, style: &impl BackendTextStyle) {
        let f = font(style, TEXT_PX);
        if self.font != f {
            self.context.set_font(&f);
            self.font = f;
        }
        let anchor = style.anchor();
        let align = match anchor.h_pos {
            HPos::Left => "left",
            HPos::Right => "right",
            HPos::Center => "center",
        };
        if self.align != Some(align) {
            self.context.set_text_align(align);
            self.align = Some(align);
        }
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.baseline != Some(baseline) {
            self.context.set_text_baseline(baseline);
            self.baseline = Some(baseline);
        }
    }
}

impl DrawingBackend for HiDpiCanvas {
    type ErrorType = InnerError;

    fn get_size(&self) -> (u32, u32) {
        self.css_size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<InnerError>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<InnerError>> {
        self.flush();
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<InnerError>> {
        self.flush();
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<InnerError>> {
        self.flush();
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<InnerError>> {
        self.flush();
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<InnerError>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if self.begin(run_key(false, color, style.stroke_width())) {
            self.inner.set_line_style(style);
        }
        self.push(path, color.alpha >= 1.0);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<(), DrawingErrorKind<InnerError>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if self.begin(run_key(true, color, 0)) {
            self.inner.set_fill_color(color);
        }
        self.push(vert, color.alpha >= 1.0);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result<(), DrawingErrorKind<InnerError>> {
        self.flush();
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<InnerError>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        self.set_text(style);
        self.inner.set_fill_color(color);
        let k = style.size() / TEXT_PX;
        let k = if k.is_finite() && k > 0.0 { k } else { 1.0 };
        careto_fill_text(&self.context, text, f64::from(pos.0), f64::from(pos.1), k, self.dpr);
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), DrawingErrorKind<InnerError>> {
        // Not used by our charts (layout measures with text.rs); kept correct for plotters elements that ask.
        self.context.set_font(&font(style, style.size()));
        let metrics = self.context.measure_text(text).map_err(text_error);
        if !self.font.is_empty() {
            // Put back the font the cache says is set.
            self.context.set_font(&self.font);
        }
        let metrics = metrics?;
        let w = metrics.width().ceil().clamp(0.0, 1.0e6);
        let h = style.size().ceil().clamp(0.0, 1.0e6);
        // Both clamped to a small non-negative range above.
        Ok((saturating_u32(w), saturating_u32(h)))
    }
}
