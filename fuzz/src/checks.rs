//! What the fuzz targets check, shared by `fuzz/fuzz_targets/*.rs` and the
//! root's `tests/fuzz_seeds.rs` (which includes this file with `#[path]`), so
//! a change to the library that breaks a check fails `cargo test` too.
//!
//! Three inputs (the third, **host_campaign**, is in `host.rs`):
//!
//! - **campaign**: bytes → UTF-8 → a [`Campaign`] in the documented JSON
//!   format (`campaign.schema.json`), parsed with serde like a newsroom's file
//!   → [`validate_all`]. Never panics; a campaign that passes validation must
//!   have every property the rest of the code relies on ([`campaign_invariants`]),
//!   and the words and both charts must come out of it ([`check_layout`]).
//!   The browser's own reader reads the same JSON (as `JSON.parse` gives
//!   it) and must agree with serde (`host::json_agreement`).
//! - **layout**: bytes → a [`LayoutCase`] (the real campaign or the sample,
//!   a few edits, a width, view, language, theme and points; see
//!   [`LayoutCase::decode`]) → when the edited campaign is valid,
//!   [`check_layout`]: layout, SVG through `render`, hit testing.
//!
//! - **geometry**: bytes → the map's geometry file → `World::decode`: an
//!   error naming a byte inside the input, or a world whose rings close and
//!   whose points are finite, which the map lays out ([`geometry`]).
//!
//! Panics (assertions) are the findings; nothing here returns an error.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use careto_viz::chart::{ChartOptions, Header, Layout, View};
use careto_viz::layout::map::{MapLayout, MARKER_DISC};
use careto_viz::layout::{clamp_width, max_height, HitBox, Rect, Scene, Shape, Target, MAX_CANVAS_AREA, MAX_HIT_BOX_HEIGHT};
use careto_viz::model::validate::{validate, validate_all, MAX_LABEL_CHARS, MAX_YEAR, MIN_YEAR};
use careto_viz::model::{days_in_month, Campaign, Count, Event, EventDate, Lang, Status, Str, Text};
use careto_viz::theme::{Theme, ThemeName};
use std::borrow::Cow;
use std::collections::HashSet;

/// Geometry is compared to this tolerance (floating-point noise, not pixels).
const EPS: f64 = 1e-6;

/// The invented sample campaign of the page (`www/sample-campaign.json`).
pub fn sample_campaign() -> Campaign {
    serde_json::from_str(include_str!("../../www/sample-campaign.json")).expect("www/sample-campaign.json parses")
}

// ------------------------------------------------------------------ campaign

/// The campaign target: `data` as campaign JSON. Returns whether it parsed
/// and passed validation.
pub fn campaign_json(data: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(data) else { return false };
    // The browser's reader, through JSON.parse's graph, reads it as serde does.
    crate::host::json_agreement(text);
    let Ok(campaign) = serde_json::from_str::<Campaign>(text) else { return false };
    if !check_validation(&campaign) {
        return false;
    }
    campaign_invariants(&campaign);
    for view in [View::Bars, View::Timeline, View::Profile, View::Map] {
        for lang in [Lang::En, Lang::Es] {
            for header in [Header::Full, Header::Plain] {
                let options = ChartOptions { view, lang, theme: ThemeName::Light, width: 640.0, header, patterns: false };
                check_layout(&campaign, &options, &[], false);
            }
        }
    }
    true
}

/// The data file's top-level fields, as `campaign.schema.json` names them
/// (read once: a list written here fell behind the format twice, and the
/// fuzzer took each new field's errors for findings).
fn data_file_fields() -> &'static HashSet<String> {
    static FIELDS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| {
        let schema: serde_json::Value = serde_json::from_str(include_str!("../../campaign.schema.json")).expect("campaign.schema.json parses");
        let properties = schema["properties"].as_object().expect("campaign.schema.json has top-level properties");
        properties.keys().cloned().collect()
    })
}

/// `validate` and `validate_all` agree, and every error names a field of the
/// data file and a reason. Returns whether the campaign is valid.
pub fn check_validation(c: &Campaign) -> bool {
    let all = validate_all(c);
    assert_eq!(validate(c).err(), all.first().cloned(), "validate returns validate_all's first error");
    for e in &all {
        let head = e.path.split(['.', '[']).next().unwrap_or("");
        assert!(data_file_fields().contains(head), "error path {:?} names no field of the data file ({e})", e.path);
        assert!(!e.reason.trim().is_empty(), "error at {} without a reason", e.path);
        assert_eq!(e.to_string(), format!("{}: {}", e.path, e.reason));
    }
    all.is_empty()
}

fn text_ok(path: &str, t: &Text, required: bool, label: bool) {
    for (lang, s) in [("en", &t.en), ("es", &t.es)] {
        assert!(!s.chars().any(char::is_control), "{path}.{lang}: control character in a valid campaign");
        if required {
            assert!(!s.trim().is_empty(), "{path}.{lang}: empty in a valid campaign");
        }
        if label {
            assert!(s.chars().count() <= MAX_LABEL_CHARS, "{path}.{lang}: label longer than {MAX_LABEL_CHARS}");
        }
    }
}

