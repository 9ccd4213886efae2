//! Layout: from a campaign and a width to a [`Scene`] (what to draw, in CSS
//! pixels) and hit boxes (what is where, for hover and keyboard).
//!
//! Conventions: x right, y down, origin top-left, units CSS pixels. Colours
//! are named by role ([`Paint`]) and resolved by the theme at render time, so
//! a theme switch needs no new layout.

pub mod bars;
mod hatch;
mod legend;
#[cfg(careto_map)]
pub mod map;
pub mod profile;
mod scene;
pub mod timeline;

pub use bars::BarsLayout;
pub use profile::ProfileLayout;
pub use scene::{points_box, Anchor, Paint, Point, Rect, Scene, Shape, Stroke};
pub use timeline::TimelineLayout;

use crate::text::Weight;

/// What a hit box stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A country, by its index in `Campaign::countries`.
    Country(usize),
    /// An event, by its index in `Campaign::events`.
    Event(usize),
    /// The campaign's active period.
    ActivePeriod,
    /// A target sector of the profile, by its index in `Profile::sectors`.
    Sector(usize),
    /// A platform of the profile, by its index in `Profile::platforms`.
    Platform(usize),
    /// What the campaign stole (the profile's summary of it).
    Stolen,
    /// The file extensions the campaign sought (the profile).
    Extensions,
}

impl Target {
    /// A short key for the target, as the page's shell and the details
    /// module pass it: `"c3"` (country 3), `"e5"` (event 5), `"p"` (the
    /// period), `"s2"` (sector 2), `"f1"` (platform 1), `"t"` (what was
    /// stolen), `"x"` (the file extensions).
    pub fn key(self) -> String {
        match self {
            Target::Country(i) => format!("c{i}"),
            Target::Event(i) => format!("e{i}"),
            Target::ActivePeriod => "p".to_string(),
            Target::Sector(i) => format!("s{i}"),
            Target::Platform(i) => format!("f{i}"),
            Target::Stolen => "t".to_string(),
            Target::Extensions => "x".to_string(),
        }
    }

    /// The target whose [`Target::key`] is `key`, if `key` is one.
    pub fn from_key(key: &str) -> Option<Target> {
        let index = || {
            let digits = key.get(1..).filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) && (d.len() == 1 || !d.starts_with('0')))?;
            digits.parse::<usize>().ok()
        };
        Some(match key.as_bytes().first()? {
            b'c' => Target::Country(index()?),
            b'e' => Target::Event(index()?),
            b's' => Target::Sector(index()?),
            b'f' => Target::Platform(index()?),
            b'p' if key.len() == 1 => Target::ActivePeriod,
            b't' if key.len() == 1 => Target::Stolen,
            b'x' if key.len() == 1 => Target::Extensions,
            _ => return None,
        })
    }
}

/// How far a keyboard item's box reaches beyond what the item draws, on
/// each side, where the box is the item's own (the profile's entries, the
/// timeline's events): the focus ring, drawn inside the box, then stands
/// clear of the item's marks and words.
pub(crate) const RING_GAP: f64 = 4.0;

/// The keyboard focus ring around an item's box: inset 1 px at the sides
/// (so that it stays inside a chart-wide row), 2 px wide, in the focus colour.
pub fn focus_ring(r: Rect) -> Shape {
    let ring = Rect { x: r.x + 1.0, y: r.y, w: (r.w - 2.0).max(2.0), h: r.h };
    Shape::Rect { rect: ring, fill: None, stroke: Some(Stroke { paint: Paint::Focus, width: 2.0, dashed: false }) }
}

/// A region of the chart that stands for one item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HitBox {
    /// Where, in CSS pixels.
    pub rect: Rect,
    /// What.
    pub target: Target,
}

/// Sizes that follow the chart's width: narrower charts get smaller type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// Outer padding.
    pub pad: f64,
    /// Title size.
    pub title: f64,
    /// Subtitle and legend size.
    pub subtitle: f64,
    /// Label size.
    pub label: f64,
    /// Source line and axis size.
    pub small: f64,
}

impl Metrics {
    /// The metrics for a chart `width` CSS px wide.
    pub fn for_width(width: f64) -> Metrics {
        if width < 480.0 {
            Metrics { pad: 8.0, title: 16.0, subtitle: 13.0, label: 12.0, small: 11.0 }
        } else {
            Metrics { pad: 12.0, title: 19.0, subtitle: 14.0, label: 13.0, small: 12.0 }
        }
    }
}

/// The narrowest and widest chart laid out; other widths are clamped.
pub const WIDTH_RANGE: (f64, f64) = (240.0, 4096.0);

/// Clamps a requested width into [`WIDTH_RANGE`] (NaN gives the minimum).
pub fn clamp_width(width: f64) -> f64 {
    if width.is_nan() {
        WIDTH_RANGE.0
    } else {
        width.clamp(WIDTH_RANGE.0, WIDTH_RANGE.1)
    }
}

