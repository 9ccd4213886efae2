//! The world map's layout: what is filled how, where the markers are, hit
//! testing at known places (a marker, a country, an enclave, the sea), the
//! keyboard order and the words, on the compiled-in data.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use careto_viz::chart::{ChartOptions, Header, Layout, View};
use careto_viz::data::careto;
use careto_viz::geo::projection::equal_earth;
use careto_viz::layout::map::{even_odd, MapLayout, INSET, INSET_ASPECT, INSET_BELOW, MARKER_BELOW_AREA, MARKER_DISC, MARKER_HIT_RADIUS, OUTLINE_RING};
use careto_viz::layout::{Paint, Point, Scene, Shape, Target};
use careto_viz::model::{Campaign, Count, Lang};

fn map(width: f64, lang: Lang) -> MapLayout {
    MapLayout::new(&careto(), careto_viz::geo::builtin(), width, lang)
}

fn idx(c: &Campaign, code: &str) -> usize {
    c.countries.iter().position(|k| k.code == code).unwrap_or_else(|| panic!("no country {code}"))
}

/// Where `(lon, lat)` is drawn in the inset of `l` (which must have one).
fn in_inset(l: &MapLayout, lon: f64, lat: f64) -> Point {
    let r = l.inset.unwrap();
    let zoom = r.w / INSET.w;
    let (x, y) = equal_earth(lon, lat);
    Point { x: r.x + (x - INSET.x) * zoom, y: r.y + (-y - INSET.y) * zoom }
}

/// Where `(lon, lat)` is drawn on `l`.
fn at(l: &MapLayout, lon: f64, lat: f64) -> Point {
    let b = careto_viz::geo::builtin().bounds;
    let scale = l.frame.w / b.w;
    let (x, y) = equal_earth(lon, lat);
    Point { x: l.frame.x + (x - b.x) * scale, y: l.frame.y + (-y - b.y) * scale }
}

fn hit_code(l: &MapLayout, p: Point) -> Option<String> {
    l.hit(p.x, p.y).map(|t| match t {
        Target::Country(i) => careto().countries[i].code.to_string(),
        other => panic!("{other:?}"),
    })
}

fn country<'a>(l: &'a MapLayout, code: &str) -> &'a careto_viz::layout::map::MapCountry {
    let i = idx(&careto(), code);
    l.countries.iter().find(|k| k.country == i).unwrap_or_else(|| panic!("{code} is not on the map"))
}

fn texts(scene: &Scene) -> Vec<String> {
    scene.shapes.iter().filter_map(|s| if let Shape::Text { text, .. } = s { Some(text.clone()) } else { None }).collect()
}

#[test]
fn hit_testing_at_known_places() {
    let l = map(640.0, Lang::En);
    // Southern Morocco (Agadir's hinterland), Brasília, Beijing: their countries.
    // (Rabat, under Gibraltar's marker's disc at 640 px, is Gibraltar's.)
    assert_eq!(hit_code(&l, at(&l, -6.8, 34.0)).as_deref(), Some("GIB"));
    assert_eq!(hit_code(&l, at(&l, -9.0, 30.0)).as_deref(), Some("MAR"));
    assert_eq!(hit_code(&l, at(&l, -47.9, -15.8)).as_deref(), Some("BRA"));
    assert_eq!(hit_code(&l, at(&l, 116.4, 39.9)).as_deref(), Some("CHN"));
    assert_eq!(hit_code(&l, at(&l, -99.1, 19.4)).as_deref(), Some("MEX"), "Mexico City");
    // Gibraltar's marker, at its centre and 10 px away in the Atlantic
    // (inside the 12 px), selects Gibraltar; 10 px away in Spain, a country
    // drawn there, it does not: the tolerance never takes a tap from a shape.
    let gib = country(&l, "GIB").marker.expect("Gibraltar has a marker");
    assert_eq!(hit_code(&l, gib).as_deref(), Some("GIB"));
    assert_eq!(hit_code(&l, Point { x: gib.x - 10.0, y: gib.y }).as_deref(), Some("GIB"));
    assert_eq!(hit_code(&l, Point { x: gib.x, y: gib.y - 10.0 }).as_deref(), Some("ESP"));
    // Beyond 12 px from every marker, in Spain: Spain.
    let north_spain = at(&l, -4.0, 42.5);
    assert!(l.countries.iter().filter_map(|k| k.marker).all(|m| (m.x - north_spain.x).hypot(m.y - north_spain.y) > MARKER_HIT_RADIUS));
    assert_eq!(hit_code(&l, north_spain).as_deref(), Some("ESP"));
    // The sea, a country with no victims reported (Kazakhstan) and an
    // enclave (Lesotho, a hole in South Africa): nothing. South Africa around it: South Africa.
    assert_eq!(hit_code(&l, at(&l, -30.0, 30.0)), None, "the Atlantic");
    assert_eq!(hit_code(&l, at(&l, 68.0, 48.0)), None, "Kazakhstan");
    assert_eq!(hit_code(&l, at(&l, 28.2, -29.6)), None, "Lesotho");
    assert_eq!(hit_code(&l, at(&l, 24.0, -30.0)).as_deref(), Some("ZAF"));
    assert_eq!(l.hit(f64::NAN, 10.0), None);
}

#[test]
fn every_countrys_anchor_hits_it_at_every_width() {
    // `Chart.pointOf` gives the anchor as "a point that hits it". At 375 px
    // France sits under Belgium's, Switzerland's and the UK's markers: a tap
    // 12 px from them used to be theirs, and France's anchor Belgium's.
    let c = careto();
    for width in (280..=1280).step_by(5).map(f64::from) {
        let l = map(width, Lang::En);
        for k in &l.countries {
            let code = &c.countries[k.country].code;
            assert_eq!(hit_code(&l, k.anchor).as_deref(), Some(&**code), "{width}: the anchor of {code}");
        }
    }
}

