//! Text metrics without a browser: widths of Liberation Sans / Arial (the
//! two are metric-compatible), so layout is pure Rust, identical natively and
//! in the browser, and testable.
//!
//! Widths are in CSS pixels. They slightly overestimate (see [`SAFETY`]) so
//! that labels laid out apart stay apart when the browser's font is a little
//! wider than the table.

/// The font stack every chart uses; the first two share these metrics.
pub const FONT_FAMILY: &str = "Liberation Sans, Arial, Helvetica, sans-serif";

/// Multiplier on the table's widths: a margin for font substitution.
pub const SAFETY: f64 = 1.06;

/// Advance widths of ASCII 32..=126 in thousandths of an em (regular weight).
const ADVANCE: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '..'/'
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0-9
    278, 278, 584, 584, 584, 556, 1015, // ':'..'@'
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A-M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N-Z
    278, 278, 278, 469, 556, 333, // '['..'`'
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a-m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n-z
    334, 260, 334, 584, // '{'..'~'
];

/// Font weight, as far as metrics care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Regular.
    Normal,
    /// Bold: about 8 % wider.
    Bold,
}

fn advance(c: char) -> u16 {
    let code = c as u32;
    if (32..=126).contains(&code) {
        // In range: 0..=94.
        ADVANCE.get((code - 32) as usize).copied().unwrap_or(556)
    } else if ('\u{c0}'..='\u{de}').contains(&c) {
        // Accented Latin capitals (no Unicode tables: they would cost 30 KB of wasm).
        722
    } else if ('\u{df}'..='\u{24f}').contains(&c) {
        // Accented Latin small letters take the common width.
        556
    } else {
        // Dashes, dots, symbols.
        if c == '\u{2013}' || c == '\u{2014}' {
            1000
        } else {
            584
        }
    }
}

/// Width in CSS px of `s` at `size` px.
pub fn width(s: &str, size: f64, weight: Weight) -> f64 {
    em_px(em(s), size, weight)
}

/// The advance of `s` in thousandths of an em.
fn em(s: &str) -> u32 {
    s.chars().map(|c| u32::from(advance(c))).fold(0, u32::saturating_add)
}

/// CSS px of `em` thousandths of an em at `size` px.
fn em_px(em: u32, size: f64, weight: Weight) -> f64 {
    let bold = match weight {
        Weight::Normal => 1.0,
        Weight::Bold => 1.08,
    };
    f64::from(em) / 1000.0 * size * bold * SAFETY
}

/// Splits `s` into lines no wider than `max_width` (a single word wider than
/// that gets a line of its own and is cut with an ellipsis).
pub fn wrap(s: &str, size: f64, weight: Weight, max_width: f64) -> Vec<String> {
    wrap_at_most(s, size, weight, max_width, usize::MAX)
}

/// As [`wrap`], in at most `max_lines` lines: when the text goes on, the
/// last one ends with "…" (and the rest is never measured, so a megabyte
/// of text costs no more than the lines drawn).
pub fn wrap_at_most(s: &str, size: f64, weight: Weight, max_width: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // The line's width in thousandths of an em, summed as words join it:
    // each word is measured once, not the whole line again per word (a
    // source line of 90 words was measured word by word, 1,500-odd
    // characters a line).
    let mut line_em = 0u32;
    let space = u32::from(advance(' '));
    let mut cut = false;
    for word in s.split_whitespace() {
        let word_em = em(word);
        if line.is_empty() {
            line.push_str(word);
            line_em = word_em;
            continue;
        }
        let joined = line_em.saturating_add(space).saturating_add(word_em);
        if em_px(joined, size, weight) <= max_width {
            line.push(' ');
            line.push_str(word);
            line_em = joined;
        } else {
            lines.push(std::mem::take(&mut line));
            if lines.len() == max_lines {
                cut = true;
                break;
            }
            line.push_str(word);
            line_em = word_em;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    let mut lines: Vec<String> = lines.into_iter().map(|l| truncate(&l, size, weight, max_width)).collect();
    if let (true, Some(last)) = (cut, lines.last_mut()) {
        *last = truncate(&format!("{}…", trim_end_all(last, "…")), size, weight, max_width);
    }
    lines
}

/// `s` without the copies of `suffix` it ends with. Comparing bytes at the
/// end: core's `trim_end_matches` brings its char searcher into the wasm.
pub fn trim_end_all<'a>(mut s: &'a str, suffix: &str) -> &'a str {
    if suffix.is_empty() {
        return s;
    }
    while let Some(rest) = s.strip_suffix(suffix) {
        s = rest;
    }
    s
}

