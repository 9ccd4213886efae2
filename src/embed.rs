//! The paste-ready embed code that a chart's "Copy embed code" control
//! copies: README's responsive iframe (`embed.html` + `careto-viz-frame.js`).
//! Pure Rust, tested natively; the browser side (button, clipboard) is in
//! `web/`.

use crate::chart::View;
use crate::model::Lang;

/// `s` with `&`, `"`, `<` and `>` escaped, for an HTML attribute value.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The iframe snippet for the chart `view` in `lang` and `theme` (`"auto"`,
/// `"light"` or `"dark"`), `title` its accessible title and `height` a
/// fallback height in CSS px. `embed_url` is the absolute address of
/// `embed.html`, perhaps with a query (`?campaign=…`) that is kept;
/// `careto-viz-frame.js` is taken to sit next to it.
pub fn snippet(embed_url: &str, view: View, lang: Lang, theme: &str, title: &str, height: u32) -> String {
    let view = match view {
        View::Bars => "bars",
        View::Timeline => "timeline",
        #[cfg(careto_map)]
        View::Map => "map",
    };
    let lang = match lang {
        Lang::En => "en",
        Lang::Es => "es",
    };
    let page = embed_url.split('#').next().unwrap_or_default();
    let sep = if page.contains('?') { '&' } else { '?' };
    let src = format!("{page}{sep}view={view}&lang={lang}&theme={theme}");
    let dir = page.split('?').next().unwrap_or_default();
    let dir = dir.get(..dir.rfind('/').map_or(0, |i| i + 1)).unwrap_or_default();
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"{height}\" class=\"careto-viz-frame\"></iframe>\n\
         <!-- optional, once per page: sizes every such frame to its content -->\n\
         <script src=\"{}careto-viz-frame.js\" defer></script>",
        attr(&src),
        attr(title),
        attr(dir),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readme_iframe_with_the_charts_settings() {
        let s = snippet("https://graphics.example.org/careto/embed.html", View::Timeline, Lang::Es, "dark", "The Mask (Careto): timeline", 600);
        assert_eq!(
            s,
            "<iframe src=\"https://graphics.example.org/careto/embed.html?view=timeline&amp;lang=es&amp;theme=dark\" \
             title=\"The Mask (Careto): timeline\" loading=\"lazy\" width=\"100%\" height=\"600\" class=\"careto-viz-frame\"></iframe>\n\
             <!-- optional, once per page: sizes every such frame to its content -->\n\
             <script src=\"https://graphics.example.org/careto/careto-viz-frame.js\" defer></script>"
        );
    }

    #[test]
    fn keeps_a_query_drops_a_fragment_and_escapes() {
        let s = snippet("https://x.example/a/embed.html?campaign=c.json#top", View::Bars, Lang::En, "auto", "A \"B\" <C> & D", 500);
        assert!(s.contains("src=\"https://x.example/a/embed.html?campaign=c.json&amp;view=bars&amp;lang=en&amp;theme=auto\""), "{s}");
        assert!(s.contains("title=\"A &quot;B&quot; &lt;C&gt; &amp; D\""), "{s}");
        assert!(s.contains("<script src=\"https://x.example/a/careto-viz-frame.js\" defer>"), "{s}");
    }
}