/// At phone widths Western Europe's countries are too small to see, and
/// their markers fell on one another: at 375 px France's, Belgium's,
/// Switzerland's and Germany's were 4-5 px apart, 12 px wide, so that
/// some could not be seen at all. Markers are moved apart until none covers
/// another; one moved off its country has a leader line back to it.
#[test]
fn markers_never_cover_one_another_and_a_moved_one_leads_back() {
    let c = careto();
    for width in (280..=1280).step_by(5).map(f64::from) {
        let l = map(width, Lang::En);
        let markers: Vec<(&str, Point)> = l.countries.iter().filter_map(|k| Some((&*c.countries[k.country].code, k.marker?))).collect();
        for (i, (a, p)) in markers.iter().enumerate() {
            for (b, q) in &markers[i + 1..] {
                let d = ((p.x - q.x).powi(2) + (p.y - q.y).powi(2)).sqrt();
                assert!(d >= 2.0 * MARKER_DISC, "{width}: the markers of {a} and {b} are {d:.1} px apart");
            }
            assert!(l.bounds().contains(p.x, p.y), "{width}: {a}'s marker {p:?} is off the map");
        }
        for k in &l.countries {
            let code = &c.countries[k.country].code;
            let (Some(site), Some(m)) = (k.site, k.marker) else { continue };
            let leader = l.scene.shapes.iter().any(|s| matches!(s, Shape::Path { points, stroke } if points[..] == [site, m] && stroke.paint == Paint::Muted));
            assert!(leader, "{width}: {code}'s marker moved from {site:?} to {m:?} without a leader line");
            // Its leader starts on the country: in its shape, or at its place (Gibraltar).
            if !k.polygons.is_empty() {
                assert!(
                    k.polygons.iter().any(|p| even_odd(p, site.x, site.y))
                        || k.polygons.iter().flatten().flatten().any(|v| (v.x - site.x).abs() < 3.0 && (v.y - site.y).abs() < 3.0),
                    "{width}: {code}'s leader starts at {site:?}, off its shape"
                );
            }
        }
    }
    // At 375 px, France's, Belgium's, Switzerland's and Germany's were within
    // 5 px of one another; they are shapes in the inset now. At 240 px
    // Central America's still would be: moved apart, and they lead back.
    let l = map(240.0, Lang::En);
    let moved: Vec<&str> = ["COL", "CRI", "GTM", "CUB"].into_iter().filter(|code| country(&l, code).site.is_some()).collect();
    assert!(moved.len() >= 2, "{moved:?}");
}

#[test]
fn a_point_in_one_countrys_box_but_anothers_shape_is_found() {
    // Regression (the layout fuzz target): the index stopped at the first
    // polygon whose box held the point. Ciudad Juárez (31.7 N, 106.4 W) is
    // inside the United States' box and Mexico's shape.
    let l = map(640.0, Lang::En);
    let p = at(&l, -106.0, 30.0);
    let usa = country(&l, "USA");
    let usa_box = careto_viz::layout::points_box(&usa.polygons.iter().max_by(|a, b| a[0].len().cmp(&b[0].len())).unwrap()[0], 0.0);
    assert!(usa_box.contains(p.x, p.y), "the case needs the point in the USA's box");
    assert_eq!(hit_code(&l, p).as_deref(), Some("MEX"));
}

#[test]
fn the_index_agrees_with_a_search_of_every_shape() {
    for width in [280.0, 375.0, 640.0, 1280.0] {
        let l = map(width, Lang::En);
        let f = l.bounds();
        for i in 0..=160 {
            for j in 0..=80 {
                let (x, y) = (f.x + f.w * f64::from(i) / 160.0, f.y + f.h * f64::from(j) / 80.0);
                assert_eq!(l.hit(x, y), l.hit_without_index(x, y), "{width}: ({x}, {y})");
            }
        }
    }
}

#[test]
fn markers_for_gibraltar_always_and_small_countries_at_small_widths() {
    let has = |l: &MapLayout, code: &str| country(l, code).marker.is_some();
    for width in [280.0, 640.0, 1280.0, 4096.0] {
        let l = map(width, Lang::En);
        assert!(has(&l, "GIB"), "{width}: Gibraltar, absent from 1:110m, always has a marker");
        assert!(country(&l, "GIB").polygons.is_empty());
        for k in &l.countries {
            // (A country whose shape is all under others' markers has one too.)
            if k.polygons.is_empty() || k.area < MARKER_BELOW_AREA {
                assert!(k.marker.is_some(), "{width}: {}", k.country);
            }
        }
    }
    let l = map(640.0, Lang::En);
    for code in ["CHE", "CRI", "TUN", "BEL"] {
        assert!(has(&l, code), "640: {code} ({:.0} px²) gets a marker", country(&l, code).area);
    }
    for code in ["ESP", "FRA", "MAR", "GBR", "USA", "BRA"] {
        assert!(!has(&l, code), "640: {code} is big enough");
    }
    let wide = map(1280.0, Lang::En);
    assert!(!has(&wide, "TUN"), "1280: Tunisia ({:.0} px²) is big enough", country(&wide, "TUN").area);
    assert!(has(&wide, "CHE"), "1280: Switzerland ({:.0} px²) still is not", country(&wide, "CHE").area);
    // Each marker is drawn: a disc in the class's fill.
    let class = country(&l, "CHE").class.unwrap();
    let m = country(&l, "CHE").marker.unwrap();
    assert!(l.scene.shapes.iter().any(|s| matches!(s, Shape::Circle { center, fill: Some(Paint::Class(k)), .. } if *center == m && *k == class)));
}

