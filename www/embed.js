// The iframe page's script (embed.html?view=bars&lang=es&theme=auto).
//
// Mounts one chart from the query string, then tells the parent page how tall
// the document is, on every change of size:
//
//   parent.postMessage({ type: "careto-viz:height", height, view }, "*")
//
// height is in CSS px (a whole number), view is "bars", "timeline", "profile" or
// "map". The message carries nothing private, hence "*": the parent decides whom
// to believe (careto-viz-frame.js checks event.source and event.origin).
//
// It also speaks the protocols CMSs already have (pym.js, AMP, Datawrapper:
// embed-protocols.js), and forwards the chart's events (careto-viz:ready,
// careto-viz:select, careto-viz:error) to the parent as messages
// {type: "careto-viz:ready", ...detail}.
//
// Query parameters: view ("bars" | "timeline" | "profile" | "map", default "bars", or the
// page's <html data-view>), lang ("en" | "es", default "en", or <html data-lang>), theme ("light" | "dark" | "auto", default "auto"), and
// campaign: the address of a campaign JSON file on this same site (see
// campaign.schema.json); others are refused. The chart's "Copy embed code"
// button copies this page's address with the same campaign. Without a
// campaign the page loads the article build (the map build for a map, the profile build for a profile), with
// one the full build (careto-viz-loader.js). downloads=false and embedCode=false hide those
// buttons. focus=MAR (an ISO code, or an event's id) opens the chart with
// that item focused and its details open, said once; an unknown one is
// ignored with a console warning. Display flags, as Datawrapper has them:
// plain=1 (no title, headline figures, subtitle or buttons: the host writes
// its own), transparent=1 (no background, the page's nor the chart's),
// static=1 (the picture only: no interaction layer is loaded); 0 or absent
// is off, another value is ignored with one console warning.

import { STATE, campaignAt, displayFlags, embedUrlFor, mountChart, showError } from "./careto-viz-loader.js";
import { heightProtocols } from "./embed-protocols.js";

const params = new URLSearchParams(location.search);
const root = document.documentElement;
// A page made to share one view (chart-map-es.html) names it on <html>.
const view = params.get("view") || root.dataset.view || "bars";
const lang = params.get("lang") || root.dataset.lang || "en";
const theme = params.get("theme") || "auto";
const container = document.getElementById("chart");

root.lang = lang === "es" ? "es" : "en";
root.dataset.theme = ["light", "dark"].includes(theme) ? theme : "auto";
const flags = displayFlags((name) => params.get(name), "embed.html?");
// No background of the page's own either (embed.css).
if (flags.transparent) root.dataset.transparent = "";

const framed = window.parent !== window;
const toParent = (message) => framed && window.parent.postMessage(message, "*");
const protocols = heightProtocols(params, toParent);
let lastHeight = -1;
function postHeight() {
  const height = Math.ceil(root.getBoundingClientRect().height);
  // Nothing before the page has a height: pym.js and AMP would shrink the
  // frame to 0 px until the chart drew (its fallback height is better).
  if (height <= 0 || height === lastHeight || !framed) return;
  lastHeight = height;
  toParent({ type: "careto-viz:height", height, view });
  protocols(height);
}
for (const type of ["careto-viz:ready", "careto-viz:select", "careto-viz:error"]) {
  container.addEventListener(type, (e) => toParent({ ...e.detail, type }));
}
// The page's height follows the chart's element, the only thing in it that
// changes size: observed there (the element the chart observes too), not on
// <html>. With <html> observed, WebKit now and then reported "ResizeObserver
// loop completed with undelivered notifications" as an error on the page
// (one clean CI run in about seven, readers.test.mjs), and the observation
// left undelivered in the trail of the one caught was <html>'s, shallower
// than the chart's. Only a framed page posts its height, so only a framed
// page observes it.
if (framed) new ResizeObserver(postHeight).observe(container);

/** The chart (for the console and the tests). */
export let chart;

root.setAttribute(STATE, "loading");
const src = params.get("campaign");
if (src && new URL(src, location.href).origin !== location.origin) {
  // A link can name any file: only this site's campaigns are drawn under its name.
  showError(container, new Error(`careto-viz: campaign "${src}" is not on this site; only same-site campaign files are loaded`));
} else {
  const hide = (name) => params.get(name) === "false" && { [name]: false };
  const options = { view, lang, theme, embedUrl: embedUrlFor(src ?? undefined), ...hide("downloads"), ...hide("embedCode"), ...flags };
  chart = await mountChart(container, options, campaignAt(src ?? undefined), params.get("focus") ?? undefined);
  // The page's name: the chart's (its campaign's, in its language), in a tab or a bookmark.
  const name = chart?.canvas?.getAttribute("aria-label");
  if (name) document.title = name;
}
root.setAttribute(STATE, container.getAttribute(STATE) === "ready" ? "ready" : "error");
postHeight();
