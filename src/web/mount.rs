//! A mounted chart: its canvas, options and current layout. Plain Rust; the
//! `#[wasm_bindgen]` wrappers are in `web/mod.rs`.

use super::hidpi::HiDpiCanvas;
use crate::chart::{parse_lang, parse_theme, ChartOptions, Layout, View};
use crate::layout::Target;
use crate::model::Campaign;
use crate::render;
use crate::theme::Theme;
use plotters::prelude::IntoDrawingArea;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlCanvasElement};

const CANVAS_CLASS: &str = "careto-viz__canvas";
const MOUNTED_ATTR: &str = "data-careto-viz-mounted";

thread_local! {
    static CARETO: Rc<Campaign> = Rc::new(crate::data::careto());
}

/// Options as JS passes them; every field optional.
#[derive(Default)]
struct JsOptions {
    view: Option<String>,
    lang: Option<String>,
    theme: Option<String>,
    width: Option<f64>,
}

const OPTION_NAMES: [&str; 4] = ["view", "lang", "theme", "width"];

/// One option, converted by serde-wasm-bindgen; the message names the option.
fn field<T: serde::de::DeserializeOwned>(object: &JsValue, name: &str, expected: &str) -> Result<Option<T>, String> {
    let value = js_sys::Reflect::get(object, &JsValue::from_str(name)).map_err(|_| format!("{name}: cannot be read"))?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    serde_wasm_bindgen::from_value::<T>(value.clone()).map(Some).map_err(|_| {
        let got = if value.is_string() {
            format!("the string \"{}\"", value.as_string().unwrap_or_default().chars().take(40).collect::<String>())
        } else {
            value.js_typeof().as_string().unwrap_or_else(|| "something else".to_string())
        };
        format!("{name}: expected {expected}, got {got}")
    })
}

fn parse_options(value: JsValue) -> Result<JsOptions, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(JsOptions::default());
    }
    if !value.is_object() || value.is_function() {
        return Err("options must be an object such as { view: \"bars\" }".to_string());
    }
    let keys = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>());
    for key in keys.iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_NAMES.contains(&key.as_str()) {
            let shown: String = key.chars().take(40).collect();
            return Err(format!("options: unknown option \"{shown}\" (known: {})", OPTION_NAMES.join(", ")));
        }
    }
    Ok(JsOptions {
        view: field(&value, "view", "\"bars\" or \"timeline\"")?,
        lang: field(&value, "lang", "\"en\" or \"es\"")?,
        theme: field(&value, "theme", "\"light\" or \"dark\"")?,
        width: field(&value, "width", "a number of CSS pixels")?,
    })
}

fn apply(mut o: ChartOptions, js: &JsOptions) -> Result<ChartOptions, String> {
    if let Some(v) = &js.view {
        o.view = View::parse(v)?;
    }
    if let Some(l) = &js.lang {
        o.lang = parse_lang(l)?;
    }
    if let Some(t) = &js.theme {
        o.theme = parse_theme(t)?;
    }
    if let Some(w) = js.width {
        if !w.is_finite() || w <= 0.0 {
            return Err(format!("width: {w} is not a positive number of CSS pixels"));
        }
        o.width = w;
    }
    Ok(o)
}

/// A chart living in the page.
pub struct Mounted {
    campaign: Rc<Campaign>,
    canvas: HtmlCanvasElement,
    /// The container, when the module created the canvas inside it.
    container: Option<Element>,
    fixed_width: bool,
    options: ChartOptions,
    layout: Layout,
}

impl Mounted {
    pub fn new(element: JsValue, options: JsValue) -> Result<Mounted, String> {
        if element.is_undefined() || element.is_null() {
            return Err("mount: no element given (is the selector right?)".to_string());
        }
        let element: Element = element.dyn_into().map_err(|_| "mount: the first argument is not a DOM element".to_string())?;
        if element.has_attribute(MOUNTED_ATTR) {
            return Err("mount: this element already holds a chart; destroy it first".to_string());
        }
        let js = parse_options(options)?;
        let options = apply(ChartOptions::default(), &js)?;
        let document = element.owner_document().ok_or_else(|| "mount: the element has no document".to_string())?;
        let (canvas, container) = match element.dyn_ref::<HtmlCanvasElement>() {
            Some(c) => (c.clone(), None),
            None => {
                let canvas: HtmlCanvasElement = document
                    .create_element("canvas")
                    .map_err(|_| "mount: cannot create a canvas".to_string())?
                    .dyn_into()
                    .map_err(|_| "mount: cannot create a canvas".to_string())?;
                canvas.set_class_name(CANVAS_CLASS);
                (canvas, Some(element.clone()))
            }
        };
        // Check the canvas can draw before touching the page.
        super::hidpi::context_2d(&canvas)?;
        let campaign = CARETO.with(Rc::clone);
        let mut mounted = Mounted {
            layout: Layout::new(&campaign, &options),
            campaign,
            canvas,
            container,
            fixed_width: js.width.is_some(),
            options,
        };
        if let Some(c) = &mounted.container {
            c.append_child(&mounted.canvas).map_err(|_| "mount: cannot insert the canvas into the element".to_string())?;
        }
        let _ = element.set_attribute(MOUNTED_ATTR, "");
        if let Err(e) = mounted.redraw() {
            mounted.destroy();
            return Err(e);
        }
        Ok(mounted)
    }

