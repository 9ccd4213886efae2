//! Browser tests (wasm-bindgen-test in headless Chromium) of the drawing
//! kernel (`careto_viz::web::Chart`, what the JS shell drives): draw into a
//! real canvas and read its pixels back; options and campaigns refused with
//! exact messages, the picture kept. The DOM around the canvas (buttons,
//! tooltip, table, element checks) is the shell's: tests/page/mount.test.mjs.
//!
//! `make test-wasm` runs them against both builds: the article build (no
//! features: a `campaign` option is refused with a clear message) and the
//! full build (`--features custom-campaign`: the catalogue of good and bad
//! campaigns). Tests that need one build say so with `#[cfg(…)]`. Both runs
//! enable the `test-hooks` feature (Cargo.toml requires it for this target).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

use careto_viz::web::Chart;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Top class of the light theme (200+), `#4a1003`.
const TOP_CLASS: [u8; 3] = [0x4a, 0x10, 0x03];
const WHITE: [u8; 3] = [0xff, 0xff, 0xff];

fn set_dpr(dpr: f64) {
    let window = web_sys::window().unwrap();
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"value".into(), &dpr.into()).unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
    js_sys::Object::define_property(&window, &"devicePixelRatio".into(), &descriptor);
}

fn container(width_px: u32) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    div.style().set_property("width", &format!("{width_px}px")).unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn pixel(canvas: &HtmlCanvasElement, x: f64, y: f64) -> [u8; 3] {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx.get_image_data(x.floor(), y.floor(), 1.0, 1.0).unwrap().data();
    [data[0], data[1], data[2]]
}

fn message(e: wasm_bindgen::JsError) -> String {
    let v: JsValue = e.into();
    v.dyn_into::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default()
}

/// A kernel drawing into a canvas, as the shell (src/web/shell/core.js) drives it.
struct Drawn {
    chart: Chart,
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    /// The element whose content box the chart fills.
    around: HtmlElement,
    /// The system colours the shell passes in forced-colors mode.
    forced: Option<Vec<u32>>,
    /// Whether the shell says the browser can show part of a larger bitmap (`object-view-box`).
    roomy: bool,
}

impl Drawn {
    /// Tells the kernel what the page says (the shell's `place`).
    fn place(&mut self) {
        let style = web_sys::window().unwrap().get_computed_style(&self.around).unwrap().unwrap();
        let px = |name: &str| style.get_property_value(name).unwrap().trim_end_matches("px").parse::<f64>().unwrap_or(0.0);
        let width = f64::from(self.around.client_width()) - px("padding-left") - px("padding-right");
        let dpr = web_sys::window().unwrap().device_pixel_ratio();
        self.chart.place(width, dpr, None, Some(false), self.forced.clone(), self.roomy);
    }
    fn update(&mut self, options: JsValue) -> Result<u32, wasm_bindgen::JsError> {
        self.place();
        self.chart.update(options, &self.canvas, &self.context)
    }
    fn redraw(&mut self) -> Result<u32, wasm_bindgen::JsError> {
        self.place();
        self.chart.draw(&self.canvas, &self.context, true)
    }
    fn bar_rect(&self, code: &str) -> Option<Vec<f64>> {
        self.chart.bar_rect(code)
    }
    fn bar_color(&self, code: &str) -> Option<String> {
        self.chart.bar_color(code)
    }
    fn hit_test(&self, x: f64, y: f64) -> Option<String> {
        self.chart.hit_test(x, y)
    }
    fn canvas(&self) -> Option<HtmlCanvasElement> {
        Some(self.canvas.clone())
    }
}

/// Draws a chart with `options` into a new canvas in `host` (or into `host`
/// itself, a canvas, in its parent's width).
fn mount(host: HtmlElement, options: JsValue) -> Result<Drawn, wasm_bindgen::JsError> {
    let chart = Chart::new(options)?;
    let (canvas, around) = match host.clone().dyn_into::<HtmlCanvasElement>() {
        Ok(c) => (c.clone(), c.parent_element().unwrap().dyn_into::<HtmlElement>().unwrap()),
        Err(_) => {
            let document = web_sys::window().unwrap().document().unwrap();
            let c: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
            host.append_child(&c).unwrap();
            (c, host)
        }
    };
    let context: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let mut drawn = Drawn { chart, canvas, context, around, forced: None, roomy: false };
    drawn.redraw()?;
    Ok(drawn)
}

fn bars(width: u32) -> (HtmlElement, Drawn) {
    let div = container(width);
    let chart = mount(div.clone(), options(&[("view", "bars".into())])).unwrap();
    (div, chart)
}

/// Forced colours (issue 16.4): the shell passes the page's system colours;
/// the canvas then holds those and nothing else (anti-aliased edges aside),
/// every class in CanvasText, and the previous theme comes back after.
#[wasm_bindgen_test]
fn forced_colors_draw_in_the_system_colours_only() {
    set_dpr(1.0);
    let (_div, mut chart) = bars(640);
    let system = [0xff_ff_ff, 0x00_00_00, 0x1a_eb_ff, 0x3f_f2_3f];
    chart.forced = Some(system.to_vec());
    assert_eq!(chart.redraw().unwrap() & 2, 2, "the words (colours) change with forced colours");
    let canvas = chart.canvas().unwrap();
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx.get_image_data(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height())).unwrap().data();
    let allowed = [[0xff, 0xff, 0xff], [0, 0, 0], [0x1a, 0xeb, 0xff], [0x3f, 0xf2, 0x3f]];
    let pixels = data.len() / 4;
    let exact = data.chunks(4).filter(|p| allowed.contains(&[p[0], p[1], p[2]])).count();
    assert!(exact * 100 >= pixels * 90, "only {exact} of {pixels} pixels are system colours");
    // Every other pixel is an anti-aliased edge: a blend of two system colours.
    let blend = |p: &[u8]| {
        allowed.iter().any(|a| {
            allowed.iter().any(|b| {
                let (k, d) = (0..3).map(|k| (k, i32::from(b[k]) - i32::from(a[k]))).max_by_key(|(_, d)| d.abs()).unwrap();
                if d == 0 {
                    return false;
                }
                let t = f64::from(i32::from(p[k]) - i32::from(a[k])) / f64::from(d);
                (-0.02..=1.02).contains(&t) && (0..3).all(|c| (f64::from(a[c]) + t * (f64::from(b[c]) - f64::from(a[c])) - f64::from(p[c])).abs() <= 4.0)
            })
        })
    };
    let stray: Vec<[u8; 3]> = data.chunks(4).filter(|p| !allowed.contains(&[p[0], p[1], p[2]]) && !blend(p)).map(|p| [p[0], p[1], p[2]]).take(5).collect();
    assert!(stray.is_empty(), "pixels in no system colour nor a blend of two: {stray:?}");
    assert_eq!(pixel(&canvas, 3.0, 3.0), [0, 0, 0], "the background is Canvas");
    assert_eq!(chart.bar_color("MAR").unwrap(), "#ffffff", "Morocco's bar is CanvasText");
    assert_eq!(chart.bar_color("BRA").unwrap(), "#ffffff", "every class is CanvasText");
    let r = chart.bar_rect("MAR").unwrap();
    assert_eq!(pixel(&canvas, r[0] + r[2] / 2.0, r[1] + r[3] / 2.0), [0xff, 0xff, 0xff]);
    chart.forced = None;
    chart.redraw().unwrap();
    assert_eq!(chart.bar_color("MAR").unwrap(), "#4a1003", "back to the light theme");
    assert_eq!(pixel(&canvas, 3.0, 3.0), WHITE);
}

