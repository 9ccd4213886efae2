//! A chart's drawing on its canvas: what it draws (campaign and settings),
//! where (the surroundings the page reports: width, pixel ratio, language,
//! colour scheme, keyboard focus), and the last good picture.
//!
//! Every draw lays out first (pure Rust: where bad data would fail) and
//! touches the canvas only when layout succeeded; it then draws straight onto
//! the canvas, and if drawing fails it paints the last good picture back
//! before returning. The browser shows nothing until the task ends, so a
//! failed update leaves the picture on screen as it was.

use super::held::Held;
use super::hidpi::HiDpiCanvas;
use super::options::{Settings, ThemeChoice};
use crate::chart::{ChartOptions, Header, Layout, View};
use crate::layout::{HitBox, Scene};
use crate::model::{Campaign, Lang};
use crate::render;
use crate::theme::{SystemColors, Theme, ThemeName};
use plotters_backend::DrawingBackend;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// What the page around the chart says at the moment of a draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Surroundings {
    /// The host element's content width, CSS px (0: unknown).
    pub width: f64,
    /// `devicePixelRatio`.
    pub dpr: f64,
    /// The language of the nearest `[lang]` ancestor, when it is one we speak.
    pub page_lang: Option<Lang>,
    /// `prefers-color-scheme: dark`; `None` on paper, which is light
    /// whatever the theme option (ink on white: no background is printed).
    pub dark: Option<bool>,
    /// The item with the keyboard focus, by its index in [`Drawing::items`].
    pub focus: Option<usize>,
    /// The system colours, when the page is in forced-colors mode.
    pub forced: Option<SystemColors>,
    /// Whether the page can show the top-left part of a larger bitmap (CSS
    /// `object-view-box`): a redraw that needs no larger one keeps it
    /// ([`HiDpiCanvas::new`]).
    pub roomy: bool,
}

impl Default for Surroundings {
    fn default() -> Self {
        Surroundings { width: 0.0, dpr: 1.0, page_lang: None, dark: Some(false), focus: None, forced: None, roomy: false }
    }
}

/// Everything that decides the picture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Picture {
    /// Width, whole CSS px.
    pub width: f64,
    /// Device pixels per CSS px.
    pub dpr: f64,
    /// Colours.
    pub theme: ThemeName,
    /// Language.
    pub lang: Lang,
    /// Which chart.
    pub view: View,
    /// The focused item, drawn with a ring.
    pub focus: Option<usize>,
    /// The system colours of forced-colors mode, which replace the theme's.
    pub forced: Option<SystemColors>,
    /// With its header, or plain.
    pub header: Header,
    /// Without a background: the canvas is cleared, not filled.
    pub transparent: bool,
}

impl Picture {
    /// The colours drawn.
    pub fn colors(&self) -> Theme {
        Theme::of(self.theme, self.forced)
    }

    fn options(&self) -> ChartOptions {
        ChartOptions { view: self.view, lang: self.lang, theme: self.theme, width: self.width, header: self.header, patterns: self.forced.is_some() }
    }
}

/// What a draw changed, as bits for the page: [`Changed::PICTURE`] and
/// [`Changed::WORDS`] (title, summary, colours of the DOM around the canvas,
/// and the items: view, language, theme or campaign changed).
pub struct Changed;

impl Changed {
    /// The canvas was painted.
    pub const PICTURE: u32 = 1;
    /// View, language, theme, campaign or a DOM-facing setting changed.
    pub const WORDS: u32 = 2;
    /// A map whose geometry has not arrived: nothing was painted (the
    /// picture on screen, if any, stays); the shell brings the geometry
    /// ([`super::api::set_world`]) and draws again.
    pub const WAITING: u32 = 4;
    /// A chart in a language this module does not draw (a drawing kernel
    /// of one language, [`crate::i18n::speaks`]): nothing was painted and
    /// nothing else changed (the picture on screen, if any, stays); the
    /// shell hands the chart to the other language's kernel.
    pub const OTHER_LANGUAGE: u32 = 8;
    /// A large campaign is being read (the full build, `Chart.read`): the
    /// shell reads it on in later tasks, then draws.
    #[cfg(feature = "custom-campaign")]
    pub const READING: u32 = 16;
}

/// The last good picture: its inputs, layout and hit boxes.
struct Last {
    picture: Picture,
    layout: Layout,
    items: Vec<HitBox>,
}

