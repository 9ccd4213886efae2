//! The words of the controls around a chart's canvas, which the JS shell
//! writes (buttons, the embed code's field, the busy and failure
//! messages; in a build with the map, the map's loading words): in English
//! and Spanish, handed over in one list ([`controls`], [`map_controls`]).

use crate::model::Lang;

/// The words of the controls.
#[derive(Debug, Clone, Copy)]
pub struct ControlStrings {
    /// The button that opens the data table.
    pub show_data: &'static str,
    /// The button that closes the data table.
    pub hide_data: &'static str,
    /// The button that downloads the picture.
    pub download_png: &'static str,
    /// The button that downloads the data.
    pub download_csv: &'static str,
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
    /// Shown and said when a chart could not be drawn in another language
    /// (the article kernel of that language could not be loaded).
    pub lang_failed: &'static str,
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
/// reads them (`L` in src/web/shell/figure.js): show data, hide data,
/// download PNG, download CSV, copy embed code, copied, copy by hand,
/// loading, load failed, the name of the embed code's field, and another
/// language failed.
pub fn controls(lang: Lang) -> [&'static str; 11] {
    let s = control_strings(lang);
    [s.show_data, s.hide_data, s.download_png, s.download_csv, s.copy_embed, s.copied, s.copy_by_hand, s.loading, s.load_failed, s.embed_code, s.lang_failed]
}

/// The map's words around its canvas, after [`controls`]' in the same list
/// (builds with the map): loading the map, the map failed to load, try again.
#[cfg(careto_map)]
pub fn map_controls(lang: Lang) -> [&'static str; 3] {
    let s = control_strings(lang);
    [s.map_loading, s.map_failed, s.retry]
}

/// The control strings of `lang`.
pub fn control_strings(lang: Lang) -> &'static ControlStrings {
    match super::compiled(lang) {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

const EN: ControlStrings = ControlStrings {
    show_data: "Show data",
    hide_data: "Hide data",
    download_png: "Download PNG",
    download_csv: "Download CSV",
    copy_embed: "Copy embed code",
    copied: "Copied",
    copy_by_hand: "Embed code selected: press Ctrl+C (⌘C) to copy it",
    embed_code: "Embed code",
    loading: "Loading…",
    load_failed: "The chart's interactive features could not be loaded. Try again.",
    lang_failed: "The chart could not be shown in the other language. Try again.",
    #[cfg(careto_map)]
    map_loading: "Loading the map…",
    #[cfg(careto_map)]
    map_failed: "The map could not be loaded.",
    #[cfg(careto_map)]
    retry: "Try again",
};

const ES: ControlStrings = ControlStrings {
    show_data: "Mostrar datos",
    hide_data: "Ocultar datos",
    download_png: "Descargar PNG",
    download_csv: "Descargar CSV",
    copy_embed: "Copiar código",
    copied: "Copiado",
    copy_by_hand: "Código seleccionado: pulse Ctrl+C (⌘C) para copiarlo",
    embed_code: "Código para insertar",
    loading: "Cargando…",
    load_failed: "No se pudieron cargar las funciones interactivas del gráfico. Vuelva a intentarlo.",
    lang_failed: "No se pudo mostrar el gráfico en el otro idioma. Vuelva a intentarlo.",
    #[cfg(careto_map)]
    map_loading: "Cargando el mapa…",
    #[cfg(careto_map)]
    map_failed: "No se pudo cargar el mapa.",
    #[cfg(careto_map)]
    retry: "Volver a intentarlo",
};
