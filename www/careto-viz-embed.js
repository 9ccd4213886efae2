// careto-viz-embed.js: drop-in embed for pages you do not control (a CMS article).
//
//   <div data-careto-viz="bars" data-lang="en"></div>
//   <div data-careto-viz="timeline" data-lang="es" data-theme="dark"></div>
//   <div data-careto-viz="map"></div>
//   <div data-careto-viz="bars" data-campaign-src="my-campaign.json"></div>
//   <script type="module" src="/careto-viz/careto-viz-embed.js"></script>
//
// Every element with a data-careto-viz attribute becomes a chart. Its value is
// the view ("bars", "timeline", "profile" or "map"; data-view works too). Optional: data-lang
// ("en" | "es"; default: the page's lang), data-theme ("light" | "dark" |
// "auto", the default), data-campaign-src (the address of a campaign JSON file,
// see campaign.schema.json, relative to the page), data-downloads="false" and
// data-embed-code="false" (hide the download and "Copy embed code" buttons;
// the embed code is the iframe of embed.html next to this file, offered only
// when the campaign file is on that same site), and the display flags
// data-plain, data-transparent and data-static ("1", "true" or no value:
// on; "0" or "false": off; another value is ignored with a console
// warning). The module
// (./pkg/careto_viz.js next to this file, whatever the page's address: the
// article build, the Careto data compiled in) is loaded and initialised once,
// however many charts and however many copies of this script tag the page
// has; a map placeholder gets the map build (./pkg/careto_viz_map.js) and a
// profile placeholder the profile build (./pkg/careto_viz_profile.js), each
// after the page's other charts have their first frame, and a placeholder with
// data-campaign-src the full build (./pkg-full/careto_viz_full.js, which
// reads campaigns and draws maps), each also loaded once
// (careto-viz-loader.js: one loader for every page). Elements added later (infinite scroll, a
// live blog) are mounted when they appear, removed ones are destroyed, and a
// changed data-* attribute remounts the chart. A chart that cannot be drawn
// shows why, as text in its element (class "careto-viz-error"), and logs it.
//
// Each element gets data-careto-viz-state: "loading", then "ready" or "error".
// No inline script or style is needed, so a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') allows it.

import { STATE, buildOf, clearError, displayFlags, embedUrlFor, follow, followLinks, linkedItem, loadBuild, loadCampaign, showError } from "./careto-viz-loader.js";

const KEY = Symbol.for("careto-viz-embed");
const SELECTOR = "[data-careto-viz]";
const ATTRIBUTES = ["data-careto-viz", "data-view", "data-lang", "data-theme", "data-campaign-src", "data-downloads", "data-embed-code", "data-plain", "data-transparent", "data-static"];

/** Every mounted chart by its element (for the console and the tests). */
export const charts = new Map();

function optionsOf(element) {
  const view = element.dataset.caretoViz || element.dataset.view;
  const { lang, theme, downloads, embedCode, campaignSrc } = element.dataset;
  const embedUrl = embedUrlFor(campaignSrc);
  return {
    ...(view && { view }),
    ...(lang && { lang }),
    ...(theme && { theme }),
    ...(downloads === "false" && { downloads: false }),
    ...(embedCode === "false" && { embedCode: false }),
    ...(embedUrl && { embedUrl }),
    ...displayFlags((name) => element.getAttribute(`data-${name}`), "data-"),
  };
}

// Each mount has a ticket: a remount or a removal while a mount awaits its
// campaign or the module makes the older mount give up.
const tickets = new WeakMap();

async function mountOne(element) {
  const ticket = {};
  tickets.set(element, ticket);
  element.setAttribute(STATE, "loading");
  clearError(element);
  try {
    const options = optionsOf(element);
    const src = element.dataset.campaignSrc;
    const [module, campaign] = await Promise.all([loadBuild(buildOf(options, src, element)), src ? loadCampaign(src) : undefined]);
    if (tickets.get(element) !== ticket) return;
    if (!element.isConnected) {
      // Removed while loading: forget it, so that it mounts if it comes back.
      tickets.delete(element);
      element.removeAttribute(STATE);
      return;
    }
    if (campaign !== undefined) options.campaign = campaign;
    const chart = module.mount(element, options);
    charts.set(element, chart);
    // "ready" once it has its picture (a map, once its geometry has arrived).
    follow(element, chart);
    // A link to an item of this chart (#careto-bars=MAR): focused, its details open.
    const linked = linkedItem(options.view);
    if (linked) chart.focus(linked);
  } catch (error) {
    if (tickets.get(element) !== ticket) return;
    showError(element, error);
  }
}

function unmount(element) {
  tickets.delete(element);
  const chart = charts.get(element);
  if (chart) {
    charts.delete(element);
    chart.destroy();
  }
  clearError(element);
  element.removeAttribute(STATE);
}

function scan(root) {
  const found = root.matches?.(SELECTOR) ? [root] : [];
  found.push(...(root.querySelectorAll?.(SELECTOR) ?? []));
  for (const element of found) {
    if (!element.hasAttribute(STATE) && element.isConnected) mountOne(element);
  }
}

function start() {
  const observer = new MutationObserver((records) => {
    let removed = false;
    const changed = new Set();
    for (const record of records) {
      if (record.type === "attributes") {
        // Our own state attribute is not in the filter; a changed option remounts.
        if (record.target.matches(SELECTOR) || record.attributeName === "data-careto-viz") changed.add(record.target);
        continue;
      }
      removed ||= record.removedNodes.length > 0;
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) scan(node);
    }
    if (removed) {
      for (const element of charts.keys()) if (!element.isConnected) unmount(element);
    }
    for (const element of changed) {
      unmount(element);
      if (element.matches(SELECTOR) && element.isConnected) mountOne(element);
    }
  });
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ATTRIBUTES,
  });
  scan(document.documentElement);
}

// One embed per page: a second copy of this file (another URL, say ?v=2) defers to the first.
const running = globalThis[KEY];
if (!running) {
  globalThis[KEY] = { charts, version: 1 };
  start();
  // A link in the article's text to a chart's item (#careto-bars=FRA).
  followLinks(charts, (element) => optionsOf(element).view);
}
