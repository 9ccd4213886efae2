//! Checks a [`Campaign`] against the data rules: every number has a source,
//! every source id resolves, codes and ids are unique, dates are plausible.
//!
//! `build.rs` runs these checks on `data/careto.toml` (so a broken data file
//! stops the build), and the tests run them on the compiled-in data. This
//! file depends on nothing but `std` and the model, because `build.rs`
//! includes it with `#[path]`.
//!
//! Paths in errors use the names of the data file: `country[8].sources[1]`,
//! `event[2].date`, `source[0].id`. Indices count from 0, in file order.

mod measures;
mod profile;

use super::{clip, Campaign, Count, EventDate, Str, Text};
use std::collections::BTreeSet;
use std::fmt;

/// The longest label (in characters) any chart is asked to draw.
pub const MAX_LABEL_CHARS: usize = 200;

/// A list of source ids this long or shorter is checked for repeats by
/// searching it, a longer one with a set.
const SHORT_LIST: usize = 8;

/// The earliest year a date in the data may have.
pub const MIN_YEAR: i32 = 1990;

/// The latest year a date in the data may have.
pub const MAX_YEAR: i32 = 2100;

/// One broken rule: where it is broken, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The field, in data-file terms, e.g. `country[8].sources[1]`.
    pub path: String,
    /// What is wrong with it, e.g. `unknown source id "S99"`.
    pub reason: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for DataError {}

/// Checks the rules in file order and returns the first broken one, if
/// any: it stops there, formatting no other message (a campaign of 100,000
/// broken items costs one message, not 100,000).
pub fn validate(c: &Campaign) -> Result<(), DataError> {
    match check(c, 1).into_iter().next() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Checks every rule and returns all broken ones, in file order.
pub fn validate_all(c: &Campaign) -> Vec<DataError> {
    check(c, usize::MAX)
}

/// The first `limit` broken rules, in file order.
fn check(c: &Campaign, limit: usize) -> Vec<DataError> {
    let mut v = Checker { known: Seen::of(c.sources.iter().map(|s| s.id.as_ref())), errors: Vec::new(), limit };
    v.campaign(c);
    v.errors
}

/// Whether a text is required to be non-empty.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    /// Both languages must be present.
    Required,
    /// May be empty, but then in both languages.
    Optional,
}

/// Whether a text is a label (and so has a length limit).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A label a chart draws: at most [`MAX_LABEL_CHARS`].
    Label,
    /// A sentence or note: no length limit.
    Prose,
}

struct Checker<'a> {
    /// Source ids, sorted (binary search; no hash table in the wasm).
    known: Seen<'a>,
    errors: Vec<DataError>,
    /// How many errors to find before stopping.
    limit: usize,
}

