//! The CSV download: the data behind a chart, every field quoted and none
//! able to open as a formula in a spreadsheet.

#[cfg(careto_profile)]
use super::profile;
use super::{country_rows, measure_column, source_list};
use crate::i18n::detail_strings;
use crate::model::{Campaign, Lang, Status};
use crate::view::View;

/// Where a spreadsheet may start a new cell: the separators of CSV (`,`,
/// and `;` where the decimal comma takes `,`, as in Spanish), tab-separated
/// import, and line breaks.
const CELL_BREAKS: [char; 5] = [',', ';', '\t', '\n', '\r'];

/// Characters that open a formula in some spreadsheet: `= + - @`, their
/// fullwidth (`＝ ＋ － ＠`) and small forms (`﹦ ﹢ ﹣`), which Excel in East
/// Asian locales reads as the plain ones.
const FORMULA_STARTS: [char; 11] = ['=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣'];

/// One CSV field: always quoted (RFC 4180, `"` doubled), and no part of it
/// can open as a formula in a spreadsheet, whatever separator that uses:
/// wherever a cell could start (the field's start, or after any of
/// [`CELL_BREAKS`]), after any spaces and tabs, a formula character gets a
/// `'` before it (`;=cmd|…` becomes `;'=cmd|…`), which spreadsheets read as
/// "this is text".
fn csv_field(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut cell_start = true;
    for c in s.chars() {
        if cell_start && FORMULA_STARTS.contains(&c) {
            out.push('\'');
        }
        if c == '"' {
            out.push('"');
        }
        out.push(c);
        // Still at a cell's start after a break and through the spaces that follow it.
        cell_start = CELL_BREAKS.contains(&c) || (cell_start && c.is_whitespace());
    }
    out.push('"');
    out
}

/// The field separator of a CSV in `lang`: Spanish spreadsheets (Excel,
/// LibreOffice in a Spanish locale) split on `;`, their decimal separator
/// being `,`; English ones on `,`.
pub fn csv_separator(lang: Lang) -> char {
    match lang {
        Lang::En => ',',
        Lang::Es => ';',
    }
}