/// The canvas is given one font size and scales every other text to its
/// own (src/web/hidpi.rs, `TEXT_PX`): the title, 19 px bold, is inked as
/// wide as the layout measured it and as tall as its size, at 1 and 2
/// device px per CSS px (drawn at the one size, 13 px, it would be two
/// thirds of both). The chart's scale is back after each text: Morocco's
/// bar, drawn after the title, is where the layout says (the test below).
#[wasm_bindgen_test]
fn texts_are_drawn_at_their_own_size() {
    use careto_viz::layout::{BarsLayout, Shape};
    use careto_viz::text::Weight;
    let scene = BarsLayout::new(&careto_viz::data::careto(), 640.0, careto_viz::model::Lang::En).scene;
    let (title, at, size) = scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text { text, at, size, weight: Weight::Bold, .. } => Some((text.clone(), *at, *size)),
            _ => None,
        })
        .max_by(|a, b| a.2.total_cmp(&b.2))
        .expect("the scene has a bold text");
    assert!(size > 13.5, "the title is larger than the one font size: {size}");
    let measured = careto_viz::text::width(&title, size, Weight::Bold);
    for dpr in [1.0, 2.0] {
        set_dpr(dpr);
        let (_div, chart) = bars(640);
        let canvas = chart.canvas().unwrap();
        let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        // The title's line, a little over its size tall, in bitmap px.
        let (top, rows) = (((at.y - 0.6 * size) * dpr).floor(), (1.2 * size * dpr).ceil());
        let cols = f64::from(canvas.width());
        let data = ctx.get_image_data(0.0, top, cols, rows).unwrap().data();
        let (mut x0, mut x1, mut y0, mut y1) = (u32::MAX, 0, u32::MAX, 0);
        for (i, p) in data.chunks(4).enumerate() {
            if p[0] < 128 {
                let i = u32::try_from(i).unwrap();
                let (x, y) = (i % canvas.width(), i / canvas.width());
                (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
            }
        }
        assert!(x0 <= x1, "no ink on the title's line at dpr {dpr}");
        let ink_w = f64::from(x1 - x0 + 1) / dpr;
        let ink_h = f64::from(y1 - y0 + 1) / dpr;
        assert!((0.8 * measured..=1.1 * measured).contains(&ink_w), "title inked {ink_w} px wide at dpr {dpr}; layout measured {measured}");
        // "(" and ")" reach from above the capitals to below the baseline: about 0.9 em.
        assert!((0.75 * size..=1.05 * size).contains(&ink_h), "title inked {ink_h} px tall at dpr {dpr}; its size is {size}");
    }
    set_dpr(1.0);
}

#[wasm_bindgen_test]
fn moroccos_bar_is_painted_in_the_top_class_where_the_layout_says() {
    set_dpr(1.0);
    let (_div, chart) = bars(640);
    let canvas = chart.canvas().unwrap();
    assert_eq!(canvas.width(), 640, "the chart fills its container");
    let r = chart.bar_rect("MAR").expect("Morocco has a bar");
    let (x, y, w, h) = (r[0], r[1], r[2], r[3]);
    assert_eq!(chart.bar_color("MAR").unwrap(), "#4a1003");
    for (px, py) in [(x + 2.0, y + 2.0), (x + w / 2.0, y + h / 2.0), (x + w - 2.0, y + h - 2.0)] {
        assert_eq!(pixel(&canvas, px, py), TOP_CLASS, "inside Morocco's bar at ({px}, {py})");
    }
    // Just below the bar is the gap between rows: background.
    assert_eq!(pixel(&canvas, x + w / 2.0, y + h + 2.0), WHITE);
    // Brazil (137) is in the 100–199 class, a different colour.
    let b = chart.bar_rect("BRA").unwrap();
    assert_eq!(pixel(&canvas, b[0] + b[2] / 2.0, b[1] + b[3] / 2.0), [0x71, 0x20, 0x08]);
    assert!(b[2] < w, "Brazil's bar is shorter than Morocco's");
    assert_eq!(chart.hit_test(x + w / 2.0, y + h / 2.0).as_deref(), Some("country:MAR"));
    assert!(chart.bar_rect("CUB").is_none(), "no published count: no bar");
}

#[wasm_bindgen_test]
fn at_dpr_2_the_bitmap_is_twice_the_css_size_and_bars_cover_device_pixels() {
    set_dpr(2.0);
    let (_div, chart) = bars(640);
    let canvas = chart.canvas().unwrap();
    let css_w: f64 = canvas.style().get_property_value("width").unwrap().trim_end_matches("px").parse().unwrap();
    let css_h: f64 = canvas.style().get_property_value("height").unwrap().trim_end_matches("px").parse().unwrap();
    assert_eq!(css_w, 640.0);
    assert_eq!(f64::from(canvas.width()), 2.0 * css_w);
    assert_eq!(f64::from(canvas.height()), 2.0 * css_h);
    let r = chart.bar_rect("MAR").unwrap();
    let (x0, y0) = (r[0].round() * 2.0, r[1].round() * 2.0);
    let (x1, y1) = ((r[0] + r[2]).round() * 2.0, (r[1] + r[3]).round() * 2.0);
    // Corners of the bar in device pixels are painted, one device pixel outside is not.
    // (The left edge carries the baseline, 1 CSS px = 2 device px wide.)
    for (px, py) in [(x0 + 2.0, y0), (x1 - 1.0, y0), (x0 + 2.0, y1 - 1.0), (x1 - 1.0, y1 - 1.0)] {
        assert_eq!(pixel(&canvas, px, py), TOP_CLASS, "device pixel ({px}, {py})");
    }
    assert_eq!(pixel(&canvas, (x0 + x1) / 2.0, y0 - 1.0), WHITE, "above the bar");
    assert_eq!(pixel(&canvas, (x0 + x1) / 2.0, y1), WHITE, "below the bar");
    set_dpr(1.0);
}