fn date_ok(path: &str, d: EventDate) {
    assert!((MIN_YEAR..=MAX_YEAR).contains(&d.year), "{path}: year {} outside the range", d.year);
    if let Some(m) = d.month {
        assert!((1..=12).contains(&m), "{path}: month {m}");
        if let Some(day) = d.day {
            assert!(day >= 1 && day <= days_in_month(d.year, m), "{path}: day {day}");
        }
    } else {
        assert!(d.day.is_none(), "{path}: a day without a month");
    }
    let (a, b) = d.bounds();
    assert!(a.is_finite() && b.is_finite() && a < b, "{path}: bounds {a}..{b}");
}

fn sources_ok(path: &str, ids: &[Str], known: &HashSet<&str>) {
    assert!(!ids.is_empty(), "{path}: no sources in a valid campaign");
    let mut seen = HashSet::new();
    for id in ids {
        assert!(known.contains(id.as_ref()), "{path}: unknown source {id:?} in a valid campaign");
        assert!(seen.insert(id.as_ref()), "{path}: source {id:?} twice");
    }
}

/// What the rest of the code relies on in a campaign that passed validation.
pub fn campaign_invariants(c: &Campaign) {
    let mut known = HashSet::new();
    for s in c.sources.iter() {
        assert!(!s.id.trim().is_empty() && !s.id.chars().any(char::is_whitespace), "source id {:?}", s.id);
        assert!(known.insert(s.id.as_ref()), "duplicate source id {:?}", s.id);
        if !s.date.is_empty() {
            let d = EventDate::parse(&s.date).unwrap_or_else(|e| panic!("source {}: date {e}", s.id));
            date_ok("source.date", d);
        }
    }
    for (path, t, label) in [
        ("name", &c.name, true),
        ("measure", &c.measure, true),
        ("as_of", &c.as_of, true),
        ("bars_source_line", &c.bars_source_line, false),
        ("timeline_source_line", &c.timeline_source_line, false),
    ] {
        text_ok(path, t, true, label);
    }
    for t in c.totals.iter() {
        sources_ok("total.sources", &t.sources, &known);
    }
    let p = &c.active_period;
    date_ok("active_period.start", p.start);
    date_ok("active_period.end", p.end);
    assert!(p.start.bounds().0 < p.end.bounds().1, "period ends before it starts");
    text_ok("active_period.label", &p.label, true, true);
    sources_ok("active_period.sources", &p.sources, &known);

    assert!(!c.countries.is_empty(), "a valid campaign has a country");
    let mut codes = HashSet::new();
    for k in c.countries.iter() {
        assert!(k.code.len() == 3 && k.code.bytes().all(|b| b.is_ascii_uppercase()), "code {:?}", k.code);
        assert!(codes.insert(k.code.as_ref()), "duplicate code {:?}", k.code);
        text_ok("country.name", &k.name, true, true);
        assert_ne!(k.count, Count::Published(0), "{}: a published 0", k.code);
        if k.count == Count::NotPublished {
            assert!(k.alternatives.is_empty(), "{}: alternatives without a count", k.code);
        }
        sources_ok("country.sources", &k.sources, &known);
        for a in k.alternatives.iter() {
            sources_ok("country.alternatives.sources", &a.sources, &known);
        }
        for o in k.other_figures.iter() {
            sources_ok("country.other_figures.sources", &o.sources, &known);
        }
    }
    let mut ids = HashSet::new();
    for e in c.events.iter() {
        assert!(!e.id.trim().is_empty() && ids.insert(e.id.as_ref()), "event id {:?}", e.id);
        date_ok("event.date", e.date);
        text_ok("event.label", &e.label, true, true);
        text_ok("event.description", &e.description, true, false);
        if e.approximate {
            assert!(!e.note.en.trim().is_empty() && !e.note.es.trim().is_empty(), "{}: approximate without a note", e.id);
        }
        sources_ok("event.sources", &e.sources, &known);
    }

    // The words: summaries, tooltips, table rows and CSV never fail and say what they must.
    for lang in [Lang::En, Lang::Es] {
        let summary = careto_viz::describe::bars_summary(c, lang);
        for (k, _) in careto_viz::describe::ranked(c, lang) {
            assert!(summary.contains(k.name.get(lang)), "the bars summary names {}", k.code);
        }
        let _ = careto_viz::describe::timeline_summary(c, lang);
        let map = careto_viz::describe::map::map_summary(c, lang);
        assert!(map.contains(c.bars_source_line.get(lang)), "the map summary ends with the source line");
        for i in 0..c.countries.len() {
            let tip = careto_viz::describe::tooltip(c, Target::Country(i), lang);
            assert!(tip.is_some_and(|t| !t.title.is_empty()), "no tooltip for country {i}");
        }
        for i in 0..c.events.len() {
            assert!(careto_viz::describe::tooltip(c, Target::Event(i), lang).is_some(), "no tooltip for event {i}");
        }
        assert!(careto_viz::describe::tooltip(c, Target::ActivePeriod, lang).is_some());
        assert_eq!(careto_viz::describe::country_rows(c, lang).len(), c.countries.len());
        let _ = careto_viz::describe::csv(c, View::Bars, lang);
        let _ = careto_viz::describe::csv(c, View::Timeline, lang);
    }
}

