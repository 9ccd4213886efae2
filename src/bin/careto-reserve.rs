//! Writes the stylesheet that reserves each careto-viz chart's height before
//! the module draws it (no layout shift when a chart arrives): a chart's
//! height follows from its width, view and language through the same layout
//! code the module runs, plus the controls row below the canvas, whose height
//! src/web/shell/chart.css fixes at each width.
//!
//! `careto-reserve [--map | --profile] [--campaign FILE --for SELECTOR] [--out FILE]`
//!
//! Without `--campaign`: `www/careto-viz.css`, for The Mask (Careto), the
//! compiled-in campaign, the bars and the timeline; with `--map`,
//! `www/careto-viz-map.css`, the map's heights alone, and with `--profile`,
//! `www/careto-viz-profile.css`, the profile's: only a page with a map or a
//! profile links them, after careto-viz.css (which reserves nothing for
//! these views without them). With it: every view but the map, in one
//! stylesheet, for a campaign JSON file (`campaign.schema.json`), applied to
//! the placeholders and frame boxes that also match SELECTOR, e.g.
//! `[data-campaign-src$="our-campaign.json"]`. `make build` writes the
//! site's; tests/reserve_css.rs checks that the committed ones are up to
//! date.
//!
//! What it reserves, by container queries on the element itself (a chart is
//! as wide as its element's content box):
//! - placeholders of `careto-viz-embed.js` (`[data-careto-viz]`) and of the
//!   demo's `main.js` (`.careto-chart[data-view]`): a `::before` as tall as
//!   the chart, until the module marks the element `data-careto-viz-mounted`
//!   (or the loader marks it ready or failed);
//! - the iframe inside a `[data-careto-viz-frame]` box (the embed code):
//!   its height, which `careto-viz-frame.js` then sets to the same number.
//!
//! View: `data-careto-viz` (or `data-view`), `data-careto-viz-frame`.
//! Language: `data-lang`, else (placeholders only, as the module does) the
//! page's `lang`. Buttons: `data-downloads="false"` and
//! `data-embed-code="false"` take theirs out of the controls row. Display
//! flags (`""`, `"1"` or `"true"`): `data-plain` takes out the header (the
//! canvas is shorter by its height, a custom property of its own per view
//! and language) and the controls row; `data-static` the controls row.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match reserve::run(std::env::args().skip(1).collect()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("careto-reserve: {e}");
            std::process::ExitCode::from(2)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod reserve {
    // The controls row's height (src/web/shell/chart.css), as the embed code's.
    use careto_viz::chart::controls::height as tools;
    use careto_viz::chart::{ChartOptions, Header, View};
    use careto_viz::model::{Campaign, Lang};
    use careto_viz::theme::ThemeName;
    use std::fmt::Write;

    /// The widest chart laid out (`layout::WIDTH_RANGE`): wider ones are the same.
    const MAX_WIDTH: u32 = 4096;

    /// The custom properties of `part`, in the order of [`values`]: the
    /// canvas's height for each of its views in English and Spanish, the
    /// controls row's with 4, 3 and 2 buttons (1 button: one row at every
    /// width; the profile's stylesheet leaves them to careto-viz.css),
    /// then how much shorter each canvas is plain (no header:
    /// `data-plain`). The map's: [`MAP_NAMES`].
    fn names(part: Part) -> &'static [&'static str] {
        match part {
            Part::Charts => &["be", "bs", "te", "ts", "t4", "t3", "t2", "hbe", "hbs", "hte", "hts"],
            Part::Profile => &["pe", "ps", "hpe", "hps"],
            Part::Own => &["be", "bs", "te", "ts", "pe", "ps", "t4", "t3", "t2", "hbe", "hbs", "hte", "hts", "hpe", "hps"],
            Part::Map => &MAP_NAMES,
        }
    }

    /// The views whose heights `part` holds.
    fn views(part: Part) -> &'static [View] {
        match part {
            Part::Charts => &[View::Bars, View::Timeline],
            Part::Profile => &[View::Profile],
            Part::Map => &[View::Map],
            Part::Own => &[View::Bars, View::Timeline, View::Profile],
        }
    }

    /// The map's (`--map`). Its canvas is as tall as its texts (which change
    /// height only where a line wraps) plus the world's frame, whose height
    /// follows the width at every pixel: [`map_world`] computes that from
    /// the container's width, so the rules need change only where the texts
    /// do. In order: the texts' height in English and Spanish (the canvas
    /// less the frame and the inset), the padding on both sides of the
    /// frame, how wide the inset of Europe may be (0 where the map has none,
    /// else wider than any frame: it is as wide as the frame), and how much
    /// shorter the canvas is plain.
    const MAP_NAMES: [&str; 6] = ["mae", "mas", "mp", "mi", "hme", "hms"];

    /// `--cv-mw`, the world's frame's height in CSS, as
    /// careto_viz::layout::map::frame_height finds it: the chart's width
    /// (the container's, floored as the module floors it, clamped into
    /// WIDTH_RANGE) less the padding, times the frame's aspect (a multiple of
    /// 1/1024: exact in every engine's arithmetic), rounded up to a pixel.
    /// The 0.005 px makes up for an engine that finds 100cqw a hair under a
    /// whole number.
    /// With it, the inset of Europe under the world where the map has one
    /// (careto_viz::layout::map::inset_height: the frame's width times the
    /// inset's aspect, also a multiple of 1/1024, rounded up), else 0
    /// (`--cv-mi`, 0px).
    fn map_world() -> String {
        let (min, max) = careto_viz::layout::WIDTH_RANGE;
        let aspect = careto_viz::layout::map::frame_aspect(careto_viz::geo::builtin());
        let inset = careto_viz::layout::map::INSET_ASPECT;
        let frame = format!("(clamp({min}px,round(down,100cqw + .005px,1px),{max}px) - var(--cv-mp))");
        format!("--cv-mw:calc(round(up,{frame} * {aspect},1px) + round(up,min({frame},var(--cv-mi)) * {inset},1px))")
    }

    /// A display flag on: the attribute empty, `1` or `true` (as the loader reads it).
    fn flag(name: &str) -> String {
        format!(":is([data-{name}=\"\"],[data-{name}=\"1\"],[data-{name}=true])")
    }

    /// Which stylesheet. The Mask's: the bars' and the timeline's heights
    /// (careto-viz.css), the map's alone (`--map`), the profile's alone
    /// (`--profile`); only pages with a map or a profile link theirs (after
    /// careto-viz.css), so that a page pays for the views it shows. (The
    /// map's height changes at every width, the world being fitted to it;
    /// written as one rule per width, it weighed 14 KB gzip: [`map_world`]
    /// computes that part instead.) A campaign of one's own: one stylesheet
    /// for every view but the map.
    #[derive(Clone, Copy, PartialEq)]
    enum Part {
        Charts,
        Map,
        Profile,
        Own,
    }

    /// The values of [`names`] at `width` (the module floors a chart's width).
    fn values(campaign: &Campaign, width: u32, part: Part) -> Vec<u32> {
        let height = |view, lang, header| {
            careto_viz::chart::canvas_height(campaign, &ChartOptions { view, lang, theme: ThemeName::Light, width: f64::from(width), header, patterns: false })
        };
        let canvas = |view, lang| height(view, lang, Header::Full);
        // How much shorter the canvas is without its header.
        let header = |view, lang| height(view, lang, Header::Full).saturating_sub(height(view, lang, Header::Plain));
        let pairs = || views(part).iter().flat_map(|&v| [(v, Lang::En), (v, Lang::Es)]);
        let mut out: Vec<u32> = match part {
            Part::Charts | Part::Own => pairs().map(|(v, l)| canvas(v, l)).chain([tools(4, width), tools(3, width), tools(2, width)]).collect(),
            Part::Profile => pairs().map(|(v, l)| canvas(v, l)).collect(),
            Part::Map => {
                // The texts: the canvas less the world's frame (--cv-mw).
                let inner = careto_viz::layout::map::frame_width(f64::from(width));
                let world = careto_viz::geo::builtin();
                let inset = careto_viz::layout::map::inset_height(campaign, world, inner);
                let frame = careto_viz::num::saturating_u32(careto_viz::layout::map::frame_height(inner, world) + inset.unwrap_or(0.0));
                let pad = careto_viz::layout::clamp_width(f64::from(width)) - inner;
                let wide = if inset.is_some() { MAX_WIDTH } else { 0 };
                pairs().map(|(v, l)| canvas(v, l).saturating_sub(frame)).chain([careto_viz::num::saturating_u32(pad), wide]).collect()
            }
        };
        out.extend(pairs().map(|(v, l)| header(v, l)));
        out
    }

    /// The stylesheet for `campaign`; `only` narrows it to the elements that
    /// also match a selector (a campaign of one's own), else it is The Mask's
    /// (every placeholder and frame box without `data-campaign-src`); `part`
    /// says which views.
    fn stylesheet(campaign: &Campaign, only: Option<&str>, part: Part) -> String {
        let (q, f, vars) = match only {
            Some(s) => (format!(":is([data-careto-viz],.careto-chart[data-view]){s}"), format!("[data-careto-viz-frame]{s}"), None),
            None => (
                ":is([data-careto-viz],.careto-chart[data-view]):not([data-campaign-src])".to_string(),
                "[data-careto-viz-frame]:not([data-campaign-src])".to_string(),
                Some("::before,iframe"),
            ),
        };
        let vars = vars.map_or_else(|| format!("{q}::before,{f}>iframe"), str::to_string);
        let waiting = format!("{q}:not([data-careto-viz-mounted],[data-careto-viz-state=ready],[data-careto-viz-state=error])");
        let both = |a: &str, b: &str| format!("{q}{a}::before,{f}{b}>iframe");
        let mut css = String::from(match part {
            Part::Charts | Part::Own => {
                "/* careto-viz: each chart's height, reserved before it draws (no layout shift).\n   \
                 Generated by src/bin/careto-reserve.rs from the layout code: do not edit. */\n"
            }
            Part::Map => {
                "/* careto-viz: the map's height, reserved before it draws (no layout shift); link it after\n   \
                 careto-viz.css, on pages with a map only. Generated by src/bin/careto-reserve.rs --map: do not edit. */\n"
            }
            Part::Profile => {
                "/* careto-viz: the profile's height, reserved before it draws (no layout shift); link it after\n   \
                 careto-viz.css, on pages with a profile only. Generated by src/bin/careto-reserve.rs --profile: do not edit. */\n"
            }
        });
        let mut rule = |selector: &str, body: &str| {
            let _ = writeln!(css, "{selector}{{{body}}}");
        };
        let map = ":is([data-careto-viz=map],[data-view=map]:not([data-careto-viz=bars],[data-careto-viz=timeline],[data-careto-viz=profile]))";
        // data-careto-viz names the view; data-view does when it does not.
        let profile = ":is([data-careto-viz=profile],[data-view=profile]:not([data-careto-viz=bars],[data-careto-viz=timeline],[data-careto-viz=map]))";
        let profile_heights = "--cv-e:var(--cv-pe);--cv-s:var(--cv-ps);--cv-he:var(--cv-hpe);--cv-hs:var(--cv-hps)";
        if part == Part::Profile {
            rule(&both(profile, "[data-careto-viz-frame=profile]"), profile_heights);
            changes(&mut css, campaign, &vars, part);
            return css;
        }
        if part == Part::Map {
            rule(
                &both(map, "[data-careto-viz-frame=map]"),
                &format!(
                    "--cv-e:calc(var(--cv-mae) + var(--cv-mw));--cv-s:calc(var(--cv-mas) + var(--cv-mw));--cv-he:var(--cv-hme);--cv-hs:var(--cv-hms);{}",
                    map_world()
                ),
            );
            changes(&mut css, campaign, &vars, part);
            return css;
        }
        rule(&waiting, "container:careto-viz/inline-size;white-space:normal");
        // The canvas (less its header when plain: --cv-p is 0 or 1) and the controls row.
        let height = "height:calc(var(--cv-c) - var(--cv-p) * var(--cv-h) + var(--cv-t))";
        // Only where scripts run: without them the page shows its noscript
        // image, and space kept for a chart that never comes would stand
        // above it as a blank block (the iframe keeps its height: it is the
        // frame's fallback, and the frame's page says why it is empty).
        rule(&format!("@media(scripting:enabled){{{waiting}::before"), &format!("content:\"\";display:block;{height}}}"));
        rule(&f, "display:block;container:careto-viz/inline-size");
        rule(&format!("{f}>iframe"), &format!("display:block;width:100%;border:0;{height}"));
        rule(
            &both("", ""),
            "--cv-e:var(--cv-be);--cv-s:var(--cv-bs);--cv-he:var(--cv-hbe);--cv-hs:var(--cv-hbs);--cv-c:var(--cv-e);--cv-h:var(--cv-he);--cv-t:var(--cv-t4);--cv-p:0",
        );
        let timeline = ":is([data-careto-viz=timeline],[data-view=timeline]:not([data-careto-viz=bars],[data-careto-viz=profile],[data-careto-viz=map]))";
        rule(&both(timeline, "[data-careto-viz-frame=timeline]"), "--cv-e:var(--cv-te);--cv-s:var(--cv-ts);--cv-he:var(--cv-hte);--cv-hs:var(--cv-hts)");
        // The map, and The Mask's profile: nothing reserved here (their own
        // stylesheets, --map and --profile, reserve them).
        let none = "--cv-e:0px;--cv-s:0px;--cv-he:0px;--cv-hs:0px";
        rule(&both(profile, "[data-careto-viz-frame=profile]"), if part == Part::Own { profile_heights } else { none });
        rule(&both(map, "[data-careto-viz-frame=map]"), none);
        rule(&format!("{q}:lang(es)::before"), "--cv-c:var(--cv-s);--cv-h:var(--cv-hs)");
        rule(&format!("{q}[data-lang]::before"), "--cv-c:var(--cv-e);--cv-h:var(--cv-he)");
        rule(&both("[data-lang|=es i]", "[data-lang|=es i]"), "--cv-c:var(--cv-s);--cv-h:var(--cv-hs)");
        rule(&both("[data-downloads=false]", "[data-downloads=false]"), "--cv-t:var(--cv-t2)");
        rule(&both("[data-embed-code=false]", "[data-embed-code=false]"), "--cv-t:var(--cv-t3)");
        let none = "[data-downloads=false][data-embed-code=false]";
        rule(&both(none, none), &format!("--cv-t:{}px", tools(1, MAX_WIDTH)));
        // Plain: no header, no controls row; static: no controls row.
        let (plain, still) = (flag("plain"), flag("static"));
        rule(&both(&plain, &plain), "--cv-p:1;--cv-t:0px");
        rule(&both(&still, &still), "--cv-t:0px");
        changes(&mut css, campaign, &vars, part);
        css
    }

    /// Appends, where a value of `part` changes with the width, a block that
    /// sets it from there on, on the elements `vars` selects.
    fn changes(css: &mut String, campaign: &Campaign, vars: &str, part: Part) {
        let names = names(part);
        let mut last: Option<Vec<u32>> = None;
        for width in 0..=MAX_WIDTH {
            let now = values(campaign, width, part);
            let changed: Vec<String> = names
                .iter()
                .zip(now.iter())
                .enumerate()
                .filter(|(i, (_, v))| last.as_ref().and_then(|l| l.get(*i).copied()) != Some(**v))
                .map(|(_, (name, v))| format!("--cv-{name}:{v}px"))
                .collect();
            if !changed.is_empty() {
                let _ = writeln!(css, "@container careto-viz (min-width:{width}px){{{vars}{{{}}}}}", changed.join(";"));
            }
            last = Some(now);
        }
    }

    pub fn run(args: Vec<String>) -> Result<(), String> {
        let (mut campaign, mut only, mut out, mut part) = (None, None, None, Part::Charts);
        let mut it = args.into_iter();
        while let Some(flag) = it.next() {
            let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
            match flag.as_str() {
                "--campaign" => campaign = Some(value()?),
                "--for" => only = Some(value()?),
                "--out" => out = Some(value()?),
                "--map" => part = Part::Map,
                "--profile" => part = Part::Profile,
                "-h" | "--help" => {
                    println!("careto-reserve [--map | --profile] [--campaign FILE --for SELECTOR] [--out FILE]");
                    return Ok(());
                }
                other => return Err(format!("unknown argument \"{other}\" (try --help)")),
            }
        }
        let css = match (campaign, only) {
            (None, None) => stylesheet(&careto_viz::data::careto(), None, part),
            // A campaign's own stylesheet holds every view but the map.
            (Some(path), Some(selector)) => {
                stylesheet(&careto_viz::campaign_reader::read_file(&path)?, Some(&selector), if part == Part::Charts { Part::Own } else { part })
            }
            _ => return Err("--campaign and --for go together: a campaign's heights apply to the elements SELECTOR matches".to_string()),
        };
        match out {
            Some(path) => std::fs::write(&path, css).map_err(|e| format!("cannot write {path}: {e}")),
            None => {
                print!("{css}");
                Ok(())
            }
        }
    }
}
