//! The details of a chart: everything the interaction layer shows that the
//! first picture does not need: each item's tooltip and announcement, and
//! the data table. One plain value per view and language, written by
//! [`crate::describe`], handed to the page's shell once (by the article's
//! lazily loaded details module, or by the full build) and read there
//! without calling back.

use crate::describe;
use crate::i18n::{detail_strings, soft_hyphens};
use crate::layout::Target;
use crate::model::{Campaign, Lang};
use crate::scale::ColorScale;
use crate::view::View;
use serde::Serialize;
use std::cell::OnceCell;

/// One item's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tip {
    /// The item, as [`Target::key`] names it (`"c3"`).
    pub key: String,
    /// The tooltip's first line.
    pub title: String,
    /// The tooltip's other lines.
    pub lines: Vec<String>,
    /// What the live region says when the keyboard reaches the item: one
    /// short line ([`describe::say`]).
    pub say: String,
    /// The item's name in links and the host page's events
    /// ([`describe::target_id`]): `"MAR"`, an event's id, `"period"`…
    pub id: String,
    /// The item's name: a country's, an event's label, else the tooltip's first line.
    pub name: String,
    /// A country's published figure (none: not published, or not a country).
    pub figure: Option<u32>,
}

impl Tip {
    /// The details said when the reader asks for them (Enter or Space): the
    /// tooltip's text as sentences, as the shell joins them.
    pub fn announcement(&self) -> String {
        describe::sentences(&self.title, &self.lines)
    }
}

/// A column of the data table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// Its heading.
    pub text: String,
    /// Numbers, aligned right.
    pub numeric: bool,
}

/// A row of the data table; its first cell heads the row. A row of one cell
/// heads the rows after it, up to the next such row (the profile's aspects).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The country's ISO code (bars only).
    pub code: Option<String>,
    /// The cells, in column order.
    pub cells: Vec<String>,
}

/// The data table of a chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// Its caption.
    pub caption: String,
    /// Its columns.
    pub head: Vec<Column>,
    /// Its rows, in reading order.
    pub rows: Vec<Row>,
    /// The words of its pages, for a table of more rows than the shell
    /// shows at once: which rows (`{from}`, `{to}` and `{n}` to fill in),
    /// the button to the page before, the button to the page after.
    pub pages: [String; 3],
    /// What the keys do on the chart: which items the arrows go through,
    /// in what order (the canvas's description, and a hint on keyboard focus).
    pub keys: String,
}

/// Everything the interaction layer shows for one view in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Details {
    /// A tip per item.
    pub tips: Vec<Tip>,
    /// The data table.
    pub table: Table,
}

fn column(text: &str, numeric: bool) -> Column {
    Column { text: text.to_string(), numeric }
}

/// The tip of `target`, the `place`-th of `of` items in the keyboard's order.
fn tip(c: &Campaign, target: Target, (place, of): (usize, usize), lang: Lang, places: &describe::say::Places, scale: &OnceCell<ColorScale>) -> Option<Tip> {
    let t = describe::tooltip_in(c, target, lang, scale)?;
    let line = match target {
        Target::Country(i) => describe::say::country_line(c, i, places, lang),
        Target::Event(i) => describe::say::event_line(c, i, places, lang),
        Target::ActivePeriod => Some(describe::say::period_line(c, lang)),
        Target::Sector(_) | Target::Platform(_) | Target::Stolen | Target::Extensions => {
            Some(describe::say::profile_line(c, target, &t.title, place, of, lang))
        }
    };
    let (name, figure) = match target {
        Target::Country(i) => c.countries.get(i).map_or((t.title.clone(), None), |country| (country.name.get(lang).to_string(), country.count.value())),
        Target::Event(i) => (c.events.get(i).map_or_else(|| t.title.clone(), |e| e.label.get(lang).to_string()), None),
        _ => (t.title.clone(), None),
    };
    let id = describe::target_id(c, target)?;
    // The details said on Enter are the tooltip's text as sentences
    // (`Tooltip::announcement`): the shell joins them from `title` and `lines`.
    let say = line.unwrap_or_else(|| t.announcement());
    Some(Tip { key: target.key(), title: t.title, lines: t.lines, say, id, name, figure })
}

/// A row of a data table, by what it shows; written when asked.
#[derive(Debug, Clone)]
enum RowOf {
    /// The country of this index.
    Country(usize),
    /// The active period.
    Period,
    /// The event of this index.
    Event(usize),
    /// A profile row (the profile has a few dozen: written at once).
    Ready(Row),
}

