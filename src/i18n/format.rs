//! How each language writes numbers (`1,000` / `1.000`), dates at their
//! precision (`10 Feb 2014` / `10 de febrero de 2014`) and lists ("a, b
//! and c" / "a, b y c"); and the tools the words are made with: `{key}`
//! templates, capitals, the sort key of names.

use crate::model::{EventDate, Lang};

const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/// Spanish months written out: an abbreviation in running text needs its
/// full stop ("ene."), and a written-out month reads better ("enero de 2014").
const MONTHS_ES: [&str; 12] = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

/// A whole number with the language's thousands separator: `1,000` / `1.000`.
pub fn format_count(n: u32, lang: Lang) -> String {
    let sep = match super::compiled(lang) {
        Lang::En => ',',
        Lang::Es => '.',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The month's name, 1-based: abbreviated in English (`Jan`), written out in Spanish (`enero`).
pub fn month_name(month: u8, lang: Lang) -> &'static str {
    let names = match super::compiled(lang) {
        Lang::En => &MONTHS_EN,
        Lang::Es => &MONTHS_ES,
    };
    names.get(usize::from(month.saturating_sub(1))).copied().unwrap_or("?")
}

/// A date at its own precision: `2007`, `Jan 2014`, `10 Feb 2014`
/// (`enero de 2014`, `10 de febrero de 2014`), with `c.` / `hacia` when approximate.
pub fn format_date(date: &EventDate, approximate: bool, lang: Lang) -> String {
    let lang = super::compiled(lang);
    let core = match (date.month, date.day, lang) {
        (Some(m), Some(d), Lang::En) => format!("{d} {} {}", month_name(m, lang), date.year),
        (Some(m), Some(d), Lang::Es) => format!("{d} de {} de {}", month_name(m, lang), date.year),
        (Some(m), None, Lang::En) => format!("{} {}", month_name(m, lang), date.year),
        (Some(m), None, Lang::Es) => format!("{} de {}", month_name(m, lang), date.year),
        _ => date.year.to_string(),
    };
    if approximate {
        match lang {
            Lang::En => format!("c. {core}"),
            Lang::Es => format!("hacia {core}"),
        }
    } else {
        core
    }
}

#[cfg(careto_map)]
/// `items` as a list: "a", "a and b", "a, b and c" (Spanish "y", or "e"
/// before a word that starts with the sound i: "Marruecos e Irán").
pub fn join_list(items: &[String], lang: Lang) -> String {
    let mut out = String::new();
    let n = items.len();
    for (i, item) in items.iter().enumerate() {
        if i > 0 && i + 1 == n {
            let and = match lang {
                Lang::Es if starts_with_i_sound(item) => "e",
                _ => super::map_strings(lang).and,
            };
            out.push(' ');
            out.push_str(and);
            out.push(' ');
        } else if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    out
}

#[cfg(careto_map)]
/// Whether a Spanish word starts with the vowel sound i ("I", "Í", "Hi",
/// but not "Hie"/"Hia", where "y" stays: "agua y hielo").
fn starts_with_i_sound(word: &str) -> bool {
    let lower: Vec<char> = word.chars().take(3).map(|c| c.to_ascii_lowercase()).collect();
    match lower.as_slice() {
        ['i' | 'í' | 'Í', ..] => true,
        ['h', 'i' | 'í', next, ..] => !matches!(next, 'e' | 'a'),
        ['h', 'i' | 'í'] => true,
        _ => false,
    }
}

/// Fills `{key}` placeholders in `template` (one pass; an unknown `{…}` is
/// left as it is), and chooses in each `{one|other}` by the count `n`:
/// `one` when `n` is 1 ("1 country affected", "1 país afectado"), else
/// `other`. Searching for a byte, not a `&str` or a `char`, keeps
/// core's substring and char searchers (about 1.1 KB of wasm) out of the
/// drawing kernels.
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    let one = pairs.contains(&("n", "1"));
    while let Some((before, after)) = split_at_byte(rest, b'{') {
        out.push_str(before);
        let known = split_at_byte(after, b'}').and_then(|(key, tail)| {
            let value = match split_at_byte(key, b'|') {
                Some((singular, plural)) => Some(if one { singular } else { plural }),
                None => pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v),
            };
            value.map(|v| (v, tail))
        });
        match known {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `s` around its first `byte`, which is ASCII: both sides are whole characters.
fn split_at_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == byte)?;
    let (before, from) = s.split_at_checked(i)?;
    Some((before, from.get(1..)?))
}

/// `items` with `separator` between each two. A loop of its own: std's
/// `join` is a generic routine of about 900 B of wasm, for the few short
/// strings a headline or a summary joins.
pub fn join(items: &[String], separator: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(item);
    }
    out
}

/// `s` with its first letter in upper case (ASCII and Latin-1 letters; other
/// scripts are left as they are, to keep Unicode case tables out of the wasm).
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => {
            let upper = match first {
                'a'..='z' => first.to_ascii_uppercase(),
                // Latin-1 small letters à..þ (not ÷) sit 0x20 above their capitals.
                '\u{e0}'..='\u{fe}' if first != '\u{f7}' => char::from_u32(first as u32 - 0x20).unwrap_or(first),
                _ => first,
            };
            std::iter::once(upper).chain(c).collect()
        }
        None => String::new(),
    }
}

