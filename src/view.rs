//! Which chart: the country bars, the timeline, the profile (who and what
//! was targeted) or the world map. Below `chart` and
//! `layout`, so that the words (`describe`) and the embed code (`embed`)
//! can name a view without depending on how charts are laid out or drawn.

use crate::model::clip;

/// Which chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The country bars (the default view, but in the map and the profile
    /// builds, which draw their own view only).
    #[cfg_attr(careto_article_views, default)]
    Bars,
    /// The timeline.
    Timeline,
    /// Who and what was targeted: sectors, platforms, stolen data (native
    /// builds, the details module, and wasm builds with the `profile` feature).
    #[cfg(careto_profile)]
    #[cfg_attr(careto_profile_only, default)]
    Profile,
    /// The world map (native builds, and wasm builds with the `map` feature).
    #[cfg(careto_map)]
    #[cfg_attr(careto_map_only, default)]
    Map,
}

/// The views this build draws, as messages list them: every one natively
/// and in the full build; the article's kernel, the map build and the
/// profile build each leave out what they do not draw.
#[cfg(all(careto_map, careto_profile))]
pub const NAMES: &str = "\"bars\", \"timeline\", \"profile\" or \"map\"";
/// The views of the map build, which draws the map only.
#[cfg(all(careto_map, not(careto_profile)))]
pub const NAMES: &str = "\"map\"";
/// The views of the details module.
#[cfg(all(not(careto_map), careto_profile, careto_article_views))]
pub const NAMES: &str = "\"bars\", \"timeline\" or \"profile\"";
/// The views of the profile build, which draws the profile only.
#[cfg(careto_profile_only)]
pub const NAMES: &str = "\"profile\"";
/// The views of the article's kernel.
#[cfg(all(not(careto_map), not(careto_profile)))]
pub const NAMES: &str = "\"bars\" or \"timeline\"";

/// The wasm build that lacks a view, as its refusal names it: its file in
/// its language (the Spanish kernels' files end in `_es`).
#[cfg(not(all(careto_map, careto_profile)))]
const THIS_BUILD: &str = match (cfg!(careto_map), cfg!(careto_profile), cfg!(careto_lang = "es")) {
    (true, _, false) => "careto_viz_map.js, the map build",
    (true, _, true) => "careto_viz_map_es.js, the map build",
    (false, true, false) => "careto_viz_profile.js, the profile build",
    (false, true, true) => "careto_viz_profile_es.js, the profile build",
    (false, false, false) => "careto_viz.js, the article build",
    (false, false, true) => "careto_viz_es.js, the article build",
};

impl View {
    /// Parses `bars`, `timeline`, `profile` or `map`; a build that does not
    /// draw a view (the article build the last two, the map and the profile
    /// builds all but their own) says so, naming the builds that draw it.
    pub fn parse(s: &str) -> Result<View, String> {
        match s {
            #[cfg(careto_article_views)]
            "bars" => Ok(View::Bars),
            #[cfg(careto_article_views)]
            "timeline" => Ok(View::Timeline),
            // The map and the profile builds draw their own view only.
            #[cfg(not(careto_article_views))]
            "bars" | "timeline" => Err(format!(
                "view: \"{s}\": this build of careto-viz ({THIS_BUILD}) draws the {} only; load the article build, \
careto_viz.js next to it, or the full build, careto_viz_full.js",
                View::default().as_str()
            )),
            #[cfg(careto_profile)]
            "profile" => Ok(View::Profile),
            // "profile" is a view, just not in this build.
            #[cfg(not(careto_profile))]
            "profile" => Err(format!(
                "view: \"profile\": this build of careto-viz ({THIS_BUILD}) has no profile; load the profile build, \
careto_viz_profile.js next to it, or the full build, careto_viz_full.js"
            )),
            #[cfg(careto_map)]
            "map" => Ok(View::Map),
            // "map" is a view, just not in this build.
            #[cfg(not(careto_map))]
            "map" => Err(format!(
                "view: \"map\": this build of careto-viz ({THIS_BUILD}) has no map; load the map build, \
careto_viz_map.js next to it, or the full build, careto_viz_full.js"
            )),
            other => Err(format!("view: \"{}\" is not a view; use {NAMES}", clip(other))),
        }
    }

    /// The view a chart of this build is drawn in: `self`, but in the map
    /// and the profile builds, which draw their own view only
    /// ([`View::parse`] refuses the others there), that view: a constant
    /// there, so a `match` on it keeps only that view's code.
    #[inline]
    pub fn drawn(self) -> View {
        if cfg!(careto_article_views) {
            self
        } else {
            View::default()
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