/// A chart's drawing: see the module documentation.
pub struct Drawing {
    campaign: Held,
    /// The options as given and checked.
    pub settings: Settings,
    /// What the page said last.
    pub surroundings: Surroundings,
    last: Option<Last>,
    /// Bumped whenever campaign or settings change: the DOM words follow it.
    generation: u32,
    words_for: Option<(u32, Lang, ThemeName, Option<SystemColors>)>,
    /// Test hook: the next draw fails after rendering (the previous picture must come back).
    #[cfg(feature = "test-hooks")]
    pub fail_next_draw: bool,
}

impl Drawing {
    /// A drawing of `campaign` with `settings`, not yet drawn.
    pub fn new(campaign: Held, settings: Settings) -> Drawing {
        Drawing {
            campaign,
            settings,
            surroundings: Surroundings::default(),
            last: None,
            generation: 0,
            words_for: None,
            #[cfg(feature = "test-hooks")]
            fail_next_draw: false,
        }
    }

    /// The campaign drawn, however it is held ([`Held`]: the borrow is
    /// needless only in the article build, where it is a reference).
    #[allow(clippy::needless_borrow)]
    pub fn campaign(&self) -> &Campaign {
        &self.campaign
    }

    /// The language the chart speaks: the option, else the page's, else English.
    pub fn lang(&self) -> Lang {
        self.settings.lang.or(self.surroundings.page_lang).unwrap_or(Lang::En)
    }

    /// The theme drawn: light on paper, else the option, else the reader's colour scheme.
    pub fn theme(&self) -> ThemeName {
        match (self.settings.theme, self.surroundings.dark) {
            (_, None) | (ThemeChoice::Auto, Some(false)) => ThemeName::Light,
            (ThemeChoice::Fixed(t), _) => t,
            (ThemeChoice::Auto, Some(true)) => ThemeName::Dark,
        }
    }

    /// The colours the settings and surroundings ask for now.
    pub fn colors(&self) -> Theme {
        Theme::of(self.theme(), self.surroundings.forced)
    }

    /// The picture the settings and surroundings ask for now.
    pub fn wanted(&self) -> Picture {
        let s = &self.surroundings;
        let width = self.settings.width.unwrap_or(if s.width > 0.0 { s.width } else { 640.0 });
        let display = self.settings.display;
        Picture {
            width: width.floor(),
            dpr: s.dpr,
            theme: self.theme(),
            lang: self.lang(),
            view: self.settings.view,
            focus: s.focus,
            forced: s.forced,
            header: if display.plain { Header::Plain } else { Header::Full },
            transparent: display.transparent,
        }
    }

    /// The campaign as held (to keep it across an update).
    pub fn held(&self) -> &Held {
        &self.campaign
    }

    /// Bumped whenever campaign or settings change.
    pub fn generation(&self) -> u32 {
        self.generation
    }

    /// The last good picture's inputs, if any.
    pub fn drawn(&self) -> Option<Picture> {
        self.last.as_ref().map(|l| l.picture)
    }

    /// The last good layout, if any.
    pub fn layout(&self) -> Option<&Layout> {
        self.last.as_ref().map(|l| &l.layout)
    }

    /// The items of the last good layout, in keyboard order.
    pub fn items(&self) -> &[HitBox] {
        self.last.as_ref().map_or(&[], |l| &l.items)
    }

    /// Replaces campaign and settings (an update); the caller draws next and
    /// puts the old ones back if that fails ([`Drawing::swap`] again).
    /// A new view or campaign has other items: the keyboard focus goes.
    pub fn swap(&mut self, campaign: &mut Held, settings: &mut Settings) {
        let items_change = settings.view != self.settings.view || !same(campaign, &self.campaign);
        std::mem::swap(&mut self.campaign, campaign);
        std::mem::swap(&mut self.settings, settings);
        self.generation = self.generation.wrapping_add(1);
        if items_change {
            self.surroundings.focus = None;
        }
    }

    /// Draws when anything that decides the picture changed (or always, with
    /// `force`) onto `canvas` (with its 2D `context`). Returns [`Changed`] bits.
    pub fn draw(&mut self, canvas: &HtmlCanvasElement, context: &CanvasRenderingContext2d, force: bool) -> Result<u32, String> {
        let want = self.wanted();
        if !force && self.drawn() == Some(want) {
            return Ok(0);
        }
        if !crate::i18n::speaks(want.lang) {
            return Ok(Changed::OTHER_LANGUAGE);
        }
        let Some(layout) = lay_out(self.campaign(), &want.options()) else {
            return Ok(Changed::WAITING | self.words_changed(want));
        };
        let items = layout.items();
        #[cfg(feature = "test-hooks")]
        let fail = std::mem::take(&mut self.fail_next_draw);
        #[cfg(not(feature = "test-hooks"))]
        let fail = false;
        if let Err(e) = paint(canvas, context, &layout, &items, want, self.surroundings.roomy, fail) {
            self.restore(canvas, context);
            return Err(e);
        }
        self.last = Some(Last { picture: want, layout, items });
        Ok(Changed::PICTURE | self.words_changed(want))
    }

