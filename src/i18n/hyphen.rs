//! Where a long Spanish word may break at a line's end: soft hyphens
//! (U+00AD) at its syllables' boundaries, so that a narrow table column
//! (a phone's) is as wide as a syllable needs, not as its longest word
//! ("gubernamentales" held the Spanish bars' table 25 px wider than a
//! 320 px screen). A browser shows a soft hyphen only where it breaks the
//! line there; screen readers and find-in-page pass over it.
//!
//! Spanish syllables follow rules, not a dictionary (Ortografía de la
//! lengua española, 2010, 4.1.1): a consonant between vowels starts the
//! next syllable (*ca-sa*); of two, the second does (*can-to*), unless
//! they are a group that starts a syllable, a stop or *f* before *l* or
//! *r* (*ha-bla*, *o-tro*); of three or four, the last one or the group
//! does (*ins-ti-tu-to*, *hom-bre*, *cons-truc-ción*); *ch*, *ll* and *rr*
//! are one consonant, as are *qu* and *gu* before *e* or *i*; vowels
//! together are never split (a line's end does not split a hiatus either).
//! English has no such rules, so its words are left whole.

use crate::model::Lang;

/// Words shorter than this (in letters) are left whole.
const SHORTEST: usize = 9;
/// Letters kept together at a word's start and end.
const EDGE: usize = 3;

/// `text` with soft hyphens in its long Spanish words, when `lang` is
/// Spanish; else `text`. A word here is a run of lower-case Spanish
/// letters between spaces, with punctuation at either end: names
/// (capitalised), codes, numbers, addresses (`heraldo.es`) and words
/// joined by a hyphen are left whole.
pub fn soft_hyphens(text: &str, lang: Lang) -> String {
    if super::compiled(lang) != Lang::Es {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let mut end = i;
        while chars.get(end).copied().is_some_and(is_letter) {
            end += 1;
        }
        let Some(word) = chars.get(i..end).filter(|w| !w.is_empty()) else {
            out.push(c);
            i += 1;
            continue;
        };
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let (after, then) = (chars.get(end).copied(), chars.get(end + 1).copied());
        let whole = before.is_none_or(|c| matches!(c, ' ' | '(' | '[' | '«' | '"' | '“' | '‘' | '¿' | '¡'))
            && after.is_none_or(|c| matches!(c, ' ' | ')' | ']' | ',' | ';' | ':' | '.' | '!' | '?' | '»' | '"' | '”' | '’' | '…'))
            && !(after == Some('.') && then.is_some_and(|c| c != ' '));
        let breaks = if whole && word.len() >= SHORTEST { syllable_breaks(word) } else { Vec::new() };
        for (k, c) in word.iter().enumerate() {
            if k >= EDGE && k + EDGE <= word.len() && breaks.contains(&k) {
                out.push('\u{ad}');
            }
            out.push(*c);
        }
        i = end;
    }
    out
}

fn is_letter(c: char) -> bool {
    c.is_ascii_lowercase() || matches!(c, 'á' | 'é' | 'í' | 'ó' | 'ú' | 'ü' | 'ñ')
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'á' | 'é' | 'í' | 'ó' | 'ú' | 'ü')
}

/// Whether `a` then `b` start a syllable together (*bl*, *tr*…; *tl*
/// splits, as Spain says *at-las*).
fn is_group(a: char, b: char) -> bool {
    matches!((a, b), ('b' | 'c' | 'f' | 'g' | 'k' | 'p', 'l' | 'r') | ('d' | 't', 'r'))
}