impl Checker<'_> {
    /// Records a broken rule at `path` (written out only here).
    fn err(&mut self, path: impl fmt::Display, reason: impl Into<String>) {
        if !self.done() {
            self.errors.push(DataError { path: path.to_string(), reason: reason.into() });
        }
    }

    /// Enough errors found: every loop stops at its next item.
    fn done(&self) -> bool {
        self.errors.len() >= self.limit
    }

    fn campaign(&mut self, c: &Campaign) {
        self.text("name", &c.name, Need::Required, Kind::Label);
        self.text("measure", &c.measure, Need::Required, Kind::Label);
        self.text("measure_hedge", &c.measure_hedge, Need::Optional, Kind::Label);
        self.text("as_of", &c.as_of, Need::Required, Kind::Label);
        self.text("totals_note", &c.totals_note, Need::Optional, Kind::Prose);
        self.text("bars_source_line", &c.bars_source_line, Need::Required, Kind::Prose);
        self.text("timeline_source_line", &c.timeline_source_line, Need::Required, Kind::Prose);

        for part in [Self::bibliography, Self::totals, Self::period, Self::countries, Self::events] {
            if self.done() {
                return;
            }
            part(self, c);
        }
        if !c.government_targets_sources.is_empty() {
            self.sources("government_targets_sources", &c.government_targets_sources);
        }
        if !self.done() {
            self.profile(&c.profile);
        }
    }

    fn bibliography(&mut self, c: &Campaign) {
        let mut seen = Seen::default();
        for (i, s) in c.sources.iter().enumerate() {
            if self.done() {
                return;
            }
            let p = Index(&"source", i);
            self.string(Key(&p, "id"), &s.id, Need::Required);
            if !s.id.is_empty() && !seen.insert(s.id.as_ref()) {
                self.err(Key(&p, "id"), format!("duplicate source id \"{}\"", clip(&s.id)));
            }
            if s.id.chars().any(char::is_whitespace) {
                self.err(Key(&p, "id"), format!("source id \"{}\" contains whitespace", clip(&s.id)));
            }
            self.string(Key(&p, "title"), &s.title, Need::Required);
            self.string(Key(&p, "publisher"), &s.publisher, Need::Optional);
            self.string(Key(&p, "url"), &s.url, Need::Optional);
            if !s.url.is_empty() && !absolute_url(&s.url) {
                self.err(Key(&p, "url"), format!("\"{}\" is not an absolute URL (such as https://example.org/report), nor empty", clip(&s.url)));
            }
            self.string(Key(&p, "note"), &s.note, Need::Optional);
            self.string(Key(&p, "date"), &s.date, Need::Optional);
            if !s.date.is_empty() {
                match EventDate::parse(&s.date) {
                    Ok(d) => self.year(Key(&p, "date"), d),
                    Err(e) => self.err(Key(&p, "date"), e),
                }
            }
        }
    }

    fn totals(&mut self, c: &Campaign) {
        let mut keys = Seen::default();
        for (i, t) in c.totals.iter().enumerate() {
            if self.done() {
                return;
            }
            let p = Index(&"total", i);
            self.string(Key(&p, "key"), &t.key, Need::Required);
            if !t.key.is_empty() && !keys.insert(t.key.as_ref()) {
                self.err(Key(&p, "key"), format!("duplicate total key \"{}\"", clip(&t.key)));
            }
            self.text(Key(&p, "label"), &t.label, Need::Required, Kind::Label);
            self.text(Key(&p, "qualifier"), &t.qualifier, Need::Optional, Kind::Label);
            self.sources(Key(&p, "sources"), &t.sources);
        }
    }

    fn period(&mut self, c: &Campaign) {
        let p = &c.active_period;
        self.year("active_period.start", p.start);
        self.year("active_period.end", p.end);
        // Compare the periods the dates name: "2014" does not end before "2014-01".
        let (start, _) = p.start.bounds();
        let (_, end) = p.end.bounds();
        if start >= end {
            self.err("active_period.end", format!("the period ends ({}) before it starts ({})", show(p.end), show(p.start)));
        }
        self.text("active_period.label", &p.label, Need::Required, Kind::Label);
        self.text("active_period.description", &p.description, Need::Required, Kind::Prose);
        self.sources("active_period.sources", &p.sources);
    }

    fn countries(&mut self, c: &Campaign) {
        if c.countries.is_empty() {
            self.err("country", "no countries: at least one is needed");
        }
        let mut codes = Seen::default();
        // Once one count records its sources' measures, every count must.
        let records_measures = c.countries.iter().position(|k| k.count.value().is_some() && !k.counted_by.is_empty());
        for (i, k) in c.countries.iter().enumerate() {
            if self.done() {
                return;
            }
            let p = Index(&"country", i);
            let code_ok = k.code.len() == 3 && k.code.bytes().all(|b| b.is_ascii_uppercase());
            if !code_ok {
                self.err(Key(&p, "code"), format!("\"{}\" is not an ISO 3166-1 alpha-3 code (3 uppercase letters A-Z)", clip(&k.code)));
            } else if !super::places::is_known(&k.code) && !super::places::is_user_assigned(&k.code) {
                // The map draws exactly the places of the table; a typo ("MRC") must not pass as a country.
                self.err(
                    Key(&p, "code"),
                    format!(
                        "\"{}\" is not the ISO 3166-1 alpha-3 code of a country or territory on the map (Natural Earth's); \
                         for a place of your own, use a user-assigned code, XAA to XZZ",
                        k.code
                    ),
                );
            } else if !codes.insert(k.code.as_ref()) {
                self.err(Key(&p, "code"), format!("duplicate country code \"{}\"", clip(&k.code)));
            }
            self.text(Key(&p, "name"), &k.name, Need::Required, Kind::Label);
            match k.count {
                Count::Published(0) => self.err(
                    Key(&p, "count"),
                    "0 is not a published figure for an affected country; \
                     give the count as \"not published\" when no figure was published",
                ),
                Count::Published(_) if k.sources.is_empty() => self.err(Key(&p, "sources"), "a published count needs at least one source"),
                Count::NotPublished if !k.alternatives.is_empty() => {
                    self.err(Key(&p, "alternatives"), "alternative values given but count is \"not published\"")
                }
                _ => {}
            }
            for (j, a) in k.alternatives.iter().enumerate() {
                if self.done() {
                    return;
                }
                self.sources(Key(&Index(&Key(&p, "alternatives"), j), "sources"), &a.sources);
            }
            for (j, o) in k.other_figures.iter().enumerate() {
                if self.done() {
                    return;
                }
                let figures = Key(&p, "other_figures");
                let q = Index(&figures, j);
                self.text(Key(&q, "unit"), &o.unit, Need::Required, Kind::Label);
                self.text(Key(&q, "note"), &o.note, Need::Optional, Kind::Prose);
                self.sources(Key(&q, "sources"), &o.sources);
            }
            for (j, n) in k.notes.iter().enumerate() {
                if self.done() {
                    return;
                }
                self.text(Index(&Key(&p, "notes"), j), n, Need::Required, Kind::Prose);
            }
            self.sources(Key(&p, "sources"), &k.sources);
            self.counted_by(&p, k, records_measures);
        }
    }

    fn events(&mut self, c: &Campaign) {
        let mut ids = Seen::default();
        for (i, e) in c.events.iter().enumerate() {
            if self.done() {
                return;
            }
            let p = Index(&"event", i);
            self.string(Key(&p, "id"), &e.id, Need::Required);
            if !e.id.is_empty() && !ids.insert(e.id.as_ref()) {
                self.err(Key(&p, "id"), format!("duplicate event id \"{}\"", clip(&e.id)));
            }
            self.year(Key(&p, "date"), e.date);
            self.text(Key(&p, "label"), &e.label, Need::Required, Kind::Label);
            self.text(Key(&p, "description"), &e.description, Need::Required, Kind::Prose);
            self.text(Key(&p, "note"), &e.note, Need::Optional, Kind::Prose);
            if e.approximate && e.note.en.is_empty() && e.note.es.is_empty() {
                self.err(Key(&p, "note"), "an approximate date needs a note saying why it is approximate");
            }
            self.sources(Key(&p, "sources"), &e.sources);
            self.reported_on_catalogues(&p, e, c);
        }
    }

    /// A list of source ids: non-empty, each known, none twice.
    fn sources(&mut self, path: impl fmt::Display, ids: &[Str]) {
        if ids.is_empty() {
            self.err(&path, "no sources: every figure and fact needs at least one source id");
        }
        // A short list (nearly every one) is searched, a long one put in a
        // set: one allocation less for each of a campaign's 10,000 events.
        let mut seen = Seen::default();
        let short = ids.len() <= SHORT_LIST;
        for (j, id) in ids.iter().enumerate() {
            if self.done() {
                return;
            }
            let p = Index(&path, j);
            if !self.known.contains(id.as_ref()) {
                self.err(&p, format!("unknown source id \"{}\" (no source has this id)", clip(id)));
                continue;
            }
            let repeated = if short { ids.get(..j).is_some_and(|before| before.contains(id)) } else { !seen.insert(id.as_ref()) };
            if repeated {
                self.err(&p, format!("source id \"{}\" listed twice", clip(id)));
            }
        }
    }

    /// A date's year is within [`MIN_YEAR`]..=[`MAX_YEAR`].
    fn year(&mut self, path: impl fmt::Display, d: EventDate) {
        if !(MIN_YEAR..=MAX_YEAR).contains(&d.year) {
            self.err(path, format!("year {} is outside {MIN_YEAR}..={MAX_YEAR}", d.year));
        }
    }

    /// A two-language text.
    fn text(&mut self, path: impl fmt::Display, t: &Text, need: Need, kind: Kind) {
        for (lang, s) in [("en", &t.en), ("es", &t.es)] {
            let p = Key(&path, lang);
            self.string(&p, s, need);
            // Counted only when it can be too long: a char is at least a byte.
            if kind == Kind::Label && s.len() > MAX_LABEL_CHARS {
                let n = s.chars().count();
                if n > MAX_LABEL_CHARS {
                    self.err(&p, format!("label is {n} characters long; at most {MAX_LABEL_CHARS} allowed"));
                }
            }
        }
        if need == Need::Optional && t.en.trim().is_empty() != t.es.trim().is_empty() {
            let missing = if t.en.trim().is_empty() { "en" } else { "es" };
            self.err(Key(&path, missing), "missing translation: give the text in both en and es, or in neither");
        }
    }

    /// A single string: no control characters; non-empty when required.
    fn string(&mut self, path: impl fmt::Display, s: &str, need: Need) {
        if need == Need::Required && s.trim().is_empty() {
            self.err(&path, "is empty");
        }
        if may_hold_control(s) {
            if let Some(ch) = s.chars().find(|c| c.is_control()) {
                self.err(path, format!("contains the control character U+{:04X}", u32::from(ch)));
            }
        }
    }
}

