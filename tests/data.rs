//! Data honesty: the compiled-in campaign says what the sources say, and no more.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use careto_viz::data::{careto, careto_ref, CARETO};
use careto_viz::model::validate::{validate, validate_all, MAX_YEAR, MIN_YEAR};
use careto_viz::model::{Campaign, Count, Country, Event, Precision, Status, Str};
use std::collections::HashSet;

fn country<'a>(c: &'a Campaign, code: &str) -> &'a Country {
    c.countries.iter().find(|k| k.code == code).unwrap_or_else(|| panic!("no country {code}"))
}

fn event<'a>(c: &'a Campaign, id: &str) -> &'a Event {
    c.events.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("no event {id}"))
}

fn cites(sources: &[Str], id: &str) -> bool {
    sources.iter().any(|s| s == id)
}

#[test]
fn validate_accepts_the_real_data() {
    let c = careto();
    assert_eq!(validate(&c), Ok(()));
    assert!(validate_all(&c).is_empty());
}

/// The article build (wasm without `custom-campaign`) draws the compiled-in
/// data with `ColorScale::careto()` instead of fitting classes at run time
/// (`ColorScale::for_values`): the two must agree on this data.
#[test]
fn the_compiled_in_data_fits_the_careto_classes() {
    use careto_viz::scale::ColorScale;
    let c = careto();
    let values: Vec<u32> = c.countries.iter().filter_map(|k| k.count.value()).collect();
    assert_eq!(ColorScale::fit(&values, 5), ColorScale::careto(), "data/careto.toml changed the colour classes: update ColorScale::careto()");
    assert_eq!(careto_viz::describe::color_scale(&c), ColorScale::careto());
}

#[test]
fn careto_is_the_static_borrowed() {
    use std::borrow::Cow;
    assert!(std::ptr::eq(careto_ref(), &CARETO));
    let c = careto();
    assert_eq!(&c, careto_ref());
    // A copy borrows the static's lists and strings: no allocation.
    assert!(matches!(c.countries, Cow::Borrowed(_)));
    assert!(std::ptr::eq(c.countries.as_ptr(), CARETO.countries.as_ptr()));
    assert!(matches!(c.countries[0].code, Cow::Borrowed(_)));
    assert!(matches!(c.name.en, Cow::Borrowed(_)));
}

#[test]
fn thirty_one_countries_with_unique_codes() {
    let c = careto();
    assert_eq!(c.countries.len(), 31);
    let codes: HashSet<&str> = c.countries.iter().map(|k| k.code.as_ref()).collect();
    assert_eq!(codes.len(), 31, "duplicate country codes");
    for k in c.countries.iter() {
        assert_eq!(k.code.len(), 3, "{}", k.code);
        assert!(k.code.bytes().all(|b| b.is_ascii_uppercase()), "{}", k.code);
        assert!(!k.name.en.is_empty() && !k.name.es.is_empty(), "{}", k.code);
    }
    // The 31 countries total agrees with the list.
    let total = c.totals.iter().find(|t| t.key == "countries").unwrap();
    assert_eq!(total.value, 31);
}

#[test]
fn eleven_published_twenty_not_published() {
    let c = careto();
    let published: Vec<(&str, u32)> = c.countries.iter().filter_map(|k| k.count.value().map(|v| (k.code.as_ref(), v))).collect();
    assert_eq!(published.len(), 11, "{published:?}");
    let not = c.countries.iter().filter(|k| k.count == Count::NotPublished).count();
    assert_eq!(not, 20);
    let expected =
        [("MAR", 384), ("BRA", 137), ("GBR", 109), ("FRA", 53), ("ESP", 51), ("CHE", 33), ("LBY", 26), ("USA", 22), ("DEU", 3), ("TUN", 3), ("DZA", 1)];
    for (code, v) in expected {
        assert_eq!(country(&c, code).count, Count::Published(v), "{code}");
    }
}

#[test]
fn counts_are_positive_never_zero() {
    // A country is in the list because it was affected: no published figure is
    // written as "not published", never as 0.
    for k in careto().countries.iter() {
        if let Count::Published(v) = k.count {
            assert!(v > 0, "{} has a count of 0", k.code);
        }
    }
}