    /// [`Changed::WORDS`] if the words around the canvas differ from those
    /// last reported (they are reported now), else 0.
    fn words_changed(&mut self, want: Picture) -> u32 {
        let words = (self.generation, want.lang, want.theme, want.forced);
        if self.words_for == Some(words) {
            return 0;
        }
        self.words_for = Some(words);
        Changed::WORDS
    }

    /// Paints the last good picture again (after a failed draw); nothing to do before the first.
    fn restore(&self, canvas: &HtmlCanvasElement, context: &CanvasRenderingContext2d) {
        if let Some(last) = &self.last {
            // Best effort: what could fail here failed already, and was reported.
            let _ = paint(canvas, context, &last.layout, &last.items, last.picture, self.surroundings.roomy, false);
        }
    }

    /// The chart's title, its accessible name.
    pub fn title(&self) -> String {
        crate::describe::title(self.campaign(), self.settings.view, self.lang())
    }

    /// The screen-reader summary.
    pub fn summary(&self) -> String {
        // Compiled in by a drawing kernel of one language (describe::Summaries).
        #[cfg(careto_summaries)]
        return crate::describe::compiled_summary(self.settings.view).to_string();
        // The map's summary needs no geometry: it is right before the map has arrived.
        #[cfg(not(careto_summaries))]
        crate::describe::summary(self.campaign(), self.settings.view, self.lang())
    }

    /// The height of the last good picture, CSS px (0 before the first).
    pub fn height(&self) -> f64 {
        self.layout().map_or(0.0, |l| l.scene().height)
    }
}

/// The layout `options` ask for; `None` for a map whose geometry has not
/// arrived (every other view needs none).
fn lay_out(campaign: &Campaign, options: &ChartOptions) -> Option<Layout> {
    #[cfg(careto_map)]
    if options.view == View::Map {
        return super::world::get().map(|world| Layout::with_world(campaign, options, &world));
    }
    Some(Layout::new(campaign, options))
}

/// Whether two holds are the same campaign (not merely equal).
#[cfg(not(feature = "custom-campaign"))]
fn same(a: &Held, b: &Held) -> bool {
    std::ptr::eq(*a, *b)
}

/// Whether two holds are the same campaign (not merely equal).
#[cfg(feature = "custom-campaign")]
fn same(a: &Held, b: &Held) -> bool {
    std::rc::Rc::ptr_eq(a, b)
}

/// Draws `layout` (and the focus ring of `picture.focus`) onto `canvas`,
/// sized for the layout's scene at `picture.dpr` (a larger bitmap kept if
/// `roomy`: [`HiDpiCanvas::new`]). `fail` is the test hook.
fn paint(
    canvas: &HtmlCanvasElement,
    context: &CanvasRenderingContext2d,
    layout: &Layout,
    items: &[HitBox],
    picture: Picture,
    roomy: bool,
    fail: bool,
) -> Result<(), String> {
    let scene = layout.scene();
    let mut backend = HiDpiCanvas::new(canvas, context, (scene.width, scene.height), picture.dpr, roomy)?;
    let theme = picture.colors();
    // Transparent: the bitmap is cleared (a redraw at the same size keeps
    // the last picture otherwise), and everything but the background drawn.
    let shapes = if picture.transparent {
        context.clear_rect(0.0, 0.0, scene.width, scene.height);
        scene.foreground()
    } else {
        &scene.shapes
    };
    render::draw_shapes(shapes, &theme, &mut backend, 1.0).map_err(|e| e.to_string())?;
    if let Some(item) = picture.focus.and_then(|i| items.get(i)) {
        let focus = Scene { width: scene.width, height: scene.height, shapes: vec![crate::layout::focus_ring(item.rect)] };
        render::draw(&focus, &theme, &mut backend, 1.0).map_err(|e| e.to_string())?;
    }
    // The last run of paths or polygons gathered is drawn (hidpi.rs, `HiDpiCanvas::xy`).
    backend.present().map_err(|e| e.to_string())?;
    if fail {
        return Err("drawing failed: simulated failure (test hook)".to_string());
    }
    Ok(())
}
