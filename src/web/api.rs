//! The drawing kernel's surface: [`Chart`] and [`labels`], in every build
//! but the details module.

use super::{drawing, held, options};
use drawing::{Drawing, Surroundings};
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A failure as the JS `Error` the page gets: prefixed once, here.
pub(super) fn error(e: String) -> JsError {
    JsError::new(&format!("careto-viz: {e}"))
}

/// `Some(i)` for an index >= 0.
fn index(i: i32) -> Option<usize> {
    usize::try_from(i).ok()
}

/// A chart's options, layout and drawing; the shell owns its DOM.
#[wasm_bindgen]
pub struct Chart {
    drawing: Drawing,
}

#[wasm_bindgen]
impl Chart {
    /// Checks `options` (see `MountOptions`; the campaign too, in the full
    /// build). Throws an `Error` naming the problem.
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue) -> Result<Chart, JsError> {
        let js = options::parse(options).map_err(error)?;
        let settings = options::Settings::default().with(&js).map_err(error)?;
        let campaign = match js.campaign {
            Some(v) => held::given(v).map_err(error)?,
            None => held::careto(),
        };
        Ok(Chart { drawing: Drawing::new(campaign, settings) })
    }

    /// Takes what the page says: the host's content width (CSS px, 0 when
    /// unknown), `devicePixelRatio`, the nearest `lang` (any string; one we
    /// do not speak counts as none), `prefers-color-scheme: dark` and, in
    /// forced-colors mode only, the system colours: four numbers `0xRRGGBB`,
    /// `CanvasText`, `Canvas`, `Highlight` and `GrayText` (anything else
    /// counts as none). Forced colours replace the theme.
    pub fn place(&mut self, width: f64, dpr: f64, page_lang: Option<String>, dark: bool, forced: Option<Vec<u32>>) {
        let page_lang = page_lang.and_then(|l| crate::model::Lang::parse(&l).ok());
        let focus = self.drawing.surroundings.focus;
        let forced = forced.and_then(|b| crate::theme::SystemColors::from_numbers(&b));
        self.drawing.surroundings = Surroundings { width, dpr, page_lang, dark, focus, forced };
    }

    /// The item with the keyboard focus (drawn with a ring), or -1.
    #[wasm_bindgen(getter)]
    pub fn focus(&self) -> i32 {
        self.drawing.surroundings.focus.and_then(|i| i32::try_from(i).ok()).unwrap_or(-1)
    }

    /// Moves the keyboard focus to item `i` (-1: none); the next draw shows it.
    #[wasm_bindgen(setter)]
    pub fn set_focus(&mut self, i: i32) {
        self.drawing.surroundings.focus = index(i).filter(|&i| i < self.drawing.items().len());
    }

    /// Changes whenever the campaign or the options change (the page's
    /// caches of words follow it).
    #[wasm_bindgen(getter)]
    pub fn generation(&self) -> u32 {
        self.drawing.generation()
    }

    /// Draws onto `canvas` if anything that decides the picture changed
    /// (always, with `force`). Returns bits: 1 painted, 2 the words changed
    /// (title, summary, colours, items), 4 a map waiting for its geometry
    /// (nothing painted: hand it over with [`set_world`], then draw again),
    /// 8 a chart in a language this module does not draw (a drawing kernel
    /// of one language: nothing painted; the other language's kernel draws it).
    /// On failure the previous picture stays.
    pub fn draw(&mut self, canvas: &HtmlCanvasElement, context: &CanvasRenderingContext2d, force: bool) -> Result<u32, JsError> {
        self.drawing.draw(canvas, context, force).map_err(error)
    }

    /// Changes options (any subset) and draws; on any error nothing changes
    /// and the picture on screen stays.
    pub fn update(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue,
        canvas: &HtmlCanvasElement,
        context: &CanvasRenderingContext2d,
    ) -> Result<u32, JsError> {
        // Everything is read from JS before anything changes.
        let mut js = options::parse(options).map_err(error)?;
        let mut campaign = match js.campaign.take() {
            Some(v) => held::given(v).map_err(error)?,
            None => held::Held::clone(self.drawing.held()),
        };
        let mut settings = self.drawing.settings.clone().with(&js).map_err(error)?;
        let focus = self.drawing.surroundings.focus;
        self.drawing.swap(&mut campaign, &mut settings);
        match self.drawing.draw(canvas, context, true) {
            Ok(changed) => Ok(changed),
            Err(e) => {
                self.drawing.swap(&mut campaign, &mut settings);
                self.drawing.surroundings.focus = focus;
                Err(error(e))
            }
        }
    }

    /// Everything the shell writes into the DOM around the canvas after a
    /// draw that changed the words (bit 2), in one call, in this order:
    /// view (`"bars"`, `"timeline"`, `"map"`), language (`"en"`, `"es"`), theme drawn
    /// (`"light"`, `"dark"`), theme option (`"auto"`, `"light"`, `"dark"`),
    /// the download buttons and display flags (bits: 1 downloads, 2
    /// `plain`, 4 `transparent`, 8 `static`: [`options::Display::bits`]),
    /// the address of `embed.html` when "Copy embed code" shows (else
    /// `""`), title (the canvas's accessible name),
    /// summary; the theme's background, text, muted, grid and focus colours;
    /// then the controls' words ([`crate::i18n::controls`]), and in a build
    /// with the map the map's ([`crate::i18n::map_controls`]).
    pub fn words(&self) -> Vec<String> {
        let d = &self.drawing;
        let s = &d.settings;
        let embed_url = if s.embed_code { s.embed_url.clone().unwrap_or_default() } else { String::new() };
        let theme = d.colors();
        let mut words = vec![
            s.view.as_str().to_string(),
            d.lang().as_str().to_string(),
            theme.name.as_str().to_string(),
            s.theme.as_str().to_string(),
            s.display.bits(s.downloads),
            embed_url,
            d.title(),
            d.summary(),
        ];
        words.extend([theme.background, theme.text, theme.text_muted, theme.grid, theme.focus].iter().map(|c| c.hex()));
        words.extend(crate::i18n::controls(d.lang()).iter().map(|w| (*w).to_string()));
        #[cfg(careto_map)]
        words.extend(crate::i18n::map_controls(d.lang()).iter().map(|w| (*w).to_string()));
        words
    }

    /// The picture's height, CSS px.
    #[wasm_bindgen(getter)]
    pub fn height(&self) -> f64 {
        self.drawing.height()
    }

    /// How many items the keyboard moves through.
    #[wasm_bindgen(getter, js_name = itemCount)]
    pub fn item_count(&self) -> u32 {
        u32::try_from(self.drawing.items().len()).unwrap_or(u32::MAX)
    }

    /// Item `i`'s box `[x, y, width, height]` (CSS px) and what it stands for
    /// as a key of [`details`]'s tips (`"c3"`, `"e5"`, `"p"`).
    pub fn item(&self, i: u32) -> Option<Vec<JsValue>> {
        let item = self.drawing.items().get(usize::try_from(i).ok()?)?;
        let r = item.rect;
        Some(vec![r.x.into(), r.y.into(), r.w.into(), r.h.into(), item.target.key().into()])
    }

    /// The item under `(x, y)` CSS px as a key (`"c3"`), or `undefined`.
    pub fn hit(&self, x: f64, y: f64) -> Option<String> {
        self.drawing.layout()?.hit(x, y).map(crate::layout::Target::key)
    }

    /// What is under `(x, y)` in CSS px: `"country:MAR"`, `"event:<id>"`,
    /// `"period"`, or `undefined`.
    #[wasm_bindgen(js_name = hitTest)]
    pub fn hit_test(&self, x: f64, y: f64) -> Option<String> {
        let t = self.drawing.layout()?.hit(x, y)?;
        crate::describe::target_name(self.drawing.campaign(), t)
    }

    /// The bar of the country with ISO code `code` as `[x, y, width, height]` in CSS px.
    #[wasm_bindgen(js_name = barRect)]
    pub fn bar_rect(&self, code: &str) -> Option<Vec<f64>> {
        let bar = self.bar(code)?;
        Some(vec![bar.rect.x, bar.rect.y, bar.rect.w, bar.rect.h])
    }

    /// The fill colour (`#rrggbb`) of the country's bar (on the map, of its
    /// shape or marker), from its colour class.
    #[wasm_bindgen(js_name = barColor)]
    pub fn bar_color(&self, code: &str) -> Option<String> {
        #[cfg(careto_map)]
        let class = match self.drawing.layout()? {
            crate::chart::Layout::Map(m) => m.country(self.drawing.campaign(), code)?.class?,
            _ => self.bar(code)?.class?,
        };
        #[cfg(not(careto_map))]
        let class = self.bar(code)?.class?;
        Some(self.drawing.drawn()?.colors().class_color(class).hex())
    }

    /// A point on the place with ISO code `code`, `[x, y]` in CSS px: on the
    /// map, a point that hits one of the campaign's countries (its marker's
    /// centre when it has one), or where any other place the map knows has
    /// its centre; on the bars, the middle of the country's bar.
    #[cfg(careto_map)]
    #[wasm_bindgen(js_name = pointOf)]
    pub fn point_of(&self, code: &str) -> Option<Vec<f64>> {
        let p = match self.drawing.layout()? {
            crate::chart::Layout::Map(m) => m.point_of(self.drawing.campaign(), &*super::world::get()?, code)?,
            _ => self.bar(code)?.rect.center(),
        };
        Some(vec![p.x, p.y])
    }

    /// Test hook (tests/web.rs): the next draw fails after rendering onto the
    /// canvas, as an internal failure would (the previous picture must come back).
    #[cfg(feature = "test-hooks")]
    #[wasm_bindgen(js_name = failNextDraw)]
    pub fn fail_next_draw(&mut self) {
        self.drawing.fail_next_draw = true;
    }

    /// The chart's details (tooltips, announcements, the data table) for its
    /// view and language: the full build's own, for its own campaign.
    #[cfg(feature = "custom-campaign")]
    pub fn details(&self) -> Result<JsValue, JsError> {
        let d = crate::details::details(self.drawing.campaign(), self.drawing.settings.view, self.drawing.lang());
        super::details::to_js(&d)
    }

    /// The chart's data as CSV, in its language.
    #[cfg(feature = "custom-campaign")]
    pub fn csv(&self) -> String {
        crate::describe::csv(self.drawing.campaign(), self.drawing.settings.view, self.drawing.lang())
    }
}

/// Hands the map's geometry (the bytes of `world-110m.bin`) to the module:
/// decoded once into the world every map chart draws on. A corrupt or
/// truncated file throws, naming the byte, and changes nothing.
#[cfg(careto_map)]
#[wasm_bindgen(js_name = setWorld)]
pub fn set_world(bytes: &[u8]) -> Result<(), JsError> {
    super::world::set(bytes).map_err(error)
}

impl Chart {
    fn bar(&self, code: &str) -> Option<&crate::layout::bars::Bar> {
        let Some(crate::chart::Layout::Bars(b)) = self.drawing.layout() else { return None };
        let c = self.drawing.campaign();
        b.bars.iter().find(|bar| c.countries.get(bar.country).is_some_and(|k| k.code == code))
    }
}
