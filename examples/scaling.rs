//! Scaling benchmark (issue #5): how layout, rendering and hit testing grow
//! with the size of a campaign.
//!
//! The module only draws its compiled-in campaign in the browser today, so
//! this measures natively, with the same layout and render code the wasm
//! runs: the real Careto campaign (31 countries, 11 events) against
//! SYNTHETIC campaigns built here in code (up to 2,500 countries and 5,000
//! events; names, figures and dates are made up by a seeded generator and
//! are clearly marked "Synthetic").
//!
//! For each case it times, as the median of several repetitions:
//! - `BarsLayout::new` / `TimelineLayout::new` at 1024 CSS px (English);
//! - `render::draw` of that layout onto a backend that records the draw
//!   calls the canvas backend would make (`Recorder`: the wasm side of a
//!   redraw, our render walk and plotters' plumbing, with each text copied
//!   as it is when passed to the browser; not the browser's rasterising);
//! - `render::to_svg` of that layout (the SVG backend: same walk, plus
//!   plotters' SVG string building, for information);
//! - the world map of Careto's countries (`MapLayout::new`, same measures);
//! - `layout.hit(x, y)`, per call, over many points (half at the centre of a
//!   random hit box, half anywhere in the chart).
//!
//! Prints one JSON object on stdout. Run with
//! `cargo run --release --example scaling` (`bench/run.mjs` does, for
//! `make bench`); `SCALING_QUICK=1` runs fewer repetitions.

use careto_viz::layout::{BarsLayout, HitBox, Scene, TimelineLayout};
use careto_viz::model::{Campaign, Count, Country, Event, EventDate, Lang, List, Period, Source, Status, Text};
use careto_viz::num::{count_f64, saturating_u32};
use careto_viz::render::{draw, to_svg};
use careto_viz::theme::{Theme, ThemeName};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};
use std::borrow::Cow;
use std::hint::black_box;
use std::time::{Duration, Instant};

const WIDTH: f64 = 1024.0;

/// A small deterministic generator (64-bit LCG, top bits), so every run builds the same campaign.
struct Rng(u64);

impl Rng {
    /// The next 31 random bits.
    fn next(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        u32::try_from(self.0 >> 33).unwrap_or(0)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: u32) -> u32 {
        self.next() % n.max(1)
    }
    /// Uniform in `0..n` (n > 0), as an index.
    fn index(&mut self, n: usize) -> usize {
        usize::try_from(self.below(u32::try_from(n).unwrap_or(u32::MAX))).unwrap_or(0)
    }
    /// Uniform in `0..n` (n > 0), as a byte.
    fn byte(&mut self, n: u8) -> u8 {
        u8::try_from(self.below(u32::from(n))).unwrap_or(0)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        f64::from(self.next()) / f64::from(1u32 << 31)
    }
}

fn text(en: String, es: String) -> Text {
    Text { en: en.into(), es: es.into() }
}

fn ids(list: &[&'static str]) -> List<careto_viz::model::Str> {
    Cow::Owned(list.iter().map(|s| Cow::Borrowed(*s)).collect())
}

const SYLLABLES: [&str; 16] = ["ka", "ro", "mi", "tan", "sel", "vo", "ria", "den", "lu", "pa", "nor", "qui", "be", "sto", "al", "ge"];

/// A made-up, pronounceable name of 2–6 syllables.
fn name(rng: &mut Rng) -> String {
    let n = 2 + rng.below(5);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(SYLLABLES.get(rng.index(SYLLABLES.len())).copied().unwrap_or("x"));
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => s,
    }
}

