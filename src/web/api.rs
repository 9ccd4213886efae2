//! The drawing kernel's surface: [`Chart`] and [`labels`], in every build
//! but the details module.

use super::{drawing, held, options};
use drawing::{Drawing, Surroundings};
use held::Given;
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
    /// A large campaign being read across tasks ([`Chart::read`]).
    #[cfg(feature = "custom-campaign")]
    pending: Option<held::Pending>,
    /// Whether the chart has no campaign of its own to draw yet: a mount
    /// whose campaign is being read, or was refused. Nothing is drawn.
    #[cfg(feature = "custom-campaign")]
    blank: bool,
    /// The details last made ([`Chart::with_details`]), for the campaign's
    /// generation, the view and the language they are of.
    #[cfg(feature = "custom-campaign")]
    details: DetailsCache,
}

/// The details last made, and for what: the campaign's generation, the view, the language.
#[cfg(feature = "custom-campaign")]
type DetailsCache = std::cell::RefCell<Option<((u32, crate::view::View, crate::model::Lang), crate::details::OnDemand)>>;

#[wasm_bindgen]
impl Chart {
    /// Checks `options` (see `MountOptions`; the campaign too, in the full
    /// build). Throws an `Error` naming the problem.
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue) -> Result<Chart, JsError> {
        let js = options::parse(options).map_err(error)?;
        let settings = options::Settings::default().with(&js).map_err(error)?;
        let given = match js.campaign {
            Some(v) => held::given(v).map_err(error)?,
            None => Given::Now(held::careto()),
        };
        Ok(match given {
            Given::Now(campaign) => Chart {
                drawing: Drawing::new(campaign, settings),
                #[cfg(feature = "custom-campaign")]
                pending: None,
                #[cfg(feature = "custom-campaign")]
                blank: false,
                #[cfg(feature = "custom-campaign")]
                details: std::cell::RefCell::default(),
            },
            // Nothing is drawn until the campaign is read (`read`).
            #[cfg(feature = "custom-campaign")]
            Given::Later(reading) => Chart {
                drawing: Drawing::new(held::careto(), settings.clone()),
                pending: Some(held::Pending::new(reading, settings)),
                blank: true,
                details: std::cell::RefCell::default(),
            },
        })
    }

    /// Reads on a large campaign given to `mount` or `update` (the draw's
    /// bit 16 says there is one): returns 0 after reading about `items` of
    /// its items, more to come; 1 once all is read (the next call checks
    /// it: call it in a task of its own, the data rules of 10,000 events
    /// take a while), and 1 again once it is checked (the next call holds
    /// it, its events sorted, in a task of its own too); 2 once the chart
    /// has it (with the options that came with it, and those of any update
    /// since): draw it then. Throws if the campaign is refused, naming the
    /// field, and the chart keeps what it had (a mounted chart, nothing to
    /// draw).
    #[cfg(feature = "custom-campaign")]
    pub fn read(&mut self, items: u32) -> Result<u32, JsError> {
        let Some(pending) = self.pending.as_mut() else { return Ok(2) };
        if !pending.all_read() {
            pending.read(items);
            return Ok(u32::from(pending.all_read()));
        }
        // The data rules in a call (a task) of their own, then holding it;
        // a campaign refused leaves nothing pending.
        let checked = pending.checked();
        let Some(pending) = self.pending.take() else { return Ok(2) };
        if !checked {
            self.pending = Some(pending.check().map_err(error)?);
            return Ok(1);
        }
        let (mut campaign, mut settings) = pending.campaign().map_err(error)?;
        self.drawing.swap(&mut campaign, &mut settings);
        self.blank = false;
        Ok(2)
    }

    /// Takes what the page says: the host's content width (CSS px, 0 when
    /// unknown), `devicePixelRatio`, the nearest `lang` (any string; one we
    /// do not speak, or `""`, counts as none; `undefined`: as last time, so
    /// that a redraw passes no string), `prefers-color-scheme: dark`
    /// (`undefined` when printed: light whatever the theme option) and, in
    /// forced-colors mode only, the system colours: four numbers `0xRRGGBB`,
    /// `CanvasText`, `Canvas`, `Highlight` and `GrayText` (anything else
    /// counts as none). Forced colours replace the theme. `roomy`: the
    /// browser can show the top-left part of a larger bitmap (CSS
    /// `object-view-box`), so a redraw that needs no larger one keeps it
    /// rather than reallocating it (the better part of a redraw).
    pub fn place(&mut self, width: f64, dpr: f64, page_lang: Option<String>, dark: Option<bool>, forced: Option<Vec<u32>>, roomy: bool) {
        let page_lang = match page_lang {
            Some(l) => crate::model::Lang::parse(&l).ok(),
            None => self.drawing.surroundings.page_lang,
        };
        let focus = self.drawing.surroundings.focus;
        let forced = forced.and_then(|b| crate::theme::SystemColors::from_numbers(&b));
        self.drawing.surroundings = Surroundings { width, dpr, page_lang, dark, focus, forced, roomy };
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
    /// of one language: nothing painted; the other language's kernel draws it),
    /// 16 (the full build) a large campaign being read ([`Chart::read`]: a
    /// mounted chart paints nothing until it is).
    /// On failure the previous picture stays.
    pub fn draw(&mut self, canvas: &HtmlCanvasElement, context: &CanvasRenderingContext2d, force: bool) -> Result<u32, JsError> {
        #[cfg(feature = "custom-campaign")]
        if self.blank {
            return Ok(self.reading());
        }
        let changed = self.drawing.draw(canvas, context, force).map_err(error)?;
        #[cfg(feature = "custom-campaign")]
        let changed = changed | self.reading();
        Ok(changed)
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
        let given = js.campaign.take();
        #[cfg(feature = "custom-campaign")]
        let given_now = given.is_some();
        let mut campaign = match given {
            Some(v) => match held::given(v).map_err(error)? {
                Given::Now(campaign) => campaign,
                // Read across tasks, with these options: the chart stays as it is meanwhile.
                #[cfg(feature = "custom-campaign")]
                Given::Later(reading) => {
                    let settings = self.pending.as_ref().map_or(&self.drawing.settings, |p| &p.settings).clone().with(&js).map_err(error)?;
                    self.pending = Some(held::Pending::new(reading, settings));
                    return self.draw(canvas, context, false);
                }
            },
            None => held::Held::clone(self.drawing.held()),
        };
        let mut settings = self.drawing.settings.clone().with(&js).map_err(error)?;
        // A campaign still being read takes these options too; one given
        // now (read at once) replaces it.
        #[cfg(feature = "custom-campaign")]
        let pending_settings = match (&self.pending, given_now) {
            (Some(p), false) => Some(p.settings.clone().with(&js).map_err(error)?),
            _ => None,
        };
        #[cfg(feature = "custom-campaign")]
        let (was_blank, was_pending) = if given_now { (std::mem::replace(&mut self.blank, false), self.pending.take()) } else { (self.blank, None) };
        let focus = self.drawing.surroundings.focus;
        self.drawing.swap(&mut campaign, &mut settings);
        match self.draw(canvas, context, true) {
            Ok(changed) => {
                #[cfg(feature = "custom-campaign")]
                if let (Some(p), Some(s)) = (self.pending.as_mut(), pending_settings) {
                    p.settings = s;
                }
                Ok(changed)
            }
            Err(e) => {
                self.drawing.swap(&mut campaign, &mut settings);
                self.drawing.surroundings.focus = focus;
                #[cfg(feature = "custom-campaign")]
                if given_now {
                    self.blank = was_blank;
                    self.pending = was_pending;
                }
                Err(e)
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

    /// Strokes, on `context` as it is set (its scale, colour and line), the
    /// outline of item `i` on the map (a country: `item`'s order): its
    /// shapes, in the world and the inset, and a ring round its marker.
    /// Nothing in another view, or past the last item.
    #[cfg(careto_map)]
    pub fn outline(&self, i: u32, context: &CanvasRenderingContext2d) {
        if let (Some(crate::chart::Layout::Map(m)), Ok(i)) = (self.drawing.layout(), usize::try_from(i)) {
            super::hidpi::stroke_paths(context, &m.outline(i));
        }
    }

    /// Test hook (tests/web.rs): the next draw fails after rendering onto the
    /// canvas, as an internal failure would (the previous picture must come back).
    #[cfg(feature = "test-hooks")]
    #[wasm_bindgen(js_name = failNextDraw)]
    pub fn fail_next_draw(&mut self) {
        self.drawing.fail_next_draw = true;
    }

    /// The data table of the chart's view, in its language, but its rows:
    /// `{ caption, head, pages, keys, count }` (the full build's own details, for
    /// its own campaign; [`Chart::rows`] hands over a page of rows).
    #[cfg(feature = "custom-campaign")]
    pub fn table(&self) -> Result<JsValue, JsError> {
        self.with_details(|d, _| {
            super::details::to_js(&super::details::TableHead { caption: &d.caption, head: &d.head, pages: &d.pages, keys: &d.keys, count: d.row_count() })
        })
    }

    /// The data table's rows `from` to `to` (exclusive; cut to the rows there are).
    #[cfg(feature = "custom-campaign")]
    pub fn rows(&self, from: u32, to: u32) -> Result<JsValue, JsError> {
        self.with_details(|d, c| {
            let end = usize::try_from(to).unwrap_or(usize::MAX).min(d.row_count());
            let start = usize::try_from(from).unwrap_or(usize::MAX).min(end);
            let rows: Vec<crate::details::Row> = (start..end).filter_map(|i| d.row(c, i)).collect();
            super::details::to_js(&rows)
        })
    }

    /// The tooltip and announcements of the item with key `key` (`"c3"`,
    /// `"e5"`, `"p"`: [`Chart::item`]), or `undefined`.
    #[cfg(feature = "custom-campaign")]
    pub fn tip(&self, key: &str) -> Result<JsValue, JsError> {
        self.with_details(|d, c| match d.tip(c, key) {
            Some(t) => super::details::to_js(&t),
            None => Ok(JsValue::UNDEFINED),
        })
    }

    /// The key of the item with id `id` (a country's ISO code, an event's id), if the chart has it.
    #[cfg(feature = "custom-campaign")]
    #[wasm_bindgen(js_name = keyOf)]
    pub fn key_of(&self, id: &str) -> Result<Option<String>, JsError> {
        self.with_details(|d, c| Ok(d.key_of(c, id)))
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
    /// `f` of the chart's details for its campaign, view and language, made
    /// once for each (they are handed over a piece at a time: a campaign may
    /// have 10,000 events, whose details took Chromium 65 ms to hand over at
    /// once, issue 13.3).
    #[cfg(feature = "custom-campaign")]
    fn with_details<T>(&self, f: impl FnOnce(&crate::details::OnDemand, &crate::model::Campaign) -> Result<T, JsError>) -> Result<T, JsError> {
        let d = &self.drawing;
        let key = (d.generation(), d.settings.view, d.lang());
        let mut cache = self.details.borrow_mut();
        if cache.as_ref().is_none_or(|(k, _)| *k != key) {
            *cache = Some((key, crate::details::OnDemand::new(d.campaign(), key.1, key.2)));
        }
        match cache.as_ref() {
            Some((_, details)) => f(details, d.campaign()),
            None => Err(error("the chart has no details".to_string())),
        }
    }

    /// [`Changed::READING`] while a campaign is being read.
    #[cfg(feature = "custom-campaign")]
    fn reading(&self) -> u32 {
        if self.pending.is_some() {
            drawing::Changed::READING
        } else {
            0
        }
    }

    fn bar(&self, code: &str) -> Option<&crate::layout::bars::Bar> {
        let Some(crate::chart::Layout::Bars(b)) = self.drawing.layout() else { return None };
        let c = self.drawing.campaign();
        b.bars.iter().find(|bar| c.countries.get(bar.country).is_some_and(|k| k.code == code))
    }
}
