//! Draws a chart to SVG with the same code the browser uses: static images
//! for pages without scripts and RSS readers; with `--card`, a 1200 × 630
//! PNG social card (`og:image`) of the chart, title and source line included.
//!
//! `careto-render --view bars|timeline|profile|map [--lang en|es] [--theme light|dark] [--width 640] [--plain] [--campaign FILE] [--out FILE]`
//! (without `--out`, the SVG goes to standard output; `--plain`: without
//! the title, headline figures and subtitle, as the `plain` display flag;
//! `--campaign`: a newsroom's own campaign JSON file, read and checked as
//! `mount` reads it, instead of The Mask's);
//! `careto-render --card --view … [--lang …] [--theme …] [--campaign FILE] --out FILE.png`;
//! `careto-render --page TEMPLATE --view … [--lang …] [--out FILE.html]`: a
//! page to share one view by (`make site` writes `chart-<view>-<lang>.html`
//! from embed.html): the iframe page with that view and language as its
//! defaults, and its own title, social card and tags, and the view's static
//! image for readers without scripts (a crawler runs no script, so a link
//! to `embed.html?view=map` can only show embed.html's default card);
//! `careto-render --oembed SITE_URL --view … [--lang …] [--out FILE.json]`:
//! the oEmbed answer for that page (`make site` writes
//! `oembed-<view>-<lang>.json`, which each share page names in a
//! `<link rel="alternate" type="application/json+oembed">`): a CMS given the
//! page's address (WordPress, Ghost…) embeds the chart's responsive iframe,
//! the snippet "Copy embed code" copies, with its height at 640 px. SITE_URL
//! is where dist/ is served (empty: relative addresses, for a local look).

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
    let mut oembed_site: Option<String> = None;
    let mut campaign_file: Option<String> = None;
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
            "--oembed" => oembed_site = Some(value()?),
            "--campaign" => campaign_file = Some(value()?),
            "-h" | "--help" => {
                println!(
                    "careto-render --view bars|timeline|profile|map [--lang en|es] [--theme light|dark] [--width 640] [--plain] [--campaign FILE] [--out FILE]"
                );
                println!("careto-render --card --view bars|timeline|profile|map [--lang en|es] [--theme light|dark] [--campaign FILE] --out FILE.png   (a 1200x630 social card)");
                println!("careto-render --page embed.html --view bars|timeline|profile|map [--lang en|es] [--out FILE.html]   (a page to share one view by)");
                println!("careto-render --oembed SITE_URL --view bars|timeline|profile|map [--lang en|es] [--out FILE.json]   (that page's oEmbed answer)");
                return Ok(());
            }
            other => return Err(format!("unknown argument \"{other}\" (try --help)")),
        }
    }
    let campaign = match campaign_file {
        // The share pages and their oEmbed answers are The Mask's site's (make site).
        Some(_) if template.is_some() || oembed_site.is_some() => {
            return Err("--page and --oembed make The Mask's share pages: --campaign draws your campaign's images and cards only".to_string())
        }
        Some(path) => careto_viz::campaign_reader::read_file(&path)?,
        None => careto_viz::data::careto(),
    };
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
    let text = match (template, oembed_site) {
        (Some(_), Some(_)) => return Err("--page and --oembed write different files: give one".to_string()),
        (None, Some(site)) => {
            if width_given {
                return Err("--oembed gives the chart's height at 640 px, the width it names: leave out --width".to_string());
            }
            oembed(&campaign, options.view, options.lang, &site)?
        }
        (Some(path), None) => {
            let html = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
            share_page(&html, &campaign, options.view, options.lang).map_err(|e| format!("--page {path}: {e}"))?
        }
        (None, None) => careto_viz::chart::svg(&campaign, &options).map_err(|e| e.to_string())?,
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
/// the reader's theme, and at 375 px on a phone); a `<link>` names its
/// oEmbed answer (`oembed`).
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
    // A CMS given this page's address finds its oEmbed answer (`oembed`;
    // make site makes the address absolute, as og:image's).
    let discovery =
        format!("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"oembed-{v}-{l}.json\" title=\"{}\">\n  <link rel=\"icon\"", escape(&title));
    if !html.contains("<link rel=\"icon\"") {
        return Err("no <link rel=\"icon\" in the template".to_string());
    }
    html = html.replacen("<link rel=\"icon\"", &discovery, 1);
    // The picture for the reader's theme, and drawn at a phone's width on a
    // phone (a 640 px picture there has 7 px text): the images `make site`
    // renders.
    let alt = escape(&format!("{title}. {summary}"));
    let fallback = format!(
        "\n  <picture>\n    <source media=\"(max-width: 520px) and (prefers-color-scheme: dark)\" srcset=\"img/{v}-{l}-dark-375.svg\">\n    <source media=\"(max-width: 520px)\" srcset=\"img/{v}-{l}-light-375.svg\">\n    <source media=\"(prefers-color-scheme: dark)\" srcset=\"img/{v}-{l}-dark.svg\">\n    <img class=\"careto-embed__image\" src=\"img/{v}-{l}-light.svg\" alt=\"{alt}\">\n  </picture>\n  "
    );
    replace_between(&html, "<noscript>", "</noscript>", &fallback)
}

