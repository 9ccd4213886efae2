//! Which chart: the country bars, the timeline, the profile (who and what
//! was targeted) or the world map. Below `chart` and
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
    /// Who and what was targeted: sectors, platforms, stolen data (native
    /// builds, the details module, and wasm builds with the `profile` feature).
    #[cfg(careto_profile)]
    Profile,
    /// The world map (native builds, and wasm builds with the `map` feature).
    #[cfg(careto_map)]
    Map,
}

impl View {
    /// Parses `bars`, `timeline`, `profile` or `map`; a build without the map compiled
    /// in says so for `map`.
    pub fn parse(s: &str) -> Result<View, String> {
        match s {
            "bars" => Ok(View::Bars),
            "timeline" => Ok(View::Timeline),
            #[cfg(careto_profile)]
            "profile" => Ok(View::Profile),
            // The article's kernel: "profile" is a view, just not in this build.
            #[cfg(not(careto_profile))]
            "profile" => Err("view: \"profile\": this build of careto-viz (careto_viz.js, the article build) has no profile; load the map build, \
careto_viz_map.js next to it, or the full build, careto_viz_full.js"
                .to_string()),
            #[cfg(careto_map)]
            "map" => Ok(View::Map),
            #[cfg(careto_map)]
            other => Err(format!("view: \"{}\" is not a view; use \"bars\", \"timeline\", \"profile\" or \"map\"", clip(other))),
            // A wasm build without the map: "map" is a view, just not in this build.
            #[cfg(not(careto_map))]
            "map" => Err("view: \"map\": this build of careto-viz (careto_viz.js, the article build) has no map; load the map build, \
careto_viz_map.js next to it, or the full build, careto_viz_full.js"
                .to_string()),
            #[cfg(all(not(careto_map), careto_profile))]
            other => Err(format!("view: \"{}\" is not a view; use \"bars\", \"timeline\" or \"profile\"", clip(other))),
            #[cfg(all(not(careto_map), not(careto_profile)))]
            other => Err(format!("view: \"{}\" is not a view; use \"bars\" or \"timeline\"", clip(other))),
        }
    }

    /// The view's name as [`View::parse`] reads it: `bars`, `timeline`, `profile`, `map`.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Bars => "bars",
            View::Timeline => "timeline",
            #[cfg(careto_profile)]
            View::Profile => "profile",
            #[cfg(careto_map)]
            View::Map => "map",
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
        #[cfg(careto_profile)]
        assert_eq!(View::parse(View::Profile.as_str()), Ok(View::Profile));
        for l in [Lang::En, Lang::Es] {
            assert_eq!(Lang::parse(l.as_str()), Ok(l));
        }
        for t in [ThemeName::Light, ThemeName::Dark] {
            assert_eq!(ThemeName::parse(t.as_str()), Ok(t));
        }
        assert_eq!(Lang::parse("es-MX"), Ok(Lang::Es));
        let long = "x".repeat(41);
        assert_eq!(View::parse(&long), Err(format!("view: \"{}…\" is not a view; use \"bars\", \"timeline\", \"profile\" or \"map\"", "x".repeat(40))));
        assert_eq!(crate::model::clip(&"y".repeat(40)), "y".repeat(40));
    }
}