/// A sort key that orders names as a reader expects in English and Spanish:
/// case and the common Latin accents are ignored (Á sorts with A, ñ after n).
pub fn sort_key(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'à'..='å' | 'À'..='Å' => 'a',
            'è'..='ë' | 'È'..='Ë' => 'e',
            'ì'..='ï' | 'Ì'..='Ï' => 'i',
            'ò'..='ö' | 'Ò'..='Ö' => 'o',
            'ù'..='ü' | 'Ù'..='Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ñ' | 'Ñ' => 'n',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_and_capitals_without_unicode_tables() {
        assert_eq!(capitalize("victim IP addresses"), "Victim IP addresses");
        assert_eq!(capitalize("él"), "Él");
        let mut names = vec!["Turquía", "Túnez", "Irán", "irak", "Egipto"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, ["Egipto", "irak", "Irán", "Túnez", "Turquía"]);
    }

    #[cfg(careto_map)]
    #[test]
    fn lists_join_with_the_language_and() {
        let v = |s: &[&str]| s.iter().map(|x| (*x).to_string()).collect::<Vec<_>>();
        assert_eq!(join_list(&v(&[]), Lang::En), "");
        assert_eq!(join_list(&v(&["Africa"]), Lang::En), "Africa");
        assert_eq!(join_list(&v(&["a", "b", "c"]), Lang::En), "a, b and c");
        assert_eq!(join_list(&v(&["Marruecos", "Irán"]), Lang::Es), "Marruecos e Irán");
        assert_eq!(join_list(&v(&["Cuba", "Irak"]), Lang::Es), "Cuba e Irak");
        assert_eq!(join_list(&v(&["Europa", "Asia"]), Lang::Es), "Europa y Asia");
        assert_eq!(join_list(&v(&["agua", "hielo"]), Lang::Es), "agua y hielo");
        assert_eq!(join_list(&v(&["Chile", "Hispania"]), Lang::Es), "Chile e Hispania");
    }

    #[test]
    fn placeholders_are_filled_once() {
        assert_eq!(fill("{name}: {n} countries", &[("name", "The Mask"), ("n", "31")]), "The Mask: 31 countries");
        assert_eq!(fill("{a}{a} {b} {", &[("a", "{b}"), ("b", "x")]), "{b}{b} x {");
        assert_eq!(fill("no placeholders", &[]), "no placeholders");
        // Around letters of more than one byte, and braces that do not close.
        assert_eq!(fill("ñ{n}é {x} {n", &[("n", "31"), ("x", "Á")]), "ñ31é Á {n");
        assert_eq!(fill("{}{", &[("", "empty")]), "empty{");
    }

    #[test]
    fn a_count_of_one_takes_the_singular() {
        let t = "{name}: {n} {country|countries} affected";
        assert_eq!(fill(t, &[("name", "X"), ("n", "1")]), "X: 1 country affected");
        assert_eq!(fill(t, &[("name", "X"), ("n", "2")]), "X: 2 countries affected");
        assert_eq!(fill(t, &[("name", "X"), ("n", "0")]), "X: 0 countries affected");
        assert_eq!(fill(t, &[("name", "X"), ("n", "1,000")]), "X: 1,000 countries affected");
        // Only `n` counts; a value is never read for choices.
        assert_eq!(fill("{k} {a|b}", &[("k", "1")]), "1 b");
        assert_eq!(fill("{x}", &[("x", "{a|b}"), ("n", "1")]), "{a|b}");
        assert_eq!(fill("{Otro|Otros} {n} {país|países}", &[("n", "1")]), "Otro 1 país");
    }

    #[test]
    fn join_puts_the_separator_between_each_two() {
        let v = |xs: &[&str]| xs.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
        assert_eq!(join(&v(&[]), "; "), "");
        assert_eq!(join(&v(&["a"]), "; "), "a");
        assert_eq!(join(&v(&["a", "", "c"]), " · "), "a ·  · c");
        for items in [v(&["x", "y", "z"]), v(&["Marruecos, 384", "Brasil, 173"])] {
            assert_eq!(join(&items, "; "), items.join("; "));
        }
    }

    #[test]
    fn counts_use_the_language_separator() {
        assert_eq!(format_count(1000, Lang::En), "1,000");
        assert_eq!(format_count(1000, Lang::Es), "1.000");
        assert_eq!(format_count(384, Lang::Es), "384");
        assert_eq!(format_count(1_234_567, Lang::En), "1,234,567");
        assert_eq!(format_count(0, Lang::En), "0");
    }

    #[test]
    fn dates_keep_their_precision() {
        let d = |s| EventDate::parse(s).unwrap_or(EventDate { year: 0, month: None, day: None });
        assert_eq!(format_date(&d("2014-02-10"), false, Lang::En), "10 Feb 2014");
        assert_eq!(format_date(&d("2014-02-10"), false, Lang::Es), "10 de febrero de 2014");
        assert_eq!(format_date(&d("2014-01"), false, Lang::Es), "enero de 2014");
        assert_eq!(format_date(&d("2014-01"), false, Lang::En), "Jan 2014");
        assert_eq!(format_date(&d("2007"), false, Lang::En), "2007");
        assert_eq!(format_date(&d("2008"), true, Lang::En), "c. 2008");
        assert_eq!(format_date(&d("2024-05"), true, Lang::Es), "hacia mayo de 2024");
    }
}