/// What both charts start from: the width (clamped), its metrics, the
/// content's left and right edges, and a scene holding only the background,
/// whose height [`Frame::finish`] sets.
pub(crate) struct Frame {
    /// The chart's width, clamped into [`WIDTH_RANGE`].
    pub width: f64,
    /// The sizes for that width.
    pub metrics: Metrics,
    /// The content's left edge (the padding).
    pub x0: f64,
    /// The content's right edge.
    pub x1: f64,
    /// The background, then whatever the chart adds.
    pub scene: Scene,
}

impl Frame {
    /// The frame of a chart `width` CSS px wide.
    pub fn new(width: f64) -> Frame {
        let width = clamp_width(width);
        let metrics = Metrics::for_width(width);
        let scene = Scene {
            width,
            height: 0.0,
            shapes: vec![Shape::Rect { rect: Rect { x: 0.0, y: 0.0, w: width, h: 0.0 }, fill: Some(Paint::Background), stroke: None }],
        };
        Frame { width, metrics, x0: metrics.pad, x1: width - metrics.pad, scene }
    }

    /// Ends `scene` below `bottom` (the foot of its last line) plus the
    /// padding, rounded up to a whole px: the scene's height and the
    /// background's.
    pub fn finish(scene: &mut Scene, bottom: f64, pad: f64) {
        let height = (bottom + pad).ceil();
        scene.height = height;
        if let Some(Shape::Rect { rect, .. }) = scene.shapes.first_mut() {
            rect.h = height;
        }
    }
}

/// What a chart draws above its picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Header {
    /// Its title, the campaign's headline figures ([`headline`]) and its subtitle.
    #[default]
    Full,
    /// None of them (the `plain` display flag, as Datawrapper's `?plain=1`):
    /// the host page writes its own. The source line stays, and so do the
    /// chart's accessible name and summary (`describe`), which are not drawn.
    Plain,
}

/// Draws a chart's header as `header` says, from the top padding: `title`
/// (bold), the campaign's headline figures ([`headline_block`]) and
/// `subtitle` (muted). Returns the y below it; for a plain chart
/// `m.pad - gap`, so that what follows, which the caller puts `gap` below
/// the header, starts at the top padding.
#[allow(clippy::too_many_arguments)]
pub(crate) fn header_block(
    scene: &mut Scene,
    header: Header,
    campaign: &crate::model::Campaign,
    lang: crate::model::Lang,
    [title, subtitle]: [&str; 2],
    (x0, inner): (f64, f64),
    gap: f64,
    m: &Metrics,
) -> f64 {
    if header == Header::Plain {
        return m.pad - gap;
    }
    let y = text_block(scene, title, x0, m.pad, inner, m.title, Weight::Bold, Paint::Text);
    let y = headline_block(scene, campaign, lang, x0, y, inner, m);
    text_block(scene, subtitle, x0, y + 2.0, inner, m.subtitle, Weight::Normal, Paint::Muted)
}

/// The campaign's headline figures as every chart's header draws them:
/// each `[[total]]` ("31 countries · over 380 unique victims · more than
/// 1,000 victim IP addresses"), then the campaign's `totals_note` (who gave
/// them, and how far they go). `None` for a campaign with neither.
pub fn headline(c: &crate::model::Campaign, lang: crate::model::Lang) -> Option<String> {
    let figures: Vec<String> = c
        .totals
        .iter()
        .map(|t| {
            let n = crate::i18n::format_count(t.value, lang);
            let q = t.qualifier.get(lang).trim();
            if q.is_empty() {
                format!("{n} {}", t.label.get(lang))
            } else {
                format!("{q} {n} {}", t.label.get(lang))
            }
        })
        .collect();
    let note = c.totals_note.get(lang).trim();
    let mut out = crate::i18n::join(&figures, " · ");
    if !note.is_empty() {
        if !out.is_empty() {
            out.push_str(". ");
        }
        out.push_str(note);
    }
    Some(out).filter(|s| !s.is_empty())
}

/// Draws [`headline`] of `c` (if any) from `y`, wrapped to `max_width`;
/// returns the y below it.
pub(crate) fn headline_block(scene: &mut Scene, c: &crate::model::Campaign, lang: crate::model::Lang, x: f64, y: f64, max_width: f64, m: &Metrics) -> f64 {
    match headline(c, lang) {
        Some(text) => text_block(scene, &text, x, y + 4.0, max_width, m.label, Weight::Normal, Paint::Text),
        None => y,
    }
}

/// Adds wrapped text lines at `y` (top), returning the y below them.
#[allow(clippy::too_many_arguments)]
pub(crate) fn text_block(scene: &mut Scene, text: &str, x: f64, y: f64, max_width: f64, size: f64, weight: Weight, paint: Paint) -> f64 {
    lines_block(scene, crate::text::wrap(text, size, weight, max_width), x, y, size, weight, paint)
}

/// Adds `lines` of text at `y` (top), returning the y below them.
pub(crate) fn lines_block(scene: &mut Scene, lines: Vec<String>, x: f64, y: f64, size: f64, weight: Weight, paint: Paint) -> f64 {
    let line_height = line_height(size);
    let mut y = y;
    for line in lines {
        scene.shapes.push(Shape::Text { text: line, at: Point { x, y: y + line_height / 2.0 }, anchor: Anchor::LeftMiddle, size, weight, paint });
        y += line_height;
    }
    y
}