#[wasm_bindgen_test]
fn the_timeline_paints_its_span_and_marks() {
    set_dpr(1.0);
    let div = container(640);
    let chart = mount(div, options(&[("view", "timeline".into())])).unwrap();
    let canvas = chart.canvas().unwrap();
    assert_eq!(canvas.width(), 640);
    // Somewhere on the chart the active-period span colour (#f1d9c4) is painted under "period".
    let mut found = false;
    'scan: for y in (0..canvas.height()).step_by(2) {
        for x in (0..canvas.width()).step_by(4) {
            if chart.hit_test(f64::from(x), f64::from(y)).as_deref() == Some("period") {
                found =
                    pixel(&canvas, f64::from(x), f64::from(y)) == [0xf1, 0xd9, 0xc4] || pixel(&canvas, f64::from(x) + 1.0, f64::from(y)) == [0xf1, 0xd9, 0xc4];
                if found {
                    break 'scan;
                }
            }
        }
    }
    assert!(found, "the active period span is painted where its hit box is");
}

#[wasm_bindgen_test]
fn bad_input_gets_a_clear_error_and_keeps_the_picture() {
    set_dpr(1.0);
    let div = container(640);
    let e = mount(div.clone(), options(&[("view", "pie".into())])).err().unwrap();
    assert_eq!(message(e), format!("careto-viz: view: \"pie\" is not a view; use {VIEWS}"));
    let e = message(mount(div.clone(), options(&[("width", "wide".into())])).err().unwrap());
    assert_eq!(e, "careto-viz: width: expected a number of CSS pixels, got the string \"wide\"");
    // Infinity as JS prints it, not as Rust does ("inf").
    let e = message(mount(div.clone(), options(&[("width", f64::INFINITY.into())])).err().unwrap());
    assert_eq!(e, "careto-viz: width: Infinity is not a positive number of CSS pixels");
    let e = message(mount(div.clone(), options(&[("width", f64::NEG_INFINITY.into())])).err().unwrap());
    assert_eq!(e, "careto-viz: width: -Infinity is not a positive number of CSS pixels");
    let e = message(mount(div.clone(), options(&[("colour", "red".into())])).err().unwrap());
    assert_eq!(e, "careto-viz: options: unknown option \"colour\" (known: view, lang, theme, width, downloads, embedUrl, embedCode, plain, transparent, static, campaign)");
    // The display flags are flags: refused like any option, naming it.
    for flag in ["plain", "transparent", "static"] {
        let e = message(mount(div.clone(), options(&[(flag, "yes".into())])).err().unwrap());
        assert_eq!(e, format!("careto-viz: {flag}: expected true or false, got the string \"yes\""));
    }
    let e = mount(div.clone(), options(&[("lang", "fr".into())])).err().unwrap();
    assert!(message(e).contains("lang: \"fr\" is not supported"));
    let e = message(mount(div.clone(), JsValue::from_str("bars")).err().unwrap());
    assert_eq!(e, "careto-viz: options must be an object such as { view: \"bars\" }");

    let mut chart = mount(div.clone(), options(&[("view", "bars".into())])).unwrap();
    let canvas = chart.canvas().unwrap();
    let r = chart.bar_rect("MAR").unwrap();
    let (cx, cy) = (r[0] + r[2] / 2.0, r[1] + r[3] / 2.0);
    assert_eq!(pixel(&canvas, cx, cy), TOP_CLASS);
    let e = chart.update(options(&[("theme", "sepia".into())])).err().unwrap();
    assert!(message(e).contains("theme: \"sepia\" is not a theme"));
    assert_eq!(pixel(&canvas, cx, cy), TOP_CLASS, "the chart on screen stays after a bad update");
    assert_eq!(chart.chart.words()[2], "light", "and its settings");
    chart.update(options(&[("theme", "dark".into())])).unwrap();
    assert_eq!(pixel(&canvas, 2.0, 2.0), [0x15, 0x17, 0x1a], "dark background after a good update");
    assert_eq!(chart.chart.words()[2], "dark");
    // Words the shell puts around the canvas come from the same kernel.
    // (Chart.words: view, lang, theme, theme option, downloads, embedUrl, title, summary, colours, controls.)
    let words = chart.chart.words();
    assert_eq!(words[..6], ["bars", "en", "dark", "dark", "1", ""].map(String::from));
    assert_eq!(words[6], "The Mask (Careto): 31 countries affected");
    // The headline figures first (issue 15.2), then the counts with their hedge (15.1).
    assert!(words[7].starts_with("31 countries · over 380 unique victims · more than 1,000 victim IP addresses."), "{}", words[7]);
    assert!(words[7].contains("Counts per country, almost certainly of victim IP addresses: Morocco had the largest published count, 384"), "{}", words[7]);
    assert_eq!(words[13], "Show data");
    chart.update(options(&[("lang", "es".into())])).unwrap();
    assert_eq!(chart.chart.words()[6], "The Mask (Careto): 31 países afectados");
    assert_eq!(chart.chart.words()[13], "Mostrar datos");
    // The profile view (issue 15.3), through the same kernel, in a build
    // that has it (the article's first-paint kernel refuses it: see below).
    #[cfg(feature = "profile")]
    {
        chart.update(options(&[("view", "profile".into())])).unwrap();
        assert_eq!(chart.chart.words()[..2], ["profile", "es"].map(String::from));
        assert_eq!(chart.chart.words()[6], "The Mask (Careto): a quién y qué atacó");
        assert_eq!(chart.chart.item_count(), 13, "six sectors, five platforms, what it stole, the extensions");
    }
}

