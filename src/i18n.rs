//! Every string the charts draw or speak that is not campaign data, in
//! English and Spanish, and the number and date formats of each language.
//! Error messages, for developers, are English only and live with the code
//! that finds the error.
//!
//! One file per kind of words, each a struct with its English and Spanish
//! tables and the function that picks one by language:
//!
//! | file | struct, function | what |
//! | --- | --- | --- |
//! | `chart.rs` | [`Strings`], [`strings`] | what the bars' and the timeline's pictures draw: titles, legends, tags |
//! | `summary.rs` | [`SummaryStrings`], [`summary_strings`] | the screen-reader summaries' sentences, a claim's status in running text |
//! | `controls.rs` | [`ControlStrings`], [`controls`] | the buttons and messages the JS shell writes around the canvas |
//! | `map.rs` | `MapStrings`, `map_strings` | the map view's (builds with the map) |
//! | `profile.rs` | [`ProfileStrings`], [`ProfileDetailStrings`] | the profile view's |
//! | `details.rs` | [`DetailStrings`], [`detail_strings`] | what only tooltips, announcements, the table and the CSV say: the drawing kernel does not carry them (ARCHITECTURE.md, "The split") |
//! | `format.rs` | [`format_count`], [`format_date`], [`fill`]… | numbers, dates and lists as each language writes them; `{placeholder}` templates |
//! | `hyphen.rs` | [`soft_hyphens`] | where a long Spanish word may break in a narrow table column |

use crate::model::Lang;

/// The language whose words draw a chart in `lang`: `lang` itself, but in
/// a drawing kernel of one language (cfg `careto_lang`, set by `build.rs`
/// for `scripts/build-wasm.sh`, which builds the article's, the map's and
/// the profile's kernel once per language) that language, whatever is
/// asked. Every table below is picked through it, so such a kernel
/// compiles in one language's words only; it draws no chart in the other
/// (see [`speaks`]).
#[inline(always)]
pub(crate) const fn compiled(lang: Lang) -> Lang {
    #[cfg(careto_lang = "en")]
    let lang = {
        let _ = lang;
        Lang::En
    };
    #[cfg(careto_lang = "es")]
    let lang = {
        let _ = lang;
        Lang::Es
    };
    lang
}

/// Whether this module draws charts in `lang`: every build does, but a
/// drawing kernel of one language only in its own (a chart in the other is
/// handed to the other kernel: `Changed::OTHER_LANGUAGE`, src/web/drawing.rs).
pub fn speaks(lang: Lang) -> bool {
    compiled(lang) == lang
}

mod chart;
mod controls;
mod details;
mod format;
mod hyphen;
#[cfg(careto_map)]
mod map;
mod profile;
mod summary;

pub use chart::{strings, Strings};
#[cfg(careto_map)]
pub use controls::map_controls;
pub use controls::{control_strings, controls, ControlStrings};
pub use details::{detail_strings, DetailStrings};
#[cfg(careto_map)]
pub use format::join_list;
pub use format::{capitalize, fill, format_count, format_date, join, month_name, sort_key};
pub use hyphen::soft_hyphens;
#[cfg(careto_map)]
pub use map::{map_strings, MapStrings};
pub use profile::{profile_detail_strings, profile_strings, ProfileDetailStrings, ProfileStrings};
pub use summary::{summary_strings, SummaryStrings};
