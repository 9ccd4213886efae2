//! A chart: which view, in which language, theme and width; laid out once
//! and drawn on demand. Shared by the browser surface and the native SVG
//! renderer, so both draw exactly the same picture.

pub use crate::layout::Header;
#[cfg(careto_profile)]
use crate::layout::ProfileLayout;
use crate::layout::{BarsLayout, Scene, Target, TimelineLayout};
use crate::model::{Campaign, Lang};
use crate::theme::ThemeName;
pub use crate::view::View;

/// Everything that decides a chart's picture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartOptions {
    /// Which chart.
    pub view: View,
    /// Language.
    pub lang: Lang,
    /// Colours.
    pub theme: ThemeName,
    /// Width in CSS px.
    pub width: f64,
    /// With its title, headline figures and subtitle, or without (`plain`).
    pub header: Header,
    /// The colour classes told apart by patterns, not colour alone: set in
    /// forced-colors mode, where every class is one system colour. The map
    /// and the bars draw them as lines, the same in their legends
    /// (`MapLayout::with_patterns`, `BarsLayout::with_patterns`).
    pub patterns: bool,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions { view: View::default(), lang: Lang::En, theme: ThemeName::Light, width: 640.0, header: Header::Full, patterns: false }
    }
}

/// A laid-out chart of either view.
#[derive(Debug, Clone, PartialEq)]
pub enum Layout {
    /// Country bars.
    Bars(BarsLayout),
    /// Timeline.
    Timeline(TimelineLayout),
    /// Who and what was targeted.
    #[cfg(careto_profile)]
    Profile(ProfileLayout),
    /// World map.
    #[cfg(careto_map)]
    Map(crate::layout::map::MapLayout),
}

impl Layout {
    /// Lays out `campaign` as `options` say. A map is drawn on the geometry
    /// compiled into native builds; in wasm, where the page fetches the
    /// geometry, use [`Layout::with_world`] (here a map would be empty).
    pub fn new(campaign: &Campaign, options: &ChartOptions) -> Layout {
        #[cfg(all(careto_map, not(target_arch = "wasm32")))]
        let world = crate::geo::builtin();
        #[cfg(all(careto_map, target_arch = "wasm32"))]
        let world = &crate::geo::EMPTY;
        #[cfg(careto_map)]
        return Layout::with_world(campaign, options, world);
        #[cfg(not(careto_map))]
        let (width, lang, header) = (options.width, options.lang, options.header);
        #[cfg(not(careto_map))]
        match options.view.drawn() {
            View::Bars => Layout::Bars(BarsLayout::with_patterns(campaign, width, lang, header, options.patterns)),
            View::Timeline => Layout::Timeline(TimelineLayout::with_header(campaign, width, lang, header)),
            #[cfg(careto_profile)]
            View::Profile => Layout::Profile(ProfileLayout::with_header(campaign, width, lang, header)),
        }
    }

    /// Lays out `campaign` as `options` say, a map on `world`.
    #[cfg(careto_map)]
    pub fn with_world(campaign: &Campaign, options: &ChartOptions, world: &crate::geo::World) -> Layout {
        let (width, lang, header) = (options.width, options.lang, options.header);
        match options.view.drawn() {
            View::Bars => Layout::Bars(BarsLayout::with_patterns(campaign, width, lang, header, options.patterns)),
            View::Timeline => Layout::Timeline(TimelineLayout::with_header(campaign, width, lang, header)),
            #[cfg(careto_profile)]
            View::Profile => Layout::Profile(ProfileLayout::with_header(campaign, width, lang, header)),
            View::Map => Layout::Map(crate::layout::map::MapLayout::with_patterns(campaign, world, width, lang, header, options.patterns)),
        }
    }

    /// What to draw.
    pub fn scene(&self) -> &Scene {
        match self {
            Layout::Bars(l) => &l.scene,
            Layout::Timeline(l) => &l.scene,
            #[cfg(careto_profile)]
            Layout::Profile(l) => &l.scene,
            #[cfg(careto_map)]
            Layout::Map(l) => &l.scene,
        }
    }

    /// The items in reading order (bars top to bottom, then the unpublished
    /// names; the active period, then events by date), for the keyboard.
    pub fn items(&self) -> Vec<crate::layout::HitBox> {
        match self {
            Layout::Bars(l) => l.items(),
            Layout::Timeline(l) => l.items(),
            // Sectors, platforms, what was stolen, the extensions.
            #[cfg(careto_profile)]
            Layout::Profile(l) => l.items.clone(),
            // The affected countries, largest count first, then the others
            // alphabetically; each with its focus-ring box.
            #[cfg(careto_map)]
            Layout::Map(l) => l.items(),
        }
    }