/// The source line says what the dots are only on a map that draws one: a
/// newsroom's campaign of large countries draws none at any width (before
/// 2026-12-05 its map said "dots mark countries too small to see" all the
/// same); Switzerland's gets one at every width, and The Mask's too
/// (Gibraltar). The height without the world drawn follows (careto-reserve).
#[test]
fn the_source_line_speaks_of_dots_only_when_a_dot_is_drawn() {
    let world = careto_viz::geo::builtin();
    let careto = careto();
    let only = |codes: &[&str]| {
        let mut c = careto.clone();
        for code in codes {
            add_place(&mut c, code, code, Count::Published(5));
        }
        c.countries.to_mut().retain(|k| codes.contains(&&*k.code) && k.name.en == k.code);
        c
    };
    let large = only(&["USA", "BRA", "CHN", "AUS"]);
    let with_small = only(&["USA", "BRA", "CHE"]);
    let says = |l: &MapLayout, lang: Lang| {
        let dots = if lang == Lang::En { "dots mark countries" } else { "los puntos señalan" };
        texts(&l.scene).join(" ").replace("  ", " ").contains(dots)
    };
    for lang in [Lang::En, Lang::Es] {
        for width in (240..=1280).step_by(40).map(f64::from) {
            for (c, dots) in [(&large, false), (&with_small, true), (&careto, true)] {
                let l = MapLayout::new(c, world, width, lang);
                let drawn = l.countries.iter().any(|k| k.marker.is_some());
                assert_eq!(drawn, dots, "{width} px: a marker drawn");
                assert_eq!(says(&l, lang), dots, "{width} px {lang:?}: the source line and the dots");
                assert!(texts(&l.scene).join(" ").contains(if lang == Lang::En { "Equal Earth projection" } else { "proyección Equal Earth" }));
                assert_eq!(MapLayout::height(c, world, width, lang, Header::Full), l.scene.height, "{width} px {lang:?}");
            }
        }
    }
}

/// The fills of polygons drawn around `p`.
fn fills_at(l: &MapLayout, p: Point) -> Vec<Paint> {
    l.scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Polygon { points, fill } if even_odd(std::slice::from_ref(points), p.x, p.y) => Some(*fill),
            _ => None,
        })
        .collect()
}

#[test]
fn published_counts_take_the_bars_classes_the_others_hatching_or_the_land_tone() {
    let c = careto();
    let l = map(640.0, Lang::En);
    let bars = careto_viz::layout::BarsLayout::new(&c, 640.0, Lang::En);
    assert_eq!(l.color_scale, bars.color_scale, "one colour scale");
    // Morocco (384) in the top class, the bar's; Algeria (1) in the lowest.
    let class_of = |code: &str| bars.bars.iter().find(|b| b.country == idx(&c, code)).unwrap().class.unwrap();
    assert_eq!(fills_at(&l, at(&l, -6.8, 34.0)).last(), Some(&Paint::Class(class_of("MAR"))));
    assert_eq!(class_of("MAR"), 4);
    assert_eq!(fills_at(&l, at(&l, 3.0, 28.0)).last(), Some(&Paint::Class(class_of("DZA"))));
    // No count published (China): the land tone under hatch lines.
    assert_eq!(fills_at(&l, at(&l, 103.0, 35.0)).last(), Some(&Paint::Land));
    let china = country(&l, "CHN");
    assert!(china.class.is_none());
    let hatch_in_china = l
        .scene
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Line { from, to, stroke } if stroke.paint == Paint::Hatch && china.polygons.iter().any(|p| even_odd(p, (from.x + to.x) / 2.0, (from.y + to.y) / 2.0))))
        .count();
    assert!(hatch_in_china > 20, "China is hatched ({hatch_in_china} lines)");
    // Nothing reported (Kazakhstan, Australia): the land tone, no hatching.
    for (lon, lat) in [(68.0, 48.0), (134.0, -25.0)] {
        let p = at(&l, lon, lat);
        assert_eq!(fills_at(&l, p).last(), Some(&Paint::Land));
        assert!(l.hit(p.x, p.y).is_none());
    }
    // Never a count of zero: every country without one is in the hatched group.
    for k in &l.countries {
        assert_eq!(k.class.is_none(), c.countries[k.country].count == Count::NotPublished);
    }
}

