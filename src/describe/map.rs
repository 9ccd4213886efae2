//! The map's words: the summary a screen reader hears, which says where the
//! affected countries are by UN M49 region and sub-region, counted from the
//! data (`model::places` gives each code its sub-region), then the
//! published counts, the countries without one, and the rest of the world.
//! Tooltips, the data table and the CSV are the bars' (the same countries).

use crate::i18n::{fill, format_count, join_list, map_strings};
use crate::model::places::{find, Region, Subregion};
use crate::model::{Campaign, Lang};

/// A region, its number of countries, and its sub-regions with theirs.
pub type RegionCount = (Region, usize, Vec<(Subregion, usize)>);

/// Regions and, within each, sub-regions with their number of countries:
/// most first, ties in the table's order.
pub fn by_region(c: &Campaign) -> Vec<RegionCount> {
    let mut subs: Vec<(Subregion, usize)> = Vec::new();
    for k in c.countries.iter() {
        let Some(place) = find(&k.code) else { continue };
        match subs.iter_mut().find(|s| s.0 == place.subregion) {
            Some(s) => s.1 += 1,
            None => subs.push((place.subregion, 1)),
        }
    }
    // Most countries first, ties in the table's order: the crate's one sort.
    let order = |n: &[(usize, usize)]| {
        crate::sort::by(n.len(), &|a, b| match (n.get(a), n.get(b)) {
            (Some((rank_a, count_a)), Some((rank_b, count_b))) => count_b.cmp(count_a).then(rank_a.cmp(rank_b)),
            _ => std::cmp::Ordering::Equal,
        })
    };
    let sub_keys: Vec<(usize, usize)> = subs.iter().map(|(s, n)| (*s as usize, *n)).collect();
    let subs = crate::sort::apply(&subs, &order(&sub_keys));
    let mut regions: Vec<RegionCount> = Vec::new();
    for (s, n) in subs {
        match regions.iter_mut().find(|r| r.0 == s.region()) {
            Some(r) => {
                r.1 += n;
                r.2.push((s, n));
            }
            None => regions.push((s.region(), n, vec![(s, n)])),
        }
    }
    let region_keys: Vec<(usize, usize)> = regions.iter().map(|(r, n, _)| (*r as usize, *n)).collect();
    crate::sort::apply(&regions, &order(&region_keys))
}

/// The screen-reader summary of the map, e.g. "The Mask (Careto): 31
/// countries affected, 10 in the Americas (9 in Latin America and the
/// Caribbean, 1 in Northern America), 9 in Europe (…), … Counts were
/// published for 11 of them: Morocco 384, …. No count was published for 20
/// of them. Every other country on the map: no victims reported." and the
/// source line.
pub fn map_summary(c: &Campaign, lang: Lang) -> String {
    let s = map_strings(lang);
    let parts: Vec<String> = by_region(c)
        .into_iter()
        .map(|(region, n, subs)| {
            let name = s.regions.get(region as usize).copied().unwrap_or("");
            let inner: Vec<String> = subs
                .iter()
                .map(|(sub, k)| fill(s.map_summary_in, &[("n", &k.to_string()), ("region", s.subregions.get(*sub as usize).copied().unwrap_or(""))]))
                .collect();
            format!("{} ({})", fill(s.map_summary_in, &[("n", &n.to_string()), ("region", name)]), inner.join(", "))
        })
        .collect();
    let mut out = super::headline_sentence(c, lang);
    out += &fill(s.map_summary_where, &[("name", c.name.get(lang)), ("n", &c.countries.len().to_string()), ("where", &join_list(&parts, lang))]);
    let published: Vec<String> = super::ranked(c, lang).iter().map(|(k, v)| format!("{} {}", k.name.get(lang), format_count(*v, lang))).collect();
    if !published.is_empty() {
        out.push(' ');
        out.push_str(&fill(s.map_summary_counts, &[("k", &published.len().to_string()), ("list", &join_list(&published, lang))]));
    }
    let unpublished = c.countries.iter().filter(|k| k.count.value().is_none()).count();
    if unpublished > 0 {
        out.push(' ');
        out.push_str(&fill(s.map_summary_no_count, &[("u", &unpublished.to_string())]));
    }
    out.push(' ');
    out.push_str(s.map_summary_rest);
    let elsewhere: Vec<String> = c.countries.iter().filter(|k| find(&k.code).is_none()).map(|k| k.name.get(lang).to_string()).collect();
    if !elsewhere.is_empty() {
        out.push(' ');
        out.push_str(&fill(s.map_not_on_map, &[("names", &join_list(&elsewhere, lang))]));
    }
    out.push(' ');
    out.push_str(c.bars_source_line.get(lang));
    out.push(' ');
    // (The dots are the picture's; a reader of the summary is told the places.)
    out.push_str(&s.source(c, ""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::careto;

    #[test]
    fn the_summary_says_where_by_region_counted_from_the_data() {
        let en = map_summary(&careto(), Lang::En);
        assert!(
            en.contains(
                "The real totals may be much higher: victims were counted only on some command-and-control servers. The Mask (Careto): 31 countries affected, 10 in the Americas (9 in Latin America and the Caribbean, 1 in Northern America), \
                 9 in Europe (4 in Western Europe, 2 in Northern Europe, 2 in Southern Europe, 1 in Eastern Europe), \
                 6 in Africa (5 in Northern Africa, 1 in Sub-Saharan Africa) \
                 and 6 in Asia (2 in Southern Asia, 2 in Western Asia, 1 in Eastern Asia, 1 in South-eastern Asia). \
                 Counts were published for 11 of them: Morocco 384, Brazil 137, United Kingdom 109,"
            ),
            "{en}"
        );
        assert!(en.contains(", Tunisia 3 and Algeria 1. No count was published for 20 of them. Every other country on the map: no victims reported."), "{en}");
        assert!(en.contains("Natural Earth 1:110m (public domain), Equal Earth projection"), "{en}");
        assert!(!en.contains("not affected"));
        let es = map_summary(&careto(), Lang::Es);
        assert!(
            es.contains(
                "The Mask (Careto): 31 países afectados, 10 en las Américas (9 en América Latina y el Caribe, 1 en América septentrional), 9 en Europa ("
            ),
            "{es}"
        );
        assert!(es.contains("Túnez 3 y Argelia 1. No se publicó cifra de 20 de ellos. Resto de los países del mapa: sin víctimas notificadas."), "{es}");
    }

    #[test]
    fn invented_places_are_counted_apart() {
        let mut c = careto();
        c.countries.to_mut().truncate(2);
        if let Some(k) = c.countries.to_mut().get_mut(1) {
            k.code = "XAL".into();
        }
        let en = map_summary(&c, Lang::En);
        assert!(en.contains(" The Mask (Careto): 2 countries affected, 1 in Africa (1 in Northern Africa)."), "{en}");
        assert!(en.contains("Not on the map (codes of their own): Brazil."), "{en}");
    }
}