/// `s`, cut with "…" so that it fits in `max_width`.
pub fn truncate(s: &str, size: f64, weight: Weight, max_width: f64) -> String {
    if width(s, size, weight) <= max_width {
        return s.to_string();
    }
    // The longest prefix that fits with the ellipsis, its width summed as it
    // grows (one pass, no string built per character).
    let ellipsis = u32::from(advance('…'));
    let (mut em, mut end) = (0u32, 0usize);
    for (i, c) in s.char_indices() {
        let next = em.saturating_add(u32::from(advance(c)));
        if em_px(next.saturating_add(ellipsis), size, weight) > max_width {
            break;
        }
        em = next;
        end = i + c.len_utf8();
    }
    format!("{}…", s.get(..end).unwrap_or(s).trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_end_all_takes_every_copy_of_the_suffix_off_the_end() {
        assert_eq!(trim_end_all("Disclosure..", "."), "Disclosure");
        assert_eq!(trim_end_all("a…b……", "…"), "a…b");
        assert_eq!(trim_end_all("…", "…"), "");
        assert_eq!(trim_end_all("no dot", "."), "no dot");
        assert_eq!(trim_end_all("x", ""), "x");
    }

    #[test]
    fn widths_follow_the_table() {
        // "Morocco" = 833+556+333+556+500+500+556 = 3834 / 1000 em
        let w = width("Morocco", 10.0, Weight::Normal);
        assert!((w - 38.34 * SAFETY).abs() < 1e-9, "{w}");
        assert!(width("Marruecos", 14.0, Weight::Bold) > width("Marruecos", 14.0, Weight::Normal));
    }

    #[test]
    fn wrap_respects_the_width() {
        let lines = wrap("Source: Kaspersky Lab, Securelist FAQ, 10 Feb 2014", 12.0, Weight::Normal, 120.0);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(width(l, 12.0, Weight::Normal) <= 120.0, "{l}");
        }
        assert_eq!(lines.join(" "), "Source: Kaspersky Lab, Securelist FAQ, 10 Feb 2014");
    }

    /// The lines the wrap made before it summed widths as it went: the
    /// candidate line measured whole for every word.
    fn wrap_by_measuring_whole_lines(s: &str, size: f64, weight: Weight, max_width: f64, max_lines: usize) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        let mut cut = false;
        for word in s.split_whitespace() {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if width(&candidate, size, weight) <= max_width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                if lines.len() == max_lines {
                    cut = true;
                    break;
                }
                line = word.to_string();
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        let mut lines: Vec<String> = lines.into_iter().map(|l| truncate(&l, size, weight, max_width)).collect();
        if let (true, Some(last)) = (cut, lines.last_mut()) {
            *last = truncate(&format!("{}…", trim_end_all(last, "…")), size, weight, max_width);
        }
        lines
    }

    #[test]
    fn wrap_summing_widths_makes_the_same_lines_as_measuring_each_line() {
        let texts = [
            "Source: Kaspersky Lab (S1, 10 Feb 2014) for the 31 countries and the totals; per-country counts from the same report's charts (S3–S9, S14). No count was published for 20 countries.",
            "  leading   and trailing   spaces  ",
            "Ubicación · Marruecos · Túnez — Alemania, Estados Unidos y Suiza",
            "supercalifragilisticexpialidocious-is-a-single-word-wider-than-any-line x y",
            "",
            "one",
        ];
        for text in texts {
            for max_width in [20.0, 60.0, 120.0, 240.0, 600.0] {
                for (size, weight) in [(11.0, Weight::Normal), (13.0, Weight::Bold), (19.0, Weight::Bold)] {
                    for max_lines in [1, 2, 3, usize::MAX] {
                        assert_eq!(
                            wrap_at_most(text, size, weight, max_width, max_lines),
                            wrap_by_measuring_whole_lines(text, size, weight, max_width, max_lines),
                            "{text:?} at {max_width} px, {size} px {weight:?}, {max_lines} lines"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn truncate_adds_an_ellipsis() {
        let t = truncate(&"x".repeat(10_000), 12.0, Weight::Normal, 100.0);
        assert!(t.ends_with('…'));
        assert!(width(&t, 12.0, Weight::Normal) <= 100.0);
    }
}
