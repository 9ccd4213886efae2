//! The profile view's words (who and what was targeted), in English and
//! Spanish: [`ProfileStrings`] for what its picture and summary say,
//! [`ProfileDetailStrings`] for what only its tooltips, table and CSV say
//! (kept apart, as [`super::Strings`] and [`super::DetailStrings`] are).

use crate::model::{Lang, PlatformStatus};

/// What the profile's picture and summary say.
#[derive(Debug, Clone, Copy)]
pub struct ProfileStrings {
    /// Title, `{name}` filled in.
    pub title: &'static str,
    /// Subtitle: what the view shows, and that nothing is drawn to a size.
    pub subtitle: &'static str,
    /// Heading of the target sectors.
    pub sectors: &'static str,
    /// Heading of the platforms.
    pub platforms: &'static str,
    /// Heading of what was stolen.
    pub stolen: &'static str,
    /// Before the file extensions, `{n}` filled in.
    pub extensions: &'static str,
    /// A platform's status in the legend and in running text: analysed, partial, suspected.
    pub statuses: [&'static str; 3],
    /// The tag of a suspected platform's label.
    pub tag_suspected: &'static str,
    /// Summary: the sectors, `{list}` filled in.
    pub summary_sectors: &'static str,
    /// Summary: the platforms, `{list}` filled in.
    pub summary_platforms: &'static str,
    /// Summary: what was stolen, `{summary}`, `{n}` and `{list}` filled in.
    pub summary_stolen: &'static str,
    /// Drawn (and said) for a campaign without a profile.
    pub empty: &'static str,
    /// Under a profile cut at the tallest canvas a browser draws, `{n}` filled in.
    pub more: &'static str,
}

impl ProfileStrings {
    /// The words of a platform's status.
    pub fn status(&self, s: PlatformStatus) -> &'static str {
        let [analysed, partial, suspected] = self.statuses;
        match s {
            PlatformStatus::Analysed => analysed,
            PlatformStatus::Partial => partial,
            PlatformStatus::Suspected => suspected,
        }
    }
}

/// What only the profile's tooltips, table and CSV say.
#[derive(Debug, Clone, Copy)]
pub struct ProfileDetailStrings {
    /// Tooltip of a sector.
    pub sector_note: &'static str,
    /// Table and CSV: what a row is: sector, platform, stolen data, file extensions.
    pub aspects: [&'static str; 4],
    /// Table: the heading of each aspect's rows, in the order of `aspects`.
    pub groups: [&'static str; 4],
    /// CSV header: the aspect.
    pub col_aspect: &'static str,
    /// Table column and CSV header: the item.
    pub col_item: &'static str,
    /// Table column and CSV header: what the sources say of it.
    pub col_detail: &'static str,
    /// The source's words, `{quote}` and `{sources}` filled in.
    pub quoted: &'static str,
    /// What the keys do on the profile (see `DetailStrings::keys_countries`).
    pub keys: &'static str,
}

/// The profile strings of `lang`.
pub fn profile_strings(lang: Lang) -> &'static ProfileStrings {
    match super::compiled(lang) {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

/// The profile detail strings of `lang`.
pub fn profile_detail_strings(lang: Lang) -> &'static ProfileDetailStrings {
    match super::compiled(lang) {
        Lang::En => &DETAILS_EN,
        Lang::Es => &DETAILS_ES,
    }
}

const EN: ProfileStrings = ProfileStrings {
    title: "{name}: who and what was targeted",
    subtitle: "As the sources describe them; no counts or shares were published, so nothing is drawn to a size",
    sectors: "Target sectors",
    platforms: "Platforms",
    stolen: "What it stole",
    extensions: "Files with {n} {extension|extensions} it searched for:",
    statuses: ["samples analysed", "partly seen", "suspected"],
    tag_suspected: "suspected",
    summary_sectors: "Target sectors, with no counts or shares published: {list}.",
    summary_platforms: "Platforms: {list}.",
    summary_stolen: "What it stole: {summary}; and files with {n} {extension|extensions}: {list}.",
    empty: "This campaign's data has no profile of its targets.",
    more: "…and {n} more, too many to draw: all are in the data table",
};

const ES: ProfileStrings = ProfileStrings {
    title: "{name}: a quién y qué atacó",
    subtitle: "Según lo describen las fuentes; no se publicaron cifras ni porcentajes, así que nada se dibuja a escala",
    sectors: "Sectores atacados",
    platforms: "Plataformas",
    stolen: "Qué robó",
    extensions: "Archivos con {n} {extensión|extensiones} que buscaba:",
    statuses: ["muestras analizadas", "vista en parte", "sospecha"],
    tag_suspected: "sospecha",
    summary_sectors: "Sectores atacados, sin cifras ni porcentajes publicados: {list}.",
    summary_platforms: "Plataformas: {list}.",
    summary_stolen: "Qué robó: {summary}; y archivos con {n} {extensión|extensiones}: {list}.",
    empty: "Los datos de esta campaña no incluyen un perfil de sus objetivos.",
    more: "…y {n} más, demasiados para dibujarlos: todos están en la tabla de datos",
};

const DETAILS_EN: ProfileDetailStrings = ProfileDetailStrings {
    sector_note: "A target sector the sources name; no counts or shares were published.",
    aspects: ["Target sector", "Platform", "Stolen data", "File extensions sought"],
    groups: ["Target sectors", "Platforms", "Stolen data", "File extensions sought"],
    col_aspect: "Aspect",
    col_item: "Item",
    col_detail: "What the sources say",
    quoted: "“{quote}” ({sources})",
    keys: "Keys: the arrows go through the sectors, then the platforms, then what was stolen; Enter or Space opens the details, Escape closes them.",
};

const DETAILS_ES: ProfileDetailStrings = ProfileDetailStrings {
    sector_note: "Un sector atacado que nombran las fuentes; no se publicaron cifras ni porcentajes.",
    aspects: ["Sector atacado", "Plataforma", "Datos robados", "Extensiones de archivo buscadas"],
    groups: ["Sectores atacados", "Plataformas", "Datos robados", "Extensiones de archivo buscadas"],
    col_aspect: "Aspecto",
    col_item: "Elemento",
    col_detail: "Qué dicen las fuentes",
    quoted: "«{quote}» ({sources})",
    keys: "Teclas: las flechas recorren los sectores, luego las plataformas y luego lo que se robó; Intro o Espacio abre los detalles, Escape los cierra.",
};
