//! Arbitrary bytes, read as a campaign in the documented JSON format
//! (campaign.schema.json), then validated; see `checks::campaign_json`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    careto_viz_fuzz::checks::campaign_json(data);
});
