//! SVG output (native only): snapshot tests and static fallback images.

use super::{draw, RenderError};
use crate::layout::Scene;
use crate::theme::Theme;
use plotters::prelude::*;

/// Draws `scene` to an SVG document.
pub fn to_svg(scene: &Scene, theme: &Theme) -> Result<String, RenderError> {
    let mut out = String::new();
    {
        let w = u32::try_from(super::px(scene.width).max(1)).unwrap_or(1);
        let h = u32::try_from(super::px(scene.height).max(1)).unwrap_or(1);
        let mut backend = SVGBackend::with_string(&mut out, (w, h));
        draw(scene, theme, &mut backend, super::SVG_FONT_SCALE)?;
        backend.present().map_err(|e| RenderError(e.to_string()))?;
    }
    Ok(out)
}