    /// The item under `(x, y)` CSS px.
    pub fn hit(&self, x: f64, y: f64) -> Option<Target> {
        match self {
            Layout::Bars(l) => l.hit(x, y),
            Layout::Timeline(l) => l.hit(x, y),
            #[cfg(careto_profile)]
            Layout::Profile(l) => l.hit(x, y),
            #[cfg(careto_map)]
            Layout::Map(l) => l.hit(x, y),
        }
    }
}

/// The chart as an SVG document (native only).
#[cfg(not(target_arch = "wasm32"))]
pub fn svg(campaign: &Campaign, options: &ChartOptions) -> Result<String, crate::render::RenderError> {
    let layout = Layout::new(campaign, options);
    crate::render::to_svg(layout.scene(), &crate::theme::Theme::named(options.theme))
}

/// The canvas's CSS height for `options` (native only), as
/// src/web/hidpi.rs sets it: the scene's, rounded up, at least 1 px; a
/// map's without drawing its world (`MapLayout::height`, the same code).
/// careto-reserve reserves it, careto-render's embed code gives it.
#[cfg(all(careto_map, not(target_arch = "wasm32")))]
pub fn canvas_height(campaign: &Campaign, options: &ChartOptions) -> u32 {
    let h = match options.view.drawn() {
        View::Map => crate::layout::map::MapLayout::height(campaign, crate::geo::builtin(), options.width, options.lang, options.header),
        _ => Layout::new(campaign, options).scene().height,
    };
    crate::num::saturating_u32(if h.is_finite() { h.ceil().max(1.0) } else { 1.0 })
}

/// The controls row under a chart's canvas (native only): the buttons'
/// grid of src/web/shell/chart.css (`.cv-tools`),
/// `repeat(auto-fit, minmax(COLUMN, auto))` columns, rows of BUTTON px with
/// GAP px between rows and columns, PAD px of padding left, right and
/// below, MARGIN px above. Change both together: the page test
/// (tests/page/cls.test.mjs) compares reserved and drawn heights.
#[cfg(not(target_arch = "wasm32"))]
pub mod controls {
    const COLUMN: u32 = 126;
    const BUTTON: u32 = 32;
    const GAP: u32 = 8;
    const PAD: u32 = 10;
    const MARGIN: u32 = 4;

    /// The columns of the row in a chart `width` px wide: as many as fit
    /// (auto-fit counts each at its minimum), at least one.
    fn columns(width: u32) -> u32 {
        ((width.saturating_sub(2 * PAD) + GAP) / (COLUMN + GAP)).max(1)
    }

    /// The row's height with `buttons` buttons, its margin included.
    pub fn height(buttons: u32, width: u32) -> u32 {
        let rows = buttons.div_ceil(columns(width));
        MARGIN + rows * BUTTON + rows.saturating_sub(1) * GAP + PAD
    }
}

/// The widths a social card's chart is laid out at, in CSS px: the one
/// that puts the chart on the card largest is taken (`card_layout`).
#[cfg(not(target_arch = "wasm32"))]
pub const CARD_LAYOUT_WIDTHS: (u32, u32, u32) = (560, 1200, 40);

/// The chart laid out for a 1200 × 630 social card (native only): of the
/// widths of [`CARD_LAYOUT_WIDTHS`], the one whose scene the card shows
/// largest, whole (`options.width` is not used). Ties go to the narrower.
#[cfg(not(target_arch = "wasm32"))]
pub fn card_layout(campaign: &Campaign, options: &ChartOptions) -> Layout {
    let (from, to, step) = CARD_LAYOUT_WIDTHS;
    let mut best: Option<(f64, Layout)> = None;
    for width in (from..=to).step_by(usize::try_from(step).unwrap_or(40)) {
        let layout = Layout::new(campaign, &ChartOptions { width: f64::from(width), ..*options });
        let scene = layout.scene();
        let scale = crate::render::card::placement(scene.width, scene.height).scale;
        if best.as_ref().is_none_or(|(s, _)| scale > *s) {
            best = Some((scale, layout));
        }
    }
    match best {
        Some((_, layout)) => layout,
        None => Layout::new(campaign, options),
    }
}

/// The chart as a 1200 × 630 PNG social card (native only): laid out by
/// [`card_layout`], title and source line included, on the theme's
/// background (`render::card`).
#[cfg(not(target_arch = "wasm32"))]
pub fn card_png(campaign: &Campaign, options: &ChartOptions) -> Result<Vec<u8>, crate::render::RenderError> {
    let layout = card_layout(campaign, options);
    crate::render::card::card_png(layout.scene(), &crate::theme::Theme::named(options.theme))
}