/// The lines in `paint` whose middles lie in `code`'s shapes on `l`, as (width, y).
fn lines_in(l: &MapLayout, code: &str, paint: Paint) -> Vec<(f64, f64)> {
    let k = country(l, code);
    l.scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Line { from, to, stroke }
                if stroke.paint == paint && k.polygons.iter().any(|p| even_odd(p, (from.x + to.x) / 2.0, (from.y + to.y) / 2.0)) =>
            {
                Some((stroke.width, from.y))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn in_forced_colours_the_classes_are_told_apart_by_lines_that_thicken_with_the_class() {
    let c = careto();
    let world = careto_viz::geo::builtin();
    for width in [320.0, 640.0, 1280.0] {
        let plain = MapLayout::new(&c, world, width, Lang::En);
        let l = MapLayout::with_patterns(&c, world, width, Lang::En, Header::Full, true);
        let n = l.color_scale.classes().len();
        assert_eq!(n, 5);
        // The same picture's frame, heights, items and hits: only ink changes.
        assert_eq!((l.scene.height, l.frame, l.items()), (plain.scene.height, plain.frame, plain.items()));
        for (lon, lat) in [(-9.0, 30.0), (-47.9, -15.8), (-6.8, 34.0), (2.0, 47.0), (-100.0, 40.0)] {
            let p = at(&l, lon, lat);
            assert_eq!(l.hit(p.x, p.y), plain.hit(p.x, p.y));
        }
        // Without patterns, no class paints a line.
        assert!(!plain.scene.shapes.iter().any(|s| matches!(s, Shape::Line { stroke, .. } if matches!(stroke.paint, Paint::Class(_)))));
        // Morocco (384, the top class): filled solid, no lines.
        let morocco = at(&l, -9.0, 30.0);
        assert_eq!(fills_at(&l, morocco).last(), Some(&Paint::Class(4)), "at {width} px");
        assert!(lines_in(&l, "MAR", Paint::Class(4)).is_empty());
        // Brazil (137), the United States (22), Algeria (1) and Libya (26):
        // land under horizontal lines of their class, on the 4 px grid, with
        // more ink (width / spacing) for a higher class.
        let mut by_class = Vec::new();
        for (code, lon, lat, class) in [("BRA", -47.9, -15.8, 3), ("USA", -100.0, 40.0, 1), ("DZA", 3.0, 28.0, 0), ("LBY", 17.0, 27.0, 1)] {
            assert_eq!(country(&l, code).class, Some(class));
            assert_eq!(fills_at(&l, at(&l, lon, lat)).last(), Some(&Paint::Land), "{code} at {width} px");
            let lines = lines_in(&l, code, Paint::Class(class));
            assert!(lines.len() >= 2, "{code} at {width} px: {} lines", lines.len());
            let (spacing, w) = [(8.0, 1.0), (4.0, 1.0), (4.0, 2.0), (4.0, 2.75)][class];
            for (width, y) in &lines {
                assert_eq!(*width, w, "{code}");
                assert!((y / spacing - (y / spacing).round()).abs() < 1e-9, "{code}: a line at y = {y}, off its {spacing} px grid");
            }
            by_class.push((class, w / spacing));
        }
        by_class.sort_by_key(|a| a.0);
        assert!(by_class.windows(2).all(|w| w[0].0 == w[1].0 || w[0].1 < w[1].1), "{by_class:?}");
        // China (no count): still the hatching, never a class's lines.
        assert!(lines_in(&l, "CHN", Paint::Hatch).len() > 5);
        assert!((0..n).all(|i| lines_in(&l, "CHN", Paint::Class(i)).is_empty()));
        // The legend's swatches show the same: a lined square per class below
        // the top one (outlined in its paint), the top class a solid square.
        let outlined =
            |i: usize| l.scene.shapes.iter().any(|s| matches!(s, Shape::Rect { fill: Some(Paint::Land), stroke: Some(st), .. } if st.paint == Paint::Class(i)));
        assert!((0..4).all(outlined));
        assert!(!outlined(4));
        assert!(l.scene.shapes.iter().any(|s| matches!(s, Shape::Rect { fill: Some(Paint::Class(4)), .. })));
        // Markers (Switzerland, 33: class 1, where it is one): land, its class's ring and lines.
        if let Some(m) = country(&l, "CHE").marker {
            assert!(l
                .scene
                .shapes
                .iter()
                .any(|s| matches!(s, Shape::Circle { center, fill: Some(Paint::Land), stroke: Some(st), .. } if *center == m && st.paint == Paint::Class(1))));
            assert!(l.scene.shapes.iter().any(
                |s| matches!(s, Shape::Line { from, stroke, .. } if stroke.paint == Paint::Class(1) && (from.x - m.x).abs() < 5.0 && (from.y - m.y).abs() < 5.0)
            ));
        }
    }
    // Through the chart layer: `patterns` reaches the map.
    let options = ChartOptions { view: View::Map, patterns: true, ..ChartOptions::default() };
    let Layout::Map(l) = Layout::new(&c, &options) else { panic!("not a map") };
    assert!(!lines_in(&l, "USA", Paint::Class(1)).is_empty());
}

#[test]
fn keyboard_order_largest_count_first_then_alphabetically() {
    let c = careto();
    for lang in [Lang::En, Lang::Es] {
        let l = map(640.0, lang);
        let items = Layout::Map(l.clone()).items();
        assert_eq!(items.len(), 31);
        let codes: Vec<&str> = items.iter().map(|h| if let Target::Country(i) = h.target { c.countries[i].code.as_ref() } else { "" }).collect();
        assert_eq!(codes[..11], ["MAR", "BRA", "GBR", "FRA", "ESP", "CHE", "LBY", "USA", "DEU", "TUN", "DZA"]);
        let names: Vec<String> = items[11..]
            .iter()
            .map(|h| if let Target::Country(i) = h.target { careto_viz::i18n::sort_key(c.countries[i].name.get(lang)) } else { String::new() })
            .collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "{lang:?}");
        for (item, k) in items.iter().zip(&l.countries) {
            assert!(item.rect.w > 0.0 && item.rect.h > 0.0 && l.frame.x <= item.rect.x && item.rect.right() <= l.frame.right() + 1e-9);
            // The focus box holds the country's anchor, which hits it (where no other marker is near).
            assert!(item.rect.contains(k.anchor.x, k.anchor.y) || item.rect.right() == k.anchor.x, "{:?}", item);
        }
    }
}

#[test]
fn the_legend_is_the_bars_plus_the_two_tones_in_both_languages() {
    let en = map(640.0, Lang::En);
    let t = texts(&en.scene);
    // The measure is hedged, so the subtitle names it and the legend says "Count:".
    for s in ["Count:", "1–9", "10–49", "50–99", "100–199", "200+", "affected, count not published", "no victims reported"] {
        assert!(t.iter().any(|x| x == s), "no legend text {s:?}");
    }
    assert!(!t.iter().any(|x| x.to_lowercase().contains("not affected")), "never \"not affected\"");
    assert_eq!(t.first().map(String::as_str), Some("The Mask (Careto): where the 31 affected countries are"));
    let source = t.iter().skip_while(|x| !x.starts_with("Source:")).cloned().collect::<Vec<_>>().join(" ");
    for s in ["Kaspersky Lab (S1, 10 Feb 2014)", "Natural Earth 1:110m (public domain)", "Equal Earth projection", "Western Sahara", "Gibraltar"] {
        assert!(source.contains(s), "the source line names {s:?}: {source}");
    }
    let es = texts(&map(375.0, Lang::Es).scene);
    for s in ["afectado, sin cifra publicada", "sin víctimas notificadas", "Cifra:"] {
        assert!(es.iter().any(|x| x == s), "no legend text {s:?} in {es:?}");
    }
    assert!(es.join(" ").contains("proyección Equal Earth"));
    // One legend drawing: the bars' swatches, in the same places relative to the legend's start.
    let swatches = |scene: &Scene| -> Vec<(Paint, f64, f64)> {
        scene
            .shapes
            .iter()
            .filter_map(|s| if let Shape::Rect { rect, fill: Some(p @ Paint::Class(_)), .. } = s { Some((*p, rect.x, rect.w)) } else { None })
            .take(5)
            .collect()
    };
    let bars = careto_viz::layout::BarsLayout::new(&careto(), 640.0, Lang::En);
    assert_eq!(swatches(&en.scene), swatches(&bars.scene));
}

#[test]
fn texts_are_on_top_and_everything_fits() {
    for width in [280.0, 320.0, 375.0, 640.0, 1280.0] {
        for lang in [Lang::En, Lang::Es] {
            let l = map(width, lang);
            assert!(l.scene.texts_on_top(), "{width} {lang:?}");
            for s in &l.scene.shapes {
                if let Some(b) = Scene::text_box(s) {
                    assert!(b.x >= 0.0 && b.right() <= width + 1e-9, "{width} {lang:?}: {s:?}");
                }
            }
        }
    }
}

/// Adds a place to `c`: Careto's first country's record with `code`, `name`
/// (in both languages) and `count`.
fn add_place(c: &mut Campaign, code: &str, name: &str, count: Count) {
    let mut k = c.countries[0].clone();
    k.code = code.to_string().into();
    k.name.en = name.to_string().into();
    k.name.es = k.name.en.clone();
    k.count = count;
    k.alternatives = Vec::new().into();
    if count == Count::NotPublished {
        k.counted_by = Vec::new().into();
    }
    c.countries.to_mut().push(k);
}

#[test]
fn a_newsrooms_campaign_anywhere_natural_earth_knows_and_invented_places_apart() {
    let mut c = careto();
    let add = |c: &mut Campaign, code: &str, count: Count| add_place(c, code, &format!("Place {code}"), count);
    add(&mut c, "JPN", Count::Published(40)); // a shape in 1:110m
    add(&mut c, "SGP", Count::Published(7)); // 1:10m only: a marker
    add(&mut c, "XAL", Count::NotPublished); // invented
    careto_viz::model::validate::validate(&c).unwrap();
    let l = MapLayout::new(&c, careto_viz::geo::builtin(), 640.0, Lang::En);
    let find = |code: &str| l.countries.iter().find(|k| c.countries[k.country].code == code);
    assert!(find("JPN").is_some_and(|k| !k.polygons.is_empty() && k.class.is_some()));
    assert!(find("SGP").is_some_and(|k| k.polygons.is_empty() && k.marker.is_some()));
    assert!(find("XAL").is_none());
    assert_eq!(l.not_on_map, vec![c.countries.len() - 1]);
    assert!(texts(&l.scene).iter().any(|t| t.contains("Not on the map (codes of their own): Place XAL.")));
    let tokyo = at(&l, 139.7, 35.7);
    assert_eq!(l.hit(tokyo.x, tokyo.y), Some(Target::Country(idx(&c, "JPN"))));
}

#[test]
fn hundreds_of_places_off_the_map_never_make_it_taller_than_a_canvas() {
    // Found by the layout fuzz target (its input kept as
    // fuzz/seeds/layout/crash-map-510-places-off-the-map-at-240.bin): 510
    // places of their own, with long names, made the note under the map
    // 9,942 px tall at 240 px. The note is now at most MAX_SOURCE_LINES
    // lines, "…" at the end (the data table and the summary name every
    // place), and the source line as many as fit under the canvas's limit.
    let mut c = careto();
    for i in 0..600_u32 {
        // User-assigned codes (XAA, XAB…): places of the newsroom's own.
        let code: String = [b'X', b'A' + (i / 26 % 26) as u8, b'A' + (i % 26) as u8].iter().map(|b| char::from(*b)).collect();
        add_place(&mut c, &code, &format!("A place of this newsroom's own, number {i}"), Count::Published(i + 1));
    }
    let world = careto_viz::geo::builtin();
    for width in [240.0, 320.0, 640.0, 1280.0] {
        for header in [Header::Full, Header::Plain] {
            let l = MapLayout::with_header(&c, world, width, Lang::En, header);
            let max = careto_viz::layout::max_height(width);
            assert!(l.scene.height <= max, "{width} px: {} px tall, at most {max}", l.scene.height);
            assert_eq!(MapLayout::height(&c, world, width, Lang::En, header), l.scene.height);
            let t = texts(&l.scene);
            let note = t.iter().position(|s| s.starts_with("Not on the map")).expect("the note");
            let ends = t.iter().skip(note).position(|s| s.ends_with('…')).expect("the note ends with …");
            assert!(ends < careto_viz::layout::MAX_SOURCE_LINES, "{width} px: the note in {} lines", ends + 1);
            assert!(t.iter().any(|s| s.starts_with("Source:")));
        }
    }
    // The Careto map's source line is whole at every width, the narrowest too.
    for width in [240.0, 280.0, 320.0, 375.0, 640.0, 1280.0] {
        for lang in [Lang::En, Lang::Es] {
            let l = MapLayout::new(&careto(), world, width, lang);
            assert!(!texts(&l.scene).iter().any(|s| s.ends_with('…')), "{width} px {lang:?}: a text cut short");
        }
    }
}

#[test]
fn the_map_view_through_the_chart_layer() {
    let c = careto();
    let layout = Layout::new(&c, &ChartOptions { view: View::Map, lang: Lang::Es, width: 640.0, ..ChartOptions::default() });
    assert!(matches!(layout, Layout::Map(_)));
    assert_eq!(View::parse("map"), Ok(View::Map));
    assert_eq!(View::parse("globe"), Err("view: \"globe\" is not a view; use \"bars\", \"timeline\", \"profile\" or \"map\"".to_string()));
    let csv = careto_viz::describe::csv(&c, View::Map, Lang::En);
    assert_eq!(csv, careto_viz::describe::csv(&c, View::Bars, Lang::En), "the map's data are the bars'");
    let svg = careto_viz::chart::svg(&c, &ChartOptions { view: View::Map, ..ChartOptions::default() }).unwrap();
    assert!(svg.contains("<polygon") && svg.contains("no victims reported"));
}

#[test]
fn no_line_crosses_the_world() {
    // Fiji, Chukotka and Wrangel Island cross the antimeridian: a ring that
    // steps from 180° to −180° drew a line across the whole map until the
    // converter cut such rings per side.
    let l = map(640.0, Lang::En);
    let longest = l
        .scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Polygon { points, .. } | Shape::Path { points, .. } => points.windows(2).map(|w| (w[1].x - w[0].x).abs()).reduce(f64::max),
            _ => None,
        })
        .fold(0.0, f64::max);
    assert!(longest < l.frame.w / 4.0, "a step {longest} px wide on a {} px map", l.frame.w);
}

