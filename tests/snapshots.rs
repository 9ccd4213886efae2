//! SVG snapshots of both charts, plus facts every rendered SVG must show.
//!
//! Golden files live in `tests/snapshots/NAME.svg`, normalised (decimals
//! rounded to one place, one tag or text per line) so that diffs are readable
//! and float noise does not fail the test. Missing, differing and refreshed
//! (`UPDATE_SNAPSHOTS=1`) as `tests/golden/mod.rs` says.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use careto_viz::chart::{svg, ChartOptions, Header, View};
use careto_viz::data::careto;
use careto_viz::model::Lang;
use careto_viz::theme::{Rgb, Theme, ThemeName};

mod golden;

// ---------------------------------------------------------------- normalising

/// Rounds every decimal number (`-?digits.digits`) to one decimal place;
/// whole numbers and everything else are left as they are.
fn round_decimals(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts_number = c.is_ascii_digit() || (c == '-' && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        // A digit inside a word or a longer number ("S14", "#1A2B3C") starts nothing.
        let inside = i > 0 && (chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '.');
        if !starts_number || inside {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        if c == '-' {
            i += 1;
        }
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let has_fraction = chars.get(i) == Some(&'.') && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if has_fraction {
            i += 1;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
        }
        let number: String = chars[start..i].iter().collect();
        if has_fraction {
            let v: f64 = number.parse().unwrap();
            let r = format!("{v:.1}");
            out.push_str(if r == "-0.0" { "0.0" } else { &r });
        } else {
            out.push_str(&number);
        }
    }
    out
}

/// One tag or one run of text per line, whitespace between tags removed and
/// text trimmed (SVG collapses it anyway), decimals rounded.
fn normalize(svg: &str) -> String {
    let svg = round_decimals(svg);
    let mut lines: Vec<String> = Vec::new();
    let mut rest = svg.as_str();
    while !rest.is_empty() {
        let (token, tail) = if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            rest.split_at(end)
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            rest.split_at(end)
        };
        let collapsed = token.split_whitespace().collect::<Vec<_>>().join(" ");
        if !collapsed.is_empty() {
            lines.push(collapsed);
        }
        rest = tail;
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

// ---------------------------------------------------------------- golden files

/// Compares `actual` (normalised) with the golden file `NAME.svg`.
fn check_snapshot(name: &str, actual: &str) {
    golden::check("snapshots", name, "svg", &normalize(actual));
}

fn render(view: View, lang: Lang, theme: ThemeName, width: f64) -> String {
    svg(&careto(), &ChartOptions { view, lang, theme, width, ..ChartOptions::default() }).unwrap()
}

/// `fill="#RRGGBB"` as plotters writes a fill.
fn fill_attr(c: Rgb) -> String {
    format!("fill=\"{}\"", c.hex().to_uppercase())
}

/// The text contents of the SVG (one entry per `<text>`), unescaped only for `&amp;`.
fn text_lines(normalized: &str) -> Vec<String> {
    let lines: Vec<&str> = normalized.lines().collect();
    lines.windows(2).filter(|w| w[0].starts_with("<text") && !w[1].starts_with('<')).map(|w| w[1].replace("&amp;", "&")).collect()
}

/// Fills of the `<rect>` elements.
fn rect_fills(normalized: &str) -> Vec<String> {
    normalized
        .lines()
        .filter(|l| l.starts_with("<rect"))
        .filter_map(|l| l.split("fill=\"").nth(1).and_then(|f| f.split('"').next()).map(str::to_string))
        .collect()
}

/// Every `font-size` in the SVG.
fn font_sizes(normalized: &str) -> Vec<f64> {
    normalized.split("font-size=\"").skip(1).filter_map(|rest| rest.split('"').next()?.parse().ok()).collect()
}

// ---------------------------------------------------------------- snapshots

#[test]
fn snapshot_bars_en_light_640() {
    let out = render(View::Bars, Lang::En, ThemeName::Light, 640.0);
    let n = normalize(&out);
    let theme = Theme::light();
    assert!(n.starts_with("<svg width=\"640\""), "{}", &n[..60.min(n.len())]);
    let fills = rect_fills(&n);
    for (k, c) in theme.classes.iter().enumerate() {
        let hex = c.hex().to_uppercase();
        // Each class colours at least one bar besides its legend swatch.
        assert!(fills.iter().filter(|f| **f == hex).count() >= 2, "class {k} ({hex}) fills fewer than 2 rects");
    }
    assert!(n.contains(&fill_attr(theme.background)));
    let texts = text_lines(&n);
    for t in ["The Mask (Careto): 31 countries affected", "384", "137", "Morocco", "Algeria", "Affected, count not published (20)", "200+", "1–9", "Cuba"] {
        assert!(texts.iter().any(|x| x == t), "no text \"{t}\"");
    }
    // Text is drawn at the scene's sizes (render undoes plotters' SVG font scaling).
    let sizes = font_sizes(&n);
    assert!(sizes.iter().any(|s| (s - 19.0).abs() < 0.01), "title at 19 px: {sizes:?}");
    assert!(sizes.iter().any(|s| (s - 13.0).abs() < 0.01), "labels at 13 px: {sizes:?}");
    assert!(sizes.iter().all(|s| (11.0..=19.01).contains(s)), "{sizes:?}");
    check_snapshot("bars-en-light-640", &out);
}

#[test]
fn snapshot_timeline_en_light_640() {
    let out = render(View::Timeline, Lang::En, ThemeName::Light, 640.0);
    let n = normalize(&out);
    let theme = Theme::light();
    assert!(n.starts_with("<svg width=\"640\""));
    assert!(n.contains(&fill_attr(theme.reported)), "reported marks");
    assert!(n.contains(&fill_attr(theme.alleged)), "alleged marks");
    assert!(n.contains(&fill_attr(theme.span)), "the active period");
    assert!(n.contains("<circle"), "day-precision dots");
    let texts = text_lines(&n);
    for t in ["The Mask (Careto): timeline", "Kaspersky discloses Careto", "C&C shutdown begins", "Linked to Spain's CNI (alleged)", "2007", "2013"] {
        assert!(texts.iter().any(|x| x.replace("&apos;", "'") == t), "no text \"{t}\" in {texts:?}");
    }
    // Data text is escaped, never markup.
    assert!(n.contains("C&amp;C"));
    assert!(!n.contains("C&C"));
    check_snapshot("timeline-en-light-640", &out);
}

#[test]
fn snapshot_bars_es_dark_375() {
    let out = render(View::Bars, Lang::Es, ThemeName::Dark, 375.0);
    let n = normalize(&out);
    let theme = Theme::dark();
    assert!(n.starts_with("<svg width=\"375\""));
    assert!(n.contains(&fill_attr(theme.background)), "dark background");
    assert!(!n.contains(&fill_attr(Theme::light().background)), "no light background in the dark theme");
    let fills = rect_fills(&n);
    for c in theme.classes {
        assert!(fills.contains(&c.hex().to_uppercase()), "class colour {} missing", c.hex());
    }
    let texts = text_lines(&n);
    for t in ["Marruecos", "384", "Argelia", "Afectados, sin cifra publicada (20)"] {
        assert!(texts.iter().any(|x| x == t), "no text \"{t}\"");
    }
    assert!(!n.contains("Morocco"));
    check_snapshot("bars-es-dark-375", &out);
}

/// Plain (the `plain` display flag, `careto-render --plain`): no title,
/// headline figures or subtitle; the hedged measure above the legend, the
/// bars and the source line; a canvas shorter by the header.
#[test]
fn snapshot_bars_en_light_640_plain() {
    let options = ChartOptions { view: View::Bars, header: Header::Plain, ..ChartOptions::default() };
    let out = svg(&careto(), &options).unwrap();
    let n = normalize(&out);
    let texts = text_lines(&n);
    for t in ["Counts, almost certainly of victim IP addresses:", "Morocco", "384", "Affected, count not published (20)"] {
        assert!(texts.iter().any(|x| x == t), "no text \"{t}\" in {texts:?}");
    }
    assert!(texts.iter().any(|x| x.starts_with("Source: Kaspersky Lab (S1, 10 Feb 2014)")), "{texts:?}");
    for gone in ["The Mask (Careto): 31 countries affected", "Count:"] {
        assert!(!texts.iter().any(|x| x == gone), "\"{gone}\" in {texts:?}");
    }
    assert!(!texts.iter().any(|x| x.contains("unique victims") || x.starts_with("Counts per country")), "{texts:?}");
    let full = render(View::Bars, Lang::En, ThemeName::Light, 640.0);
    let height = |svg: &str| -> f64 { svg.split("height=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap() };
    assert!(height(&out) < height(&full) - 50.0, "{} vs {}", height(&out), height(&full));
    check_snapshot("bars-en-light-640-plain", &out);
}

/// `careto-render --plain` writes the plain chart.
#[test]
fn careto_render_plain_writes_the_plain_chart() {
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_careto-render")).args(["--view", "timeline", "--lang", "es", "--plain"]).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let options = ChartOptions { view: View::Timeline, lang: Lang::Es, header: Header::Plain, ..ChartOptions::default() };
    let expected = svg(&careto(), &options).unwrap();
    assert_eq!(String::from_utf8(run.stdout).unwrap(), expected);
    assert!(!expected.contains("cronología"), "no title");
    check_snapshot("timeline-es-light-640-plain", &expected);
    let card = std::process::Command::new(env!("CARGO_BIN_EXE_careto-render")).args(["--card", "--plain", "--out", "/dev/null"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&card.stderr), "careto-render: --card draws the chart's title on the card: leave out --plain\n");
}

#[test]
fn snapshot_timeline_es_dark_375() {
    let out = render(View::Timeline, Lang::Es, ThemeName::Dark, 375.0);
    let n = normalize(&out);
    let theme = Theme::dark();
    assert!(n.starts_with("<svg width=\"375\""));
    assert!(n.contains(&fill_attr(theme.background)));
    assert!(n.contains(&fill_attr(theme.reported)));
    assert!(n.contains(&fill_attr(theme.alleged)));
    let texts = text_lines(&n);
    assert!(texts.iter().any(|t| t.starts_with("The Mask (Careto): cronolog")), "{texts:?}");
    assert!(texts.iter().any(|t| t.ends_with("(acusación)")), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("(alleged)")));
    check_snapshot("timeline-es-dark-375", &out);
}

#[test]
fn snapshot_map_en_light_640() {
    let out = render(View::Map, Lang::En, ThemeName::Light, 640.0);
    let n = normalize(&out);
    let theme = Theme::light();
    assert!(n.starts_with("<svg width=\"640\""));
    // Countries as polygons: class fills (Morocco's top class among them), the land tone; hatch lines; markers.
    for c in theme.classes.iter().chain([&theme.land]) {
        assert!(n.lines().any(|l| l.starts_with("<polygon") && l.contains(&fill_attr(*c))), "no country filled {}", c.hex());
    }
    assert!(n.contains(&format!("stroke=\"{}\"", theme.hatch.hex().to_uppercase())), "hatch lines");
    assert!(n.contains("<circle"), "markers");
    let texts = text_lines(&n);
    for t in ["The Mask (Careto): where the 31 affected countries are", "affected, count not published", "no victims reported", "200+"] {
        assert!(texts.iter().any(|x| x == t), "no text \"{t}\"");
    }
    check_snapshot("map-en-light-640", &out);
}

#[test]
fn snapshot_map_es_dark_375() {
    let out = render(View::Map, Lang::Es, ThemeName::Dark, 375.0);
    let n = normalize(&out);
    let theme = Theme::dark();
    assert!(n.starts_with("<svg width=\"375\""));
    assert!(n.contains(&fill_attr(theme.background)) && n.contains(&fill_attr(theme.land)));
    assert!(!n.contains(&fill_attr(Theme::light().land)));
    let texts = text_lines(&n);
    for t in ["afectado, sin cifra publicada", "sin víctimas notificadas"] {
        assert!(texts.iter().any(|x| x == t), "no text \"{t}\" in {texts:?}");
    }
    assert!(!n.contains("no victims reported"));
    check_snapshot("map-es-dark-375", &out);
}

// ---------------------------------------------------------------- every SVG

#[test]
fn every_rendering_is_sound() {
    let c = careto();
    for view in [View::Bars, View::Timeline, View::Profile, View::Map] {
        for lang in [Lang::En, Lang::Es] {
            for theme in [ThemeName::Light, ThemeName::Dark] {
                for width in [280.0, 320.0, 375.0, 480.0, 640.0, 800.0, 1024.0, 1280.0] {
                    let ctx = format!("{view:?} {lang:?} {theme:?} {width}");
                    let out = svg(&c, &ChartOptions { view, lang, theme, width, ..ChartOptions::default() }).unwrap();
                    let n = normalize(&out);
                    assert!(n.starts_with(&format!("<svg width=\"{width}\"")), "{ctx}");
                    assert_eq!(n.matches("<text").count(), n.matches("</text>").count(), "{ctx}");
                    assert!(!n.contains("NaN") && !n.contains("inf"), "{ctx}: non-finite number");
                    // Every coloured rectangle is visible: a published figure is never an invisible bar.
                    let t = Theme::named(theme);
                    for line in n.lines().filter(|l| l.starts_with("<rect")) {
                        let colored = t.classes.iter().any(|k| line.contains(&fill_attr(*k)));
                        assert!(!(colored && (line.contains("width=\"0\"") || line.contains("height=\"0\""))), "{ctx}: {line}");
                    }
                }
            }
        }
    }
}

#[test]
fn normalising_rounds_decimals_and_one_tag_per_line() {
    assert_eq!(round_decimals("x=\"1.2345\" y=\"-0.04\" z=\"7\" w=\"12.96\""), "x=\"1.2\" y=\"0.0\" z=\"7\" w=\"13.0\"");
    assert_eq!(round_decimals("S14 v1.0 #1A2B3C 0.5ex"), "S14 v1.0 #1A2B3C 0.5ex");
    assert_eq!(normalize("<svg>\n  <text a=\"0.25\">\n  Hello   world\n</text>  </svg>"), "<svg>\n<text a=\"0.2\">\nHello world\n</text>\n</svg>\n");
}

#[test]
fn snapshot_profile_en_light_640() {
    let out = render(View::Profile, Lang::En, ThemeName::Light, 640.0);
    let n = normalize(&out);
    let theme = Theme::light();
    assert!(n.starts_with("<svg width=\"640\""));
    assert!(n.contains(&fill_attr(theme.reported)), "analysed platforms");
    assert!(n.contains(&fill_attr(theme.alleged)), "suspected platforms");
    let texts = text_lines(&n);
    for t in ["The Mask (Careto): who and what was targeted", "Target sectors", "Activists", "Platforms", "What it stole", "XLSX"] {
        assert!(texts.iter().any(|x| x == t), "no text \"{t}\" in {texts:?}");
    }
    assert!(texts.iter().any(|x| x.starts_with("Android (suspected)")), "{texts:?}");
    check_snapshot("profile-en-light-640", &out);
}

#[test]
fn snapshot_profile_es_dark_375() {
    let out = render(View::Profile, Lang::Es, ThemeName::Dark, 375.0);
    let n = normalize(&out);
    assert!(n.contains(&fill_attr(Theme::dark().background)));
    let texts = text_lines(&n);
    for t in ["Sectores atacados", "Activistas", "Plataformas", "Qué robó"] {
        assert!(texts.iter().any(|x| x == t), "no text \"{t}\" in {texts:?}");
    }
    assert!(texts.iter().any(|x| x.starts_with("iOS (iPad) (sospecha)")), "{texts:?}");
    check_snapshot("profile-es-dark-375", &out);
}