/// The display flags in the kernel: `transparent` clears the canvas and
/// draws no background (also at the same size, where nothing else would
/// clear it), the bars' pixels stay; `plain` lays the chart out without its
/// header, shorter, Morocco's bar still where `barRect` says; `words`
/// gives the shell every flag (bits: 1 downloads, 2 plain, 4 transparent,
/// 8 static); a bad flag changes nothing.
#[wasm_bindgen_test]
fn transparent_and_plain_charts_are_drawn_so_and_the_shell_is_told() {
    set_dpr(1.0);
    let alpha = |canvas: &HtmlCanvasElement, x: f64, y: f64| {
        let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
        ctx.get_image_data(x, y, 1.0, 1.0).unwrap().data()[3]
    };
    let (_div, mut chart) = bars(640);
    let canvas = chart.canvas().unwrap();
    let full_height = canvas.height();
    assert_eq!((pixel(&canvas, 1.0, 1.0), alpha(&canvas, 1.0, 1.0)), (WHITE, 255), "a background");
    assert_eq!(chart.chart.words()[4], "1");
    chart.update(options(&[("transparent", true.into())])).unwrap();
    assert_eq!(canvas.height(), full_height, "the same size: nothing but the kernel cleared it");
    assert_eq!(alpha(&canvas, 1.0, 1.0), 0, "no background");
    let r = chart.bar_rect("MAR").unwrap();
    assert_eq!(pixel(&canvas, r[0] + r[2] / 2.0, r[1] + r[3] / 2.0), TOP_CLASS, "the bars stay");
    assert_eq!(chart.chart.words()[4], "5");
    chart.update(options(&[("transparent", false.into()), ("plain", true.into())])).unwrap();
    assert_eq!(alpha(&canvas, 1.0, 1.0), 255);
    assert!(canvas.height() + 60 < full_height, "{} vs {full_height}", canvas.height());
    let r = chart.bar_rect("MAR").unwrap();
    assert_eq!(pixel(&canvas, r[0] + r[2] / 2.0, r[1] + r[3] / 2.0), TOP_CLASS);
    assert_eq!(chart.hit_test(r[0] + 1.0, r[1] + r[3] / 2.0).as_deref(), Some("country:MAR"));
    chart.update(options(&[("static", true.into()), ("downloads", false.into())])).unwrap();
    assert_eq!(chart.chart.words()[4], "10", "plain and static, no downloads");
    let e = message(chart.update(options(&[("plain", false.into()), ("static", JsValue::from_f64(1.0))])).err().unwrap());
    assert_eq!(e, "careto-viz: static: expected true or false, got a number");
    assert_eq!(chart.chart.words()[4], "10", "a bad flag changes nothing");
}

/// The views a build draws, as its messages name them: the full build has
/// the map and the profile, the article's kernel neither.
#[cfg(not(feature = "map"))]
const VIEWS: &str = "\"bars\" or \"timeline\"";
#[cfg(feature = "map")]
const VIEWS: &str = "\"bars\", \"timeline\", \"profile\" or \"map\"";

/// The article build has no map: `view: "map"` is refused, naming the
/// builds that have it; the chart on screen stays; other names are answered
/// with the views it draws.
#[cfg(not(feature = "map"))]
#[wasm_bindgen_test]
fn the_article_build_refuses_the_map_naming_the_builds_that_have_it_and_the_chart_stays() {
    set_dpr(1.0);
    let expected = "careto-viz: view: \"map\": this build of careto-viz (careto_viz.js, the article build) has no map; \
                    load the map build, careto_viz_map.js next to it, or the full build, careto_viz_full.js";
    let div = container(640);
    assert_eq!(message(mount(div.clone(), options(&[("view", "map".into())])).err().unwrap()), expected);
    let mut chart = mount(div.clone(), options(&[("view", "bars".into())])).unwrap();
    let canvas = chart.canvas().unwrap();
    let r = chart.bar_rect("MAR").unwrap();
    let (cx, cy) = (r[0] + r[2] / 2.0, r[1] + r[3] / 2.0);
    assert_eq!(message(chart.update(options(&[("view", "map".into())])).err().unwrap()), expected);
    assert_eq!(pixel(&canvas, cx, cy), TOP_CLASS, "the bars stay on screen");
    assert_eq!(chart.chart.words()[0], "bars", "and the view stays");
    let e = message(mount(div, options(&[("view", "globe".into())])).err().unwrap());
    assert_eq!(e, format!("careto-viz: view: \"globe\" is not a view; use {VIEWS}"));
}

/// The article's first-paint kernel has no profile either (issue 12: what
/// the first picture of the bars and the timeline does not need stays off
/// their path): `view: "profile"` is refused naming the builds that have it,
/// and the chart on screen stays.
#[cfg(not(feature = "profile"))]
#[wasm_bindgen_test]
fn the_article_build_refuses_the_profile_naming_the_builds_that_have_it_and_the_chart_stays() {
    set_dpr(1.0);
    let expected = "careto-viz: view: \"profile\": this build of careto-viz (careto_viz.js, the article build) has no profile; \
                    load the profile build, careto_viz_profile.js next to it, or the full build, careto_viz_full.js";
    let div = container(640);
    assert_eq!(message(mount(div.clone(), options(&[("view", "profile".into())])).err().unwrap()), expected);
    let mut chart = mount(div, options(&[("view", "timeline".into())])).unwrap();
    let words = chart.chart.words();
    assert_eq!(message(chart.update(options(&[("view", "profile".into())])).err().unwrap()), expected);
    assert_eq!(chart.chart.words(), words, "the timeline and its words stay");
}