/// The details of one view of a campaign in one language, each tip and
/// each row written only when asked: what the full build hands over, a
/// piece at a time (a campaign may have 10,000 events: writing all their
/// details took Chromium one task of about 75 ms, issue 13.3). The
/// campaign is given again to each call, and must be the one given to
/// [`OnDemand::new`]. [`details`] writes them all.
#[derive(Debug, Clone)]
pub struct OnDemand {
    lang: Lang,
    /// The table's caption.
    pub caption: String,
    /// The table's column heads.
    pub head: Vec<Column>,
    /// The table's pager's words (see [`Table::pages`]).
    pub pages: [String; 3],
    /// What the keys do (see [`Table::keys`]).
    pub keys: String,
    rows: Vec<RowOf>,
    targets: Vec<Target>,
    // Each item's place, for its short line: found when a tip is first asked.
    places: OnceCell<describe::say::Places>,
    // The colour classes, found once for every country's tip.
    scale: OnceCell<ColorScale>,
}

impl OnDemand {
    /// The details of `view` of `c` in `lang`: the table's caption and
    /// head, the order of its rows and items.
    pub fn new(c: &Campaign, view: View, lang: Lang) -> OnDemand {
        let s = detail_strings(lang);
        let caption = describe::table_caption(c, view, lang);
        let (targets, head, rows, keys): (Vec<Target>, Vec<Column>, Vec<RowOf>, &str) = match view {
            // The map shows the bars' countries: the same tips and table, under its own caption.
            #[cfg(careto_map)]
            View::Map => {
                let mut d = OnDemand::new(c, View::Bars, lang);
                d.caption = caption;
                return d;
            }
            View::Bars => (
                (0..c.countries.len()).map(Target::Country).collect(),
                vec![column(s.col_country, false), column(&describe::measure_column(c, lang), true), column(s.col_notes, false), column(s.sources, false)],
                describe::country_order(c, lang).into_iter().map(RowOf::Country).collect(),
                s.keys_countries,
            ),
            View::Timeline => (
                std::iter::once(Target::ActivePeriod).chain((0..c.events.len()).map(Target::Event)).collect(),
                vec![column(s.col_date, false), column(s.col_event, false), column(s.col_status, false), column(s.sources, false)],
                describe::event_order(c).into_iter().map(|i| if i == 0 { RowOf::Period } else { RowOf::Event(i - 1) }).collect(),
                s.keys_events,
            ),
            View::Profile => {
                let d = crate::i18n::profile_detail_strings(lang);
                (
                    describe::profile::profile_targets(c),
                    vec![column(d.col_item, false), column(d.col_detail, false), column(s.sources, false)],
                    describe::profile::profile_table_rows(c, lang).into_iter().map(|cells| RowOf::Ready(Row { code: None, cells })).collect(),
                    d.keys,
                )
            }
        };
        OnDemand {
            lang,
            caption,
            head,
            pages: [s.rows_of.to_string(), s.rows_previous.to_string(), s.rows_next.to_string()],
            keys: keys.to_string(),
            rows,
            targets,
            places: OnceCell::new(),
            scale: OnceCell::new(),
        }
    }

    /// How many rows the table has.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// The table's `at`-th row.
    pub fn row(&self, c: &Campaign, at: usize) -> Option<Row> {
        let lang = self.lang;
        let mut row = match self.rows.get(at)? {
            RowOf::Country(i) => {
                let r = describe::country_row(c, c.countries.get(*i)?, lang);
                Row { code: Some(r.code), cells: vec![r.name, r.value, r.notes, r.sources] }
            }
            RowOf::Period => event_cells(describe::period_row(c, lang)),
            RowOf::Event(i) => event_cells(describe::event_row(c, c.events.get(*i)?, lang)),
            RowOf::Ready(row) => row.clone(),
        };
        // Long Spanish words may break in a phone's narrow columns: the
        // notes, an event, a detail. Not the row's head (the first: a name,
        // a date, whose "diciembre" a hyphen would only stumble) nor the
        // sources (the last: names, titles in other languages). The
        // table's head stays whole too: a heading with a hyphen is a stumble.
        let last = row.cells.len().saturating_sub(1);
        for cell in row.cells.iter_mut().take(last).skip(1) {
            *cell = soft_hyphens(cell, lang);
        }
        Some(row)
    }

    /// How many items the keyboard goes through.
    pub fn item_count(&self) -> usize {
        self.targets.len()
    }

    /// The tip of the `place`-th item in the keyboard's order.
    pub fn tip_at(&self, c: &Campaign, place: usize) -> Option<Tip> {
        let target = *self.targets.get(place)?;
        let places = self.places.get_or_init(|| describe::say::places(c, self.lang));
        tip(c, target, (place, self.targets.len()), self.lang, places, &self.scale)
    }

    /// The tip of the item whose key ([`Target::key`]) is `key`.
    pub fn tip(&self, c: &Campaign, key: &str) -> Option<Tip> {
        let target = Target::from_key(key)?;
        let place = self.targets.iter().position(|t| *t == target)?;
        self.tip_at(c, place)
    }

