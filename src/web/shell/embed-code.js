// The paste-ready embed code that a chart's "Copy embed code" button copies:
// README's responsive iframe (embed.html + careto-viz-frame.js). Part of the
// interaction layer; tests/page/embed-code.test.mjs checks it in Node.

/** `s` with `&`, `"`, `<` and `>` escaped, for an HTML attribute value. */
const attr = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The iframe snippet for the chart `view` in `lang` and `theme` ("auto",
 * "light" or "dark"), `title` its accessible title and `height` a fallback
 * height in CSS px; `focus`, the item a reader last selected (an ISO code,
 * an event's id), is kept as `&focus=`, and the display flags that are on
 * in `flags` (`{ plain, transparent, static }`) as `&plain=1`… (plain and
 * static on the box too, for careto-viz.css's height). `embedUrl` is the absolute address of embed.html,
 * perhaps with a query (?campaign=…) that is kept; careto-viz.css and
 * careto-viz-frame.js are taken to sit next to it.
 *
 * The iframe sits in a box that careto-viz.css (src/bin/careto-reserve.rs)
 * gives the chart's height at the box's width from the page's first paint,
 * so the article does not move when the chart arrives; `height` is for a
 * page without that stylesheet. A campaign of one's own (?campaign=) is
 * named on the box (data-campaign-src), which careto-viz.css leaves to a
 * stylesheet made for that campaign (README).
 */
export function embedCode(embedUrl, view, lang, theme, title, height, focus, flags = {}) {
  const page = embedUrl.split("#")[0];
  const on = ["plain", "transparent", "static"].filter((name) => flags[name]);
  const src = `${page}${page.includes("?") ? "&" : "?"}view=${view}&lang=${lang}&theme=${theme}${on.map((name) => `&${name}=1`).join("")}${focus ? `&focus=${encodeURIComponent(focus)}` : ""}`;
  const [path, query = ""] = page.split("?");
  const dir = path.slice(0, path.lastIndexOf("/") + 1);
  const campaign = new URLSearchParams(query).get("campaign");
  const sized = on.filter((name) => name !== "transparent").map((name) => ` data-${name}="1"`).join("");
  const box = `data-careto-viz-frame="${attr(view)}" data-lang="${attr(lang)}"${sized}${campaign ? ` data-campaign-src="${attr(campaign)}"` : ""}`;
  return (
    "<!-- once per page: reserves each chart's height before it arrives -->\n" +
    `<link rel="stylesheet" href="${attr(dir)}careto-viz.css">\n` +
    // The map's and the profile's heights are stylesheets of their own (only pages with one need it).
    (view === "map" || view === "profile" ? `<link rel="stylesheet" href="${attr(dir)}careto-viz-${view}.css">\n` : "") +
    `<div ${box}><iframe src="${attr(src)}" title="${attr(title)}" loading="lazy" width="100%" height="${height}" class="careto-viz-frame"></iframe></div>\n` +
    "<!-- optional, once per page: sizes every such frame to its content -->\n" +
    `<script src="${attr(dir)}careto-viz-frame.js" defer></script>`
  );
}
