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
        match s.to_ascii_lowercase().split(['-', '_']).next().unwrap_or("") {
            "en" => Ok(Lang::En),
            "es" => Ok(Lang::Es),
            _ => Err(format!("lang: \"{}\" is not supported; use \"en\" or \"es\"", clip(s))),
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
