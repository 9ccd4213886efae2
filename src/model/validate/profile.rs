//! The rules of a campaign's profile (who and what was targeted): every
//! sector, platform and what was stolen has its sources; names in both
//! languages; the file extensions are plain, short and listed once.

use super::{Checker, Kind, Need, Seen};
use crate::model::{clip, Profile};

/// The longest file extension taken (characters).
pub const MAX_EXTENSION_CHARS: usize = 16;

impl Checker<'_> {
    pub(super) fn profile(&mut self, p: &Profile) {
        if p.is_empty() {
            return;
        }
        self.text("profile.source_line", &p.source_line, Need::Required, Kind::Prose);
        for (i, s) in p.sectors.iter().enumerate() {
            if self.done() {
                return;
            }
            self.text(format!("profile.sector[{i}].label"), &s.label, Need::Required, Kind::Label);
            self.sources(format!("profile.sector[{i}].sources"), &s.sources);
        }
        for (i, f) in p.platforms.iter().enumerate() {
            if self.done() {
                return;
            }
            let q = format!("profile.platform[{i}]");
            self.text(format!("{q}.label"), &f.label, Need::Required, Kind::Label);
            self.text(format!("{q}.detail"), &f.detail, Need::Required, Kind::Label);
            self.string(format!("{q}.quote"), &f.quote, Need::Optional);
            self.sources(format!("{q}.sources"), &f.sources);
        }
        let s = &p.stolen;
        if s.is_empty() || self.done() {
            return;
        }
        self.text("profile.stolen.summary", &s.summary, Need::Required, Kind::Prose);
        self.string("profile.stolen.quote", &s.quote, Need::Optional);
        let mut seen = Seen::default();
        for (j, x) in s.extensions.iter().enumerate() {
            if self.done() {
                return;
            }
            let q = format!("profile.stolen.extensions[{j}]");
            let plain = !x.is_empty() && x.chars().count() <= MAX_EXTENSION_CHARS && x.chars().all(|c| c.is_ascii_alphanumeric());
            if !plain {
                self.err(q, format!("\"{}\" is not a file extension (1 to {MAX_EXTENSION_CHARS} letters or digits, no dot)", clip(x)));
            } else if !seen.insert(x) {
                self.err(q, format!("extension \"{}\" listed twice", clip(x)));
            }
        }
        self.sources("profile.stolen.sources", &s.sources);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::super::tests::{first, ids, ok, t};
    use super::super::validate;
    use crate::model::{Platform, PlatformStatus, Sector, Str};
    use std::borrow::Cow;

    fn with_profile() -> crate::model::Campaign {
        let mut c = ok();
        c.profile.sectors = Cow::Owned(vec![Sector { label: t("Activists"), sources: ids(&["S1"]) }]);
        c.profile.platforms = Cow::Owned(vec![Platform {
            label: t("Android"),
            status: PlatformStatus::Suspected,
            detail: t("suspected"),
            quote: Str::default(),
            sources: ids(&["S1"]),
        }]);
        c.profile.stolen.summary = t("Keys");
        c.profile.stolen.extensions = ids(&["PGP", "RDP"]);
        c.profile.stolen.sources = ids(&["S1"]);
        c.profile.source_line = t("Source: S1");
        c
    }

    #[test]
    fn a_profile_needs_sources_names_and_a_source_line() {
        assert_eq!(validate(&with_profile()), Ok(()));
        let mut c = with_profile();
        c.profile.sectors.to_mut()[0].sources = ids(&[]);
        assert!(first(&c).starts_with("profile.sector[0].sources: no sources"));
        let mut c = with_profile();
        c.profile.platforms.to_mut()[0].sources = ids(&["S9"]);
        assert_eq!(first(&c), "profile.platform[0].sources[0]: unknown source id \"S9\" (no source has this id)");
        let mut c = with_profile();
        c.profile.platforms.to_mut()[0].label.es = "".into();
        assert_eq!(first(&c), "profile.platform[0].label.es: is empty");
        let mut c = with_profile();
        c.profile.source_line = t("");
        assert_eq!(first(&c), "profile.source_line.en: is empty");
        let mut c = with_profile();
        c.profile.stolen.sources = ids(&[]);
        assert!(first(&c).starts_with("profile.stolen.sources: no sources"));
    }

    #[test]
    fn extensions_are_plain_and_listed_once() {
        let mut c = with_profile();
        c.profile.stolen.extensions = ids(&["PGP", ".RDP"]);
        assert_eq!(first(&c), "profile.stolen.extensions[1]: \".RDP\" is not a file extension (1 to 16 letters or digits, no dot)");
        c.profile.stolen.extensions = ids(&["PGP", "PGP"]);
        assert_eq!(first(&c), "profile.stolen.extensions[1]: extension \"PGP\" listed twice");
    }
}
