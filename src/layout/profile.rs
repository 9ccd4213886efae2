//! The profile: who and what a campaign targeted, as its sources describe
//! it. Sectors as a list of names (no source published counts or shares,
//! so nothing is drawn to a size), platforms with a mark for how far each
//! was established (drawn like the timeline's claims: solid when samples
//! were analysed, dashed when only parts were seen, violet and tagged when
//! suspected), and what was stolen (the sources' summary and the file
//! extensions sought); then the source line.

use super::{
    foot_height, hit_sorted, line_height, lines_block, max_height, text_block, Anchor, Frame, HitBox, Paint, Point, Rect, Shape, Stroke, Target,
    MAX_SOURCE_LINES, MORE_LINES, RING_GAP,
};
use crate::i18n::{fill, profile_strings, ProfileStrings};
use crate::model::{Campaign, Lang, PlatformStatus};
use crate::text::{self, Weight};

/// The laid-out profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileLayout {
    /// What to draw.
    pub scene: super::Scene,
    /// Hit boxes sorted by top edge (a sector's name, a platform's row, the
    /// stolen summary's lines, each row of extensions).
    pub hits: Vec<HitBox>,
    /// The items in reading order, for the keyboard: each sector, each
    /// platform, the stolen summary, the extensions (one item, all rows).
    pub items: Vec<HitBox>,
    /// Items not drawn, the chart being as tall as a canvas can be.
    pub hidden: usize,
}

/// The width of a platform's mark, and its gap to the label (CSS px).
const MARK_W: f64 = 14.0;
const MARK_GAP: f64 = 6.0;

/// A platform's mark: solid (analysed), dashed (partial), a violet diamond (suspected).
fn platform_mark(status: PlatformStatus, x: f64, mid: f64) -> Shape {
    let rect = Rect { x, y: mid - 5.0, w: MARK_W, h: 10.0 };
    match status {
        PlatformStatus::Analysed => Shape::Rect { rect, fill: Some(Paint::Reported), stroke: None },
        PlatformStatus::Partial => Shape::Rect { rect, fill: None, stroke: Some(Stroke { paint: Paint::Reported, width: 1.5, dashed: true }) },
        PlatformStatus::Suspected => Shape::Diamond { center: Point { x: x + MARK_W / 2.0, y: mid }, radius: 6.0, fill: Some(Paint::Alleged), stroke: None },
    }
}

/// The text a platform's row draws: "Linux: exploit-server modules seen…",
/// "Android (suspected): …".
pub fn platform_text(p: &crate::model::Platform, s: &ProfileStrings, lang: Lang) -> String {
    match p.status {
        PlatformStatus::Suspected => format!("{} ({}): {}", p.label.get(lang), s.tag_suspected, p.detail.get(lang)),
        _ => format!("{}: {}", p.label.get(lang), p.detail.get(lang)),
    }
}

impl ProfileLayout {
    /// Lays out the profile of `campaign` at `width` CSS px in `lang`.
    pub fn new(campaign: &Campaign, width: f64, lang: Lang) -> ProfileLayout {
        ProfileLayout::with_header(campaign, width, lang, super::Header::Full)
    }