#[test]
fn the_height_without_the_world_drawn_is_the_layouts() {
    let c = careto();
    let world = careto_viz::geo::builtin();
    // Every 7th width from the narrowest to past the widest, both languages,
    // with its header and plain: careto-reserve uses MapLayout::height at every width.
    for lang in [Lang::En, Lang::Es] {
        for (k, width) in (0..=4200).step_by(7).map(f64::from).enumerate() {
            let full = MapLayout::new(&c, world, width, lang).scene.height;
            assert_eq!(MapLayout::height(&c, world, width, lang, Header::Full), full, "{width} px, {lang:?}");
            if k % 3 == 0 {
                let plain = MapLayout::with_header(&c, world, width, lang, Header::Plain).scene.height;
                assert_eq!(MapLayout::height(&c, world, width, lang, Header::Plain), plain, "{width} px, {lang:?}, plain");
            }
        }
    }
}

#[test]
fn every_filled_ring_winds_clockwise_on_screen() {
    // The canvas fills a run of polygons in one colour as one path, with
    // the non-zero rule (src/web/hidpi.rs, `HiDpiCanvas::xy`): two rings wound
    // opposite ways cancel where they overlap, and a country's enclave of
    // the same colour (Lesotho in South Africa, San Marino in Italy) would
    // show the sea. So every ring the scene fills goes one way round.
    let c = careto();
    for view in [View::Map, View::Bars, View::Timeline, View::Profile] {
        for width in [320.0, 375.0, 640.0, 1024.0, 1280.0] {
            let layout = Layout::new(&c, &ChartOptions { view, width, ..ChartOptions::default() });
            for shape in &layout.scene().shapes {
                if let Shape::Polygon { points, .. } = shape {
                    // The signed area: positive when the ring goes clockwise on screen (y down).
                    let (area, _) = careto_viz::geo::ring_area_centroid(points);
                    assert!(area > -0.5, "{view:?} at {width} px: a ring of {} points winds anticlockwise (signed area {area})", points.len());
                }
            }
        }
    }
}

