//! A mounted chart: canvas, DOM parts, settings, layout and the event
//! listeners that make it interactive. Plain Rust; the `#[wasm_bindgen]`
//! wrappers are in `web/mod.rs`.
//!
//! Every draw lays out first (pure Rust: where bad data would fail) and
//! touches the canvas only when layout succeeded; it then draws straight onto
//! the visible canvas, and if drawing fails it paints the previous picture
//! back before returning. The browser shows nothing until the task ends, so a
//! failed update leaves the picture on screen as it was.

use super::dom::{self, Parts};
use super::hidpi::HiDpiCanvas;
use super::options::{self, Settings, ThemeChoice};
use crate::chart::{ChartOptions, Layout, View};
use crate::layout::{HitBox, Paint, Rect, Scene, Shape, Stroke, Target};
use crate::model::{Campaign, Lang};
use crate::render;
use crate::theme::{Theme, ThemeName};
use plotters::prelude::IntoDrawingArea;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, Element, Event, EventTarget, HtmlCanvasElement, KeyboardEvent, PointerEvent};

const CANVAS_CLASS: &str = "careto-viz__canvas";
const MOUNTED_ATTR: &str = "data-careto-viz-mounted";

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// The campaign a chart draws, as the chart holds it. The article build only
/// ever draws the compiled-in [`crate::data::CARETO`], so it holds the static
/// itself: nothing to copy, count or drop (no campaign drop code in the
/// module). The full build shares a campaign that may have been passed in.
#[cfg(not(feature = "custom-campaign"))]
type Held = &'static Campaign;
#[cfg(feature = "custom-campaign")]
type Held = Rc<Campaign>;

#[cfg(feature = "custom-campaign")]
thread_local! {
    static CARETO: Rc<Campaign> = Rc::new(crate::data::careto());
}

/// The compiled-in campaign, as a chart holds it.
#[cfg(not(feature = "custom-campaign"))]
fn careto() -> Held {
    &crate::data::CARETO
}

#[cfg(feature = "custom-campaign")]
fn careto() -> Held {
    CARETO.with(Rc::clone)
}

/// The campaign given in the options, as a chart holds it; the article
/// build refuses every one (its `parse_campaign` never succeeds).
#[cfg(not(feature = "custom-campaign"))]
fn given(v: JsValue) -> Result<Held, String> {
    options::parse_campaign(v).map(|never| match never {})
}

#[cfg(feature = "custom-campaign")]
fn given(v: JsValue) -> Result<Held, String> {
    options::parse_campaign(v).map(Rc::new)
}

/// What was last drawn (to skip needless redraws on resize).
#[derive(Clone, Copy, PartialEq)]
struct Drawn {
    width: f64,
    dpr: f64,
    theme: ThemeName,
    lang: Lang,
    view: View,
    focus: Option<usize>,
}

struct State {
    campaign: Held,
    canvas: HtmlCanvasElement,
    /// Its 2D context, got once at mount.
    context: CanvasRenderingContext2d,
    /// Test hook: the next draw fails after rendering (the previous picture must come back).
    fail_next_draw: bool,
    /// The item whose tooltip is showing, if any.
    tip_shows: Option<Target>,
    host: Option<Element>,
    parts: Option<Parts>,
    settings: Settings,
    /// The last good layout (`None` before the first draw).
    layout: Option<Layout>,
    items: Vec<HitBox>,
    focus: Option<usize>,
    table_open: bool,
    drawn: Option<Drawn>,
    /// What the summary and buttons were last filled for.
    filled: Option<(View, Lang, bool)>,
    /// What the data table was last filled for.
    table_for: Option<(View, Lang)>,
    /// The table waits for the first frame (see [`Mounted::fill_table_after_frame`]).
    table_later: bool,
    /// What the DOM around the canvas (accessible name, theme colours,
    /// download and embed-code buttons) was last set for; `None` after a new campaign.
    dressed: Option<(View, Lang, ThemeName, bool, bool)>,
}