/// A build with the map (the full build here) draws it once the page has
/// handed it the geometry: before, a draw paints nothing and says it waits
/// (bit 4), and an update to the map keeps the picture on screen; a corrupt
/// file is refused naming the byte, and changes nothing; then Morocco is
/// painted in the top class where the layout says, Gibraltar's marker is hit
/// within 12 px, and the kernel's answers are the layout's, made here from
/// the same file.
#[cfg(feature = "map")]
#[wasm_bindgen_test]
fn the_map_waits_for_its_geometry_then_draws_where_the_layout_says() {
    use careto_viz::chart::{ChartOptions, Layout, View};
    use careto_viz::geo::World;
    const GEOMETRY: &[u8] = include_bytes!("../data/world-110m.bin");
    set_dpr(1.0);
    let div = container(640);
    let mut chart = mount(div.clone(), options(&[("view", "bars".into())])).unwrap();
    let canvas = chart.canvas().unwrap();
    let r = chart.bar_rect("MAR").unwrap();
    let (cx, cy) = (r[0] + r[2] / 2.0, r[1] + r[3] / 2.0);
    // The world is one per module: another test may have handed it over already.
    if careto_viz::web::has_world() {
        assert_eq!(chart.update(options(&[("view", "map".into())])).unwrap() & 4, 0);
    } else {
        assert_eq!(chart.update(options(&[("view", "map".into())])).unwrap(), 4 | 2, "waiting, with new words, nothing painted");
        assert_eq!(pixel(&canvas, cx, cy), TOP_CLASS, "the bars stay on screen meanwhile");
        assert_eq!(chart.chart.words()[0], "map");
        let e = message(careto_viz::web::set_world(&GEOMETRY[..GEOMETRY.len() - 9]).err().unwrap());
        assert!(e.starts_with("careto-viz: the map's geometry file is corrupt or truncated: "), "{e}");
        assert!(e.ends_with(')') && e.contains("(byte "), "{e}");
        assert!(!careto_viz::web::has_world(), "a corrupt file changes nothing");
        assert_eq!(chart.redraw().unwrap() & 5, 4, "still waiting");
        careto_viz::web::set_world(GEOMETRY).unwrap();
        assert_eq!(chart.redraw().unwrap() & 5, 1, "painted");
    }
    let world = World::decode(GEOMETRY).unwrap();
    let campaign = careto_viz::data::careto();
    let wanted = ChartOptions { view: View::Map, width: 640.0, ..ChartOptions::default() };
    let Layout::Map(layout) = Layout::with_world(&campaign, &wanted, &world) else { panic!("not a map") };
    assert_eq!(chart.chart.height(), layout.scene.height);
    let morocco = layout.point_of(&campaign, &world, "MAR").unwrap();
    assert_eq!(chart.chart.point_of("MAR").unwrap(), vec![morocco.x, morocco.y]);
    assert_eq!(chart.bar_color("MAR").as_deref(), Some("#4a1003"));
    assert_eq!(pixel(&canvas, morocco.x, morocco.y), TOP_CLASS, "Morocco at {morocco:?}");
    assert_eq!(chart.hit_test(morocco.x, morocco.y).as_deref(), Some("country:MAR"));
    let gib = layout.country(&campaign, "GIB").unwrap().marker.expect("Gibraltar has a marker");
    assert_eq!(chart.chart.point_of("GIB").unwrap(), vec![gib.x, gib.y]);
    for (dx, dy) in [(0.0, 0.0), (5.0, -3.0)] {
        assert_eq!(chart.hit_test(gib.x + dx, gib.y + dy).as_deref(), Some("country:GIB"), "{dx}, {dy} px from Gibraltar's marker");
    }
    let australia = chart.chart.point_of("AUS").unwrap();
    assert_eq!(chart.hit_test(australia[0], australia[1]), None, "nothing reported: no item");
}

/// A small campaign of invented sample data, as a newsroom would pass it.
const SAMPLE: &str = r#"{
  "name": {"en": "Sample campaign (invented data)", "es": "Campaña de ejemplo (datos inventados)"},
  "measure": {"en": "infected hosts", "es": "equipos infectados"},
  "as_of": {"en": "invented for tests", "es": "inventado para pruebas"},
  "active_period": {"start": "2019", "end": "2021-06", "label": {"en": "Active", "es": "Activa"},
                    "description": {"en": "Invented.", "es": "Inventado."}, "sources": ["X1"]},
  "country": [
    {"code": "AAA", "name": {"en": "Alphaland", "es": "Alfalandia"}, "count": 120, "sources": ["X1"]},
    {"code": "XBB", "name": {"en": "Betastan", "es": "Betastán"}, "count": 7, "sources": ["X1"]},
    {"code": "XCC", "name": {"en": "Gammaria", "es": "Gamaria"}, "count": "not published", "sources": ["X1"]}
  ],
  "event": [
    {"id": "start", "date": "2019", "label": {"en": "First sample", "es": "Primera muestra"},
     "description": {"en": "Invented.", "es": "Inventado."}, "status": "reported", "sources": ["X1"]}
  ],
  "source": [{"id": "X1", "title": "Invented sample data", "publisher": "careto-viz tests", "date": "2026", "url": ""}],
  "bars_source_line": {"en": "Source: invented sample data", "es": "Fuente: datos inventados"},
  "timeline_source_line": {"en": "Source: invented sample data", "es": "Fuente: datos inventados"}
}"#;

fn sample(edit: &str) -> JsValue {
    let v = js_sys::JSON::parse(SAMPLE).unwrap();
    if !edit.is_empty() {
        // `edit` is a JS function body run on the object `c`.
        let f = js_sys::Function::new_with_args("c", edit);
        f.call1(&JsValue::NULL, &v).unwrap();
    }
    v
}

#[wasm_bindgen_test]
fn an_internal_failure_keeps_the_previous_picture() {
    set_dpr(1.0);
    let (_div, mut chart) = bars(640);
    let canvas = chart.canvas().unwrap();
    let r = chart.bar_rect("MAR").unwrap();
    let (cx, cy) = (r[0] + r[2] / 2.0, r[1] + r[3] / 2.0);
    assert_eq!(pixel(&canvas, cx, cy), TOP_CLASS);
    chart.chart.fail_next_draw();
    let e = message(chart.update(options(&[("theme", "dark".into())])).err().unwrap());
    assert_eq!(e, "careto-viz: drawing failed: simulated failure (test hook)");
    assert_eq!(pixel(&canvas, cx, cy), TOP_CLASS, "the picture on screen is the previous one");
    assert_eq!(pixel(&canvas, 2.0, 2.0), WHITE, "still the light theme");
    chart.update(options(&[("theme", "dark".into())])).unwrap();
    assert_eq!(pixel(&canvas, 2.0, 2.0), [0x15, 0x17, 0x1a]);
}

