//! Layout behaviour: what the charts put where, checked on the compiled-in
//! data at the widths phones, tablets and desktops use, in both languages.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod golden;

use careto_viz::chart::{ChartOptions, Layout, View};
use careto_viz::data::careto;
use careto_viz::layout::timeline::date_extent;
use careto_viz::layout::{BarsLayout, Paint, Rect, Scene, Shape, Target, TimelineLayout, WIDTH_RANGE};
use careto_viz::model::{Campaign, Count, Lang, Precision, Status};
use careto_viz::scale::ColorScale;
use std::collections::BTreeSet;

/// Widths the page is read at: small phones to desktops.
const WIDTHS: [f64; 7] = [320.0, 375.0, 480.0, 640.0, 800.0, 1024.0, 1280.0];
const LANGS: [Lang; 2] = [Lang::En, Lang::Es];

/// Geometry is compared to this tolerance (floating-point noise, not pixels).
const EPS: f64 = 1e-6;

fn idx(c: &Campaign, code: &str) -> usize {
    c.countries.iter().position(|k| k.code == code).unwrap_or_else(|| panic!("no country {code}"))
}

fn event_idx(c: &Campaign, id: &str) -> usize {
    c.events.iter().position(|e| e.id == id).unwrap_or_else(|| panic!("no event {id}"))
}

fn bars(width: f64, lang: Lang) -> BarsLayout {
    BarsLayout::new(&careto(), width, lang)
}

fn timeline(width: f64, lang: Lang) -> TimelineLayout {
    TimelineLayout::new(&careto(), width, lang)
}

/// Every text shape with its box, in drawing order.
fn texts(scene: &Scene) -> Vec<(usize, String, Rect)> {
    scene
        .shapes
        .iter()
        .enumerate()
        .filter_map(|(i, s)| match s {
            Shape::Text { text, .. } => Some((i, text.clone(), Scene::text_box(s).unwrap())),
            _ => None,
        })
        .collect()
}

/// All the scene's text, one shape after another, joined by spaces, so that
/// a wrapped paragraph reads as its original string.
fn joined_text(scene: &Scene) -> String {
    texts(scene).into_iter().map(|t| t.1).collect::<Vec<_>>().join(" ")
}

fn has_text(scene: &Scene, s: &str) -> bool {
    texts(scene).iter().any(|t| t.1 == s)
}

fn fmt_rect(r: &Rect) -> String {
    format!("[x {:.1}..{:.1}, y {:.1}..{:.1}]", r.x, r.right(), r.y, r.bottom())
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Es => "es",
    }
}

/// Pairs of text shapes whose boxes overlap, and text boxes that leave [0, width].
fn text_problems(scene: &Scene) -> Vec<String> {
    let t = texts(scene);
    let mut problems = Vec::new();
    for (a, (ia, ta, ra)) in t.iter().enumerate() {
        for (ib, tb, rb) in t.iter().skip(a + 1) {
            if ia != ib && ra.overlaps(rb) {
                problems.push(format!("text \"{ta}\" {} overlaps text \"{tb}\" {}", fmt_rect(ra), fmt_rect(rb)));
            }
        }
        if ra.x < -EPS || ra.right() > scene.width + EPS {
            problems.push(format!("text \"{ta}\" {} leaves [0, {}]", fmt_rect(ra), scene.width));
        }
    }
    problems
}

// ---------------------------------------------------------------- bars

#[test]
fn bars_are_sorted_largest_first() {
    let c = careto();
    for lang in LANGS {
        let l = bars(640.0, lang);
        assert_eq!(l.bars.len(), 11, "{}: 11 countries have a published figure", lang_name(lang));
        let values: Vec<u32> = l.bars.iter().map(|b| b.value).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "not descending: {values:?}");
        assert_eq!(values, [384, 137, 109, 53, 51, 33, 26, 22, 3, 3, 1]);
        let codes: Vec<&str> = l.bars.iter().map(|b| c.countries[b.country].code.as_ref()).collect();
        // Ties (Germany and Tunisia, 3 each) go by name, which is the same order in both languages.
        assert_eq!(codes, ["MAR", "BRA", "GBR", "FRA", "ESP", "CHE", "LBY", "USA", "DEU", "TUN", "DZA"], "{}", lang_name(lang));
        // Each bar's value is its country's published figure.
        for b in &l.bars {
            assert_eq!(c.countries[b.country].count, Count::Published(b.value));
        }
        // And bars are drawn top to bottom in that order.
        assert!(l.bars.windows(2).all(|w| w[0].rect.y < w[1].rect.y));
    }
}

#[test]
fn unpublished_countries_are_never_bars() {
    let c = careto();
    let unpublished: BTreeSet<usize> = (0..c.countries.len()).filter(|&i| c.countries[i].count == Count::NotPublished).collect();
    assert_eq!(unpublished.len(), 20);
    for &w in &WIDTHS {
        for lang in LANGS {
            let l = bars(w, lang);
            let drawn: BTreeSet<usize> = l.bars.iter().map(|b| b.country).collect();
            assert!(drawn.is_disjoint(&unpublished), "{w} {}: an unpublished country got a bar", lang_name(lang));
            let listed: Vec<usize> = l
                .not_published
                .iter()
                .map(|h| match h.target {
                    Target::Country(i) => i,
                    other => panic!("not_published holds {other:?}"),
                })
                .collect();
            assert_eq!(listed.len(), 20, "each unpublished country listed once");
            assert_eq!(listed.iter().copied().collect::<BTreeSet<_>>(), unpublished);
            // Listed in alphabetical order of the language's names (accents folded: Bélgica before Bolivia).
            let names: Vec<String> = listed.iter().map(|&i| careto_viz::i18n::sort_key(c.countries[i].name.get(lang))).collect();
            assert!(names.windows(2).all(|p| p[0] <= p[1]), "{names:?}");
        }
    }
}

#[test]
fn bars_have_width_proportional_to_value() {
    let c = careto();
    for &w in &WIDTHS {
        for lang in LANGS {
            let l = bars(w, lang);
            for b in &l.bars {
                assert!(b.rect.w >= 1.0, "{w}: bar of {} has width {}", c.countries[b.country].code, b.rect.w);
            }
            let x0 = l.bars[0].rect.x;
            assert!(l.bars.iter().all(|b| (b.rect.x - x0).abs() < EPS), "bars share a baseline");
            let mar = l.bars.iter().find(|b| b.country == idx(&c, "MAR")).unwrap();
            let bra = l.bars.iter().find(|b| b.country == idx(&c, "BRA")).unwrap();
            // Within one pixel of rounding: Morocco's width is 384/137 of Brazil's.
            assert!(
                (mar.rect.w - bra.rect.w * 384.0 / 137.0).abs() <= 1.0,
                "{w}: MAR {} vs BRA {} (ratio {})",
                mar.rect.w,
                bra.rect.w,
                mar.rect.w / bra.rect.w
            );
            let per_unit = mar.rect.w / 384.0;
            for b in &l.bars {
                let expected = f64::from(b.value) * per_unit;
                assert!((b.rect.w - expected).abs() <= 1.0, "{w}: {} is {} wide, expected {expected}", b.value, b.rect.w);
            }
        }
    }
}

