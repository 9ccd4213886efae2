// The iframe page's script (embed.html?view=bars&lang=es&theme=auto).
//
// Mounts one chart from the query string, then tells the parent page how tall
// the document is, on every change of size:
//
//   parent.postMessage({ type: "careto-viz:height", height, view }, "*")
//
// height is in CSS px (a whole number), view is "bars" or "timeline". The
// message carries nothing private, hence "*": the parent decides whom to
// believe (careto-viz-frame.js checks event.source and event.origin).
//
// Query parameters: view ("bars" | "timeline", default "bars"), lang ("en" |
// "es", default "en"), theme ("light" | "dark" | "auto", default "auto"), and
// campaign: the address of a campaign JSON file on this same site (see
// campaign.schema.json); other sites' files are refused. The chart's "Copy
// embed code" button copies this page's address with the same campaign.
// Without a campaign the page loads the article build (pkg/careto_viz.js: the
// Careto data compiled in, no campaign reader); with one, the full build
// (pkg-full/careto_viz_full.js).
// downloads=false and embedCode=false hide those buttons.

const params = new URLSearchParams(location.search);
const view = params.get("view") || "bars";
const lang = params.get("lang") || "en";
const theme = params.get("theme") || "auto";
const container = document.getElementById("chart");
const root = document.documentElement;

root.lang = lang === "es" ? "es" : "en";
root.dataset.theme = ["light", "dark"].includes(theme) ? theme : "auto";

/** Kept reachable for the page's lifetime (a collected handle frees the chart). */
export let chart = null;

function showError(error) {
  const message = error instanceof Error ? error.message : String(error);
  const p = document.createElement("p");
  p.className = "careto-embed__message careto-embed__message--error";
  p.setAttribute("role", "alert");
  p.textContent = `The chart could not be drawn: ${message}`;
  container.after(p);
  root.dataset.caretoViz = "error";
  console.error(message.startsWith("careto-viz:") ? message : `careto-viz: ${message}`);
}

async function loadCampaign(src) {
  const url = new URL(src, location.href);
  if (url.origin !== location.origin) {
    throw new Error(`careto-viz: campaign "${src}" is not on this site; only same-site campaign files are loaded`);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`careto-viz: campaign "${src}": HTTP ${response.status}`);
  return response.json();
}

let lastHeight = -1;
function postHeight() {
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (height === lastHeight || window.parent === window) return;
  lastHeight = height;
  window.parent.postMessage({ type: "careto-viz:height", height, view }, "*");
}
new ResizeObserver(postHeight).observe(root);

try {
  const src = params.get("campaign");
  const [{ default: init, mount }, campaign] = await Promise.all([
    src ? import("./pkg-full/careto_viz_full.js") : import("./pkg/careto_viz.js"),
    src ? loadCampaign(src) : undefined,
  ]);
  await init();
  const embedUrl = new URL("embed.html", import.meta.url);
  if (src) embedUrl.searchParams.set("campaign", src);
  const hide = (name) => params.get(name) === "false" && { [name]: false };
  chart = mount(container, { view, lang, theme, embedUrl: embedUrl.href, ...hide("downloads"), ...hide("embedCode"), ...(campaign && { campaign }) });
  root.dataset.caretoViz = "ready";
} catch (error) {
  showError(error);
}
postHeight();
