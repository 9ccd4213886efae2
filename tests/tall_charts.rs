//! Charts taller than a browser's canvas can be (issue 13.4). Chromium caps
//! a canvas side at 32,767 px and Safari on iOS its area at 16,777,216 px:
//! past those the browser cut the bottom of the picture (the source line
//! included) while hit testing still answered below it. Now the layout
//! stops its rows at `layout::max_height`, says "…and N more" in the
//! picture (every row stays in the data table), and hit testing, the
//! keyboard's items and the picture agree.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

use careto_viz::chart::{ChartOptions, Layout, View};
use careto_viz::data::careto;
use careto_viz::layout::{bitmap_scale, max_height, Scene, Shape, Target, MAX_CANVAS_AREA, MAX_CANVAS_SIDE, MAX_SOURCE_LINES};
use careto_viz::model::{Campaign, Count, Event, EventDate, Lang, Status, Str, Text};
use careto_viz::theme::ThemeName;
use std::borrow::Cow;

fn text(s: &str) -> Text {
    Text { en: s.to_string().into(), es: s.to_string().into() }
}

fn code(i: usize) -> Str {
    let letters: String = [i / 676, i / 26 % 26, i % 26].iter().map(|&k| char::from(b'A' + u8::try_from(k % 26).unwrap())).collect();
    Cow::Owned(letters)
}

/// Careto with `published` countries with a figure and `unpublished` without, instead of its own.
fn with_countries(published: usize, unpublished: usize) -> Campaign {
    let mut c = careto();
    let template = c.countries[0].clone();
    let countries = (0..published + unpublished).map(|i| {
        let mut k = template.clone();
        k.code = code(i);
        k.name = text(&format!("Country {i}"));
        k.count = if i < published { Count::Published(u32::try_from(i + 1).unwrap()) } else { Count::NotPublished };
        k.alternatives = Cow::Owned(vec![]);
        k
    });
    c.countries = Cow::Owned(countries.collect());
    c
}

/// Careto with `n` more events, all on one day (one lane each).
fn with_events(n: usize) -> Campaign {
    with_events_on(n, |_| "2014-02-10".to_string())
}

/// Careto with `n` more events, the i-th on the date `date(i)`.
fn with_events_on(n: usize, date: impl Fn(usize) -> String) -> Campaign {
    let mut c = careto();
    let sources = c.events[0].sources.clone();
    let more = (0..n).map(|i| Event {
        id: Cow::Owned(format!("more-{i}")),
        date: EventDate::parse(&date(i)).unwrap(),
        approximate: false,
        label: text(&format!("Event {i}")),
        description: text("Invented."),
        status: Status::Reported,
        note: Text::default(),
        sources: sources.clone(),
    });
    c.events.to_mut().extend(more);
    c
}

fn layout(c: &Campaign, view: View, width: f64, lang: Lang) -> Layout {
    Layout::new(c, &ChartOptions { view, lang, theme: ThemeName::Light, width, ..ChartOptions::default() })
}

fn texts(scene: &Scene) -> Vec<&str> {
    scene.shapes.iter().filter_map(|s| if let Shape::Text { text, .. } = s { Some(text.as_str()) } else { None }).collect()
}

/// The lowest edge of anything drawn.
fn bottom(scene: &Scene) -> f64 {
    scene.shapes.iter().skip(1).map(|s| Scene::text_box(s).map_or(0.0, |b| b.bottom())).fold(0.0, f64::max)
}

#[test]
fn the_tallest_chart_fits_every_browser_at_any_width() {
    for width in [280.0, 320.0, 640.0, 1280.0, 4096.0] {
        let h = max_height(width);
        assert!(h <= MAX_CANVAS_SIDE && h * width <= MAX_CANVAS_AREA, "{width}: {h}");
        assert_eq!(h, 4096.0, "{width}: room for a hundred rows and more");
    }
}