#[test]
fn every_country_cites_s1_and_morocco_its_press_sources() {
    let c = careto();
    for k in c.countries.iter() {
        assert!(cites(&k.sources, "S1"), "{} does not cite S1", k.code);
    }
    let mar = country(&c, "MAR");
    assert_eq!(mar.count, Count::Published(384));
    for id in ["S1", "S3", "S4", "S5", "S6"] {
        assert!(cites(&mar.sources, id), "MAR misses {id}");
    }
    let alts: Vec<u32> = mar.alternatives.iter().map(|a| a.value).collect();
    assert_eq!(alts, vec![383, 391]);
    assert!(mar.government_targets_only);
    let bra = country(&c, "BRA");
    assert_eq!(bra.alternatives.len(), 1);
    assert_eq!(bra.alternatives[0].value, 173);
    assert_eq!(bra.alternatives[0].sources, vec!["S17".to_string()]);
}

#[test]
fn morocco_count_exceeds_unique_victims_so_measure_is_ip_addresses() {
    let c = careto();
    let victims = c.totals.iter().find(|t| t.key == "unique_victims").unwrap();
    assert_eq!(victims.value, 380);
    assert!(country(&c, "MAR").count.value().unwrap() > victims.value);
    assert_eq!(c.measure.en, "victim IP addresses");
}

#[test]
fn government_only_targets_per_s6() {
    let c = careto();
    let gov: HashSet<&str> = c.countries.iter().filter(|k| k.government_targets_only).map(|k| k.code.as_ref()).collect();
    assert_eq!(gov, HashSet::from(["MAR", "CHE", "CUB", "GIB"]));
    // S6 is cited for the claim itself (in each tooltip), not as a source of
    // every such country's count: Switzerland's 33 rests on S3 and S7.
    assert_eq!(c.government_targets_sources.iter().map(|s| s.as_ref()).collect::<Vec<_>>(), ["S6"]);
}

#[test]
fn cuba_has_no_bar_value_but_a_46_computers_note() {
    let c = careto();
    let cub = country(&c, "CUB");
    assert_eq!(cub.count, Count::NotPublished);
    assert_eq!(cub.count.value(), None);
    assert_eq!(cub.other_figures.len(), 1);
    let f = &cub.other_figures[0];
    assert_eq!(f.value, 46);
    assert_eq!(f.unit.en, "computers");
    assert_eq!(f.unit.es, "ordenadores");
    assert!(!f.note.en.is_empty() && !f.note.es.is_empty());
    assert_eq!(f.sources, vec!["S10".to_string()]);
}

#[test]
fn every_source_id_used_resolves() {
    let c = careto();
    let known: HashSet<&str> = c.sources.iter().map(|s| s.id.as_ref()).collect();
    assert_eq!(known.len(), c.sources.len(), "duplicate source ids");
    let mut used: Vec<&Str> = Vec::new();
    used.extend(c.totals.iter().flat_map(|t| t.sources.iter()));
    used.extend(c.active_period.sources.iter());
    for k in c.countries.iter() {
        assert!(!k.sources.is_empty(), "{}", k.code);
        used.extend(k.sources.iter());
        used.extend(k.alternatives.iter().flat_map(|a| a.sources.iter()));
        used.extend(k.other_figures.iter().flat_map(|f| f.sources.iter()));
    }
    for e in c.events.iter() {
        assert!(!e.sources.is_empty(), "{}", e.id);
        used.extend(e.sources.iter());
    }
    for id in used {
        assert!(known.contains(id.as_ref()), "unknown source id {id}");
    }
}

#[test]
fn bibliography_is_s1_to_s39() {
    let c = careto();
    let ids: Vec<String> = c.sources.iter().map(|s| s.id.to_string()).collect();
    let expected: Vec<String> = (1..=39).map(|i| format!("S{i}")).collect();
    assert_eq!(ids, expected);
    let s1 = &c.sources[0];
    assert_eq!(s1.date, "2014-02-10");
    assert!(s1.url.starts_with("https://securelist.com/"));
    // Sources that were not read, or read second-hand, say so.
    for (id, word) in [("S2", "Not read"), ("S14", "Low reliability"), ("S27", "mirrors")] {
        let s = c.sources.iter().find(|s| s.id == id).unwrap();
        assert!(s.note.contains(word), "{id}: {}", s.note);
    }
}

