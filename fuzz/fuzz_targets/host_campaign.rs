//! The browser's campaign reader on adversarial object graphs (its native
//! twin): revoked proxies, throwing getters, shared arrays, holes, lying
//! lengths, deep nesting, huge strings; see `host::check_host`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    careto_viz_fuzz::host::host_case(data);
});
