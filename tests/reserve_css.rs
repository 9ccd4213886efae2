//! The height-reserving stylesheets (src/bin/careto-reserve.rs): the
//! committed ones are what the binary writes now, and the heights they give
//! at each width are the layout's. `UPDATE_RESERVE_CSS=1 cargo test --test
//! reserve_css` (or `make reserve`) rewrites them.

// Native only: it runs the generator and reads files, and lays out the map,
// which a wasm32 build has only with the `map` feature.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use careto_viz::chart::{ChartOptions, Header, Layout, View};
use careto_viz::model::{Campaign, Lang};
use careto_viz::theme::ThemeName;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

const SAMPLE_FOR: &str = "[data-campaign-src$=\"sample-campaign.json\"]";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What the binary writes with `args`.
fn generate(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_careto-reserve")).args(args).output().unwrap();
    assert!(out.status.success(), "careto-reserve {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The Mask's stylesheet and the sample campaign's, written once for all the tests (each takes seconds unoptimised).
fn careto_css() -> &'static str {
    static CSS: OnceLock<String> = OnceLock::new();
    CSS.get_or_init(|| generate(&[]))
}

/// The map's stylesheet (`--map`): its heights alone, for pages with a map.
fn map_css() -> &'static str {
    static CSS: OnceLock<String> = OnceLock::new();
    CSS.get_or_init(|| generate(&["--map"]))
}

/// The profile's stylesheet (`--profile`): its heights alone, for pages with a profile.
fn profile_css() -> &'static str {
    static CSS: OnceLock<String> = OnceLock::new();
    CSS.get_or_init(|| generate(&["--profile"]))
}

fn sample_css() -> &'static str {
    static CSS: OnceLock<String> = OnceLock::new();
    CSS.get_or_init(|| generate(&["--campaign", "www/sample-campaign.json", "--for", SAMPLE_FOR]))
}

fn check_committed(file: &str, now: &str) {
    let path = root().join(file);
    if std::env::var_os("UPDATE_RESERVE_CSS").is_some() {
        std::fs::write(&path, now).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == now, "{file} is not what careto-reserve writes now: run `make reserve` (or UPDATE_RESERVE_CSS=1 cargo test --test reserve_css)");
}

#[test]
fn committed_stylesheets_are_up_to_date() {
    check_committed("www/careto-viz.css", careto_css());
    check_committed("www/careto-viz-map.css", map_css());
    check_committed("www/careto-viz-profile.css", profile_css());
    check_committed("www/sample-campaign.css", sample_css());
}

/// The value of `--cv-NAME` at `width` as the stylesheet's container queries
/// give it: the last `(min-width:Npx)` block at or below `width` that sets it.
fn value_at(css: &str, name: &str, width: u32) -> Option<u32> {
    let needle = format!("--cv-{name}:");
    let mut value = None;
    for line in css.lines().filter(|l| l.starts_with("@container careto-viz (min-width:")) {
        let min: u32 = line.trim_start_matches("@container careto-viz (min-width:").split("px").next()?.parse().ok()?;
        if min > width {
            break;
        }
        if let Some(at) = line.find(&needle) {
            let rest = &line[at + needle.len()..];
            value = rest.split("px").next()?.parse().ok();
        }
    }
    value
}

fn canvas_height(campaign: &Campaign, view: View, lang: Lang, width: u32) -> u32 {
    plain_height(campaign, view, lang, width, Header::Full)
}

/// The canvas's height with its header or without (`plain`).
fn plain_height(campaign: &Campaign, view: View, lang: Lang, width: u32, header: Header) -> u32 {
    let options = ChartOptions { view, lang, theme: ThemeName::Dark, width: f64::from(width), header, patterns: false };
    let h = Layout::new(campaign, &options).scene().height;
    assert!(h.fract() == 0.0 && h >= 1.0, "{h}");
    careto_viz::num::saturating_u32(h)
}

/// The controls row: chart.css's grid, counted by hand (columns of 126 px
/// with 8 px gaps in the width less 20 px of padding; rows of 32 px).
fn tools_height(buttons: u32, width: u32) -> u32 {
    let columns = if width < 20 + 126 { 1 } else { (width - 20 + 8) / 134 };
    let rows = buttons.div_ceil(columns.max(1));
    4 + rows * 32 + (rows - 1) * 8 + 10
}