/// The width an oEmbed answer gives its chart's height at (`oembed`): a
/// CMS's column; the iframe itself is as wide as the column it is put in.
#[cfg(not(target_arch = "wasm32"))]
const OEMBED_WIDTH: u32 = 640;

/// The oEmbed answer (<https://oembed.com>, type "rich") for the share page
/// of `view` in `lang`, `site` being where dist/ is served (empty:
/// relative addresses). Its `html` is what the chart's "Copy embed code"
/// copies (src/web/shell/embed-code.js, `embedCode`; a page test compares
/// the two): careto-viz.css reserves the frame's height, the iframe, and
/// careto-viz-frame.js to size it. A CMS that keeps the iframe alone
/// (WordPress sandboxes it with `allow-scripts`) shows it at `height`, the
/// chart's at 640 px with its four buttons.
#[cfg(not(target_arch = "wasm32"))]
fn oembed(campaign: &careto_viz::model::Campaign, view: View, lang: careto_viz::model::Lang, site: &str) -> Result<String, String> {
    use careto_viz::chart::{canvas_height, controls, ChartOptions};
    let site = site.trim_end_matches('/');
    if site.contains(['"', '<', '>', ' ', '?', '#']) {
        return Err(format!("--oembed: \"{site}\" is not the address of a folder (like https://graphics.example.org/careto)"));
    }
    let dir = if site.is_empty() { String::new() } else { format!("{site}/") };
    let (v, l) = (view.as_str(), lang.as_str());
    let title = careto_viz::describe::title(campaign, view, lang);
    let options = ChartOptions { view, lang, width: f64::from(OEMBED_WIDTH), ..ChartOptions::default() };
    let height = canvas_height(campaign, &options) + controls::height(4, OEMBED_WIDTH);
    // As embedCode writes it, for theme "auto", no focus and no flags.
    let own_css = match view {
        View::Map | View::Profile => format!("<link rel=\"stylesheet\" href=\"{dir}careto-viz-{v}.css\">\n"),
        _ => String::new(),
    };
    let html = format!(
        "<!-- once per page: reserves each chart's height before it arrives -->\n<link rel=\"stylesheet\" href=\"{dir}careto-viz.css\">\n{own_css}\
<div data-careto-viz-frame=\"{v}\" data-lang=\"{l}\"><iframe src=\"{dir}embed.html?view={v}&amp;lang={l}&amp;theme=auto\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"{height}\" class=\"careto-viz-frame\"></iframe></div>\n\
<!-- optional, once per page: sizes every such frame to its content -->\n<script src=\"{dir}careto-viz-frame.js\" defer></script>",
        escape(&title)
    );
    let answer = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": "careto-viz",
        "provider_url": dir,
        "html": html,
        "width": OEMBED_WIDTH,
        "height": height,
        "thumbnail_url": format!("{dir}img/card-{v}-{l}.png"),
        "thumbnail_width": careto_viz::render::card::CARD_WIDTH,
        "thumbnail_height": careto_viz::render::card::CARD_HEIGHT,
    });
    serde_json::to_string_pretty(&answer).map(|json| json + "\n").map_err(|e| e.to_string())
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
