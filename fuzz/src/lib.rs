//! The fuzz targets' checks, in one place: `fuzz_targets/*.rs` call them on
//! libFuzzer's input, and the root's `tests/fuzz_seeds.rs` includes
//! `checks.rs` with `#[path]` to replay `seeds/` in every `cargo test`, so
//! the checks cannot rot between fuzzing runs.

pub mod checks;
pub mod host;
