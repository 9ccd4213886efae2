//! Plain charts (the `plain` display flag, `Header::Plain`): no title,
//! headline figures or subtitle, for a host page that writes its own; the
//! rest of the chart as it was, moved up by the header's height; the source
//! line kept; a hedged measure still named with its hedge.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use careto_viz::chart::{ChartOptions, Header, Layout, View};
use careto_viz::data::careto;
use careto_viz::layout::{Paint, Scene, Shape};
use careto_viz::model::{Campaign, Lang};

const VIEWS: [View; 4] = [View::Bars, View::Timeline, View::Profile, View::Map];
const LANGS: [Lang; 2] = [Lang::En, Lang::Es];
const WIDTHS: [f64; 5] = [280.0, 375.0, 640.0, 1024.0, 2000.0];

fn layout(c: &Campaign, view: View, lang: Lang, width: f64, header: Header) -> Layout {
    Layout::new(c, &ChartOptions { view, lang, width, header, ..ChartOptions::default() })
}

/// The texts of a scene, in drawing order.
fn texts(scene: &Scene) -> Vec<String> {
    scene.shapes.iter().filter_map(|s| if let Shape::Text { text, .. } = s { Some(text.clone()) } else { None }).collect()
}

/// The texts of a scene as one string (wrapped lines joined by spaces).
fn all_text(scene: &Scene) -> String {
    texts(scene).join(" ")
}

/// The shape moved down by `dy`.
fn shifted(shape: &Shape, dy: f64) -> Shape {
    let mut s = shape.clone();
    match &mut s {
        Shape::Rect { rect, .. } => rect.y += dy,
        Shape::Line { from, to, .. } => {
            from.y += dy;
            to.y += dy;
        }
        Shape::Circle { center, .. } | Shape::Diamond { center, .. } => center.y += dy,
        Shape::Polygon { points, .. } | Shape::Path { points, .. } => points.iter_mut().for_each(|p| p.y += dy),
        Shape::Text { at, .. } => at.y += dy,
    }
    s
}

/// A shape's debug text with every number rounded to 1/1000 px (float noise).
fn rounded(shape: &Shape) -> String {
    let s = format!("{shape:?}");
    let mut out = String::new();
    let mut number = String::new();
    for c in s.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || c == '.' || (c == '-' && number.is_empty()) {
            number.push(c);
            continue;
        }
        if !number.is_empty() {
            match number.parse::<f64>() {
                Ok(v) if number.contains('.') => out.push_str(&format!("{:.3}", v + 0.0)),
                _ => out.push_str(&number),
            }
            number.clear();
        }
        out.push(c);
    }
    out
}

/// The title, the headline figures and the subtitle, as the full chart draws them.
fn header_words(view: View, lang: Lang) -> [&'static str; 3] {
    match (view, lang) {
        (View::Bars, Lang::En) => ["31 countries affected", "over 380 unique victims", "Counts per country"],
        (View::Bars, Lang::Es) => ["31 países afectados", "más de 380 víctimas únicas", "Cifras por país"],
        (View::Timeline, Lang::En) => ["timeline", "over 380 unique victims", "Dates as precise as"],
        (View::Timeline, Lang::Es) => ["cronología", "más de 380 víctimas únicas", "Fechas tan precisas"],
        (View::Profile, Lang::En) => ["who and what was targeted", "over 380 unique victims", "no counts or shares were published"],
        (View::Profile, Lang::Es) => ["a quién y qué atacó", "más de 380 víctimas únicas", "no se publicaron cifras"],
        (View::Map, Lang::En) => ["where the 31 affected countries are", "over 380 unique victims", "Counts per country"],
        (View::Map, Lang::Es) => ["dónde están los 31 países afectados", "más de 380 víctimas únicas", "Cifras por país"],
    }
}

#[test]
fn a_plain_chart_draws_no_title_headline_or_subtitle_and_keeps_its_source_line() {
    let c = careto();
    for view in VIEWS {
        for lang in LANGS {
            for width in WIDTHS {
                let full = layout(&c, view, lang, width, Header::Full);
                let plain = layout(&c, view, lang, width, Header::Plain);
                let (f, p) = (all_text(full.scene()), all_text(plain.scene()));
                for words in header_words(view, lang) {
                    assert!(f.contains(words), "{view:?} {lang:?} {width}: the full chart says {words:?}: {f}");
                    assert!(!p.contains(words), "{view:?} {lang:?} {width}: the plain chart says {words:?}: {p}");
                }
                // The source line's first words, as the full chart draws them, are still drawn.
                let source = match view {
                    View::Timeline => c.timeline_source_line.get(lang),
                    View::Profile => c.profile.source_line.get(lang),
                    View::Bars | View::Map => c.bars_source_line.get(lang),
                };
                let first: String = source.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
                assert!(p.contains(&first), "{view:?} {lang:?} {width}: no source line in {p}");
                // Shorter, by at least the title's line; the same width; a background first.
                let (fs, ps) = (full.scene(), plain.scene());
                assert!(ps.height + 19.0 <= fs.height, "{view:?} {lang:?} {width}: {} is not shorter than {}", ps.height, fs.height);
                assert_eq!(ps.width, fs.width);
                assert!(matches!(ps.shapes.first(), Some(Shape::Rect { fill: Some(Paint::Background), rect, .. }) if rect.h == ps.height));
                // The first thing drawn on top starts at the top padding.
                let top = ps.shapes.iter().skip(1).filter_map(Scene::text_box).map(|b| b.y).fold(f64::INFINITY, f64::min);
                assert!((4.0..=16.0).contains(&top), "{view:?} {lang:?} {width}: first text at {top}");
            }
        }
    }
}

