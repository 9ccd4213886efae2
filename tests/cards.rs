//! The PNG social cards (`make site` → `dist/img/card-<view>-<lang>.png`):
//! 1200 × 630, the whole chart on them (its title at the top, its source
//! line at the bottom: never cut off), text drawn in the bundled font, and
//! snapshots compared within a tolerance.
//!
//! References: `tests/snapshots/card-NAME.png`. A card that differs from its
//! reference by more than the tolerance writes `card-NAME.new.png` beside it
//! and fails; `UPDATE_SNAPSHOTS=1 cargo test --test cards` rewrites them
//! (look at them before committing).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
// Pixel arithmetic on a 1200 × 630 card: every value is small and non-negative.
#![allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]

use careto_viz::chart::{card_layout, card_png, ChartOptions, View};
use careto_viz::data::careto;
use careto_viz::layout::{Rect, Scene, Shape};
use careto_viz::model::Lang;
use careto_viz::render::card::{card_rgb, CARD_HEIGHT, CARD_WIDTH, SUPERSAMPLE};
use careto_viz::render::draw_shapes;
use careto_viz::render::raster::{Placement, Raster};
use careto_viz::theme::{Rgb, Theme, ThemeName};
use std::path::PathBuf;

const VIEWS: [View; 4] = [View::Bars, View::Timeline, View::Profile, View::Map];
const LANGS: [Lang; 2] = [Lang::En, Lang::Es];

fn options(view: View, lang: Lang, theme: ThemeName) -> ChartOptions {
    ChartOptions { view, lang, theme, ..ChartOptions::default() }
}

/// A pixel of `rgb` (the card's size).
fn pixel(rgb: &[u8], x: u32, y: u32) -> Rgb {
    let i = ((y * CARD_WIDTH + x) * 3) as usize;
    Rgb(rgb[i], rgb[i + 1], rgb[i + 2])
}

fn distance(a: Rgb, b: Rgb) -> u8 {
    a.0.abs_diff(b.0).max(a.1.abs_diff(b.1)).max(a.2.abs_diff(b.2))
}

/// The pixels of `rgb` inside `area` (card pixels, clipped to the card)
/// that stand out from the background: ink.
fn ink(rgb: &[u8], area: Rect, background: Rgb) -> (usize, usize) {
    let x0 = area.x.floor().max(0.0) as u32;
    let y0 = area.y.floor().max(0.0) as u32;
    let x1 = (area.right().ceil() as u32).min(CARD_WIDTH);
    let y1 = (area.bottom().ceil() as u32).min(CARD_HEIGHT);
    let (mut inked, mut all) = (0, 0);
    for y in y0..y1 {
        for x in x0..x1 {
            all += 1;
            if distance(pixel(rgb, x, y), background) > 64 {
                inked += 1;
            }
        }
    }
    (inked, all)
}

/// A scene's box (CSS px) on the card.
fn on_card(p: &Placement, r: Rect) -> Rect {
    let (x, y) = p.map(r.x, r.y);
    Rect { x, y, w: r.w * p.scale, h: r.h * p.scale }
}

/// The source line's text shapes: from the last text that starts it
/// ("Source…", "Fuente…") to the end of the scene's texts.
fn source_line(scene: &Scene) -> Vec<&Shape> {
    let texts: Vec<&Shape> = scene.shapes.iter().filter(|s| matches!(s, Shape::Text { .. })).collect();
    let start = texts
        .iter()
        .rposition(|s| matches!(s, Shape::Text { text, .. } if text.starts_with("Source") || text.starts_with("Fuente")))
        .expect("every chart has a source line");
    texts[start..].to_vec()
}

/// The union of the source line's text boxes, on the card.
fn source_band(scene: &Scene, p: &Placement) -> Rect {
    let boxes: Vec<Rect> = source_line(scene).into_iter().filter_map(Scene::text_box).collect();
    let x = boxes.iter().map(|b| b.x).fold(f64::INFINITY, f64::min);
    let y = boxes.iter().map(|b| b.y).fold(f64::INFINITY, f64::min);
    let r = boxes.iter().map(|b| b.right()).fold(f64::NEG_INFINITY, f64::max);
    let b = boxes.iter().map(|b| b.bottom()).fold(f64::NEG_INFINITY, f64::max);
    on_card(p, Rect { x, y, w: r - x, h: b - y })
}

