//! Which chart: the country bars or the timeline. Below `chart` and
//! `layout`, so that the words (`describe`) and the embed code (`embed`)
//! can name a view without depending on how charts are laid out or drawn.

use crate::model::clip;

/// Which chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The country bars.
    #[default]
    Bars,
    /// The timeline.
    Timeline,
}

impl View {
    /// Parses `bars` or `timeline`.
    pub fn parse(s: &str) -> Result<View, String> {
        match s {
            "bars" => Ok(View::Bars),
            "timeline" => Ok(View::Timeline),
            other => Err(format!("view: \"{}\" is not a view; use \"bars\" or \"timeline\"", clip(other))),
        }
    }

    /// The view's name as [`View::parse`] reads it: `bars` or `timeline`.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Bars => "bars",
            View::Timeline => "timeline",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::theme::ThemeName;

    #[test]
    fn names_round_trip_and_bad_ones_are_echoed_clipped() {
        for v in [View::Bars, View::Timeline] {
            assert_eq!(View::parse(v.as_str()), Ok(v));
        }
        for l in [Lang::En, Lang::Es] {
            assert_eq!(Lang::parse(l.as_str()), Ok(l));
        }
        for t in [ThemeName::Light, ThemeName::Dark] {
            assert_eq!(ThemeName::parse(t.as_str()), Ok(t));
        }
        assert_eq!(Lang::parse("es-MX"), Ok(Lang::Es));
        let long = "x".repeat(41);
        assert_eq!(View::parse(&long), Err(format!("view: \"{}…\" is not a view; use \"bars\" or \"timeline\"", "x".repeat(40))));
        assert_eq!(crate::model::clip(&"y".repeat(40)), "y".repeat(40));
    }
}