    /// The key of the item whose id ([`describe::target_id`]: a country's
    /// code, an event's id) is `id`.
    pub fn key_of(&self, c: &Campaign, id: &str) -> Option<String> {
        self.targets.iter().find(|t| describe::target_id(c, **t).is_some_and(|t| t == id)).map(|t| t.key())
    }
}

/// A timeline row's cells.
fn event_cells(r: describe::EventRow) -> Row {
    Row { code: None, cells: vec![r.date, r.event, r.status, r.sources] }
}

/// The details of `view` of `c` in `lang`, all of them.
pub fn details(c: &Campaign, view: View, lang: Lang) -> Details {
    let d = OnDemand::new(c, view, lang);
    Details {
        tips: (0..d.item_count()).filter_map(|i| d.tip_at(c, i)).collect(),
        table: Table { rows: (0..d.row_count()).filter_map(|i| d.row(c, i)).collect(), caption: d.caption, head: d.head, pages: d.pages, keys: d.keys },
    }
}

/// The CSV download of each view the article's details modules serve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Csv {
    /// The countries (the bars' and the map's).
    pub bars: String,
    /// The timeline.
    pub timeline: String,
}

/// Everything the interaction layer shows in one language for the article's
/// views (the bars, the timeline and the map, which shows the bars'
/// countries): what the article's details module holds, per language, as
/// JSON written at build time (`careto-details`), so it runs no code of ours
/// to show it. The profile's words are apart ([`ProfileWords`]): a page
/// without a profile never downloads them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Words {
    /// The bars' details.
    pub bars: Details,
    /// The timeline's details.
    pub timeline: Details,
    /// The CSV downloads.
    pub csv: Csv,
    /// The map's table caption: the map shows the bars' details under its
    /// own caption (two regions of one name on a page would be one landmark
    /// too many).
    #[cfg(careto_map)]
    pub map_caption: String,
}

/// The [`Words`] of `c` in `lang`.
pub fn words(c: &Campaign, lang: Lang) -> Words {
    Words {
        bars: details(c, View::Bars, lang),
        timeline: details(c, View::Timeline, lang),
        csv: Csv { bars: describe::csv(c, View::Bars, lang), timeline: describe::csv(c, View::Timeline, lang) },
        #[cfg(careto_map)]
        map_caption: describe::table_caption(c, View::Map, lang),
    }
}

/// The profile's CSV download.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileCsv {
    /// The profile.
    pub profile: String,
}

/// What the interaction layer shows in one language for the profile: what
/// the profile's details module holds, per language (`careto-details
/// --profile`), in the shape of [`Words`] (the view's name, then `csv` and
/// the view's name), so the shell reads both alike.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileWords {
    /// The profile's details.
    pub profile: Details,
    /// Its CSV download.
    pub csv: ProfileCsv,
}

