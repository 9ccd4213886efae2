//! The profile view (issue 15.3): who and what was targeted, from
//! ../shared/data/careto-research.json (target_sectors, platforms,
//! stolen_data), with their source ids; no counts or sizes; keyboard items
//! with tooltips; summary, table and CSV; both languages, 320–1280 px.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use careto_viz::chart::{ChartOptions, Layout, View};
use careto_viz::data::careto;
use careto_viz::describe;
use careto_viz::details;
use careto_viz::layout::{Scene, Shape, Target, MAX_HIT_BOX_HEIGHT};
use careto_viz::model::{Lang, PlatformStatus};

const LANGS: [Lang; 2] = [Lang::En, Lang::Es];
const WIDTHS: [f64; 6] = [320.0, 375.0, 480.0, 640.0, 1024.0, 1280.0];

fn layout(width: f64, lang: Lang) -> Layout {
    Layout::new(&careto(), &ChartOptions { view: View::Profile, lang, width, ..ChartOptions::default() })
}

/// The research notes, as a JSON value (they sit beside the repository).
fn research() -> Option<serde_json::Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/careto-research.json");
    std::fs::read_to_string(path).ok().map(|t| serde_json::from_str(&t).unwrap())
}

/// The data file's profile is the research notes', with their source ids.
#[test]
fn the_profile_is_the_research_notes() {
    let c = careto();
    let p = &c.profile;
    let sectors: Vec<&str> = p.sectors.iter().map(|s| s.label.en.as_ref()).collect();
    assert_eq!(
        sectors,
        [
            "Government institutions",
            "Diplomatic offices and embassies",
            "Energy, oil and gas companies",
            "Research institutions",
            "Private equity firms",
            "Activists"
        ]
    );
    assert!(p.sectors.iter().all(|s| s.sources.iter().map(|x| x.as_ref()).collect::<Vec<_>>() == ["S1"]));
    let statuses: Vec<(&str, PlatformStatus)> = p.platforms.iter().map(|f| (f.label.en.as_ref(), f.status)).collect();
    assert_eq!(
        statuses,
        [
            ("Windows (32- and 64-bit)", PlatformStatus::Analysed),
            ("Mac OS X", PlatformStatus::Analysed),
            ("Linux", PlatformStatus::Partial),
            ("iOS (iPad)", PlatformStatus::Suspected),
            ("Android", PlatformStatus::Suspected)
        ]
    );
    assert_eq!(p.stolen.extensions.len(), 49);
    assert_eq!(p.stolen.quote, "encryption keys, VPN configurations, SSH keys and RDP files");
    let Some(r) = research() else { return };
    let want: Vec<&str> = r["target_sectors"]["values"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(sectors, want);
    let exts: Vec<&str> = r["stolen_data"]["file_extensions"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(p.stolen.extensions.iter().map(|e| e.as_ref()).collect::<Vec<_>>(), exts);
    assert_eq!(r["stolen_data"]["summary_quote"].as_str(), Some(p.stolen.quote.as_ref()));
    for (f, q) in p.platforms.iter().zip(r["platforms"].as_array().unwrap()) {
        if let Some(quote) = q["quote"].as_str() {
            assert_eq!(f.quote, quote, "{}", f.label.en);
        }
        let ids: Vec<&str> = q["source"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(f.sources.iter().map(|x| x.as_ref()).collect::<Vec<_>>(), ids, "{}", f.label.en);
    }
}

fn texts(scene: &Scene) -> Vec<String> {
    scene.shapes.iter().filter_map(|s| if let Shape::Text { text, .. } = s { Some(text.clone()) } else { None }).collect()
}

/// No counts or sizes: sectors are names, never bars or numbers.
#[test]
fn sectors_are_drawn_without_sizes() {
    for lang in LANGS {
        let l = layout(640.0, lang);
        let t = texts(l.scene());
        for s in careto().profile.sectors.iter() {
            assert!(t.iter().any(|x| x == s.label.get(lang)), "{}", s.label.get(lang));
        }
        // The only rectangles are the background and the platform marks (14 px wide), none sized by data.
        let rects: Vec<f64> = l.scene().shapes.iter().filter_map(|s| if let Shape::Rect { rect, .. } = s { Some(rect.w) } else { None }).collect();
        assert!(rects.iter().skip(1).all(|w| *w == 14.0), "{rects:?}");
    }
}

/// 320 to 1280 px, both languages: every text and hit box inside the
/// canvas, texts never overlapping, every keyboard item with a tooltip
/// (the details), hit at its centre.
#[test]
fn fits_every_width_and_every_item_has_its_tooltip() {
    let c = careto();
    for lang in LANGS {
        let d = details::details(&c, View::Profile, lang);
        assert_eq!(d.tips.len(), 6 + 5 + 2);
        // A heading row before each aspect's rows, then three cells a row.
        assert_eq!(d.table.rows.len(), 4 + 6 + 5 + 2);
        let heads: Vec<&str> = d.table.rows.iter().filter(|r| r.cells.len() == 1).map(|r| r.cells[0].as_str()).collect();
        let want = match lang {
            Lang::En => ["Target sectors", "Platforms", "Stolen data", "File extensions sought"],
            Lang::Es => ["Sectores atacados", "Plataformas", "Datos robados", "Extensiones de archivo buscadas"],
        };
        assert_eq!(heads, want);
        assert!(d.table.rows.iter().all(|r| r.cells.len() == 1 || r.cells.len() == d.table.head.len()), "{lang:?}");
        assert_eq!(d.table.rows[1].cells[0], c.profile.sectors[0].label.get(lang));
        for &w in &WIDTHS {
            let l = layout(w, lang);
            let scene = l.scene();
            assert!(scene.texts_on_top(), "{w}");
            let boxes: Vec<_> = scene.shapes.iter().filter_map(Scene::text_box).collect();
            for (i, a) in boxes.iter().enumerate() {
                assert!(a.x >= 0.0 && a.right() <= scene.width + 0.5, "{lang:?} {w}: text {a:?} leaves the canvas");
                for b in &boxes[i + 1..] {
                    let overlap = a.x < b.right() - 0.5 && b.x < a.right() - 0.5 && a.y < b.bottom() - 1.0 && b.y < a.bottom() - 1.0;
                    assert!(!overlap, "{lang:?} {w}: texts {a:?} and {b:?} overlap");
                }
            }
            let items = l.items();
            assert_eq!(items.len(), 13, "{lang:?} {w}");
            for item in &items {
                let p = item.rect.center();
                assert_eq!(l.hit(p.x, p.y), Some(item.target), "{lang:?} {w}: {item:?}");
                assert!(d.tips.iter().any(|t| t.key == item.target.key()), "{lang:?} {w}: no tip for {:?}", item.target);
            }
            let Layout::Profile(p) = &l else { panic!("not a profile") };
            assert!(p.hits.iter().all(|h| h.rect.h <= MAX_HIT_BOX_HEIGHT && h.rect.right() <= scene.width));
        }
    }
}

/// Tooltips carry the sources' words and ids; the summary, table and CSV say
/// it all, in both languages; a suspected platform is said to be suspected.
#[test]
fn the_words_of_the_profile() {
    let c = careto();
    let tip = |t: Target, lang| describe::tooltip(&c, t, lang).unwrap();
    let ios = tip(Target::Platform(3), Lang::En);
    assert_eq!(ios.title, "iOS (iPad)");
    assert_eq!(ios.lines[0], "Suspected: backdoor not found");
    assert!(ios.lines.contains(&"“We suspect an iOS backdoor exists but we haven't been able to locate it yet” (S1)".to_string()), "{:?}", ios.lines);
    assert!(ios.lines.last().unwrap().starts_with("Sources: S1 (Kaspersky Lab"));
    // A finding that begins with its status's words is not said twice.
    assert_eq!(tip(Target::Platform(0), Lang::En).lines[0], "Samples analysed");
    assert_eq!(tip(Target::Platform(1), Lang::Es).lines[0], "Muestras analizadas (Trojan.OSX.Careto)");
    assert_eq!(tip(Target::Platform(2), Lang::En).lines[0], "Partly seen: exploit-server modules seen; backdoor not found");
    let ext = tip(Target::Extensions, Lang::Es);
    assert_eq!(ext.title, "Archivos con 49 extensiones que buscaba");
    assert!(ext.lines[0].starts_with("AKF, ASC, AXX"));
    let sector = tip(Target::Sector(5), Lang::En);
    assert_eq!((sector.title.as_str(), sector.lines[0].as_str()), ("Activists", "A target sector the sources name; no counts or shares were published."));
    let en = describe::summary(&c, View::Profile, Lang::En);
    assert!(en.contains("Target sectors, with no counts or shares published: Government institutions; Diplomatic offices and embassies;"), "{en}");
    assert!(en.contains("iOS (iPad) (suspected): backdoor not found"), "{en}");
    assert!(en.contains("What it stole: Encryption keys, VPN configurations, SSH keys and RDP files; and files with 49 extensions: AKF, ASC,"), "{en}");
    assert!(en.ends_with(c.profile.source_line.en.as_ref()));
    let es = describe::summary(&c, View::Profile, Lang::Es);
    assert!(es.contains("Sectores atacados, sin cifras ni porcentajes publicados: Instituciones gubernamentales;"), "{es}");
    assert_eq!(describe::title(&c, View::Profile, Lang::Es), "The Mask (Careto): a quién y qué atacó");
    let csv = describe::csv(&c, View::Profile, Lang::Es);
    assert!(csv.starts_with(r#""aspecto";"elemento";"qué dicen las fuentes";"fuentes""#), "{}", &csv[..80]);
    assert_eq!(csv.lines().count(), 14);
    assert!(csv.contains(r#""Plataforma";"Android";"Sospecha: un identificador"#), "{csv}");
    assert!(csv.contains(r#""Plataforma";"Windows (32 y 64 bits)";"Muestras analizadas";"#), "{csv}");
    // The profile's details modules carry its words (careto-details --profile
    // writes them), and the article's do not.
    let words = serde_json::to_value(details::profile_words(&c, Lang::En)).unwrap();
    assert_eq!(words["profile"]["tips"].as_array().unwrap().len(), 13);
    assert!(words["csv"]["profile"].as_str().unwrap().starts_with("\"aspect\",\"item\""));
    let article = serde_json::to_value(details::words(&c, Lang::En)).unwrap();
    assert!(article.get("profile").is_none() && article["csv"].get("profile").is_none(), "the article's details carry the profile's words");
    assert_eq!(article["bars"]["tips"].as_array().unwrap().len(), 31);
    // A campaign without a profile says so, and still draws its header and an empty note.
    let mut none = careto();
    none.profile = Default::default();
    let l = Layout::new(&none, &ChartOptions { view: View::Profile, ..ChartOptions::default() });
    assert!(texts(l.scene()).iter().any(|t| t == "This campaign's data has no profile of its targets."));
    assert!(l.items().is_empty());
    assert!(describe::summary(&none, View::Profile, Lang::En).contains("no profile of its targets"));
}
