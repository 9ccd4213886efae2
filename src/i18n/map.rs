//! The map view's words (builds with the map), in English and Spanish:
//! its title, legend, notes and source line, and its summary, which names
//! the UN M49 regions and sub-regions.

use crate::model::Lang;

/// What the map's picture and summary say besides the data.
#[derive(Debug, Clone, Copy)]
pub struct MapStrings {
    /// Map title, `{name}` and `{n}` filled in.
    pub map_title: &'static str,
    /// Map legend: affected, no count published (the hatching).
    pub legend_no_count: &'static str,
    /// Map legend: the neutral tone. Never "not affected": nothing was reported.
    pub legend_no_victims: &'static str,
    /// Map note on the campaign's places that have no place on the map, `{names}` filled in.
    pub map_not_on_map: &'static str,
    /// The map's part of the source line: geometry, projection; `{points}`
    /// is [`MapStrings::map_dots`] when the map draws a dot, then
    /// [`MapStrings::map_points`] when it has places to fill it in, or empty.
    pub map_source: &'static str,
    /// What the markers are: said only on a map that draws one.
    pub map_dots: &'static str,
    /// How Natural Earth draws Western Sahara: said on a map of a campaign
    /// that names Morocco or Western Sahara only ([`MapStrings::source`]).
    pub map_western_sahara: &'static str,
    /// Places 1:110m leaves out, shown as dots, `{names}` filled in.
    pub map_points: &'static str,
    /// Over the inset (phone widths): what it shows enlarged.
    pub inset_caption: &'static str,
    /// Map summary: where the countries are, `{name}`, `{n}` and `{where}` filled in.
    pub map_summary_where: &'static str,
    /// One region's share, `{n}` and `{region}` filled in.
    pub map_summary_in: &'static str,
    /// Map summary: the published counts, `{k}` and `{list}` filled in.
    pub map_summary_counts: &'static str,
    /// Map summary: the rest without a count, `{u}` filled in.
    pub map_summary_no_count: &'static str,
    /// Map summary: every other country.
    pub map_summary_rest: &'static str,
    /// The word joining the last two items of a list.
    pub and: &'static str,
    /// UN M49 regions, in the order of `model::places::Region`, as they read after "in".
    pub regions: [&'static str; 5],
    /// UN M49 sub-regions, in the order of `model::places::Subregion`.
    pub subregions: [&'static str; 17],
}

impl MapStrings {
    /// The map's part of the source line for `campaign`, `points` (see
    /// [`MapStrings::map_source`]) filled in; Western Sahara's note only
    /// when the campaign names Morocco or Western Sahara.
    pub fn source(&self, campaign: &crate::model::Campaign, points: &str) -> String {
        let line = super::fill(self.map_source, &[("points", points)]);
        if campaign.countries.iter().any(|k| k.code == "MAR" || k.code == "ESH") {
            format!("{line} {}", self.map_western_sahara)
        } else {
            line
        }
    }
}

/// The map strings of `lang`.
pub fn map_strings(lang: Lang) -> &'static MapStrings {
    match super::compiled(lang) {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

const EN: MapStrings = MapStrings {
    map_title: "{name}: where the {n} affected {country is|countries are}",
    legend_no_count: "affected, count not published",
    legend_no_victims: "no victims reported",
    map_not_on_map: "Not on the map (codes of their own): {names}.",
    map_source: "Map: Natural Earth 1:110m (public domain), Equal Earth projection{points}.",
    map_dots: "; dots mark countries too small to see at this width",
    map_western_sahara: "Natural Earth draws Western Sahara apart from Morocco along the Moroccan-built berm: the part west of it is drawn within Morocco.",
    map_points: "; placed from Natural Earth 1:10m (absent from 1:110m): {names}",
    inset_caption: "Western Europe and the Mediterranean, enlarged",
    map_summary_where: "{name}: {n} {country|countries} affected, {where}.",
    map_summary_in: "{n} in {region}",
    map_summary_counts: "Counts were published for {k} of them: {list}.",
    map_summary_no_count: "No count was published for {u} of them.",
    map_summary_rest: "Every other country on the map: no victims reported.",
    and: "and",
    regions: ["Africa", "the Americas", "Asia", "Europe", "Oceania"],
    subregions: [
        "Northern Africa",
        "Sub-Saharan Africa",
        "Latin America and the Caribbean",
        "Northern America",
        "Central Asia",
        "Eastern Asia",
        "South-eastern Asia",
        "Southern Asia",
        "Western Asia",
        "Eastern Europe",
        "Northern Europe",
        "Southern Europe",
        "Western Europe",
        "Australia and New Zealand",
        "Melanesia",
        "Micronesia",
        "Polynesia",
    ],
};

const ES: MapStrings = MapStrings {
    map_title: "{name}: dónde {está el|están los} {n} {país afectado|países afectados}",
    legend_no_count: "afectado, sin cifra publicada",
    legend_no_victims: "sin víctimas notificadas",
    map_not_on_map: "Sin lugar en el mapa (códigos propios): {names}.",
    map_source: "Mapa: Natural Earth 1:110m (dominio público), proyección Equal Earth{points}.",
    map_dots: "; los puntos señalan países demasiado pequeños para verse a este ancho",
    map_western_sahara: "Natural Earth dibuja el Sáhara Occidental aparte de Marruecos a lo largo del muro construido por Marruecos: la parte al oeste del muro queda dentro de Marruecos.",
    map_points: "; con ubicación de Natural Earth 1:10m (sin forma en 1:110m): {names}",
    inset_caption: "Europa occidental y el Mediterráneo, ampliados",
    map_summary_where: "{name}: {n} {país afectado|países afectados}, {where}.",
    map_summary_in: "{n} en {region}",
    map_summary_counts: "Se publicaron cifras de {k} de ellos: {list}.",
    map_summary_no_count: "No se publicó cifra de {u} de ellos.",
    map_summary_rest: "Resto de los países del mapa: sin víctimas notificadas.",
    and: "y",
    regions: ["África", "las Américas", "Asia", "Europa", "Oceanía"],
    subregions: [
        "África septentrional",
        "África subsahariana",
        "América Latina y el Caribe",
        "América septentrional",
        "Asia central",
        "Asia oriental",
        "Asia sudoriental",
        "Asia meridional",
        "Asia occidental",
        "Europa oriental",
        "Europa septentrional",
        "Europa meridional",
        "Europa occidental",
        "Australia y Nueva Zelandia",
        "Melanesia",
        "Micronesia",
        "Polinesia",
    ],
};
