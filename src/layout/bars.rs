//! The country bars: horizontal bars, largest first, filled by colour class,
//! with a legend; then the countries without a published figure as a
//! labelled group of names (never as zero-length bars); then the source line.

use super::legend::Swatch;
use super::{clamp_width, hit_sorted, text_block, Anchor, HitBox, Metrics, Paint, Point, Rect, Scene, Shape, Stroke, Target};
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
}

/// The legend entries of the colour classes: "<Measure>:" (cut to the
/// chart's width: a newsroom's measure can be a long label), then one
/// swatch per class. The bars and the map draw the same.
pub(crate) fn class_legend(color_scale: &ColorScale, measure: &str, inner: f64, m: &Metrics, lang: Lang) -> Vec<(Swatch, String)> {
    let heading = fill(strings(lang).legend_heading, &[("measure", &capitalize(measure))]);
    let mut items = vec![(Swatch::Heading, text::truncate(&heading, m.subtitle, Weight::Normal, inner))];
    items.extend(color_scale.classes().iter().enumerate().map(|(i, c)| (Swatch::Fill(Paint::Class(i)), c.label())));
    items
}

impl BarsLayout {
    /// Lays out `campaign` at `width` CSS px (clamped to the supported range) in `lang`.
    pub fn new(campaign: &Campaign, width: f64, lang: Lang) -> BarsLayout {
        let width = clamp_width(width);
        let m = Metrics::for_width(width);
        let s = strings(lang);
        let x0 = m.pad;
        let x1 = width - m.pad;
        let inner = x1 - x0;
        let mut scene = Scene { width, height: 0.0, shapes: Vec::new() };
        scene.shapes.push(Shape::Rect { rect: Rect { x: 0.0, y: 0.0, w: width, h: 0.0 }, fill: Some(Paint::Background), stroke: None });

        // Title and subtitle.
        let name = campaign.name.get(lang);
        let n_countries = campaign.countries.len().to_string();
        let title = fill(s.bars_title, &[("name", name), ("n", &n_countries)]);
        let mut y = text_block(&mut scene, &title, x0, m.pad, inner, m.title, Weight::Bold, Paint::Text);
        let measure = campaign.measure.get(lang);
        let subtitle = fill(s.bars_subtitle, &[("measure", &capitalize(measure)), ("as_of", campaign.as_of.get(lang))]);
        y = text_block(&mut scene, &subtitle, x0, y + 2.0, inner, m.subtitle, Weight::Normal, Paint::Muted);

        // Published figures, largest first; ties by name.
        let published = crate::order::published_by_value(campaign, lang);
        let values: Vec<u32> = published.iter().map(|p| p.1).collect();
        let color_scale = ColorScale::for_values(&values);

        // Legend: "<Measure>:" then one swatch per class.
        y += 10.0;
        let swatch = (m.subtitle * 0.9).round();
        let line_h = (m.subtitle * 1.5).round();
        y = super::legend::legend(&mut scene, class_legend(&color_scale, measure, inner, &m, lang), x0, x1, y, &m) + 10.0;
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
        for (country, value) in &published {
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
            if let Some(class) = class {
                scene.shapes.push(Shape::Rect { rect, fill: Some(Paint::Class(class)), stroke: None });
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
        if !unpublished.is_empty() {
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
            let row_h = (m.label * 1.6).round();
            let mut x = x0;
            for (k, i) in unpublished.iter().enumerate() {
                let Some(c) = campaign.countries.get(*i) else { continue };
                let name = text::truncate(c.name.get(lang), m.label, Weight::Normal, inner);
                let w = text::width(&name, m.label, Weight::Normal);
                if x > x0 && x + w > x1 {
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

        // Source line.
        y = text_block(&mut scene, campaign.bars_source_line.get(lang), x0, y + 12.0, inner, m.small, Weight::Normal, Paint::Muted);
        let height = (y + m.pad).ceil();
        scene.height = height;
        if let Some(Shape::Rect { rect, .. }) = scene.shapes.first_mut() {
            rect.h = height;
        }
        let hits = super::sort_by_top(hits);
        BarsLayout { scene, bars, not_published, color_scale, hits }
    }

    /// The item under `(x, y)` CSS px, if any.
    pub fn hit(&self, x: f64, y: f64) -> Option<Target> {
        hit_sorted(&self.hits, x, y)
    }
}