// ------------------------------------------------------------------ layout

fn finite(v: &[f64]) -> bool {
    v.iter().all(|v| v.is_finite())
}

/// Lays out `c` as `options` say and checks the scene, the items and hit
/// testing (at `points` and at every item); with `svg`, renders it too.
pub fn check_layout(c: &Campaign, options: &ChartOptions, points: &[(f64, f64)], svg: bool) {
    let layout = Layout::new(c, options);
    let scene = layout.scene();
    let ctx = format!("{:?} {:?} width {:?}", options.view, options.lang, options.width);
    assert_eq!(scene.width.to_bits(), clamp_width(options.width).to_bits(), "{ctx}: scene width");
    assert!(scene.height.is_finite() && scene.height > 0.0, "{ctx}: height {}", scene.height);
    // Never taller than a browser's canvas can be (issue 13.4).
    assert!(scene.height <= max_height(scene.width) && scene.height * scene.width <= MAX_CANVAS_AREA, "{ctx}: {} x {}", scene.width, scene.height);
    let (w, h) = (scene.width, scene.height);
    let inside = |r: &Rect| r.x >= -EPS && r.y >= -EPS && r.right() <= w + EPS && r.bottom() <= h + EPS;
    for s in &scene.shapes {
        match s {
            Shape::Rect { rect, .. } => {
                assert!(finite(&[rect.x, rect.y, rect.w, rect.h]) && rect.w >= 0.0 && rect.h >= 0.0, "{ctx}: rect {rect:?}");
                assert!(inside(rect), "{ctx}: rect {rect:?} leaves the {w}x{h} canvas");
            }
            Shape::Line { from, to, .. } => {
                assert!(finite(&[from.x, from.y, to.x, to.y]), "{ctx}: line {from:?}–{to:?}");
                for p in [from, to] {
                    assert!(inside(&Rect { x: p.x, y: p.y, w: 0.0, h: 0.0 }), "{ctx}: line end {p:?} leaves the {w}x{h} canvas");
                }
            }
            Shape::Circle { center, radius, .. } | Shape::Diamond { center, radius, .. } => {
                assert!(finite(&[center.x, center.y, *radius]) && *radius > 0.0, "{ctx}: circle {center:?} r {radius}");
                let r = Rect { x: center.x - radius, y: center.y - radius, w: 2.0 * radius, h: 2.0 * radius };
                assert!(inside(&r), "{ctx}: mark {r:?} leaves the {w}x{h} canvas");
            }
            Shape::Text { text, at, size, .. } => {
                assert!(finite(&[at.x, at.y, *size]) && *size > 0.0, "{ctx}: text {text:?} at {at:?}");
                let b = Scene::text_box(s).expect("a text box");
                assert!(inside(&b), "{ctx}: text {text:?} {b:?} leaves the {w}x{h} canvas");
            }
            Shape::Polygon { points, .. } | Shape::Path { points, .. } => {
                for p in points {
                    assert!(finite(&[p.x, p.y]), "{ctx}: point {p:?}");
                    assert!(inside(&Rect { x: p.x, y: p.y, w: 0.0, h: 0.0 }), "{ctx}: point {p:?} leaves the {w}x{h} canvas");
                }
            }
        }
    }
    if let Layout::Map(l) = &layout {
        check_map(c, l, &layout, points, &ctx, &inside);
        if svg {
            let out = careto_viz::render::to_svg(scene, &Theme::named(options.theme)).unwrap_or_else(|e| panic!("{ctx}: {e}"));
            assert!(out.starts_with("<svg") && out.trim_end().ends_with("</svg>"), "{ctx}: not an SVG document");
        }
        return;
    }

    // Hit boxes: sorted by top edge, disjoint, inside; `hit` finds exactly the box under a point.
    let hits: &[HitBox] = match &layout {
        Layout::Bars(l) => &l.hits,
        Layout::Timeline(l) => &l.hits,
        Layout::Profile(l) => &l.hits,
        Layout::Map(_) => &[],
    };
    assert!(hits.windows(2).all(|p| p[0].rect.y <= p[1].rect.y), "{ctx}: hit boxes not sorted by top edge");
    for (i, a) in hits.iter().enumerate() {
        assert!(inside(&a.rect), "{ctx}: hit box {a:?} leaves the canvas");
        assert!(a.rect.h <= MAX_HIT_BOX_HEIGHT, "{ctx}: hit box {a:?} taller than hit testing allows");
        if hits.len() <= 400 {
            for b in &hits[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{ctx}: hit boxes {a:?} and {b:?} overlap");
            }
        }
    }
    let brute = |x: f64, y: f64| hits.iter().find(|b| b.rect.contains(x, y)).map(|b| b.target);
    for &(x, y) in points {
        assert_eq!(layout.hit(x, y), brute(x, y), "{ctx}: hit({x}, {y})");
    }
    for b in hits {
        let p = b.rect.center();
        assert_eq!(layout.hit(p.x, p.y), Some(b.target), "{ctx}: centre of hit box {b:?}");
    }
    assert_eq!(layout.hit(f64::NAN, f64::NAN), None);

    // Items: one per country (bars) or the period and one per event (timeline), each hit at its centre.
    let items = layout.items();
    match &layout {
        Layout::Bars(l) => {
            // Every country is drawn, or counted in the "…and N more" line.
            assert_eq!(items.len() + l.hidden, c.countries.len(), "{ctx}: one item per country drawn");
            let published = c.countries.iter().filter(|k| k.count != Count::NotPublished).count();
            assert_eq!(l.bars.len() + l.hidden.saturating_sub(c.countries.len() - published), published);
            assert!(l.bars.windows(2).all(|p| p[0].value >= p[1].value), "{ctx}: bars largest first");
            for b in &l.bars {
                assert!(b.rect.w >= 1.0, "{ctx}: bar of {} is {} wide", b.value, b.rect.w);
            }
        }
        Layout::Timeline(l) => {
            assert_eq!(items.len() + l.hidden, c.events.len() + 1, "{ctx}: the period and one item per event drawn");
            let events: HashSet<usize> = l.marks.iter().map(|m| m.event).collect();
            assert_eq!((events.len(), l.marks.len() + l.hidden), (l.marks.len(), c.events.len()), "{ctx}: every event drawn once or counted");
            // The promise of the lanes: no label overlaps another label or another event's mark.
            for a in &l.marks {
                assert!(inside(&a.mark) && inside(&a.label), "{ctx}: event {} mark {:?} / label {:?} leaves the canvas", a.event, a.mark, a.label);
                for b in &l.marks {
                    if a.event != b.event {
                        assert!(!a.label.overlaps(&b.label), "{ctx}: labels of events {} and {} overlap", a.event, b.event);
                        assert!(!a.label.overlaps(&b.mark), "{ctx}: label of event {} overlaps the mark of {}", a.event, b.event);
                    }
                }
            }
        }
        Layout::Profile(l) => {
            // Every item drawn or counted; the extensions are one item however many rows.
            let p = &c.profile;
            let stolen = usize::from(!(p.stolen.summary.en.is_empty() && p.stolen.summary.es.is_empty())) + usize::from(!p.stolen.extensions.is_empty());
            assert!(items.len() + l.hidden >= p.sectors.len().min(1) && items.len() <= p.sectors.len() + p.platforms.len() + stolen, "{ctx}: profile items");
        }
        Layout::Map(_) => {}
    }
    for item in &items {
        let p = item.rect.center();
        assert_eq!(layout.hit(p.x, p.y), Some(item.target), "{ctx}: centre of item {item:?}");
    }

    if svg {
        let out = careto_viz::render::to_svg(scene, &Theme::named(options.theme)).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        assert!(out.starts_with("<svg") && out.trim_end().ends_with("</svg>"), "{ctx}: not an SVG document");
    }
}

