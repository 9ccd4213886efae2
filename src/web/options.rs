//! Options as JS passes them, taken field by field (own keys only, each of
//! its JS type) so that every error names the option.

use super::js::{got, own_keys_among, KeysError, MAX_OPTION_CHARS};
use crate::model::{clip, Lang};
use crate::theme::ThemeName;
use crate::view::View;
use wasm_bindgen::{JsCast, JsValue};

/// Options as given; every field optional.
#[derive(Default)]
pub struct JsOptions {
    pub view: Option<String>,
    pub lang: Option<String>,
    pub theme: Option<String>,
    pub width: Option<f64>,
    /// Show the PNG and CSV download buttons (default true).
    pub downloads: Option<bool>,
    /// The absolute address of `embed.html` (the host knows it; the module does not).
    pub embed_url: Option<String>,
    /// Show the "Copy embed code" button when `embed_url` is known (default true).
    pub embed_code: Option<bool>,
    /// The display flags, in the order of [`DISPLAY_FLAGS`] (see [`Display`]).
    pub display: [Option<bool>; 3],
    /// A campaign of the newsroom's own, as a JS object (see `campaign.schema.json`).
    pub campaign: Option<JsValue>,
}

const OPTION_NAMES: [&str; 11] = ["view", "lang", "theme", "width", "downloads", "embedUrl", "embedCode", "plain", "transparent", "static", "campaign"];

/// [`OPTION_NAMES`] as a message lists them, written out: joining them at
/// run time linked a second `join` into the first-paint kernel (877 B of
/// wasm) for this message alone. The build fails if the two disagree.
const KNOWN_OPTIONS: &str = "view, lang, theme, width, downloads, embedUrl, embedCode, plain, transparent, static, campaign";
const _: () = assert!(lists(KNOWN_OPTIONS.as_bytes(), &OPTION_NAMES), "KNOWN_OPTIONS must be OPTION_NAMES joined by \", \"");

/// Whether `known` is `names` joined by ", " (at compile time only: an
/// index out of bounds here is a build error, never a panic at run time).
#[allow(clippy::indexing_slicing)]
const fn lists(known: &[u8], names: &[&str]) -> bool {
    let mut at = 0;
    let mut i = 0;
    while i < names.len() {
        if i > 0 {
            if at + 2 > known.len() || known[at] != b',' || known[at + 1] != b' ' {
                return false;
            }
            at += 2;
        }
        let name = names[i].as_bytes();
        let mut j = 0;
        while j < name.len() {
            if at >= known.len() || known[at] != name[j] {
                return false;
            }
            at += 1;
            j += 1;
        }
        i += 1;
    }
    at == known.len()
}

/// The display flags' options, in the order of [`JsOptions::display`].
const DISPLAY_FLAGS: [&str; 3] = ["plain", "transparent", "static"];

/// The article build reads no campaign: the reader, its validation and
/// their messages are left out of the module (see Cargo.toml's features).
/// The error leaves the chart as it was, like any bad option. It never
/// succeeds (`Infallible`), so a chart of this build holds only the static.
#[cfg(not(feature = "custom-campaign"))]
pub fn parse_campaign(_value: JsValue) -> Result<std::convert::Infallible, String> {
    Err("campaign: this build (careto_viz.js) has The Mask (Careto) data compiled in and reads no campaign of its own; \
to draw yours, load the full build, careto_viz_full.js (pkg-full/ next to pkg/; the npm package's main export)"
        .to_string())
}

/// The option `name` of `object` when it is an own key (in `keys`): the
/// prototype chain is never consulted, so a polluted `Object.prototype.view`
/// or `.campaign` is no option.
fn own(object: &JsValue, keys: &[String], name: &str) -> Result<JsValue, String> {
    if !keys.iter().any(|k| k == name) {
        return Ok(JsValue::UNDEFINED);
    }
    js_sys::Reflect::get(object, &JsValue::from_str(name)).map_err(|_| format!("{name}: cannot be read"))
}

