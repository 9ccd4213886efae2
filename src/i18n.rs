//! Every string the charts draw or speak that is not campaign data, in
//! English and Spanish (the [`Strings`] of each language: titles, legends,
//! summaries, tooltips, buttons, table and CSV headers), and the number and
//! date formats of each language. Error messages, for developers, are English
//! only and live with the code that finds the error.

mod profile;

pub use profile::{profile_detail_strings, profile_strings, ProfileDetailStrings, ProfileStrings};

use crate::model::{EventDate, Lang, Status};

const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/// Spanish months written out: an abbreviation in running text needs its
/// full stop ("ene."), and a written-out month reads better ("enero de 2014").
const MONTHS_ES: [&str; 12] = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

/// A whole number with the language's thousands separator: `1,000` / `1.000`.
pub fn format_count(n: u32, lang: Lang) -> String {
    let sep = match lang {
        Lang::En => ',',
        Lang::Es => '.',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The month's name, 1-based: abbreviated in English (`Jan`), written out in Spanish (`enero`).
pub fn month_name(month: u8, lang: Lang) -> &'static str {
    let names = match lang {
        Lang::En => &MONTHS_EN,
        Lang::Es => &MONTHS_ES,
    };
    names.get(usize::from(month.saturating_sub(1))).copied().unwrap_or("?")
}

/// A date at its own precision: `2007`, `Jan 2014`, `10 Feb 2014`
/// (`enero de 2014`, `10 de febrero de 2014`), with `c.` / `hacia` when approximate.
pub fn format_date(date: &EventDate, approximate: bool, lang: Lang) -> String {
    let core = match (date.month, date.day, lang) {
        (Some(m), Some(d), Lang::En) => format!("{d} {} {}", month_name(m, lang), date.year),
        (Some(m), Some(d), Lang::Es) => format!("{d} de {} de {}", month_name(m, lang), date.year),
        (Some(m), None, Lang::En) => format!("{} {}", month_name(m, lang), date.year),
        (Some(m), None, Lang::Es) => format!("{} de {}", month_name(m, lang), date.year),
        _ => date.year.to_string(),
    };
    if approximate {
        match lang {
            Lang::En => format!("c. {core}"),
            Lang::Es => format!("hacia {core}"),
        }
    } else {
        core
    }
}

/// The UI strings of one language.
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
    /// The button that copies the chart's embed code.
    pub copy_embed: &'static str,
    /// Announced when the embed code is on the clipboard.
    pub copied: &'static str,
    /// Announced when the clipboard is out of reach and the code is shown selected instead.
    pub copy_by_hand: &'static str,
    /// The accessible name of the field that shows the embed code.
    pub embed_code: &'static str,
    /// Said (and shown as the cursor) while the interactive part of a chart is on its way.
    pub loading: &'static str,
    /// Shown and said when the interactive part of a chart could not be loaded.
    pub load_failed: &'static str,
    /// Bars summary: the country with the largest figure, `{country}`, `{measure}` and `{n}` filled in.
    pub summary_leader: &'static str,
    /// Bars summary of a hedged measure: the country with the largest
    /// figure, `{hedge}`, `{measure}`, `{country}` and `{n}` filled in.
    pub summary_leader_hedged: &'static str,
    /// Bars summary: why the counts are of IP addresses, computed from the
    /// data: `{k}` counts, their `{sum}`, the unique victims' `{victims}`,
    /// `{victims_q}`, `{victims_label}` and the IP addresses' `{ips}`,
    /// `{ips_q}`, `{ips_label}` filled in.
    pub summary_argument: &'static str,
    /// Bars summary: between the leader and the list of the others.
    pub summary_followed_by: &'static str,
    /// Bars summary: how many countries have no published figure, `{n}` filled in.
    pub summary_unpublished: &'static str,
    /// Timeline summary: the active period, `{label}`, `{start}` and `{end}` filled in.
    pub summary_period: &'static str,
    /// A secondary-only claim's status, in running text.
    pub status_secondary: &'static str,
    /// An alleged claim's status, in running text.
    pub status_alleged: &'static str,
    /// The button that opens the data table.
    pub show_data: &'static str,
    /// The button that closes the data table.
    pub hide_data: &'static str,
    /// The button that downloads the picture.
    pub download_png: &'static str,
    /// The button that downloads the data.
    pub download_csv: &'static str,
    #[cfg(careto_map)]
    /// Map title, `{name}` and `{n}` filled in.
    pub map_title: &'static str,
    #[cfg(careto_map)]
    /// Map legend: affected, no count published (the hatching).
    pub legend_no_count: &'static str,
    #[cfg(careto_map)]
    /// Map legend: the neutral tone. Never "not affected": nothing was reported.
    pub legend_no_victims: &'static str,
    #[cfg(careto_map)]
    /// Map note on the campaign's places that have no place on the map, `{names}` filled in.
    pub map_not_on_map: &'static str,
    #[cfg(careto_map)]
    /// The map's part of the source line: geometry, projection, markers,
    /// Western Sahara; `{points}` is [`Strings::map_points`] or empty.
    pub map_source: &'static str,
    #[cfg(careto_map)]
    /// Places 1:110m leaves out, shown as dots, `{names}` filled in.
    pub map_points: &'static str,
    #[cfg(careto_map)]
    /// Map summary: where the countries are, `{name}`, `{n}` and `{where}` filled in.
    pub map_summary_where: &'static str,
    #[cfg(careto_map)]
    /// One region's share, `{n}` and `{region}` filled in.
    pub map_summary_in: &'static str,
    #[cfg(careto_map)]
    /// Map summary: the published counts, `{k}` and `{list}` filled in.
    pub map_summary_counts: &'static str,
    #[cfg(careto_map)]
    /// Map summary: the rest without a count, `{u}` filled in.
    pub map_summary_no_count: &'static str,
    #[cfg(careto_map)]
    /// Map summary: every other country.
    pub map_summary_rest: &'static str,
    #[cfg(careto_map)]
    /// The word joining the last two items of a list.
    pub and: &'static str,
    #[cfg(careto_map)]
    /// UN M49 regions, in the order of `model::places::Region`, as they read after "in".
    pub regions: [&'static str; 5],
    #[cfg(careto_map)]
    /// UN M49 sub-regions, in the order of `model::places::Subregion`.
    pub subregions: [&'static str; 17],
    #[cfg(careto_map)]
    /// Shown and said while a map waits for its geometry.
    pub map_loading: &'static str,
    #[cfg(careto_map)]
    /// Shown and said when the map's geometry could not be loaded.
    pub map_failed: &'static str,
    #[cfg(careto_map)]
    /// The button that tries to load the map's geometry again.
    pub retry: &'static str,
}

/// The words of the controls around a chart, in the order the JS shell
/// reads them (`LABEL` in src/web/shell/core.js): show data, hide data,
/// download PNG, download CSV, copy embed code, copied, copy by hand,
/// loading, load failed, and the name of the embed code's field.
pub fn controls(lang: Lang) -> [&'static str; 10] {
    let s = strings(lang);
    [s.show_data, s.hide_data, s.download_png, s.download_csv, s.copy_embed, s.copied, s.copy_by_hand, s.loading, s.load_failed, s.embed_code]
}

/// The map's words around its canvas, after [`controls`]' in the same list
/// (builds with the map): loading the map, the map failed to load, try again.
#[cfg(careto_map)]
pub fn map_controls(lang: Lang) -> [&'static str; 3] {
    let s = strings(lang);
    [s.map_loading, s.map_failed, s.retry]
}

/// The strings of `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

const EN: Strings = Strings {
    bars_title: "{name}: {n} countries affected",
    bars_subtitle: "{measure} per country, {as_of}",
    bars_subtitle_hedged: "Counts per country, {hedge} of {measure}, {as_of}",
    legend_heading_hedged: "Count:",
    legend_heading_plain: "Counts, {hedge} of {measure}:",
    not_published_heading: "Affected, count not published ({n})",
    more_countries: "…and {n} more countries, too many to draw: all are in the data table",
    more_events: "…and {n} more events, too many to draw: all are in the data table",
    legend_heading: "{measure}:",
    timeline_title: "{name}: timeline",
    timeline_subtitle: "Dates as precise as the sources give them",
    legend_day: "day known",
    legend_period: "month or year known",
    legend_approximate: "approximate",
    legend_alleged: "alleged or secondary report",
    tag_alleged: "alleged",
    tag_secondary: "secondary report",
    copy_embed: "Copy embed code",
    copied: "Copied",
    copy_by_hand: "Embed code selected: press Ctrl+C (⌘C) to copy it",
    embed_code: "Embed code",
    loading: "Loading…",
    load_failed: "The chart's interactive features could not be loaded. Try again.",
    summary_leader: "{country} had the most {measure}, {n}",
    summary_leader_hedged: "Counts per country, {hedge} of {measure}: {country} had the most, {n}",
    summary_argument: "The {k} published counts add up to {sum}: more than twice the {victims} {victims_label} (“{victims_q} {victims}”) and below the “{ips_q} {ips}” {ips_label}. So they almost certainly count IP addresses, not victims.",
    summary_followed_by: ", followed by ",
    summary_unpublished: "{n} more countries were affected but no count was published.",
    summary_period: "{label}: from {start} to {end}.",
    status_secondary: "known only from secondary reports",
    status_alleged: "alleged",
    show_data: "Show data",
    hide_data: "Hide data",
    download_png: "Download PNG",
    download_csv: "Download CSV",
    #[cfg(careto_map)]
    map_title: "{name}: where the {n} affected countries are",
    #[cfg(careto_map)]
    legend_no_count: "affected, count not published",
    #[cfg(careto_map)]
    legend_no_victims: "no victims reported",
    #[cfg(careto_map)]
    map_not_on_map: "Not on the map (codes of their own): {names}.",
    #[cfg(careto_map)]
    map_source: "Map: Natural Earth 1:110m (public domain), Equal Earth projection; dots mark countries too small to see at this width{points}. \
Natural Earth draws Western Sahara apart from Morocco along the Moroccan-built berm: the part west of it is drawn within Morocco.",
    #[cfg(careto_map)]
    map_points: "; placed from Natural Earth 1:10m (absent from 1:110m): {names}",
    #[cfg(careto_map)]
    map_summary_where: "{name}: {n} countries affected, {where}.",
    #[cfg(careto_map)]
    map_summary_in: "{n} in {region}",
    #[cfg(careto_map)]
    map_summary_counts: "Counts were published for {k} of them: {list}.",
    #[cfg(careto_map)]
    map_summary_no_count: "No count was published for {u} of them.",
    #[cfg(careto_map)]
    map_summary_rest: "Every other country on the map: no victims reported.",
    #[cfg(careto_map)]
    and: "and",
    #[cfg(careto_map)]
    regions: ["Africa", "the Americas", "Asia", "Europe", "Oceania"],
    #[cfg(careto_map)]
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
    #[cfg(careto_map)]
    map_loading: "Loading the map…",
    #[cfg(careto_map)]
    map_failed: "The map could not be loaded.",
    #[cfg(careto_map)]
    retry: "Try again",
};

const ES: Strings = Strings {
    bars_title: "{name}: {n} países afectados",
    bars_subtitle: "{measure} por país, {as_of}",
    bars_subtitle_hedged: "Cifras por país, {hedge} de {measure}, {as_of}",
    legend_heading_hedged: "Cifra:",
    legend_heading_plain: "Cifras, {hedge} de {measure}:",
    not_published_heading: "Afectados, sin cifra publicada ({n})",
    more_countries: "…y {n} países más, demasiados para dibujarlos: todos están en la tabla de datos",
    more_events: "…y {n} sucesos más, demasiados para dibujarlos: todos están en la tabla de datos",
    legend_heading: "{measure}:",
    timeline_title: "{name}: cronología",
    timeline_subtitle: "Fechas tan precisas como las dan las fuentes",
    legend_day: "día conocido",
    legend_period: "mes o año conocido",
    legend_approximate: "fecha aproximada",
    legend_alleged: "acusación o fuente secundaria",
    tag_alleged: "acusación",
    tag_secondary: "fuente secundaria",
    copy_embed: "Copiar código para insertar",
    copied: "Copiado",
    copy_by_hand: "Código seleccionado: pulse Ctrl+C (⌘C) para copiarlo",
    embed_code: "Código para insertar",
    loading: "Cargando…",
    load_failed: "No se pudieron cargar las funciones interactivas del gráfico. Vuelva a intentarlo.",
    summary_leader: "{country} encabeza la lista de {measure} con {n}",
    summary_leader_hedged: "Cifras por país, {hedge} de {measure}: {country} encabeza la lista con {n}",
    summary_argument: "Las {k} cifras publicadas suman {sum}: más del doble de las {victims} {victims_label} («{victims_q} {victims}») y menos que las «{ips_q} {ips}» {ips_label}. Así que casi con seguridad cuentan direcciones IP, no víctimas.",
    summary_followed_by: ", seguido de ",
    summary_unpublished: "Otros {n} países resultaron afectados, pero no se publicó su cifra.",
    summary_period: "{label}: de {start} a {end}.",
    status_secondary: "solo se conoce por fuentes secundarias",
    status_alleged: "acusación, no hecho probado",
    show_data: "Mostrar datos",
    hide_data: "Ocultar datos",
    download_png: "Descargar PNG",
    download_csv: "Descargar CSV",
    #[cfg(careto_map)]
    map_title: "{name}: dónde están los {n} países afectados",
    #[cfg(careto_map)]
    legend_no_count: "afectado, sin cifra publicada",
    #[cfg(careto_map)]
    legend_no_victims: "sin víctimas notificadas",
    #[cfg(careto_map)]
    map_not_on_map: "Sin lugar en el mapa (códigos propios): {names}.",
    #[cfg(careto_map)]
    map_source: "Mapa: Natural Earth 1:110m (dominio público), proyección Equal Earth; los puntos señalan países demasiado pequeños para verse a este ancho{points}. \
Natural Earth dibuja el Sáhara Occidental aparte de Marruecos a lo largo del muro construido por Marruecos: la parte al oeste del muro queda dentro de Marruecos.",
    #[cfg(careto_map)]
    map_points: "; con ubicación de Natural Earth 1:10m (sin forma en 1:110m): {names}",
    #[cfg(careto_map)]
    map_summary_where: "{name}: {n} países afectados, {where}.",
    #[cfg(careto_map)]
    map_summary_in: "{n} en {region}",
    #[cfg(careto_map)]
    map_summary_counts: "Se publicaron cifras de {k} de ellos: {list}.",
    #[cfg(careto_map)]
    map_summary_no_count: "No se publicó cifra de {u} de ellos.",
    #[cfg(careto_map)]
    map_summary_rest: "Resto de los países del mapa: sin víctimas notificadas.",
    #[cfg(careto_map)]
    and: "y",
    #[cfg(careto_map)]
    regions: ["África", "las Américas", "Asia", "Europa", "Oceanía"],
    #[cfg(careto_map)]
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
    #[cfg(careto_map)]
    map_loading: "Cargando el mapa…",
    #[cfg(careto_map)]
    map_failed: "No se pudo cargar el mapa.",
    #[cfg(careto_map)]
    retry: "Volver a intentarlo",
};

/// The words only the details say (tooltips, the data table, the CSV): kept
/// apart from [`Strings`] so that the drawing kernel, which never says
/// them, does not carry them (see ARCHITECTURE.md, "The split").
#[derive(Debug, Clone, Copy)]
pub struct DetailStrings {
    /// A reported claim's status, as a tooltip line or a table cell.
    pub status_reported: &'static str,
    /// Tooltip: the bar's colour class, `{class}` filled in.
    pub colour_class: &'static str,
    /// Tooltip: a country without a published figure.
    pub no_count: &'static str,
    /// Tooltip: a published figure of a hedged measure, `{n}`, `{hedge}` and `{measure}` filled in.
    pub value_hedged: &'static str,
    /// Table column and CSV header of a hedged measure, `{measure}` and `{hedge}` filled in.
    pub column_hedged: &'static str,
    /// Table caption of the bars of a hedged measure, `{name}`, `{hedge}` and `{measure}` filled in.
    pub caption_hedged: &'static str,
    /// Tooltip and table: figures of the same measure from disagreeing sources, `{figures}` filled in.
    pub other_figures: &'static str,
    /// Tooltip and table: what each source of a count said it counts, where
    /// they differ, `{measures}` filled in ("infected targets (S3); attacks (S5)").
    pub counted_as: &'static str,
    /// Tooltip and table: only government computers were targeted (the sources follow, from the data).
    pub government_only: &'static str,
    /// Before a list of sources, and the table's column of them.
    pub sources: &'static str,
    /// The table's value of a country without a published figure.
    pub not_published: &'static str,
    /// Table column: the country.
    pub col_country: &'static str,
    /// Table column: notes.
    pub col_notes: &'static str,
    /// Table column: the date.
    pub col_date: &'static str,
    /// Table column: the event.
    pub col_event: &'static str,
    /// Table column: the status of the claim.
    pub col_status: &'static str,
    /// CSV column: the ISO code.
    pub csv_code: &'static str,
    /// CSV column: the country.
    pub csv_country: &'static str,
    /// CSV column: notes.
    pub csv_notes: &'static str,
    /// CSV column: sources.
    pub csv_sources: &'static str,
    /// CSV column: the date.
    pub csv_date: &'static str,
    /// CSV column: whether the date is approximate.
    pub csv_approximate: &'static str,
    /// CSV column: the event.
    pub csv_event: &'static str,
    /// CSV column: the status of the claim.
    pub csv_status: &'static str,
    /// CSV values of the status column: reported, secondary, alleged.
    pub csv_statuses: [&'static str; 3],
    /// CSV values of a yes/no column: yes, no.
    pub csv_yes_no: [&'static str; 2],
}

/// The detail strings of `lang`.
pub fn detail_strings(lang: Lang) -> &'static DetailStrings {
    match lang {
        Lang::En => &DETAILS_EN,
        Lang::Es => &DETAILS_ES,
    }
}

const DETAILS_EN: DetailStrings = DetailStrings {
    status_reported: "Reported",
    colour_class: "Colour class {class}",
    no_count: "Affected; no count was published",
    value_hedged: "{n}, {hedge} {measure}",
    column_hedged: "{measure} ({hedge})",
    caption_hedged: "{name}: counts per country, {hedge} of {measure}",
    other_figures: "Other reported figures: {figures}",
    counted_as: "What the sources count: {measures}",
    government_only: "Only government computers were targeted",
    sources: "Sources",
    not_published: "not published",
    col_country: "Country",
    col_notes: "Notes",
    col_date: "Date",
    col_event: "Event",
    col_status: "Status",
    csv_code: "code",
    csv_country: "country",
    csv_notes: "notes",
    csv_sources: "sources",
    csv_date: "date",
    csv_approximate: "approximate",
    csv_event: "event",
    csv_status: "status",
    csv_statuses: ["reported", "secondary", "alleged"],
    csv_yes_no: ["true", "false"],
};

const DETAILS_ES: DetailStrings = DetailStrings {
    status_reported: "Publicado",
    colour_class: "Clase de color {class}",
    no_count: "Afectado; no se publicó ninguna cifra",
    value_hedged: "{n}, {hedge} {measure}",
    column_hedged: "{measure} ({hedge})",
    caption_hedged: "{name}: cifras por país, {hedge} de {measure}",
    other_figures: "Otras cifras publicadas: {figures}",
    counted_as: "Lo que cuentan las fuentes: {measures}",
    government_only: "Solo se atacaron ordenadores gubernamentales",
    sources: "Fuentes",
    not_published: "no publicada",
    col_country: "País",
    col_notes: "Notas",
    col_date: "Fecha",
    col_event: "Suceso",
    col_status: "Estado",
    csv_code: "código",
    csv_country: "país",
    csv_notes: "notas",
    csv_sources: "fuentes",
    csv_date: "fecha",
    csv_approximate: "aproximada",
    csv_event: "suceso",
    csv_status: "estado",
    csv_statuses: ["publicado", "fuente secundaria", "acusación"],
    csv_yes_no: ["sí", "no"],
};

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

#[cfg(careto_map)]
/// `items` as a list: "a", "a and b", "a, b and c" (Spanish "y", or "e"
/// before a word that starts with the sound i: "Marruecos e Irán").
pub fn join_list(items: &[String], lang: Lang) -> String {
    let mut out = String::new();
    let n = items.len();
    for (i, item) in items.iter().enumerate() {
        if i > 0 && i + 1 == n {
            let and = match lang {
                Lang::Es if starts_with_i_sound(item) => "e",
                _ => strings(lang).and,
            };
            out.push(' ');
            out.push_str(and);
            out.push(' ');
        } else if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    out
}

#[cfg(careto_map)]
/// Whether a Spanish word starts with the vowel sound i ("I", "Í", "Hi",
/// but not "Hie"/"Hia", where "y" stays: "agua y hielo").
fn starts_with_i_sound(word: &str) -> bool {
    let lower: Vec<char> = word.chars().take(3).map(|c| c.to_ascii_lowercase()).collect();
    match lower.as_slice() {
        ['i' | 'í' | 'Í', ..] => true,
        ['h', 'i' | 'í', next, ..] => !matches!(next, 'e' | 'a'),
        ['h', 'i' | 'í'] => true,
        _ => false,
    }
}

/// Fills `{key}` placeholders in `template` (one pass; an unknown `{…}` is
/// left as it is). Searching for a char, not a `&str`, keeps core's
/// two-way substring searcher out of the wasm.
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let known = after.split_once('}').and_then(|(key, tail)| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| (*v, tail)));
        match known {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `s` with its first letter in upper case (ASCII and Latin-1 letters; other
/// scripts are left as they are, to keep Unicode case tables out of the wasm).
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => {
            let upper = match first {
                'a'..='z' => first.to_ascii_uppercase(),
                // Latin-1 small letters à..þ (not ÷) sit 0x20 above their capitals.
                '\u{e0}'..='\u{fe}' if first != '\u{f7}' => char::from_u32(first as u32 - 0x20).unwrap_or(first),
                _ => first,
            };
            std::iter::once(upper).chain(c).collect()
        }
        None => String::new(),
    }
}

/// A sort key that orders names as a reader expects in English and Spanish:
/// case and the common Latin accents are ignored (Á sorts with A, ñ after n).
pub fn sort_key(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'à'..='å' | 'À'..='Å' => 'a',
            'è'..='ë' | 'È'..='Ë' => 'e',
            'ì'..='ï' | 'Ì'..='Ï' => 'i',
            'ò'..='ö' | 'Ò'..='Ö' => 'o',
            'ù'..='ü' | 'Ù'..='Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ñ' | 'Ñ' => 'n',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_and_capitals_without_unicode_tables() {
        assert_eq!(capitalize("victim IP addresses"), "Victim IP addresses");
        assert_eq!(capitalize("él"), "Él");
        let mut names = vec!["Turquía", "Túnez", "Irán", "irak", "Egipto"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, ["Egipto", "irak", "Irán", "Túnez", "Turquía"]);
    }

    #[cfg(careto_map)]
    #[test]
    fn lists_join_with_the_language_and() {
        let v = |s: &[&str]| s.iter().map(|x| (*x).to_string()).collect::<Vec<_>>();
        assert_eq!(join_list(&v(&[]), Lang::En), "");
        assert_eq!(join_list(&v(&["Africa"]), Lang::En), "Africa");
        assert_eq!(join_list(&v(&["a", "b", "c"]), Lang::En), "a, b and c");
        assert_eq!(join_list(&v(&["Marruecos", "Irán"]), Lang::Es), "Marruecos e Irán");
        assert_eq!(join_list(&v(&["Cuba", "Irak"]), Lang::Es), "Cuba e Irak");
        assert_eq!(join_list(&v(&["Europa", "Asia"]), Lang::Es), "Europa y Asia");
        assert_eq!(join_list(&v(&["agua", "hielo"]), Lang::Es), "agua y hielo");
        assert_eq!(join_list(&v(&["Chile", "Hispania"]), Lang::Es), "Chile e Hispania");
    }

    #[test]
    fn placeholders_are_filled_once() {
        assert_eq!(fill("{name}: {n} countries", &[("name", "The Mask"), ("n", "31")]), "The Mask: 31 countries");
        assert_eq!(fill("{a}{a} {b} {", &[("a", "{b}"), ("b", "x")]), "{b}{b} x {");
        assert_eq!(fill("no placeholders", &[]), "no placeholders");
    }

    #[test]
    fn counts_use_the_language_separator() {
        assert_eq!(format_count(1000, Lang::En), "1,000");
        assert_eq!(format_count(1000, Lang::Es), "1.000");
        assert_eq!(format_count(384, Lang::Es), "384");
        assert_eq!(format_count(1_234_567, Lang::En), "1,234,567");
        assert_eq!(format_count(0, Lang::En), "0");
    }

    #[test]
    fn dates_keep_their_precision() {
        let d = |s| EventDate::parse(s).unwrap_or(EventDate { year: 0, month: None, day: None });
        assert_eq!(format_date(&d("2014-02-10"), false, Lang::En), "10 Feb 2014");
        assert_eq!(format_date(&d("2014-02-10"), false, Lang::Es), "10 de febrero de 2014");
        assert_eq!(format_date(&d("2014-01"), false, Lang::Es), "enero de 2014");
        assert_eq!(format_date(&d("2014-01"), false, Lang::En), "Jan 2014");
        assert_eq!(format_date(&d("2007"), false, Lang::En), "2007");
        assert_eq!(format_date(&d("2008"), true, Lang::En), "c. 2008");
        assert_eq!(format_date(&d("2024-05"), true, Lang::Es), "hacia mayo de 2024");
    }
}