/// A registered event listener, removed on destroy.
struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

/// A resize observer and the callback it holds.
type Observer = (web_sys::ResizeObserver, Closure<dyn FnMut(JsValue)>);

/// A chart living in the page. Its state and listeners are also held by the
/// registry below, so the chart keeps working when the JS handle returned by
/// `mount` is garbage-collected; only `destroy` ends it.
pub struct Mounted {
    id: u32,
    state: Rc<RefCell<State>>,
    listeners: Vec<Listener>,
    observer: Option<Observer>,
}

/// What keeps a mounted chart alive until `destroy`.
struct Wiring {
    _state: Rc<RefCell<State>>,
    listeners: Vec<Listener>,
    observer: Option<Observer>,
}

thread_local! {
    static LIVE: RefCell<Vec<(u32, Wiring)>> = const { RefCell::new(Vec::new()) };
    /// A frame callback that will fill the waiting tables is pending.
    static TABLES_REQUESTED: Cell<bool> = const { Cell::new(false) };
    /// `requestIdleCallback(fill_waiting_tables, {timeout})` as a JS function, made once.
    static FILL_TABLES: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// At most this long (ms) after the first frame, the data table is filled even if the page is busy.
const TABLE_WAIT_MS: u32 = 200;

/// Fills the table of every live chart that waits for its first frame.
fn fill_waiting_tables() {
    TABLES_REQUESTED.with(|r| r.set(false));
    LIVE.with(|live| {
        for (_, w) in live.borrow().iter() {
            if let Ok(mut s) = w._state.try_borrow_mut() {
                if s.table_later {
                    s.fill_table_now();
                }
            }
        }
    });
}

/// Asks for [`fill_waiting_tables`] after the next frame; false if the browser refused.
fn request_table_fill() -> bool {
    let Some(w) = window() else { return false };
    let f = FILL_TABLES.with(|f| {
        let mut f = f.borrow_mut();
        if f.is_none() {
            // Made once and kept for the page's life: no closure per chart.
            let fill = Closure::<dyn FnMut()>::new(fill_waiting_tables).into_js_value();
            let get = |name: &str| js_sys::Reflect::get(&w, &JsValue::from_str(name)).ok().filter(JsValue::is_function);
            // requestIdleCallback(fill, {timeout}): after the tasks already
            // queued, within TABLE_WAIT_MS; setTimeout(fill, 0) where there is none.
            // The frame callback's own argument (a time) goes to `fill`, which ignores it.
            let bound = match (get("requestIdleCallback"), get("setTimeout")) {
                (Some(idle), _) => {
                    let options = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("timeout"), &JsValue::from(TABLE_WAIT_MS));
                    Some(idle.unchecked_into::<js_sys::Function>().bind2(&w, &fill, &options))
                }
                (None, Some(set_timeout)) => Some(set_timeout.unchecked_into::<js_sys::Function>().bind2(&w, &fill, &JsValue::from(0))),
                (None, None) => None,
            };
            *f = bound.map(JsCast::unchecked_into);
        }
        f.clone()
    });
    let requested = f.is_some_and(|f| w.request_animation_frame(&f).is_ok());
    TABLES_REQUESTED.with(|r| r.set(requested));
    requested
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn prefers_dark() -> bool {
    window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()).is_some_and(|m| m.matches())
}

impl State {
    /// The campaign drawn, however it is held ([`Held`]: the borrow is
    /// needless only in the article build, where it is a reference).
    #[allow(clippy::needless_borrow)]
    fn campaign(&self) -> &Campaign {
        &self.campaign
    }

    fn lang(&self) -> Lang {
        if let Some(l) = self.settings.lang {
            return l;
        }
        let from = self.host.clone().or_else(|| self.canvas.parent_element());
        from.and_then(|e| e.closest("[lang]").ok().flatten()).and_then(|e| e.get_attribute("lang")).and_then(|l| Lang::parse(&l).ok()).unwrap_or(Lang::En)
    }