#[cfg(feature = "custom-campaign")]
#[wasm_bindgen_test]
fn a_campaign_of_ones_own_is_drawn_and_bad_ones_are_named() {
    set_dpr(1.0);
    let div = container(640);
    let mut chart = mount(div.clone(), options(&[("view", "bars".into()), ("theme", "light".into()), ("campaign", sample(""))])).unwrap();
    assert!(chart.bar_rect("AAA").is_some());
    assert!(chart.bar_rect("MAR").is_none(), "the sample replaces the compiled-in data");
    assert!(chart.bar_rect("XCC").is_none(), "not published: no bar");
    let canvas = chart.canvas().unwrap();
    let r = chart.bar_rect("AAA").unwrap();
    let before = pixel(&canvas, r[0] + r[2] / 2.0, r[1] + r[3] / 2.0);
    let cases: [(&str, &str); 6] = [
        ("c.country[1].count = NaN", "campaign.country[1].count: NaN is not a whole number >= 1"),
        ("c.country[1].count = -3", "campaign.country[1].count: -3 is negative; a count is >= 1"),
        ("c.country[1].code = 'AAA'", "campaign.country[1].code: duplicate country code \"AAA\""),
        ("delete c.measure", "campaign: missing field `measure`"),
        ("c.event[0].date = '2019-13'", "campaign.event[0].date: \"2019-13\": month 13 is not between 1 and 12"),
        ("c.country[0].sources = ['Z9']", "campaign.country[0].sources[0]: unknown source id \"Z9\""),
    ];
    for (edit, expected) in cases {
        let e = message(chart.update(options(&[("campaign", sample(edit))])).err().unwrap());
        assert!(e.starts_with(&format!("careto-viz: {expected}")), "{edit}: got {e}");
        assert_eq!(pixel(&canvas, r[0] + r[2] / 2.0, r[1] + r[3] / 2.0), before, "{edit}: the chart stays");
        assert!(chart.bar_rect("AAA").is_some(), "{edit}: the sample is still the data");
    }
    let e = message(chart.update(options(&[("width", 100_000.0.into())])).err().unwrap());
    assert_eq!(e, "careto-viz: width: 100000 px is wider than a chart can be (4096 px)");
    drop(chart);
}

#[cfg(feature = "custom-campaign")]
#[wasm_bindgen_test]
fn more_bad_campaigns_are_refused_by_name_and_the_chart_stays() {
    set_dpr(1.0);
    let div = container(640);
    let mut chart = mount(div.clone(), options(&[("view", "bars".into()), ("theme", "light".into()), ("campaign", sample(""))])).unwrap();
    let canvas = chart.canvas().unwrap();
    let r = chart.bar_rect("AAA").unwrap();
    let before = pixel(&canvas, r[0] + r[2] / 2.0, r[1] + r[3] / 2.0);
    let cases: [(&str, &str); 8] = [
        ("c.country = []", "campaign.country: "),
        ("c.country[0].name.en = 'x'.repeat(10000)", "campaign.country[0].name.en: label is 10000 characters long; at most 200 allowed"),
        ("c.active_period.start = '2022'", "campaign.active_period.end: the period ends"),
        ("c.country[0].name.en = 'a\\nb'", "campaign.country[0].name.en: contains the control character"),
        ("c.event[0].status = 'rumour'", "campaign.event[0].status: unknown variant"),
        ("c.country[0].count = Infinity", "campaign.country[0].count: Infinity is too large for a count (at most 4294967295)"),
        ("c.country[0].colour = 'red'", "campaign.country[0]: unknown field `colour`"),
        ("c.government_targets_sources = ['S99']", "campaign.government_targets_sources[0]: unknown source id \"S99\""),
    ];
    for (edit, expected) in cases {
        let e = message(chart.update(options(&[("campaign", sample(edit))])).err().unwrap());
        assert!(e.starts_with(&format!("careto-viz: {expected}")), "{edit}: got {e}");
        assert_eq!(pixel(&canvas, r[0] + r[2] / 2.0, r[1] + r[3] / 2.0), before, "{edit}: the chart stays");
    }
    // Markup in a label is text in the summary (the shell sets it as textContent: tests/page/mount.test.mjs).
    let html = "<img src=x onerror=alert(1)><script>boom()</script>";
    chart.update(options(&[("campaign", sample(&format!("c.country[0].name.en = '{html}'")))])).unwrap();
    assert!(chart.chart.words()[7].contains(html), "{}", chart.chart.words()[7]);
    drop(chart);
}

/// The rest of issue #6's catalogue: sizes that are not sizes, codes and
/// dates that are not codes or dates (elements that cannot hold a chart:
/// tests/page/mount.test.mjs). Each error is exact, and a chart already on
/// screen keeps its picture and its data.
#[wasm_bindgen_test]
fn sizes_codes_and_dates_that_cannot_be_drawn_are_named() {
    set_dpr(1.0);
    let document = web_sys::window().unwrap().document().unwrap();
    // A <canvas> is the one non-container that can hold a chart: drawn into directly.
    let bare: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&bare).unwrap();
    let on_canvas = mount(bare.clone().unchecked_into(), options(&[("view", "bars".into()), ("width", 640.0.into()), ("theme", "light".into())])).unwrap();
    let m = on_canvas.bar_rect("MAR").unwrap();
    assert_eq!(pixel(&bare, m[0] + m[2] / 2.0, m[1] + m[3] / 2.0), TOP_CLASS, "a given canvas is drawn into");
    drop(on_canvas);
    bare.remove();

    let div = container(640);
    // The full build draws the sample here; the article build, its own data.
    #[cfg(feature = "custom-campaign")]
    let (data, code) = (options(&[("view", "bars".into()), ("theme", "light".into()), ("campaign", sample(""))]), "AAA");
    #[cfg(not(feature = "custom-campaign"))]
    let (data, code) = (options(&[("view", "bars".into()), ("theme", "light".into())]), "MAR");
    let mut chart = mount(div.clone(), data).unwrap();
    let canvas = chart.canvas().unwrap();
    let r = chart.bar_rect(code).unwrap();
    let (cx, cy) = (r[0] + r[2] / 2.0, r[1] + r[3] / 2.0);
    let before = pixel(&canvas, cx, cy);
    let css_width = canvas.client_width();
    let widths: [(JsValue, &str); 4] = [
        (0.0.into(), "careto-viz: width: 0 is not a positive number of CSS pixels"),
        ((-5.0).into(), "careto-viz: width: -5 is not a positive number of CSS pixels"),
        (f64::NAN.into(), "careto-viz: width: NaN is not a positive number of CSS pixels"),
        (true.into(), "careto-viz: width: expected a number of CSS pixels, got true"),
    ];
    for (w, expected) in widths {
        let e = message(chart.update(options(&[("width", w.clone())])).err().unwrap());
        assert_eq!(e, expected, "width {w:?}");
        assert_eq!(canvas.client_width(), css_width, "width {w:?}: the canvas keeps its size");
        assert_eq!(pixel(&canvas, cx, cy), before, "width {w:?}: the chart stays");
    }
    #[cfg(feature = "custom-campaign")]
    let campaigns: [(&str, &str); 6] = [
        ("c.country[1].code = 'mar'", "campaign.country[1].code: \"mar\" is not an ISO 3166-1 alpha-3 code (3 uppercase letters A-Z)"),
        ("c.country[1].code = 'XX1'", "campaign.country[1].code: \"XX1\" is not an ISO 3166-1 alpha-3 code (3 uppercase letters A-Z)"),
        ("c.event[0].date = '2014-02-30'", "campaign.event[0].date: \"2014-02-30\": day 30 is not between 1 and 28"),
        ("c.event[0].date = 'yesterday'", "campaign.event[0].date: \"yesterday\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ("c.event[0].date = 2014", "campaign.event[0].date: expected a string, got a number"),
        ("c.country[0].count = '384'", "campaign.country[0].count: \"384\" is not a count; write a number or \"not published\""),
    ];
    #[cfg(feature = "custom-campaign")]
    for (edit, expected) in campaigns {
        let e = message(chart.update(options(&[("campaign", sample(edit))])).err().unwrap());
        assert!(e.starts_with(&format!("careto-viz: {expected}")), "{edit}: got {e}");
        assert_eq!(pixel(&canvas, cx, cy), before, "{edit}: the chart stays");
        assert!(chart.bar_rect("AAA").is_some(), "{edit}: the sample is still the data");
    }
    drop(chart);
}

