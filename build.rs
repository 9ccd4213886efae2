//! Compiles `data/careto.toml` into the module.
//!
//! Parses the data file into the model types (`src/model/mod.rs`), checks it
//! with the model's own rules (`src/model/validate.rs`), and writes a Rust
//! expression constructing the campaign to `$OUT_DIR/careto_data.rs`, which
//! `src/data.rs` includes. A broken data file stops the build with a message
//! naming the field, e.g. `data/careto.toml: country[8].count: ...`.

#[allow(dead_code, unused_imports)]
#[path = "src/model/mod.rs"]
mod model;

#[allow(dead_code)]
#[path = "build/data_file.rs"]
mod data_file;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=data/careto.toml");
    println!("cargo:rerun-if-changed=build/");
    println!("cargo:rerun-if-changed=src/model/");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=data/world-110m.bin");
    // `careto_map`: the world map is compiled in. Always natively (tests,
    // careto-render, fuzzing); in wasm only with the `map` feature, so that
    // a page without a map does not pay for its code.
    println!("cargo::rustc-check-cfg=cfg(careto_map)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    // The crate's Cargo features that make a wasm build what it is.
    let features = ["CARGO_FEATURE_MAP", "CARGO_FEATURE_PROFILE", "CARGO_FEATURE_DETAILS", "CARGO_FEATURE_CUSTOM_CAMPAIGN"];
    let on = |feature: &str| std::env::var_os(feature).is_some();
    if !wasm || on("CARGO_FEATURE_MAP") {
        println!("cargo:rustc-cfg=careto_map");
    }
    // `careto_map_only`, `careto_profile_only`: the map build and the
    // profile build (wasm, the `map` or the `profile` feature and no other):
    // each draws its view and nothing else, so the bars' and the timeline's
    // layouts and words and the campaign's events are left out of it (about
    // 8 KB gzip that no map or profile needs), and `view: "bars"` or
    // `"timeline"` is refused there, naming the builds that draw them.
    // `careto_article_views`: the bars and the timeline are drawn, as
    // everywhere else (natively, the article kernel, the details module,
    // the full build).
    println!("cargo::rustc-check-cfg=cfg(careto_map_only)");
    println!("cargo::rustc-check-cfg=cfg(careto_profile_only)");
    println!("cargo::rustc-check-cfg=cfg(careto_article_views)");
    let alone = |feature: &str| wasm && features.iter().all(|f| on(f) == (*f == feature));
    let map_only = alone("CARGO_FEATURE_MAP");
    let profile_only = alone("CARGO_FEATURE_PROFILE");
    if map_only {
        println!("cargo:rustc-cfg=careto_map_only");
    }
    if profile_only {
        println!("cargo:rustc-cfg=careto_profile_only");
    }
    let article_views = !(map_only || profile_only);
    if article_views {
        println!("cargo:rustc-cfg=careto_article_views");
    }
    // `careto_profile`: the profile view is compiled in. Natively, in the
    // details module (the profile's words), in the full build and in wasm
    // with the `profile` feature (the profile build); the article's first-paint
    // kernel leaves it out.
    println!("cargo::rustc-check-cfg=cfg(careto_profile)");
    let profile = !wasm || ["CARGO_FEATURE_PROFILE", "CARGO_FEATURE_DETAILS", "CARGO_FEATURE_CUSTOM_CAMPAIGN"].into_iter().any(on);
    if profile {
        println!("cargo:rustc-cfg=careto_profile");
    }
    // `careto_lang`: a drawing kernel of one language ("en" or "es":
    // scripts/build-wasm.sh builds the article's, the map's and the
    // profile's once per language, setting CARETO_LANG): only that
    // language's words and picture texts are compiled in, and a chart in
    // the other is drawn by the other kernel (src/i18n.rs, `speaks`). Unset
    // (the details modules, the full build, native builds, the wasm tests), both.
    println!("cargo::rustc-check-cfg=cfg(careto_lang, values(\"en\", \"es\"))");
    println!("cargo:rerun-if-env-changed=CARETO_LANG");
    let only = match std::env::var("CARETO_LANG") {
        Ok(l) if l == "en" || l == "es" => Some(l),
        Ok(l) if !l.is_empty() => {
            eprintln!("error: CARETO_LANG is \"{l}\": \"en\", \"es\" or unset");
            return ExitCode::FAILURE;
        }
        _ => None,
    };
    if let Some(l) = &only {
        println!("cargo:rustc-cfg=careto_lang=\"{l}\"");
    }
    // `careto_summaries`: a drawing kernel of one language compiles in its
    // views' screen-reader summaries, written natively by `careto-details
    // --summaries` (scripts/build-wasm.sh sets CARETO_SUMMARIES to the
    // file), not the code that writes them (src/describe/summary.rs,
    // `Summaries`). Only with CARETO_LANG, in wasm, and never in the full
    // build, whose campaign may be a newsroom's own.
    println!("cargo::rustc-check-cfg=cfg(careto_summaries)");
    println!("cargo:rerun-if-env-changed=CARETO_SUMMARIES");
    if let Some(path) = std::env::var_os("CARETO_SUMMARIES") {
        if only.is_none() || !wasm || on("CARGO_FEATURE_CUSTOM_CAMPAIGN") {
            eprintln!("error: CARETO_SUMMARIES is for a drawing kernel of one language (CARETO_LANG, wasm, not the full build)");
            return ExitCode::FAILURE;
        }
        println!("cargo:rerun-if-changed={}", PathBuf::from(path).display());
        println!("cargo:rustc-cfg=careto_summaries");
    }
    match run(profile, article_views, only.as_deref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // Cargo prints a failing build script's stderr under the error.
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `profile`: whether the build draws the profile view (`careto_profile`);
/// `article_views`: whether it draws the bars and the timeline
/// (`careto_article_views`); `only`: the one language of a drawing kernel
/// of one language (`careto_lang`).
fn run(profile: bool, article_views: bool, only: Option<&str>) -> Result<(), String> {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from).ok_or("CARGO_MANIFEST_DIR is not set")?;
    let out_dir = std::env::var_os("OUT_DIR").map(PathBuf::from).ok_or("OUT_DIR is not set")?;

    let data_path = manifest_dir.join(data_file::DATA_FILE);
    let text = std::fs::read_to_string(&data_path).map_err(|e| format!("cannot read {}: {e}", data_path.display()))?;
    let campaign = data_file::parse_campaign(&text)?;

    let code = format!("// @generated by build.rs from {}: do not edit.\n{}\n", data_file::DATA_FILE, data_file::to_rust(&campaign));
    let out_path = out_dir.join("careto_data.rs");
    std::fs::write(&out_path, code).map_err(|e| format!("cannot write {}: {e}", out_path.display()))?;

    // What the article's drawing kernel compiles in: see data_file::first_paint
    // (without the profile in a kernel that does not draw it, without the
    // events in the map and the profile builds, and in a kernel of one
    // language without the other's picture texts).
    let mut first_paint = data_file::first_paint(&campaign, profile, article_views);
    if let Some(only) = only {
        let keep = |s: &model::Str, lang: &str| if lang == only { s.clone() } else { Default::default() };
        first_paint = first_paint.map_picture_texts(&mut |t| model::Text { en: keep(&t.en, "en"), es: keep(&t.es, "es") });
    }
    let code =
        format!("// @generated by build.rs from {} (data_file::first_paint): do not edit.\n{}\n", data_file::DATA_FILE, data_file::to_rust(&first_paint));
    let out_path = out_dir.join("careto_first_paint.rs");
    std::fs::write(&out_path, code).map_err(|e| format!("cannot write {}: {e}", out_path.display()))?;

    // The details module (feature `details`) compiles in the JSON that
    // careto-details wrote (scripts/build-wasm.sh sets CARETO_DETAILS_JSON).
    // Without it (cargo check, clippy) an empty object stands in, and the
    // module says so when asked (src/web/details.rs).
    println!("cargo:rerun-if-env-changed=CARETO_DETAILS_JSON");
    if std::env::var_os("CARETO_DETAILS_JSON").is_none() {
        let stand_in = out_dir.join("details-stand-in.json");
        std::fs::write(&stand_in, "{}").map_err(|e| format!("cannot write {}: {e}", stand_in.display()))?;
        println!("cargo:rustc-env=CARETO_DETAILS_JSON={}", stand_in.display());
    }
    Ok(())
}
