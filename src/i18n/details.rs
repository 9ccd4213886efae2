//! What only the details say (tooltips, the data table, the CSV), in
//! English and Spanish: kept apart from the picture's words so that the
//! drawing kernel, which never says them, does not carry them.

use crate::model::Lang;

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
    /// Announcement: an item's place among its kind, `{i}` and `{n}` filled in ("2 of 11").
    pub say_position: &'static str,
    /// Announcement: a country's place among those without a count.
    pub say_position_unpublished: &'static str,
    /// Announcement: in place of a figure, a country without a published count.
    pub say_no_count: &'static str,
    /// The data table's pages (a table of more rows than it shows at once):
    /// which rows it shows, `{from}`, `{to}` and `{n}` filled in; its buttons.
    pub rows_of: &'static str,
    /// The button to the page before.
    pub rows_previous: &'static str,
    /// The button to the page after.
    pub rows_next: &'static str,
    /// What the keys do on the bars and the map (the canvas's description,
    /// and a hint shown when it takes the keyboard's focus).
    pub keys_countries: &'static str,
    /// What the keys do on the timeline.
    pub keys_events: &'static str,
}

/// The detail strings of `lang`.
pub fn detail_strings(lang: Lang) -> &'static DetailStrings {
    match super::compiled(lang) {
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
    say_position: "{i} of {n}",
    say_position_unpublished: "{i} of {n} without a count",
    say_no_count: "no count published",
    rows_of: "Rows {from}–{to} of {n}",
    rows_previous: "Previous rows",
    rows_next: "Next rows",
    keys_countries: "Keys: the arrows go through the countries, the largest count first, then those without a count from A to Z; Enter or Space opens the details, Escape closes them.",
    keys_events: "Keys: the arrows go through the active period, then the events from the earliest; Enter or Space opens the details, Escape closes them.",
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
    say_position: "{i} de {n}",
    say_position_unpublished: "{i} de {n} sin cifra",
    say_no_count: "sin cifra publicada",
    rows_of: "Filas {from}–{to} de {n}",
    rows_previous: "Filas anteriores",
    rows_next: "Filas siguientes",
    keys_countries: "Teclas: las flechas recorren los países, de la cifra más alta a la más baja, y luego los que no tienen cifra, de la A a la Z; Intro o Espacio abre los detalles, Escape los cierra.",
    keys_events: "Teclas: las flechas recorren el periodo de actividad y luego los sucesos, del más antiguo al más reciente; Intro o Espacio abre los detalles, Escape los cierra.",
};