/// What the article build says to a `campaign` option (src/web/options.rs).
#[cfg(not(feature = "custom-campaign"))]
const NO_CAMPAIGN_READER: &str = "careto-viz: campaign: this build (careto_viz.js) has The Mask (Careto) data compiled in and reads no campaign of its own; \
to draw yours, load the full build, careto_viz_full.js (pkg-full/ next to pkg/; the npm package's main export)";

/// The article build has no campaign reader: `campaign` (good or bad) gets
/// one clear message naming the full build, at mount and at update, and the
/// chart on screen stays as it was, with the Careto data.
#[cfg(not(feature = "custom-campaign"))]
#[wasm_bindgen_test]
fn the_article_build_refuses_a_campaign_and_names_the_full_build() {
    set_dpr(1.0);
    let div = container(640);
    let e = message(mount(div.clone(), options(&[("view", "bars".into()), ("campaign", sample(""))])).err().unwrap());
    assert_eq!(e, NO_CAMPAIGN_READER);
    let mut chart = mount(div.clone(), options(&[("view", "bars".into()), ("theme", "light".into())])).unwrap();
    let canvas = chart.canvas().unwrap();
    let r = chart.bar_rect("MAR").unwrap();
    let (cx, cy) = (r[0] + r[2] / 2.0, r[1] + r[3] / 2.0);
    assert_eq!(pixel(&canvas, cx, cy), TOP_CLASS);
    for campaign in [sample(""), sample("c.country[1].count = NaN"), JsValue::from_str("careto"), js_sys::Object::new().into()] {
        let e = message(chart.update(options(&[("theme", "dark".into()), ("campaign", campaign)])).err().unwrap());
        assert_eq!(e, NO_CAMPAIGN_READER);
        assert_eq!(pixel(&canvas, cx, cy), TOP_CLASS, "the chart on screen stays");
        assert_eq!(pixel(&canvas, 2.0, 2.0), WHITE, "the whole update is refused: still light");
        assert!(chart.bar_rect("MAR").is_some() && chart.bar_rect("AAA").is_none(), "still the Careto data");
    }
    // `campaign: null` is refused too (a fetch that came back null is no
    // reason to draw The Mask's data); `undefined` is no campaign, as in the full build.
    let e = message(chart.update(options(&[("campaign", JsValue::NULL), ("theme", "dark".into())])).err().unwrap());
    assert_eq!(e, NO_CAMPAIGN_READER);
    assert_eq!(pixel(&canvas, 2.0, 2.0), WHITE, "refused: still light");
    chart.update(options(&[("campaign", JsValue::UNDEFINED), ("theme", "dark".into())])).unwrap();
    assert_eq!(pixel(&canvas, 2.0, 2.0), [0x15, 0x17, 0x1a]);
    drop(chart);
}

#[wasm_bindgen_test]
fn a_padded_container_or_canvas_parent_gets_a_chart_as_wide_as_its_content_box() {
    set_dpr(1.0);
    // A host page's `div { padding }` (a CMS theme): the chart fits inside, not over it.
    let (div, mut chart) = bars(400);
    div.style().set_property("padding", "0 17px").unwrap();
    chart.redraw().unwrap();
    assert_eq!(chart.canvas().unwrap().width(), 400, "mounted into the padded element");
    let document = web_sys::window().unwrap().document().unwrap();
    let parent = container(300);
    parent.style().set_property("padding", "0 25px").unwrap();
    let canvas: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    parent.append_child(&canvas).unwrap();
    let _chart = mount(canvas.clone().unchecked_into(), options(&[("view", "timeline".into())])).unwrap();
    assert_eq!(canvas.width(), 300, "a <canvas> in a padded parent");
}

/// Bytes of the module's linear memory (it only grows; a leak or a
/// fragmenting allocator shows as growth).
fn wasm_memory_bytes() -> u32 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().dyn_into().unwrap();
    memory.buffer().dyn_into::<js_sys::ArrayBuffer>().unwrap().byte_length()
}