    fn theme(&self) -> ThemeName {
        match self.settings.theme {
            ThemeChoice::Fixed(t) => t,
            ThemeChoice::Auto if prefers_dark() => ThemeName::Dark,
            ThemeChoice::Auto => ThemeName::Light,
        }
    }

    fn width(&self) -> f64 {
        if let Some(w) = self.settings.width {
            return w;
        }
        let w = match &self.host {
            Some(h) => content_width(h),
            None => self.canvas.parent_element().map(|p| content_width(&p)).unwrap_or(0.0),
        };
        if w > 0.0 {
            w
        } else {
            640.0
        }
    }

    fn wanted(&self) -> Drawn {
        Drawn {
            width: self.width().floor(),
            dpr: window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0),
            theme: self.theme(),
            lang: self.lang(),
            view: self.settings.view,
            focus: self.focus,
        }
    }

    /// Draws when anything that decides the picture changed (or always, with `force`).
    fn draw(&mut self, force: bool) -> Result<(), String> {
        let want = self.wanted();
        if !force && self.drawn == Some(want) {
            return Ok(());
        }
        let options = ChartOptions { view: want.view, lang: want.lang, theme: want.theme, width: want.width };
        let layout = Layout::new(self.campaign(), &options);
        let items = layout.items();
        let theme = Theme::named(want.theme);
        let fail = std::mem::take(&mut self.fail_next_draw);
        if let Err(e) = paint(&self.canvas, &self.context, &layout, &items, want, &theme, fail) {
            self.restore();
            return Err(e);
        }
        // Only what changed: a new width alone rebuilds no DOM text.
        let embed_code = self.settings.embed_code && self.settings.embed_url.is_some();
        let dress_key = (want.view, want.lang, want.theme, self.settings.downloads, embed_code);
        if self.dressed != Some(dress_key) {
            let _ = self.canvas.set_attribute("aria-label", &accessible_name(self.campaign(), &options));
            if let Some(parts) = &self.parts {
                dom::apply_theme(parts, &theme);
                dom::show_downloads(parts, self.settings.downloads, embed_code);
            }
            self.dressed = Some(dress_key);
        }
        self.fill(want.view, want.lang)?;
        self.layout = Some(layout);
        self.items = items;
        self.drawn = Some(want);
        // A new layout may put another item under the same target index: rebuild on the next move.
        self.tip_shows = None;
        Ok(())
    }

    /// Fills the summary, buttons and (unless it waits for the first frame)
    /// the data table for `view` in `lang`, each only when it changed.
    fn fill(&mut self, view: View, lang: Lang) -> Result<(), String> {
        let Some(parts) = &self.parts else { return Ok(()) };
        let key = (view, lang, self.table_open);
        if self.filled != Some(key) {
            dom::fill_labels(parts, self.campaign(), view, lang, self.table_open);
            self.filled = Some(key);
        }
        if !self.table_later && self.table_for != Some((view, lang)) {
            dom::fill_table(parts, self.campaign(), view, lang)?;
            self.table_for = Some((view, lang));
        }
        Ok(())
    }

    /// The first frame is out: fill the table (nothing to do if something did already).
    fn fill_table_now(&mut self) {
        self.table_later = false;
        if let Some(d) = self.drawn {
            let _ = self.fill(d.view, d.lang);
        }
    }

    /// Paints the last good picture again (after a failed draw); nothing to do before the first.
    fn restore(&self) {
        if let (Some(d), Some(layout)) = (self.drawn, &self.layout) {
            let _ = paint(&self.canvas, &self.context, layout, &self.items, d, &Theme::named(d.theme), false);
        }
    }

    fn target_name(&self, t: Target) -> Option<String> {
        Some(match t {
            Target::Country(i) => format!("country:{}", self.campaign.countries.get(i)?.code),
            Target::Event(i) => format!("event:{}", self.campaign.events.get(i)?.id),
            Target::ActivePeriod => "period".to_string(),
        })
    }

    /// Shows the tooltip of `t`; when it is already showing (the pointer moved
    /// within the same item), only moves it: no new text, no DOM rebuilt.
    fn show_target(&mut self, t: Target, client_x: f64, client_y: f64) {
        let Some(parts) = &self.parts else { return };
        if self.tip_shows == Some(t) && !parts.tip.hidden() {
            dom::place_tip(parts, client_x, client_y);
            return;
        }
        if let Some(tip) = crate::describe::tooltip(self.campaign(), t, self.lang()) {
            dom::show_tip(parts, &tip, client_x, client_y);
            self.tip_shows = Some(t);
        }
    }

    fn hide_tip(&mut self) {
        self.tip_shows = None;
        if let Some(parts) = &self.parts {
            dom::hide_tip(parts);
        }
    }

    /// Moves the keyboard focus to item `i`, draws the ring, shows and announces it.
    fn focus_item(&mut self, i: usize) {
        let Some(item) = self.items.get(i).copied() else { return };
        self.focus = Some(i);
        let _ = self.draw(false);
        let lang = self.lang();
        if let (Some(parts), Some(tip)) = (&self.parts, crate::describe::tooltip(self.campaign(), item.target, lang)) {
            dom::announce(parts, &tip.announcement());
            let r = self.canvas.get_bounding_client_rect();
            self.tip_shows = None;
            dom::show_tip(parts, &tip, r.left() + item.rect.x + item.rect.w.min(r.width() * 0.6), r.top() + item.rect.y + item.rect.h / 2.0);
        }
    }

    fn on_key(&mut self, e: &KeyboardEvent) {
        let n = self.items.len();
        if n == 0 {
            return;
        }
        let next = match (e.key().as_str(), self.focus) {
            ("ArrowDown" | "ArrowRight", None) => 0,
            ("ArrowDown" | "ArrowRight", Some(i)) => (i + 1).min(n - 1),
            ("ArrowUp" | "ArrowLeft", None) => 0,
            ("ArrowUp" | "ArrowLeft", Some(i)) => i.saturating_sub(1),
            ("Home", _) => 0,
            ("End", _) => n - 1,
            ("Escape", _) => {
                self.hide_tip();
                return;
            }
            _ => return,
        };
        e.prevent_default();
        self.focus_item(next);
    }

    fn on_pointer(&mut self, e: &PointerEvent) {
        let x = f64::from(e.offset_x());
        let y = f64::from(e.offset_y());
        match self.layout.as_ref().and_then(|l| l.hit(x, y)) {
            Some(t) => {
                let _ = self.canvas.style().set_property("cursor", "pointer");
                self.show_target(t, f64::from(e.client_x()), f64::from(e.client_y()));
            }
            None => {
                let _ = self.canvas.style().set_property("cursor", "default");
                self.hide_tip();
            }
        }
    }

    fn file_stem(&self) -> String {
        format!("careto-viz-{}", self.settings.view.as_str())
    }

    /// Downloads the picture as drawn (device pixels) as PNG.
    fn download_png(&self) {
        if let (Some(parts), Ok(url)) = (&self.parts, self.canvas.to_data_url()) {
            let _ = dom::download(parts, &url, &format!("{}.png", self.file_stem()));
        }
    }

    /// Downloads the chart's data, with its sources, as CSV.
    fn download_csv(&self) {
        let csv = crate::describe::csv(self.campaign(), self.settings.view, self.lang());
        let url = format!("data:text/csv;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&format!("\u{feff}{csv}"))));
        if let Some(parts) = &self.parts {
            let _ = dom::download(parts, &url, &format!("{}.csv", self.file_stem()));
        }
    }

    /// Copies the iframe embed code of the chart as it is (view, language, theme).
    fn copy_embed(&self) {
        let (Some(parts), Some(url)) = (&self.parts, &self.settings.embed_url) else { return };
        let want = self.wanted();
        let theme = self.settings.theme.as_str();
        let options = ChartOptions { view: want.view, lang: want.lang, theme: want.theme, width: want.width };
        // A fallback height until careto-viz-frame.js sets the real one: the chart and its buttons.
        let height = css_px(self.layout.as_ref().map_or(0.0, |l| l.scene().height) + 60.0);
        let code = crate::embed::snippet(url, want.view, want.lang, theme, &accessible_name(self.campaign(), &options), height);
        if !dom::copy(parts, &code) {
            dom::copied(parts, false, want.lang);
        }
    }

    /// The clipboard write settled (`cv-copied` or `cv-copy-failed`, see [`dom::copy`]).
    fn after_copy(&mut self, e: Event) {
        if let Some(parts) = &self.parts {
            dom::copied(parts, e.type_() == "cv-copied", self.lang());
        }
    }

    fn toggle_table(&mut self) {
        self.table_open = !self.table_open;
        self.table_later = false;
        let _ = self.draw(false);
        let _ = self.fill(self.settings.view, self.lang());
    }
}

