//! The browser surface: everything `#[wasm_bindgen]` lives here. It converts
//! JS values, delegates to [`crate::chart`], and turns every failure into a
//! JS `Error` with a clear message. It computes nothing itself.

#[cfg(feature = "custom-campaign")]
mod campaign;
mod dom;
mod hidpi;
mod js;
mod mount;
mod options;

use mount::Mounted;
use wasm_bindgen::prelude::*;

// `MountOptions`, `Campaign` and its parts, appended to careto_viz.d.ts (no bytes in the wasm).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// Installed once at start-up: a panic that slips through becomes one
/// console error instead of a bare "unreachable" trap message.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("careto-viz: internal error: {info}")));
    }));
}

/// A chart mounted in the page.
#[wasm_bindgen]
pub struct Chart {
    mounted: Option<Mounted>,
}

fn destroyed() -> JsError {
    JsError::new("careto-viz: this chart was destroyed; mount a new one")
}

/// Mounts a chart into `element` (a container element, or a `<canvas>`).
///
/// `options`: see `MountOptions` (view, lang, theme, width, downloads,
/// embedUrl, embedCode, campaign).
/// Throws an `Error` naming the problem when the element or an option is wrong.
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "HTMLElement")] element: JsValue,
    #[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue,
) -> Result<Chart, JsError> {
    let mounted = Mounted::new(element, options).map_err(|e| JsError::new(&format!("careto-viz: {e}")))?;
    Ok(Chart { mounted: Some(mounted) })
}

#[wasm_bindgen]
impl Chart {
    /// Changes options (any subset) and redraws; on a bad option nothing changes.
    pub fn update(&mut self, #[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue) -> Result<(), JsError> {
        let m = self.mounted.as_mut().ok_or_else(destroyed)?;
        m.update(options).map_err(|e| JsError::new(&format!("careto-viz: {e}")))
    }

    /// Measures the container again and redraws (after a resize or a zoom).
    pub fn redraw(&mut self) -> Result<(), JsError> {
        let m = self.mounted.as_mut().ok_or_else(destroyed)?;
        m.redraw().map_err(|e| JsError::new(&format!("careto-viz: {e}")))
    }

    /// Removes the chart's canvas (when the module created it) and frees the chart.
    pub fn destroy(&mut self) {
        if let Some(m) = self.mounted.take() {
            m.destroy();
        }
    }

    /// What is under `(x, y)` in CSS px from the canvas's top-left:
    /// `"country:MAR"`, `"event:<id>"`, `"period"`, or `undefined`.
    #[wasm_bindgen(js_name = hitTest)]
    pub fn hit_test(&self, x: f64, y: f64) -> Option<String> {
        self.mounted.as_ref()?.hit_test(x, y)
    }

    /// The bar of the country with ISO code `code` as `[x, y, width, height]` in CSS px.
    #[wasm_bindgen(js_name = barRect)]
    pub fn bar_rect(&self, code: &str) -> Option<Vec<f64>> {
        self.mounted.as_ref()?.bar_rect(code)
    }

    /// The fill colour (`#rrggbb`) of the country's bar, from its colour class.
    #[wasm_bindgen(js_name = barColor)]
    pub fn bar_color(&self, code: &str) -> Option<String> {
        self.mounted.as_ref()?.bar_color(code)
    }

    /// The canvas the chart draws on.
    #[wasm_bindgen(getter)]
    pub fn canvas(&self) -> Option<web_sys::HtmlCanvasElement> {
        self.mounted.as_ref().map(|m| m.canvas())
    }
}

#[cfg(feature = "test-hooks")]
impl Chart {
    /// Test hook (not exported to JS): the next draw fails after rendering onto
    /// the canvas, as an internal failure would (the previous picture must come back).
    pub fn fail_next_draw(&mut self) {
        if let Some(m) = self.mounted.as_mut() {
            m.fail_next_draw();
        }
    }
}