/// The height of a line of wrapped text at `size`.
pub(crate) fn line_height(size: f64) -> f64 {
    (size * 1.3).round()
}

/// The longest canvas side Chromium and Firefox draw, in bitmap px.
pub const MAX_CANVAS_SIDE: f64 = 32_767.0;

/// The largest canvas bitmap every browser draws, in px: Safari on iOS
/// caps the area at 16,777,216 (Chromium at about 268 million).
pub const MAX_CANVAS_AREA: f64 = 16_777_216.0;

/// The tallest CSS size a chart's canvas is given: 4,096 px, about five
/// screens of a phone. A chart taller than that is no longer seen as one
/// picture (its rows are all in the data table), and the height bounds the
/// work of a draw: a 800 x 16,384 px canvas (the cap until 2026-12-01) took
/// Chromium about 30 ms to allocate and clear before a single bar was drawn,
/// and a timeline that tall drew thousands of events in one task (issue
/// 13.3).
pub const MAX_CHART_HEIGHT: f64 = 4_096.0;

/// The tallest chart laid out at `width` CSS px: at most
/// [`MAX_CHART_HEIGHT`], and at devicePixelRatio 1 its bitmap fits every
/// browser's caps (at higher ratios the canvas lowers the ratio, evenly,
/// until it fits: [`bitmap_scale`]). Rows that would go below are not
/// drawn but counted in an "…and N more" line, and hit testing knows only
/// what is drawn; the data table lists every row. Never a picture cut off
/// by the browser.
pub fn max_height(width: f64) -> f64 {
    (MAX_CANVAS_AREA / clamp_width(width)).min(MAX_CHART_HEIGHT).floor()
}

/// The device pixels per CSS pixel of a `css_width` × `css_height` chart
/// on a screen of devicePixelRatio `dpr`: `dpr` itself, or, when the bitmap
/// would pass [`MAX_CANVAS_SIDE`] or [`MAX_CANVAS_AREA`], the largest ratio
/// under which it fits, the same for both sides (clamping each side on its
/// own scaled the picture unevenly). A bad `dpr` counts as 1; at most 8.
pub fn bitmap_scale(css_width: f64, css_height: f64, dpr: f64) -> f64 {
    let dpr = if dpr.is_finite() && dpr > 0.0 { dpr.min(8.0) } else { 1.0 };
    let (w, h) = (css_width.max(1.0), css_height.max(1.0));
    // Sides are rounded to whole pixels: one pixel of margin on each.
    let side = (MAX_CANVAS_SIDE - 1.0) / w.max(h);
    let area = (MAX_CANVAS_AREA / ((w + 1.0) * (h + 1.0))).sqrt();
    dpr.min(side).min(area)
}

/// The most lines a chart's source line is drawn in ("…" at the end of the
/// last); the chart's summary, read by screen readers, has all of it.
pub const MAX_SOURCE_LINES: usize = 10;

/// The most lines the "…and N more" line wraps into (two at the narrowest width).
pub(crate) const MORE_LINES: usize = 2;

/// What a chart's foot takes below its rows, at most: the "…and N more"
/// line, the source line in `source` lines after a `gap`, and the padding.
pub(crate) fn foot_height(source: usize, gap: f64, m: &Metrics) -> f64 {
    let small = line_height(m.small);
    8.0 + crate::num::count_f64(MORE_LINES + source) * small + gap + m.pad + 1.0
}

/// Hit boxes ordered by top edge, then left edge.
pub(crate) fn sort_by_top(boxes: Vec<HitBox>) -> Vec<HitBox> {
    let at = |i: usize| boxes.get(i).map_or(Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 }, |b| b.rect);
    let order = crate::sort::by(boxes.len(), &|a, b| at(a).y.total_cmp(&at(b).y).then_with(|| at(a).x.total_cmp(&at(b).x)));
    crate::sort::apply(&boxes, &order)
}

/// No hit box is taller than this (CSS px): a bar's row, a row of names, an
/// event's lane and the period span are all about 20 px. Hit testing relies
/// on it; the layout tests and the fuzz target check every box against it.
pub const MAX_HIT_BOX_HEIGHT: f64 = 100.0;

/// Finds the hit box under `(x, y)` among boxes sorted by their top edge.
/// Binary search on rows, then a scan back over the boxes that start less
/// than [`MAX_HIT_BOX_HEIGHT`] above `y`: the cost grows with log n plus the
/// boxes of one band of rows, not with n.
pub(crate) fn hit_sorted(boxes: &[HitBox], x: f64, y: f64) -> Option<Target> {
    // Boxes whose top is <= y; one whose top is MAX_HIT_BOX_HEIGHT or more
    // above y cannot reach y. (No fixed count of boxes: one row can hold
    // hundreds of names, and a count of 64 missed the first names of a long row.)
    let end = boxes.partition_point(|b| b.rect.y <= y);
    boxes.get(..end)?.iter().rev().take_while(|b| b.rect.y > y - MAX_HIT_BOX_HEIGHT).find(|b| b.rect.contains(x, y)).map(|b| b.target)
}
