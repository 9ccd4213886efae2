//! The world map: an honest choropleth of the campaign's countries in the
//! Equal Earth projection, fitted to the chart's width.
//!
//! - Countries with a published count: filled by the bars' colour classes
//!   (the same [`ColorScale`] and the same legend drawing).
//! - Affected countries without a published count: hatched (a pattern, not
//!   a colour, so no reader mistakes them for a class or for zero).
//! - Every other country: the neutral land tone, "no victims reported"
//!   (never "not affected": nothing more is known).
//! - Countries too small to see or tap at this width, and places 1:110m
//!   leaves out (Gibraltar): a marker in their class's fill.
//! - In forced-colors mode every class is one system colour: the classes
//!   are then told apart by horizontal lines, denser and thicker for a
//!   higher class, the top class solid ([`MapLayout::with_patterns`]), in
//!   the map and in its legend alike.
//!
//! Conventions as in [`crate::layout`]: CSS px, x right, y down.

mod hit;
mod place;

pub use hit::even_odd;

use super::hatch::{class_lines, Lines};
use super::legend::{legend, Swatch};
use super::{clamp_width, line_height, lines_block, max_height, Header, HitBox, Metrics, Paint, Point, Rect, Scene, Shape, Stroke, Target, MAX_SOURCE_LINES};
use crate::geo::World;
use crate::i18n::{fill, join_list, map_strings};
use crate::model::{Campaign, Lang};
use crate::scale::ColorScale;
use crate::text::{wrap, wrap_at_most, Weight};

/// A marker's radius, CSS px (a background ring 1.5 px wide goes around it).
pub const MARKER_RADIUS: f64 = 4.5;

/// A marker's disc as drawn, its background ring included, CSS px: a
/// point on it is the marker's, whatever is under it.
pub const MARKER_DISC: f64 = MARKER_RADIUS + 1.5;

/// The radius of the ring round the marker of the country under a pointer
/// ([`MapLayout::outline`]): 2 px outside its disc.
pub const OUTLINE_RING: f64 = MARKER_DISC + 2.0;

/// That ring: an octagon, whole px from the marker's centre (8 px at its
/// corners, 6 × √2 ≈ 8.5 px at the diagonals': on a 2 px line, a circle).
const OCTAGON: [(i32, i32); 8] = [(8, 0), (6, 6), (0, 8), (-6, 6), (-8, 0), (-6, -6), (0, -8), (6, -6)];

/// Markers closer than this, centre to centre (CSS px), are moved apart:
/// discs, their rings included, never cover one another.
pub const MARKER_GAP: f64 = 2.0 * MARKER_DISC + 1.0;

/// A tap within this distance (CSS px) of a marker's centre, and outside
/// every affected country's shape, selects the marker's country.
pub const MARKER_HIT_RADIUS: f64 = 12.0;

/// A country whose shapes cover less than this on screen (CSS px²: an
/// 8 × 8 px square) gets a marker too: at 640 px Switzerland (about 13 px²),
/// Tunisia, Belgium, Guatemala, Cuba and Costa Rica do; at 1,280 px Tunisia
/// (about 210 px²) does not.
pub const MARKER_BELOW_AREA: f64 = 64.0;

/// The part of the world enlarged under it at phone widths: Western
/// Europe and the Mediterranean (Ireland to Greece, Tunisia and Libya's
/// coast to southern Scandinavia: latitude 31° to 57° N), in the world's
/// projected coordinates (Equal Earth on a sphere of radius 1, y south),
/// its height to width a multiple of 1/1024 (745/1024), so that a
/// stylesheet can reserve it as [`frame_height`] says.
pub const INSET: Rect = Rect { x: -0.185, y: -1.05, w: 0.6, h: 0.6 * INSET_ASPECT };

/// [`INSET`]'s height to width.
pub const INSET_ASPECT: f64 = 745.0 / 1024.0;