    /// [`ProfileLayout::new`], with its header or without ([`super::Header::Plain`]).
    pub fn with_header(campaign: &Campaign, width: f64, lang: Lang, header: super::Header) -> ProfileLayout {
        let Frame { width, metrics: m, x0, x1, mut scene } = Frame::new(width);
        let s = profile_strings(lang);
        let p = &campaign.profile;
        let inner = x1 - x0;
        // Items' boxes reach RING_GAP beyond what they draw, so that the
        // keyboard's ring (drawn inside the box) clears their marks and words.
        let (hx, hw) = (x0 - RING_GAP, inner + 2.0 * RING_GAP);
        let title = fill(s.title, &[("name", campaign.name.get(lang))]);
        let mut y = super::header_block(&mut scene, header, campaign, lang, [&title, s.subtitle], (x0, inner), 12.0, &m);

        let source = text::wrap_at_most(p.source_line.get(lang), m.small, Weight::Normal, inner, MAX_SOURCE_LINES);
        let rows_end = max_height(width) - foot_height(source.len(), 12.0, &m);
        let (mut hits, mut items, mut texts, mut hidden) = (Vec::new(), Vec::new(), Vec::new(), 0);
        let row_h = (m.label * 1.6).round();
        let heading = |scene: &mut super::Scene, text: &str, y: f64| text_block(scene, text, x0, y + 12.0, inner, m.subtitle, Weight::Bold, Paint::Text);

        if p.is_empty() {
            y = text_block(&mut scene, s.empty, x0, y + 12.0, inner, m.label, Weight::Normal, Paint::Muted);
        }

        // Sectors: names in rows, a dot before each; no sizes.
        if !p.sectors.is_empty() {
            y = heading(&mut scene, s.sectors, y) + 2.0;
            let mut x = x0;
            for (i, sector) in p.sectors.iter().enumerate() {
                let name = text::truncate(sector.label.get(lang), m.label, Weight::Normal, inner - 10.0);
                let w = 10.0 + text::width(&name, m.label, Weight::Normal);
                if x > x0 && x + w > x1 {
                    x = x0;
                    y += row_h;
                }
                if y + row_h > rows_end {
                    hidden += p.sectors.len() - i;
                    break;
                }
                let mid = y + row_h / 2.0;
                scene.shapes.push(Shape::Circle { center: Point { x: x + 3.0, y: mid }, radius: 3.0, fill: Some(Paint::Muted), stroke: None });
                texts.push(Shape::Text {
                    text: name,
                    at: Point { x: x + 10.0, y: mid },
                    anchor: Anchor::LeftMiddle,
                    size: m.label,
                    weight: Weight::Normal,
                    paint: Paint::Text,
                });
                let hit = HitBox { rect: Rect { x: x - RING_GAP, y, w: w + 2.0 * RING_GAP, h: row_h }, target: Target::Sector(i) };
                hits.push(hit);
                items.push(hit);
                x += w + 18.0;
            }
            y += row_h;
        }

        // Platforms: a mark for how far each was established, then its words.
        if !p.platforms.is_empty() {
            y = heading(&mut scene, s.platforms, y);
            y = legend(&mut scene, &mut texts, s, x0, x1, y + 2.0, m.small);
            for (i, platform) in p.platforms.iter().enumerate() {
                let lines = text::wrap_at_most(&platform_text(platform, s, lang), m.label, Weight::Normal, inner - MARK_W - MARK_GAP, 3);
                let h = line_height(m.label) * crate::num::count_f64(lines.len()) + 6.0;
                if y + h > rows_end {
                    hidden += p.platforms.len() - i;
                    break;
                }
                let first_mid = y + 3.0 + line_height(m.label) / 2.0;
                scene.shapes.push(platform_mark(platform.status, x0, first_mid));
                let paint = if platform.status == PlatformStatus::Suspected { Paint::Alleged } else { Paint::Text };
                let mut ly = y + 3.0;
                for line in lines {
                    texts.push(Shape::Text {
                        text: line,
                        at: Point { x: x0 + MARK_W + MARK_GAP, y: ly + line_height(m.label) / 2.0 },
                        anchor: Anchor::LeftMiddle,
                        size: m.label,
                        weight: Weight::Normal,
                        paint,
                    });
                    ly += line_height(m.label);
                }
                let hit = HitBox { rect: Rect { x: hx, y, w: hw, h }, target: Target::Platform(i) };
                hits.push(hit);
                items.push(hit);
                y += h;
            }
        }

        // What it stole: the summary, then the extensions in rows.
        let stolen = &p.stolen;
        if !stolen.is_empty() {
            y = heading(&mut scene, s.stolen, y) + 2.0;
            let lines = text::wrap_at_most(stolen.summary.get(lang), m.label, Weight::Normal, inner, 4);
            let h = line_height(m.label) * crate::num::count_f64(lines.len());
            if y + h <= rows_end && !lines.is_empty() {
                let top = y;
                for line in lines {
                    let at = Point { x: x0, y: y + line_height(m.label) / 2.0 };
                    texts.push(Shape::Text { text: line, at, anchor: Anchor::LeftMiddle, size: m.label, weight: Weight::Normal, paint: Paint::Text });
                    y += line_height(m.label);
                }
                let hit = HitBox { rect: Rect { x: hx, y: top, w: hw, h: y - top }, target: Target::Stolen };
                hits.push(hit);
                items.push(hit);
            } else if !lines.is_empty() {
                hidden += 1;
            }
            if !stolen.extensions.is_empty() {
                let intro = fill(s.extensions, &[("n", &stolen.extensions.len().to_string())]);
                let top = y + 4.0;
                y = text_block(&mut scene, &intro, x0, top, inner, m.small, Weight::Normal, Paint::Muted);
                // The intro is part of the extensions' item: hit where the keyboard's ring is.
                hits.push(HitBox { rect: Rect { x: hx, y: top, w: hw, h: y - top }, target: Target::Extensions });
                let (mut x, mut row_top, mut drawn) = (x0, y, false);
                let sep_w = text::width(" · ", m.label, Weight::Normal);
                for (k, ext) in stolen.extensions.iter().enumerate() {
                    let w = text::width(ext, m.label, Weight::Normal).min(inner);
                    if x > x0 && x + w > x1 {
                        hits.push(HitBox { rect: Rect { x: hx, y: row_top, w: hw, h: row_h }, target: Target::Extensions });
                        x = x0;
                        row_top += row_h;
                    }
                    if row_top + row_h > rows_end {
                        hidden += usize::from(k == 0);
                        break;
                    }
                    drawn = true;
                    if x > x0 {
                        texts.push(Shape::Text {
                            text: "·".to_string(),
                            at: Point { x: x - sep_w / 2.0, y: row_top + row_h / 2.0 },
                            anchor: Anchor::CenterMiddle,
                            size: m.label,
                            weight: Weight::Normal,
                            paint: Paint::Muted,
                        });
                    }
                    let ext = text::truncate(ext, m.label, Weight::Normal, inner);
                    texts.push(Shape::Text {
                        text: ext,
                        at: Point { x, y: row_top + row_h / 2.0 },
                        anchor: Anchor::LeftMiddle,
                        size: m.label,
                        weight: Weight::Normal,
                        paint: Paint::Text,
                    });
                    x += w + sep_w;
                }
                if drawn {
                    hits.push(HitBox { rect: Rect { x: hx, y: row_top, w: hw, h: row_h }, target: Target::Extensions });
                    y = row_top + row_h;
                    items.push(HitBox { rect: Rect { x: hx, y: top, w: hw, h: y - top }, target: Target::Extensions });
                }
            }
        }
        scene.shapes.append(&mut texts);

        if hidden > 0 {
            let more = fill(s.more, &[("n", &hidden.to_string())]);
            let more = text::wrap_at_most(&more, m.small, Weight::Normal, inner, MORE_LINES);
            y = lines_block(&mut scene, more, x0, y + 8.0, m.small, Weight::Normal, Paint::Muted);
        }
        y = lines_block(&mut scene, source, x0, y + 12.0, m.small, Weight::Normal, Paint::Muted);
        Frame::finish(&mut scene, y, m.pad);
        ProfileLayout { scene, hits: super::sort_by_top(hits), items, hidden }
    }

    /// The item under `(x, y)` CSS px, if any.
    pub fn hit(&self, x: f64, y: f64) -> Option<Target> {
        hit_sorted(&self.hits, x, y)
    }
}

/// The platforms' legend from `y`: a mark and the words of each status; returns the y below it.
fn legend(scene: &mut super::Scene, texts: &mut Vec<Shape>, s: &ProfileStrings, x0: f64, x1: f64, y: f64, size: f64) -> f64 {
    let line_h = (size * 1.6).round();
    let (mut x, mut y) = (x0, y);
    for status in [PlatformStatus::Analysed, PlatformStatus::Partial, PlatformStatus::Suspected] {
        let label = s.status(status);
        let w = MARK_W + 5.0 + text::width(label, size, Weight::Normal);
        if x > x0 && x + w > x1 {
            x = x0;
            y += line_h;
        }
        let mid = y + line_h / 2.0;
        scene.shapes.push(platform_mark(status, x, mid));
        texts.push(Shape::Text {
            text: label.to_string(),
            at: Point { x: x + MARK_W + 5.0, y: mid },
            anchor: Anchor::LeftMiddle,
            size,
            weight: Weight::Normal,
            paint: Paint::Muted,
        });
        x += w + 14.0;
    }
    y + line_h
}
