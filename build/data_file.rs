//! The data file (`data/careto.toml`) → the model → Rust source.
//!
//! Used by `build.rs` (which compiles the data into the module) and by
//! `tests/data_file.rs`. Refers to the model as `crate::model`, so the
//! including crate must have the model at that path (`build.rs` and the test
//! include `src/model/mod.rs` with `#[path]`).

use crate::model::validate::validate;
use crate::model::{
    Alternative, Campaign, Count, CountedBy, Country, Event, EventDate, OtherFigure, Period, Platform, PlatformStatus, Profile, Sector, Source, SourceKind,
    Status, Stolen, Str, Text, Total,
};
use std::fmt::Write as _;

/// The data file's path relative to the crate root, used in error messages.
pub const DATA_FILE: &str = "data/careto.toml";

/// Parses and validates the text of `data/careto.toml`.
///
/// Errors name the file and the field, e.g.
/// `data/careto.toml: country[8].count: ...`; a TOML syntax or type error
/// keeps toml's own message (line, column and the offending line).
pub fn parse_campaign(toml_text: &str) -> Result<Campaign, String> {
    parse_campaign_named(DATA_FILE, toml_text)
}

/// As [`parse_campaign`], naming the file `file_name` in errors.
pub fn parse_campaign_named(file_name: &str, toml_text: &str) -> Result<Campaign, String> {
    let de = toml::Deserializer::new(toml_text);
    let campaign: Campaign = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        let inner = inner.trim_end();
        if path.is_empty() || path == "." {
            format!("{file_name}: {inner}")
        } else {
            format!("{file_name}: {path}: {inner}")
        }
    })?;
    validate(&campaign).map_err(|e| match locate(&campaign, &e.path) {
        Some(which) => format!("{file_name}: {e}\n  ({which})"),
        None => format!("{file_name}: {e}"),
    })?;
    Ok(campaign)
}

/// Says which table an error path's leading `name[i]` is, by its code or id,
/// e.g. `country[3] is the [[country]] with code = "FRA"`.
fn locate(c: &Campaign, path: &str) -> Option<String> {
    let (name, rest) = path.split_once('[')?;
    let (index, _) = rest.split_once(']')?;
    let i: usize = index.parse().ok()?;
    let (key, value) = match name {
        "country" => ("code", &c.countries.get(i)?.code),
        "event" => ("id", &c.events.get(i)?.id),
        "source" => ("id", &c.sources.get(i)?.id),
        "total" => ("key", &c.totals.get(i)?.key),
        _ => return None,
    };
    Some(format!("{name}[{i}] is the [[{name}]] with {key} = {value:?}; indices count from 0 in file order"))
}

/// What the first picture of a chart needs of `c`: the article's drawing
/// kernel compiles in only this (the details module and the full build have
/// all of `c`). Kept: names, counts, dates, labels, statuses, the period,
/// totals and source lines. Emptied: descriptions, notes, alternative and
/// other figures, every list of source ids and the bibliography, which only
/// tooltips, the table and the CSV show. tests/data.rs checks that layouts, titles and summaries are the
/// same from either. Without `profile` (a kernel that does not draw the
/// profile view: the article's), the profile is left out whole; without
/// `timeline` (the map and the profile builds, which draw their view only),
/// the events.
pub fn first_paint(c: &Campaign, profile: bool, timeline: bool) -> Campaign {
    use std::borrow::Cow;
    let mut c = c.clone();
    c.sources = Cow::Owned(Vec::new());
    c.government_targets_sources = Cow::Owned(Vec::new());
    c.active_period.description = Text::default();
    c.active_period.sources = Cow::Owned(Vec::new());
    for t in c.totals.to_mut() {
        t.sources = Cow::Owned(Vec::new());
    }
    for k in c.countries.to_mut() {
        k.alternatives = Cow::Owned(Vec::new());
        k.other_figures = Cow::Owned(Vec::new());
        k.notes = Cow::Owned(Vec::new());
        k.sources = Cow::Owned(Vec::new());
        k.counted_by = Cow::Owned(Vec::new());
    }
    for e in c.events.to_mut() {
        e.description = Text::default();
        e.note = Text::default();
        e.sources = Cow::Owned(Vec::new());
    }
    // The profile's picture: names, statuses and what was stolen; not the
    // quotes or sources, which its tooltips and table show.
    for s in c.profile.sectors.to_mut() {
        s.sources = Cow::Owned(Vec::new());
    }
    for p in c.profile.platforms.to_mut() {
        p.quote = Str::default();
        p.sources = Cow::Owned(Vec::new());
    }
    c.profile.stolen.quote = Str::default();
    c.profile.stolen.sources = Cow::Owned(Vec::new());
    if !profile {
        c.profile = Profile::default();
    }
    if !timeline {
        c.events = Cow::Owned(Vec::new());
        c.timeline_source_line = Text::default();
    }
    c
}