/// The inset ([`INSET`]) is drawn under the world when the world's frame
/// is narrower than this (CSS px), and at least two of the campaign's
/// places are in it: at 560 px Switzerland is about 10 px², Belgium 8 and
/// Gibraltar a point, France 140; enlarged to the frame's width, each is a
/// shape a finger can find.
pub const INSET_BELOW: f64 = 560.0;

/// Space between the world and the inset's caption, CSS px.
const INSET_GAP: f64 = 8.0;

/// The world's frame: `inner` px wide and, so that a stylesheet can reserve
/// the map's height before the module draws it, exactly as tall as CSS
/// arithmetic finds in every engine (careto-reserve writes
/// `round(up, inner * aspect, 1px)`): the world's height to width rounded
/// up to 1/1024 (exact in binary floating point, f32 too), times the width,
/// rounded up to a pixel. The world, fitted to the width, leaves at most
/// `inner / 1024` px plus one below it.
pub fn frame_height(inner: f64, world: &World) -> f64 {
    (inner * frame_aspect(world)).ceil().max(0.0)
}

/// The world's frame's width in a chart `width` px wide (clamped into
/// [`super::WIDTH_RANGE`]): the width less the padding on both sides.
pub fn frame_width(width: f64) -> f64 {
    let width = clamp_width(width);
    width - 2.0 * Metrics::for_width(width).pad
}

/// The frame's height to width (see [`frame_height`]): the world's, rounded
/// up to a multiple of 1/1024; 0 for an empty world.
pub fn frame_aspect(world: &World) -> f64 {
    let b = world.bounds;
    if b.w > 0.0 && b.h > 0.0 {
        (b.h / b.w * 1024.0).ceil() / 1024.0
    } else {
        0.0
    }
}

/// The inset's height in a frame `inner` px wide ([`INSET`] enlarged to
/// that width, rounded up to a pixel, as [`frame_height`] rounds), when
/// the map has one: `inner` under [`INSET_BELOW`] and two of `campaign`'s
/// places in it; else `None`. (The drawing kernels, which hold The Mask
/// only, with 15 of its 31 countries in it, leave the count out:
/// tests/map.rs checks them.)
pub fn inset_height(campaign: &Campaign, world: &World, inner: f64) -> Option<f64> {
    let inside = if crate::ANY_CAMPAIGN {
        campaign.countries.iter().filter(|k| world.shape(&k.code).is_some_and(|s| INSET.contains(s.location.x, s.location.y))).count()
    } else {
        2
    };
    (inner < INSET_BELOW && inside >= 2).then(|| (inner * INSET_ASPECT).ceil())
}

/// One of the campaign's countries as the map draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct MapCountry {
    /// Index into `Campaign::countries`.
    pub country: usize,
    /// Index into `World::shapes`.
    pub shape: usize,
    /// Its colour class; `None`: no count was published (hatched).
    pub class: Option<usize>,
    /// Its polygons on screen: rings (outer first, then holes), each closed.
    pub polygons: Vec<Vec<Vec<Point>>>,
    /// Area on screen, CSS px².
    pub area: f64,
    /// Where its marker is, if it has one.
    pub marker: Option<Point>,
    /// Where the country is, when its marker was moved off it so as not to
    /// cover another's (a leader line joins the two).
    pub site: Option<Point>,
    /// A point that hits this country (inside its largest polygon, away
    /// from other countries' markers where possible; else its marker).
    pub anchor: Point,
    /// The focus ring's box.
    pub focus: Rect,
}

/// The laid-out map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    /// What to draw.
    pub scene: Scene,
    /// The campaign's countries on the map, in keyboard order: published
    /// counts largest first, then the others alphabetically.
    pub countries: Vec<MapCountry>,
    /// The campaign's countries the map cannot place (codes of their own), by index.
    pub not_on_map: Vec<usize>,
    /// The colour classes (the bars').
    pub color_scale: ColorScale,
    /// Where the world is drawn.
    pub frame: Rect,
    /// Where [`INSET`] is drawn enlarged, under the world (at phone widths).
    pub inset: Option<Rect>,
    index: hit::Index,
}