/// Whether `s` is an absolute URL as campaign.schema.json says: a scheme
/// (a letter, then letters, digits, `+`, `.` or `-`), a colon, and at least
/// one more character, none of them a space. "www.example.org/report" is
/// not one: a page would take it as a path on its own site.
fn absolute_url(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    let mut scheme = scheme.chars();
    scheme.next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
        && !rest.is_empty()
        && !rest.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Whether `s` may hold a control character (Unicode's Cc: U+0000 to
/// U+001F, U+007F to U+009F): false unless one of its bytes is under 0x20,
/// 0x7F, or 0xC2, the first byte of U+0080 to U+00BF in UTF-8. A scan of
/// bytes, not of decoded chars: the validator checks every string of a
/// campaign (10,000 events: most of its time went to decoding them).
fn may_hold_control(s: &str) -> bool {
    s.bytes().any(|b| b < 0x20 || b == 0x7F || b == 0xC2)
}

/// A field of the value at a path, `path.key`: written out only for a
/// message (formatting every path of a campaign of 10,000 events cost more
/// than checking it).
struct Key<'a>(&'a dyn fmt::Display, &'a str);

impl fmt::Display for Key<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.0, self.1)
    }
}

/// An item of the list at a path, `path[i]`, written out only for a message.
struct Index<'a>(&'a dyn fmt::Display, usize);

