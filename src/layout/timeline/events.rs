//! The events on the timeline: each a mark whose shape says how precise its
//! date is, with a label beside it (or under it, joined to it by a short
//! line), placed in lanes.

use super::lanes::Lanes;
use super::{date_extent, DOT_R, LANE_H, MARK_H};
use crate::i18n::{strings, Strings};
use crate::layout::{Anchor, HitBox, Paint, Point, Rect, Shape, Stroke, Target};
use crate::model::{Campaign, Event, Lang, Precision, Status};
use crate::num::count_f64;
use crate::scale::LinearScale;
use crate::text::{self, Weight};

/// The narrowest bar of a month or a year (CSS px).
const MIN_BAR: f64 = 8.0;
/// The space between a mark and its label (CSS px).
const LABEL_GAP: f64 = 5.0;
/// The space between a label under its mark and the line that joins them,
/// at each end (CSS px).
const LEADER_GAP: f64 = 1.5;

/// The most events a timeline draws: those after them, by date, are
/// counted in its "…and N more" line (all are in the data table). Past a
/// hundred marks a timeline is no longer read, and its draw holds up the
/// page: placing and drawing 10,000 events took Chromium one task of about
/// 60 ms, 250 of them about 20 ms, 100 about 12 ms (an update from the
/// bars, issue 13.3).
pub const MAX_EVENTS_DRAWN: usize = 100;

/// Where one event is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMark {
    /// Index into `Campaign::events`.
    pub event: usize,
    /// The mark (dot or bar).
    pub mark: Rect,
    /// The label's box.
    pub label: Rect,
    /// The lane (row) the mark sits in, 0 at the top. The label is beside
    /// the mark in the same lane or, when it fits on neither side, in the
    /// lane below, under the mark and joined to it by a short line (see
    /// `label`); then both lanes, from the mark's edge to the label's, hold
    /// nothing else.
    pub lane: usize,
}

/// The events as placed.
pub(super) struct PlacedEvents {
    /// Where each event is, in date order.
    pub marks: Vec<EventMark>,
    /// Marks and labels, in drawing order.
    pub shapes: Vec<Shape>,
    /// Each event's row (and, for a label under its mark, the label's box).
    pub hits: Vec<HitBox>,
    /// How many lanes the events take (at most the lanes allowed).
    pub lanes: usize,
    /// Events not drawn: their lanes fall below the tallest canvas a browser
    /// draws ([`crate::layout::max_height`]), or they come after the
    /// [`MAX_EVENTS_DRAWN`] first.
    pub hidden: usize,
}

/// Places every event of `campaign` in date order, each in the first lane
/// from `top` where it overlaps nothing, between `bounds` (x0, x1). An event
/// whose label goes under its mark takes its lane and the next across both
/// (from the mark's left or the label's, whichever is further left, to the
/// further right edge), so that no other mark or label sits between the two
/// and the label reads as its own mark's (at 375 px the report's dot shared
/// its row with the CNI square and label, its own label far left in the row
/// below), and a short line joins the mark to its label. Events
/// whose lane (or label's lane) is `max_lanes` or below are placed, so that
/// the lanes above are as they would be, but not drawn: counted in `hidden`,
/// as are the events after the [`MAX_EVENTS_DRAWN`] first drawn.
pub(super) fn place(campaign: &Campaign, scale: &LinearScale, top: f64, bounds: (f64, f64), size: f64, lang: Lang, max_lanes: usize) -> PlacedEvents {
    let s = strings(lang);
    let starts: Vec<f64> = campaign.events.iter().map(|e| date_extent(&e.date, e.approximate).0).collect();
    let order = crate::sort::by_number(&starts);
    // At most two lanes per event (a label below its mark), plus one.
    let mut lanes = Lanes::new(2 * order.len() + 1);
    let mut placed = PlacedEvents { marks: Vec::with_capacity(order.len()), shapes: Vec::new(), hits: Vec::new(), lanes: 0, hidden: 0 };
    for i in order {
        if crate::ANY_CAMPAIGN && placed.marks.len() >= MAX_EVENTS_DRAWN {
            placed.hidden += 1;
            continue;
        }
        let Some(e) = campaign.events.get(i) else { continue };
        let is_dot = e.date.precision() == Precision::Day && !e.approximate;
        let (mx0, mx1) = mark_x(e, scale);
        let label = event_label(e, (mx0, mx1), bounds, size, s, lang);
        let below = label.side == Side::Below;
        let extent = (mx0.min(label.left), mx1.max(label.left + label.width));
        let lane = if below { lanes.place_two(extent) } else { lanes.place(extent) };
        if lane + usize::from(below) >= max_lanes {
            placed.hidden += 1;
            continue;
        }
        let mid = top + count_f64(lane) * LANE_H + LANE_H / 2.0;
        let label_mid = if below { mid + LANE_H } else { mid };
        let paint = if e.status == Status::Reported { Paint::Reported } else { Paint::Alleged };
        let mark = if is_dot {
            Rect { x: mx0, y: mid - DOT_R, w: 2.0 * DOT_R, h: 2.0 * DOT_R }
        } else {
            Rect { x: mx0, y: mid - MARK_H / 2.0, w: mx1 - mx0, h: MARK_H }
        };
        // Colour and a text tag say how well established the claim is.
        let (fill_paint, outline) = if e.approximate { (None, Some(Stroke { paint, width: 1.5, dashed: true })) } else { (Some(paint), None) };
        placed.shapes.push(if is_dot {
            Shape::Circle { center: mark.center(), radius: DOT_R, fill: fill_paint, stroke: outline }
        } else {
            Shape::Rect { rect: mark, fill: fill_paint, stroke: outline }
        });
        if below {
            // Down from the mark's middle to the top of its label's text (which spans that x).
            let x = mark.center().x;
            let (from, to) = (mark.bottom() + LEADER_GAP, label_mid - size * 0.6 - LEADER_GAP);
            placed.shapes.push(Shape::Line { from: Point { x, y: from }, to: Point { x, y: to }, stroke: Stroke { paint, width: 1.0, dashed: false } });
        }
        let text_paint = if e.status == Status::Reported { Paint::Text } else { Paint::Alleged };
        let (at_x, anchor) = match label.side {
            Side::Left => (label.left + label.width, Anchor::RightMiddle),
            Side::Right | Side::Below => (label.left, Anchor::LeftMiddle),
        };
        let label_rect = Rect { x: label.left, y: label_mid - LANE_H / 2.0, w: label.width, h: LANE_H };
        placed.shapes.push(super::knock_out(label.left, label.left + label.width, label_mid, size));
        placed.shapes.push(Shape::Text { text: label.text, at: Point { x: at_x, y: label_mid }, anchor, size, weight: Weight::Normal, paint: text_paint });
        let row = Rect { x: extent.0, y: mid - LANE_H / 2.0, w: extent.1 - extent.0, h: LANE_H };
        placed.hits.push(HitBox { rect: row, target: Target::Event(i) });
        if below {
            placed.hits.push(HitBox { rect: label_rect, target: Target::Event(i) });
        }
        placed.marks.push(EventMark { event: i, mark, label: label_rect, lane });
    }
    placed.lanes = lanes.count().min(max_lanes);
    placed
}

