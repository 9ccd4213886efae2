//! What a picture draws around its data, in English and Spanish: titles,
//! subtitles, legends, the tags of claims that are not established fact,
//! and the lines under a chart cut at the tallest canvas a browser draws.

use crate::model::{Lang, Status};

/// What the pictures of the bars and the timeline draw besides their data.
#[derive(Debug, Clone, Copy)]
pub struct Strings {
    /// Bars title, `{name}` and `{n}` filled in.
    pub bars_title: &'static str,
    /// Bars subtitle, `{measure}` and `{as_of}` filled in.
    pub bars_subtitle: &'static str,
    /// Bars subtitle of a hedged measure ([`crate::model::Campaign::measure_hedge`]),
    /// `{hedge}`, `{measure}` and `{as_of}` filled in.
    pub bars_subtitle_hedged: &'static str,
    /// Legend heading before the colour classes when the measure is hedged
    /// (the subtitle names it, with its hedge).
    pub legend_heading_hedged: &'static str,
    /// Legend heading before the colour classes of a hedged measure in a
    /// plain chart (no subtitle), `{hedge}` and `{measure}` filled in.
    pub legend_heading_plain: &'static str,
    /// Heading of the group of countries without a published figure.
    pub not_published_heading: &'static str,
    /// Under bars cut at the tallest canvas a browser draws, `{n}` filled in.
    pub more_countries: &'static str,
    /// Under a timeline cut at the tallest canvas a browser draws, `{n}` filled in.
    pub more_events: &'static str,
    /// Legend heading before the colour classes.
    pub legend_heading: &'static str,
    /// Timeline title, `{name}` filled in.
    pub timeline_title: &'static str,
    /// Timeline subtitle.
    pub timeline_subtitle: &'static str,
    /// Legend: day known.
    pub legend_day: &'static str,
    /// Legend: month or year known.
    pub legend_period: &'static str,
    /// Legend: approximate.
    pub legend_approximate: &'static str,
    /// Legend: alleged or secondary.
    pub legend_alleged: &'static str,
    /// Label tag for alleged claims.
    pub tag_alleged: &'static str,
    /// Label tag for secondary-only claims.
    pub tag_secondary: &'static str,
}

impl Strings {
    /// The tag for a claim's status, if it needs one.
    pub fn status_tag(&self, status: Status) -> Option<&'static str> {
        match status {
            Status::Reported => None,
            Status::Secondary => Some(self.tag_secondary),
            Status::Alleged => Some(self.tag_alleged),
        }
    }
}

/// The strings of `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match super::compiled(lang) {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

const EN: Strings = Strings {
    bars_title: "{name}: {n} {country|countries} affected",
    bars_subtitle: "{measure} per country, {as_of}",
    bars_subtitle_hedged: "Counts per country, {hedge} of {measure}, {as_of}",
    legend_heading_hedged: "Count:",
    legend_heading_plain: "Counts, {hedge} of {measure}:",
    not_published_heading: "Affected, count not published ({n})",
    more_countries: "…and {n} more {country|countries}, too many to draw: all are in the data table",
    more_events: "…and {n} more {event|events}, too many to draw: all are in the data table",
    legend_heading: "{measure}:",
    timeline_title: "{name}: timeline",
    timeline_subtitle: "Dates as precise as the sources give them",
    legend_day: "day known",
    legend_period: "month or year known",
    legend_approximate: "approximate",
    legend_alleged: "alleged or secondary report",
    tag_alleged: "alleged",
    tag_secondary: "secondary report",
};

const ES: Strings = Strings {
    bars_title: "{name}: {n} {país afectado|países afectados}",
    bars_subtitle: "{measure} por país, {as_of}",
    bars_subtitle_hedged: "Cifras por país, {hedge} de {measure}, {as_of}",
    legend_heading_hedged: "Cifra:",
    legend_heading_plain: "Cifras, {hedge} de {measure}:",
    not_published_heading: "Afectados, sin cifra publicada ({n})",
    more_countries: "…y {n} {país|países} más, demasiados para dibujarlos: todos están en la tabla de datos",
    more_events: "…y {n} {suceso|sucesos} más, demasiados para dibujarlos: todos están en la tabla de datos",
    legend_heading: "{measure}:",
    timeline_title: "{name}: cronología",
    timeline_subtitle: "Fechas tan precisas como las dan las fuentes",
    legend_day: "día conocido",
    legend_period: "mes o año conocido",
    legend_approximate: "fecha aproximada",
    legend_alleged: "acusación o fuente secundaria",
    tag_alleged: "acusación",
    tag_secondary: "fuente secundaria",
};
