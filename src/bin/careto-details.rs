//! Writes the words of the compiled-in campaign's interaction layer
//! (tooltips, announcements, the data table and the CSV of both views, in
//! English and Spanish: `careto_viz::details::words`) as one JSON object
//! `{"en": …, "es": …}`: what the article's details module compiles in
//! (scripts/build-wasm.sh passes the file as `CARETO_DETAILS_JSON`).
//!
//! `careto-details --out FILE`

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use careto_viz::details::words;
    use careto_viz::model::Lang;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [flag, path] = args.as_slice() else {
        eprintln!("careto-details: usage: careto-details --out FILE");
        return std::process::ExitCode::from(2);
    };
    if flag != "--out" {
        eprintln!("careto-details: usage: careto-details --out FILE");
        return std::process::ExitCode::from(2);
    }
    let c = careto_viz::data::careto_ref();
    let all = serde_json::json!({ "en": words(c, Lang::En), "es": words(c, Lang::Es) });
    match std::fs::write(path, all.to_string()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("careto-details: cannot write {path}: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