/// A constant Rust expression equal to `c` (a `crate::model::Campaign`): every
/// string and list is a `Cow::Borrowed` of a literal, so it can initialise a
/// `static` and needs no code at run time.
pub fn to_rust(c: &Campaign) -> String {
    let mut o = String::new();
    o.push_str("crate::model::Campaign {\n");
    field(&mut o, 1, "name", &text(&c.name));
    field(&mut o, 1, "measure", &text(&c.measure));
    field(&mut o, 1, "measure_hedge", &text(&c.measure_hedge));
    field(&mut o, 1, "as_of", &text(&c.as_of));
    field(&mut o, 1, "totals", &vec_of(c.totals.iter().map(total)));
    field(&mut o, 1, "totals_note", &text(&c.totals_note));
    field(&mut o, 1, "active_period", &period(&c.active_period));
    field(&mut o, 1, "countries", &vec_of(c.countries.iter().map(country)));
    field(&mut o, 1, "events", &vec_of(c.events.iter().map(event)));
    field(&mut o, 1, "sources", &vec_of(c.sources.iter().map(source)));
    field(&mut o, 1, "bars_source_line", &text(&c.bars_source_line));
    field(&mut o, 1, "timeline_source_line", &text(&c.timeline_source_line));
    field(&mut o, 1, "government_targets_sources", &strings(&c.government_targets_sources));
    field(&mut o, 1, "profile", &profile(&c.profile));
    o.push('}');
    o
}

fn field(o: &mut String, indent: usize, name: &str, value: &str) {
    let _ = writeln!(o, "{}{name}: {value},", "    ".repeat(indent));
}

/// A borrowed `'static` string: a constant, so the campaign can be a `static`.
fn string(s: &str) -> String {
    format!("::std::borrow::Cow::Borrowed({s:?})")
}

fn strings(v: &[Str]) -> String {
    vec_of(v.iter().map(|s| string(s)))
}

/// A borrowed `'static` slice: a constant, so the campaign can be a `static`.
fn vec_of(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    format!("::std::borrow::Cow::Borrowed(&[{}])", items.join(", "))
}

fn text(t: &Text) -> String {
    format!("crate::model::Text {{ en: {}, es: {} }}", string(&t.en), string(&t.es))
}

fn option_u8(v: Option<u8>) -> String {
    match v {
        Some(n) => format!("::std::option::Option::Some({n}u8)"),
        None => "::std::option::Option::None".to_string(),
    }
}

fn date(d: &EventDate) -> String {
    format!("crate::model::EventDate {{ year: {}i32, month: {}, day: {} }}", d.year, option_u8(d.month), option_u8(d.day))
}

fn count(c: Count) -> String {
    match c {
        Count::Published(n) => format!("crate::model::Count::Published({n}u32)"),
        Count::NotPublished => "crate::model::Count::NotPublished".to_string(),
    }
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Reported => "crate::model::Status::Reported",
        Status::Secondary => "crate::model::Status::Secondary",
        Status::Alleged => "crate::model::Status::Alleged",
    }
}

fn total(t: &Total) -> String {
    format!(
        "crate::model::Total {{ key: {}, label: {}, value: {}u32, qualifier: {}, sources: {} }}",
        string(&t.key),
        text(&t.label),
        t.value,
        text(&t.qualifier),
        strings(&t.sources)
    )
}