/// Whether the band of the source line has text in it: at least 2 % of its
/// pixels inked (a line of 11 px text inks 10-20 % of its box).
fn source_line_drawn(rgb: &[u8], band: Rect, background: Rgb) -> Result<(), String> {
    let (inked, all) = ink(rgb, band, background);
    if all > 0 && inked >= 50 && inked * 50 >= all {
        Ok(())
    } else {
        Err(format!("the source line's band {band:?} has {inked} inked pixels of {all}"))
    }
}

#[test]
fn every_card_is_a_1200_by_630_png() {
    for view in VIEWS {
        for lang in LANGS {
            let png = card_png(&careto(), &options(view, lang, ThemeName::Light)).unwrap();
            let decoder = png::Decoder::new(std::io::Cursor::new(png));
            let reader = decoder.read_info().unwrap();
            let info = reader.info();
            assert_eq!((info.width, info.height), (1200, 630), "{view:?} {lang:?}");
            assert_eq!(info.color_type, png::ColorType::Rgb);
        }
    }
}

#[test]
fn every_card_shows_its_title_and_source_line_whole() {
    let campaign = careto();
    for theme in [ThemeName::Light, ThemeName::Dark] {
        let colours = Theme::named(theme);
        for view in VIEWS {
            for lang in LANGS {
                let name = format!("{view:?} {lang:?} {theme:?}");
                let layout = card_layout(&campaign, &options(view, lang, theme));
                let scene = layout.scene();
                let (rgb, placed) = card_rgb(scene, &colours).unwrap();
                // The whole scene is on the card, its last line included.
                let whole = on_card(&placed, Rect { x: 0.0, y: 0.0, w: scene.width, h: scene.height });
                assert!(whole.x >= 0.0 && whole.y >= 0.0, "{name}: {whole:?}");
                assert!(whole.right() <= f64::from(CARD_WIDTH) + 0.5 && whole.bottom() <= f64::from(CARD_HEIGHT) + 0.5, "{name}: {whole:?} is cut off");
                // Legible: the chart fills the card one way or the other.
                assert!(whole.w >= 1100.0 || whole.h >= 600.0, "{name}: only {whole:?}");
                // The source line is drawn, inside the card.
                let band = source_band(scene, &placed);
                assert!(band.bottom() <= f64::from(CARD_HEIGHT), "{name}: source line at {band:?} is below the card");
                source_line_drawn(&rgb, band, colours.background).unwrap_or_else(|e| panic!("{name}: {e}"));
                // The title, the first text, is drawn in the text colour.
                let title = scene.shapes.iter().find_map(Scene::text_box).unwrap();
                let title = on_card(&placed, title);
                let (inked, _) = ink(&rgb, title, colours.background);
                assert!(inked >= 100, "{name}: the title at {title:?} has {inked} inked pixels");
                let darkest = (title.y as u32..title.bottom() as u32)
                    .flat_map(|y| (title.x as u32..title.right() as u32).map(move |x| (x, y)))
                    .map(|(x, y)| distance(pixel(&rgb, x, y), colours.text))
                    .min()
                    .unwrap();
                assert!(darkest <= 24, "{name}: no pixel of the title is near the text colour (closest: {darkest} off)");
            }
        }
    }
}

#[test]
fn the_source_line_check_fails_when_the_line_is_missing() {
    // The check above, on a card whose scene lost its source line: it must
    // see the band empty (otherwise it would pass on a cut-off card).
    let campaign = careto();
    let theme = Theme::named(ThemeName::Light);
    for view in VIEWS {
        let layout = card_layout(&campaign, &options(view, Lang::En, ThemeName::Light));
        let scene = layout.scene();
        let (_, placed) = card_rgb(scene, &theme).unwrap();
        let band = source_band(scene, &placed);
        let lines: Vec<Shape> = source_line(scene).into_iter().cloned().collect();
        let mut cut = scene.clone();
        cut.shapes.retain(|s| !lines.contains(s));
        let (rgb, placed_cut) = card_rgb(&cut, &theme).unwrap();
        assert_eq!(placed_cut, placed);
        let err = source_line_drawn(&rgb, band, theme.background).unwrap_err();
        assert!(err.contains("has 0 inked pixels"), "{view:?}: {err}");
    }
}