    pub fn canvas(&self) -> &HtmlCanvasElement {
        &self.canvas
    }

    fn measured_width(&self) -> f64 {
        if self.fixed_width {
            return self.options.width;
        }
        let w = match &self.container {
            Some(c) => f64::from(c.client_width()),
            None => self.canvas.parent_element().map(|p| f64::from(p.client_width())).unwrap_or(0.0),
        };
        if w > 0.0 { w } else { self.options.width }
    }

    pub fn update(&mut self, options: JsValue) -> Result<(), String> {
        let js = parse_options(options)?;
        let next = apply(self.options, &js)?;
        let fixed = self.fixed_width || js.width.is_some();
        let previous = (self.options, self.fixed_width);
        self.options = next;
        self.fixed_width = fixed;
        if let Err(e) = self.redraw() {
            (self.options, self.fixed_width) = previous;
            return Err(e);
        }
        Ok(())
    }

    /// Lays out at the current width and draws. Layout comes first, so a
    /// failure there leaves the picture on screen as it was.
    pub fn redraw(&mut self) -> Result<(), String> {
        let mut options = self.options;
        options.width = self.measured_width().floor();
        let layout = Layout::new(&self.campaign, &options);
        let scene = layout.scene();
        let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0);
        let size = (css_px(scene.width), css_px(scene.height));
        let backend = HiDpiCanvas::new(&self.canvas, size, dpr)?;
        let area = backend.into_drawing_area();
        render::draw(scene, &Theme::named(options.theme), &area, 1.0).map_err(|e| e.to_string())?;
        let _ = self.canvas.set_attribute("role", "img");
        let _ = self.canvas.set_attribute("aria-label", &accessible_name(&self.campaign, &options));
        self.layout = layout;
        Ok(())
    }

    pub fn destroy(self) {
        if let Some(c) = &self.container {
            let _ = c.remove_child(&self.canvas);
            let _ = c.remove_attribute(MOUNTED_ATTR);
        } else {
            let _ = self.canvas.remove_attribute(MOUNTED_ATTR);
        }
    }

    pub fn hit_test(&self, x: f64, y: f64) -> Option<String> {
        Some(match self.layout.hit(x, y)? {
            Target::Country(i) => format!("country:{}", self.campaign.countries.get(i)?.code),
            Target::Event(i) => format!("event:{}", self.campaign.events.get(i)?.id),
            Target::ActivePeriod => "period".to_string(),
        })
    }

    fn bar(&self, code: &str) -> Option<&crate::layout::bars::Bar> {
        let Layout::Bars(b) = &self.layout else { return None };
        b.bars.iter().find(|bar| self.campaign.countries.get(bar.country).is_some_and(|c| c.code == code))
    }

    pub fn bar_rect(&self, code: &str) -> Option<Vec<f64>> {
        self.bar(code).map(|b| vec![b.rect.x, b.rect.y, b.rect.w, b.rect.h])
    }

    pub fn bar_color(&self, code: &str) -> Option<String> {
        let class = self.bar(code)?.class?;
        Some(Theme::named(self.options.theme).class_color(class).hex())
    }
}

fn css_px(v: f64) -> u32 {
    // Layout clamps widths and heights to a few thousand px.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let px = v.ceil().clamp(1.0, 16_384.0) as u32;
    px
}

/// The canvas's accessible name: the chart's title and what it shows.
fn accessible_name(c: &Campaign, o: &ChartOptions) -> String {
    let lang = o.lang;
    let s = crate::i18n::strings(lang);
    match o.view {
        View::Bars => crate::i18n::fill(s.bars_title, &[("name", c.name.get(lang)), ("n", &c.countries.len().to_string())]),
        View::Timeline => crate::i18n::fill(s.timeline_title, &[("name", c.name.get(lang))]),
    }
}