/// The map: hit testing through the index agrees with a search of every
/// marker and polygon (at the given points, a grid over the map, every
/// marker and every anchor); each country on the map is an item, in
/// keyboard order, hit at its anchor unless another country's marker is
/// within tapping distance of it; markers for every place without a shape.
fn check_map(c: &Campaign, l: &MapLayout, layout: &Layout, points: &[(f64, f64)], ctx: &str, inside: &dyn Fn(&Rect) -> bool) {
    let frame = l.frame;
    assert!(inside(&frame), "{ctx}: map frame {frame:?} leaves the canvas");
    let mut probes: Vec<(f64, f64)> = points.to_vec();
    for i in 0..=24 {
        for j in 0..=12 {
            probes.push((frame.x + frame.w * f64::from(i) / 24.0, frame.y + frame.h * f64::from(j) / 12.0));
        }
    }
    probes.extend(l.countries.iter().flat_map(|k| k.marker.map(|m| (m.x, m.y))).flat_map(|(x, y)| [(x, y), (x + 11.9, y), (x, y - 12.5)]));
    for &(x, y) in &probes {
        assert_eq!(layout.hit(x, y), l.hit_without_index(x, y), "{ctx}: map hit({x}, {y})");
    }
    assert_eq!(layout.hit(f64::NAN, 0.0), None);

    let items = layout.items();
    assert_eq!(items.len(), l.countries.len(), "{ctx}: one item per country on the map");
    let placed = c.countries.iter().filter(|k| careto_viz::model::places::is_known(&k.code)).count();
    assert_eq!(l.countries.len(), placed, "{ctx}: every country with a code of the table is on the map");
    assert_eq!(l.not_on_map.len(), c.countries.len() - placed, "{ctx}: the others are listed as not on the map");
    let values: Vec<Option<u32>> = l.countries.iter().map(|k| c.countries[k.country].count.value()).collect();
    let first_unpublished = values.iter().position(Option::is_none).unwrap_or(values.len());
    assert!(values[first_unpublished..].iter().all(Option::is_none), "{ctx}: published counts first");
    assert!(values[..first_unpublished].windows(2).all(|p| p[0] >= p[1]), "{ctx}: largest count first");
    for (item, k) in items.iter().zip(&l.countries) {
        assert_eq!(item.target, Target::Country(k.country));
        assert!(inside(&item.rect), "{ctx}: focus box {:?} leaves the canvas", item.rect);
        assert!(finite(&[k.anchor.x, k.anchor.y]), "{ctx}: anchor {:?}", k.anchor);
        assert!(k.polygons.is_empty() || k.area.is_finite(), "{ctx}: area");
        if k.polygons.is_empty() {
            assert!(k.marker.is_some(), "{ctx}: {} has no shape and no marker", c.countries[k.country].code);
        }
        let crowded = l.countries.iter().any(|o| o.country != k.country && o.marker.is_some_and(|m| (m.x - k.anchor.x).hypot(m.y - k.anchor.y) <= MARKER_DISC));
        if !crowded {
            assert_eq!(layout.hit(k.anchor.x, k.anchor.y), Some(Target::Country(k.country)), "{ctx}: anchor of {}", c.countries[k.country].code);
        }
    }
}

