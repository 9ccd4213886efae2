//! What a screen reader hears of a whole chart besides the data: the
//! sentences of the bars' and the timeline's summaries, and a claim's
//! status in running text.

use crate::model::Lang;

/// The words of the summaries.
#[derive(Debug, Clone, Copy)]
pub struct SummaryStrings {
    /// Bars summary: the country with the largest published figure (not
    /// "the most": countries without a count may have had more), `{country}`, `{measure}` and `{n}` filled in.
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
    /// Bars summary: how many countries with a figure are not listed, `{n}` filled in.
    pub summary_more_countries: &'static str,
    /// Bars summary: how many countries have no published figure, `{n}` filled in.
    pub summary_unpublished: &'static str,
    /// Timeline summary: the active period, `{label}`, `{start}` and `{end}` filled in.
    pub summary_period: &'static str,
    /// Timeline summary: how many events are not listed, `{n}` filled in.
    pub summary_more_events: &'static str,
    /// A secondary-only claim's status, in running text.
    pub status_secondary: &'static str,
    /// An alleged claim's status, in running text.
    pub status_alleged: &'static str,
}

/// The summary strings of `lang`.
pub fn summary_strings(lang: Lang) -> &'static SummaryStrings {
    match super::compiled(lang) {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

const EN: SummaryStrings = SummaryStrings {
    summary_leader: "{country} had the largest published count of {measure}, {n}",
    summary_leader_hedged: "Counts per country, {hedge} of {measure}: {country} had the largest published count, {n}",
    summary_argument: "The {k} published counts add up to {sum}: more than twice the {victims} {victims_label} (“{victims_q} {victims}”) and below the “{ips_q} {ips}” {ips_label}. So they almost certainly count IP addresses, not victims.",
    summary_followed_by: ", followed by ",
    summary_more_countries: "and {n} more {country|countries} (all in the data table)",
    summary_unpublished: "{n} more {country was|countries were} affected but no count was published.",
    summary_period: "{label}: from {start} to {end}.",
    summary_more_events: "And {n} more {event|events}, all in the data table.",
    status_secondary: "known only from secondary reports",
    status_alleged: "alleged",
};

const ES: SummaryStrings = SummaryStrings {
    summary_leader: "{country} encabeza la lista de {measure} con {n}",
    summary_leader_hedged: "Cifras por país, {hedge} de {measure}: {country} encabeza la lista con {n}",
    summary_argument: "Las {k} cifras publicadas suman {sum}: más del doble de las {victims} {victims_label} («{victims_q} {victims}») y menos que las «{ips_q} {ips}» {ips_label}. Así que casi con seguridad cuentan direcciones IP, no víctimas.",
    summary_followed_by: ", seguido de ",
    summary_more_countries: "y {n} {país|países} más (todos en la tabla de datos)",
    summary_unpublished: "{n} {país más resultó afectado|países más resultaron afectados}, pero no se publicó su cifra.",
    summary_period: "{label}: de {start} a {end}.",
    summary_more_events: "Y {n} {suceso|sucesos} más, todos en la tabla de datos.",
    status_secondary: "solo se conoce por fuentes secundarias",
    status_alleged: "acusación, no hecho probado",
};