/// The data behind a chart as CSV (a header row, then one row per country or
/// event), with a sources column, in the reader's language, its fields
/// separated by [`csv_separator`] and written by `csv_field` (quoted, no
/// formula anywhere).
pub fn csv(c: &Campaign, view: View, lang: Lang) -> String {
    let s = detail_strings(lang);
    let mut rows: Vec<Vec<String>> = Vec::new();
    match view {
        // The map shows the bars' data: the same table.
        #[cfg(careto_map)]
        View::Map => return csv(c, View::Bars, lang),
        #[cfg(careto_profile)]
        View::Profile => {
            let d = crate::i18n::profile_detail_strings(lang);
            rows.push([d.col_aspect, d.col_item, d.col_detail, s.csv_sources].map(|h| h.to_lowercase()).to_vec());
            rows.extend(profile::profile_rows(c, lang).into_iter().map(|r| r.to_vec()));
        }
        View::Bars => {
            rows.push(vec![s.csv_code.to_string(), s.csv_country.to_string(), measure_column(c, lang), s.csv_notes.to_string(), s.csv_sources.to_string()]);
            for r in country_rows(c, lang) {
                // The raw figure (no thousands separator), empty when not published.
                let value = c.countries.iter().find(|k| k.code == r.code.as_str()).and_then(|k| k.count.value()).map(|v| v.to_string()).unwrap_or_default();
                rows.push(vec![r.code, r.name, value, r.notes, r.sources]);
            }
        }
        View::Timeline => {
            rows.push([s.csv_date, s.csv_approximate, s.csv_event, s.csv_status, s.csv_sources].map(String::from).to_vec());
            for e in crate::order::events_by_date(c) {
                let d = &e.date;
                let iso = match (d.month, d.day) {
                    (Some(m), Some(day)) => format!("{}-{m:02}-{day:02}", d.year),
                    (Some(m), None) => format!("{}-{m:02}", d.year),
                    _ => d.year.to_string(),
                };
                let [yes, no] = s.csv_yes_no;
                let [reported, secondary, alleged] = s.csv_statuses;
                let status = match e.status {
                    Status::Reported => reported,
                    Status::Secondary => secondary,
                    Status::Alleged => alleged,
                };
                rows.push(vec![
                    iso,
                    (if e.approximate { yes } else { no }).to_string(),
                    e.description.get(lang).to_string(),
                    status.to_string(),
                    source_list(c, &e.sources),
                ]);
            }
        }
    }
    let separator = csv_separator(lang).to_string();
    let mut out = String::new();
    for row in rows {
        out.push_str(&row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(&separator));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::data::careto;

    #[test]
    fn csv_keeps_dates_at_their_precision_and_quotes_fields() {
        let c = careto();
        let bars = csv(&c, View::Bars, Lang::En);
        let lines: Vec<&str> = bars.lines().collect();
        assert_eq!(lines.len(), 32, "a header and 31 countries");
        assert!(lines.first().is_some_and(|h| h.starts_with(r#""code","country","victim IP addresses (almost certainly)","notes","sources""#)));
        assert!(lines.get(1).is_some_and(|l| l.starts_with(r#""MAR","Morocco","384","#)), "{:?}", lines.get(1));
        assert!(lines.iter().any(|l| l.starts_with(r#""CUB","Cuba","","#)), "Cuba has no figure: an empty cell, not 0");
        let tl = csv(&c, View::Timeline, Lang::En);
        assert!(tl.lines().nth(1).is_some_and(|l| l.starts_with(r#""2007","false","#)));
        assert!(tl.contains(r#""2014-02-10","false","#));
        assert!(tl.contains(r#""2024-05","true","#));
        assert_eq!(csv_field("a \"b\", c"), r#""a ""b"", c""#);
    }

    /// Issue 13.6: a formula opens in a spreadsheet wherever a cell can start
    /// (after `,` or `;`, whichever the spreadsheet splits on, a tab or a line
    /// break), after spaces, in fullwidth forms too. Each gets a `'`.
    #[test]
    fn no_field_opens_as_a_formula_in_any_spreadsheet() {
        let cases = [
            ("=HYPERLINK(x)", r#""'=HYPERLINK(x)""#),
            ("+1", r#""'+1""#),
            ("-1+cmd", r#""'-1+cmd""#),
            ("@SUM(A1)", r#""'@SUM(A1)""#),
            ("Cuba;=cmd|' /C calc'!A0", r#""Cuba;'=cmd|' /C calc'!A0""#),
            ("Cuba;@SUM(1+1)", r#""Cuba;'@SUM(1+1)""#),
            ("Cuba,=1+1", r#""Cuba,'=1+1""#),
            ("  =1+1", r#""  '=1+1""#),
            ("Cuba; \t =1+1", "\"Cuba; \t '=1+1\""),
            ("\t=1", "\"\t'=1\""),
            ("\r=1", "\"\r'=1\""),
            ("a\n-1", "\"a\n'-1\""),
            ("＝1+1", r#""'＝1+1""#),
            ("x;＋1", r#""x;'＋1""#),
            ("x; －1", r#""x; '－1""#),
            ("＠SUM(1)", r#""'＠SUM(1)""#),
            ("﹦1", r#""'﹦1""#),
            // Inside a cell, not at its start: left as it is.
            ("2014-02-10", r#""2014-02-10""#),
            ("a=b, c", r#""a=b, c""#),
            ("S1 (Kaspersky Lab (GReAT), Securelist)", r#""S1 (Kaspersky Lab (GReAT), Securelist)""#),
        ];
        for (field, expected) in cases {
            assert_eq!(csv_field(field), expected, "{field:?}");
        }
    }

    /// Every field quoted; a Spanish CSV is split on `;`, an English one on `,`.
    #[test]
    fn every_field_is_quoted_and_spanish_csv_uses_semicolons() {
        let mut c = careto();
        c.countries.to_mut()[0].name.es = "Marruecos;=cmd|'/C calc'!A0".into();
        for (lang, sep) in [(Lang::En, ","), (Lang::Es, ";")] {
            for view in [View::Bars, View::Timeline] {
                let text = csv(&c, view, lang);
                for line in text.split("\r\n").filter(|l| !l.is_empty()) {
                    let fields = split_quoted(line, sep);
                    assert_eq!(fields.len(), 5, "{lang:?} {view:?}: {line}");
                    for f in &fields {
                        assert!(f.len() >= 2 && f.starts_with('"') && f.ends_with('"'), "{lang:?} {view:?}: {f:?} is not quoted in {line}");
                    }
                }
            }
        }
        let es = csv(&c, View::Bars, Lang::Es);
        assert!(es.starts_with(r#""código";"país";"direcciones IP de víctimas (casi con seguridad)";"notas";"fuentes""#), "{}", &es[..80]);
        assert!(es.contains(r#""MAR";"Marruecos;'=cmd|'/C calc'!A0";"384";"#), "the label's formula is neutralised");
    }

    /// The fields of one CSV line, split on `sep` outside quotes.
    fn split_quoted<'a>(line: &'a str, sep: &str) -> Vec<&'a str> {
        let mut fields = Vec::new();
        let (mut start, mut quoted) = (0, false);
        for (i, c) in line.char_indices() {
            if c == '"' {
                quoted = !quoted;
            } else if !quoted && line[i..].starts_with(sep) {
                fields.push(&line[start..i]);
                start = i + sep.len();
            }
        }
        fields.push(&line[start..]);
        fields
    }
}
