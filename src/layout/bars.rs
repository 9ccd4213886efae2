//! The country bars: horizontal bars, largest first, filled by colour class,
//! with a legend; then the countries without a published figure as a
//! labelled group of names (never as zero-length bars); then the source line.

use super::hatch::class_lines;
use super::legend::Swatch;
use super::{
    foot_height, header_block, hit_sorted, lines_block, max_height, text_block, Anchor, Frame, Header, HitBox, Metrics, Paint, Point, Rect, Scene, Shape,
    Stroke, Target, MAX_SOURCE_LINES, MORE_LINES,
};
use crate::i18n::{capitalize, fill, format_count, strings};
use crate::model::{Campaign, Lang};
use crate::scale::{ColorScale, LinearScale};
use crate::text::{self, Weight};

/// One drawn bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Index into `Campaign::countries`.
    pub country: usize,
    /// The bar itself (zero width for a published 0).
    pub rect: Rect,
    /// The published figure.
    pub value: u32,
    /// Its colour class, `None` for 0.
    pub class: Option<usize>,
}

/// The laid-out country bars chart.
#[derive(Debug, Clone, PartialEq)]
pub struct BarsLayout {
    /// What to draw.
    pub scene: Scene,
    /// Published countries, largest first.
    pub bars: Vec<Bar>,
    /// Countries without a published figure, in reading order, with their name boxes.
    pub not_published: Vec<HitBox>,
    /// The colour classes.
    pub color_scale: ColorScale,
    /// Hit boxes sorted by top edge (bars' rows, then the unpublished names).
    pub hits: Vec<HitBox>,
    /// Countries not drawn, the chart being as tall as a canvas can be
    /// ([`super::max_height`]): counted in an "…and N more" line; the
    /// smallest bars, then the last names without a figure.
    pub hidden: usize,
}

/// The legend entries of the colour classes: "<Measure>:" (cut to the
/// chart's width: a newsroom's measure can be a long label), then one
/// swatch per class: its colour, or with `patterns` (forced colours, where
/// every class is one colour) its lines ([`class_lines`]; the top class
/// solid). The bars and the map draw the same.
pub(crate) fn class_legend(
    color_scale: &ColorScale,
    campaign: &Campaign,
    inner: f64,
    m: &Metrics,
    lang: Lang,
    header: Header,
    patterns: bool,
) -> Vec<(Swatch, String)> {
    let s = strings(lang);
    // A hedged measure is named, with its hedge, in the subtitle just above
    // (in a plain chart, by `plain_measure` just above).
    let heading = match (campaign.hedge(lang), header) {
        (Some(_), Header::Plain) => None,
        (Some(_), Header::Full) => Some(s.legend_heading_hedged.to_string()),
        (None, _) => Some(fill(s.legend_heading, &[("measure", &capitalize(campaign.measure.get(lang)))])),
    };
    let mut items = Vec::new();
    if let Some(h) = heading {
        items.push((Swatch::Heading, text::truncate(&h, m.subtitle, Weight::Normal, inner)));
    }
    let n = color_scale.classes().len();
    items.extend(color_scale.classes().iter().enumerate().map(|(i, c)| {
        let swatch = match class_lines(i, n).filter(|_| patterns) {
            Some(lines) => Swatch::Lines(Paint::Class(i), lines),
            None => Swatch::Fill(Paint::Class(i)),
        };
        (swatch, c.label(|n| format_count(n, lang)))
    }));
    items
}