// ------------------------------------------------------------------ geometry

/// The geometry target: `data` as the map's geometry file. Returns whether it decoded.
pub fn geometry(data: &[u8]) -> bool {
    let world = match careto_viz::geo::World::decode(data) {
        Ok(w) => w,
        Err(e) => {
            assert!(e.offset <= data.len(), "error at byte {} of {}: {e}", e.offset, data.len());
            assert!(!e.reason.is_empty());
            return false;
        }
    };
    let b = world.bounds;
    assert!(finite(&[b.x, b.y, b.w, b.h]) && b.w >= 0.0 && b.h >= 0.0, "bounds {b:?}");
    for s in &world.shapes {
        assert!(finite(&[s.location.x, s.location.y]));
        for p in &s.polygons {
            assert!(!p.rings.is_empty());
            for r in &p.rings {
                assert!(r.len() >= 2 && r.first() == r.last(), "an open ring");
                assert!(r.iter().all(|q| finite(&[q.x, q.y])));
            }
        }
    }
    // The map lays a decoded world out and hit-tests it.
    let c = careto_viz::data::careto();
    let options = ChartOptions { view: View::Map, lang: Lang::En, theme: ThemeName::Light, width: 640.0, header: Header::Full, patterns: false };
    let layout = Layout::with_world(&c, &options, &world);
    let Layout::Map(l) = &layout else { panic!("not a map") };
    assert!(layout.scene().height.is_finite());
    let f = l.frame;
    for i in 0..=8 {
        let (x, y) = (f.x + f.w * f64::from(i) / 8.0, f.y + f.h * f64::from(i) / 8.0);
        assert_eq!(layout.hit(x, y), l.hit_without_index(x, y));
    }
    true
}

// ------------------------------------------------------------------ layout input

/// Reads little-endian values off the front of the input; past its end, zeros.
pub struct Bytes<'a>(pub &'a [u8]);

impl Bytes<'_> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        let n = N.min(self.0.len());
        out[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        out
    }
    pub fn u8(&mut self) -> u8 {
        self.take::<1>()[0]
    }
    pub fn u16(&mut self) -> u16 {
        u16::from_le_bytes(self.take())
    }
    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.take())
    }
    pub fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.take())
    }
    /// A length byte (255: a u16 follows), then that many bytes as lossy UTF-8.
    pub fn text(&mut self) -> String {
        let mut len = usize::from(self.u8());
        if len == 255 {
            len = usize::from(self.u16());
        }
        let n = len.min(self.0.len());
        let s = String::from_utf8_lossy(&self.0[..n]).into_owned();
        self.0 = &self.0[n..];
        s
    }
}

/// Widths worth hitting on purpose (raw bits reach the rest).
const SPECIAL_WIDTHS: [f64; 16] =
    [0.0, 1.0, -1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 279.9, 280.0, 320.0, 479.99, 480.0, 640.0, 4096.0, 4096.5, 1e308, -0.0];

/// One change to the base campaign.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Country `i % n` gets this count (0: not published).
    Count(u16, u32),
    /// Country `i % n` gets this name in one language.
    CountryName(u16, Lang, String),
    /// `n` new countries named `name` + a number, with count `count` + k (0: not published).
    AddCountries(u8, u32, String),
    /// Country `i % n` is removed.
    RemoveCountry(u16),
    /// Event `i % n` gets this date (year offset from 1990, month 0 = none, day 0 = none), approximate or not.
    EventDate(u16, u16, u8, u8, bool),
    /// Event `i % n` gets this label in one language.
    EventLabel(u16, Lang, String),
    /// Event `i % n` gets this status (0 reported, 1 secondary, 2 alleged).
    EventStatus(u16, u8),
    /// `n` new events on one date (as in `EventDate`), with this label, status.
    AddEvents(u8, u16, u8, u8, u8, String),
    /// Event `i % n` is removed.
    RemoveEvent(u16),
    /// The active period: start and end, as in `EventDate`.
    Period(u16, u8, u16, u8),
    /// One of the campaign-wide texts (0 name, 1 measure, 2 as_of, 3 bars
    /// source line, 4 timeline source line, 5 period label) in one language.
    Text(u8, Lang, String),
}