#[test]
fn event_dates_valid_and_in_range() {
    let c = careto();
    assert_eq!(c.events.len(), 11);
    let ids: HashSet<&str> = c.events.iter().map(|e| e.id.as_ref()).collect();
    assert_eq!(ids.len(), 11, "duplicate event ids");
    for e in c.events.iter() {
        assert!((MIN_YEAR..=MAX_YEAR).contains(&e.date.year), "{}", e.id);
        if let Some(m) = e.date.month {
            assert!((1..=12).contains(&m), "{}", e.id);
        }
        assert!(e.date.day.is_none() || e.date.month.is_some(), "{}", e.id);
        let (a, b) = e.date.bounds();
        assert!(a < b);
        // Short enough for a 640 px timeline.
        assert!(e.label.en.chars().count() <= 28, "{}: {}", e.id, e.label.en);
        assert!(e.label.es.chars().count() <= 28, "{}: {}", e.id, e.label.es);
    }
    // Events are in file order by date.
    for w in c.events.windows(2) {
        assert!(w[0].date.bounds().0 <= w[1].date.bounds().0, "{} after {}", w[0].id, w[1].id);
    }
}

#[test]
fn dates_keep_their_precision() {
    let c = careto();
    assert_eq!(event(&c, "earliest-samples").date.precision(), Precision::Year);
    assert_eq!(event(&c, "c2-offline").date.precision(), Precision::Month);
    assert_eq!(event(&c, "disclosure").date.precision(), Precision::Day);
    let d = event(&c, "disclosure").date;
    assert_eq!((d.year, d.month, d.day), (2014, Some(2), Some(10)));
    assert_eq!(c.active_period.start.precision(), Precision::Year);
    assert_eq!(c.active_period.start.year, 2007);
    assert_eq!(c.active_period.end.year, 2014);
    assert_eq!(c.active_period.end.month, Some(1));
}

#[test]
fn approximate_dates_are_marked_with_a_note() {
    let c = careto();
    let approx: Vec<&str> = c.events.iter().filter(|e| e.approximate).map(|e| e.id.as_ref()).collect();
    assert_eq!(approx, vec!["kaspersky-flaw-fixed", "return-2024"]);
    let fixed = event(&c, "kaspersky-flaw-fixed");
    assert_eq!(fixed.date.year, 2009);
    assert!(fixed.note.en.contains("S32"));
    let back = event(&c, "return-2024");
    assert_eq!((back.date.year, back.date.month), (2024, Some(5)));
}

#[test]
fn attributions_are_alleged_and_the_return_secondary() {
    let c = careto();
    let by_status = |s: Status| -> Vec<&str> { c.events.iter().filter(|e| e.status == s).map(|e| e.id.as_ref()).collect() };
    assert_eq!(by_status(Status::Alleged), vec!["el-mundo-cni", "techcrunch-spain"]);
    assert_eq!(by_status(Status::Secondary), vec!["report-pdf", "return-2024"]);
    let cni = event(&c, "el-mundo-cni");
    assert_eq!((cni.date.year, cni.date.month), (2015, Some(2)));
    let tc = event(&c, "techcrunch-spain");
    assert_eq!((tc.date.year, tc.date.month, tc.date.day), (2025, Some(5), Some(23)));
    // Nothing about a government is reported as fact.
    for e in c.events.iter() {
        let text = format!("{} {}", e.label.en, e.description.en).to_lowercase();
        if text.contains("spanish government") || text.contains("cni") {
            assert_eq!(e.status, Status::Alleged, "{}", e.id);
        }
    }
}

#[test]
fn source_lines_are_short_and_name_kaspersky() {
    let c = careto();
    for line in [&c.bars_source_line, &c.timeline_source_line] {
        for s in [&line.en, &line.es] {
            assert!(s.contains("Kaspersky") && s.contains("S1"), "{s}");
            assert!(s.chars().count() <= 200, "{} chars: {s}", s.chars().count());
        }
    }
}