/// Lets the event loop run (so the test runner's page stays responsive).
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().unwrap().set_timeout_with_callback(&resolve);
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The allocator (lol_alloc's free list, src/lib.rs) frees and reuses memory:
/// after a warm-up, rounds of redraws, updates of every kind, custom
/// campaigns and mount/destroy cycles leave the memory where it was.
#[wasm_bindgen_test]
async fn memory_stays_bounded_over_many_redraws() {
    set_dpr(2.0);
    let cycle = |round: u32| {
        let (_div, mut chart) = bars(320 + (round % 7) * 100);
        let div = container(640);
        let mut timeline = mount(div, options(&[("view", "timeline".into())])).unwrap();
        for i in 0..2u32 {
            let lang = if (round + i) % 2 == 0 { "en" } else { "es" };
            let theme = if i % 2 == 0 { "dark" } else { "light" };
            chart.update(options(&[("lang", lang.into()), ("theme", theme.into())])).unwrap();
            timeline.update(options(&[("lang", lang.into()), ("width", f64::from(400 + (round % 5) * 150).into())])).unwrap();
            chart.redraw().unwrap();
            timeline.redraw().unwrap();
        }
        #[cfg(feature = "custom-campaign")]
        chart.update(options(&[("campaign", sample(""))])).unwrap();
        // Refused: a bad campaign (full build), or any campaign (article build).
        assert!(chart.update(options(&[("campaign", sample("c.country[1].count = NaN"))])).is_err());
        drop(chart);
        drop(timeline);
    };
    for round in 0..8 {
        cycle(round);
        yield_to_browser().await;
    }
    let warm = wasm_memory_bytes();
    for round in 0..40 {
        cycle(round);
        yield_to_browser().await;
    }
    let after = wasm_memory_bytes();
    assert!(after <= warm + 65_536, "memory grew from {warm} B to {after} B over 40 rounds of redraws (leak or fragmentation)");
    set_dpr(1.0);
}

/// Where the browser can show part of a larger bitmap (the shell says so:
/// `object-view-box`, Chromium), the bitmap only grows, in the dimension
/// that needs it, and the canvas shows its top-left part at the same scale;
/// past twice the area needed it is made exact. Without it the bitmap is
/// always exactly the size needed.
#[wasm_bindgen_test]
fn a_roomy_canvas_keeps_a_larger_bitmap_and_shows_its_top_left_part() {
    set_dpr(1.0);
    let (div, mut chart) = bars(800);
    let canvas = chart.canvas().unwrap();
    let css = |name: &str| canvas.style().get_property_value(name).unwrap();
    let height = || -> u32 { css("height").trim_end_matches("px").parse().unwrap() };
    // The view box as [top, right, bottom, left] px (CSS writes `inset()` short); where the
    // browser does not know the property, it drops it: None either way then.
    let inset = |v: String| -> Option<Vec<u32>> {
        let n: Vec<u32> = v.strip_prefix("inset(")?.trim_end_matches(')').split(' ').map(|p| p.trim_end_matches("px").parse().unwrap()).collect();
        Some(match n.len() {
            1 => vec![n[0]; 4],
            2 => vec![n[0], n[1], n[0], n[1]],
            3 => vec![n[0], n[1], n[2], n[1]],
            _ => n,
        })
    };
    let view = |v: &[u32]| if CSS_SUPPORTS_VIEW_BOX.with(|s| *s) { Some(v.to_vec()) } else { None };
    let h800 = height();
    assert_eq!((canvas.width(), canvas.height()), (800, h800));
    chart.roomy = true;
    div.style().set_property("width", "640px").unwrap();
    chart.redraw().unwrap();
    let h640 = height();
    assert!(h640 > h800, "narrower, the chart is taller: {h640} px against {h800}");
    assert_eq!((canvas.width(), canvas.height()), (800, h640), "grown in height only");
    assert_eq!(inset(css("object-view-box")), view(&[0, 800 - 640, 0, 0]));
    let r = chart.bar_rect("MAR").unwrap();
    assert_eq!(pixel(&canvas, r[0] + r[2] / 2.0, r[1] + r[3] / 2.0), TOP_CLASS, "drawn where the layout says");
    // Back to 800 px: the bitmap is kept (no reallocation), its top-left part shown.
    div.style().set_property("width", "800px").unwrap();
    chart.redraw().unwrap();
    assert_eq!((canvas.width(), canvas.height()), (800, h640), "kept");
    assert_eq!(inset(css("object-view-box")), view(&[0, 0, h640 - h800, 0]));
    assert_eq!(css("width"), "800px");
    let r = chart.bar_rect("MAR").unwrap();
    assert_eq!(pixel(&canvas, r[0] + r[2] / 2.0, r[1] + r[3] / 2.0), TOP_CLASS, "drawn where the layout says");
    // Under half the bitmap's area: a bitmap of exactly the size needed.
    div.style().set_property("width", "320px").unwrap();
    chart.redraw().unwrap();
    let h320 = height();
    assert!(u64::from(320 * h320) * 2 < u64::from(800 * h640));
    assert_eq!((canvas.width(), canvas.height()), (320, h320));
    assert!(matches!(css("object-view-box").as_str(), "none" | ""), "exact: no view box");
    // Not roomy: always exact.
    chart.roomy = false;
    div.style().set_property("width", "640px").unwrap();
    chart.redraw().unwrap();
    assert_eq!((canvas.width(), canvas.height()), (640, h640));
    div.style().set_property("width", "600px").unwrap();
    chart.redraw().unwrap();
    assert_eq!((canvas.width(), canvas.height()), (600, height()));
}

thread_local! {
    /// Whether this browser knows `object-view-box` (where it does not, the style property is dropped).
    static CSS_SUPPORTS_VIEW_BOX: bool = web_sys::window().unwrap().get("CSS").is_some_and(|css| {
        let f: js_sys::Function = js_sys::Reflect::get(&css, &"supports".into()).unwrap().into();
        f.call2(&css, &"object-view-box".into(), &"inset(0px)".into()).unwrap().as_bool().unwrap_or(false)
    });
}

/// The shell passes the page's language only when it changed (no string
/// crosses to the kernel on a redraw): `undefined` keeps the last one, `""`
/// is none.
#[wasm_bindgen_test]
fn the_page_language_stays_until_the_shell_says_another() {
    set_dpr(1.0);
    let (_div, mut chart) = bars(640);
    let lang = |chart: &mut Drawn, page_lang: Option<String>| {
        chart.chart.place(640.0, 1.0, page_lang, Some(false), None, false);
        chart.chart.draw(&chart.canvas, &chart.context, true).unwrap();
        chart.chart.words()[1].clone()
    };
    assert_eq!(lang(&mut chart, Some("es-MX".to_string())), "es");
    assert_eq!(lang(&mut chart, None), "es", "undefined: as last time");
    assert_eq!(lang(&mut chart, Some(String::new())), "en", "\"\": none, so English");
    assert_eq!(lang(&mut chart, None), "en");
    assert_eq!(lang(&mut chart, Some("fr".to_string())), "en", "one we do not speak counts as none");
}
