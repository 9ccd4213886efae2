//! Golden files for the tests: `tests/snapshots/NAME.EXT` holds the
//! reviewed output of a test; [`check`] compares a new output with it.
//!
//! * A golden file is missing: it is written and the test fails saying so.
//! * The output differs: `tests/snapshots/NAME.new.EXT` is written beside it
//!   and the test fails with the first differing line. Review with
//!   `diff tests/snapshots/NAME.EXT tests/snapshots/NAME.new.EXT`; accept
//!   with `UPDATE_SNAPSHOTS=1 cargo test --test TEST`.
//! * `UPDATE_SNAPSHOTS=1`: every golden file is (re)written.

use std::path::PathBuf;

/// `tests/snapshots/`.
pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("snapshots")
}

/// Compares `actual` with the golden file `tests/snapshots/{name}.{ext}`
/// (see the module documentation); `test` names the test target for the
/// message.
pub fn check(test: &str, name: &str, ext: &str, actual: &str) {
    let dir = dir();
    std::fs::create_dir_all(&dir).unwrap();
    let golden = dir.join(format!("{name}.{ext}"));
    let new = dir.join(format!("{name}.new.{ext}"));
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    if update {
        std::fs::write(&golden, actual).unwrap();
        let _ = std::fs::remove_file(&new);
        return;
    }
    let Ok(expected) = std::fs::read_to_string(&golden) else {
        std::fs::write(&golden, actual).unwrap();
        panic!("snapshot {name}: no golden file, so {} was created; review it (commit it if it looks right) and run the tests again", golden.display());
    };
    if expected == actual {
        let _ = std::fs::remove_file(&new);
        return;
    }
    std::fs::write(&new, actual).unwrap();
    let (mut e_lines, mut a_lines) = (expected.lines(), actual.lines());
    let mut line = 1;
    let (was, now) = loop {
        match (e_lines.next(), a_lines.next()) {
            (Some(e), Some(a)) if e == a => line += 1,
            (e, a) => break (e.unwrap_or("<end of file>"), a.unwrap_or("<end of file>")),
        }
    };
    panic!(
        "snapshot {name} differs from tests/snapshots/{name}.{ext}; first difference at line {line}:\n  golden: {was}\n  now:    {now}\n\
         The new output is in tests/snapshots/{name}.new.{ext}.\n\
         Review: diff tests/snapshots/{name}.{ext} tests/snapshots/{name}.new.{ext}\n\
         Accept: UPDATE_SNAPSHOTS=1 cargo test --test {test}"
    );
}