/// The article's drawing kernel compiles in only `CARETO_FIRST_PAINT`: every
/// picture, title and summary must come out the same as from the whole data.
#[test]
fn the_first_paint_data_draws_and_says_exactly_what_the_whole_data_does() {
    use careto_viz::chart::{ChartOptions, Layout, View};
    use careto_viz::data::CARETO_FIRST_PAINT;
    use careto_viz::describe;
    use careto_viz::model::Lang;
    use careto_viz::theme::ThemeName;
    let (full, slim) = (&CARETO, &CARETO_FIRST_PAINT);
    assert!(slim.sources.is_empty() && slim.countries.iter().all(|k| k.notes.is_empty() && k.sources.is_empty()), "the slim data is slim");
    for view in [View::Bars, View::Timeline, View::Profile] {
        for lang in [Lang::En, Lang::Es] {
            for width in [280.0, 320.0, 375.0, 479.0, 480.0, 640.0, 1024.0, 1280.0] {
                let o = ChartOptions { view, lang, theme: ThemeName::Light, width, ..ChartOptions::default() };
                assert_eq!(Layout::new(slim, &o), Layout::new(full, &o), "{view:?} {lang:?} {width}");
            }
            assert_eq!(describe::title(slim, view, lang), describe::title(full, view, lang));
            assert_eq!(describe::summary(slim, view, lang), describe::summary(full, view, lang));
        }
        assert_eq!(describe::bars_summary(slim, Lang::En), describe::bars_summary(full, Lang::En));
        assert_eq!(describe::timeline_summary(slim, Lang::Es), describe::timeline_summary(full, Lang::Es));
    }
}

/// Each drawing kernel compiles in one language of the first-paint data's
/// picture texts (build.rs, `careto_lang`: `map_picture_texts` keeps one):
/// the bars, the timeline and the profile in that language, their titles
/// and summaries, must come out the same, and no text of the other
/// language is left.
#[test]
fn a_kernel_of_one_language_draws_and_says_in_it_what_the_first_paint_data_does() {
    use careto_viz::chart::{ChartOptions, Layout, View};
    use careto_viz::data::CARETO_FIRST_PAINT;
    use careto_viz::describe;
    use careto_viz::model::{Lang, Text};
    use careto_viz::theme::ThemeName;
    let full = &CARETO_FIRST_PAINT;
    for lang in [Lang::En, Lang::Es] {
        let keep = |s: &Str, l: Lang| if l == lang { s.clone() } else { Str::default() };
        let one = full.map_picture_texts(&mut |t| Text { en: keep(&t.en, Lang::En), es: keep(&t.es, Lang::Es) });
        let other = if lang == Lang::En { Lang::Es } else { Lang::En };
        assert!(one.countries.iter().all(|k| k.name.get(other).is_empty() && !k.name.get(lang).is_empty()));
        assert!(one.events.iter().all(|e| e.label.get(other).is_empty()));
        assert!(one.name.get(other).is_empty() && one.bars_source_line.get(other).is_empty() && one.timeline_source_line.get(other).is_empty());
        assert!(one.profile.sectors.iter().all(|s| s.label.get(other).is_empty()) && one.profile.source_line.get(other).is_empty());
        for view in [View::Bars, View::Timeline, View::Profile] {
            for width in [280.0, 375.0, 640.0, 1280.0] {
                let o = ChartOptions { view, lang, theme: ThemeName::Light, width, ..ChartOptions::default() };
                assert_eq!(Layout::new(&one, &o), Layout::new(full, &o), "{view:?} {lang:?} {width}");
            }
            assert_eq!(describe::title(&one, view, lang), describe::title(full, view, lang));
            assert_eq!(describe::summary(&one, view, lang), describe::summary(full, view, lang));
        }
    }
}

/// The release wasm is built with `-Zfmt-debug=none` (wasm-pack.toml), which
/// prints `{:?}` as nothing: no message of the library may use it.
#[test]
fn no_message_in_the_library_formats_with_debug() {
    fn walk(dir: &std::path::Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("bin") {
                    walk(&path, found);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                // Test modules print with Debug freely; they never reach the wasm.
                let cut = ["#[cfg(test)]", "#[cfg(all(test,"].iter().filter_map(|m| text.find(m)).min().unwrap_or(text.len());
                let library = text.get(..cut).unwrap_or_default();
                for (i, line) in library.lines().enumerate() {
                    if line.contains(":?}") || line.contains(":#?}") {
                        found.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
                    }
                }
            }
        }
    }
    let mut found = Vec::new();
    walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut found);
    assert!(found.is_empty(), "Debug formatting in library code:\n{}", found.join("\n"));
}
