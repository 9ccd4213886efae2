//! Draws a chart to SVG with the same code the browser uses: static images
//! for pages without scripts and RSS readers; with `--card`, a 1200 × 630
//! PNG social card (`og:image`) of the chart, title and source line included.
//!
//! `careto-render --view bars|timeline|profile|map [--lang en|es] [--theme light|dark] [--width 640] [--plain] [--out FILE]`
//! (without `--out`, the SVG goes to standard output; `--plain`: without
//! the title, headline figures and subtitle, as the `plain` display flag);
//! `careto-render --card --view … [--lang …] [--theme …] --out FILE.png`;
//! `careto-render --page TEMPLATE --view … [--lang …] [--out FILE.html]`: a
//! page to share one view by (`make site` writes `chart-<view>-<lang>.html`
//! from embed.html): the iframe page with that view and language as its
//! defaults, and its own title, social card and tags, and the view's static
//! image for readers without scripts (a crawler runs no script, so a link
//! to `embed.html?view=map` can only show embed.html's default card).

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
    let mut template: Option<String> = None;
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
            "--page" => template = Some(value()?),
            "-h" | "--help" => {
                println!("careto-render --view bars|timeline|profile|map [--lang en|es] [--theme light|dark] [--width 640] [--plain] [--out FILE]");
                println!("careto-render --card --view bars|timeline|profile|map [--lang en|es] [--theme light|dark] --out FILE.png   (a 1200x630 social card)");
                println!("careto-render --page embed.html --view bars|timeline|profile|map [--lang en|es] [--out FILE.html]   (a page to share one view by)");
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
    let text = match template {
        Some(path) => {
            let html = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
            share_page(&html, &campaign, options.view, options.lang).map_err(|e| format!("--page {path}: {e}"))?
        }
        None => careto_viz::chart::svg(&campaign, &options).map_err(|e| e.to_string())?,
    };
    match out {
        Some(path) => std::fs::write(&path, text).map_err(|e| format!("cannot write {path}: {e}")),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

/// `template` (embed.html) as the page of `view` in `lang`: `<html>` names
/// them (embed.js takes them as its defaults), the title and the social
/// tags are the chart's (title, headline figures, its card), and the
/// `<noscript>` block shows the view's static image with its summary (in
/// the reader's theme, and at 375 px on a phone).
#[cfg(not(target_arch = "wasm32"))]
fn share_page(template: &str, campaign: &careto_viz::model::Campaign, view: View, lang: careto_viz::model::Lang) -> Result<String, String> {
    use careto_viz::describe;
    let (v, l) = (view.as_str(), lang.as_str());
    let title = describe::title(campaign, view, lang);
    let headline = describe::headline_sentence(campaign, lang);
    let headline = headline.trim();
    let summary = describe::summary(campaign, view, lang);
    let mut html = replace_between(template, "<html", ">", &format!(" lang=\"{l}\" data-view=\"{v}\" data-lang=\"{l}\""))?;
    html = replace_between(&html, "<title>", "</title>", &escape(&title))?;
    for (key, value) in [
        ("og:title", title.clone()),
        ("og:description", headline.to_string()),
        ("og:image", format!("img/card-{v}-{l}.png")),
        ("og:image:alt", format!("{title}. {headline}")),
    ] {
        html = replace_between(&html, &format!("property=\"{key}\" content=\""), "\"", &escape(&value))?;
    }
    // The picture for the reader's theme, and drawn at a phone's width on a
    // phone (a 640 px picture there has 7 px text): the images `make site`
    // renders.
    let alt = escape(&format!("{title}. {summary}"));
    let fallback = format!(
        "\n  <picture>\n    <source media=\"(max-width: 520px) and (prefers-color-scheme: dark)\" srcset=\"img/{v}-{l}-dark-375.svg\">\n    <source media=\"(max-width: 520px)\" srcset=\"img/{v}-{l}-light-375.svg\">\n    <source media=\"(prefers-color-scheme: dark)\" srcset=\"img/{v}-{l}-dark.svg\">\n    <img class=\"careto-embed__image\" src=\"img/{v}-{l}-light.svg\" alt=\"{alt}\">\n  </picture>\n  "
    );
    replace_between(&html, "<noscript>", "</noscript>", &fallback)
}

/// `html` with what lies between the first `start` and the next `end`
/// replaced by `with`; an error naming `start` when the template has none.
#[cfg(not(target_arch = "wasm32"))]
fn replace_between(html: &str, start: &str, end: &str, with: &str) -> Result<String, String> {
    let from = html.find(start).map(|i| i + start.len()).ok_or_else(|| format!("no {start} in the template"))?;
    let to = html[from..].find(end).map(|i| from + i).ok_or_else(|| format!("no {end} after {start} in the template"))?;
    Ok(format!("{}{with}{}", &html[..from], &html[to..]))
}

/// Text for an HTML attribute or element.
#[cfg(not(target_arch = "wasm32"))]
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}