#[test]
fn western_saharas_note_only_on_a_map_that_names_morocco_or_western_sahara() {
    let said = |c: &Campaign, lang: Lang| {
        let l = MapLayout::new(c, careto_viz::geo::builtin(), 1280.0, lang);
        let note = if lang == Lang::En { "Western Sahara" } else { "Sáhara Occidental" };
        let drawn = texts(&l.scene).join(" ").contains(note);
        let summary = careto_viz::describe::map::map_summary(c, lang).contains(note);
        assert_eq!(drawn, summary, "the picture and its summary agree");
        drawn
    };
    let careto = careto();
    // A newsroom's campaign of three European countries: nothing of Morocco's.
    let mut other = careto.clone();
    for code in ["FRA", "DEU", "ESH"] {
        add_place(&mut other, code, code, Count::Published(5));
    }
    other.countries.to_mut().retain(|k| ["FRA", "DEU", "ESH"].contains(&&*k.code) && k.name.en == k.code);
    let without = |c: &mut Campaign| c.countries.to_mut().retain(|k| k.code != "ESH");
    for lang in [Lang::En, Lang::Es] {
        assert!(said(&careto, lang), "{lang:?}: Careto names Morocco");
        assert!(said(&other, lang), "{lang:?}: Western Sahara");
        let mut europe = other.clone();
        without(&mut europe);
        assert!(!said(&europe, lang), "{lang:?}: France and Germany");
    }
}