/// The width of `e`'s content box: `clientWidth` less the padding the host
/// page may give the element (a CMS theme's `div { padding }`).
fn content_width(e: &Element) -> f64 {
    let style = window().and_then(|w| w.get_computed_style(e).ok().flatten());
    // JS's parseFloat ("17px" → 17) of the JS string, which never comes into
    // the wasm (Rust's own float parsing would add ~15 KB of wasm).
    let px = |name: &str| {
        let v = style.as_ref().map_or(f64::NAN, |s| parse_float(&s.unchecked_ref::<Style>().property(name)));
        if v.is_finite() {
            v
        } else {
            0.0
        }
    };
    f64::from(e.client_width()) - px("padding-left") - px("padding-right")
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A computed style, for the one call bound here.
    type Style;
    /// `style.getPropertyValue(name)` as a JS string (it does not throw).
    #[wasm_bindgen(method, js_name = getPropertyValue)]
    fn property(this: &Style, name: &str) -> JsValue;
    /// JS's `parseFloat` of a JS value (it does not throw).
    #[wasm_bindgen(js_name = parseFloat)]
    fn parse_float(v: &JsValue) -> f64;
}

/// Draws `layout` (and the focus ring of `drawn.focus`) onto `canvas`, sized
/// for the layout's scene at `drawn.dpr`. `fail` is the test hook.
fn paint(
    canvas: &HtmlCanvasElement,
    context: &CanvasRenderingContext2d,
    layout: &Layout,
    items: &[HitBox],
    drawn: Drawn,
    theme: &Theme,
    fail: bool,
) -> Result<(), String> {
    let scene = layout.scene();
    let size = (css_px(scene.width), css_px(scene.height));
    let backend = HiDpiCanvas::new(canvas, context, size, drawn.dpr)?;
    let area = backend.into_drawing_area();
    render::draw(scene, theme, &area, 1.0).map_err(|e| e.to_string())?;
    if let Some(item) = drawn.focus.and_then(|i| items.get(i)) {
        let r = item.rect;
        let ring = Rect { x: r.x + 1.0, y: r.y, w: (r.w - 2.0).max(2.0), h: r.h };
        let focus = Scene {
            width: scene.width,
            height: scene.height,
            shapes: vec![Shape::Rect { rect: ring, fill: None, stroke: Some(Stroke { paint: Paint::Focus, width: 2.0, dashed: false }) }],
        };
        render::draw(&focus, theme, &area, 1.0).map_err(|e| e.to_string())?;
    }
    if fail {
        return Err("drawing failed: simulated failure (test hook)".to_string());
    }
    Ok(())
}

