//! A HiDPI canvas backend: plotters-canvas draws in bitmap pixels, which
//! blurs on screens with devicePixelRatio > 1 (plotters issue #164). This
//! wrapper sizes the bitmap at CSS size × dpr, scales the context once, and
//! reports the CSS size, so chart code works in CSS pixels and stays sharp.
//! Text is drawn and measured with the canvas's own `fillText` and
//! `measureText` (no DOM measuring, no forced layout).

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

type Inner = CanvasBackend;
type InnerError = <CanvasBackend as DrawingBackend>::ErrorType;

/// Text drawing failed in the browser.
#[derive(Debug)]
struct TextError(String);

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "canvas text: {}", self.0)
    }
}

impl std::error::Error for TextError {}

fn text_error(e: JsValue) -> DrawingErrorKind<InnerError> {
    DrawingErrorKind::FontError(Box::new(TextError(e.as_string().unwrap_or_else(|| "the browser refused".to_string()))))
}

/// A plotters backend on a canvas whose bitmap is `css size × dpr`.
pub struct HiDpiCanvas {
    inner: Inner,
    context: CanvasRenderingContext2d,
    css_size: (u32, u32),
}

/// The 2D context of `canvas`, or a message saying why there is none.
pub fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, String> {
    canvas
        .get_context("2d")
        .map_err(|_| "the canvas refused a 2D context".to_string())?
        .ok_or_else(|| "the canvas has no 2D context (is it already used for WebGL?)".to_string())?
        .dyn_into::<CanvasRenderingContext2d>()
        .map_err(|_| "the canvas's context is not 2D".to_string())
}

impl HiDpiCanvas {
    /// Sizes `canvas` for `css_size` at `dpr` (bitmap and CSS size), scales
    /// its context, and wraps it.
    pub fn new(canvas: &HtmlCanvasElement, css_size: (u32, u32), dpr: f64) -> Result<HiDpiCanvas, String> {
        let dpr = if dpr.is_finite() && dpr > 0.0 { dpr.min(8.0) } else { 1.0 };
        let device = |css: u32| -> u32 {
            let v = (f64::from(css) * dpr).round();
            // Bounded above: css sizes are clamped by layout and dpr by 8.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let v = v.clamp(1.0, 32_767.0) as u32;
            v
        };
        // Resizing a canvas clears it and costs a reallocation: only when the size changes
        // (every chart paints its whole background first, so no clear is needed otherwise).
        let (w, h) = (device(css_size.0), device(css_size.1));
        if canvas.width() != w || canvas.height() != h {
            canvas.set_width(w);
            canvas.set_height(h);
        }
        let style = canvas.style();
        style.set_property("width", &format!("{}px", css_size.0)).map_err(|_| "cannot set the canvas's CSS width".to_string())?;
        style.set_property("height", &format!("{}px", css_size.1)).map_err(|_| "cannot set the canvas's CSS height".to_string())?;
        let context = context_2d(canvas)?;
        context.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).map_err(|_| "cannot scale the canvas context".to_string())?;
        let inner = CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| "plotters cannot use this canvas".to_string())?;
        Ok(HiDpiCanvas { inner, context, css_size })
    }
}

fn css_color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("rgba({r},{g},{b},{})", c.alpha)
}

fn font(style: &impl BackendTextStyle) -> String {
    let weight = match style.style() {
        FontStyle::Bold => "bold ",
        FontStyle::Italic => "italic ",
        FontStyle::Oblique => "oblique ",
        FontStyle::Normal => "",
    };
    format!("{weight}{}px {}", style.size(), style.family().as_str())
}

impl DrawingBackend for HiDpiCanvas {
    type ErrorType = InnerError;

    fn get_size(&self) -> (u32, u32) {
        self.css_size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let ctx = &self.context;
        ctx.set_font(&font(style));
        ctx.set_text_align(match style.anchor().h_pos {
            HPos::Left => "left",
            HPos::Right => "right",
            HPos::Center => "center",
        });
        ctx.set_text_baseline(match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        ctx.set_fill_style_str(&css_color(color));
        ctx.fill_text(text, f64::from(pos.0), f64::from(pos.1)).map_err(text_error)
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        self.context.set_font(&font(style));
        let metrics = self.context.measure_text(text).map_err(text_error)?;
        let w = metrics.width().ceil().clamp(0.0, 1.0e6);
        let h = style.size().ceil().clamp(0.0, 1.0e6);
        // Both clamped to a small non-negative range above.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok((w as u32, h as u32))
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, (iw, ih): (u32, u32), src: &[u8]) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.blit_bitmap(pos, (iw, ih), src)
    }
}