/// The inset is where its doc says: Ireland to Greece, Tunisia to southern
/// Scandinavia, in the world's projected coordinates (y south), as tall as
/// its aspect says; and The Mask has the places in it that the drawing
/// kernels count on (they leave the count out), and none off the map.
#[test]
fn the_inset_box_holds_western_europe_and_the_mediterranean() {
    let inside = |lon: f64, lat: f64| {
        let (x, y) = equal_earth(lon, lat);
        INSET.contains(x, -y)
    };
    for (place, lon, lat) in [
        ("Dublin", -6.3, 53.3),
        ("Athens", 23.7, 38.0),
        ("Tunis", 10.2, 36.8),
        ("Tripoli", 13.2, 32.9),
        ("Oslo", 10.8, 59.9),
        ("Warsaw", 21.0, 52.2),
        ("Rabat", -6.8, 34.0),
    ] {
        if place == "Oslo" {
            assert!(!inside(lon, lat), "{place} is north of the inset");
        } else {
            assert!(inside(lon, lat), "{place} is in the inset");
        }
    }
    assert!(!inside(-20.0, 45.0) && !inside(35.0, 40.0) && !inside(0.0, 29.0), "the Atlantic, Anatolia's east, the Sahara");
    assert!((INSET.h / INSET.w - INSET_ASPECT).abs() < 1e-12);
    assert_eq!(INSET_ASPECT * 1024.0, 745.0);
    let c = careto();
    let world = careto_viz::geo::builtin();
    let places: Vec<&str> =
        c.countries.iter().filter(|k| world.shape(&k.code).is_some_and(|s| INSET.contains(s.location.x, s.location.y))).map(|k| &*k.code).collect();
    assert!(places.len() >= 2, "{places:?}");
    for code in ["GIB", "CHE", "BEL", "TUN", "ESP", "FRA", "GBR", "DEU"] {
        assert!(places.contains(&code), "{code} in {places:?}");
    }
    for width in [240.0, 375.0, 1280.0] {
        assert!(map(width, Lang::En).not_on_map.is_empty(), "{width}");
    }
}

/// At phone widths Western Europe's countries are too small to see or tap
/// (France, Spain and the United Kingdom under 64 px², Switzerland 4): the
/// inset draws them under the world at its width, where each is a shape,
/// and Gibraltar's marker; a box on the world says where it is. From
/// `INSET_BELOW` up, the world alone.
#[test]
fn the_inset_of_europe_at_phone_widths() {
    for width in (240..=1280).step_by(8).map(f64::from) {
        let l = map(width, Lang::En);
        assert_eq!(l.inset.is_some(), l.frame.w < INSET_BELOW, "{width}");
        let Some(r) = l.inset else { continue };
        assert_eq!((r.x, r.w), (l.frame.x, l.frame.w), "{width}: as wide as the world");
        assert!(r.y >= l.frame.bottom(), "{width}: under the world");
        // Its frame, and the box on the world, drawn.
        let boxed = |rect: careto_viz::layout::Rect| {
            l.scene.shapes.iter().any(|s| matches!(s, Shape::Rect { rect: q, fill: None, stroke: Some(st) } if st.paint == Paint::Muted && (q.x - rect.x).abs() < 1e-9 && (q.w - rect.w).abs() < 1e-9 && (q.h - rect.h).abs() < 1e-9))
        };
        assert!(boxed(r), "{width}: the inset's frame");
        let (a, z) = (at(&l, -12.0, 57.0), at(&l, 20.0, 32.0));
        assert!(
            l.scene
                .shapes
                .iter()
                .any(|s| matches!(s, Shape::Rect { rect: q, fill: None, .. } if q.contains(a.x, a.y) && q.contains(z.x, z.y) && l.frame.contains(q.x, q.y))),
            "{width}: the box on the world"
        );
        for code in ["CHE", "BEL", "FRA", "ESP", "GBR", "DEU", "TUN"] {
            let k = country(&l, code);
            assert!(k.marker.is_none(), "{width}: {code} is a shape in the inset, not a marker");
            assert!(r.contains(k.anchor.x, k.anchor.y), "{width}: {code}'s anchor is in the inset");
            assert_eq!(hit_code(&l, k.anchor).as_deref(), Some(code), "{width}");
        }
        let gib = country(&l, "GIB").marker.unwrap();
        assert!(r.contains(gib.x, gib.y), "{width}: Gibraltar's marker is in the inset");
        // Every polygon in the inset is cut to it.
        for k in &l.countries {
            for p in k.polygons.iter().flatten().flatten().filter(|p| p.y > l.frame.bottom()) {
                assert!(p.x >= r.x - 1e-9 && p.x <= r.right() + 1e-9 && p.y >= r.y - 1e-9 && p.y <= r.bottom() + 1e-9, "{width}: {p:?} outside {r:?}");
            }
        }
    }
    // At 375 px: Switzerland is a shape a finger can find, and taps in the inset find their countries.
    let l = map(375.0, Lang::En);
    assert!(country(&l, "CHE").area > 200.0, "{}", country(&l, "CHE").area);
    assert_eq!(hit_code(&l, in_inset(&l, 7.4, 46.9)).as_deref(), Some("CHE"), "Bern");
    assert_eq!(hit_code(&l, in_inset(&l, 2.35, 48.85)).as_deref(), Some("FRA"), "Paris");
    assert_eq!(hit_code(&l, in_inset(&l, -3.7, 40.4)).as_deref(), Some("ESP"), "Madrid");
    assert_eq!(hit_code(&l, in_inset(&l, 4.35, 50.85)).as_deref(), Some("BEL"), "Brussels");
    assert_eq!(hit_code(&l, in_inset(&l, 12.5, 41.9)), None, "Rome: no victims reported");
    assert_eq!(hit_code(&l, in_inset(&l, 5.0, 40.0)), None, "the Mediterranean");
    // Gibraltar's marker in the inset selects it.
    let gib = in_inset(&l, -5.35, 36.14);
    assert_eq!(hit_code(&l, gib).as_deref(), Some("GIB"));
}

