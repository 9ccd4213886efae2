//! What a screen reader hears of a whole chart: its summary, after the
//! headline figures, from the same data as the picture.

#[cfg(careto_map)]
use super::map;
#[cfg(careto_profile)]
use super::profile;
use super::{headline_sentence, ranked, status_words};
use crate::i18n::{capitalize, fill, format_count, format_date, summary_strings};
use crate::model::{Campaign, Count, Lang};
use crate::view::View;

/// Why the published counts are (almost certainly) of IP addresses, not of
/// victims, computed from the data: they add up to more than twice the
/// unique victims and to less than the victim IP addresses of the
/// campaign's totals (`unique_victims`, `victim_ip_addresses`). `None` when
/// the campaign lacks either total or its figures do not bear it out.
pub fn measure_argument(c: &Campaign, lang: Lang) -> Option<String> {
    let total = |key: &str| c.totals.iter().find(|t| t.key == key);
    let (victims, ips) = (total("unique_victims")?, total("victim_ip_addresses")?);
    let counts: Vec<u64> = c.countries.iter().filter_map(|k| k.count.value()).map(u64::from).collect();
    let sum: u64 = counts.iter().sum();
    if counts.is_empty() || sum <= 2 * u64::from(victims.value) || sum >= u64::from(ips.value) {
        return None;
    }
    let sum = format_count(u32::try_from(sum).ok()?, lang);
    let (k, v, i) = (counts.len().to_string(), format_count(victims.value, lang), format_count(ips.value, lang));
    Some(fill(
        summary_strings(lang).summary_argument,
        &[
            ("k", &k),
            ("sum", &sum),
            ("victims", &v),
            ("victims_q", victims.qualifier.get(lang)),
            ("victims_label", victims.label.get(lang)),
            ("ips", &i),
            ("ips_q", ips.qualifier.get(lang)),
            ("ips_label", ips.label.get(lang)),
        ],
    ))
}

/// The most countries or events a summary names one by one; the rest are
/// counted ("and 990 more countries (all in the data table)"). A summary
/// is heard whole: one of 10,000 events was 400 KB of text, which took
/// Chromium about 100 ms to lay out in the hidden summary (issue 13.3).
pub const SUMMARY_ITEMS: usize = 50;

/// `n` as a count to print (saturating: no list has 2^32 items).
fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The screen-reader summary of the bars, e.g. "Counts per country, almost
/// certainly of victim IP addresses: Morocco had the largest published count,
/// 384, followed by Brazil, 137, …", why the measure is what it is (computed:
/// [`measure_argument`]), "20 more countries were affected but no count was
/// published.", and the source line.
pub fn bars_summary(c: &Campaign, lang: Lang) -> String {
    let s = summary_strings(lang);
    let ranked = ranked(c, lang);
    let measure = c.measure.get(lang);
    let unpublished = c.countries.iter().filter(|k| k.count == Count::NotPublished).count();
    let mut out = headline_sentence(c, lang);
    if let Some(((first, n), rest)) = ranked.split_first() {
        let (name, n) = (first.name.get(lang), format_count(*n, lang));
        out.push_str(&match c.hedge(lang) {
            Some(hedge) => fill(s.summary_leader_hedged, &[("hedge", hedge), ("measure", measure), ("country", name), ("n", &n)]),
            None => fill(s.summary_leader, &[("country", name), ("measure", measure), ("n", &n)]),
        });
        if !rest.is_empty() {
            let listed = if crate::ANY_CAMPAIGN { rest.get(..SUMMARY_ITEMS - 1).unwrap_or(rest) } else { rest };
            let mut others: Vec<String> = listed.iter().map(|(k, n)| format!("{}, {}", k.name.get(lang), format_count(*n, lang))).collect();
            if crate::ANY_CAMPAIGN && rest.len() > listed.len() {
                others.push(fill(s.summary_more_countries, &[("n", &format_count(count_u32(rest.len() - listed.len()), lang))]));
            }
            out.push_str(s.summary_followed_by);
            out.push_str(&crate::i18n::join(&others, "; "));
        }
        out.push('.');
        if let Some(why) = measure_argument(c, lang) {
            out.push(' ');
            out.push_str(&why);
        }
    }
    if unpublished > 0 {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&fill(s.summary_unpublished, &[("n", &unpublished.to_string())]));
    }
    out.push(' ');
    out.push_str(c.bars_source_line.get(lang));
    out
}