impl MapLayout {
    /// Lays out `campaign` on `world` at `width` CSS px (clamped to the
    /// supported range) in `lang`.
    pub fn new(campaign: &Campaign, world: &World, width: f64, lang: Lang) -> MapLayout {
        MapLayout::build(campaign, world, width, lang, Header::Full, false, true)
    }

    /// [`MapLayout::new`], with its header or without ([`Header::Plain`]).
    pub fn with_header(campaign: &Campaign, world: &World, width: f64, lang: Lang, header: Header) -> MapLayout {
        MapLayout::build(campaign, world, width, lang, header, false, true)
    }

    /// [`MapLayout::with_header`]; with `patterns`, the colour classes are
    /// told apart without colour (forced-colors mode, where every class is
    /// drawn in one system colour): a country of a class below the top one
    /// is land crossed by horizontal lines in its class's paint, as far
    /// apart and as wide as [`class_lines`] says; the top class is filled
    /// solid; the legend's swatches and the markers show the same. Heights
    /// and hit boxes do not change.
    pub fn with_patterns(campaign: &Campaign, world: &World, width: f64, lang: Lang, header: Header, patterns: bool) -> MapLayout {
        MapLayout::build(campaign, world, width, lang, header, patterns, true)
    }

    /// The height of [`MapLayout::with_header`]'s scene, found by the same
    /// code without the world's shapes (only the campaign's countries are
    /// projected, for their markers; no hatching, borders or index):
    /// a fraction of the work, for `careto-reserve`, which needs the height
    /// at every width (native only: no module calls it, and the drawing
    /// kernels leave out what only it needs).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn height(campaign: &Campaign, world: &World, width: f64, lang: Lang, header: Header) -> f64 {
        MapLayout::build(campaign, world, width, lang, header, false, false).scene.height
    }

    /// The layout; with `draw` false, only its texts and the world's frame.
    fn build(campaign: &Campaign, world: &World, width: f64, lang: Lang, header: Header, patterns: bool, draw: bool) -> MapLayout {
        let width = clamp_width(width);
        let m = Metrics::for_width(width);
        let s = map_strings(lang);
        let (x0, x1) = (m.pad, width - m.pad);
        let inner = x1 - x0;
        let mut scene = Scene { width, height: 0.0, shapes: Vec::new() };
        scene.shapes.push(Shape::Rect { rect: Rect { x: 0.0, y: 0.0, w: width, h: 0.0 }, fill: Some(Paint::Background), stroke: None });

        // Title and subtitle (the bars' subtitle: the measure and its date).
        let n_countries = campaign.countries.len().to_string();
        let title = fill(s.map_title, &[("name", campaign.name.get(lang)), ("n", &n_countries)]);
        let mut y = super::header_block(&mut scene, header, campaign, lang, [&title, &super::bars::subtitle(campaign, lang)], (x0, inner), 10.0, &m);

        // The bars' classes and legend, then the map's two tones.
        let published = crate::order::published_by_value(campaign, lang);
        let values: Vec<u32> = published.iter().map(|p| p.1).collect();
        let color_scale = ColorScale::for_values(&values);
        y = super::bars::plain_measure(&mut scene, campaign, lang, header, x0, y + 10.0, inner, &m);
        let n_classes = color_scale.classes().len();
        y = legend(&mut scene, super::bars::class_legend(&color_scale, campaign, inner, &m, lang, header, patterns), x0, x1, y, &m);
        let unpublished = crate::order::unpublished_by_name(campaign, lang);
        let mut tones = Vec::new();
        if !unpublished.is_empty() {
            tones.push((Swatch::Hatch, s.legend_no_count.to_string()));
        }
        tones.push((Swatch::Land, s.legend_no_victims.to_string()));
        y = legend(&mut scene, tones, x0, x1, y, &m) + 8.0;

        // The world, fitted to the width.
        let b = world.bounds;
        let scale = if b.w > 0.0 { inner / b.w } else { 0.0 };
        let frame = Rect { x: x0, y, w: inner, h: frame_height(inner, world) };
        let project = |p: Point| Point { x: x0 + (p.x - b.x) * scale, y: frame.y + (p.y - b.y) * scale };
        // Western Europe and the Mediterranean under it, enlarged to the
        // width, under a caption that says so; a place in it is marked there.
        let inset = inset_height(campaign, world, inner).map(|h| {
            let caption = wrap(s.inset_caption, m.small, Weight::Normal, inner);
            let top = lines_block(&mut scene, caption, x0, frame.bottom() + INSET_GAP, m.small, Weight::Normal, Paint::Muted);
            Rect { x: x0, y: top + 2.0, w: inner, h }
        });
        let zoom = inner / INSET.w;
        let inset_top = inset.map_or(0.0, |r| r.y);
        let enlarge = |p: Point| Point { x: x0 + (p.x - INSET.x) * zoom, y: inset_top + (p.y - INSET.y) * zoom };
        let place_at = |p: Point| if inset.is_some() && INSET.contains(p.x, p.y) { enlarge(p) } else { project(p) };
        let both = inset.map_or(frame, |r| Rect { h: r.bottom() - frame.y, ..frame });
        // Each shape's polygons in the inset, cut to it (none without one).
        let mut zoomed: Vec<Vec<Vec<Vec<Point>>>> = Vec::new();
        if let (Some(r), true) = (inset, draw) {
            for shape in &world.shapes {
                let mut polygons = Vec::new();
                place::enlarged(&shape.polygons, &enlarge, r, &mut polygons);
                zoomed.push(polygons);
            }
        }

        // The campaign's countries in keyboard order, and the places they are.
        let order: Vec<usize> = published.iter().map(|p| p.0).chain(unpublished.iter().copied()).collect();
        let mut countries = Vec::new();
        let mut not_on_map = Vec::new();
        let mut points_only = Vec::new();
        let mut dots = false;
        for &i in &order {
            let Some(k) = campaign.countries.get(i) else { continue };
            let Some((shape_index, shape)) = world.shapes.iter().enumerate().find(|(_, s)| s.code.as_ref().is_some_and(|c| c.as_slice() == k.code.as_bytes()))
            else {
                // (None of The Mask's: the drawing kernels leave the note out.)
                if crate::ANY_CAMPAIGN && !crate::model::places::is_known(&k.code) {
                    not_on_map.push(i);
                }
                continue;
            };
            if shape.polygons.is_empty() {
                points_only.push(k.name.get(lang).to_string());
            }
            // Its shapes and marker in both paths: the source line says
            // "dots mark…" only when a dot is drawn, and its length is the
            // height's. (Without `draw`, the inset's part of this country
            // only, not every shape's.)
            let class = k.count.value().and_then(|v| color_scale.class_of(v));
            let mut polygons: Vec<Vec<Vec<Point>>> = shape.polygons.iter().map(|p| p.rings.iter().map(|r| place::on_screen(r, &project)).collect()).collect();
            match (zoomed.get(shape_index), inset) {
                (Some(z), _) => polygons.extend_from_slice(z),
                // (Without `draw`: the height alone, for careto-reserve, native only.)
                #[cfg(not(target_arch = "wasm32"))]
                (None, Some(r)) if !draw => place::enlarged(&shape.polygons, &enlarge, r, &mut polygons),
                _ => {}
            }
            let area = polygons.iter().map(|p| place::polygon_area(p)).sum::<f64>();
            let marker = (polygons.is_empty() || area < MARKER_BELOW_AREA).then(|| place_at(shape.location));
            dots |= marker.is_some();
            countries.push(MapCountry {
                country: i,
                shape: shape_index,
                class,
                polygons,
                area,
                marker,
                site: None,
                anchor: Point { x: 0.0, y: 0.0 },
                focus: frame,
            });
        }
        if draw {
            place::anchors_and_focus(&mut countries, both);
            // Land first, largest first (an enclave such as Lesotho is drawn
            // over the country around it), then the hatching, the borders and
            // the markers.
            // With patterns, a class below the top one is land under its lines.
            let lines_of = |class: Option<usize>| class.filter(|_| patterns).and_then(|i| Some((i, class_lines(i, n_classes)?)));
            place::draw_land(&mut scene, world, &countries, &project, &zoomed, &|class| match (class, lines_of(class)) {
                (Some(i), None) => Paint::Class(i),
                _ => Paint::Land,
            });
            for c in &countries {
                // The hatching without a count; a class's lines; nothing over a solid fill.
                let (direction, spacing, stroke) = match (c.class, lines_of(c.class)) {
                    (None, _) => (Lines::Diagonal, super::hatch::SPACING, Stroke { paint: Paint::Hatch, width: 1.0, dashed: false }),
                    (Some(_), Some((i, lines))) => (Lines::Horizontal, lines.spacing, Stroke { paint: Paint::Class(i), width: lines.width, dashed: false }),
                    (Some(_), None) => continue,
                };
                let rings: Vec<&[Point]> = c.polygons.iter().flatten().map(Vec::as_slice).collect();
                super::hatch::lines(&mut scene, &rings, direction, spacing, stroke);
            }
            place::draw_borders(&mut scene, world, &project, &zoomed);
            // The inset's frame, and where it is on the world.
            if let Some(r) = inset {
                let (a, z) = (project(Point { x: INSET.x, y: INSET.y }), project(Point { x: INSET.right(), y: INSET.bottom() }));
                for rect in [r, Rect { x: a.x, y: a.y, w: z.x - a.x, h: z.y - a.y }] {
                    scene.shapes.push(Shape::Rect { rect, fill: None, stroke: Some(Stroke { paint: Paint::Muted, width: 1.0, dashed: false }) });
                }
            }
            // A moved marker's leader line, from its country's place (under
            // the markers; a path, as the borders are: the map's kernel
            // draws no other kind of line).
            for c in &countries {
                if let (Some(from), Some(to)) = (c.site, c.marker) {
                    scene.shapes.push(Shape::Path { points: vec![from, to], stroke: Stroke { paint: Paint::Muted, width: 1.0, dashed: false } });
                }
            }
            for c in &countries {
                if let Some(at) = c.marker {
                    place::draw_marker(&mut scene, at, c.class, lines_of(c.class).map(|(_, lines)| lines));
                }
            }
        }
        y = both.bottom() + 10.0;

        // Notes: places without a place on the map (at most MAX_SOURCE_LINES
        // lines, "…" at the end of the last: the summary and the data table
        // name every place); the source line, in as many lines as fit above
        // the tallest chart a canvas can hold (`max_height`), all of it for
        // any real campaign. A newsroom's campaign of hundreds of places of
        // their own, or of places 1:110m has no shape for, must not make the
        // map taller than that.
        let lines_left = |y: f64| usize::try_from(crate::num::saturating_u32((max_height(width) - m.pad - y) / line_height(m.small))).unwrap_or(0);
        if crate::ANY_CAMPAIGN && !not_on_map.is_empty() {
            let names: Vec<String> = not_on_map.iter().filter_map(|i| campaign.countries.get(*i)).map(|k| k.name.get(lang).to_string()).collect();
            let note = fill(s.map_not_on_map, &[("names", &join_list(&names, lang))]);
            let most = lines_left(y).min(MAX_SOURCE_LINES);
            y = lines_block(&mut scene, wrap_at_most(&note, m.small, Weight::Normal, inner, most), x0, y, m.small, Weight::Normal, Paint::Muted);
        }
        // What the dots are, only when one is drawn; then the places 1:110m has no shape for.
        let mut points = String::new();
        if dots {
            points.push_str(s.map_dots);
        }
        if !points_only.is_empty() {
            points += &fill(s.map_points, &[("names", &join_list(&points_only, lang))]);
        }
        let source = format!("{} {}", campaign.bars_source_line.get(lang), s.source(campaign, &points));
        let source = wrap_at_most(&source, m.small, Weight::Normal, inner, lines_left(y + 2.0));
        y = lines_block(&mut scene, source, x0, y + 2.0, m.small, Weight::Normal, Paint::Muted);

        let height = (y + m.pad).ceil();
        scene.height = height;
        if let Some(Shape::Rect { rect, .. }) = scene.shapes.first_mut() {
            rect.h = height;
        }
        let index = hit::Index::new(&countries, both);
        MapLayout { scene, countries, not_on_map, color_scale, frame, inset, index }
    }

    /// The world's frame and the inset's under it, together.
    pub fn bounds(&self) -> Rect {
        self.inset.map_or(self.frame, |r| Rect { h: r.bottom() - self.frame.y, ..self.frame })
    }

    /// The campaign's country with ISO code `code` as the map draws it.
    pub fn country(&self, campaign: &Campaign, code: &str) -> Option<&MapCountry> {
        self.countries.iter().find(|c| campaign.countries.get(c.country).is_some_and(|k| k.code == code))
    }

    /// A point on the place with ISO code `code`, CSS px: for one of the
    /// campaign's countries its anchor (a point that hits it: its marker's
    /// centre when it has one); for any other place of `world` (the world
    /// this layout was made on) where its marker would be (the centroid of
    /// its largest ring, or its point).
    pub fn point_of(&self, campaign: &Campaign, world: &World, code: &str) -> Option<Point> {
        if let Some(c) = self.country(campaign, code) {
            return Some(c.anchor);
        }
        let b = world.bounds;
        let scale = if b.w > 0.0 { self.frame.w / b.w } else { 0.0 };
        world.shape(code).map(|s| Point { x: self.frame.x + (s.location.x - b.x) * scale, y: self.frame.y + (s.location.y - b.y) * scale })
    }

    /// The outline of item `item` (a country, in keyboard order:
    /// [`MapLayout::items`]), in CSS px on the
    /// backends' grid, as the canvas's paths take points: each ring its
    /// number of points, then x0, y0, x1, y1... Its polygons in the inset
    /// too, so that the reader sees it in both; its marker, if it has one,
    /// ringed ([`OUTLINE_RING`], an octagon). Empty past the last item.
    /// (The shell strokes it over the map where a pointer is: world.js.)
    pub fn outline(&self, item: usize) -> Vec<i32> {
        let mut xy = Vec::new();
        let Some(c) = self.countries.get(item) else {
            return xy;
        };
        for ring in c.polygons.iter().flatten() {
            xy.push(i32::try_from(ring.len()).unwrap_or(i32::MAX));
            for p in ring {
                xy.push(crate::num::grid_px(p.x));
                xy.push(crate::num::grid_px(p.y));
            }
        }
        if let Some(at) = c.marker {
            let (x, y) = (crate::num::grid_px(at.x), crate::num::grid_px(at.y));
            xy.push(9);
            for (dx, dy) in OCTAGON.iter().chain(OCTAGON.first()) {
                xy.push(x + dx);
                xy.push(y + dy);
            }
        }
        xy
    }

    /// The items in keyboard order, each with its focus-ring box.
    pub fn items(&self) -> Vec<HitBox> {
        self.countries.iter().map(|c| HitBox { rect: c.focus, target: Target::Country(c.country) }).collect()
    }
}