/// The inset says what it is: a caption over it, in the reader's language
/// and the source line's muted small type, between the world and the
/// inset, as wide as the frame at most; none where there is no inset.
#[test]
fn the_inset_has_a_caption_between_the_world_and_it() {
    for (lang, caption) in [(Lang::En, "Western Europe and the Mediterranean, enlarged"), (Lang::Es, "Europa occidental y el Mediterráneo, ampliados")] {
        for width in (240..=1280).step_by(8).map(f64::from) {
            let l = map(width, lang);
            let texts: Vec<(&str, Point, f64, Paint)> = l
                .scene
                .shapes
                .iter()
                .filter_map(|s| match s {
                    Shape::Text { text, at, size, paint, .. } => Some((text.as_str(), *at, *size, *paint)),
                    _ => None,
                })
                .collect();
            let Some(r) = l.inset else {
                assert!(texts.iter().all(|t| !caption.starts_with(t.0)), "{width} {lang:?}: a caption without an inset");
                continue;
            };
            // Every text between the world and the inset.
            let lines: Vec<_> = texts.into_iter().filter(|t| t.1.y > l.frame.bottom() && t.1.y < r.y).collect();
            assert_eq!(lines.iter().map(|t| t.0).collect::<Vec<_>>().join(" "), caption, "{width} {lang:?}");
            for (text, at, size, paint) in &lines {
                assert_eq!(*paint, Paint::Muted, "{width} {lang:?}");
                assert!(*size <= 12.0, "{width} {lang:?}: {size}");
                assert!(at.y > l.frame.bottom() + size / 2.0 && at.y < r.y - size / 2.0, "{width} {lang:?}: {text} at {at:?}, over the world or the inset");
                assert!(at.x == r.x && careto_viz::text::width(text, *size, careto_viz::text::Weight::Normal) <= r.w, "{width} {lang:?}: {text}");
            }
        }
    }
}

/// `xy` (an outline: each ring its number of points, then the points) as rings.
fn rings_of(xy: &[i32]) -> Vec<Vec<(i32, i32)>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < xy.len() {
        let n = usize::try_from(xy[i]).unwrap();
        assert!(n >= 1, "a ring of no point at {i}");
        out.push(xy[i + 1..i + 1 + 2 * n].chunks(2).map(|p| (p[0], p[1])).collect());
        i += 1 + 2 * n;
    }
    assert_eq!(i, xy.len(), "the last ring runs past the end");
    out
}

#[test]
fn a_countrys_outline_is_its_shapes_on_the_world_and_in_the_inset_and_its_marker() {
    let c = careto();
    let round = |p: &Point| (careto_viz::num::grid_px(p.x), careto_viz::num::grid_px(p.y));
    for width in [320.0, 375.0, 640.0, 1280.0] {
        let l = map(width, Lang::En);
        for (i, k) in l.countries.iter().enumerate() {
            let rings = rings_of(&l.outline(i));
            let code = &c.countries[k.country].code;
            let expected: Vec<Vec<(i32, i32)>> = k.polygons.iter().flatten().map(|r| r.iter().map(round).collect()).collect();
            assert_eq!(rings[..expected.len()], expected[..], "{code} at {width} px");
            // Its marker ringed: an octagon, closed, 8-8.5 px from its centre (2 px outside the disc).
            assert_eq!(rings.len(), expected.len() + usize::from(k.marker.is_some()), "{code} at {width} px");
            if let (Some(m), Some(ring)) = (k.marker, rings.get(expected.len())) {
                assert_eq!((ring.len(), ring.first(), OUTLINE_RING), (9, ring.last(), MARKER_DISC + 2.0), "{code} at {width} px");
                for &(x, y) in ring {
                    let r = (f64::from(x) - m.x).hypot(f64::from(y) - m.y);
                    assert!((OUTLINE_RING - 0.75..=OUTLINE_RING + 1.25).contains(&r), "{code} at {width} px: a point of its ring {r} px from its marker");
                }
            }
        }
        // Morocco: shapes, no marker; Gibraltar: its marker's ring only.
        let item = |code: &str| l.countries.iter().position(|k| k.country == idx(&c, code)).unwrap();
        let mar = rings_of(&l.outline(item("MAR")));
        assert!(!mar.is_empty() && mar.iter().all(|r| r.len() >= 4), "Morocco at {width} px: {mar:?}");
        assert!(country(&l, "MAR").marker.is_none() && country(&l, "GIB").polygons.is_empty());
        assert_eq!(rings_of(&l.outline(item("GIB"))).len(), 1, "Gibraltar at {width} px");
        // In the inset too, below its width: France's rings lie on the world and in the inset.
        let fra = rings_of(&l.outline(item("FRA")));
        let inset = l.inset.map(|r| r.y);
        assert_eq!(fra.iter().any(|r| inset.is_some_and(|top| f64::from(r[0].1) >= top - 1.0)), inset.is_some(), "France at {width} px");
        assert!(fra.iter().any(|r| f64::from(r[0].1) <= l.frame.bottom() + 1.0), "France on the world at {width} px");
    }
    // Nothing past the last item.
    let l = map(640.0, Lang::En);
    assert!(l.outline(l.countries.len()).is_empty() && l.outline(usize::MAX).is_empty());
}