#[test]
fn bar_colours_follow_the_classes() {
    let c = careto();
    let scale = ColorScale::careto();
    let l = bars(640.0, Lang::En);
    assert_eq!(l.color_scale, scale);
    for b in &l.bars {
        assert_eq!(b.class, scale.class_of(b.value), "value {}", b.value);
        // The scene fills the bar's rectangle with that class.
        let drawn = l.scene.shapes.iter().any(|s| matches!(s, Shape::Rect { rect, fill: Some(Paint::Class(k)), .. } if *rect == b.rect && Some(*k) == b.class));
        assert!(drawn, "no rectangle of class {:?} for value {}", b.class, b.value);
    }
    let class = |code: &str| l.bars.iter().find(|b| b.country == idx(&c, code)).unwrap().class;
    assert_eq!(class("MAR"), Some(4));
    assert_eq!(class("BRA"), Some(3));
    assert_eq!(class("GBR"), Some(3));
    assert_eq!(class("FRA"), Some(2));
    assert_eq!(class("CHE"), Some(1));
    assert_eq!(class("DEU"), Some(0));
    assert_eq!(class("DZA"), Some(0));
}

#[test]
fn in_forced_colours_the_bars_and_their_legend_tell_the_classes_apart_by_lines() {
    // Forced colours make every class one system colour: the bars, as the
    // map above them, tell the classes apart by the same line patterns, and
    // so does their legend (five identical squares said nothing).
    let c = careto();
    // (spacing, width) of classes 0..=3, as the map draws them (tests/map.rs).
    let ladder = [(8.0, 1.0), (4.0, 1.0), (4.0, 2.0), (4.0, 2.75)];
    for lang in LANGS {
        for width in WIDTHS {
            let plain = bars(width, lang);
            let l = BarsLayout::with_patterns(&c, width, lang, careto_viz::layout::Header::Full, true);
            // The same picture's geometry, items and hits: only ink changes.
            assert_eq!((l.scene.height, &l.bars, &l.hits, l.items()), (plain.scene.height, &plain.bars, &plain.hits, plain.items()));
            assert!(!plain.scene.shapes.iter().any(|s| matches!(s, Shape::Line { stroke, .. } if matches!(stroke.paint, Paint::Class(_)))));
            let lines_in = |r: &Rect, class: usize| -> Vec<(f64, f64)> {
                l.scene
                    .shapes
                    .iter()
                    .filter_map(|s| match s {
                        Shape::Line { from, to, stroke } if stroke.paint == Paint::Class(class) && from.y == to.y && from.y >= r.y && from.y < r.bottom() => {
                            assert_eq!((from.x, to.x), (r.x, r.right()), "a line across the whole rectangle");
                            Some((stroke.width, from.y))
                        }
                        _ => None,
                    })
                    .collect()
            };
            let outlined = |r: &Rect, class: usize| {
                l.scene
                    .shapes
                    .iter()
                    .any(|s| matches!(s, Shape::Rect { rect, fill: Some(Paint::Land), stroke: Some(st), .. } if rect == r && st.paint == Paint::Class(class)))
            };
            for b in &l.bars {
                let class = b.class.unwrap();
                if class == 4 {
                    // Morocco, the top class: solid, no lines.
                    assert!(l.scene.shapes.iter().any(|s| matches!(s, Shape::Rect { rect, fill: Some(Paint::Class(4)), .. } if *rect == b.rect)));
                    assert!(lines_in(&b.rect, 4).is_empty());
                    continue;
                }
                // Below it: land outlined in the class's paint, crossed by its lines on their grid.
                assert!(outlined(&b.rect, class), "bar of {} at {width} px", b.value);
                assert!(!l.scene.shapes.iter().any(|s| matches!(s, Shape::Rect { rect, fill: Some(Paint::Class(_)), .. } if *rect == b.rect)));
                let lines = lines_in(&b.rect, class);
                let (spacing, w) = ladder[class];
                // At least one line in a 14 px bar on an 8 px grid; more in the denser classes.
                assert!(lines.len() >= if spacing > 4.0 { 1 } else { 3 }, "bar of {} at {width} px: {} lines", b.value, lines.len());
                for (lw, y) in lines {
                    assert_eq!(lw, w);
                    assert!((y / spacing - (y / spacing).round()).abs() < 1e-9, "a line at y = {y}, off its {spacing} px grid");
                }
            }
            // The legend: a lined square per class below the top one, the top class a solid square.
            let squares: Vec<&Rect> = l
                .scene
                .shapes
                .iter()
                .filter_map(|s| match s {
                    Shape::Rect { rect, fill: Some(Paint::Land), stroke: Some(_), .. } if !l.bars.iter().any(|b| b.rect == *rect) => Some(rect),
                    _ => None,
                })
                .collect();
            assert_eq!(squares.len(), 4, "at {width} px");
            for (class, sq) in squares.iter().enumerate() {
                assert!(outlined(sq, class));
                assert!(!lines_in(sq, class).is_empty(), "class {class}'s square has no lines");
            }
        }
    }
    // Through the chart layer: `patterns` reaches the bars.
    let options = ChartOptions { view: View::Bars, patterns: true, ..ChartOptions::default() };
    let Layout::Bars(l) = Layout::new(&c, &options) else { panic!("not bars") };
    assert!(l.scene.shapes.iter().any(|s| matches!(s, Shape::Line { stroke, .. } if stroke.paint == Paint::Class(3))));
}

#[test]
fn bars_scene_says_what_it_shows() {
    let c = careto();
    for &w in &WIDTHS {
        let l = bars(w, Lang::En);
        let all = joined_text(&l.scene);
        for needle in [
            "The Mask (Careto): 31 countries affected",
            "Counts per country, almost certainly of victim IP addresses, as published in February 2014",
            c.bars_source_line.en.as_ref(),
        ] {
            assert!(all.contains(needle), "{w}: missing \"{needle}\" in {all}");
        }
        for exact in ["Affected, count not published (20)", "1–9", "10–49", "50–99", "100–199", "200+", "384", "Morocco", "Algeria"] {
            assert!(has_text(&l.scene, exact), "{w}: no text shape \"{exact}\"");
        }
        // Legend items are drawn with a swatch of their class.
        for k in 0..5 {
            assert!(l.scene.shapes.iter().any(|s| matches!(s, Shape::Rect { fill: Some(Paint::Class(j)), rect, .. } if *j == k && rect.w == rect.h)));
        }
    }
}