fn period(p: &Period) -> String {
    format!(
        "crate::model::Period {{ start: {}, end: {}, label: {}, description: {}, sources: {} }}",
        date(&p.start),
        date(&p.end),
        text(&p.label),
        text(&p.description),
        strings(&p.sources)
    )
}

fn alternative(a: &Alternative) -> String {
    format!("crate::model::Alternative {{ value: {}u32, sources: {} }}", a.value, strings(&a.sources))
}

fn other_figure(f: &OtherFigure) -> String {
    format!("crate::model::OtherFigure {{ value: {}u32, unit: {}, note: {}, sources: {} }}", f.value, text(&f.unit), text(&f.note), strings(&f.sources))
}

fn profile(p: &Profile) -> String {
    let sector = |s: &Sector| format!("crate::model::Sector {{ label: {}, sources: {} }}", text(&s.label), strings(&s.sources));
    let platform = |p: &Platform| {
        let status = match p.status {
            PlatformStatus::Analysed => "Analysed",
            PlatformStatus::Partial => "Partial",
            PlatformStatus::Suspected => "Suspected",
        };
        format!(
            "crate::model::Platform {{ label: {}, status: crate::model::PlatformStatus::{status}, detail: {}, quote: {}, sources: {} }}",
            text(&p.label),
            text(&p.detail),
            string(&p.quote),
            strings(&p.sources)
        )
    };
    let stolen = |s: &Stolen| {
        format!(
            "crate::model::Stolen {{ summary: {}, quote: {}, extensions: {}, sources: {} }}",
            text(&s.summary),
            string(&s.quote),
            strings(&s.extensions),
            strings(&s.sources)
        )
    };
    format!(
        "crate::model::Profile {{ sectors: {}, platforms: {}, stolen: {}, source_line: {} }}",
        vec_of(p.sectors.iter().map(sector)),
        vec_of(p.platforms.iter().map(platform)),
        stolen(&p.stolen),
        text(&p.source_line)
    )
}

fn counted_by(m: &CountedBy) -> String {
    format!("crate::model::CountedBy {{ source: {}, measure: {} }}", string(&m.source), text(&m.measure))
}

fn country(k: &Country) -> String {
    format!(
        "\n        crate::model::Country {{ code: {}, name: {}, count: {}, alternatives: {}, \
         other_figures: {}, government_targets_only: {}, notes: {}, sources: {}, counted_by: {} }}",
        string(&k.code),
        text(&k.name),
        count(k.count),
        vec_of(k.alternatives.iter().map(alternative)),
        vec_of(k.other_figures.iter().map(other_figure)),
        k.government_targets_only,
        vec_of(k.notes.iter().map(text)),
        strings(&k.sources),
        vec_of(k.counted_by.iter().map(counted_by))
    )
}

fn event(e: &Event) -> String {
    format!(
        "\n        crate::model::Event {{ id: {}, date: {}, approximate: {}, label: {}, \
         description: {}, status: {}, note: {}, sources: {} }}",
        string(&e.id),
        date(&e.date),
        e.approximate,
        text(&e.label),
        text(&e.description),
        status(e.status),
        text(&e.note),
        strings(&e.sources)
    )
}

fn source(s: &Source) -> String {
    format!(
        "\n        crate::model::Source {{ id: {}, title: {}, publisher: {}, date: {}, url: {}, \
         note: {}, kind: {} }}",
        string(&s.id),
        string(&s.title),
        string(&s.publisher),
        string(&s.date),
        string(&s.url),
        string(&s.note),
        kind(s.kind)
    )
}

fn kind(k: Option<SourceKind>) -> String {
    match k {
        Some(SourceKind::Primary) => "::std::option::Option::Some(crate::model::SourceKind::Primary)".to_string(),
        Some(SourceKind::Press) => "::std::option::Option::Some(crate::model::SourceKind::Press)".to_string(),
        Some(SourceKind::Catalogue) => "::std::option::Option::Some(crate::model::SourceKind::Catalogue)".to_string(),
        None => "::std::option::Option::None".to_string(),
    }
}