/// The timeline and the profile are their full charts less the header's
/// texts, every other shape moved up by the header's height; their items
/// and hit boxes too.
#[test]
fn below_the_header_a_plain_timeline_or_profile_is_the_full_one_moved_up() {
    let c = careto();
    for view in [View::Timeline, View::Profile] {
        for lang in LANGS {
            for width in WIDTHS {
                let full = layout(&c, view, lang, width, Header::Full);
                let plain = layout(&c, view, lang, width, Header::Plain);
                let (fs, ps) = (full.scene(), plain.scene());
                let dy = fs.height - ps.height;
                let header = fs.shapes.len() - ps.shapes.len();
                assert!(fs.shapes[1..=header].iter().all(|s| matches!(s, Shape::Text { .. })), "{view:?} {lang:?} {width}: the header is texts");
                for (f, p) in fs.shapes[1 + header..].iter().zip(&ps.shapes[1..]) {
                    assert_eq!(rounded(&shifted(f, -dy)), rounded(p), "{view:?} {lang:?} {width}");
                }
                let (fi, pi) = (full.items(), plain.items());
                assert_eq!(fi.len(), pi.len());
                for (f, p) in fi.iter().zip(&pi) {
                    assert_eq!(f.target, p.target);
                    assert!((f.rect.y - dy - p.rect.y).abs() < 1e-6, "{view:?} {lang:?} {width}: {f:?} {p:?}");
                    let (x, y) = (p.rect.x + p.rect.w / 2.0, p.rect.y + p.rect.h / 2.0);
                    assert_eq!(plain.hit(x, y), full.hit(x, y + dy), "{view:?} {lang:?} {width}: at ({x}, {y})");
                }
            }
        }
    }
}

/// Without the subtitle that named it, the bars' and the map's hedged
/// measure is named with its hedge where the legend's heading was: a
/// count still says what it counts. The bars and the map's world are the
/// full chart's, moved up; every bar is hit where it is drawn.
#[test]
fn a_plain_chart_still_names_its_hedged_measure_above_its_legend() {
    let c = careto();
    for (lang, named, heading) in [
        (Lang::En, "Counts, almost certainly of victim IP addresses:", "Count:"),
        (Lang::Es, "Cifras, casi con seguridad de direcciones IP de víctimas:", "Cifra:"),
    ] {
        for width in WIDTHS {
            for view in [View::Bars, View::Map] {
                let full = layout(&c, view, lang, width, Header::Full);
                let plain = layout(&c, view, lang, width, Header::Plain);
                let (f, p) = (texts(full.scene()), texts(plain.scene()));
                assert!(p.join(" ").contains(named), "{view:?} {lang:?} {width}: {p:?}");
                assert!(!p.iter().any(|t| t == heading), "{view:?} {lang:?} {width}: the short heading too");
                assert!(f.iter().any(|t| t == heading) && !f.join(" ").contains(named), "{view:?} {lang:?} {width}: the full chart as it was");
            }
            let (Layout::Bars(full), Layout::Bars(plain)) =
                (layout(&c, View::Bars, lang, width, Header::Full), layout(&c, View::Bars, lang, width, Header::Plain))
            else {
                panic!("bars")
            };
            let dy = full.scene.height - plain.scene.height;
            assert!(dy > 0.0);
            assert_eq!(full.bars.len(), plain.bars.len());
            for (f, p) in full.bars.iter().zip(&plain.bars) {
                assert_eq!((f.country, f.value, f.class), (p.country, p.value, p.class));
                assert!((f.rect.y - dy - p.rect.y).abs() < 1e-6 && f.rect.x == p.rect.x && f.rect.w == p.rect.w);
                assert_eq!(plain.hit(p.rect.x + 1.0, p.rect.y + p.rect.h / 2.0), Some(careto_viz::layout::Target::Country(p.country)));
            }
            #[allow(irrefutable_let_patterns)]
            let (Layout::Map(full), Layout::Map(plain)) = (layout(&c, View::Map, lang, width, Header::Full), layout(&c, View::Map, lang, width, Header::Plain)) else {
                panic!("map")
            };
            let dy = full.scene.height - plain.scene.height;
            assert!((full.frame.y - dy - plain.frame.y).abs() < 1e-6 && full.frame.h == plain.frame.h, "{lang:?} {width}");
        }
    }
}

/// A campaign whose measure has no hedge names it in the legend's heading
/// (as the full chart does), and draws no line above it.
#[test]
fn an_unhedged_measure_keeps_its_legend_heading() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/sample-campaign.json")).unwrap();
    let sample: Campaign = serde_json::from_str(&text).unwrap();
    assert!(sample.hedge(Lang::En).is_none());
    let measure = sample.measure.get(Lang::En);
    let heading = format!("{}{}:", measure[..1].to_uppercase(), &measure[1..]);
    for view in [View::Bars, View::Map] {
        let plain = texts(layout(&sample, view, Lang::En, 640.0, Header::Plain).scene());
        assert!(plain.contains(&heading), "{view:?}: {plain:?}");
        assert!(!plain.iter().any(|t| t.starts_with("Counts,")), "{view:?}: {plain:?}");
    }
}
