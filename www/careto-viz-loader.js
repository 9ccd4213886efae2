// The one loader of every careto-viz page and embed script (main.js,
// sample.js, embed.js, careto-viz-embed.js): it loads a build once, a
// campaign file once, mounts a chart, and shows a failure, all the same way.
//
// - Builds: pkg/careto_viz.js (the article build: The Mask (Careto) compiled
//   in) or pkg-full/careto_viz_full.js (the full build, for a campaign of
//   one's own), next to this file, each imported and initialised once per
//   page however many charts and scripts ask.
// - Campaign files: from the page's own site or the site serving careto-viz
//   (this file's), never a third one; cookies only to the same origin;
//   fetched once per address; a failed fetch is not kept, so a retry fetches.
// - State: every chart element gets data-careto-viz-state = "loading", then
//   "ready" or "error"; a failure is shown inside the element as
//   <p class="careto-viz-error" role="alert"> and logged once, prefixed once,
//   and the element dispatches careto-viz:error (detail: { message }).
// - "Copy embed code": the address of embed.html next to this file, with
//   ?campaign= when the campaign is on this file's site (embedUrlFor).

export const STATE = "data-careto-viz-state";
const PREFIX = "careto-viz: ";
const here = new URL(import.meta.url);

const builds = new Map();
/** The build's module, imported and initialised once. */
export function loadBuild(full) {
  const file = full ? "./pkg-full/careto_viz_full.js" : "./pkg/careto_viz.js";
  if (!builds.has(file)) {
    const loading = import(new URL(file, here).href).then(async (module) => {
      await module.default();
      return module;
    });
    loading.catch(() => builds.delete(file));
    builds.set(file, loading);
  }
  return builds.get(file);
}

const campaigns = new Map();
/** The campaign JSON at `src` (relative to the page), fetched once. */
export function loadCampaign(src) {
  const url = new URL(src, document.baseURI);
  if (url.origin !== location.origin && url.origin !== here.origin) {
    return Promise.reject(new Error(`${PREFIX}campaign "${src}" is on another site; only this page's site or careto-viz's are loaded`));
  }
  if (!campaigns.has(url.href)) {
    const loading = fetch(url, { credentials: "same-origin" }).then(async (response) => {
      if (!response.ok) throw new Error(`${PREFIX}campaign "${src}": HTTP ${response.status}`);
      try {
        return await response.json();
      } catch (error) {
        throw new Error(`${PREFIX}campaign "${src}" is not valid JSON (${error.message})`);
      }
    });
    loading.catch(() => campaigns.delete(url.href));
    campaigns.set(url.href, loading);
  }
  return campaigns.get(url.href);
}

/**
 * The address of embed.html (next to this file) drawing what a chart with
 * campaign `src` draws: ?campaign= relative to embed.html when the file is
 * beside or below it, its path when elsewhere on the same site; undefined
 * for another site's campaign (embed.html draws only its own site's).
 */
export function embedUrlFor(src) {
  const url = new URL("embed.html", here);
  if (!src) return url.href;
  const campaign = new URL(src, document.baseURI);
  if (campaign.origin !== here.origin) return undefined;
  const dir = new URL(".", here).href;
  const path = campaign.href.startsWith(dir) ? campaign.href.slice(dir.length) : campaign.pathname + campaign.search;
  return `${url.href}?campaign=${encodeURIComponent(path).replace(/%2F/g, "/")}`;
}

/** Removes a failure shown in `element`. */
export function clearError(element) {
  for (const root of [element, element.shadowRoot]) root?.querySelectorAll(":scope > .careto-viz-error").forEach((p) => p.remove());
}

/** Shows `error` as text inside `element` (its shadow root, when a chart made one) and logs it once. */
export function showError(element, error) {
  const message = error instanceof Error ? error.message : String(error);
  clearError(element);
  const p = document.createElement("p");
  p.className = "careto-viz-error";
  p.setAttribute("role", "alert");
  p.textContent = `The chart could not be drawn: ${message}`;
  (element.shadowRoot ?? element).append(p);
  element.setAttribute(STATE, "error");
  const text = message.startsWith(PREFIX) ? message : PREFIX + message;
  console.error(text);
  element.dispatchEvent(new CustomEvent("careto-viz:error", { detail: { message: text }, bubbles: true }));
}

/**
 * Mounts a chart in `element` with `options`; with `campaignSrc`, the full
 * build and that campaign. Resolves to the chart, or to undefined after
 * showing why there is none.
 */
export async function mountChart(element, options, campaignSrc) {
  element.setAttribute(STATE, "loading");
  clearError(element);
  try {
    const [module, campaign] = await Promise.all([loadBuild(Boolean(campaignSrc)), campaignSrc ? loadCampaign(campaignSrc) : undefined]);
    const chart = module.mount(element, campaign === undefined ? options : { ...options, campaign });
    element.setAttribute(STATE, "ready");
    return chart;
  } catch (error) {
    showError(element, error);
    return undefined;
  }
}

/** Mounts a chart in each element (options from `optionsOf`), then marks the page done: <html data-careto-viz-state="ready" | "error">. */
export async function mountAll(elements, optionsOf, campaignSrc) {
  document.documentElement.setAttribute(STATE, "loading");
  const charts = await Promise.all(elements.map((element) => mountChart(element, optionsOf(element), campaignSrc)));
  document.documentElement.setAttribute(STATE, charts.every(Boolean) ? "ready" : "error");
  return charts;
}
