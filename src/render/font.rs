//! The font the native PNG renderer draws text in (native only): Liberation
//! Sans 2.1.5, regular and bold, bundled in `fonts/` (SIL Open Font
//! License 1.1; provenance in `fonts/README.md`). Its advance widths are
//! the ones `src/text.rs` lays out with, so text drawn in it fits where
//! layout put it. Compiled into the native binaries only: the wasm module
//! never holds it (the browser draws text with its own fonts).

use ab_glyph::FontRef;
use plotters_backend::FontStyle;
use std::sync::OnceLock;

/// The font's name, for messages.
pub const NAME: &str = "Liberation Sans 2.1.5";

static REGULAR: &[u8] = include_bytes!("../../fonts/LiberationSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../fonts/LiberationSans-Bold.ttf");

/// The bundled faces.
pub struct Fonts {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

impl Fonts {
    /// The face for a plotters font style (italic and oblique: the regular
    /// face; no chart uses them).
    pub fn get(&self, style: FontStyle) -> &FontRef<'static> {
        match style {
            FontStyle::Bold => &self.bold,
            FontStyle::Normal | FontStyle::Italic | FontStyle::Oblique => &self.regular,
        }
    }
}

/// The bundled faces, parsed once.
pub fn fonts() -> Result<&'static Fonts, String> {
    static FONTS: OnceLock<Result<Fonts, String>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let parse =
                |bytes: &'static [u8], face: &str| FontRef::try_from_slice(bytes).map_err(|e| format!("the bundled font {NAME} {face} cannot be read: {e}"));
            Ok(Fonts { regular: parse(REGULAR, "Regular")?, bold: parse(BOLD, "Bold")? })
        })
        .as_ref()
        .map_err(Clone::clone)
}