/// A SYNTHETIC campaign: `countries` countries (about 40 % with a published
/// figure, skewed like real counts), `events` events spread over 2007–2025 at
/// day, month and year precision, some approximate, some alleged.
fn synthetic(countries: usize, events: usize, seed: u64) -> Campaign {
    let mut rng = Rng(seed);
    let countries: Vec<Country> = (0..countries)
        .map(|i| {
            let published = rng.below(10) < 4;
            // Heavy-tailed: most figures small, a few in the thousands.
            let value = saturating_u32(rng.unit().powi(4) * 5000.0) + 1;
            Country {
                code: format!("X{i:04}").into(),
                name: text(format!("Synthetic {}", name(&mut rng)), format!("Sintético {}", name(&mut rng))),
                count: if published { Count::Published(value) } else { Count::NotPublished },
                alternatives: Cow::Owned(Vec::new()),
                other_figures: Cow::Owned(Vec::new()),
                government_targets_only: false,
                notes: Cow::Owned(Vec::new()),
                sources: ids(&["SYN"]),
                counted_by: Cow::Owned(Vec::new()),
            }
        })
        .collect();
    let events: Vec<Event> = (0..events)
        .map(|i| {
            let year = 2007 + i32::from(rng.byte(19));
            let date = match rng.below(3) {
                0 => EventDate { year, month: None, day: None },
                1 => EventDate { year, month: Some(1 + rng.byte(12)), day: None },
                _ => EventDate { year, month: Some(1 + rng.byte(12)), day: Some(1 + rng.byte(28)) },
            };
            let status = match rng.below(10) {
                0 => Status::Alleged,
                1 => Status::Secondary,
                _ => Status::Reported,
            };
            let label = format!("Synthetic event {i}: {}", name(&mut rng));
            Event {
                id: format!("syn-{i}").into(),
                date,
                approximate: rng.below(10) == 0,
                label: text(label.clone(), label),
                description: text("Synthetic event for the scaling benchmark.".into(), "Evento sintético para la prueba de escala.".into()),
                status,
                note: Text::default(),
                sources: ids(&["SYN"]),
            }
        })
        .collect();
    Campaign {
        name: text("SYNTHETIC campaign".into(), "Campaña SINTÉTICA".into()),
        measure: text("synthetic units".into(), "unidades sintéticas".into()),
        measure_hedge: Text::default(),
        as_of: text("made up for a benchmark".into(), "inventado para una prueba".into()),
        totals: Cow::Owned(Vec::new()),
        totals_note: Text::default(),
        active_period: Period {
            start: EventDate { year: 2007, month: None, day: None },
            end: EventDate { year: 2014, month: Some(1), day: None },
            label: text("Active period".into(), "Periodo de actividad".into()),
            description: text("Synthetic.".into(), "Sintético.".into()),
            sources: ids(&["SYN"]),
        },
        countries: Cow::Owned(countries),
        events: Cow::Owned(events),
        sources: Cow::Owned(vec![Source {
            id: "SYN".into(),
            title: "Synthetic data for the scaling benchmark".into(),
            publisher: "careto-viz examples/scaling.rs".into(),
            date: "".into(),
            url: "https://example.invalid/synthetic".into(),
            note: "Not real data.".into(),
            kind: None,
        }]),
        profile: careto_viz::model::Profile::default(),
        bars_source_line: text("Source: SYNTHETIC data (benchmark only)".into(), "Fuente: datos SINTÉTICOS".into()),
        timeline_source_line: text("Source: SYNTHETIC data (benchmark only)".into(), "Fuente: datos SINTÉTICOS".into()),
        government_targets_sources: Cow::Owned(Vec::new()),
    }
}

/// Never happens: recording cannot fail.
#[derive(Debug)]
struct NoError;

impl std::fmt::Display for NoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no error")
    }
}

impl std::error::Error for NoError {}

/// One call the canvas backend (src/web/hidpi.rs) would make.
#[allow(dead_code)] // the fields are what a call carries; only their cost matters here
enum Call {
    Shape(u8, i32, i32, i32, i32, (u8, u8, u8)),
    Text(String, i32, i32, f64),
}

/// A plotters backend that records draw calls: what a canvas redraw costs on
/// the wasm side, without the browser. As the canvas backend does, a run of
/// opaque paths (or polygons) in one style is one call, their points
/// gathered in a buffer reused from run to run; every other call ends the run.
struct Recorder<'a> {
    size: (u32, u32),
    calls: &'a mut Vec<Call>,
    xy: Vec<i32>,
    run: Option<RunStyle>,
}

/// The style of a run being gathered: kind, colour, alpha's bits, width.
type RunStyle = (u8, (u8, u8, u8), u64, u32);

impl Recorder<'_> {
    fn path(&mut self, kind: u8, points: impl IntoIterator<Item = BackendCoord>, c: BackendColor, width: u32) {
        let style = (kind, c.rgb, c.alpha.to_bits(), width);
        if self.run != Some(style) {
            self.flush();
            self.run = Some(style);
        }
        self.xy.push(0);
        for (x, y) in points {
            self.xy.push(x);
            self.xy.push(y);
        }
        if c.alpha < 1.0 {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if let (Some((kind, rgb, ..)), &[_, x, y, ..]) = (self.run.take(), black_box(self.xy.as_slice())) {
            let n = i32::try_from(self.xy.len() / 2).unwrap_or(i32::MAX);
            self.calls.push(Call::Shape(kind, x, y, n, 0, rgb));
        }
        self.xy.clear();
    }
}