/// One option, given and of its JS type (`is`: a `typeof` check, so no
/// object, a proxy say, is ever read; a string is not a number), or
/// `None`; the message names the option. The caller takes the primitive
/// (`as_string`…). Not through serde-wasm-bindgen, whose deserializer
/// would add about 1 KB gzip to the first-paint kernel for three primitive
/// types (it stays for the details: `super::details`), and not generic
/// over the type taken, which costs it 99 B more.
fn field(object: &JsValue, keys: &[String], name: &str, expected: &str, is: fn(&JsValue) -> bool) -> Result<Option<JsValue>, String> {
    let value = own(object, keys, name)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let long = value.is_string() && value.unchecked_ref::<js_sys::JsString>().length() > MAX_OPTION_CHARS;
    if long || !is(&value) {
        return Err(format!("{name}: expected {expected}, got {}", got(&value)));
    }
    Ok(Some(value))
}

/// A text option.
fn text(object: &JsValue, keys: &[String], name: &str, expected: &str) -> Result<Option<String>, String> {
    Ok(field(object, keys, name, expected, JsValue::is_string)?.and_then(|v| v.as_string()))
}

/// An on/off option.
fn flag(object: &JsValue, keys: &[String], name: &str) -> Result<Option<bool>, String> {
    Ok(field(object, keys, name, "true or false", |v| v.as_bool().is_some())?.and_then(|v| v.as_bool()))
}

/// Reads `value` (undefined, null or an object).
pub fn parse(value: JsValue) -> Result<JsOptions, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(JsOptions::default());
    }
    if !value.is_object() || value.is_function() {
        // The example names a view this build draws: its default.
        return Err(format!("options must be an object such as {{ view: \"{}\" }}", View::default().as_str()));
    }
    let keys = own_keys_among(&value, &OPTION_NAMES).map_err(|e| match e {
        KeysError::Unreadable => "options cannot be read (a revoked proxy?)".to_string(),
        KeysError::Unknown(key) => format!("options: unknown option \"{key}\" (known: {KNOWN_OPTIONS})"),
    })?;
    let keys = &keys;
    let mut display = [None; 3];
    for (flag, name) in display.iter_mut().zip(DISPLAY_FLAGS) {
        *flag = self::flag(&value, keys, name)?;
    }
    Ok(JsOptions {
        view: text(&value, keys, "view", crate::view::NAMES)?,
        lang: text(&value, keys, "lang", "\"en\" or \"es\"")?,
        theme: text(&value, keys, "theme", "\"light\", \"dark\" or \"auto\"")?,
        width: field(&value, keys, "width", "a number of CSS pixels", |v| v.as_f64().is_some())?.and_then(|v| v.as_f64()),
        downloads: flag(&value, keys, "downloads")?,
        embed_url: text(&value, keys, "embedUrl", "the address of embed.html")?,
        embed_code: flag(&value, keys, "embedCode")?,
        display,
        // Unlike the other options, a `null` campaign is no "not given": a
        // fetch or a CMS field that came back `null` must be refused, not
        // drawn as The Mask's data under another campaign's story.
        campaign: Some(own(&value, keys, "campaign")?).filter(|c| !c.is_undefined()),
    })
}

/// Light, dark, or following the reader's system (`prefers-color-scheme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Follow `prefers-color-scheme`, live.
    Auto,
    /// Always this theme.
    Fixed(ThemeName),
}

impl ThemeChoice {
    /// Parses `auto`, `light` or `dark`.
    pub fn parse(s: &str) -> Result<ThemeChoice, String> {
        if s == "auto" {
            return Ok(ThemeChoice::Auto);
        }
        ThemeName::parse(s).map(ThemeChoice::Fixed).map_err(|_| format!("theme: \"{}\" is not a theme; use \"light\", \"dark\" or \"auto\"", clip(s)))
    }

