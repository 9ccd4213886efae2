//! Draws a chart to SVG with the same code the browser uses: static images
//! for pages without scripts and RSS readers; with `--card`, a 1200 × 630
//! PNG social card (`og:image`) of the chart, title and source line included.
//!
//! `careto-render --view bars|timeline|profile|map [--lang en|es] [--theme light|dark] [--width 640] [--plain] [--out FILE]`
//! (without `--out`, the SVG goes to standard output; `--plain`: without
//! the title, headline figures and subtitle, as the `plain` display flag);
//! `careto-render --card --view … [--lang …] [--theme …] --out FILE.png`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
use careto_viz::chart::{ChartOptions, View};
#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("careto-render: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run(args: Vec<String>) -> Result<(), String> {
    let mut options = ChartOptions::default();
    let mut out: Option<String> = None;
    let mut card = false;
    let mut width_given = false;
    let mut it = args.into_iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--view" => options.view = View::parse(&value()?)?,
            "--lang" => options.lang = careto_viz::model::Lang::parse(&value()?)?,
            "--theme" => options.theme = careto_viz::theme::ThemeName::parse(&value()?)?,
            "--width" => {
                let v = value()?;
                options.width = v.parse::<f64>().map_err(|_| format!("--width: \"{v}\" is not a number"))?;
                width_given = true;
            }
            "--card" => card = true,
            "--plain" => options.header = careto_viz::chart::Header::Plain,
            "--out" => out = Some(value()?),
            "-h" | "--help" => {
                println!("careto-render --view bars|timeline|profile|map [--lang en|es] [--theme light|dark] [--width 640] [--plain] [--out FILE]");
                println!("careto-render --card --view bars|timeline|profile|map [--lang en|es] [--theme light|dark] --out FILE.png   (a 1200x630 social card)");
                return Ok(());
            }
            other => return Err(format!("unknown argument \"{other}\" (try --help)")),
        }
    }
    let campaign = careto_viz::data::careto();
    if card {
        if width_given {
            return Err("--card chooses the chart's width itself (the card is 1200x630): leave out --width".to_string());
        }
        if options.header == careto_viz::chart::Header::Plain {
            return Err("--card draws the chart's title on the card: leave out --plain".to_string());
        }
        let path = out.ok_or("--card writes a PNG file: give --out FILE.png")?;
        let png = careto_viz::chart::card_png(&campaign, &options).map_err(|e| e.to_string())?;
        return std::fs::write(&path, png).map_err(|e| format!("cannot write {path}: {e}"));
    }
    let svg = careto_viz::chart::svg(&campaign, &options).map_err(|e| e.to_string())?;
    match out {
        Some(path) => std::fs::write(&path, svg).map_err(|e| format!("cannot write {path}: {e}")),
        None => {
            print!("{svg}");
            Ok(())
        }
    }
}
