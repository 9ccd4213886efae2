//! The data-file pipeline of `build.rs`: broken files fail with messages that
//! name the field, and the generated Rust round-trips the real file.
#![cfg(not(target_arch = "wasm32"))]
#![allow(dead_code, unused_imports, missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

// The same files build.rs includes, at the same module paths.
#[path = "../src/model/mod.rs"]
mod model;

#[path = "../build/data_file.rs"]
mod data_file;

use data_file::{parse_campaign, to_rust};

const REAL: &str = include_str!("../data/careto.toml");

/// The real file with the first occurrence of `from` replaced by `to`.
fn edit(from: &str, to: &str) -> String {
    assert!(REAL.contains(from), "test fixture out of date: {from:?} not in the data file");
    REAL.replacen(from, to, 1)
}

/// Parses `text`, which must fail; returns the message.
fn fails(text: &str) -> String {
    match parse_campaign(text) {
        Ok(_) => panic!("a broken data file was accepted"),
        Err(e) => e,
    }
}

/// Asserts that `msg` contains every one of `parts`.
fn mentions(msg: &str, parts: &[&str]) {
    for p in parts {
        assert!(msg.contains(p), "expected {p:?} in:\n{msg}");
    }
}

#[test]
fn the_real_file_parses_and_validates() {
    let c = parse_campaign(REAL).unwrap();
    assert_eq!(c.countries.len(), 31);
    assert_eq!(c.events.len(), 11);
    assert_eq!(c.sources.len(), 39);
}

#[test]
fn negative_count_names_the_field() {
    let msg = fails(&edit("count = 51", "count = -5"));
    mentions(&msg, &["data/careto.toml", "country[4].count", "-5 is negative"]);
    // toml's own location is kept.
    mentions(&msg, &["line", "count = -5"]);
}

#[test]
fn non_numeric_count_names_the_field() {
    let msg = fails(&edit("count = 51", "count = \"many\""));
    mentions(&msg, &["country[4].count", "\"many\" is not a count"]);
}

#[test]
fn zero_count_names_the_field() {
    let msg = fails(&edit("count = 51", "count = 0"));
    mentions(&msg, &["data/careto.toml: country[4].count: 0 is not a published figure"]);
}

#[test]
fn unknown_source_id_names_the_field() {
    let msg = fails(&edit("sources = [\"S1\", \"S3\", \"S5\", \"S6\"]", "sources = [\"S1\", \"S99\", \"S5\", \"S6\"]"));
    mentions(&msg, &["data/careto.toml: country[3].sources[1]: unknown source id \"S99\""]);
}

#[test]
fn duplicate_country_code_names_the_field() {
    let msg = fails(&edit("code = \"BRA\"", "code = \"MAR\""));
    mentions(&msg, &["country[1].code: duplicate country code \"MAR\""]);
}

#[test]
fn bad_country_code_names_the_field() {
    let msg = fails(&edit("code = \"BRA\"", "code = \"Bra\""));
    mentions(&msg, &["country[1].code", "ISO 3166-1 alpha-3"]);
}

#[test]
fn impossible_date_names_the_field() {
    let msg = fails(&edit("date = \"2014-02-10\"", "date = \"2014-13-01\""));
    mentions(&msg, &["event[6].date", "month 13"]);
}

#[test]
fn source_date_checked_too() {
    let text = REAL.replacen("date = \"2014-02-10\"\nurl = \"https://securelist", "date = \"2014-02-30\"\nurl = \"https://securelist", 1);
    assert_ne!(text, REAL);
    let msg = fails(&text);
    mentions(&msg, &["source[0].date", "day 30"]);
}

#[test]
fn missing_measure_names_the_field() {
    let msg = fails(&edit("measure = { en = \"victim IP addresses\", es = \"direcciones IP de víctimas\" }\n", ""));
    mentions(&msg, &["data/careto.toml", "missing field `measure`"]);
}

#[test]
fn empty_sources_list_names_the_field() {
    let msg = fails(&edit("sources = [\"S1\", \"S3\"]", "sources = []"));
    mentions(&msg, &["data/careto.toml: country[6].sources: a published count needs"]);
    let msg = fails(&edit("sources = [\"S19\", \"S20\"]", "sources = []"));
    mentions(&msg, &["event[4].sources: no sources"]);
}

#[test]
fn missing_translation_names_the_field() {
    let msg = fails(&edit("name = { en = \"Libya\", es = \"Libia\" }", "name = { en = \"Libya\" }"));
    mentions(&msg, &["country[6].name", "missing field `es`"]);
}

#[test]
fn unknown_key_is_rejected() {
    let msg = fails(&edit("code = \"BRA\"", "code = \"BRA\"\ncuont = 3"));
    mentions(&msg, &["country[1]", "cuont"]);
}

#[test]
fn unknown_status_is_rejected() {
    let msg = fails(&edit("status = \"alleged\"", "status = \"rumoured\""));
    mentions(&msg, &["event[8].status", "rumoured"]);
}

#[test]
fn toml_syntax_error_keeps_tomls_location() {
    let msg = fails(&edit("count = 51", "count = = 51"));
    mentions(&msg, &["data/careto.toml", "line"]);
}

#[test]
fn control_character_rejected() {
    let msg = fails(&edit("es = \"Libia\"", "es = \"Lib\\u0007ia\""));
    mentions(&msg, &["country[6].name.es", "control character"]);
}