fn css_px(v: f64) -> u32 {
    // Layout clamps widths and heights to a few thousand px.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let px = v.ceil().clamp(1.0, 16_384.0) as u32;
    px
}

/// The canvas's accessible name: the chart's title.
fn accessible_name(c: &Campaign, o: &ChartOptions) -> String {
    let lang = o.lang;
    let s = crate::i18n::strings(lang);
    match o.view {
        View::Bars => crate::i18n::fill(s.bars_title, &[("name", c.name.get(lang)), ("n", &c.countries.len().to_string())]),
        View::Timeline => crate::i18n::fill(s.timeline_title, &[("name", c.name.get(lang))]),
    }
}

impl Mounted {
    pub fn new(element: JsValue, options: JsValue) -> Result<Mounted, String> {
        if element.is_undefined() || element.is_null() {
            return Err("mount: no element given (is the selector right?)".to_string());
        }
        // The browser's own hasAttribute, caught: anything but a genuine
        // element (a proxy of one, say) is refused here, before any other call.
        let holds_chart = super::js::has_attribute(&element, MOUNTED_ATTR).map_err(|()| "mount: the first argument is not a DOM element".to_string())?;
        let element: Element = element.dyn_into().map_err(|_| "mount: the first argument is not a DOM element".to_string())?;
        if holds_chart {
            return Err("mount: this element already holds a chart; destroy it first".to_string());
        }
        let js = options::parse(options)?;
        let settings = Settings::default().with(&js)?;
        let campaign = match js.campaign {
            Some(v) => given(v)?,
            None => careto(),
        };
        let document = element.owner_document().ok_or_else(|| "mount: the element has no document".to_string())?;
        let id = NEXT_ID.with(|n| {
            let v = n.get();
            n.set(v.wrapping_add(1));
            v
        });
        let (canvas, host, parts) = match element.dyn_ref::<HtmlCanvasElement>() {
            Some(c) => (c.clone(), None, None),
            None => {
                let canvas: HtmlCanvasElement = document
                    .create_element("canvas")
                    .map_err(|_| "mount: cannot create a canvas".to_string())?
                    .dyn_into()
                    .map_err(|_| "mount: cannot create a canvas".to_string())?;
                canvas.set_class_name(CANVAS_CLASS);
                super::hidpi::context_2d(&canvas)?;
                let parts = match element.shadow_root() {
                    // A chart destroyed earlier left its (empty) shadow root: reuse it.
                    Some(root) if root.child_element_count() == 0 => {
                        root.set_inner_html("");
                        dom::build_in(&root, &canvas, id)?
                    }
                    Some(_) => return Err("mount: this element already has a shadow root; use an empty <div>".to_string()),
                    None => dom::build(&element, &canvas, id)?,
                };
                (canvas, Some(element.clone()), Some(parts))
            }
        };
        let context = super::hidpi::context_2d(&canvas)?;
        let state = Rc::new(RefCell::new(State {
            campaign,
            canvas,
            context,
            fail_next_draw: false,
            tip_shows: None,
            host,
            parts,
            settings,
            layout: None,
            items: Vec::new(),
            focus: None,
            table_open: false,
            drawn: None,
            filled: None,
            table_for: None,
            table_later: true,
            dressed: None,
        }));
        let mut mounted = Mounted { id, state, listeners: Vec::new(), observer: None };
        let drawn = mounted.state.borrow_mut().draw(true);
        if let Err(e) = drawn {
            mounted.destroy();
            return Err(e);
        }
        let _ = element.set_attribute(MOUNTED_ATTR, "");
        mounted.fill_table_after_frame();
        mounted.listen();
        let wiring = Wiring { _state: Rc::clone(&mounted.state), listeners: std::mem::take(&mut mounted.listeners), observer: mounted.observer.take() };
        LIVE.with(|live| live.borrow_mut().push((id, wiring)));
        Ok(mounted)
    }