/// The x extent of an event's mark: its shape says how precise the date is,
/// a dot for a day, a bar across the month or year (at least `MIN_BAR` wide),
/// an outline when approximate.
fn mark_x(e: &Event, scale: &LinearScale) -> (f64, f64) {
    let (a, b) = date_extent(&e.date, e.approximate);
    let (p0, p1) = (scale.map(a), scale.map(b));
    if e.date.precision() == Precision::Day && !e.approximate {
        let c = (p0 + p1) / 2.0;
        (c - DOT_R, c + DOT_R)
    } else if p1 - p0 < MIN_BAR {
        let c = (p0 + p1) / 2.0;
        (c - MIN_BAR / 2.0, c + MIN_BAR / 2.0)
    } else {
        (p0, p1)
    }
}

/// Where an event's label sits against its mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Right of the mark, in its lane.
    Right,
    /// Left of the mark, in its lane, ending at it.
    Left,
    /// In the lane below, centred under the mark (it fits on neither side),
    /// joined to it by a short line.
    Below,
}

/// An event's label as placed.
struct EventLabel {
    /// The text, perhaps shortened (the status tag is never cut).
    text: String,
    /// The left edge (CSS px).
    left: f64,
    /// The width (CSS px).
    width: f64,
    /// Where it sits against the mark.
    side: Side,
}

/// The label of `e`, whose mark spans `mark` (x0, x1), in a chart between
/// `bounds`: right of the mark if it fits there, else left if it fits there,
/// else, if it fits the chart's width, whole in the lane below, centred
/// under the mark and kept inside the chart (on a phone: "Linked to Spain's
/// CNI (alleged)" whole, not "Linked to Spain's… (alleged)", and the Spanish
/// "Vinculado al C… (acusación)" gone). Only a label wider than the chart
/// is shortened: on the roomier side, or below a mark so wide (a year-long
/// event on a short time axis) that it fits on neither side even
/// shortened. The status tag ("(alleged)") is never cut: only the label
/// before it is.
fn event_label(e: &Event, mark: (f64, f64), bounds: (f64, f64), size: f64, s: &Strings, lang: Lang) -> EventLabel {
    let ((mx0, mx1), (x0, x1)) = (mark, bounds);
    let tag = s.status_tag(e.status).map(|t| format!(" ({t})")).unwrap_or_default();
    let full = format!("{}{tag}", e.label.get(lang));
    let full_w = text::width(&full, size, Weight::Normal);
    let room_right = x1 - (mx1 + LABEL_GAP);
    let room_left = (mx0 - LABEL_GAP) - x0;
    let under = |text: String, width: f64| {
        let left = ((mx0 + mx1) / 2.0 - width / 2.0).min(x1 - width).max(x0);
        EventLabel { text, left, width, side: Side::Below }
    };
    if full_w > room_right && full_w > room_left && full_w <= x1 - x0 {
        return under(full, full_w);
    }
    let left_of_mark = full_w > room_right && (full_w <= room_left || room_left > room_right);
    let room = if left_of_mark { room_left } else { room_right };
    let tag_w = text::width(&tag, size, Weight::Normal);
    let fit = |room: f64| {
        if full_w <= room {
            full.clone()
        } else {
            format!("{}{tag}", text::truncate(e.label.get(lang), size, Weight::Normal, room - tag_w))
        }
    };
    let (label, width) = if full_w <= room {
        (full.clone(), full_w)
    } else {
        let label = fit(room);
        let width = text::width(&label, size, Weight::Normal);
        (label, width)
    };
    if width > room + 1e-9 {
        let text = fit(x1 - x0);
        let width = text::width(&text, size, Weight::Normal);
        under(text, width)
    } else if left_of_mark {
        EventLabel { text: label, left: mx0 - LABEL_GAP - width, width, side: Side::Left }
    } else {
        EventLabel { text: label, left: mx1 + LABEL_GAP, width, side: Side::Right }
    }
}
