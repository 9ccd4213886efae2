//! What both campaign readers share, so that they accept the same input and
//! say the same things about it: serde's (the data file, JSON in the fuzz
//! target and tests) and the browser's host-value reader
//! (`crate::campaign_reader`, which reads JS objects).
//!
//! - [`clip`]: the one cut of echoed input in every message;
//! - [`number`]: a number as JS prints it (`Infinity`, `NaN`, `1e+300`);
//! - [`whole_number`]: the rule and messages of every whole-number field;
//! - `objects_only!`: serde's derived structs read from a map only (a derived
//!   struct also takes a sequence, `["en text", "es text"]`, which JSON
//!   Schema, JS readers and the schema's users do not).

use std::fmt;
use std::marker::PhantomData;

/// The most characters of a value any message repeats.
pub const CLIP_CHARS: usize = 40;

/// At most [`CLIP_CHARS`] characters of `s`, with `…` when cut: for echoing
/// input in a message, whatever its length.
pub fn clip(s: &str) -> String {
    let mut chars = s.chars();
    let mut out: String = chars.by_ref().take(CLIP_CHARS).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// `n` as JS prints it: `NaN`, `Infinity`, `-Infinity`, `0` for -0, an
/// exponent past 1e21 (`1e+300`, never 301 digits) and below 1e-6.
pub fn number(n: f64) -> String {
    if n.is_nan() {
        "NaN".to_string()
    } else if n.is_infinite() {
        if n > 0.0 { "Infinity" } else { "-Infinity" }.to_string()
    } else if n == 0.0 {
        "0".to_string()
    } else if n.abs() >= 1e21 || n.abs() < 1e-6 {
        let e = format!("{n:e}");
        match e.split_once('e') {
            Some((m, x)) if !x.starts_with('-') => format!("{m}e+{x}"),
            _ => e,
        }
    } else {
        n.to_string()
    }
}

/// What a whole number is in messages: the field's kind, and the least it
/// may be ("a count" is at least 1: the validator says why 0 is refused).
#[derive(Clone, Copy)]
pub struct Whole {
    /// The field's kind: "a count".
    pub what: &'static str,
    /// The least it may be, as written in messages.
    pub least: &'static str,
}

/// A country's published count.
pub const COUNT: Whole = Whole { what: "a count", least: "1" };
/// A figure of a campaign's totals or profile.
pub const FIGURE: Whole = Whole { what: "a figure", least: "0" };

/// A whole number 0..=`u32::MAX` given as a JS number (or a JSON float),
/// named in messages as `w` says.
pub fn whole_number(n: f64, w: Whole) -> Result<u32, String> {
    if n.is_nan() || (n.is_finite() && n.fract() != 0.0) {
        Err(format!("{} is not a whole number >= {}", number(n), w.least))
    } else if n < 0.0 {
        Err(negative(&number(n), w))
    } else if n > f64::from(u32::MAX) {
        Err(too_large(&number(n), w.what))
    } else {
        // Whole and in 0..=u32::MAX, checked above.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok(n as u32)
    }
}

fn negative(shown: &str, w: Whole) -> String {
    format!("{shown} is negative; {} is >= {}", w.what, w.least)
}

fn too_large(shown: &str, what: &str) -> String {
    format!("{shown} is too large for {what} (at most {})", u32::MAX)
}

/// As [`whole_number`], for a JSON integer (exact: `2^53 + 1` stays itself).
pub(crate) fn whole_u64(v: u64, w: Whole) -> Result<u32, String> {
    u32::try_from(v).map_err(|_| too_large(&v.to_string(), w.what))
}

/// As [`whole_number`], for a JSON integer.
pub(crate) fn whole_i64(v: i64, w: Whole) -> Result<u32, String> {
    if v < 0 {
        return Err(negative(&v.to_string(), w));
    }
    whole_u64(v.unsigned_abs(), w)
}

/// serde's reader of the `value` fields (a figure): any whole number, as the
/// browser reads it (`1.0` is 1 in JS and in JSON.parse), with the same messages.
pub(crate) fn figure<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = u32;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a whole number >= 0")
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<u32, E> {
            whole_u64(v, FIGURE).map_err(E::custom)
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<u32, E> {
            whole_i64(v, FIGURE).map_err(E::custom)
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<u32, E> {
            whole_number(v, FIGURE).map_err(E::custom)
        }
    }
    d.deserialize_any(V)
}

/// A struct whose serde fields (derived with `#[serde(remote = "Self")]`,
/// which makes them an inherent `deserialize`) are read from a map only.
pub(crate) trait Fields<'de>: Sized {
    /// The derived reader of the fields.
    fn fields<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

/// Visits a map, and nothing else, into `T`'s fields.
pub(crate) struct MapOnly<T>(pub(crate) PhantomData<T>);

impl<'de, T: Fields<'de>> serde::de::Visitor<'de> for MapOnly<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::fields(serde::de::value::MapAccessDeserializer::new(map))
    }
}

/// `Deserialize` for each struct, through [`MapOnly`].
macro_rules! objects_only {
    ($($t:ident),*) => {$(
        impl<'de> fields::Fields<'de> for $t {
            fn fields<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $t::deserialize(d)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_map(fields::MapOnly::<$t>(std::marker::PhantomData))
            }
        }
    )*};
}
pub(crate) use objects_only;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_js_prints_them() {
        let cases = [
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (-0.0, "0"),
            (2.5, "2.5"),
            (-3.0, "-3"),
            (9_007_199_254_740_992.0, "9007199254740992"),
            (1e21, "1e+21"),
            (1e300, "1e+300"),
            (1.5e-7, "1.5e-7"),
        ];
        for (n, shown) in cases {
            assert_eq!(number(n), shown, "{n:?}");
        }
    }

    #[test]
    fn whole_numbers_say_what_is_wrong() {
        assert_eq!(whole_number(384.0, COUNT), Ok(384));
        assert_eq!(whole_number(f64::NAN, COUNT).unwrap_err(), "NaN is not a whole number >= 1");
        assert_eq!(whole_number(2.5, COUNT).unwrap_err(), "2.5 is not a whole number >= 1");
        // Not ">= 0", when 0 is refused next (the validator: give "not published").
        assert_eq!(whole_number(-3.0, COUNT).unwrap_err(), "-3 is negative; a count is >= 1");
        assert_eq!(whole_i64(-3, COUNT).unwrap_err(), "-3 is negative; a count is >= 1");
        assert_eq!(whole_number(-0.5, FIGURE).unwrap_err(), "-0.5 is not a whole number >= 0");
        assert_eq!(whole_number(f64::INFINITY, COUNT).unwrap_err(), "Infinity is too large for a count (at most 4294967295)");
        // 2^53 + 1 is 2^53 as a JS number; as a JSON integer it stays exact.
        assert_eq!(whole_number(9_007_199_254_740_993.0, COUNT).unwrap_err(), "9007199254740992 is too large for a count (at most 4294967295)");
        assert_eq!(whole_u64(9_007_199_254_740_993, COUNT).unwrap_err(), "9007199254740993 is too large for a count (at most 4294967295)");
        assert_eq!(whole_i64(-1, FIGURE).unwrap_err(), "-1 is negative; a figure is >= 0");
    }

    #[test]
    fn clip_cuts_at_forty_characters() {
        assert_eq!(clip("short"), "short");
        assert_eq!(clip(&"é".repeat(40)), "é".repeat(40));
        assert_eq!(clip(&"é".repeat(1_000_000)), format!("{}…", "é".repeat(40)));
    }
}