/// The indexes in `word` (lower-case Spanish letters) where a syllable
/// starts, its first aside.
pub fn syllable_breaks(word: &[char]) -> Vec<usize> {
    // The word as sounds: each a consonant (its letters' start) or a vowel.
    let mut sounds: Vec<(usize, bool)> = Vec::new();
    let mut i = 0;
    while let Some(&c) = word.get(i) {
        let next = word.get(i + 1).copied();
        let after = word.get(i + 2).copied().is_some_and(|c| c == 'e' || c == 'i' || c == 'é' || c == 'í');
        let width = match (c, next) {
            ('c', Some('h')) | ('l', Some('l')) | ('r', Some('r')) => 2,
            ('q', Some('u')) | ('g', Some('u')) if after => 2,
            _ => 1,
        };
        // "y" is a vowel only where no vowel follows it ("rey", "muy").
        let vowel = is_vowel(c) || (c == 'y' && !next.is_some_and(is_vowel));
        sounds.push((i, vowel && width == 1));
        i += width;
    }
    let mut breaks = Vec::new();
    let mut k = 0;
    // From each vowel to the next, past the consonants between them.
    while k < sounds.len() {
        if !sounds.get(k).is_some_and(|s| s.1) {
            k += 1;
            continue;
        }
        let first = k + 1;
        let mut next = first;
        while sounds.get(next).is_some_and(|s| !s.1) {
            next += 1;
        }
        if next >= sounds.len() {
            break;
        }
        let n = next - first;
        if n > 0 {
            let letter = |j: usize| sounds.get(j).and_then(|s| word.get(s.0)).copied().unwrap_or(' ');
            let single = |j: usize| sounds.get(j + 1).map_or(word.len(), |s| s.0) - sounds.get(j).map_or(0, |s| s.0) == 1;
            // The last two consonants a group that starts the syllable?
            let group = n >= 2 && single(next - 2) && single(next - 1) && is_group(letter(next - 2), letter(next - 1));
            let at = match n {
                1 => first,
                2 | 3 if group => next - 2,
                2 | 3 => next - 1,
                _ if group => next - 2,
                _ => next - 1,
            };
            if let Some(s) = sounds.get(at) {
                breaks.push(s.0);
            }
        }
        k = next;
    }
    breaks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syllables(word: &str) -> String {
        let chars: Vec<char> = word.chars().collect();
        let breaks = syllable_breaks(&chars);
        chars.iter().enumerate().map(|(i, c)| if breaks.contains(&i) { format!("-{c}") } else { c.to_string() }).collect()
    }

    #[test]
    fn spanish_words_split_at_their_syllables() {
        for word in [
            "gu-ber-na-men-ta-les",
            "in-ves-ti-ga-ción",
            "or-de-na-do-res",
            "di-rec-cio-nes",
            "cons-truc-ción",
            "hom-bre",
            "pe-rro",
            "ca-lle",
            "co-che",
            "que-so",
            "gue-rra",
            "pin-güi-no",
            "ins-tru-men-to",
            "trans-por-te",
            "obs-tá-cu-lo",
            "abs-trac-to",
            "ex-cep-ción",
            "ma-yo-ría",
            "a-ta-ques",
            "es-pio-na-je",
            "se-cun-da-rio",
            "re-co-gi-da",
            "pu-bli-ca-das",
            "a-fri-ca-no",
            "at-las",
            "ciu-da-da-no",
            "in-for-má-ti-co",
            "rey",
        ] {
            assert_eq!(syllables(&word.replace('-', "")), *word);
        }
    }

    #[test]
    fn only_long_lower_case_spanish_words_get_soft_hyphens_in_spanish_only() {
        let text = "Solo se atacaron ordenadores gubernamentales (S6) · (heraldo.es), Marruecos, cyber-attaque; investigación.";
        let es = soft_hyphens(text, Lang::Es);
        assert_eq!(es, "Solo se atacaron orde\u{ad}na\u{ad}do\u{ad}res guber\u{ad}na\u{ad}men\u{ad}ta\u{ad}les (S6) · (heraldo.es), Marruecos, cyber-attaque; inves\u{ad}ti\u{ad}ga\u{ad}ción.");
        assert_eq!(es.replace('\u{ad}', ""), text, "nothing else changes");
        assert_eq!(soft_hyphens(text, Lang::En), text);
    }
}
