//! Social cards (native only): a chart as a 1200 × 630 PNG, the size social
//! networks show for `og:image` and `summary_large_image`. The scene is the
//! chart's own, title and source line included; it is placed on the card as
//! large as fits (never larger than [`MAX_SCALE`]), centred on the theme's
//! background, and drawn at that size by [`Raster`] at twice the card's
//! resolution, then averaged down (every edge anti-aliased). Nothing is cut:
//! a chart taller than the card is scaled down until its last line is on it.
//! Which width the chart is laid out at is `chart::card`'s choice.

use super::raster::{Placement, Raster};
use super::{draw, px, RenderError};
use crate::layout::Scene;
use crate::theme::Theme;
use plotters_backend::DrawingBackend;

/// The card's width in pixels.
pub const CARD_WIDTH: u32 = 1200;
/// The card's height in pixels.
pub const CARD_HEIGHT: u32 = 630;
/// The most a chart is enlarged on a card (text of 13 CSS px at most ~20 px).
pub const MAX_SCALE: f64 = 1.5;
/// Drawn at this many times the card's resolution, then averaged down
/// (`downsample` averages 2 × 2 blocks).
pub const SUPERSAMPLE: u32 = 2;

/// Where a scene of `width × height` CSS px goes on the card: as large as
/// fits, at most [`MAX_SCALE`], centred.
pub fn placement(width: f64, height: f64) -> Placement {
    let (cw, ch) = (f64::from(CARD_WIDTH), f64::from(CARD_HEIGHT));
    let (w, h) = (width.max(1.0), height.max(1.0));
    let scale = (cw / w).min(ch / h).min(MAX_SCALE);
    Placement { scale, x: ((cw - w * scale) / 2.0).floor(), y: ((ch - h * scale) / 2.0).floor() }
}

/// The card as RGB bytes (3 a pixel, [`CARD_WIDTH`] × [`CARD_HEIGHT`], rows
/// top to bottom), with where the scene went on it.
pub fn card_rgb(scene: &Scene, theme: &Theme) -> Result<(Vec<u8>, Placement), RenderError> {
    let css = (u32::try_from(px(scene.width).max(1)).unwrap_or(1), u32::try_from(px(scene.height).max(1)).unwrap_or(1));
    let placed = placement(f64::from(css.0), f64::from(css.1));
    let ss = f64::from(SUPERSAMPLE);
    let big_size = (CARD_WIDTH * SUPERSAMPLE, CARD_HEIGHT * SUPERSAMPLE);
    let bg = theme.background;
    let mut big: Vec<u8> = [bg.0, bg.1, bg.2].repeat(pixels(big_size));
    {
        let big_placement = Placement { scale: placed.scale * ss, x: placed.x * ss, y: placed.y * ss };
        let mut backend = Raster::new(&mut big, big_size, css, big_placement).map_err(|e| RenderError(e.to_string()))?;
        draw(scene, theme, &mut backend, 1.0)?;
        backend.present().map_err(|e| RenderError(e.to_string()))?;
    }
    Ok((downsample(&big, big_size), placed))
}

/// The card as a PNG file's bytes.
pub fn card_png(scene: &Scene, theme: &Theme) -> Result<Vec<u8>, RenderError> {
    let (rgb, _) = card_rgb(scene, theme)?;
    encode_png(&rgb, (CARD_WIDTH, CARD_HEIGHT))
}

/// RGB bytes (`size` pixels) as a PNG file.
pub fn encode_png(rgb: &[u8], size: (u32, u32)) -> Result<Vec<u8>, RenderError> {
    let err = |e: png::EncodingError| RenderError(format!("cannot encode the PNG: {e}"));
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, size.0, size.1);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::High);
        let mut writer = encoder.write_header().map_err(err)?;
        writer.write_image_data(rgb).map_err(err)?;
        writer.finish().map_err(err)?;
    }
    Ok(out)
}

fn pixels((w, h): (u32, u32)) -> usize {
    usize::try_from(u64::from(w) * u64::from(h)).unwrap_or(0)
}

/// Averages each 2 × 2 block of `rgb` (`size` pixels, even sides) into one
/// pixel. Row by row, two pixels at a time: fast even unoptimised (tests).
fn downsample(rgb: &[u8], size: (u32, u32)) -> Vec<u8> {
    let stride = usize::try_from(size.0).unwrap_or(0) * 3;
    let mut out = Vec::with_capacity(rgb.len() / 4);
    if stride == 0 {
        return out;
    }
    for rows in rgb.chunks_exact(2 * stride) {
        let (top, bottom) = rows.split_at(stride);
        for (a, b) in top.chunks_exact(6).zip(bottom.chunks_exact(6)) {
            if let (&[r0, g0, b0, r1, g1, b1], &[r2, g2, b2, r3, g3, b3]) = (a, b) {
                let mean = |p: u8, q: u8, r: u8, s: u8| u8::try_from((u16::from(p) + u16::from(q) + u16::from(r) + u16::from(s) + 2) / 4).unwrap_or(u8::MAX);
                out.extend_from_slice(&[mean(r0, r1, r2, r3), mean(g0, g1, g2, g3), mean(b0, b1, b2, b3)]);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scene_is_placed_whole_and_centred() {
        // Taller than the card: scaled down to its height.
        let p = placement(600.0, 1260.0);
        assert_eq!(p.scale, 0.5);
        assert_eq!((p.x, p.y), (450.0, 0.0));
        // Small: enlarged, but no more than MAX_SCALE.
        let p = placement(400.0, 200.0);
        assert_eq!(p.scale, MAX_SCALE);
        assert_eq!((p.x, p.y), (300.0, 165.0));
        // Wide: scaled to the card's width.
        let p = placement(2400.0, 300.0);
        assert_eq!(p.scale, 0.5);
        assert_eq!((p.x, p.y), (0.0, 240.0));
    }

    #[test]
    fn downsampling_averages_blocks() {
        let rgb = [0, 0, 0, 255, 255, 255, 0, 0, 0, 255, 255, 255, /* row 2 */ 0, 0, 0, 255, 255, 255, 0, 0, 0, 255, 255, 255];
        assert_eq!(downsample(&rgb, (4, 2)), vec![128, 128, 128, 128, 128, 128]);
    }
}
