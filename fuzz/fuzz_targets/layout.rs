//! The real (or sample) campaign, edited, at an arbitrary width, view,
//! language and theme: layout, SVG rendering and hit testing; see
//! `checks::layout_case`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    careto_viz_fuzz::checks::layout_case(data);
});
