//! The profile's words (who and what was targeted): its summary, the
//! tooltip of each item, the rows of its table and its CSV, from the same
//! data as its picture.

use super::{source_list, sources_line, Tooltip};
use crate::i18n::{capitalize, fill, profile_detail_strings, profile_strings};
use crate::layout::profile::platform_text;
use crate::layout::Target;
use crate::model::{Campaign, Lang, Platform, Str};

/// The profile's summary: the sectors, the platforms with their status,
/// what was stolen and the file extensions, and the source line; after the
/// headline figures.
pub fn profile_summary(c: &Campaign, lang: Lang) -> String {
    let s = profile_strings(lang);
    let p = &c.profile;
    let mut parts = vec![super::headline_sentence(c, lang).trim_end().to_string()];
    if p.is_empty() {
        parts.push(s.empty.to_string());
    }
    if !p.sectors.is_empty() {
        let list: Vec<&str> = p.sectors.iter().map(|x| x.label.get(lang)).collect();
        parts.push(fill(s.summary_sectors, &[("list", &list.join("; "))]));
    }
    if !p.platforms.is_empty() {
        let list: Vec<String> = p.platforms.iter().map(|f| platform_text(f, s, lang)).collect();
        parts.push(fill(s.summary_platforms, &[("list", &list.join("; "))]));
    }
    let stolen = &p.stolen;
    if !stolen.is_empty() {
        let n = stolen.extensions.len().to_string();
        parts.push(fill(s.summary_stolen, &[("summary", stolen.summary.get(lang)), ("n", &n), ("list", &stolen.extensions.join(", "))]));
    }
    parts.push(p.source_line.get(lang).to_string());
    parts.retain(|x| !x.is_empty());
    parts.join(" ")
}

/// "“quote” (S1)" in the reader's quotation marks, if the data quotes its source.
fn quoted(quote: &str, sources: &[Str], lang: Lang) -> Option<String> {
    (!quote.is_empty()).then(|| fill(profile_detail_strings(lang).quoted, &[("quote", quote), ("sources", &sources.join(", "))]))
}

/// What the sources found of a platform, after its status: "Partly seen:
/// exploit-server modules seen; …", or the detail alone where it begins
/// with the status's own words ("Samples analysed (Trojan.OSX.Careto)",
/// not "Samples analysed: samples analysed (…)").
fn platform_finding(f: &Platform, lang: Lang) -> String {
    let (status, detail) = (profile_strings(lang).status(f.status), f.detail.get(lang));
    if detail.starts_with(status) {
        capitalize(detail)
    } else {
        format!("{}: {detail}", capitalize(status))
    }
}

/// The tooltip of a profile item (a sector, a platform, what was stolen,
/// the extensions); `None` for any other target.
pub fn profile_tooltip(c: &Campaign, target: Target, lang: Lang) -> Option<Tooltip> {
    let (s, d, p) = (profile_strings(lang), profile_detail_strings(lang), &c.profile);
    Some(match target {
        Target::Sector(i) => {
            let x = p.sectors.get(i)?;
            Tooltip { title: x.label.get(lang).to_string(), lines: vec![d.sector_note.to_string(), sources_line(c, &x.sources, lang)] }
        }
        Target::Platform(i) => {
            let f = p.platforms.get(i)?;
            let mut lines = vec![platform_finding(f, lang)];
            lines.extend(quoted(&f.quote, &f.sources, lang));
            lines.push(sources_line(c, &f.sources, lang));
            Tooltip { title: f.label.get(lang).to_string(), lines }
        }
        Target::Stolen => {
            let t = &p.stolen;
            let mut lines = vec![t.summary.get(lang).to_string()];
            lines.extend(quoted(&t.quote, &t.sources, lang));
            lines.push(sources_line(c, &t.sources, lang));
            Tooltip { title: s.stolen.to_string(), lines }
        }
        Target::Extensions => {
            let t = &p.stolen;
            let title = fill(s.extensions, &[("n", &t.extensions.len().to_string())]);
            Tooltip { title: title.trim_end_matches(':').to_string(), lines: vec![t.extensions.join(", "), sources_line(c, &t.sources, lang)] }
        }
        Target::Country(_) | Target::Event(_) | Target::ActivePeriod => return None,
    })
}

/// The profile's items in reading order: each sector, each platform, what
/// was stolen, the extensions (those the campaign has).
pub fn profile_targets(c: &Campaign) -> Vec<Target> {
    let p = &c.profile;
    let mut v: Vec<Target> = (0..p.sectors.len()).map(Target::Sector).collect();
    v.extend((0..p.platforms.len()).map(Target::Platform));
    let t = &p.stolen;
    if !(t.summary.en.is_empty() && t.summary.es.is_empty()) {
        v.push(Target::Stolen);
    }
    if !t.extensions.is_empty() {
        v.push(Target::Extensions);
    }
    v
}

/// The profile's rows, each with its aspect (an index into
/// `ProfileDetailStrings::aspects`): item, what the sources say, sources.
fn profile_items(c: &Campaign, lang: Lang) -> Vec<(usize, [String; 3])> {
    let (d, p) = (profile_detail_strings(lang), &c.profile);
    let mut rows = Vec::new();
    for x in p.sectors.iter() {
        rows.push((0, [x.label.get(lang).to_string(), d.sector_note.to_string(), source_list(c, &x.sources)]));
    }
    for f in p.platforms.iter() {
        let mut say = platform_finding(f, lang);
        if let Some(q) = quoted(&f.quote, &f.sources, lang) {
            say = format!("{say}. {q}");
        }
        rows.push((1, [f.label.get(lang).to_string(), say, source_list(c, &f.sources)]));
    }
    let t = &p.stolen;
    if !(t.summary.en.is_empty() && t.summary.es.is_empty()) {
        rows.push((2, [t.summary.get(lang).to_string(), quoted(&t.quote, &t.sources, lang).unwrap_or_default(), source_list(c, &t.sources)]));
    }
    if !t.extensions.is_empty() {
        rows.push((3, [t.extensions.join(", "), t.extensions.len().to_string(), source_list(c, &t.sources)]));
    }
    rows
}

/// The profile's CSV rows: aspect, item, what the sources say, sources.
pub fn profile_rows(c: &Campaign, lang: Lang) -> Vec<[String; 4]> {
    let aspects = profile_detail_strings(lang).aspects;
    profile_items(c, lang).into_iter().map(|(a, [item, say, sources])| [aspects.get(a).copied().unwrap_or_default().to_string(), item, say, sources]).collect()
}

/// The profile's data table's rows: before each aspect's rows, a row of one
/// cell that heads them ("Platforms"); then item, what the sources say,
/// sources. Three columns, not the CSV's four: a phone's width holds them.
pub fn profile_table_rows(c: &Campaign, lang: Lang) -> Vec<Vec<String>> {
    let groups = profile_detail_strings(lang).groups;
    let mut rows = Vec::new();
    let mut last = None;
    for (a, cells) in profile_items(c, lang) {
        if last != Some(a) {
            rows.push(vec![groups.get(a).copied().unwrap_or_default().to_string()]);
            last = Some(a);
        }
        rows.push(cells.to_vec());
    }
    rows
}
