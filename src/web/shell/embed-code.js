// The paste-ready embed code that a chart's "Copy embed code" button copies:
// README's responsive iframe (embed.html + careto-viz-frame.js). Part of the
// interaction layer; tests/page/embed-code.test.mjs checks it in Node.

/** `s` with `&`, `"`, `<` and `>` escaped, for an HTML attribute value. */
const attr = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The iframe snippet for the chart `view` in `lang` and `theme` ("auto",
 * "light" or "dark"), `title` its accessible title and `height` a fallback
 * height in CSS px. `embedUrl` is the absolute address of embed.html,
 * perhaps with a query (?campaign=…) that is kept; careto-viz-frame.js is
 * taken to sit next to it.
 */
export function embedCode(embedUrl, view, lang, theme, title, height) {
  const page = embedUrl.split("#")[0];
  const src = `${page}${page.includes("?") ? "&" : "?"}view=${view}&lang=${lang}&theme=${theme}`;
  const path = page.split("?")[0];
  const dir = path.slice(0, path.lastIndexOf("/") + 1);
  return (
    `<iframe src="${attr(src)}" title="${attr(title)}" loading="lazy" width="100%" height="${height}" class="careto-viz-frame"></iframe>\n` +
    "<!-- optional, once per page: sizes every such frame to its content -->\n" +
    `<script src="${attr(dir)}careto-viz-frame.js" defer></script>`
  );
}