/// What the layout target does with one input.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutCase {
    /// Start from the sample campaign instead of the real one.
    pub sample: bool,
    /// View, language, theme and width.
    pub options: ChartOptions,
    /// Changes to the base campaign, in order.
    pub edits: Vec<Edit>,
    /// Points to hit-test, in CSS px.
    pub points: Vec<(f64, f64)>,
}

const EDIT_KINDS: u8 = 11;
const TEXT_FIELDS: u8 = 6;

fn lang_of(b: u8) -> Lang {
    if b & 1 == 0 {
        Lang::En
    } else {
        Lang::Es
    }
}

fn lang_byte(l: Lang) -> u8 {
    match l {
        Lang::En => 0,
        Lang::Es => 1,
    }
}

fn push_text(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    if b.len() < 255 {
        out.push(u8::try_from(b.len()).unwrap_or(u8::MAX));
    } else {
        out.push(255);
        out.extend_from_slice(&u16::try_from(b.len()).unwrap_or(u16::MAX).to_le_bytes());
    }
    out.extend_from_slice(&b[..b.len().min(u16::MAX.into())]);
}

impl LayoutCase {
    /// Reads a case from fuzz input. Layout: a flags byte (bit 0 timeline,
    /// bit 1 Spanish, bit 2 dark, bit 3 sample campaign, bit 4 map, bit 5
    /// plain: no header); a width (a byte:
    /// 0 → u16 px, 1 → raw f64 bits, 2 → u32 / 256, 3 → one of
    /// `SPECIAL_WIDTHS`); an edit count (byte % 32) and the edits (a kind
    /// byte, then its fields); then (i16 x, i16 y) points to the end.
    /// Any input is a case: missing bytes read as zeros.
    pub fn decode(data: &[u8]) -> LayoutCase {
        let mut b = Bytes(data);
        let flags = b.u8();
        let width = match b.u8() % 4 {
            0 => f64::from(b.u16()),
            1 => f64::from_bits(b.u64()),
            2 => f64::from(b.u32()) / 256.0,
            _ => SPECIAL_WIDTHS[usize::from(b.u8()) % SPECIAL_WIDTHS.len()],
        };
        let options = ChartOptions {
            view: match (flags & 16 != 0, flags & 1 != 0) {
                (true, _) => View::Map,
                (false, false) => View::Bars,
                (false, true) => View::Timeline,
            },
            lang: lang_of(flags >> 1),
            theme: if flags & 4 == 0 { ThemeName::Light } else { ThemeName::Dark },
            width,
            header: if flags & 32 == 0 { Header::Full } else { Header::Plain },
            patterns: flags & 64 != 0,
        };
        let n = b.u8() % 32;
        let mut edits = Vec::new();
        for _ in 0..n {
            edits.push(match b.u8() % EDIT_KINDS {
                0 => Edit::Count(b.u16(), b.u32()),
                1 => Edit::CountryName(b.u16(), lang_of(b.u8()), b.text()),
                2 => Edit::AddCountries(b.u8(), b.u32(), b.text()),
                3 => Edit::RemoveCountry(b.u16()),
                4 => Edit::EventDate(b.u16(), b.u16(), b.u8(), b.u8(), b.u8() & 1 == 1),
                5 => Edit::EventLabel(b.u16(), lang_of(b.u8()), b.text()),
                6 => Edit::EventStatus(b.u16(), b.u8()),
                7 => Edit::AddEvents(b.u8(), b.u16(), b.u8(), b.u8(), b.u8(), b.text()),
                8 => Edit::RemoveEvent(b.u16()),
                9 => Edit::Period(b.u16(), b.u8(), b.u16(), b.u8()),
                _ => Edit::Text(b.u8(), lang_of(b.u8()), b.text()),
            });
        }
        let mut points = Vec::new();
        while !b.0.is_empty() && points.len() < 256 {
            // The two bytes read as an i16 (two's complement), not converted.
            let x = f64::from(i16::from_le_bytes(b.u16().to_le_bytes()));
            let y = f64::from(i16::from_le_bytes(b.u16().to_le_bytes()));
            points.push((x, y));
        }
        LayoutCase { sample: flags & 8 != 0, options, edits, points }
    }

