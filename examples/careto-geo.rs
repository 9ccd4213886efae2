//! Writes the map's geometry file from Natural Earth's countries as npm
//! `world-atlas` ships them: `make geo`, or
//! `cargo run --example careto-geo [-- WORLD_ATLAS_DIR OUT_FILE]`
//! (defaults: `node_modules/world-atlas`, `data/world-110m.bin`).
//!
//! An example rather than a binary of the crate: it reads JSON through
//! `serde_json`, a dev-dependency, so the library and its users gain no
//! dependency. Not a build step: the file is committed (and checked by
//! `tests/geometry.rs`), so building the crate or its wasm needs neither
//! npm's files nor a 3.6 MB JSON parse. The conversion itself is
//! `build/world_geo.rs`.

#[path = "../build/world_geo.rs"]
mod world_geo;

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "node_modules/world-atlas".to_string());
    let out = args.next().unwrap_or_else(|| "data/world-110m.bin".to_string());
    let read =
        |name: &str| std::fs::read_to_string(format!("{dir}/{name}")).map_err(|e| format!("cannot read {dir}/{name}: {e} (npm ci installs world-atlas)"));
    let result = read("countries-110m.json")
        .and_then(|a| Ok((a, read("countries-10m.json")?)))
        .and_then(|(a, b)| world_geo::convert(&a, &b))
        .and_then(|bytes| std::fs::write(&out, &bytes).map(|()| bytes.len()).map_err(|e| format!("cannot write {out}: {e}")));
    match result {
        Ok(n) => {
            println!("wrote {out}: {n} bytes");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("careto-geo: {e}");
            ExitCode::FAILURE
        }
    }
}
