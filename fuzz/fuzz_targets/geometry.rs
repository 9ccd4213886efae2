//! Any bytes as the map's geometry file: the decoder never panics, and a
//! world it accepts is sound; see `checks::geometry`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    careto_viz_fuzz::checks::geometry(data);
});