/// 10,000 countries with a figure: the bars stop at the tallest canvas, an
/// "…and N more" line and the source line are drawn, and nothing answers
/// below the last bar drawn.
#[test]
fn ten_thousand_bars_are_cut_with_a_line_that_says_so() {
    let c = with_countries(10_000, 20);
    for (width, lang) in [(640.0, Lang::En), (4096.0, Lang::Es), (280.0, Lang::En)] {
        let l = layout(&c, View::Bars, width, lang);
        let Layout::Bars(bars) = &l else { unreachable!() };
        let scene = l.scene();
        assert!(scene.height <= max_height(width), "{width}: height {}", scene.height);
        assert!(bottom(scene) <= scene.height, "{width}: a text below the canvas");
        assert!(bars.hidden > 0 && bars.bars.len() > 100, "{width}: {} drawn, {} hidden", bars.bars.len(), bars.hidden);
        assert_eq!(bars.bars.len() + bars.hidden, 10_020, "{width}: every country drawn or counted");
        let n = careto_viz::i18n::format_count(u32::try_from(bars.hidden).unwrap(), lang);
        let more = match lang {
            Lang::En => format!("…and {n} more countries, too many to draw: all are in the data table"),
            Lang::Es => format!("…y {n} países más, demasiados para dibujarlos: todos están en la tabla de datos"),
        };
        // The line (wrapped at the narrowest width), then the source line.
        let t = texts(scene).join(" ");
        let source = c.bars_source_line.get(lang);
        assert!(t.contains(&format!("{more} {}", &source[..20])), "{width}: no line saying {more:?} before the source line");
        // Hit testing and the keyboard know exactly the bars drawn.
        let last = bars.bars.last().unwrap();
        assert_eq!(l.hit(last.rect.x + 1.0, last.rect.y + 1.0), Some(Target::Country(last.country)));
        for y in [last.rect.bottom() + 8.0, scene.height - 5.0] {
            assert_eq!(l.hit(width / 2.0, y), None, "{width}: nothing drawn at y {y}");
        }
        assert_eq!(l.items().len(), bars.bars.len());
    }
}

/// Bars that fit, then names without a figure cut mid-group.
#[test]
fn names_without_a_figure_are_cut_at_the_tallest_canvas_too() {
    let c = with_countries(100, 20_000);
    let l = layout(&c, View::Bars, 640.0, Lang::En);
    let Layout::Bars(bars) = &l else { unreachable!() };
    assert_eq!(bars.bars.len(), 100, "every bar drawn");
    assert!(!bars.not_published.is_empty() && bars.hidden > 0);
    assert_eq!(bars.not_published.len() + bars.hidden, 20_000);
    assert!(l.scene().height <= max_height(640.0));
    let last = bars.not_published.last().unwrap();
    assert_eq!(l.hit(last.rect.center().x, last.rect.center().y), Some(last.target));
    assert_eq!(l.hit(320.0, last.rect.bottom() + 10.0), None);
    assert!(texts(l.scene()).iter().any(|t| t.starts_with("…and ") && t.contains(" more countries")));
}

/// 10,000 events on one day take 10,000 lanes: those below the tallest
/// canvas are counted, not drawn, and not hit.
#[test]
fn ten_thousand_events_on_one_day_are_cut_with_a_line_that_says_so() {
    let c = with_events(10_000);
    let l = layout(&c, View::Timeline, 640.0, Lang::En);
    let Layout::Timeline(t) = &l else { unreachable!() };
    assert!(l.scene().height <= max_height(640.0));
    assert!(bottom(l.scene()) <= l.scene().height);
    assert!(t.hidden > 0);
    assert_eq!(t.marks.len() + t.hidden, c.events.len());
    let more =
        format!("…and {} more events, too many to draw: all are in the data table", careto_viz::i18n::format_count(u32::try_from(t.hidden).unwrap(), Lang::En));
    assert!(texts(l.scene()).join(" ").contains(&more), "no line saying {more:?}");
    let lowest = t.marks.iter().map(|m| m.label.bottom().max(m.mark.bottom())).fold(0.0, f64::max);
    assert_eq!(l.hit(320.0, lowest + 30.0), None);
    assert_eq!(l.items().len(), t.marks.len() + 1);
}

/// 10,000 events spread over the years: the first 100 by date are drawn
/// (placing and drawing them all took Chromium one task of about 60 ms),
/// the others counted in the "…and N more" line; the summary names 50
/// and counts the others (issue 13.3).
#[test]
fn a_timeline_draws_at_most_100_events_and_its_summary_names_50() {
    let c = with_events_on(10_000, |i| format!("{}-{:02}", 2007 + i % 8, 1 + i % 12));
    let l = layout(&c, View::Timeline, 800.0, Lang::En);
    let Layout::Timeline(t) = &l else { unreachable!() };
    assert_eq!(t.marks.len(), careto_viz::layout::timeline::MAX_EVENTS_DRAWN);
    assert_eq!(t.marks.len() + t.hidden, c.events.len());
    assert!(texts(l.scene()).join(" ").contains("…and 9,911 more events, too many to draw: all are in the data table"));
    assert_eq!(l.items().len(), 101, "the period and the events drawn");
    let summary = careto_viz::describe::timeline_summary(&c, Lang::En);
    assert!(summary.contains(" And 9,961 more events, all in the data table. "), "{}", &summary[summary.len() - 300..]);
    assert!(summary.len() < 5_000, "{} bytes", summary.len());
    let es = careto_viz::describe::timeline_summary(&c, Lang::Es);
    assert!(es.contains(" Y 9.961 sucesos más, todos en la tabla de datos. "), "{}", &es[es.len() - 300..]);
    let bars = with_countries(300, 5);
    let summary = careto_viz::describe::bars_summary(&bars, Lang::En);
    assert!(summary.contains("; Country 250, 251; and 250 more countries (all in the data table). "), "{summary}");
    assert!(summary.contains(" 5 more countries were affected but no count was published."), "{summary}");
}