impl DrawingBackend for Recorder<'_> {
    type ErrorType = NoError;
    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<NoError>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<NoError>> {
        self.flush();
        Ok(())
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), DrawingErrorKind<NoError>> {
        self.flush();
        self.calls.push(Call::Shape(0, p.0, p.1, 1, 1, c.rgb));
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S) -> Result<(), DrawingErrorKind<NoError>> {
        self.flush();
        self.calls.push(Call::Shape(1, a.0, a.1, b.0, b.1, s.color().rgb));
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S, fill: bool) -> Result<(), DrawingErrorKind<NoError>> {
        self.flush();
        self.calls.push(Call::Shape(2 + u8::from(fill), a.0, a.1, b.0, b.1, s.color().rgb));
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, s: &S) -> Result<(), DrawingErrorKind<NoError>> {
        self.path(4, path, s.color(), s.stroke_width());
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> Result<(), DrawingErrorKind<NoError>> {
        self.flush();
        self.calls.push(Call::Shape(5 + u8::from(fill), c.0, c.1, i32::try_from(r).unwrap_or(i32::MAX), 0, s.color().rgb));
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, s: &S) -> Result<(), DrawingErrorKind<NoError>> {
        self.path(7, vert, s.color(), 0);
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, p: BackendCoord) -> Result<(), DrawingErrorKind<NoError>> {
        self.flush();
        self.calls.push(Call::Text(text.to_string(), p.0, p.1, s.size()));
        Ok(())
    }
}

/// Renders `scene` onto a `Recorder`; returns the number of calls recorded.
fn record(scene: &Scene, theme: &Theme) -> usize {
    let size = (saturating_u32(scene.width.ceil().max(1.0)), saturating_u32(scene.height.ceil().max(1.0)));
    let mut calls = Vec::new();
    {
        let mut recorder = Recorder { size, calls: &mut calls, xy: Vec::new(), run: None };
        let _ = draw(scene, theme, &mut recorder, 1.0);
        let _ = recorder.present();
    }
    black_box(calls).len()
}

/// Median, in milliseconds, of `f` run repeatedly: at least `min_reps`
/// times, and more (up to `max_reps`) while under `budget`.
fn median_ms(min_reps: usize, max_reps: usize, budget: Duration, mut f: impl FnMut()) -> (f64, usize) {
    let start = Instant::now();
    let mut samples = Vec::new();
    while samples.len() < min_reps || (samples.len() < max_reps && start.elapsed() < budget) {
        let t = Instant::now();
        f();
        samples.push(t.elapsed().as_secs_f64() * 1e3);
    }
    samples.sort_by(f64::total_cmp);
    (samples.get(samples.len() / 2).copied().unwrap_or(f64::NAN), samples.len())
}

/// Per-call time of `hit` in nanoseconds (median over batches) and the share of points that hit something.
fn hit_ns(scene: &Scene, hits: &[HitBox], reps: usize, hit: impl Fn(f64, f64) -> bool) -> (f64, f64, usize) {
    let mut rng = Rng(0x5eed);
    let n = 4096;
    let points: Vec<(f64, f64)> = (0..n)
        .map(|k| {
            let boxed = if k % 2 == 0 { hits.get(rng.index(hits.len())) } else { None };
            match boxed {
                Some(b) => (b.rect.x + b.rect.w / 2.0, b.rect.y + b.rect.h / 2.0),
                None => (rng.unit() * scene.width, rng.unit() * scene.height),
            }
        })
        .collect();
    let found = points.iter().filter(|(x, y)| hit(*x, *y)).count();
    let mut batches = Vec::new();
    for _ in 0..reps {
        let t = Instant::now();
        let mut count = 0usize;
        for &(x, y) in &points {
            if hit(black_box(x), black_box(y)) {
                count += 1;
            }
        }
        black_box(count);
        batches.push(t.elapsed().as_secs_f64() * 1e9 / count_f64(n));
    }
    batches.sort_by(f64::total_cmp);
    (batches.get(batches.len() / 2).copied().unwrap_or(f64::NAN), count_f64(found) / count_f64(n), n * reps)
}

fn round(v: f64, digits: i32) -> f64 {
    let k = 10f64.powi(digits);
    (v * k).round() / k
}

#[allow(clippy::too_many_arguments)]
fn case_json(
    chart: &str,
    campaign_name: &str,
    synthetic: bool,
    items: usize,
    hit_boxes: usize,
    scene: &Scene,
    layout: (f64, usize),
    calls: (f64, usize, usize),
    render: (f64, usize),
    svg_bytes: usize,
    hit: (f64, f64, usize),
) -> String {
    // A redraw: layout, then the draw calls (the SVG string is not part of it).
    let total = layout.0 + calls.0;
    format!(
        concat!(
            "{{\"chart\":\"{}\",\"campaign\":\"{}\",\"synthetic\":{},\"items\":{},\"hit_boxes\":{},\"shapes\":{},",
            "\"height_px\":{},\"layout_ms\":{},\"layout_reps\":{},\"render_calls_ms\":{},\"draw_calls\":{},\"render_svg_ms\":{},\"render_reps\":{},",
            "\"svg_bytes\":{},\"layout_plus_render_ms\":{},\"frame_budget_ms\":16,\"within_frame\":{},",
            "\"hit_ns\":{},\"hit_rate\":{},\"hit_calls\":{}}}"
        ),
        chart,
        campaign_name,
        synthetic,
        items,
        hit_boxes,
        scene.shapes.len(),
        scene.height,
        round(layout.0, 4),
        layout.1,
        round(calls.0, 4),
        calls.2,
        round(render.0, 4),
        render.1,
        svg_bytes,
        round(total, 4),
        total <= 16.0,
        round(hit.0, 1),
        round(hit.1, 3),
        hit.2
    )
}