impl fmt::Display for Index<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

/// A set of strings: a B-tree, so inserting n keys costs n log n whatever
/// their order (a sorted `Vec` cost n² moves: 10,000 codes in reverse order
/// took the validator past 100 ms), and no hashbrown or SipHash in the wasm.
#[derive(Default)]
struct Seen<'a>(BTreeSet<&'a str>);

impl<'a> Seen<'a> {
    fn of(items: impl Iterator<Item = &'a str>) -> Self {
        let mut set = Seen::default();
        for s in items {
            set.insert(s);
        }
        set
    }

    /// Adds `s`; false if it was already there (as `HashSet::insert`).
    fn insert(&mut self, s: &'a str) -> bool {
        self.0.insert(s)
    }

    fn contains(&self, s: &str) -> bool {
        self.0.contains(s)
    }
}

/// A date as the data file writes it.
fn show(d: EventDate) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{:04}-{m:02}-{day:02}", d.year),
        (Some(m), None) => format!("{:04}-{m:02}", d.year),
        _ => format!("{:04}", d.year),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::model::{Alternative, Country, Event, List, OtherFigure, Period, Source, Status, Total};
    use std::borrow::Cow;

    pub(super) fn t(s: &str) -> Text {
        Text { en: s.to_string().into(), es: s.to_string().into() }
    }

    pub(super) fn ids(v: &[&str]) -> List<Str> {
        Cow::Owned(v.iter().map(|s| Str::Owned((*s).to_string())).collect())
    }

    fn date(s: &str) -> EventDate {
        EventDate::parse(s).unwrap()
    }

    pub(super) fn country(code: &str, count: Count) -> Country {
        Country {
            code: code.to_string().into(),
            name: t("Somewhere"),
            count,
            alternatives: Cow::Owned(vec![]),
            other_figures: Cow::Owned(vec![]),
            government_targets_only: false,
            notes: Cow::Owned(vec![]),
            sources: ids(&["S1"]),
            counted_by: Cow::Owned(vec![]),
        }
    }

    fn event(id: &str, d: &str) -> Event {
        Event {
            id: id.to_string().into(),
            date: date(d),
            approximate: false,
            label: t("Something happened"),
            description: t("Something happened, in a sentence."),
            status: Status::Reported,
            note: Text::default(),
            sources: ids(&["S1"]),
        }
    }

    pub(super) fn source(id: &str) -> Source {
        Source {
            id: id.to_string().into(),
            title: "A title".into(),
            publisher: "A publisher".into(),
            date: "2014-02-10".into(),
            url: "https://example.invalid/".into(),
            note: Str::default(),
            kind: None,
        }
    }

    /// A small campaign that breaks no rule.
    pub(super) fn ok() -> Campaign {
        Campaign {
            name: t("The Mask (Careto)"),
            measure: t("victim IP addresses"),
            measure_hedge: Text::default(),
            as_of: t("as published in February 2014"),
            totals: Cow::Owned(vec![Total { key: "countries".into(), label: t("countries"), value: 2, qualifier: Text::default(), sources: ids(&["S1"]) }]),
            totals_note: Text::default(),
            active_period: Period {
                start: date("2007"),
                end: date("2014-01"),
                label: t("Active period"),
                description: t("From 2007 to January 2014."),
                sources: ids(&["S1"]),
            },
            countries: Cow::Owned(vec![country("MAR", Count::Published(384)), country("CUB", Count::NotPublished)]),
            events: Cow::Owned(vec![event("a", "2007"), event("b", "2014-02-10")]),
            sources: Cow::Owned(vec![source("S1"), source("S2")]),
            bars_source_line: t("Source: S1"),
            timeline_source_line: t("Source: S1"),
            government_targets_sources: List::default(),
            profile: crate::model::Profile::default(),
        }
    }

    pub(super) fn first(c: &Campaign) -> String {
        validate(c).unwrap_err().to_string()
    }

    #[test]
    fn valid_campaign_passes() {
        assert_eq!(validate(&ok()), Ok(()));
        assert!(validate_all(&ok()).is_empty());
    }

    #[test]
    fn display_names_the_field() {
        let e = DataError { path: "country[8].sources[1]".to_string(), reason: "unknown source id \"S99\"".to_string() };
        assert_eq!(e.to_string(), "country[8].sources[1]: unknown source id \"S99\"");
    }

    #[test]
    fn needs_a_country() {
        let mut c = ok();
        c.countries.to_mut().clear();
        assert!(first(&c).starts_with("country: no countries"));
    }

    #[test]
    fn country_code_shape() {
        for bad in ["MA", "MARO", "mar", "M4R", "MÁR", ""] {
            let mut c = ok();
            c.countries.to_mut()[1].code = bad.into();
            let e = first(&c);
            assert!(e.starts_with("country[1].code: "), "{bad}: {e}");
        }
    }

    #[test]
    fn country_codes_come_from_the_map_or_the_user_assigned_ranges() {
        for bad in ["MRC", "UKK", "ATA", "QKQ", "AZZ", "YYY"] {
            let mut c = ok();
            c.countries.to_mut()[1].code = bad.into();
            let e = first(&c);
            assert!(
                e.starts_with(&format!("country[1].code: \"{bad}\" is not the ISO 3166-1 alpha-3 code of a country or territory on the map")),
                "{bad}: {e}"
            );
            assert!(e.ends_with("use a user-assigned code, XAA to XZZ"), "{e}");
        }
        for good in ["GIB", "ESH", "SGP", "TWN", "XAL", "XZZ", "AAA", "QMA", "ZZZ"] {
            let mut c = ok();
            c.countries.to_mut()[1].code = good.into();
            assert!(validate(&c).is_ok(), "{good}: {:?}", validate(&c));
        }
    }

    #[test]
    fn country_code_unique() {
        let mut c = ok();
        c.countries.to_mut()[1].code = "MAR".into();
        assert_eq!(first(&c), "country[1].code: duplicate country code \"MAR\"");
    }

    #[test]
    fn names_in_both_languages() {
        let mut c = ok();
        c.countries.to_mut()[0].name.es = Str::default();
        assert_eq!(first(&c), "country[0].name.es: is empty");
        let mut c = ok();
        c.name.en = "  ".into();
        assert_eq!(first(&c), "name.en: is empty");
    }

    #[test]
    fn sources_non_empty_everywhere() {
        let mut c = ok();
        c.countries.to_mut()[1].sources.to_mut().clear();
        assert!(first(&c).starts_with("country[1].sources: no sources"));
        let mut c = ok();
        c.events.to_mut()[0].sources.to_mut().clear();
        assert!(first(&c).starts_with("event[0].sources: no sources"));
        let mut c = ok();
        c.active_period.sources.to_mut().clear();
        assert!(first(&c).starts_with("active_period.sources: no sources"));
    }

    #[test]
    fn published_count_needs_sources() {
        let mut c = ok();
        c.countries.to_mut()[0].sources.to_mut().clear();
        assert_eq!(first(&c), "country[0].sources: a published count needs at least one source");
    }

    #[test]
    fn a_source_url_is_absolute_or_empty() {
        for url in ["https://example.org/report", "http://a.b", "urn:isbn:0451450523", ""] {
            let mut c = ok();
            c.sources.to_mut()[0].url = url.into();
            assert!(validate(&c).is_ok(), "{url}");
        }
        for url in ["www.example.org/report", "/report.pdf", "1http://a", "https://example.org/a report", "example.org:"] {
            let mut c = ok();
            c.sources.to_mut()[0].url = url.into();
            let err = validate(&c).map_err(|e| e.to_string()).err();
            assert_eq!(err, Some(format!("source[0].url: \"{url}\" is not an absolute URL (such as https://example.org/report), nor empty")), "{url}");
        }
    }

    #[test]
    fn zero_count_rejected() {
        let mut c = ok();
        c.countries.to_mut()[0].count = Count::Published(0);
        assert!(first(&c).starts_with("country[0].count: 0 is not a published figure"));
    }

    #[test]
    fn unknown_source_id() {
        let mut c = ok();
        c.countries.to_mut()[1].sources.to_mut().push("S99".into());
        assert_eq!(first(&c), "country[1].sources[1]: unknown source id \"S99\" (no source has this id)");
    }

    #[test]
    fn government_targets_sources_are_optional_but_must_resolve() {
        let mut c = ok();
        c.government_targets_sources = ids(&["S1", "S2"]);
        assert_eq!(validate(&c), Ok(()));
        c.government_targets_sources = ids(&["S1", "S99"]);
        assert_eq!(first(&c), "government_targets_sources[1]: unknown source id \"S99\" (no source has this id)");
    }

    #[test]
    fn source_listed_twice() {
        let mut c = ok();
        c.events.to_mut()[1].sources.to_mut().push("S1".into());
        assert_eq!(first(&c), "event[1].sources[1]: source id \"S1\" listed twice");
    }

    /// A long list (a set) and a short one (searched) report the same repeat.
    #[test]
    fn source_listed_twice_in_a_long_list() {
        let many: Vec<String> = (0..20).map(|i| format!("L{i}")).collect();
        let mut c = ok();
        c.sources.to_mut().extend(many.iter().map(|id| source(id)));
        let mut list: Vec<&str> = many.iter().map(String::as_str).collect();
        list.insert(15, "L3");
        c.events.to_mut()[1].sources = ids(&list);
        assert!(list.len() > SHORT_LIST);
        assert_eq!(first(&c), "event[1].sources[15]: source id \"L3\" listed twice");
        c.events.to_mut()[1].sources = ids(&["L1", "L2", "L1"]);
        assert_eq!(first(&c), "event[1].sources[2]: source id \"L1\" listed twice");
    }

    #[test]
    fn source_ids_unique() {
        let mut c = ok();
        c.sources.to_mut()[1].id = "S1".into();
        assert_eq!(first(&c), "source[1].id: duplicate source id \"S1\"");
    }

    #[test]
    fn source_date_checked() {
        let mut c = ok();
        c.sources.to_mut()[1].date = "2014-13".into();
        assert!(first(&c).starts_with("source[1].date: "));
        let mut c = ok();
        c.sources.to_mut()[1].date = Str::default();
        assert_eq!(validate(&c), Ok(()));
    }

    #[test]
    fn alternatives_and_other_figures_need_sources() {
        let mut c = ok();
        c.countries.to_mut()[0].alternatives.to_mut().push(Alternative { value: 383, sources: Cow::Owned(vec![]) });
        assert!(first(&c).starts_with("country[0].alternatives[0].sources: no sources"));
        let mut c = ok();
        c.countries.to_mut()[1].other_figures.to_mut().push(OtherFigure {
            value: 46,
            unit: t("computers"),
            note: t("A different measure."),
            sources: ids(&["S7"]),
        });
        assert!(first(&c).starts_with("country[1].other_figures[0].sources[0]: unknown source id"));
    }

    #[test]
    fn alternatives_need_a_published_count() {
        let mut c = ok();
        c.countries.to_mut()[1].alternatives.to_mut().push(Alternative { value: 5, sources: ids(&["S1"]) });
        assert!(first(&c).starts_with("country[1].alternatives: "));
    }

    #[test]
    fn totals_need_sources() {
        let mut c = ok();
        c.totals.to_mut()[0].sources.to_mut().clear();
        assert!(first(&c).starts_with("total[0].sources: no sources"));
    }

    #[test]
    fn event_ids_unique() {
        let mut c = ok();
        c.events.to_mut()[1].id = "a".into();
        assert_eq!(first(&c), "event[1].id: duplicate event id \"a\"");
    }

    #[test]
    fn event_dates_in_range() {
        let mut c = ok();
        c.events.to_mut()[0].date = date("1989");
        assert_eq!(first(&c), "event[0].date: year 1989 is outside 1990..=2100");
        let mut c = ok();
        c.events.to_mut()[0].date = date("2101-01-01");
        assert!(first(&c).starts_with("event[0].date: year 2101"));
        let mut c = ok();
        c.events.to_mut()[0].date = date("1990");
        c.events.to_mut()[1].date = date("2100-12-31");
        assert_eq!(validate(&c), Ok(()));
    }

    #[test]
    fn approximate_needs_note() {
        let mut c = ok();
        c.events.to_mut()[0].approximate = true;
        assert!(first(&c).starts_with("event[0].note: an approximate date"));
        c.events.to_mut()[0].note = t("S32 says 2008.");
        assert_eq!(validate(&c), Ok(()));
    }

    #[test]
    fn period_start_before_end() {
        let mut c = ok();
        c.active_period.start = date("2014-02");
        assert!(first(&c).starts_with("active_period.end: the period ends (2014-01) before it starts (2014-02)"));
        // A year and a month inside it overlap: allowed.
        let mut c = ok();
        c.active_period.start = date("2014");
        assert_eq!(validate(&c), Ok(()));
    }

    #[test]
    fn labels_not_too_long() {
        let mut c = ok();
        c.events.to_mut()[0].label.es = "x".repeat(MAX_LABEL_CHARS + 1).into();
        assert!(first(&c).starts_with("event[0].label.es: label is 201 characters"));
        let mut c = ok();
        c.events.to_mut()[0].label.es = "é".repeat(MAX_LABEL_CHARS).into();
        assert_eq!(validate(&c), Ok(()));
    }

    #[test]
    fn no_control_characters() {
        let mut c = ok();
        c.countries.to_mut()[0].name.en = "Mor\nocco".into();
        assert_eq!(first(&c), "country[0].name.en: contains the control character U+000A");
        let mut c = ok();
        c.sources.to_mut()[0].note = "tab\there".into();
        assert!(first(&c).starts_with("source[0].note: contains the control character"));
        // DEL and the C1 controls, found by the byte scan too.
        for (ch, code) in [('\u{7f}', "007F"), ('\u{85}', "0085"), ('\u{9f}', "009F")] {
            let mut c = ok();
            c.countries.to_mut()[0].name.es = format!("Marru{ch}ecos").into();
            assert_eq!(first(&c), format!("country[0].name.es: contains the control character U+{code}"));
        }
    }

    /// The byte scan misses no control character: every char up to U+00FF,
    /// alone and between others.
    #[test]
    fn the_byte_scan_finds_every_control_character() {
        for ch in (0..=0xFFu32).filter_map(char::from_u32) {
            let s = format!("a{ch}é");
            assert!(!ch.is_control() || may_hold_control(&s), "{:04X}", u32::from(ch));
        }
        assert!(!may_hold_control("Marruecos, Túnez, 中国 and 🗺"));
    }

    #[test]
    fn optional_text_in_both_languages_or_neither() {
        let mut c = ok();
        c.events.to_mut()[0].note.en = "Only English".into();
        assert!(first(&c).starts_with("event[0].note.es: missing translation"));
    }

    #[test]
    fn validate_all_reports_every_error() {
        let mut c = ok();
        c.countries.to_mut()[0].sources = ids(&["S98"]);
        c.events.to_mut()[1].id = "a".into();
        let all = validate_all(&c);
        assert_eq!(all.len(), 2, "{all:?}");
    }

    /// Issue 13.8: no message repeats more than 40 characters of the input,
    /// however long (a 1 MB code once gave a 1 MB message).
    #[test]
    fn messages_repeat_at_most_forty_characters_of_input() {
        let long = "x".repeat(1_000_000);
        let clipped = format!("{}…", "x".repeat(40));
        let mut c = ok();
        c.countries.to_mut()[1].code = long.clone().into();
        assert_eq!(first(&c), format!("country[1].code: \"{clipped}\" is not an ISO 3166-1 alpha-3 code (3 uppercase letters A-Z)"));
        let mut c = ok();
        c.sources.to_mut()[1].id = format!("S1 {long}").into();
        assert!(first(&c).len() < 120, "{}", first(&c).len());
        let mut c = ok();
        c.countries.to_mut()[0].sources.to_mut().push(long.clone().into());
        assert_eq!(first(&c), format!("country[0].sources[1]: unknown source id \"{clipped}\" (no source has this id)"));
        let mut c = ok();
        c.events.to_mut()[1].id = long.clone().into();
        c.events.to_mut()[0].id = long.into();
        assert_eq!(first(&c), format!("event[1].id: duplicate event id \"{clipped}\""));
        let e = EventDate::parse(&"2".repeat(100_000)).unwrap_err();
        assert_eq!(e, format!("\"{}…\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", "2".repeat(40)));
    }

    /// `validate` is `validate_all`'s first error, found without the others.
    #[test]
    fn validate_stops_at_the_first_error() {
        let mut c = ok();
        let bad = country("bad", Count::Published(1));
        c.countries.to_mut().extend(std::iter::repeat_n(bad, 1000));
        let all = validate_all(&c);
        assert_eq!(all.len(), 1000, "every bad code");
        assert_eq!(validate(&c), Err(all[0].clone()));
        assert_eq!(check(&c, 1).len(), 1);
        assert_eq!(check(&c, 3), all[..3]);
    }
}