    /// The bytes [`LayoutCase::decode`] reads back as this case (for seeds).
    /// Widths are written as raw f64 bits.
    pub fn encode(&self) -> Vec<u8> {
        let o = &self.options;
        let flags = u8::from(o.view == View::Timeline)
            | lang_byte(o.lang) << 1
            | u8::from(o.theme == ThemeName::Dark) << 2
            | u8::from(self.sample) << 3
            | u8::from(o.view == View::Map) << 4
            | u8::from(o.header == Header::Plain) << 5
            | u8::from(o.patterns) << 6;
        let mut out = vec![flags, 1];
        out.extend_from_slice(&o.width.to_bits().to_le_bytes());
        out.push(u8::try_from(self.edits.len()).unwrap_or(u8::MAX));
        for e in &self.edits {
            match e {
                Edit::Count(i, v) => {
                    out.push(0);
                    out.extend_from_slice(&i.to_le_bytes());
                    out.extend_from_slice(&v.to_le_bytes());
                }
                Edit::CountryName(i, l, s) => {
                    out.push(1);
                    out.extend_from_slice(&i.to_le_bytes());
                    out.push(lang_byte(*l));
                    push_text(&mut out, s);
                }
                Edit::AddCountries(n, v, s) => {
                    out.extend_from_slice(&[2, *n]);
                    out.extend_from_slice(&v.to_le_bytes());
                    push_text(&mut out, s);
                }
                Edit::RemoveCountry(i) => {
                    out.push(3);
                    out.extend_from_slice(&i.to_le_bytes());
                }
                Edit::EventDate(i, y, m, d, a) => {
                    out.push(4);
                    out.extend_from_slice(&i.to_le_bytes());
                    out.extend_from_slice(&y.to_le_bytes());
                    out.extend_from_slice(&[*m, *d, u8::from(*a)]);
                }
                Edit::EventLabel(i, l, s) => {
                    out.push(5);
                    out.extend_from_slice(&i.to_le_bytes());
                    out.push(lang_byte(*l));
                    push_text(&mut out, s);
                }
                Edit::EventStatus(i, s) => {
                    out.push(6);
                    out.extend_from_slice(&i.to_le_bytes());
                    out.push(*s);
                }
                Edit::AddEvents(n, y, m, d, st, s) => {
                    out.extend_from_slice(&[7, *n]);
                    out.extend_from_slice(&y.to_le_bytes());
                    out.extend_from_slice(&[*m, *d, *st]);
                    push_text(&mut out, s);
                }
                Edit::RemoveEvent(i) => {
                    out.push(8);
                    out.extend_from_slice(&i.to_le_bytes());
                }
                Edit::Period(y0, m0, y1, m1) => {
                    out.push(9);
                    out.extend_from_slice(&y0.to_le_bytes());
                    out.push(*m0);
                    out.extend_from_slice(&y1.to_le_bytes());
                    out.push(*m1);
                }
                Edit::Text(f, l, s) => {
                    out.extend_from_slice(&[10, *f, lang_byte(*l)]);
                    push_text(&mut out, s);
                }
            }
        }
        for (x, y) in &self.points {
            // Points come from i16s (decode): exact, and saturated if not.
            let i16_of = |v: f64| i16::try_from(careto_viz::num::saturating_i32(v)).unwrap_or(if v < 0.0 { i16::MIN } else { i16::MAX });
            out.extend_from_slice(&i16_of(*x).to_le_bytes());
            out.extend_from_slice(&i16_of(*y).to_le_bytes());
        }
        out
    }

    /// The base campaign with the edits applied (it may not be valid).
    pub fn campaign(&self) -> Campaign {
        let mut c = if self.sample { sample_campaign() } else { careto_viz::data::careto() };
        let mut serial = 0usize;
        for e in &self.edits {
            apply(&mut c, e, &mut serial);
        }
        c
    }
}

/// A date from the fuzz fields, through the parser (so always a real date).
fn date(year: u16, month: u8, day: u8) -> Option<EventDate> {
    let y = i32::from(year % 111) + MIN_YEAR;
    let s = match (month % 13, day % 32) {
        (0, _) => format!("{y:04}"),
        (m, 0) => format!("{y:04}-{m:02}"),
        (m, d) => format!("{y:04}-{m:02}-{d:02}"),
    };
    EventDate::parse(&s).ok()
}

/// Validation rejects control characters; the edits leave them out so that
/// most edited campaigns are valid and reach the layout.
fn clean(s: &str) -> Str {
    Cow::Owned(s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect())
}

fn set(t: &mut Text, lang: Lang, s: &str) {
    match lang {
        Lang::En => t.en = clean(s),
        Lang::Es => t.es = clean(s),
    }
}

fn pick(i: u16, n: usize) -> Option<usize> {
    (n > 0).then(|| usize::from(i) % n)
}

fn first_source(c: &Campaign) -> Cow<'static, [Str]> {
    Cow::Owned(c.sources.first().map(|s| vec![Str::Owned(s.id.to_string())]).unwrap_or_default())
}

