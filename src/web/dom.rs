//! The chart's DOM around its canvas, in a shadow root: tooltip, live region,
//! summary, "Show data" button and the data table. All text goes in through
//! `textContent` (never parsed as HTML).

use crate::describe::{self, Tooltip};
use crate::i18n::strings;
use crate::model::{Campaign, Lang};
use crate::theme::Theme;
use crate::view::View;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement, HtmlTextAreaElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

#[wasm_bindgen]
extern "C" {
    /// The promise `navigator.clipboard.writeText` returns.
    type Written;
    /// `navigator.clipboard.writeText`; throws where there is no clipboard API.
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn clipboard_write(text: &str) -> Result<Written, JsValue>;
    /// `promise.then(ok, fail)`.
    #[wasm_bindgen(method, js_name = then)]
    fn then_or(this: &Written, ok: &JsValue, fail: &JsValue);
}

// chart.css as build.rs compacts it (no comments, no needless whitespace).
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/chart.css"));

/// The elements of a mounted chart.
pub struct Parts {
    /// The shadow root (open, so tests and tools can see in).
    pub root: ShadowRoot,
    /// The figure that holds everything.
    pub figure: HtmlElement,
    /// The tooltip.
    pub tip: HtmlElement,
    /// The polite live region.
    pub live: HtmlElement,
    /// The summary (referenced by the canvas's `aria-describedby`).
    pub summary: HtmlElement,
    /// The "Show data" button.
    pub button: HtmlElement,
    /// The table's wrapper (visually hidden when closed, still read by screen readers).
    pub data: HtmlElement,
    /// "Download PNG".
    pub png: HtmlElement,
    /// "Download CSV".
    pub csv: HtmlElement,
    /// "Copy embed code" (shown when the host gave `embedUrl`).
    pub embed: HtmlElement,
    /// The embed code, shown selected when the clipboard is out of reach.
    pub code: HtmlTextAreaElement,
}

fn err(what: &str) -> impl Fn(JsValue) -> String + '_ {
    move |_| format!("cannot create the chart's {what}")
}