/// The [`ProfileWords`] of `c` in `lang`.
pub fn profile_words(c: &Campaign, lang: Lang) -> ProfileWords {
    ProfileWords { profile: details(c, View::Profile, lang), csv: ProfileCsv { profile: describe::csv(c, View::Profile, lang) } }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn every_country_has_a_tip_and_a_row_and_the_table_leads_with_the_largest() {
        let c = crate::data::careto_ref();
        let d = details(c, View::Bars, Lang::En);
        assert_eq!(d.tips.len(), 31);
        assert_eq!(d.table.rows.len(), 31);
        let first = &d.table.rows[0];
        assert_eq!(first.code.as_deref(), Some("MAR"));
        assert_eq!(first.cells[..2], ["Morocco".to_string(), "384".to_string()]);
        let morocco = d.tips.iter().find(|t| t.title == "Morocco").expect("a tip for Morocco");
        assert!(morocco.key.starts_with('c'));
        assert_eq!(morocco.say, "Morocco, 384, almost certainly victim IP addresses, 1 of 11");
        assert!(morocco.announcement().starts_with("Morocco. 384, almost certainly victim IP addresses. Colour class 200+."), "{}", morocco.announcement());
        assert!(morocco.announcement().contains("Sources: S1"), "{}", morocco.announcement());
        assert_eq!(d.table.head.iter().map(|h| h.numeric).collect::<Vec<_>>(), [false, true, false, false]);
    }

    #[test]
    fn spanish_cells_but_the_rows_heads_the_sources_and_the_head_may_break_at_a_syllable() {
        let c = crate::data::careto_ref();
        let soft = |t: &str| t.contains('\u{ad}');
        for view in [View::Bars, View::Timeline, View::Profile] {
            let es = details(c, view, Lang::Es).table;
            let en = details(c, view, Lang::En).table;
            assert!(es.rows.iter().any(|r| r.cells.iter().any(|t| soft(t))), "{view:?}: no soft hyphen in Spanish");
            for r in &es.rows {
                let (first, last) = (r.cells.first().expect("cells"), r.cells.last().expect("cells"));
                assert!(!soft(first) && !soft(last), "{view:?}: a row's head or its sources with a soft hyphen: {first} | {last}");
            }
            assert!(!es.head.iter().any(|h| soft(&h.text)) && !soft(&es.caption), "{view:?}: head or caption");
            assert!(!en.rows.iter().flat_map(|r| &r.cells).any(|t| soft(t)), "{view:?}: English words stay whole");
        }
        let notes = &details(c, View::Bars, Lang::Es).table.rows[0].cells[2];
        assert!(notes.contains("guber\u{ad}na\u{ad}men\u{ad}ta\u{ad}les"), "{notes}");
    }

    #[test]
    fn details_on_demand_are_the_details_a_piece_at_a_time() {
        let c = crate::data::careto_ref();
        for (view, lang) in [(View::Bars, Lang::En), (View::Timeline, Lang::Es), (View::Profile, Lang::En)] {
            let (d, all) = (OnDemand::new(c, view, lang), details(c, view, lang));
            assert_eq!(d.caption, all.table.caption);
            assert_eq!(d.row_count(), all.table.rows.len());
            assert_eq!(d.row(c, 3).as_ref(), all.table.rows.get(3), "{view:?}");
            assert_eq!(d.row(c, all.table.rows.len()), None);
            for t in &all.tips {
                assert_eq!(d.tip(c, &t.key).as_ref(), Some(t), "{view:?}");
                assert_eq!(d.key_of(c, &t.id).as_deref(), Some(t.key.as_str()), "{view:?}");
            }
            assert_eq!(d.tip(c, "no such key"), None);
            assert_eq!(d.tip(c, "c03"), None, "a key is written one way");
            assert_eq!(d.tip(c, "c99999999999999999999999"), None);
            assert_eq!(d.key_of(c, "no such id"), None);
        }
    }

    #[test]
    fn a_target_is_found_again_from_its_key_and_only_from_it() {
        for t in [
            Target::Country(0),
            Target::Country(1040),
            Target::Event(7),
            Target::ActivePeriod,
            Target::Sector(2),
            Target::Platform(10),
            Target::Stolen,
            Target::Extensions,
        ] {
            assert_eq!(Target::from_key(&t.key()), Some(t), "{}", t.key());
        }
        for key in ["", "c", "c-1", "c+1", "c01", "c1x", "p0", "pp", "t1", "x ", "q3", "C3", "é"] {
            assert_eq!(Target::from_key(key), None, "{key:?}");
        }
    }

    #[test]
    fn the_timeline_has_the_period_first_and_spanish_words() {
        let c = crate::data::careto_ref();
        let d = details(c, View::Timeline, Lang::Es);
        assert_eq!(d.tips[0].key, "p");
        assert_eq!(d.tips.len(), c.events.len() + 1);
        assert_eq!(d.table.rows.len(), c.events.len() + 1);
        assert_eq!(d.table.head[0].text, "Fecha");
        assert!(d.table.caption.contains("cronología"), "{}", d.table.caption);
    }

    #[test]
    fn a_profile_item_says_its_title_a_platforms_status_and_its_place() {
        let c = crate::data::careto_ref();
        let d = details(c, View::Profile, Lang::En);
        let n = d.tips.len();
        assert_eq!(d.tips[0].say, format!("Government institutions, 1 of {n}"));
        let linux = d.tips.iter().find(|t| t.title == "Linux").expect("a tip for Linux");
        assert!(linux.say.starts_with("Linux, ") && linux.say.ends_with(&format!(" of {n}")), "{}", linux.say);
        assert_ne!(linux.say, format!("Linux, 9 of {n}"), "a platform's line says its status");
        assert!(linux.announcement().starts_with("Linux. "), "{}", linux.announcement());
        assert!(d.tips.iter().all(|t| t.say.len() < 90 && t.say.len() < t.announcement().len()), "{:?}", d.tips.iter().map(|t| &t.say).collect::<Vec<_>>());
    }

    #[test]
    #[cfg(careto_map)]
    fn the_maps_table_is_the_bars_under_its_own_caption() {
        let c = crate::data::careto_ref();
        let (map, bars) = (details(c, View::Map, Lang::En), details(c, View::Bars, Lang::En));
        assert_eq!(map.table.rows, bars.table.rows);
        assert_eq!(map.tips, bars.tips);
        assert!(
            map.table
                .caption
                .starts_with("The Mask (Careto): where the 31 affected countries are: counts per country, almost certainly of victim IP addresses. "),
            "{}",
            map.table.caption
        );
        assert_ne!(map.table.caption, bars.table.caption, "two regions of one name on a page with both");
    }
}