/// Checks the stylesheet's heights against the layout's: at each width where
/// the stylesheet changes a value and the one before, and every 5th width
/// (the generator itself lays out every width; unoptimised, a layout takes
/// about a millisecond). The map's heights: [`check_map_heights`].
fn check_heights(css: &str, campaign: &Campaign, views: &[View]) {
    let steps: Vec<u32> = css.lines().filter_map(|l| l.strip_prefix("@container careto-viz (min-width:")?.split("px").next()?.parse::<u32>().ok()).collect();
    let mut widths: Vec<u32> = steps.iter().flat_map(|w| [w.saturating_sub(1), *w]).chain((0..=1500).step_by(5)).chain([2000, 4095, 4096, 5000]).collect();
    widths.sort_unstable();
    widths.dedup();
    for width in widths {
        for (name, view, lang) in [
            ("be", View::Bars, Lang::En),
            ("bs", View::Bars, Lang::Es),
            ("te", View::Timeline, Lang::En),
            ("ts", View::Timeline, Lang::Es),
            ("pe", View::Profile, Lang::En),
            ("ps", View::Profile, Lang::Es),
        ]
        .into_iter()
        .filter(|(_, view, _)| views.contains(view))
        {
            let full = canvas_height(campaign, view, lang, width);
            assert_eq!(value_at(css, name, width), Some(full), "--cv-{name} at {width} px");
            // Plain: the canvas less --cv-h<name>, as careto-viz.css computes it.
            let plain = plain_height(campaign, view, lang, width, Header::Plain);
            assert_eq!(value_at(css, &format!("h{name}"), width).map(|h| full - h), Some(plain), "--cv-h{name} at {width} px");
        }
        // The controls row: in the stylesheet that holds the bars.
        for (name, buttons) in [("t4", 4), ("t3", 3), ("t2", 2)].into_iter().filter(|_| views.contains(&View::Bars)) {
            assert_eq!(value_at(css, name, width), Some(tools_height(buttons, width)), "--cv-{name} at {width} px");
        }
    }
}

/// The map's stylesheet against the whole map's layout at every 25th of its
/// steps and every 50th width, its heights computed as the browser does:
/// the texts' height (`--cv-mae` or `--cv-mas`) plus `--cv-mw`'s frame. (A
/// full map layout takes tens of milliseconds unoptimised;
/// MapLayout::height, which the generator uses, is checked against it at
/// every 7th width in tests/map.rs.)
fn check_map_heights(css: &str, campaign: &Campaign) {
    let steps: Vec<u32> = css.lines().filter_map(|l| l.strip_prefix("@container careto-viz (min-width:")?.split("px").next()?.parse::<u32>().ok()).collect();
    let mut widths: Vec<u32> =
        steps.iter().step_by(25).flat_map(|w| [w.saturating_sub(1), *w]).chain((0..=1500).step_by(50)).chain([4095, 4096, 5000]).collect();
    widths.sort_unstable();
    widths.dedup();
    // --cv-mw, the world's frame and the inset under it (as wide as the
    // frame, where --cv-mi is not 0), as the browser computes it from the width.
    let aspect =
        |k: usize| -> f64 { css.split("--cv-mw:").nth(1).and_then(|r| r.split(") * ").nth(k)).and_then(|r| r.split(',').next()).unwrap().parse().unwrap() };
    let (world_aspect, inset_aspect) = (aspect(1), aspect(2));
    assert_eq!(inset_aspect, careto_viz::layout::map::INSET_ASPECT);
    let frame = |width: u32, pad: u32, inset: u32| {
        let inner = f64::from(width.clamp(240, 4096) - pad);
        careto_viz::num::saturating_u32((inner * world_aspect).ceil() + (inner.min(f64::from(inset)) * inset_aspect).ceil())
    };
    for width in widths {
        for (name, texts, lang) in [("me", "mae", Lang::En), ("ms", "mas", Lang::Es)] {
            let full = canvas_height(campaign, View::Map, lang, width);
            let reserved = value_at(css, texts, width).unwrap() + frame(width, value_at(css, "mp", width).unwrap(), value_at(css, "mi", width).unwrap());
            assert_eq!(reserved, full, "--cv-{name} at {width} px");
            let plain = plain_height(campaign, View::Map, lang, width, Header::Plain);
            assert_eq!(value_at(css, &format!("h{name}"), width).map(|h| full - h), Some(plain), "--cv-h{name} at {width} px");
        }
    }
}