/// The screen-reader summary of the timeline: the active period, then each
/// event at its date's precision, by its label (the chart's own words; the
/// data table has the descriptions), alleged or secondary claims tagged.
pub fn timeline_summary(c: &Campaign, lang: Lang) -> String {
    let p = &c.active_period;
    let (start, end) = (format_date(&p.start, false, lang), format_date(&p.end, false, lang));
    let mut out = headline_sentence(c, lang);
    out.push_str(&fill(summary_strings(lang).summary_period, &[("label", p.label.get(lang)), ("start", &start), ("end", &end)]));
    for e in crate::order::events_by_date(c).take(if crate::ANY_CAMPAIGN { SUMMARY_ITEMS } else { usize::MAX }) {
        out.push(' ');
        // Each event is a sentence: "C. 2009: …", "Enero de 2014: …".
        out.push_str(&capitalize(&format_date(&e.date, e.approximate, lang)));
        out.push_str(": ");
        out.push_str(crate::text::trim_end_all(e.label.get(lang), "."));
        if let Some(tag) = status_words(e.status, lang) {
            out.push_str(" (");
            out.push_str(tag);
            out.push(')');
        }
        out.push('.');
    }
    if crate::ANY_CAMPAIGN && c.events.len() > SUMMARY_ITEMS {
        out.push(' ');
        out.push_str(&fill(summary_strings(lang).summary_more_events, &[("n", &format_count(count_u32(c.events.len() - SUMMARY_ITEMS), lang))]));
    }
    out.push(' ');
    out.push_str(c.timeline_source_line.get(lang));
    out
}

/// The screen-reader summary of `view`.
pub fn summary(c: &Campaign, view: View, lang: Lang) -> String {
    match view.drawn() {
        View::Bars => bars_summary(c, lang),
        View::Timeline => timeline_summary(c, lang),
        #[cfg(careto_profile)]
        View::Profile => profile::profile_summary(c, lang),
        #[cfg(careto_map)]
        View::Map => map::map_summary(c, lang),
    }
}

/// The screen-reader summary of each view of one campaign in one language.
/// A drawing kernel of one language built with `CARETO_SUMMARIES`
/// (scripts/build-wasm.sh: the file that `careto-details --summaries`
/// writes from [`summary`], natively) compiles in these texts, not the code
/// that writes them: its campaign is The Mask's, fixed, so they are
/// constants (cfg `careto_summaries`; -2.0 KB gzip of the article's
/// first-paint kernel). The full build, native code and the wasm tests
/// write them at run time.
pub struct Summaries {
    /// The bars' ([`bars_summary`]).
    pub bars: &'static str,
    /// The timeline's ([`timeline_summary`]).
    pub timeline: &'static str,
    /// The map's (`map::map_summary`).
    pub map: &'static str,
    /// The profile's (`profile::profile_summary`).
    pub profile: &'static str,
}

/// The summaries this kernel compiled in (see [`Summaries`]).
#[cfg(careto_summaries)]
const COMPILED: Summaries = include!(env!("CARETO_SUMMARIES"));

/// The screen-reader summary of `view` as this kernel compiled it in (see
/// [`Summaries`]): what [`summary`] says of its campaign in its language.
#[cfg(careto_summaries)]
pub fn compiled_summary(view: View) -> &'static str {
    match view.drawn() {
        View::Bars => COMPILED.bars,
        View::Timeline => COMPILED.timeline,
        #[cfg(careto_profile)]
        View::Profile => COMPILED.profile,
        #[cfg(careto_map)]
        View::Map => COMPILED.map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::careto;

    #[test]
    fn the_summary_names_the_leaders_and_the_unknowns() {
        let s = bars_summary(&careto(), Lang::En);
        assert!(
            s.contains(
                " Counts per country, almost certainly of victim IP addresses: Morocco had the largest published count, 384, followed by Brazil, 137; United Kingdom, 109;"
            ),
            "{s}"
        );
        assert!(s.contains("20 more countries were affected but no count was published."), "{s}");
        let es = bars_summary(&careto(), Lang::Es);
        assert!(
            es.contains(" Cifras por país, casi con seguridad de direcciones IP de víctimas: Marruecos encabeza la lista con 384, seguido de Brasil, 137;"),
            "{es}"
        );
        // Countries without a count may have had more: the leader's is the largest *published* count.
        assert!(!s.contains("had the most"), "{s}");
        // A campaign whose measure is certain names it plainly.
        let mut c = careto();
        c.measure_hedge = crate::model::Text::default();
        assert!(bars_summary(&c, Lang::En).contains(" Morocco had the largest published count of victim IP addresses, 384, followed by Brazil"));
        assert!(bars_summary(&c, Lang::Es).contains(" Marruecos encabeza la lista de direcciones IP de víctimas con 384, seguido de Brasil"));
    }

    #[test]
    fn each_event_of_the_timeline_summary_is_a_sentence() {
        let es = timeline_summary(&careto(), Lang::Es);
        assert!(es.contains(" Hacia 2009: ") && es.contains(" Enero de 2014: "), "{es}");
        assert!(!es.contains(". hacia ") && !es.contains(". enero "), "{es}");
        let en = timeline_summary(&careto(), Lang::En);
        assert!(en.contains(" C. 2009: ") && !en.contains(". c. "), "{en}");
    }
}