/// In a plain chart, which has no subtitle, the legend's heading for a
/// hedged measure: the measure with its hedge ("Counts, almost certainly
/// of victim IP addresses:"), wrapped, from `y`, for a count must say what
/// it counts. Returns the y below it; draws nothing otherwise (the
/// subtitle names a hedged measure, the legend's heading an unhedged one).
#[allow(clippy::too_many_arguments)]
pub(crate) fn plain_measure(scene: &mut Scene, campaign: &Campaign, lang: Lang, header: Header, x0: f64, y: f64, inner: f64, m: &Metrics) -> f64 {
    match (header, campaign.hedge(lang)) {
        (Header::Plain, Some(hedge)) => {
            let text = fill(strings(lang).legend_heading_plain, &[("hedge", hedge), ("measure", campaign.measure.get(lang))]);
            text_block(scene, &text, x0, y, inner, m.subtitle, Weight::Normal, Paint::Muted)
        }
        _ => y,
    }
}

/// How far a bar's keyboard item (and focus ring) reaches above and below the bar, CSS px.
pub const ITEM_MARGIN: f64 = 3.0;

/// The subtitle of the bars (and the map): the measure, with its hedge
/// when it has one, and when the figures were published.
pub(crate) fn subtitle(campaign: &Campaign, lang: Lang) -> String {
    let s = strings(lang);
    let measure = campaign.measure.get(lang);
    match campaign.hedge(lang) {
        Some(hedge) => fill(s.bars_subtitle_hedged, &[("hedge", hedge), ("measure", measure), ("as_of", campaign.as_of.get(lang))]),
        None => fill(s.bars_subtitle, &[("measure", &capitalize(measure)), ("as_of", campaign.as_of.get(lang))]),
    }
}

impl BarsLayout {
    /// Lays out `campaign` at `width` CSS px (clamped to the supported range) in `lang`.
    pub fn new(campaign: &Campaign, width: f64, lang: Lang) -> BarsLayout {
        BarsLayout::with_header(campaign, width, lang, Header::Full)
    }

    /// [`BarsLayout::new`], with its header or without ([`Header::Plain`]).
    pub fn with_header(campaign: &Campaign, width: f64, lang: Lang, header: Header) -> BarsLayout {
        BarsLayout::with_patterns(campaign, width, lang, header, false)
    }