#[test]
fn the_maps_heights_are_its_own_stylesheets() {
    let css = map_css();
    check_map_heights(css, &careto_viz::data::careto());
    // The map's selectors: data-careto-viz names the view, data-view when it does not.
    assert!(
        css.contains(":is([data-careto-viz=map],[data-view=map]:not([data-careto-viz=bars],[data-careto-viz=timeline],[data-careto-viz=profile]))::before,"),
        "{css}"
    );
    assert!(css.contains("[data-careto-viz-frame=map]>iframe{--cv-e:calc(var(--cv-mae) + var(--cv-mw));--cv-s:calc(var(--cv-mas) + var(--cv-mw));--cv-he:var(--cv-hme);--cv-hs:var(--cv-hms);--cv-mw:calc(round(up,(clamp(240px,round(down,100cqw + .005px,1px),4096px) - var(--cv-mp)) * 0.4375,1px) + round(up,min((clamp(240px,round(down,100cqw + .005px,1px),4096px) - var(--cv-mp)),var(--cv-mi)) * 0.7275390625,1px))}"), "{css}");
    // The frame's height changes at every width; the rules only where a text wraps or the padding changes.
    assert!(css.matches("@container").count() < 100, "{css}");
    // Only the map's: no other view's height, and careto-viz.css none of the map's.
    assert!(!css.contains("--cv-be:") && !css.contains("--cv-t4:"), "{css}");
    assert!(!careto_css().contains("--cv-me:") && careto_css().contains("[data-careto-viz-frame=map]>iframe{--cv-e:0px;--cv-s:0px;--cv-he:0px;--cv-hs:0px}"));
}

#[test]
fn the_profiles_heights_are_its_own_stylesheets() {
    let css = profile_css();
    check_heights(css, &careto_viz::data::careto(), &[View::Profile]);
    assert!(
        css.contains("[data-careto-viz-frame=profile]>iframe{--cv-e:var(--cv-pe);--cv-s:var(--cv-ps);--cv-he:var(--cv-hpe);--cv-hs:var(--cv-hps)}"),
        "{css}"
    );
    // Only the profile's; careto-viz.css reserves none for it (a page without a profile downloads none of it).
    assert!(!css.contains("--cv-be:") && !css.contains("--cv-t4:") && !css.contains("--cv-mae:"), "{css}");
    let careto = careto_css();
    assert!(
        !careto.contains("--cv-pe:") && careto.contains("[data-careto-viz-frame=profile]>iframe{--cv-e:0px;--cv-s:0px;--cv-he:0px;--cv-hs:0px}"),
        "{careto}"
    );
}

#[test]
fn heights_are_the_layouts_at_every_width() {
    let css = careto_css();
    check_heights(css, &careto_viz::data::careto(), &[View::Bars, View::Timeline]);
    // Bars in English, as measured natively: steps at 289 and 1064 px among
    // others (the headline figures under the title wrap at many widths).
    assert_eq!(
        [value_at(css, "be", 288), value_at(css, "be", 289), value_at(css, "be", 1063), value_at(css, "be", 1064)],
        [Some(693), Some(674), Some(513), Some(497)]
    );
    // One row of buttons from 548 px (4 columns), two from 280 px (2 or 3 columns), four below (1 column).
    assert_eq!(
        [value_at(css, "t4", 100), value_at(css, "t4", 375), value_at(css, "t4", 547), value_at(css, "t4", 548)],
        [Some(166), Some(86), Some(86), Some(46)]
    );
}

#[test]
fn a_campaign_of_ones_own_has_its_own_heights_for_its_own_elements() {
    let css = sample_css();
    let text = std::fs::read_to_string(root().join("www/sample-campaign.json")).unwrap();
    let sample: Campaign = serde_json::from_str(&text).unwrap();
    check_heights(css, &sample, &[View::Bars, View::Timeline, View::Profile]);
    // A campaign of one's own: the profile's heights in its one stylesheet.
    assert!(
        css.contains("[data-careto-viz-frame=profile]>iframe{--cv-e:var(--cv-pe);--cv-s:var(--cv-ps);--cv-he:var(--cv-hpe);--cv-hs:var(--cv-hps)}"),
        "{css}"
    );
    assert!(css.contains(&format!(":is([data-careto-viz],.careto-chart[data-view]){SAMPLE_FOR}::before,[data-careto-viz-frame]{SAMPLE_FOR}>iframe{{--cv-")));
    // The Mask's stylesheet leaves such elements alone.
    assert!(careto_css().contains(":is([data-careto-viz],.careto-chart[data-view]):not([data-campaign-src])"));
}

#[test]
fn bad_arguments_are_refused_clearly() {
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_careto-reserve")).args(args).output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    assert_eq!(
        run(&["--campaign", "www/sample-campaign.json"]),
        (Some(2), "careto-reserve: --campaign and --for go together: a campaign's heights apply to the elements SELECTOR matches\n".to_string())
    );
    assert_eq!(run(&["--width"]), (Some(2), "careto-reserve: unknown argument \"--width\" (try --help)\n".to_string()));
    let (code, message) = run(&["--campaign", "no-such.json", "--for", "x"]);
    assert_eq!(code, Some(2));
    assert!(message.starts_with("careto-reserve: cannot read no-such.json: "), "{message}");
}
