//! Words in every language the charts speak: [`Text`] holds a string in
//! each, [`Lang`] names one.

use super::{clip, Str};
use serde::Deserialize;

/// A string in every language the charts speak.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Text {
    /// English.
    pub en: Str,
    /// Spanish.
    pub es: Str,
}

impl Text {
    /// The string in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }
}

/// A language the charts speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Spanish.
    Es,
}

impl Lang {
    /// Parses a language tag: `en` or `es`, in any case, with or without a
    /// region (`es-MX`, `en_GB`).
    pub fn parse(s: &str) -> Result<Lang, String> {
        // The primary subtag (up to a '-' or '_'), in any case; compared as
        // bytes, with no lowered copy and no char searcher (smaller wasm).
        let primary = s.as_bytes().split(|&b| b == b'-' || b == b'_').next().unwrap_or_default();
        if primary.eq_ignore_ascii_case(b"en") {
            Ok(Lang::En)
        } else if primary.eq_ignore_ascii_case(b"es") {
            Ok(Lang::Es)
        } else {
            Err(format!("lang: \"{}\" is not supported; use \"en\" or \"es\"", clip(s)))
        }
    }

    /// The language's code as [`Lang::parse`] reads it: `en` or `es`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_is_its_primary_subtag_in_any_case() {
        for (s, lang) in
            [("en", Lang::En), ("EN", Lang::En), ("en-GB", Lang::En), ("En_us", Lang::En), ("es", Lang::Es), ("es-419", Lang::Es), ("ES_es", Lang::Es)]
        {
            assert_eq!(Lang::parse(s), Ok(lang), "{s}");
        }
        for s in ["", "e", "eng", "english", "-en", "fr", "es419", "ñ"] {
            assert_eq!(Lang::parse(s), Err(format!("lang: \"{s}\" is not supported; use \"en\" or \"es\"")), "{s}");
        }
    }
}