/// A source line of a megabyte is drawn in at most ten lines, the last
/// ending with "…" (the summary has all of it).
#[test]
fn a_very_long_source_line_is_drawn_in_ten_lines_at_most() {
    let mut c = careto();
    let long = "Source: a very long list of sources. ".repeat(30_000);
    c.bars_source_line = text(&long);
    c.timeline_source_line = text(&long);
    for view in [View::Bars, View::Timeline] {
        let normal = layout(&careto(), view, 320.0, Lang::En).scene().height;
        let l = layout(&c, view, 320.0, Lang::En);
        let source: Vec<&str> = texts(l.scene()).into_iter().filter(|t| t.contains("very long") || t.starts_with("list") || t.starts_with("sources")).collect();
        assert!(source.len() <= MAX_SOURCE_LINES, "{view:?}: {} lines", source.len());
        assert!(source.last().unwrap().ends_with('…'), "{view:?}: {:?}", source.last());
        assert!(l.scene().height < normal + 200.0, "{view:?}: {} px", l.scene().height);
    }
    assert!(careto_viz::describe::bars_summary(&c, Lang::En).contains(&long), "the summary has the whole source line");
}

/// The canvas's scale (web/hidpi.rs): one for both sides, lowered until the
/// bitmap fits; each side clamped on its own once squashed a tall chart at DPR 3.
#[test]
fn the_bitmap_scale_is_one_for_both_sides_and_fits_the_caps() {
    let round = |v: f64| v.round();
    for (w, h, dpr) in
        [(640.0, 700.0, 2.0), (375.0, 26_214.0, 3.0), (640.0, 26_214.0, 3.0), (4096.0, 4096.0, 2.0), (280.0, 32_767.0, 1.0), (320.0, 500.0, f64::NAN)]
    {
        let s = bitmap_scale(w, h, dpr);
        let (bw, bh) = (round(w * s), round(h * s));
        assert!(bw <= MAX_CANVAS_SIDE && bh <= MAX_CANVAS_SIDE && bw * bh <= MAX_CANVAS_AREA, "{w}x{h} at {dpr}: {bw}x{bh}");
        assert!(s > 0.0 && (s <= dpr || dpr.is_nan()), "{w}x{h} at {dpr}: {s}");
    }
    assert_eq!(bitmap_scale(640.0, 700.0, 2.0), 2.0, "a chart that fits keeps the screen's ratio");
    assert_eq!(bitmap_scale(320.0, 500.0, f64::NAN), 1.0);
    // A 640 x 4,096 chart at DPR 3: the area caps it (not the side), evenly.
    let s = bitmap_scale(640.0, 4_096.0, 3.0);
    assert!(s < 2.53 && s > 2.51, "{s}");
}

/// The drawing kernels hold The Mask only and leave out the bounds above
/// (`crate::ANY_CAMPAIGN`): its 31 countries and 11 events fit the tallest
/// canvas at every width, in both languages, with and without the header.
#[test]
fn the_mask_never_reaches_the_bound() {
    let c = careto();
    for lang in [Lang::En, Lang::Es] {
        for width in (0..=4200).step_by(7).map(f64::from) {
            for header in [careto_viz::layout::Header::Full, careto_viz::layout::Header::Plain] {
                let bars = careto_viz::layout::bars::BarsLayout::with_header(&c, width, lang, header);
                assert_eq!((bars.hidden, bars.bars.len(), bars.not_published.len()), (0, 11, 20), "bars {lang:?} {width}");
                let timeline = careto_viz::layout::timeline::TimelineLayout::with_header(&c, width, lang, header);
                assert_eq!((timeline.hidden, timeline.marks.len()), (0, c.events.len()), "timeline {lang:?} {width}");
            }
        }
    }
}
