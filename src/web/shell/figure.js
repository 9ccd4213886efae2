// The chart's DOM around its canvas: the open shadow root's figure, built
// once (canvas, summary, live region, the controls, the places of the code,
// the table and the tooltip), and the kernel's words (its title, summary,
// colours, labels and display flags) written into it after a draw that
// changed them.

import { el, stylesheet } from "./page.js";

/** The words of the controls, in the order of i18n::controls, then i18n::map_controls in a build with the map (src/i18n.rs). */
export const L = { show: 0, hide: 1, png: 2, csv: 3, embed: 4, copied: 5, copyByHand: 6, loading: 7, loadFailed: 8, codeName: 9, langFailed: 10, mapLoading: 11, mapFailed: 12, retry: 13 };

/** The kernel's words (Chart.words in src/web/api.rs) as an object. */
export function wordsOf(kernel) {
  const w = kernel.words();
  return {
    view: w[0],
    lang: w[1],
    theme: w[2],
    themeOption: w[3],
    // Bits: the download buttons (1), then the display flags plain, transparent, static (Display::bits).
    downloads: (w[4] & 1) > 0,
    plain: (w[4] & 2) > 0,
    transparent: (w[4] & 4) > 0,
    static: (w[4] & 8) > 0,
    embedUrl: w[5] || undefined,
    title: w[6],
    summary: w[7],
    colors: w.slice(8, 13),
    labels: w.slice(13),
  };
}

/** The figure around canvas `c` in shadow root `root`, its parts by name; its ids (from `id`) are unique in the page. */
export function figure(root, c, id) {
  root.adoptedStyleSheets = [stylesheet()];
  const p = { root };
  p.figure = el("figure", "cv");
  p.summary = el("p", "cv-sr", { id: `cv-summary-${id}` });
  p.live = el("div", "cv-sr", { "aria-live": "polite", "aria-atomic": "true" });
  p.tools = el("div", "cv-tools");
  p.show = el("button", "", { type: "button", "aria-expanded": "false", "aria-controls": `cv-data-${id}` });
  p.png = el("button", "", { type: "button" });
  p.csv = el("button", "", { type: "button" });
  p.embed = el("button", "", { type: "button" });
  p.status = el("span", "cv-status", { role: "status" });
  p.code = el("textarea", "cv-code", { readonly: "" });
  p.code.hidden = true;
  // The table's scroll container: a region named by the table's caption
  // and, while open, a tab stop that arrow keys scroll (interact.js).
  p.data = el("div", "cv-data cv-closed", { id: `cv-data-${id}` });
  p.tip = el("div", "cv-tip", { role: "tooltip", id: `cv-tip-${id}` });
  p.tip.hidden = true;
  c.setAttribute("role", "img");
  c.setAttribute("aria-describedby", `cv-summary-${id}`);
  p.tools.append(p.show, p.png, p.csv, p.embed, p.status);
  p.figure.append(c, p.summary, p.live, p.tools, p.code, p.data, p.tip);
  root.append(p.figure);
  return p;
}

/** Writes the words `w` of chart `st` (a State of core.js) into its figure. */
export function dress(st, w) {
  const p = st.parts;
  p.figure.lang = w.lang;
  p.summary.textContent = w.summary;
  const [bg, text, muted, grid, focus] = w.colors;
  const style = p.figure.style;
  for (const [name, value] of [["bg", bg], ["text", text], ["muted", muted], ["grid", grid], ["focus", focus], ["tip-bg", text], ["tip-text", bg]]) {
    style.setProperty(`--cv-${name}`, value);
  }
  style.setProperty("color-scheme", w.theme);
  label(st);
  p.png.hidden = p.csv.hidden = !w.downloads;
  p.embed.hidden = !w.embedUrl;
  if (!w.embedUrl) p.code.hidden = true;
  // Display flags: plain and static have no buttons, static no tab stop
  // and no interaction layer, transparent no background.
  p.tools.hidden = w.plain || w.static;
  style.setProperty("background", w.transparent ? "transparent" : "");
  if (w.static) st.canvas.removeAttribute("tabindex");
  else st.canvas.tabIndex = 0;
}

/** The buttons' labels and the code's name in the chart's words (the table's button says whether it is open). */
export function label(st) {
  const p = st.parts;
  const t = st.words.labels;
  // A label may end in "…" where its column is narrow (chart.css): the title shows all of it.
  for (const [button, i] of [[p.show, st.tableOpen ? L.hide : L.show], [p.png, L.png], [p.csv, L.csv], [p.embed, L.embed]]) {
    button.textContent = button.title = t[i];
  }
  p.code.setAttribute("aria-label", t[L.codeName]);
}