/// Repetitions for the timings.
struct Reps {
    min: usize,
    max: usize,
    budget: Duration,
    hit: usize,
}

/// Times one case — layout (`build`), the recorded draw calls and the SVG
/// render of `scene`, and hit-testing — and returns its JSON.
fn measure<L>(
    (chart, label, is_syn, items): (&str, &str, bool, usize),
    build: impl Fn() -> L,
    scene: &Scene,
    hits: &[HitBox],
    hit: impl Fn(f64, f64) -> bool,
    theme: &Theme,
    reps: &Reps,
) -> String {
    let layout = median_ms(reps.min, reps.max, reps.budget, || {
        black_box(build());
    });
    let mut n_calls = 0;
    let calls = median_ms(reps.min, reps.max, reps.budget, || {
        n_calls = record(scene, theme);
    });
    let calls = (calls.0, calls.1, n_calls);
    let mut svg_bytes = 0;
    let render = median_ms(reps.min, reps.max, reps.budget, || {
        svg_bytes = to_svg(scene, theme).map(|s| s.len()).unwrap_or(0);
    });
    let hit = hit_ns(scene, hits, reps.hit, hit);
    case_json(chart, label, is_syn, items, hits.len(), scene, layout, calls, render, svg_bytes, hit)
}

fn main() {
    let quick = std::env::var_os("SCALING_QUICK").is_some();
    let (min_reps, max_reps, budget, hit_reps) = if quick { (3, 9, Duration::from_millis(200), 5) } else { (7, 101, Duration::from_millis(1500), 21) };
    let theme = Theme::named(ThemeName::Light);
    let careto = careto_viz::data::careto();
    let syn = |c, e, seed| synthetic(c, e, seed);
    // (label, campaign, synthetic?) for the bars (by country count) and the timeline (by event count).
    let bars_cases: Vec<(&str, Campaign, bool)> =
        vec![("careto", careto.clone(), false), ("synthetic-250x5000", syn(250, 5000, 250), true), ("synthetic-2500x500", syn(2500, 500, 2500), true)];
    let timeline_cases: Vec<(&str, Campaign, bool)> =
        vec![("careto", careto, false), ("synthetic-2500x500", syn(2500, 500, 2500), true), ("synthetic-250x5000", syn(250, 5000, 250), true)];
    let reps = Reps { min: min_reps, max: max_reps, budget, hit: hit_reps };
    let mut out = Vec::new();
    for (label, c, is_syn) in &bars_cases {
        let build = || BarsLayout::new(black_box(c), WIDTH, Lang::En);
        let l = build();
        out.push(measure(("bars", label, *is_syn, c.countries.len()), build, &l.scene, &l.hits, |x, y| l.hit(x, y).is_some(), &theme, &reps));
    }
    for (label, c, is_syn) in &timeline_cases {
        let build = || TimelineLayout::new(black_box(c), WIDTH, Lang::En);
        let l = build();
        out.push(measure(("timeline", label, *is_syn, c.events.len()), build, &l.scene, &l.hits, |x, y| l.hit(x, y).is_some(), &theme, &reps));
    }
    // The world map of Careto's 31 countries (issue 14): hit testing through
    // the grid index must stay far under 0.1 ms; the points are half at the
    // centre of a random country's focus box, half anywhere.
    {
        let c = careto_viz::data::careto();
        let world = careto_viz::geo::builtin();
        let build = || careto_viz::layout::map::MapLayout::new(black_box(&c), world, WIDTH, Lang::En);
        let l = build();
        let items = l.items();
        out.push(measure(("map", "careto", false, c.countries.len()), build, &l.scene, &items, |x, y| l.hit(x, y).is_some(), &theme, &reps));
    }
    println!(
        "{{\"note\":\"native ({}), release profile; SYNTHETIC campaigns are generated data, not Careto's\",\"width_css_px\":{},\"cases\":[{}]}}",
        std::env::consts::ARCH,
        WIDTH,
        out.join(",")
    );
}