fn apply(c: &mut Campaign, e: &Edit, serial: &mut usize) {
    match e {
        Edit::Count(i, v) => {
            if let Some(i) = pick(*i, c.countries.len()) {
                let k = &mut c.countries.to_mut()[i];
                k.count = if *v == 0 { Count::NotPublished } else { Count::Published(*v) };
                if *v == 0 {
                    k.alternatives = Cow::Owned(Vec::new());
                }
            }
        }
        Edit::CountryName(i, l, s) => {
            if let Some(i) = pick(*i, c.countries.len()) {
                set(&mut c.countries.to_mut()[i].name, *l, s);
            }
        }
        Edit::AddCountries(n, v, s) => {
            let sources = first_source(c);
            let template = c.countries.first().cloned();
            let Some(mut k) = template else { return };
            k.alternatives = Cow::Owned(Vec::new());
            k.other_figures = Cow::Owned(Vec::new());
            k.notes = Cow::Owned(Vec::new());
            k.sources = sources;
            for j in 0..u32::from(*n) {
                // The next unused code: the map's places, then XAA, XAB, …
                let used: HashSet<String> = c.countries.iter().map(|k| k.code.to_string()).collect();
                let Some(code) = (0..careto_viz::model::places::PLACES.len() + 26 * 26).map(code_of).find(|c| !used.contains(c)) else { return };
                let name = if s.trim().is_empty() { code.clone() } else { format!("{}{j}", clean(s)) };
                k.code = Cow::Owned(code);
                k.name = Text { en: clean(&name), es: clean(&name) };
                k.count = if *v == 0 { Count::NotPublished } else { Count::Published(v.saturating_add(j).max(1)) };
                c.countries.to_mut().push(k.clone());
            }
        }
        Edit::RemoveCountry(i) => {
            if let Some(i) = pick(*i, c.countries.len()) {
                c.countries.to_mut().remove(i);
            }
        }
        Edit::EventDate(i, y, m, d, approximate) => {
            if let (Some(i), Some(date)) = (pick(*i, c.events.len()), date(*y, *m, *d)) {
                let e = &mut c.events.to_mut()[i];
                e.date = date;
                e.approximate = *approximate;
                if *approximate && e.note.en.is_empty() {
                    e.note = Text { en: "Approximate (fuzz).".into(), es: "Aproximada (fuzz).".into() };
                }
            }
        }
        Edit::EventLabel(i, l, s) => {
            if let Some(i) = pick(*i, c.events.len()) {
                set(&mut c.events.to_mut()[i].label, *l, s);
            }
        }
        Edit::EventStatus(i, s) => {
            if let Some(i) = pick(*i, c.events.len()) {
                c.events.to_mut()[i].status = status_of(*s);
            }
        }
        Edit::AddEvents(n, y, m, d, st, s) => {
            let Some(date) = date(*y, *m, *d) else { return };
            let sources = first_source(c);
            for _ in 0..*n {
                *serial += 1;
                let label = if s.trim().is_empty() { format!("Event {serial}") } else { s.clone() };
                c.events.to_mut().push(Event {
                    id: Cow::Owned(format!("fuzz-{serial}")),
                    date,
                    approximate: false,
                    label: Text { en: clean(&label), es: clean(&label) },
                    description: Text { en: "Added by the fuzzer.".into(), es: "Añadido por el fuzzer.".into() },
                    status: status_of(*st),
                    note: Text::default(),
                    sources: sources.clone(),
                });
            }
        }
        Edit::RemoveEvent(i) => {
            if let Some(i) = pick(*i, c.events.len()) {
                c.events.to_mut().remove(i);
            }
        }
        Edit::Period(y0, m0, y1, m1) => {
            if let (Some(a), Some(b)) = (date(*y0, *m0, 0), date(*y1, *m1, 0)) {
                c.active_period.start = a;
                c.active_period.end = b;
            }
        }
        Edit::Text(f, l, s) => {
            let t = match f % TEXT_FIELDS {
                0 => &mut c.name,
                1 => &mut c.measure,
                2 => &mut c.as_of,
                3 => &mut c.bars_source_line,
                4 => &mut c.timeline_source_line,
                _ => &mut c.active_period.label,
            };
            set(t, *l, s);
        }
    }
}

/// The n-th code for an added country: the map's places first (so that
/// added countries land on the map), then user-assigned codes XAA…XZZ
/// (invented places: valid, listed as not on the map).
fn code_of(n: usize) -> String {
    let places = &careto_viz::model::places::PLACES;
    if let Some(p) = places.get(n) {
        return p.code().to_string();
    }
    let k = n - places.len();
    let letter = |k: usize| char::from(b'A' + u8::try_from(k % 26).unwrap());
    ['X', letter(k / 26), letter(k)].iter().collect()
}

fn status_of(s: u8) -> Status {
    match s % 3 {
        0 => Status::Reported,
        1 => Status::Secondary,
        _ => Status::Alleged,
    }
}

/// The layout target: decode a case; when its campaign is valid, lay it
/// out, render it to SVG and hit-test it. Returns whether it was laid out.
pub fn layout_case(data: &[u8]) -> bool {
    let case = LayoutCase::decode(data);
    let c = case.campaign();
    if !validate_all(&c).is_empty() {
        // Invalid campaigns never reach the layout (the campaign target covers validation).
        return false;
    }
    check_layout(&c, &case.options, &case.points, true);
    true
}