#[test]
fn generated_rust_is_an_expression_of_the_model() {
    let c = parse_campaign(REAL).unwrap();
    let code = to_rust(&c);
    assert!(code.starts_with("crate::model::Campaign {"));
    assert!(code.trim_end().ends_with('}'));
    mentions(
        &code,
        &[
            "crate::model::Count::Published(384u32)",
            "crate::model::Count::NotPublished",
            "crate::model::Status::Alleged",
            "crate::model::Status::Secondary",
            "crate::model::EventDate { year: 2007i32, month: ::std::option::Option::None, day: ::std::option::Option::None }",
            "crate::model::EventDate { year: 2014i32, month: ::std::option::Option::Some(2u8), day: ::std::option::Option::Some(10u8) }",
            // Strings go through `{:?}`: quotes are escaped, accents kept.
            "::std::borrow::Cow::Borrowed(\"The source (S8) says \\\"three infected systems\\\"; it does not say these are IP addresses.\")",
            "::std::borrow::Cow::Borrowed(\"Marruecos\")",
            // Lists are borrowed slices, empty ones too.
            "sources: ::std::borrow::Cow::Borrowed(&[::std::borrow::Cow::Borrowed(\"S1\")",
            "alternatives: ::std::borrow::Cow::Borrowed(&[])",
        ],
    );
    // A constant expression (it initialises a `static`): nothing allocates.
    for not_const in ["String::from", "String::new", "vec!", "Vec::new", "to_string", "Owned"] {
        assert!(!code.contains(not_const), "{not_const} in the generated code");
    }
    // Brackets balance (a cheap check that the expression is well formed; the
    // real check is that the library compiles with it).
    let mut depth: i64 = 0;
    let mut in_str = false;
    let mut escaped = false;
    for ch in code.chars() {
        if in_str {
            match (escaped, ch) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match ch {
            '"' => in_str = true,
            '{' | '[' | '(' => depth += 1,
            '}' | ']' | ')' => depth -= 1,
            _ => {}
        }
        assert!(depth >= 0);
    }
    assert_eq!(depth, 0);
}

#[test]
fn generated_rust_matches_the_compiled_in_data() {
    // The library's compiled-in campaign was generated from the same file.
    let parsed = parse_campaign(REAL).unwrap();
    let compiled = careto_viz::data::careto();
    assert_eq!(format!("{parsed:?}"), format!("{compiled:?}"));
}

#[test]
fn validation_errors_say_which_table() {
    let msg = fails(&edit("code = \"BRA\"", "code = \"MAR\""));
    mentions(&msg, &["country[1] is the [[country]] with code = \"MAR\""]);
    let msg = fails(&edit("sources = [\"S19\", \"S20\"]", "sources = [\"S19\", \"S0\"]"));
    mentions(&msg, &["event[4].sources[1]: unknown source id \"S0\"", "event[4] is the [[event]] with id = \"kaspersky-aware\""]);
}

/// The messages a newsroom editor sees for three common mistakes, in full:
/// the file, the field, toml's own location and the reason (shown with
/// `cargo test --test data_file -- --nocapture sample_messages`).
#[test]
fn sample_messages_in_full() {
    let messages: Vec<String> =
        [("count = 51", "count = -5"), ("sources = [\"S19\", \"S20\"]", "sources = [\"S19\", \"S99\"]"), ("date = \"2014-02-10\"", "date = \"2014-13-01\"")]
            .into_iter()
            .map(|(from, to)| fails(&edit(from, to)))
            .collect();
    for m in &messages {
        println!("{m}\n");
    }
    // The lines toml names are where the edits are (the file grows as facts are added).
    let line = |text: &str| REAL.lines().position(|l| l == text).map(|i| i + 1).unwrap();
    let (count_line, date_line) = (line("count = 51"), line("date = \"2014-02-10\""));
    assert_eq!(
        messages,
        [
            format!("data/careto.toml: country[4].count: TOML parse error at line {count_line}, column 9\n    |\n{count_line} | count = -5\n    |         ^^\n-5 is negative; a count is >= 1"),
            "data/careto.toml: event[4].sources[1]: unknown source id \"S99\" (no source has this id)\n  \
             (event[4] is the [[event]] with id = \"kaspersky-aware\"; indices count from 0 in file order)"
                .to_string(),
            format!(
                "data/careto.toml: event[6].date: TOML parse error at line {date_line}, column 8\n    |\n{date_line} | date = \"2014-13-01\"\n    |        ^^^^^^^^^^^^\n\
                 \"2014-13-01\": month 13 is not between 1 and 12"
            ),
        ]
    );
}

/// Issue 15.4: the build refuses the report PDF's day as "reported" (its
/// sources, S21 and S22, are catalogues), a count without the measures of
/// its sources, and a source of an unknown kind.
#[test]
fn the_build_refuses_claims_stronger_than_their_sources() {
    let msg = fails(&edit("# The day rests on catalogues only (S21, S22): secondary, by this file's rule.\nstatus = \"secondary\"", "status = \"reported\""));
    mentions(
        &msg,
        &[
            "data/careto.toml: event[7].status: \"reported\" rests only on catalogues (S21, S22); an event known from catalogues alone is \"secondary\"",
            "event[7] is the [[event]] with id = \"report-pdf\"",
        ],
    );
    let libya =
        "[[country.counted_by]]\nsource = \"S3\"\nmeasure = { en = \"infected targets\", es = \"objetivos infectados\" }\n\n[[country]]\ncode = \"USA\"";
    let msg = fails(&edit(libya, "[[country]]\ncode = \"USA\""));
    mentions(&msg, &["data/careto.toml: country[6].counted_by: a published count needs the measure of each of its sources, as country[0] records them"]);
    let msg = fails(&edit("id = \"S21\"\nkind = \"catalogue\"", "id = \"S21\"\nkind = \"blog\""));
    mentions(&msg, &["unknown variant `blog`, expected one of `primary`, `press`, `catalogue`"]);
}