    /// The choice's name as [`ThemeChoice::parse`] reads it: `auto`, `light` or `dark`.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Fixed(t) => t.as_str(),
        }
    }
}

/// The options a mounted chart keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub view: View,
    /// `None`: the host page's `lang`.
    pub lang: Option<Lang>,
    pub theme: ThemeChoice,
    /// `None`: the container's width.
    pub width: Option<f64>,
    /// Whether readers get the PNG and CSV download buttons.
    pub downloads: bool,
    /// Where `embed.html` is served (absolute http(s) address), if the host said.
    pub embed_url: Option<String>,
    /// Whether readers get the "Copy embed code" button (when `embed_url` is known).
    pub embed_code: bool,
    /// The display flags (`plain`, `transparent`, `static`).
    pub display: Display,
}

/// The display flags, as Datawrapper has them (`?plain=1`,
/// `?transparent=1`, `?static=1`); each is off by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Display {
    /// No title, headline figures or subtitle (the layout's [`crate::layout::Header::Plain`])
    /// and no buttons: the host page writes its own. The source line stays.
    pub plain: bool,
    /// No background: the canvas is cleared, not filled, and the shell
    /// gives the chart's box none.
    pub transparent: bool,
    /// The picture only: the shell loads no interaction layer and gives the
    /// canvas no tab stop; its accessible name and summary stay.
    pub still: bool,
}

impl Display {
    /// The flags as [`super::api::Chart::words`] gives them to the shell,
    /// a number of bits: 1 when the download buttons show (the `downloads`
    /// option), 2 `plain`, 4 `transparent`, 8 `static` (`"1"` by default).
    pub fn bits(self, downloads: bool) -> String {
        (u8::from(downloads) | u8::from(self.plain) << 1 | u8::from(self.transparent) << 2 | u8::from(self.still) << 3).to_string()
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            view: View::default(),
            lang: None,
            theme: ThemeChoice::Auto,
            width: None,
            downloads: true,
            embed_url: None,
            embed_code: true,
            display: Display::default(),
        }
    }
}

impl Settings {
    /// `self` with the options in `js` applied; nothing changes on an error.
    pub fn with(mut self, js: &JsOptions) -> Result<Settings, String> {
        if let Some(v) = &js.view {
            self.view = View::parse(v)?;
        }
        if let Some(l) = &js.lang {
            self.lang = Some(Lang::parse(l)?);
        }
        if let Some(t) = &js.theme {
            self.theme = ThemeChoice::parse(t)?;
        }
        if let Some(w) = js.width {
            let (min, max) = crate::layout::WIDTH_RANGE;
            // The number as JS prints it (`Infinity`, `1e+21`), by JS: no f64
            // formatting in the module (vendor/plotters-canvas/PATCHED.md).
            let n = String::from(js_sys::Number::from(w).to_string_with_radix(10).unwrap_or_else(|_| "NaN".into()));
            if !w.is_finite() || w <= 0.0 {
                return Err(format!("width: {n} is not a positive number of CSS pixels"));
            }
            if w > max {
                return Err(format!("width: {n} px is wider than a chart can be ({} px)", crate::num::saturating_u32(max)));
            }
            // Narrower than the minimum is drawn at the minimum (a phone's narrowest column).
            self.width = Some(w.max(min));
        }
        if let Some(d) = js.downloads {
            self.downloads = d;
        }
        if let Some(u) = &js.embed_url {
            if !(u.starts_with("https://") || u.starts_with("http://")) {
                return Err(format!("embedUrl: \"{}\" is not the absolute http(s) address of embed.html", clip(u)));
            }
            self.embed_url = Some(u.clone());
        }
        if let Some(e) = js.embed_code {
            self.embed_code = e;
        }
        let [plain, transparent, still] = js.display;
        let d = &mut self.display;
        d.plain = plain.unwrap_or(d.plain);
        d.transparent = transparent.unwrap_or(d.transparent);
        d.still = still.unwrap_or(d.still);
        Ok(self)
    }
}