#[test]
fn bars_in_spanish_are_in_spanish() {
    let c = careto();
    for &w in &WIDTHS {
        let l = bars(w, Lang::Es);
        let all = joined_text(&l.scene);
        assert!(has_text(&l.scene, "Marruecos"), "{w}");
        assert!(!all.contains("Morocco"), "{w}: English name in the Spanish chart");
        assert!(all.contains("The Mask (Careto): 31 países afectados"), "{w}: {all}");
        assert!(all.contains("Cifras por país, casi con seguridad de direcciones IP de víctimas, según lo publicado en febrero de 2014"), "{w}: {all}");
        assert!(has_text(&l.scene, "Afectados, sin cifra publicada (20)"), "{w}");
        assert!(all.contains(c.bars_source_line.es.as_ref()), "{w}");
        assert!(!all.contains("Source:"), "{w}");
    }
}

#[test]
fn bars_text_never_overlaps_and_stays_inside() {
    let mut failures = Vec::new();
    for &w in &WIDTHS {
        for lang in LANGS {
            let l = bars(w, lang);
            for p in text_problems(&l.scene) {
                failures.push(format!("bars {w} {}: {p}", lang_name(lang)));
            }
            // A value label never runs into the next row.
            for b in &l.bars {
                assert!(b.rect.right() <= l.scene.width, "bar leaves the chart at {w}");
            }
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn bars_hit_testing() {
    let c = careto();
    for &w in &WIDTHS {
        for lang in LANGS {
            let l = bars(w, lang);
            let mar = &l.bars[0];
            assert_eq!(mar.country, idx(&c, "MAR"));
            let p = mar.rect.center();
            assert_eq!(l.hit(p.x, p.y), Some(Target::Country(idx(&c, "MAR"))), "{w}: centre of Morocco's bar");
            // Brazil's row: on its name at the left, on its bar and right of its value.
            let bra = &l.bars[1];
            let y = bra.rect.center().y;
            for x in [13.0, bra.rect.center().x, w - 13.0] {
                assert_eq!(l.hit(x, y), Some(Target::Country(idx(&c, "BRA"))), "{w}: ({x}, {y}) in Brazil's row");
            }
            // The row's edges belong to the right country (no gap between rows, no overlap).
            for pair in l.bars.windows(2) {
                let between = (pair[0].rect.bottom() + pair[1].rect.y) / 2.0;
                let hit = l.hit(mar.rect.x + 1.0, between);
                assert!(hit == Some(Target::Country(pair[0].country)) || hit == Some(Target::Country(pair[1].country)), "{w}: between rows, hit {hit:?}");
            }
            // Every bar's centre, every bar's row.
            for b in &l.bars {
                let p = b.rect.center();
                assert_eq!(l.hit(p.x, p.y), Some(Target::Country(b.country)));
            }
            // The title.
            assert_eq!(l.hit(w / 2.0, 14.0), None, "{w}: the title area");
            assert_eq!(l.hit(1.0, 1.0), None);
            // Each unpublished name.
            for h in &l.not_published {
                let p = h.rect.center();
                assert_eq!(l.hit(p.x, p.y), Some(h.target), "{w} {}: centre of {:?}", lang_name(lang), h.target);
            }
            // Outside the chart.
            assert_eq!(l.hit(w + 10.0, p.y), None, "{w}: right of the chart");
            assert_eq!(l.hit(-10.0, p.y), None);
            assert_eq!(l.hit(w / 2.0, l.scene.height + 10.0), None);
            // The chart-level dispatcher agrees.
            let layout = Layout::new(&c, &ChartOptions { view: View::Bars, lang, width: w, ..ChartOptions::default() });
            assert_eq!(layout.hit(p.x, p.y), Some(Target::Country(idx(&c, "MAR"))));
        }
    }
}

// ---------------------------------------------------------------- timeline

#[test]
fn timeline_text_never_overlaps_and_stays_inside() {
    let c = careto();
    let mut failures = Vec::new();
    for &w in &WIDTHS {
        for lang in LANGS {
            let l = timeline(w, lang);
            for p in text_problems(&l.scene) {
                failures.push(format!("timeline {w} {}: {p}", lang_name(lang)));
            }
            for a in &l.marks {
                for b in &l.marks {
                    if a.event != b.event && a.label.overlaps(&b.mark) {
                        failures.push(format!(
                            "timeline {w} {}: label of \"{}\" {} overlaps the mark of \"{}\" {}",
                            lang_name(lang),
                            c.events[a.event].id,
                            fmt_rect(&a.label),
                            c.events[b.event].id,
                            fmt_rect(&b.mark)
                        ));
                    }
                    if a.event != b.event && a.label.overlaps(&b.label) {
                        failures.push(format!(
                            "timeline {w} {}: label boxes of \"{}\" and \"{}\" overlap",
                            lang_name(lang),
                            c.events[a.event].id,
                            c.events[b.event].id
                        ));
                    }
                }
                if a.mark.x < -EPS || a.mark.right() > w + EPS || a.label.x < -EPS || a.label.right() > w + EPS {
                    failures.push(format!(
                        "timeline {w} {}: \"{}\" mark {} / label {} leaves [0, {w}]",
                        lang_name(lang),
                        c.events[a.event].id,
                        fmt_rect(&a.mark),
                        fmt_rect(&a.label)
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

/// Every label reads as its own mark's, at every width from 300 to 1280 px
/// (step 5) in both languages: beside it in its row, starting 5 px right of
/// it or ending 5 px left of it; or, where neither side has room, in the row
/// just below, across the mark's middle, joined to the mark by a vertical
/// line, and with no other event's mark or label anywhere in the two rows
/// from the mark's or label's left edge to the further right one. At 375 px
/// the report's dot (11 Feb 2014) shared its row with the CNI square and its
/// label, its own label far left in the row below; at 320 px that label
/// floated halfway between the dot above and the CNI square below.
#[test]
fn every_label_sits_with_its_own_mark() {
    let c = careto();
    let mut failures = Vec::new();
    for lang in LANGS {
        for w in (300..=1280).step_by(5) {
            let l = timeline(f64::from(w), lang);
            let ctx = |m: &careto_viz::layout::timeline::EventMark| format!("{w} {}: \"{}\"", lang_name(lang), c.events[m.event].id);
            let leaders: Vec<(f64, f64, f64)> = l
                .scene
                .shapes
                .iter()
                .filter_map(|s| match s {
                    Shape::Line { from, to, .. } if (from.x - to.x).abs() < EPS => Some((from.x, from.y.min(to.y), from.y.max(to.y))),
                    _ => None,
                })
                .collect();
            for m in &l.marks {
                let (row, label_row, lane_h) = (m.mark.center().y, m.label.center().y, m.label.h);
                let others = l.marks.iter().filter(|o| o.event != m.event).flat_map(|o| [("mark", o, o.mark), ("label", o, o.label)]);
                if (label_row - row).abs() < EPS {
                    let right = (m.label.x - (m.mark.right() + 5.0)).abs() < EPS;
                    let left = (m.label.right() - (m.mark.x - 5.0)).abs() < EPS;
                    if !right && !left {
                        failures.push(format!("{}: label {} is in its mark's row but not beside the mark {}", ctx(m), fmt_rect(&m.label), fmt_rect(&m.mark)));
                    }
                    continue;
                }
                if (label_row - (row + lane_h)).abs() > EPS {
                    failures.push(format!("{}: label {} is neither in its mark's row nor the next ({})", ctx(m), fmt_rect(&m.label), fmt_rect(&m.mark)));
                    continue;
                }
                let cx = m.mark.center().x;
                if cx < m.label.x || cx > m.label.right() {
                    failures.push(format!("{}: label {} under its mark {} does not reach under its middle", ctx(m), fmt_rect(&m.label), fmt_rect(&m.mark)));
                }
                let x0 = m.mark.x.min(m.label.x);
                let block = Rect { x: x0, y: row - lane_h / 2.0, w: m.mark.right().max(m.label.right()) - x0, h: 2.0 * lane_h };
                let inner = Rect { x: block.x + EPS, y: block.y + EPS, w: block.w - 2.0 * EPS, h: block.h - 2.0 * EPS };
                for (what, o, r) in others {
                    if r.overlaps(&inner) {
                        failures.push(format!(
                            "{}: the {what} of \"{}\" {} sits between its mark {} and its label {}",
                            ctx(m),
                            c.events[o.event].id,
                            fmt_rect(&r),
                            fmt_rect(&m.mark),
                            fmt_rect(&m.label)
                        ));
                    }
                }
                // The label's text is 1.2 em high, centred in its row.
                let text_top = label_row
                    - 0.6
                        * l.scene
                            .shapes
                            .iter()
                            .find_map(|s| match s {
                                Shape::Text { at, size, .. } if (at.y - label_row).abs() < EPS && (at.x - m.label.x).abs() < EPS => Some(*size),
                                _ => None,
                            })
                            .unwrap_or(12.0);
                let joined = leaders
                    .iter()
                    .any(|&(x, y0, y1)| (x - cx).abs() < EPS && y0 >= m.mark.bottom() && y0 <= m.mark.bottom() + 3.0 && y1 <= text_top && y1 >= text_top - 3.0);
                if !joined {
                    failures.push(format!("{}: no line joins the mark {} to its label {} under it", ctx(m), fmt_rect(&m.mark), fmt_rect(&m.label)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_event_is_drawn_once() {
    let c = careto();
    for &w in &WIDTHS {
        for lang in LANGS {
            let l = timeline(w, lang);
            let events: BTreeSet<usize> = l.marks.iter().map(|m| m.event).collect();
            assert_eq!(l.marks.len(), c.events.len());
            assert_eq!(events.len(), c.events.len());
            // Date order.
            let starts: Vec<f64> = l.marks.iter().map(|m| date_extent(&c.events[m.event].date, c.events[m.event].approximate).0).collect();
            assert!(starts.windows(2).all(|p| p[0] <= p[1]));
        }
    }
}

/// The shape drawn for an event's mark: a circle for a dot, else a rectangle.
fn mark_shape<'a>(l: &'a TimelineLayout, mark: &Rect) -> &'a Shape {
    l.scene
        .shapes
        .iter()
        .find(|s| match s {
            Shape::Rect { rect, .. } => rect == mark,
            Shape::Circle { center, .. } | Shape::Diamond { center, .. } => {
                let c = mark.center();
                (center.x - c.x).abs() < EPS && (center.y - c.y).abs() < EPS
            }
            _ => false,
        })
        .unwrap_or_else(|| panic!("no shape for mark {}", fmt_rect(mark)))
}

#[test]
fn timeline_marks_show_date_precision() {
    let c = careto();
    for &w in &WIDTHS {
        for lang in LANGS {
            let l = timeline(w, lang);
            // The disclosure (10 Feb 2014, day known, not approximate) is a dot.
            let disclosure =
                c.events.iter().position(|e| e.date.year == 2014 && e.date.month == Some(2) && e.date.day == Some(10)).expect("an event on 2014-02-10");
            let m = l.marks.iter().find(|m| m.event == disclosure).unwrap();
            assert!((m.mark.w - 10.0).abs() < EPS && (m.mark.h - 10.0).abs() < EPS, "{w}: dot is {}", fmt_rect(&m.mark));
            assert!(matches!(mark_shape(&l, &m.mark), Shape::Circle { radius, fill: Some(Paint::Reported), .. } if (*radius - 5.0).abs() < EPS));

            for m in &l.marks {
                let e = &c.events[m.event];
                let shape = mark_shape(&l, &m.mark);
                let (fill, stroke) = match shape {
                    Shape::Rect { fill, stroke, .. } | Shape::Circle { fill, stroke, .. } | Shape::Diamond { fill, stroke, .. } => (*fill, *stroke),
                    _ => unreachable!(),
                };
                let (lo, hi) = date_extent(&e.date, e.approximate);
                let (p0, p1) = (l.scale.map(lo), l.scale.map(hi));
                let ctx = format!("{w} {}: {}", lang_name(lang), e.id);
                match (e.date.precision(), e.approximate) {
                    (Precision::Day, false) => {
                        assert!((m.mark.w - 10.0).abs() < EPS && (m.mark.h - 10.0).abs() < EPS, "{ctx}: dot {}", fmt_rect(&m.mark));
                        assert!((m.mark.center().x - (p0 + p1) / 2.0).abs() < EPS, "{ctx}: dot centred on its day");
                    }
                    (Precision::Year, false) => {
                        let y = f64::from(e.date.year);
                        let year_w = l.scale.map(y + 1.0) - l.scale.map(y);
                        assert!((m.mark.x - l.scale.map(y)).abs() < EPS, "{ctx}: starts at its year");
                        assert!((m.mark.w - year_w).abs() < EPS, "{ctx}: {} wide, the year is {year_w}", m.mark.w);
                    }
                    _ => {
                        // A month, or an approximate date: its extent, or at least 8 px around its middle.
                        if p1 - p0 >= 8.0 {
                            assert!((m.mark.x - p0).abs() < EPS && (m.mark.right() - p1).abs() < EPS, "{ctx}: {} vs {p0}..{p1}", fmt_rect(&m.mark));
                        } else {
                            assert!((m.mark.w - 8.0).abs() < EPS, "{ctx}: narrow periods get 8 px, got {}", m.mark.w);
                            assert!((m.mark.center().x - (p0 + p1) / 2.0).abs() < EPS, "{ctx}: centred on its period");
                        }
                    }
                }
                if e.approximate {
                    assert!(fill.is_none() && stroke.is_some(), "{ctx}: approximate marks are outlines only");
                    // The approximate extent is wider than the date's own period.
                    let (b0, b1) = e.date.bounds();
                    assert!(hi - lo > b1 - b0);
                } else {
                    assert!(fill.is_some(), "{ctx}: exact marks are filled");
                }
                let paint = fill.or(stroke.map(|s| s.paint)).unwrap();
                let expected = if e.status == Status::Reported { Paint::Reported } else { Paint::Alleged };
                assert_eq!(paint, expected, "{ctx}: mark colour by status");
            }
        }
    }
}

#[test]
fn the_approximate_year_spans_more_than_its_year() {
    let c = careto();
    let l = timeline(640.0, Lang::En);
    let e = event_idx(&c, "kaspersky-flaw-fixed");
    let m = l.marks.iter().find(|m| m.event == e).unwrap();
    let year_w = l.scale.map(2009.0) - l.scale.map(2008.0);
    assert!((m.mark.w - 2.0 * year_w).abs() < EPS, "2008 ± half a year: {} vs year {year_w}", m.mark.w);
}

/// The label text shape of an event mark (same row, left edge at the label box).
fn label_text(l: &TimelineLayout, label: &Rect) -> String {
    texts(&l.scene)
        .into_iter()
        .find(|(_, _, r)| (r.x - label.x).abs() < 1e-3 && (r.center().y - label.center().y).abs() < 1e-3)
        .map(|t| t.1)
        .unwrap_or_else(|| panic!("no label text at {}", fmt_rect(label)))
}

#[test]
fn status_is_said_in_the_label() {
    let c = careto();
    // Also at the narrowest and widest widths laid out: a shortened label
    // may lose words, never its "(alleged)".
    for w in WIDTHS.into_iter().chain([WIDTH_RANGE.0, WIDTH_RANGE.1]) {
        for lang in LANGS {
            let l = timeline(w, lang);
            for m in &l.marks {
                let e = &c.events[m.event];
                let text = label_text(&l, &m.label);
                let ctx = format!("{w} {}: {} → \"{text}\"", lang_name(lang), e.id);
                match (e.status, lang) {
                    (Status::Alleged, Lang::En) => assert!(text.ends_with("(alleged)"), "{ctx}"),
                    (Status::Alleged, Lang::Es) => assert!(text.ends_with("(acusación)"), "{ctx}"),
                    (Status::Secondary, Lang::En) => assert!(text.ends_with("(secondary report)"), "{ctx}"),
                    (Status::Secondary, Lang::Es) => assert!(text.ends_with("(fuente secundaria)"), "{ctx}"),
                    (Status::Reported, _) => {
                        assert!(!text.contains("(alleged)") && !text.contains("(acusación)"), "{ctx}");
                        assert!(!text.ends_with('…') || w < 480.0, "{ctx}: truncated at a comfortable width");
                    }
                }
                // Alleged and secondary claims are also set in their own colour.
                let paint = l.scene.shapes.iter().find_map(|s| match s {
                    Shape::Text { text: t, paint, .. } if *t == text => Some(*paint),
                    _ => None,
                });
                let expected = if e.status == Status::Reported { Paint::Text } else { Paint::Alleged };
                assert_eq!(paint, Some(expected), "{ctx}");
            }
        }
    }
}

#[test]
fn timeline_scene_says_what_it_shows() {
    for &w in &WIDTHS {
        let en = joined_text(&timeline(w, Lang::En).scene);
        for needle in
            ["The Mask (Careto): timeline", "Dates as precise as the sources give them", "day known", "approximate", "2007", "Kaspersky discloses Careto"]
        {
            assert!(en.contains(needle), "{w}: missing \"{needle}\"");
        }
        let es = joined_text(&timeline(w, Lang::Es).scene);
        for needle in ["The Mask (Careto): cronología", "día conocido", "Kaspersky revela Careto"] {
            assert!(es.contains(needle), "{w}: missing \"{needle}\"");
        }
        assert!(!es.contains("Kaspersky discloses"), "{w}");
    }
}

#[test]
fn timeline_hit_testing() {
    let c = careto();
    for &w in &WIDTHS {
        for lang in LANGS {
            let l = timeline(w, lang);
            for m in &l.marks {
                let p = m.mark.center();
                assert_eq!(l.hit(p.x, p.y), Some(Target::Event(m.event)), "{w} {}: centre of {}'s mark", lang_name(lang), c.events[m.event].id);
                let q = m.label.center();
                assert_eq!(l.hit(q.x, q.y), Some(Target::Event(m.event)), "{w} {}: centre of {}'s label", lang_name(lang), c.events[m.event].id);
            }
            let p = l.period.center();
            assert_eq!(l.hit(p.x, p.y), Some(Target::ActivePeriod), "{w}: centre of the period");
            assert_eq!(l.hit(w + 5.0, p.y), None, "{w}: right of the chart");
            assert_eq!(l.hit(w + 5.0, l.marks[0].mark.center().y), None);
            assert_eq!(l.hit(w / 2.0, 14.0), None, "{w}: the title");
            assert_eq!(l.hit(w / 2.0, l.scene.height - 2.0), None, "{w}: the source line");
            let layout = Layout::new(&c, &ChartOptions { view: View::Timeline, lang, width: w, ..ChartOptions::default() });
            assert_eq!(layout.hit(p.x, p.y), Some(Target::ActivePeriod));
        }
    }
}

/// The keyboard's focus ring (drawn inside an item's box: inset 1 px, 2 px
/// wide) stands clear of what the item draws, on the timeline and the
/// profile, at every width, in both languages. It used to run through the
/// profile's dots and marks and along the timeline's approximate spans.
#[test]
fn the_focus_ring_clears_what_it_rings() {
    for view in [View::Timeline, View::Profile] {
        for lang in LANGS {
            for &w in &WIDTHS {
                let l = Layout::new(&careto(), &ChartOptions { view, lang, width: w, ..ChartOptions::default() });
                let drawn: Vec<Rect> = l
                    .scene()
                    .shapes
                    .iter()
                    .skip(1) // the background
                    .filter_map(|s| match s {
                        // The background behind a label, not ink: the ring is drawn over it.
                        Shape::Rect { fill: Some(Paint::Background), .. } => None,
                        Shape::Rect { rect, .. } => Some(*rect),
                        Shape::Circle { center, radius, .. } | Shape::Diamond { center, radius, .. } => {
                            Some(Rect { x: center.x - radius, y: center.y - radius, w: 2.0 * radius, h: 2.0 * radius })
                        }
                        text @ Shape::Text { .. } => Scene::text_box(text),
                        _ => None,
                    })
                    .collect();
                for item in l.items() {
                    let r = item.rect;
                    // The ring covers r.x..r.x + 2 and r.right() - 2..r.right(); 1 px more to spare.
                    let inside: Vec<&Rect> = drawn
                        .iter()
                        .filter(|d| {
                            let mid = d.y + d.h / 2.0;
                            mid > r.y && mid < r.bottom() && d.x < r.right() && d.right() > r.x
                        })
                        .collect();
                    assert!(!inside.is_empty(), "{view:?} {lang:?} {w}: nothing drawn in {:?}'s box {r:?}", item.target);
                    for d in inside {
                        assert!(d.x >= r.x + 3.0 && d.right() <= r.right() - 3.0, "{view:?} {lang:?} {w}: {:?}'s ring {r:?} touches {d:?}", item.target);
                    }
                }
            }
        }
    }
}

/// The active period's label keeps its dates whole at every width from the
/// narrowest a chart is drawn at (Spanish at 320 px read "2007 – ener…"),
/// and its words too from 280 px: where the label is wider than the chart,
/// the words go on a line of their own above the dates (they read
/// "Activa hasta el inicio del…: 2007 – enero de 2014" at 320 px).
#[test]
fn the_period_label_keeps_its_dates_and_words_whole() {
    let c = careto();
    for lang in LANGS {
        let words = c.active_period.label.get(lang);
        let dates = match lang {
            Lang::En => "2007 – Jan 2014",
            Lang::Es => "2007 – enero de 2014",
        };
        let mut split = 0;
        for w in (240..=1280).step_by(4) {
            let l = timeline(f64::from(w), lang);
            let all = texts(&l.scene);
            let label = all.iter().map(|(_, t, _)| t).find(|t| t.contains("2007 –")).unwrap_or_else(|| panic!("{lang:?} {w}: no period label"));
            if *label == dates {
                split += 1;
                let first = all.iter().position(|(_, t, _)| t == label).and_then(|i| all.get(i.checked_sub(1)?)).map(|(_, t, _)| t.as_str());
                if w >= 280 {
                    assert_eq!(first, Some(&*format!("{words}:")), "{lang:?} {w}: the words' line");
                }
            } else {
                assert_eq!(*label, format!("{words}: {dates}"), "{lang:?} {w}");
            }
        }
        assert!(split > 0, "{lang:?}: never on two lines: the case this test is about");
    }
}

/// On a phone an event's label that fits the chart's width is drawn whole
/// (under its mark when it fits on neither side): "Linked to Spain's CNI
/// (alleged)", not "Linked to Spain's… (alleged)"; in Spanish at 320 px
/// "Vinculado al C… (acusación)" said nothing. Only a label wider than the
/// chart is cut, and its status tag never is.
#[test]
fn an_event_label_is_cut_only_when_wider_than_the_chart() {
    let c = careto();
    for lang in LANGS {
        for w in (240..=1280).step_by(8) {
            let l = timeline(f64::from(w), lang);
            let room = l.scale.range.1 - l.scale.range.0;
            let drawn: Vec<(String, f64)> = l
                .scene
                .shapes
                .iter()
                .filter_map(|s| match s {
                    Shape::Text { text, size, .. } => Some((text.clone(), *size)),
                    _ => None,
                })
                .collect();
            for e in c.events.iter() {
                let label = e.label.get(lang);
                let is_label =
                    |t: &str| t.starts_with(label) || t.split_once('…').is_some_and(|(words, _)| !words.is_empty() && label.starts_with(words.trim_end()));
                let Some((text, size)) = drawn.iter().find(|(t, _)| is_label(t)) else { panic!("{lang:?} {w}: no label for {label}") };
                if text.starts_with(label) {
                    continue;
                }
                // Cut: the words before the ellipsis, then the tag whole.
                let tag = text.split_once('…').map_or("", |(_, tag)| tag);
                if e.status != Status::Reported {
                    assert!(tag.starts_with(" (") && tag.ends_with(')'), "{lang:?} {w}: {text}: the status tag was cut");
                }
                let whole = careto_viz::text::width(&format!("{label}{tag}"), *size, careto_viz::text::Weight::Normal);
                assert!(whole > room, "{lang:?} {w}: \"{text}\" is cut, though \"{label}{tag}\" ({whole:.0} px) fits the chart's {room:.0} px");
            }
        }
    }
}

#[test]
fn the_period_spans_2007_to_january_2014() {
    let l = timeline(640.0, Lang::En);
    assert!((l.period.x - l.scale.map(2007.0)).abs() < EPS);
    assert!((l.period.right() - l.scale.map(2014.0 + 1.0 / 12.0)).abs() < EPS);
    assert!(l.scene.shapes.iter().any(|s| matches!(s, Shape::Rect { rect, fill: Some(Paint::Span), .. } if *rect == l.period)));
}

// ---------------------------------------------------------------- widths

fn shape_is_finite(s: &Shape) -> bool {
    let r = |r: &Rect| [r.x, r.y, r.w, r.h].iter().all(|v| v.is_finite()) && r.w >= 0.0 && r.h >= 0.0;
    match s {
        Shape::Rect { rect, .. } => r(rect),
        Shape::Line { from, to, .. } => [from.x, from.y, to.x, to.y].iter().all(|v| v.is_finite()),
        Shape::Circle { center, radius, .. } | Shape::Diamond { center, radius, .. } => [center.x, center.y, *radius].iter().all(|v| v.is_finite()),
        Shape::Text { at, size, .. } => at.x.is_finite() && at.y.is_finite() && size.is_finite() && *size > 0.0,
        Shape::Polygon { points, .. } | Shape::Path { points, .. } => points.iter().all(|p| p.x.is_finite() && p.y.is_finite()),
    }
}

#[test]
fn out_of_range_widths_are_clamped() {
    let c = careto();
    for w in [0.0, -5.0, f64::NAN, 100_000.0, f64::INFINITY, f64::NEG_INFINITY, 1.0, 239.9, 4096.5] {
        for view in [View::Bars, View::Timeline, View::Profile, View::Map] {
            for lang in LANGS {
                let layout = Layout::new(&c, &ChartOptions { view, lang, width: w, ..ChartOptions::default() });
                let scene = layout.scene();
                assert!(scene.width >= WIDTH_RANGE.0 && scene.width <= WIDTH_RANGE.1, "{w} → {}", scene.width);
                assert!(scene.height.is_finite() && scene.height > 0.0, "{w}: height {}", scene.height);
                assert!(scene.shapes.iter().all(shape_is_finite), "{w} {view:?}: a shape with non-finite geometry");
                let expected = if w.is_nan() || w < WIDTH_RANGE.0 { WIDTH_RANGE.0 } else { WIDTH_RANGE.1 };
                assert_eq!(scene.width, expected, "{w}");
                // Hit testing at the clamped size still works.
                assert_eq!(layout.hit(f64::NAN, f64::NAN), None);
                let _ = layout.hit(scene.width / 2.0, scene.height / 2.0);
            }
        }
    }
}

#[test]
fn the_edges_of_the_width_range_lay_out_cleanly() {
    let mut failures = Vec::new();
    for w in [WIDTH_RANGE.0, WIDTH_RANGE.1] {
        for lang in LANGS {
            for (name, scene) in [("bars", bars(w, lang).scene), ("timeline", timeline(w, lang).scene)] {
                for p in text_problems(&scene) {
                    failures.push(format!("{name} {w} {}: {p}", lang_name(lang)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

/// Every layout at every width in [`WIDTHS`], both views and both languages,
/// is the one recorded in `tests/snapshots/layouts.txt` (an FNV-1a digest
/// of its scene, hit boxes and keyboard items, as `{:?}` writes them: every
/// coordinate to the last bit). Deterministic across runs and machines, and
/// a refactor that moves anything by any amount fails here; an intended
/// change is accepted with `UPDATE_SNAPSHOTS=1 cargo test --test layout`.
#[test]
fn layouts_are_the_recorded_ones() {
    fn fnv1a(text: &str) -> u64 {
        text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    }
    let c = careto();
    let mut out = String::new();
    for view in [View::Bars, View::Timeline, View::Profile] {
        for lang in LANGS {
            for &width in &WIDTHS {
                let layout = |c: &Campaign| Layout::new(c, &ChartOptions { view, lang, width, ..ChartOptions::default() });
                let l = layout(&c);
                assert_eq!(l, layout(&c), "{view:?} {lang:?} {width}: the same inputs, another layout");
                out.push_str(&format!("{} {} {width} {:016x}\n", view.as_str(), lang.as_str(), fnv1a(&format!("{l:?} {:?}", l.items()))));
            }
        }
    }
    for &w in &WIDTHS {
        assert_eq!(bars(w, Lang::En), bars(w, Lang::En));
        assert_eq!(timeline(w, Lang::Es), timeline(w, Lang::Es));
    }
    golden::check("layout", "layouts", "txt", &out);
}

#[test]
fn hit_boxes_are_sorted_by_top_edge() {
    for &w in &WIDTHS {
        let b = bars(w, Lang::En);
        assert!(b.hits.windows(2).all(|p| p[0].rect.y <= p[1].rect.y));
        let t = timeline(w, Lang::En);
        assert!(t.hits.windows(2).all(|p| p[0].rect.y <= p[1].rect.y));
        // No two hit boxes share area: each point means one thing.
        for hits in [&b.hits, &t.hits] {
            for (i, a) in hits.iter().enumerate() {
                // Hit testing looks back only this far above a point.
                assert!(a.rect.h <= careto_viz::layout::MAX_HIT_BOX_HEIGHT, "{w}: {:?} is {} tall", a.target, a.rect.h);
                for bb in hits.iter().skip(i + 1) {
                    assert!(!a.rect.overlaps(&bb.rect), "{w}: {:?} and {:?} overlap", a.target, bb.target);
                }
            }
        }
    }
}

// ---------------------------------------------------------------- found by fuzzing (make fuzz)

#[test]
fn a_long_measure_keeps_the_legend_heading_inside() {
    // The layout fuzz target: a 64-character measure at 280 px drew the
    // legend heading ("<Measure>:") 417 px wide, past the chart's right edge.
    let mut c = careto();
    c.measure.en = "Somewhere with a very long name indeed, longer than any real one".into();
    for w in [WIDTH_RANGE.0, 320.0, 640.0] {
        let l = BarsLayout::new(&c, w, Lang::En);
        let problems: Vec<String> = text_problems(&l.scene).into_iter().filter(|p| p.contains("leaves")).collect();
        assert!(problems.is_empty(), "{w}: {problems:?}");
    }
}

#[test]
fn hit_testing_finds_every_name_of_a_long_row() {
    // The layout fuzz target: 130 countries without a figure, short names, at
    // 4096 px put over 64 names in one row, and hit testing, which looked
    // back at most 64 boxes, missed the first names of the row.
    let mut c = careto();
    let template = c.countries[0].clone();
    for k in 0..130u32 {
        let mut country = template.clone();
        // User-assigned codes (XAA, XAB…): invented places pass validation.
        let code: String = [b'X', b'A' + (k / 26 % 26) as u8, b'A' + (k % 26) as u8].iter().map(|b| char::from(*b)).collect();
        country.code = code.clone().into();
        country.name.en = code.into();
        country.count = Count::NotPublished;
        country.alternatives = Vec::new().into();
        country.counted_by = Vec::new().into();
        c.countries.to_mut().push(country);
    }
    careto_viz::model::validate::validate(&c).unwrap();
    let l = BarsLayout::new(&c, WIDTH_RANGE.1, Lang::En);
    let first_row = l.not_published.iter().filter(|h| h.rect.y == l.not_published[0].rect.y).count();
    assert!(first_row > 64, "the case needs a row of more than 64 names, got {first_row}");
    for h in l.not_published.iter().chain(&l.hits) {
        let p = h.rect.center();
        assert_eq!(l.hit(p.x, p.y), Some(h.target), "centre of {:?}", h.rect);
    }
}

fn sample() -> Campaign {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/sample-campaign.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_label_with_no_room_beside_its_wide_mark_goes_under_it() {
    // The layout fuzz target: the sample campaign's timeline (2016–2020) at
    // 280 px in Spanish drew "… (fuente secundaria)" past the right edge: its
    // year-long mark left room for the status tag on neither side.
    let c = sample();
    let mut below = 0;
    for w in [WIDTH_RANGE.0, 300.0, 320.0, 375.0] {
        for lang in LANGS {
            let l = TimelineLayout::new(&c, w, lang);
            let ctx = format!("{w} {}", lang_name(lang));
            assert!(text_problems(&l.scene).is_empty(), "{ctx}: {:?}", text_problems(&l.scene));
            for a in &l.marks {
                let e = &c.events[a.event];
                assert!(a.label.x >= 0.0 && a.label.right() <= w + EPS, "{ctx}: label of {} {}", e.id, fmt_rect(&a.label));
                for b in &l.marks {
                    assert!(a.event == b.event || (!a.label.overlaps(&b.label) && !a.label.overlaps(&b.mark)), "{ctx}: {} and {}", e.id, c.events[b.event].id);
                }
                if a.label.center().y > a.mark.center().y + 1.0 {
                    below += 1;
                    assert!(!a.label.overlaps(&a.mark), "{ctx}: a label under its mark stays off it");
                }
                // The label is hit, and so is the mark.
                for p in [a.label.center(), a.mark.center()] {
                    assert_eq!(l.hit(p.x, p.y), Some(Target::Event(a.event)), "{ctx}: {} at {p:?}", e.id);
                }
                let text = label_text(&l, &a.label);
                if e.status == Status::Secondary {
                    let tag = if lang == Lang::En { "(secondary report)" } else { "(fuente secundaria)" };
                    assert!(text.ends_with(tag), "{ctx}: {text}");
                }
            }
        }
    }
    assert!(below > 0, "the case should put at least one label under its mark");
}

#[test]
fn year_labels_stay_inside_on_a_long_axis() {
    // The layout fuzz target: events in 1990 and 2100 (the extremes the data
    // rules allow) at 280 px made each year 2.4 px wide, and the label
    // "1990", centred in its year, started left of the chart.
    let mut c = careto();
    c.events.to_mut()[0].date = careto_viz::model::EventDate::parse("1990").unwrap();
    c.events.to_mut()[1].date = careto_viz::model::EventDate::parse("2100-12-31").unwrap();
    careto_viz::model::validate::validate(&c).unwrap();
    for w in [WIDTH_RANGE.0, 320.0, 640.0] {
        for lang in LANGS {
            let l = TimelineLayout::new(&c, w, lang);
            let problems = text_problems(&l.scene);
            assert!(problems.is_empty(), "{w} {}: {problems:?}", lang_name(lang));
            assert!(has_text(&l.scene, "1990"), "{w}: the first year is labelled");
        }
    }
}

#[test]
fn texts_are_on_top_and_the_bars_texts_come_a_style_at_a_time() {
    // No shape covers a text, so layout may order the texts freely; the
    // bars chart puts them after its shapes, a style at a time, so the
    // canvas sets each font, alignment and colour a few times per redraw,
    // not once per label (src/web/hidpi.rs keeps what is set).
    for campaign in [careto(), sample()] {
        for view in [View::Bars, View::Timeline, View::Profile] {
            for width in WIDTHS {
                for lang in LANGS {
                    let options = ChartOptions { view, lang, width, ..ChartOptions::default() };
                    let layout = Layout::new(&campaign, &options);
                    let scene = layout.scene();
                    assert!(scene.texts_on_top(), "{view:?} {lang:?} at {width} px");
                    let mut covered = scene.clone();
                    let (_, _, b) = texts(scene)[0].clone();
                    covered.shapes.push(Shape::Rect { rect: b, fill: Some(Paint::Grid), stroke: None });
                    assert!(!covered.texts_on_top(), "{view:?} {lang:?} at {width} px: a box over a text");
                    if view == View::Bars {
                        let styles: Vec<_> = scene
                            .shapes
                            .iter()
                            .filter_map(|s| match s {
                                Shape::Text { anchor, size, weight, paint, .. } => Some((*anchor, size.to_bits(), *weight, *paint)),
                                _ => None,
                            })
                            .collect();
                        let changes = styles.windows(2).filter(|w| w[0] != w[1]).count();
                        assert!(changes <= 10, "{lang:?} at {width} px: the text style changes {changes} times");
                    }
                }
            }
        }
    }
}

/// In forced colours the year grid is `GrayText`, as strong as the text: it
/// goes behind the timeline's labels, never through their words. Read back
/// from the pixels of the raster backend (the social cards'), in a palette
/// whose `GrayText` is green, so that any green pixel in a label's line is
/// the grid's.
#[test]
fn no_grid_line_runs_through_a_timeline_label() {
    use careto_viz::render::card::card_rgb;
    use careto_viz::theme::{SystemColors, Theme};
    let theme = Theme::forced(SystemColors::from_numbers(&[0x000000, 0xffffff, 0x0000ff, 0x00a000]).unwrap());
    let mut failures = Vec::new();
    for lang in LANGS {
        for w in [375.0, 768.0, 1280.0] {
            let l = timeline(w, lang);
            let (rgb, placed) = card_rgb(&l.scene, &theme).unwrap();
            let size = f64::from(careto_viz::render::card::CARD_WIDTH);
            let green = |x: f64, y: f64| {
                let (px, py) = placed.map(x, y);
                let i = 3 * usize::try_from(careto_viz::num::saturating_u32(py.round() * size + px.round())).unwrap();
                let [r, g, b] = [rgb[i], rgb[i + 1], rgb[i + 2]].map(i32::from);
                g - r > 40 && g - b > 40
            };
            // Each label's line of text (the middle of its lane), and the period's beside its span.
            let mut lines: Vec<(String, Rect)> =
                l.marks.iter().map(|m| (c_event(m.event), Rect { x: m.label.x, y: m.label.center().y - 5.0, w: m.label.w, h: 10.0 })).collect();
            if let Some((_, text, r)) = texts(&l.scene).into_iter().find(|(_, _, r)| r.x > l.period.right() && (r.center().y - l.period.center().y).abs() < 1.0)
            {
                lines.push((text, Rect { y: r.center().y - 5.0, h: 10.0, ..r }));
            }
            for (what, r) in lines {
                let mut x = r.x + 1.0;
                let hits = std::iter::from_fn(|| {
                    x += 0.5;
                    (x < r.right() - 1.0).then_some(x)
                })
                .filter(|&x| (0..=10).any(|k| green(x, r.y + f64::from(k) * r.h / 10.0)))
                .count();
                if hits > 0 {
                    failures.push(format!("{w} {}: {what}: the grid shows in {hits} columns of its words", lang_name(lang)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The period's label is on its span only inside it, in the span's own text
/// colour (`OnSpan`: `Canvas` on `GrayText` in forced colours); beside it or
/// on a line above it otherwise, never partly over it in the page's text
/// colour (`CanvasText` on `GrayText`, 1.5:1), at any width.
#[test]
fn the_period_label_crosses_its_span_only_in_the_spans_text_colour() {
    let mut failures = Vec::new();
    for lang in LANGS {
        let mut above = 0;
        for w in (280..=1280).step_by(5).map(f64::from) {
            let l = timeline(w, lang);
            let Some(Shape::Text { text, paint, .. }) = l.scene.shapes.iter().find(|s| matches!(s, Shape::Text { text, .. } if text.contains("2007 –")))
            else {
                failures.push(format!("{w} {}: no period label", lang_name(lang)));
                continue;
            };
            let label = Scene::text_box(l.scene.shapes.iter().find(|s| matches!(s, Shape::Text { text: t, .. } if t == text)).unwrap()).unwrap();
            let span = l.period;
            let overlap = label.x < span.right() && span.x < label.right() && label.y < span.bottom() && span.y < label.bottom();
            let within = label.x >= span.x && label.right() <= span.right() && label.y >= span.y && label.bottom() <= span.bottom();
            match paint {
                Paint::OnSpan if !within => failures.push(format!("{w} {}: {text:?} in the span's colour runs off it", lang_name(lang))),
                Paint::Text if overlap => failures.push(format!("{w} {}: {text:?} {} over the span {}", lang_name(lang), fmt_rect(&label), fmt_rect(&span))),
                Paint::OnSpan | Paint::Text => {}
                other => failures.push(format!("{w} {}: {text:?} in {other:?}", lang_name(lang))),
            }
            if label.bottom() <= span.y {
                above += 1;
                // Its line above the span is within the period's keyboard item (its ring and hit box).
                assert!(l.period_item.y <= label.y && l.period_item.bottom() >= span.bottom(), "{w}: item {}", fmt_rect(&l.period_item));
            }
        }
        // The narrow widths put it above: the case this test is about.
        if above == 0 {
            failures.push(format!("{}: the label is never above its span", lang_name(lang)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn c_event(i: usize) -> String {
    careto().events[i].id.to_string()
}