    /// The data table (a row per item with its sources: most of the chart's
    /// DOM text) is filled after the first frame with the chart: laying it
    /// out, though visually hidden, took about as long as drawing the chart.
    /// `requestAnimationFrame` runs just before that frame; the idle callback
    /// it starts (at most [`TABLE_WAIT_MS`] later), after it, and fills every
    /// live chart's table still waiting ([`fill_waiting_tables`]: one function for all charts, one
    /// request at a time, so a thousand mounts in a task allocate nothing
    /// each). A hidden page produces no frames: fill now. Anything that needs
    /// the table sooner (an update, Show data) fills it then.
    fn fill_table_after_frame(&self) {
        let visible = window().and_then(|w| w.document()).is_some_and(|d| !d.hidden());
        let scheduled = visible && (TABLES_REQUESTED.with(Cell::get) || request_table_fill());
        if !scheduled {
            self.state.borrow_mut().fill_table_now();
        }
    }

    fn on(&mut self, target: &EventTarget, kind: &'static str, f: impl FnMut(&mut State, Event) + 'static) {
        let weak: Weak<RefCell<State>> = Rc::downgrade(&self.state);
        let mut f = f;
        let closure = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            if let Some(state) = weak.upgrade() {
                if let Ok(mut s) = state.try_borrow_mut() {
                    f(&mut s, e);
                }
            }
        });
        if target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref()).is_ok() {
            self.listeners.push(Listener { target: target.clone(), kind, closure });
        }
    }

    fn listen(&mut self) {
        let (canvas, host, button, png, csv, embed) = {
            let s = self.state.borrow();
            let p = s.parts.as_ref();
            (s.canvas.clone(), s.host.clone(), p.map(|p| p.button.clone()), p.map(|p| p.png.clone()), p.map(|p| p.csv.clone()), p.map(|p| p.embed.clone()))
        };
        let canvas_target: EventTarget = canvas.clone().into();
        self.on(&canvas_target, "pointermove", |s, e| {
            if let Some(p) = e.dyn_ref::<PointerEvent>() {
                s.on_pointer(p);
            }
        });
        self.on(&canvas_target, "pointerdown", |s, e| {
            if let Some(p) = e.dyn_ref::<PointerEvent>() {
                s.on_pointer(p);
            }
        });
        self.on(&canvas_target, "pointerleave", |s, e| {
            let touch = e.dyn_ref::<PointerEvent>().is_some_and(|p| p.pointer_type() == "touch");
            if !touch {
                s.hide_tip();
            }
        });
        self.on(&canvas_target, "keydown", |s, e| {
            if let Some(k) = e.dyn_ref::<KeyboardEvent>() {
                s.on_key(k);
            }
        });
        self.on(&canvas_target, "blur", |s, _| {
            s.focus = None;
            s.hide_tip();
            let _ = s.draw(false);
        });
        if let Some(b) = button {
            self.on(&b.into(), "click", |s, _| s.toggle_table());
        }
        if let Some(b) = png {
            self.on(&b.into(), "click", |s, _| s.download_png());
        }
        if let Some(b) = csv {
            self.on(&b.into(), "click", |s, _| s.download_csv());
        }
        if let Some(b) = embed {
            let b: EventTarget = b.into();
            self.on(&b, "click", |s, _| s.copy_embed());
            self.on(&b, "cv-copied", State::after_copy);
            self.on(&b, "cv-copy-failed", State::after_copy);
        }
        if let Some(w) = window() {
            let wt: EventTarget = w.clone().into();
            // Page zoom and moving to another screen change devicePixelRatio.
            self.on(&wt, "resize", |s, _| {
                let _ = s.draw(false);
            });
            if let Some(doc) = w.document() {
                let dt: EventTarget = doc.into();
                self.on(&dt, "keydown", |s, e| {
                    if e.dyn_ref::<KeyboardEvent>().is_some_and(|k| k.key() == "Escape") {
                        s.hide_tip();
                    }
                });
                // A tap or click elsewhere closes the tooltip.
                let canvas_for_tap = canvas.clone();
                self.on(&dt, "pointerdown", move |s, e| {
                    let inside = e.composed_path().iter().any(|n| n == JsValue::from(canvas_for_tap.clone()));
                    if !inside {
                        s.hide_tip();
                    }
                });
            }
            if let Ok(Some(mq)) = w.match_media("(prefers-color-scheme: dark)") {
                self.on(&mq.into(), "change", |s, _| {
                    let _ = s.draw(false);
                });
            }
        }
        if let Some(h) = host {
            let weak = Rc::downgrade(&self.state);
            let cb = Closure::<dyn FnMut(JsValue)>::new(move |_entries: JsValue| {
                if let Some(state) = weak.upgrade() {
                    if let Ok(mut s) = state.try_borrow_mut() {
                        let _ = s.draw(false);
                    }
                }
            });
            if let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
                observer.observe(&h);
                self.observer = Some((observer, cb));
            }
        }
    }

    pub fn canvas(&self) -> HtmlCanvasElement {
        self.state.borrow().canvas.clone()
    }

    pub fn update(&mut self, options: JsValue) -> Result<(), String> {
        // Everything read from JS before the state is borrowed.
        let mut js = options::parse(options)?;
        let next_campaign = match js.campaign.take() {
            Some(v) => Some(given(v)?),
            None => None,
        };
        let mut s = self.state.borrow_mut();
        let next = s.settings.clone().with(&js)?;
        let previous = (s.settings.clone(), Held::clone(&s.campaign), s.focus, s.filled, s.table_for, s.dressed);
        s.settings = next;
        s.table_later = false;
        if let Some(c) = next_campaign {
            s.campaign = c;
            s.focus = None;
            s.filled = None;
            s.table_for = None;
            s.dressed = None;
        }
        if let Err(e) = s.draw(true) {
            (s.settings, s.campaign, s.focus, s.filled, s.table_for, s.dressed) = previous;
            return Err(e);
        }
        Ok(())
    }

    /// Test hook: makes the next draw fail after rendering, before the picture is shown.
    pub fn fail_next_draw(&mut self) {
        self.state.borrow_mut().fail_next_draw = true;
    }

    pub fn redraw(&mut self) -> Result<(), String> {
        self.state.borrow_mut().draw(true)
    }

    pub fn destroy(mut self) {
        let wiring = LIVE.with(|live| {
            let mut live = live.borrow_mut();
            let at = live.iter().position(|(id, _)| *id == self.id)?;
            Some(live.swap_remove(at).1)
        });
        let (mut listeners, mut observer) = (std::mem::take(&mut self.listeners), self.observer.take());
        if let Some(w) = wiring {
            listeners.extend(w.listeners);
            observer = observer.or(w.observer);
        }
        for l in listeners {
            let _ = l.target.remove_event_listener_with_callback(l.kind, l.closure.as_ref().unchecked_ref());
        }
        if let Some((observer, _cb)) = observer {
            observer.disconnect();
        }
        let s = self.state.borrow();
        match (&s.host, &s.parts) {
            (Some(host), Some(parts)) => {
                parts.root.replace_children_with_node_0();
                let _ = host.remove_attribute(MOUNTED_ATTR);
            }
            _ => {
                let _ = s.canvas.remove_attribute(MOUNTED_ATTR);
            }
        }
    }

    pub fn hit_test(&self, x: f64, y: f64) -> Option<String> {
        let s = self.state.borrow();
        let t = s.layout.as_ref()?.hit(x, y)?;
        s.target_name(t)
    }

    fn with_bar<T>(&self, code: &str, f: impl FnOnce(&crate::layout::bars::Bar, ThemeName) -> Option<T>) -> Option<T> {
        let s = self.state.borrow();
        let Some(Layout::Bars(b)) = &s.layout else { return None };
        let bar = b.bars.iter().find(|bar| s.campaign.countries.get(bar.country).is_some_and(|c| c.code == code))?;
        f(bar, s.drawn.map(|d| d.theme).unwrap_or_default())
    }

    pub fn bar_rect(&self, code: &str) -> Option<Vec<f64>> {
        self.with_bar(code, |b, _| Some(vec![b.rect.x, b.rect.y, b.rect.w, b.rect.h]))
    }

    pub fn bar_color(&self, code: &str) -> Option<String> {
        self.with_bar(code, |b, theme| Some(Theme::named(theme).class_color(b.class?).hex()))
    }
}