/// The Spanish map card once had a thin straight line across the Indian
/// Ocean, from Shark Bay (Western Australia) down-left for some 60 px: the
/// spike of plotters' thick-path outline at a coast that, rounded to the
/// bitmap's pixels, turns back on itself (`render::raster`'s `pieces`).
#[test]
fn the_spanish_map_card_has_no_line_across_the_sea_off_australia() {
    let theme = Theme::named(ThemeName::Light);
    let layout = card_layout(&careto(), &options(View::Map, Lang::Es, ThemeName::Light));
    let (rgb, _) = card_rgb(layout.scene(), &theme).unwrap();
    // Open sea south-west of Australia's west coast; the line crossed it
    // from (792, 450) to (758, 493).
    let inked: Vec<(u32, u32)> = (455..500).flat_map(|y| (745..789).map(move |x| (x, y))).filter(|&(x, y)| pixel(&rgb, x, y) != theme.background).collect();
    assert!(inked.is_empty(), "{} pixels of the sea off Australia are drawn on, e.g. {:?}", inked.len(), &inked[..inked.len().min(5)]);
}

/// Every outline of the map cards (countries, coasts), drawn alone on the
/// cards' bitmap as the card draws it, stays within its points' box and a
/// stroke's width around it: no join of a thick path reaches out beyond.
#[test]
fn no_outline_on_a_map_card_draws_beyond_its_points() {
    let theme = Theme::named(ThemeName::Light);
    let mut failures = Vec::new();
    for lang in LANGS {
        let layout = card_layout(&careto(), &options(View::Map, lang, ThemeName::Light));
        let scene = layout.scene();
        let css = (scene.width.round() as u32, scene.height.round() as u32);
        let placed = careto_viz::render::card::placement(f64::from(css.0), f64::from(css.1));
        let ss = f64::from(SUPERSAMPLE);
        let scale = placed.scale * ss;
        for (i, shape) in scene.shapes.iter().enumerate() {
            let Shape::Path { points, stroke } = shape else { continue };
            // The points on the card's bitmap, as `Raster` places them.
            let on_bitmap: Vec<(f64, f64)> = points.iter().map(|p| (p.x.round() * scale + placed.x * ss, p.y.round() * scale + placed.y * ss)).collect();
            let reach = (stroke.width * scale).ceil() + 1.0;
            let min_x = on_bitmap.iter().map(|p| p.0).fold(f64::INFINITY, f64::min).round() - reach;
            let min_y = on_bitmap.iter().map(|p| p.1).fold(f64::INFINITY, f64::min).round() - reach;
            let max_x = on_bitmap.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max).round() + reach;
            let max_y = on_bitmap.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max).round() + reach;
            // A small bitmap around the box, with a margin to catch a spike;
            // moved by whole pixels, so every point rounds as on the card's.
            let margin = 64.0;
            let (left, top) = (min_x - margin, min_y - margin);
            let size = ((max_x - min_x + 2.0 * margin) as u32 + 1, (max_y - min_y + 2.0 * margin) as u32 + 1);
            let mut rgb = vec![255u8; (size.0 * size.1 * 3) as usize];
            {
                let moved = Placement { scale, x: placed.x * ss - left, y: placed.y * ss - top };
                let mut raster = Raster::new(&mut rgb, size, css, moved).unwrap();
                draw_shapes(std::slice::from_ref(shape), &theme, &mut raster, 1.0).unwrap();
            }
            // Where a byte of `rgb` is on the card's bitmap.
            let at = |n: usize| {
                let n = n as u32;
                (f64::from(n % size.0) + left, f64::from(n / size.0) + top)
            };
            let outside: Vec<(f64, f64)> = rgb
                .chunks_exact(3)
                .enumerate()
                .filter(|(_, px)| *px != [255, 255, 255])
                .map(|(n, _)| at(n))
                .filter(|&(x, y)| x < min_x || x > max_x || y < min_y || y > max_y)
                .collect();
            if let Some(&(x, y)) = outside.first() {
                failures.push(format!(
                    "{lang:?} path {i}: {} pixels beyond its points' box, e.g. ({x}, {y}) on the bitmap ({}, {} on the card)",
                    outside.len(),
                    x / ss,
                    y / ss
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Careto with `n` countries, each with a published count, instead of its own.
fn with_countries(n: usize) -> careto_viz::model::Campaign {
    use std::borrow::Cow;
    let mut c = careto();
    let template = c.countries[0].clone();
    let countries = (0..n).map(|i| {
        let mut k = template.clone();
        k.code = Cow::Owned(format!("X{}{}", char::from(b'A' + (i / 26) as u8), char::from(b'A' + (i % 26) as u8)));
        let name = format!("Country {i}");
        k.name = careto_viz::model::Text { en: name.clone().into(), es: name.into() };
        k.count = careto_viz::model::Count::Published(u32::try_from(i + 1).unwrap());
        k.alternatives = Cow::Owned(vec![]);
        k
    });
    c.countries = Cow::Owned(countries.collect());
    c
}

#[test]
fn a_chart_taller_than_the_card_is_scaled_down_not_cut() {
    // 80 bars: about three cards tall at any width.
    let campaign = with_countries(80);
    let layout = card_layout(&campaign, &options(View::Bars, Lang::En, ThemeName::Light));
    let scene = layout.scene();
    assert!(scene.height > 2.5 * f64::from(CARD_HEIGHT), "{}", scene.height);
    let theme = Theme::named(ThemeName::Light);
    let (rgb, placed) = card_rgb(scene, &theme).unwrap();
    assert!(placed.scale < 0.4, "{placed:?}");
    let whole = on_card(&placed, Rect { x: 0.0, y: 0.0, w: scene.width, h: scene.height });
    assert!(whole.y >= 0.0 && whole.bottom() <= f64::from(CARD_HEIGHT) + 0.5, "{whole:?}");
    // Its source line, a few pixels high at this scale, is on the card and inked.
    let band = source_band(scene, &placed);
    assert!(band.bottom() <= f64::from(CARD_HEIGHT), "{band:?}");
    let (inked, all) = ink(&rgb, band, theme.background);
    assert!(inked * 50 >= all && inked > 20, "{band:?}: {inked} of {all}");
}

#[test]
fn text_without_a_glyph_in_the_font_is_an_error_not_a_box() {
    let mut scene = Scene { width: 300.0, height: 100.0, shapes: Vec::new() };
    scene.shapes.push(Shape::Text {
        text: "Tokyo 東京".into(),
        at: careto_viz::layout::Point { x: 10.0, y: 50.0 },
        anchor: careto_viz::layout::Anchor::LeftMiddle,
        size: 13.0,
        weight: careto_viz::text::Weight::Normal,
        paint: careto_viz::layout::Paint::Text,
    });
    let err = card_rgb(&scene, &Theme::named(ThemeName::Light)).unwrap_err().to_string();
    assert!(err.contains("the card font (Liberation Sans 2.1.5) has no glyph for '東' (U+6771)"), "{err}");
}

// ---------------------------------------------------------------- snapshots

fn snapshots() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("snapshots")
}

fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgb);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// How far two cards are apart: the pixels whose channels differ by more
/// than 48 (of 255), and the mean difference per channel.
fn difference(a: &[u8], b: &[u8]) -> (usize, f64) {
    let mut far = 0;
    let mut sum = 0u64;
    for (pa, pb) in a.chunks_exact(3).zip(b.chunks_exact(3)) {
        let (d0, d1, d2) = (pa[0].abs_diff(pb[0]), pa[1].abs_diff(pb[1]), pa[2].abs_diff(pb[2]));
        if d0 > 48 || d1 > 48 || d2 > 48 {
            far += 1;
        }
        sum += u64::from(d0) + u64::from(d1) + u64::from(d2);
    }
    (far, sum as f64 / a.len().max(1) as f64)
}

/// At most this share of the card's pixels may differ by more than 48, and
/// the mean difference must stay under 1.0 of 255: enough for rounding and
/// rasteriser noise, far too little for a moved label or a missing line.
const MAX_FAR_PIXELS: usize = (CARD_WIDTH * CARD_HEIGHT / 500) as usize; // 0.2 %
const MAX_MEAN: f64 = 1.0;

#[test]
fn cards_match_their_references_within_tolerance() {
    let campaign = careto();
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    let mut failures = Vec::new();
    for (view, lang, name) in [
        (View::Bars, Lang::En, "card-bars-en"),
        (View::Timeline, Lang::Es, "card-timeline-es"),
        (View::Profile, Lang::En, "card-profile-en"),
        (View::Map, Lang::Es, "card-map-es"),
    ] {
        let png = card_png(&campaign, &options(view, lang, ThemeName::Light)).unwrap();
        let golden = snapshots().join(format!("{name}.png"));
        let new = snapshots().join(format!("{name}.new.png"));
        if update {
            std::fs::write(&golden, &png).unwrap();
            let _ = std::fs::remove_file(&new);
            continue;
        }
        let Ok(expected) = std::fs::read(&golden) else {
            std::fs::write(&golden, &png).unwrap();
            failures.push(format!("{name}: no reference, so {} was written; look at it, commit it if right", golden.display()));
            continue;
        };
        let (w, h, expected) = decode(&expected);
        let (_, _, actual) = decode(&png);
        assert_eq!((w, h), (CARD_WIDTH, CARD_HEIGHT), "{name}: the reference is {w}×{h}");
        let (far, mean) = difference(&expected, &actual);
        if far > MAX_FAR_PIXELS || mean > MAX_MEAN {
            std::fs::write(&new, &png).unwrap();
            failures.push(format!(
                "{name}: {far} pixels differ by more than 48 (at most {MAX_FAR_PIXELS}), mean difference {mean:.3} (at most {MAX_MEAN}); \
                 the new card is tests/snapshots/{name}.new.png; accept with UPDATE_SNAPSHOTS=1 cargo test --test cards"
            ));
        } else {
            let _ = std::fs::remove_file(&new);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_tolerance_catches_a_moved_chart() {
    // One card against itself moved by 2 px: over the tolerance.
    let campaign = careto();
    let layout = card_layout(&campaign, &options(View::Bars, Lang::En, ThemeName::Light));
    let theme = Theme::named(ThemeName::Light);
    let (rgb, _) = card_rgb(layout.scene(), &theme).unwrap();
    assert_eq!(difference(&rgb, &rgb), (0, 0.0));
    let row = (CARD_WIDTH * 3) as usize;
    let mut moved = rgb[2 * row..].to_vec();
    moved.extend_from_slice(&rgb[..2 * row]);
    let (far, mean) = difference(&rgb, &moved);
    assert!(far > MAX_FAR_PIXELS || mean > MAX_MEAN, "{far} {mean}");
}

// ---------------------------------------------------------------- the pages' tags

/// The content of each `<meta property|name=…>` of `html`, by key (the
/// entities our pages use decoded).
fn meta_tags(html: &str) -> std::collections::HashMap<String, String> {
    let mut tags = std::collections::HashMap::new();
    for tag in html.split("<meta ").skip(1).map(|rest| &rest[..rest.find('>').unwrap()]) {
        let attr = |name: &str| tag.split(&format!("{name}=\"")).nth(1).map(|v| v[..v.find('"').unwrap()].to_string());
        if let (Some(key), Some(content)) = (attr("property").or_else(|| attr("name")), attr("content")) {
            tags.insert(key, content.replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&"));
        }
    }
    tags
}

#[test]
fn the_pages_show_the_card_of_their_default_view_with_its_words() {
    // index.html's first chart and embed.html's default view: bars, English.
    let campaign = careto();
    let title = careto_viz::describe::title(&campaign, View::Bars, Lang::En);
    // The card's alt text: what its header says (the title and the headline figures).
    let headline = careto_viz::describe::headline_sentence(&campaign, Lang::En);
    let alt = format!("{title}. {}", headline.trim());
    for page in ["index.html", "embed.html"] {
        let html = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www").join(page)).unwrap();
        let tags = meta_tags(&html);
        let get = |k: &str| tags.get(k).map(String::as_str).unwrap_or_else(|| panic!("{page}: no {k}"));
        // Relative in www/; make site makes it absolute from SITE_URL.
        assert_eq!(get("og:image"), "img/card-bars-en.png", "{page}");
        assert_eq!(get("og:image:alt"), alt, "{page}: og:image:alt is not the card's title and headline figures");
        assert_eq!((get("og:image:width"), get("og:image:height")), ("1200", "630"), "{page}");
        assert_eq!(get("twitter:card"), "summary_large_image", "{page}");
        if page == "embed.html" {
            assert_eq!(get("og:title"), title, "{page}: og:title is not the chart's title");
            assert_eq!(get("og:description"), headline.trim(), "{page}: og:description");
        } else {
            assert!(html.contains(&format!("<title>{}</title>", get("og:title"))), "{page}: og:title is not the page's title");
            assert_eq!(Some(get("og:description")), tags.get("description").map(String::as_str), "{page}: og:description");
        }
    }
}

/// `careto-render` with `args`: its standard output, or its error.
fn careto_render(args: &[&str]) -> Result<String, String> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_careto-render")).args(args).output().unwrap();
    if out.status.success() {
        Ok(String::from_utf8(out.stdout).unwrap())
    } else {
        Err(String::from_utf8(out.stderr).unwrap())
    }
}

/// `careto-render --page` with `args` (a template first).
fn share_page(args: &[&str]) -> Result<String, String> {
    careto_render(&[&["--page"], args].concat())
}

#[test]
fn each_view_has_a_page_to_share_it_by_with_its_own_card() {
    // A crawler runs no script: a link to embed.html?view=map shows
    // embed.html's card (the bars'); chart-map-es.html shows the map's.
    let campaign = careto();
    let template = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/embed.html");
    let template = template.to_str().unwrap();
    for view in VIEWS {
        for lang in LANGS {
            let (v, l) = (view.as_str(), lang.as_str());
            let html = share_page(&[template, "--view", v, "--lang", l]).unwrap();
            let tags = meta_tags(&html);
            let get = |k: &str| tags.get(k).map(String::as_str).unwrap_or_else(|| panic!("{v} {l}: no {k}"));
            let title = careto_viz::describe::title(&campaign, view, lang);
            let headline = careto_viz::describe::headline_sentence(&campaign, lang);
            assert!(html.contains(&format!("<html lang=\"{l}\" data-view=\"{v}\" data-lang=\"{l}\">")), "{v} {l}: <html> names the view and language");
            assert!(html.contains(&format!("<title>{title}</title>")), "{v} {l}: <title>");
            assert_eq!(get("og:title"), title, "{v} {l}");
            assert_eq!(get("og:description"), headline.trim(), "{v} {l}");
            assert_eq!(get("og:image"), format!("img/card-{v}-{l}.png"), "{v} {l}");
            assert_eq!(get("og:image:alt"), format!("{title}. {}", headline.trim()), "{v} {l}");
            assert_eq!(get("twitter:card"), "summary_large_image", "{v} {l}");
            let noscript = &html[html.find("<noscript>").unwrap()..html.find("</noscript>").unwrap()];
            assert!(noscript.contains(&format!("src=\"img/{v}-{l}-light.svg\" alt=\"{title}. ")), "{v} {l}: {noscript}");
            // In the reader's theme, and drawn at a phone's width on a phone: the first source that matches wins.
            let sources: Vec<&str> = noscript.split("<source ").skip(1).collect();
            let want = [
                ("(max-width: 520px) and (prefers-color-scheme: dark)", format!("img/{v}-{l}-dark-375.svg")),
                ("(max-width: 520px)", format!("img/{v}-{l}-light-375.svg")),
                ("(prefers-color-scheme: dark)", format!("img/{v}-{l}-dark.svg")),
            ];
            assert_eq!(sources.len(), want.len(), "{v} {l}: {noscript}");
            for (source, (media, srcset)) in sources.iter().zip(&want) {
                assert!(source.starts_with(&format!("media=\"{media}\" srcset=\"{srcset}\">")), "{v} {l}: {source}");
            }
            assert!(!noscript.contains("<a "), "{v} {l}: the page's own image, not links to others");
            // A CMS given the page's address finds its oEmbed answer (make site makes the address absolute).
            assert!(
                html.contains(&format!("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"oembed-{v}-{l}.json\" title=\"{title}\">")),
                "{v} {l}: the oEmbed link"
            );
        }
    }
    // A template that is not embed.html: refused, saying what is missing.
    let bare = std::env::temp_dir().join(format!("careto-share-{}.html", std::process::id()));
    std::fs::write(&bare, "<!doctype html><html lang=\"en\"><title>x</title><body></body></html>").unwrap();
    let err = share_page(&[bare.to_str().unwrap(), "--view", "map"]).unwrap_err();
    let _ = std::fs::remove_file(&bare);
    assert!(err.contains("no property=\"og:title\" content=\" in the template"), "{err}");
}

/// `careto-render --oembed` with `args` (a site's address first).
fn oembed(args: &[&str]) -> Result<String, String> {
    careto_render(&[&["--oembed"], args].concat())
}

#[test]
fn each_share_page_has_an_oembed_answer_with_the_charts_height_at_640_px() {
    // A CMS that keeps the iframe alone (WordPress) shows it at the answer's
    // height: the canvas at 640 px and the controls row of its four buttons,
    // as careto-viz.css reserves it (tests/page/embed.test.mjs draws it there).
    let campaign = careto();
    for view in VIEWS {
        for lang in LANGS {
            let (v, l) = (view.as_str(), lang.as_str());
            let json = oembed(&["https://graphics.example.org/careto/", "--view", v, "--lang", l]).unwrap();
            let answer: serde_json::Value = serde_json::from_str(&json).unwrap();
            let options = ChartOptions { view, lang, width: 640.0, ..ChartOptions::default() };
            let height = careto_viz::chart::canvas_height(&campaign, &options) + careto_viz::chart::controls::height(4, 640);
            assert_eq!(answer["height"], height, "{v} {l}");
            assert_eq!(answer["width"], 640, "{v} {l}");
            assert_eq!(answer["type"], "rich", "{v} {l}");
            assert_eq!(answer["version"], "1.0", "{v} {l}");
            assert_eq!(answer["title"], careto_viz::describe::title(&campaign, view, lang), "{v} {l}");
            assert_eq!(answer["thumbnail_url"], format!("https://graphics.example.org/careto/img/card-{v}-{l}.png"), "{v} {l}");
            let html = answer["html"].as_str().unwrap();
            let src = format!("<iframe src=\"https://graphics.example.org/careto/embed.html?view={v}&amp;lang={l}&amp;theme=auto\" ");
            assert!(html.contains(&src), "{v} {l}: {html}");
            assert!(html.contains(&format!(" height=\"{height}\" ")), "{v} {l}: {html}");
            assert!(html.contains("<script src=\"https://graphics.example.org/careto/careto-viz-frame.js\" defer></script>"), "{v} {l}: {html}");
        }
    }
    // Without a site (make site SITE_URL=): relative addresses, for a local look.
    let local: serde_json::Value = serde_json::from_str(&oembed(&["", "--view", "map"]).unwrap()).unwrap();
    assert_eq!(local["thumbnail_url"], "img/card-map-en.png");
    assert!(local["html"].as_str().unwrap().contains("<iframe src=\"embed.html?view=map&amp;lang=en&amp;theme=auto\" "));
    // Refused, saying why.
    let err = oembed(&["https://graphics.example.org/careto", "--view", "bars", "--width", "375"]).unwrap_err();
    assert!(err.contains("--oembed gives the chart's height at 640 px"), "{err}");
    let err = oembed(&["https://example.org/a b", "--view", "bars"]).unwrap_err();
    assert!(err.contains("is not the address of a folder"), "{err}");
}

/// The library's bars of `campaign` at 500 px, in English.
fn want_bars(campaign: &careto_viz::model::Campaign) -> String {
    careto_viz::chart::svg(campaign, &ChartOptions { view: View::Bars, lang: Lang::En, width: 500.0, ..ChartOptions::default() }).unwrap()
}

#[test]
fn a_campaign_of_ones_own_gets_its_static_images_and_cards() {
    // A newsroom's next campaign needs what The Mask's pages have: a
    // picture where scripts cannot run, a card where the link is shared.
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/sample-campaign.json");
    let sample = sample.to_str().unwrap();
    let campaign = careto_viz::campaign_reader::read_file(sample).unwrap();
    for (view, lang) in [(View::Bars, Lang::En), (View::Timeline, Lang::Es), (View::Map, Lang::En)] {
        let svg = careto_render(&["--campaign", sample, "--view", view.as_str(), "--lang", lang.as_str(), "--width", "500"]).unwrap();
        // The same drawing as the library's of the campaign the page would read.
        let want = careto_viz::chart::svg(&campaign, &ChartOptions { view, lang, width: 500.0, ..ChartOptions::default() }).unwrap();
        assert_eq!(svg, want, "{view:?} {lang:?}");
        // Its title (in lines: the first two words stay together at 500 px).
        let name = if lang == Lang::En { "Sample campaign" } else { "Campaña de" };
        assert!(careto_viz::describe::title(&campaign, view, lang).starts_with(name), "{view:?} {lang:?}");
        assert!(svg.contains(name), "{view:?} {lang:?}: the SVG does not show the sample's title");
        assert!(!svg.contains("Careto"), "{view:?} {lang:?}: The Mask's words in the sample's picture");
    }
    let card = std::env::temp_dir().join(format!("careto-own-card-{}.png", std::process::id()));
    careto_render(&["--card", "--campaign", sample, "--view", "bars", "--out", card.to_str().unwrap()]).unwrap();
    let (w, h, _) = decode(&std::fs::read(&card).unwrap());
    let _ = std::fs::remove_file(&card);
    assert_eq!((w, h), (CARD_WIDTH, CARD_HEIGHT));

    // A file that mount would refuse is refused with mount's words, after its name.
    let dir = std::env::temp_dir();
    let bad = dir.join(format!("careto-own-bad-{}.json", std::process::id()));
    let mut value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(sample).unwrap()).unwrap();
    value["country"][1]["count"] = serde_json::json!(-3);
    std::fs::write(&bad, value.to_string()).unwrap();
    let err = careto_render(&["--campaign", bad.to_str().unwrap(), "--view", "bars"]).unwrap_err();
    assert!(err.starts_with(&format!("careto-render: {}: campaign.country[1].count: ", bad.display())), "{err}");
    // Saved with a byte order mark (Excel, Notepad): read, as a page's response.json() reads it.
    std::fs::write(&bad, format!("\u{feff}{}", std::fs::read_to_string(sample).unwrap())).unwrap();
    assert_eq!(careto_render(&["--campaign", bad.to_str().unwrap(), "--view", "bars", "--width", "500"]).unwrap(), want_bars(&campaign));
    std::fs::write(&bad, "{ \"name\": ").unwrap();
    let err = careto_render(&["--campaign", bad.to_str().unwrap(), "--view", "bars"]).unwrap_err();
    let _ = std::fs::remove_file(&bad);
    assert!(err.contains(": not JSON: "), "{err}");
    let err = careto_render(&["--campaign", sample, "--page", "www/embed.html", "--view", "bars"]).unwrap_err();
    assert!(err.contains("--campaign draws your campaign's images and cards only"), "{err}");
}