fn el(doc: &Document, tag: &str, class: &str) -> Result<HtmlElement, String> {
    let e: HtmlElement = doc.create_element(tag).map_err(err(tag))?.dyn_into().map_err(|_| format!("cannot create a {tag}"))?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

fn text(doc: &Document, tag: &str, class: &str, content: &str) -> Result<HtmlElement, String> {
    let e = el(doc, tag, class)?;
    e.set_text_content(Some(content));
    Ok(e)
}

fn append(parent: &Element, child: &web_sys::Node) -> Result<(), String> {
    parent.append_child(child).map(|_| ()).map_err(|_| "cannot build the chart's DOM".to_string())
}

/// Builds the shadow DOM inside `host` around `canvas`; `id` makes ids unique in the page.
pub fn build(host: &Element, canvas: &HtmlCanvasElement, id: u32) -> Result<Parts, String> {
    let init = ShadowRootInit::new(ShadowRootMode::Open);
    let root = host.attach_shadow(&init).map_err(|_| "mount: this element cannot hold a chart (it cannot have a shadow root; use a <div>)".to_string())?;
    build_in(&root, canvas, id)
}

/// Builds the chart's DOM in an existing, empty shadow root.
pub fn build_in(root: &ShadowRoot, canvas: &HtmlCanvasElement, id: u32) -> Result<Parts, String> {
    let root = root.clone();
    let doc = root.host().owner_document().ok_or("the element has no document")?;
    if let Ok(sheet) = web_sys::CssStyleSheet::new() {
        if sheet.replace_sync(CSS).is_ok() {
            let sheets = js_sys::Array::of1(&sheet);
            root.set_adopted_style_sheets(&sheets);
        }
    }
    let figure = el(&doc, "figure", "cv")?;
    let summary = el(&doc, "p", "cv-sr")?;
    summary.set_id(&format!("cv-summary-{id}"));
    let live = el(&doc, "div", "cv-sr")?;
    live.set_attribute("aria-live", "polite").map_err(err("live region"))?;
    live.set_attribute("aria-atomic", "true").map_err(err("live region"))?;
    let tip = el(&doc, "div", "cv-tip")?;
    tip.set_attribute("role", "tooltip").map_err(err("tooltip"))?;
    tip.set_id(&format!("cv-tip-{id}"));
    tip.set_hidden(true);
    let tools = el(&doc, "div", "cv-tools")?;
    let button = el(&doc, "button", "")?;
    button.set_attribute("type", "button").map_err(err("button"))?;
    button.set_attribute("aria-expanded", "false").map_err(err("button"))?;
    button.set_attribute("aria-controls", &format!("cv-data-{id}")).map_err(err("button"))?;
    let png = el(&doc, "button", "")?;
    let csv = el(&doc, "button", "")?;
    let embed = el(&doc, "button", "")?;
    for b in [&png, &csv, &embed] {
        b.set_attribute("type", "button").map_err(err("button"))?;
    }
    let code: HtmlTextAreaElement = el(&doc, "textarea", "cv-code")?.unchecked_into();
    code.set_read_only(true);
    code.set_hidden(true);
    let data = el(&doc, "div", "cv-data cv-closed")?;
    data.set_id(&format!("cv-data-{id}"));
    canvas.set_tab_index(0);
    canvas.set_attribute("role", "img").map_err(err("canvas"))?;
    canvas.set_attribute("aria-describedby", &format!("cv-summary-{id}")).map_err(err("canvas"))?;
    append(&figure, canvas)?;
    append(&figure, &summary)?;
    append(&figure, &live)?;
    append(&tools, &button)?;
    append(&tools, &png)?;
    append(&tools, &csv)?;
    append(&tools, &embed)?;
    append(&figure, &tools)?;
    append(&figure, &code)?;
    append(&figure, &data)?;
    append(&figure, &tip)?;
    root.append_child(&figure).map_err(|_| "cannot build the chart's DOM".to_string())?;
    Ok(Parts { root, figure, tip, live, summary, button, data, png, csv, embed, code })
}

/// Sets the theme's colours as the custom properties the CSS reads.
pub fn apply_theme(parts: &Parts, theme: &Theme) {
    let style = parts.figure.style();
    let pairs = [
        ("--cv-bg", theme.background),
        ("--cv-text", theme.text),
        ("--cv-muted", theme.text_muted),
        ("--cv-grid", theme.grid),
        ("--cv-focus", theme.focus),
        ("--cv-tip-bg", theme.text),
        ("--cv-tip-text", theme.background),
    ];
    for (name, color) in pairs {
        let _ = style.set_property(name, &color.hex());
    }
    // Form controls and the table's scrollbar follow the chart's theme, not the host's.
    let _ = style.set_property("color-scheme", theme.name.as_str());
}

/// Fills the summary and the buttons for `view` in `lang` (the table: [`fill_table`]).
pub fn fill_labels(parts: &Parts, c: &Campaign, view: View, lang: Lang, open: bool) {
    let summary = match view {
        View::Bars => describe::bars_summary(c, lang),
        View::Timeline => describe::timeline_summary(c, lang),
    };
    let s = strings(lang);
    parts.summary.set_text_content(Some(&summary));
    parts.button.set_text_content(Some(if open { s.hide_data } else { s.show_data }));
    let _ = parts.button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    parts.png.set_text_content(Some(s.download_png));
    parts.csv.set_text_content(Some(s.download_csv));
    parts.embed.set_text_content(Some(s.copy_embed));
    let _ = parts.code.set_attribute("aria-label", s.embed_code);
    parts.data.set_class_name(if open { "cv-data" } else { "cv-data cv-closed" });
}

/// Fills the data table for `view` in `lang` (caption, headers, a row per
/// item with its sources; the words come from [`describe`]).
pub fn fill_table(parts: &Parts, c: &Campaign, view: View, lang: Lang) -> Result<(), String> {
    let doc = parts.figure.owner_document().ok_or("no document")?;
    let s = strings(lang);
    let table = el(&doc, "table", "")?;
    let caption = text(&doc, "caption", "", &describe::table_caption(c, view, lang))?;
    append(&table, &caption)?;
    let thead = el(&doc, "thead", "")?;
    let head = el(&doc, "tr", "")?;
    let headers: [(&str, &str); 4] = match view {
        View::Bars => [(s.col_country, ""), (c.measure.get(lang), "cv-num"), (s.col_notes, ""), (s.sources, "")],
        View::Timeline => [(s.col_date, ""), (s.col_event, ""), (s.col_status, ""), (s.sources, "")],
    };
    for (h, class) in headers {
        let th = text(&doc, "th", class, h)?;
        let _ = th.set_attribute("scope", "col");
        append(&head, &th)?;
    }
    append(&thead, &head)?;
    append(&table, &thead)?;
    let tbody = el(&doc, "tbody", "")?;
    match view {
        View::Bars => {
            for row in describe::country_rows(c, lang) {
                let tr = el(&doc, "tr", "")?;
                let _ = tr.set_attribute("data-code", &row.code);
                cells(&doc, &tr, [("", &row.name), ("cv-num", &row.value), ("", &row.notes), ("", &row.sources)])?;
                append(&tbody, &tr)?;
            }
        }
        View::Timeline => {
            for row in describe::event_rows(c, lang) {
                let tr = el(&doc, "tr", "")?;
                cells(&doc, &tr, [("", &row.date), ("", &row.event), ("", &row.status), ("", &row.sources)])?;
                append(&tbody, &tr)?;
            }
        }
    }
    append(&table, &tbody)?;
    parts.data.replace_children_with_node_1(&table);
    Ok(())
}

/// A table row's cells, `(class, text)` each: the first a row header, the others data.
fn cells(doc: &Document, tr: &Element, cells: [(&str, &str); 4]) -> Result<(), String> {
    for (k, (class, content)) in cells.into_iter().enumerate() {
        let cell = text(doc, if k == 0 { "th" } else { "td" }, class, content)?;
        if k == 0 {
            let _ = cell.set_attribute("scope", "row");
        }
        append(tr, &cell)?;
    }
    Ok(())
}

/// Shows `tip` near the point (`client_x`, `client_y`), inside the viewport and
/// not under the pointer.
pub fn show_tip(parts: &Parts, tip: &Tooltip, client_x: f64, client_y: f64) {
    let doc = match parts.figure.owner_document() {
        Some(d) => d,
        None => return,
    };
    let mut nodes: Vec<HtmlElement> = Vec::new();
    if let Ok(b) = text(&doc, "b", "", &tip.title) {
        nodes.push(b);
    }
    for line in &tip.lines {
        if let Ok(p) = text(&doc, "p", "", line) {
            nodes.push(p);
        }
    }
    let arr = js_sys::Array::new();
    for n in &nodes {
        arr.push(n);
    }
    parts.tip.replace_children_with_node(&arr);
    parts.tip.set_hidden(false);
    place_tip(parts, client_x, client_y);
}

/// `v.clamp(lo, hi)` for `lo <= hi` (a NaN `v` stays NaN), without `clamp`'s
/// check of the bounds: its panic message formats both with `{:?}`, which
/// linked f64's Debug formatting (1 KB) into the module for this alone.
fn within(v: f64, lo: f64, hi: f64) -> f64 {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}

/// Moves the open tooltip next to (`client_x`, `client_y`), inside the viewport
/// and not under the pointer (its content stays).
pub fn place_tip(parts: &Parts, client_x: f64, client_y: f64) {
    let (vw, vh) = web_sys::window()
        .map(|w| {
            let f = |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
            (f(w.inner_width()), f(w.inner_height()))
        })
        .unwrap_or((0.0, 0.0));
    let r = parts.tip.get_bounding_client_rect();
    let (w, h) = (r.width(), r.height());
    let gap = 14.0;
    let mut x = client_x + gap;
    if x + w > vw - 8.0 {
        x = client_x - gap - w;
    }
    let x = within(x, 8.0, (vw - w - 8.0).max(8.0));
    let mut y = client_y + gap;
    if y + h > vh - 8.0 {
        y = client_y - gap - h;
    }
    let y = within(y, 8.0, (vh - h - 8.0).max(8.0));
    let (x, y) = (x.round(), y.round());
    let style = parts.tip.style();
    let _ = style.set_property("left", &format!("{x}px"));
    let _ = style.set_property("top", &format!("{y}px"));
    // A host-page ancestor with a transform, filter or will-change becomes the
    // containing block of `position: fixed`: move the tooltip by how far off it landed.
    let at = parts.tip.get_bounding_client_rect();
    let (dx, dy) = (x - at.left(), y - at.top());
    if dx.abs() >= 0.5 || dy.abs() >= 0.5 {
        let _ = style.set_property("left", &format!("{}px", (x + dx).round()));
        let _ = style.set_property("top", &format!("{}px", (y + dy).round()));
    }
}

/// Hides the tooltip.
pub fn hide_tip(parts: &Parts) {
    parts.tip.set_hidden(true);
}

/// Says `message` through the live region.
pub fn announce(parts: &Parts, message: &str) {
    parts.live.set_text_content(Some(message));
}

/// Starts a download of `href` (a `data:` URL: nothing leaves the page) as `file_name`.
pub fn download(parts: &Parts, href: &str, file_name: &str) -> Result<(), String> {
    let doc = parts.figure.owner_document().ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(err("link"))?.dyn_into().map_err(|_| "cannot create a link".to_string())?;
    a.set_href(href);
    a.set_download(file_name);
    a.set_hidden(true);
    append(&parts.figure, &a)?;
    a.click();
    a.remove();
    Ok(())
}

/// Shows or hides the download buttons (option `downloads`) and the
/// "Copy embed code" button (options `embedUrl` and `embedCode`).
pub fn show_downloads(parts: &Parts, show: bool, embed: bool) {
    parts.png.set_hidden(!show);
    parts.csv.set_hidden(!show);
    parts.embed.set_hidden(!embed);
    if !embed {
        parts.code.set_hidden(true);
    }
}

/// Puts `code` on the clipboard. When the write settles, the "Copy embed
/// code" button gets a `cv-copied` or `cv-copy-failed` event (plain JS
/// functions bound to `dispatchEvent`: no closure to keep or free), and the
/// chart calls [`copied`]. Returns false, having done nothing more, where
/// there is no clipboard API.
pub fn copy(parts: &Parts, code: &str) -> bool {
    parts.code.set_value(code);
    let Ok(written) = clipboard_write(code) else { return false };
    let target = &parts.embed;
    let dispatch = |kind: &str| -> JsValue {
        match (js_sys::Reflect::get(target, &JsValue::from_str("dispatchEvent")), web_sys::Event::new(kind)) {
            (Ok(f), Ok(e)) => f.unchecked_into::<js_sys::Function>().bind1(target, &e).into(),
            _ => JsValue::UNDEFINED,
        }
    };
    written.then_or(&dispatch("cv-copied"), &dispatch("cv-copy-failed"));
    true
}

/// After a copy: says "Copied"; or, where the clipboard was out of reach (no
/// API, no permission, a frame without `clipboard-write`), shows the code
/// selected in the read-only field and says how to copy it.
pub fn copied(parts: &Parts, ok: bool, lang: Lang) {
    let s = strings(lang);
    parts.code.set_hidden(ok);
    if !ok {
        let _ = parts.code.focus();
        parts.code.select();
    }
    parts.live.set_text_content(Some(if ok { s.copied } else { s.copy_by_hand }));
}
