//! Writes the words of the compiled-in campaign's interaction layer in one
//! language (tooltips, announcements, the data table and the CSV of both
//! views: `careto_viz::details::words`) as JSON: what that language's details
//! module compiles in (scripts/build-wasm.sh passes the file as
//! `CARETO_DETAILS_JSON`).
//!
//! `careto-details --lang en|es --out FILE`

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("careto-details: {e}");
            std::process::ExitCode::from(2)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run(args: &[String]) -> Result<(), String> {
    let usage = || "usage: careto-details --lang en|es --out FILE".to_string();
    let [flag_lang, lang, flag_out, path] = args else { return Err(usage()) };
    if flag_lang != "--lang" || flag_out != "--out" {
        return Err(usage());
    }
    let lang = careto_viz::model::Lang::parse(lang)?;
    let words = careto_viz::details::words(careto_viz::data::careto_ref(), lang);
    let json = serde_json::to_string(&words).map_err(|e| e.to_string())?;
    std::fs::write(path, json).map_err(|e| format!("cannot write {path}: {e}"))
}