    /// [`BarsLayout::with_header`]; with `patterns` (forced colours, where
    /// every class is one system colour), each bar below the top class is
    /// land outlined and crossed by its class's lines, as on the map and in
    /// the legend ([`class_lines`]), the top class's bars solid. The same
    /// geometry and hit boxes either way.
    pub fn with_patterns(campaign: &Campaign, width: f64, lang: Lang, header: Header, patterns: bool) -> BarsLayout {
        let Frame { width, metrics: m, x0, x1, mut scene } = Frame::new(width);
        let s = strings(lang);
        let inner = x1 - x0;

        // Title and subtitle.
        let name = campaign.name.get(lang);
        let n_countries = campaign.countries.len().to_string();
        let title = fill(s.bars_title, &[("name", name), ("n", &n_countries)]);
        let mut y = header_block(&mut scene, header, campaign, lang, [&title, &subtitle(campaign, lang)], (x0, inner), 10.0, &m);

        // Rows end where the foot (the "…and N more" line, the source line)
        // still fits under them in the tallest canvas a browser draws.
        let source = text::wrap_at_most(campaign.bars_source_line.get(lang), m.small, Weight::Normal, inner, MAX_SOURCE_LINES);
        let rows_end = max_height(width) - foot_height(source.len(), 12.0, &m);
        let mut hidden = 0;

        // Published figures, largest first; ties by name.
        let published = crate::order::published_by_value(campaign, lang);
        let values: Vec<u32> = published.iter().map(|p| p.1).collect();
        let color_scale = ColorScale::for_values(&values);

        // Legend: "<Measure>:" then one swatch per class.
        y = plain_measure(&mut scene, campaign, lang, header, x0, y + 10.0, inner, &m);
        let swatch = (m.subtitle * 0.9).round();
        let line_h = (m.subtitle * 1.5).round();
        y = super::legend::legend(&mut scene, class_legend(&color_scale, campaign, inner, &m, lang, header, patterns), x0, x1, y, &m) + 10.0;
        // Texts go after the shapes, a style at a time (see the legend).
        let mut texts = Vec::new();

        // Bars.
        let label_w = published
            .iter()
            .filter_map(|(i, _)| campaign.countries.get(*i))
            .map(|c| text::width(c.name.get(lang), m.label, Weight::Normal))
            .fold(0.0, f64::max)
            .min(inner * 0.38);
        let value_w = values.iter().map(|v| text::width(&format_count(*v, lang), m.label, Weight::Bold)).fold(0.0, f64::max) + 8.0;
        let bar_x0 = x0 + label_w + 8.0;
        let bar_max_w = (x1 - value_w - bar_x0).max(10.0);
        let max_value = f64::from(values.first().copied().unwrap_or(1).max(1));
        let scale = LinearScale::new((0.0, max_value), (bar_x0, bar_x0 + bar_max_w));
        let bar_h = if width < 480.0 { 14.0 } else { 16.0 };
        let pitch = bar_h + 6.0;
        let mut bars = Vec::with_capacity(published.len());
        let mut hits = Vec::new();
        let bars_top = y;
        // Names, then values: see the legend's texts.
        let mut values_text = Vec::new();
        for (k, (country, value)) in published.iter().enumerate() {
            // (The Mask's 31 rows always fit: the drawing kernels leave the bound out; tests/tall_charts.rs.)
            if crate::ANY_CAMPAIGN && y + pitch > rows_end {
                hidden += published.len() - k;
                break;
            }
            let Some(c) = campaign.countries.get(*country) else { continue };
            let mid = y + pitch / 2.0;
            let name = text::truncate(c.name.get(lang), m.label, Weight::Normal, label_w);
            texts.push(Shape::Text {
                text: name,
                at: Point { x: bar_x0 - 8.0, y: mid },
                anchor: Anchor::RightMiddle,
                size: m.label,
                weight: Weight::Normal,
                paint: Paint::Text,
            });
            let class = color_scale.class_of(*value);
            let rect = Rect { x: bar_x0, y: mid - bar_h / 2.0, w: (scale.map(f64::from(*value)) - bar_x0).max(if *value > 0 { 1.0 } else { 0.0 }), h: bar_h };
            match (class, class.and_then(|i| class_lines(i, color_scale.classes().len())).filter(|_| patterns)) {
                (Some(class), Some(lines)) => super::legend::lined(&mut scene, rect, Paint::Class(class), lines),
                (Some(class), None) => scene.shapes.push(Shape::Rect { rect, fill: Some(Paint::Class(class)), stroke: None }),
                (None, _) => {}
            }
            values_text.push(Shape::Text {
                text: format_count(*value, lang),
                at: Point { x: rect.right() + 4.0, y: mid },
                anchor: Anchor::LeftMiddle,
                size: m.label,
                weight: Weight::Bold,
                paint: Paint::Text,
            });
            hits.push(HitBox { rect: Rect { x: x0, y, w: inner, h: pitch }, target: Target::Country(*country) });
            bars.push(Bar { country: *country, rect, value: *value, class });
            y += pitch;
        }
        if !bars.is_empty() {
            scene.shapes.push(Shape::Line {
                from: Point { x: bar_x0, y: bars_top },
                to: Point { x: bar_x0, y },
                stroke: Stroke { paint: Paint::Axis, width: 1.0, dashed: false },
            });
        }
        scene.shapes.append(&mut texts);
        scene.shapes.append(&mut values_text);

        // Countries without a published figure: a labelled group of names.
        let unpublished = crate::order::unpublished_by_name(campaign, lang);
        let mut not_published = Vec::with_capacity(unpublished.len());
        let row_h = (m.label * 1.6).round();
        if crate::ANY_CAMPAIGN && (hidden > 0 || y + 14.0 + line_h + 2.0 + row_h > rows_end) {
            // No room for the group's heading and a row of names.
            hidden += unpublished.len();
        } else if !unpublished.is_empty() {
            y += 14.0;
            let heading = fill(s.not_published_heading, &[("n", &unpublished.len().to_string())]);
            let mid = y + line_h / 2.0;
            scene.shapes.push(Shape::Rect {
                rect: Rect { x: x0, y: mid - swatch / 2.0, w: swatch, h: swatch },
                fill: None,
                stroke: Some(Stroke { paint: Paint::Axis, width: 1.0, dashed: true }),
            });
            let heading = text::truncate(&heading, m.subtitle, Weight::Bold, inner - swatch - 6.0);
            scene.shapes.push(Shape::Text {
                text: heading,
                at: Point { x: x0 + swatch + 6.0, y: mid },
                anchor: Anchor::LeftMiddle,
                size: m.subtitle,
                weight: Weight::Bold,
                paint: Paint::Text,
            });
            y += line_h + 2.0;
            let sep = "  ·  ";
            let sep_w = text::width(sep, m.label, Weight::Normal);
            let mut x = x0;
            for (k, i) in unpublished.iter().enumerate() {
                let Some(c) = campaign.countries.get(*i) else { continue };
                let name = text::truncate(c.name.get(lang), m.label, Weight::Normal, inner);
                let w = text::width(&name, m.label, Weight::Normal);
                if x > x0 && x + w > x1 {
                    if crate::ANY_CAMPAIGN && y + 2.0 * row_h > rows_end {
                        hidden += unpublished.len() - k;
                        break;
                    }
                    x = x0;
                    y += row_h;
                } else if k > 0 {
                    texts.push(Shape::Text {
                        text: sep.trim().to_string(),
                        at: Point { x: x - sep_w / 2.0, y: y + row_h / 2.0 },
                        anchor: Anchor::CenterMiddle,
                        size: m.label,
                        weight: Weight::Normal,
                        paint: Paint::Muted,
                    });
                }
                scene.shapes.push(Shape::Text {
                    text: name,
                    at: Point { x, y: y + row_h / 2.0 },
                    anchor: Anchor::LeftMiddle,
                    size: m.label,
                    weight: Weight::Normal,
                    paint: Paint::Text,
                });
                let hit = HitBox { rect: Rect { x, y, w, h: row_h }, target: Target::Country(*i) };
                not_published.push(hit);
                hits.push(hit);
                x += w + sep_w;
            }
            y += row_h;
            // The separators after the names: see the legend's texts.
            scene.shapes.append(&mut texts);
        }

        if hidden > 0 {
            let more = fill(s.more_countries, &[("n", &format_count(u32::try_from(hidden).unwrap_or(u32::MAX), lang))]);
            let more = text::wrap_at_most(&more, m.small, Weight::Normal, inner, MORE_LINES);
            y = lines_block(&mut scene, more, x0, y + 8.0, m.small, Weight::Normal, Paint::Muted);
        }

        // Source line.
        y = lines_block(&mut scene, source, x0, y + 12.0, m.small, Weight::Normal, Paint::Muted);
        Frame::finish(&mut scene, y, m.pad);
        let hits = super::sort_by_top(hits);
        BarsLayout { scene, bars, not_published, color_scale, hits, hidden }
    }

    /// The items in keyboard order: the bars top to bottom, each a row the
    /// chart's width wide with [`ITEM_MARGIN`] above and below the bar (the
    /// focus ring's box), then the names without a published figure.
    pub fn items(&self) -> Vec<HitBox> {
        let rows = self.bars.iter().map(|b| HitBox {
            rect: Rect { x: 0.0, y: b.rect.y - ITEM_MARGIN, w: self.scene.width, h: b.rect.h + 2.0 * ITEM_MARGIN },
            target: Target::Country(b.country),
        });
        rows.chain(self.not_published.iter().copied()).collect()
    }

    /// The item under `(x, y)` CSS px, if any.
    pub fn hit(&self, x: f64, y: f64) -> Option<Target> {
        hit_sorted(&self.hits, x, y)
    }
}
