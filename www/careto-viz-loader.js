// The one loader of every careto-viz page and embed script (main.js,
// sample.js, embed.js, careto-viz-embed.js): it loads a build once, a
// campaign file once, mounts a chart, and shows a failure, all the same way.
//
// - Builds, chosen per element (buildOf), each drawing kernel in the
//   chart's language (pkg/careto_viz.js in English, pkg/careto_viz_es.js in
//   Spanish, and so on): pkg/careto_viz.js (the article build: The Mask
//   (Careto) compiled in; it draws the bars and the timeline),
//   pkg/careto_viz_map.js (the map build, for a map chart only),
//   pkg/careto_viz_profile.js (the profile build, for a profile chart only:
//   a page with neither requests none of them) or
//   pkg-full/careto_viz_full.js (the full build, for a campaign of one's
//   own; it draws every view), next to this file, each imported and
//   initialised once per page however many charts and scripts ask. On a
//   page where a map or a profile sits beside other charts, its build is
//   requested after their first frame, when the browser is idle, so that its
//   bytes never compete with their first picture.
// - Campaign files: from the page's own site or the site serving careto-viz
//   (this file's), never a third one; cookies only to the same origin;
//   fetched once per address; a failed fetch is not kept, so a retry fetches.
// - State: every chart element gets data-careto-viz-state = "loading", then
//   "ready" (it has its picture: a map once its geometry has arrived) or
//   "error"; a failure is shown inside the element as
//   <p class="careto-viz-error" role="alert"> and logged once, prefixed once,
//   and the element dispatches careto-viz:error (detail: { message }); a map
//   whose geometry could not be loaded shows why itself, in its language,
//   with a button to try again (and turns "ready" if it then draws).
// - "Copy embed code": the address of embed.html next to this file, with
//   ?campaign= when the campaign is on this file's site (embedUrlFor).

export const STATE = "data-careto-viz-state";
const PREFIX = "careto-viz: ";
const here = new URL(import.meta.url);

/** The kinds of build (see buildOf). */
const KINDS = /^(article|map|profile)(_es)?$|^full$/;
/** The file of build `kind`: "article" pkg/careto_viz.js, "map_es" pkg/careto_viz_map_es.js… */
const fileOf = (kind) => (kind === "full" ? "./pkg-full/careto_viz_full.js" : `./pkg/careto_viz${`_${kind}`.replace("_article", "")}.js`);
/** Whether build `kind` draws views that the article's first-paint kernel leaves out: requested after the other charts' first frame. */
const later = (kind) => /^(map|profile)/.test(kind);

/**
 * The build that draws a chart with `options` (and a campaign file
 * `campaignSrc`) in `element`: "full" (a campaign of one's own: every view,
 * both languages), else the drawing kernel of the chart's view, "map" or
 * "profile" (views that the article's first-paint kernel leaves out, each
 * in a build of its own) or "article", in the chart's language: these
 * names in English, with "_es" in Spanish (the `lang` option, else the
 * element's nearest `lang`).
 */
export function buildOf(options, campaignSrc, element) {
  if (campaignSrc) return "full";
  const kind = options?.view === "map" || options?.view === "profile" ? options.view : "article";
  const lang = options?.lang ?? element?.closest?.("[lang]")?.getAttribute("lang");
  return typeof lang === "string" && /^es(?:[-_]|$)/i.test(lang) ? `${kind}_es` : kind;
}

/**
 * Resolves when the map or profile build may be requested: at once on a page with no
 * other chart; else after the other charts' first frame, when the browser
 * is idle (1 s at most), as the shell does with the interaction layer.
 */
async function afterOthers() {
  // One microtask: every chart that this task mounts has asked for its build.
  await null;
  const others = [...builds].filter(([kind]) => !later(kind)).map(([, loading]) => loading);
  if (others.length === 0) return;
  await Promise.allSettled(others);
  await new Promise((resolve) => requestAnimationFrame(() => (self.requestIdleCallback ?? ((f) => setTimeout(f, 1)))(resolve, { timeout: 1000 })));
}

/** The page's modules by address, shared with the shell of every build (src/web/shell/entry.js, `imported`). */
const MODULES = Symbol.for("careto-viz.modules");

/**
 * The file at `url` (a build's .wasm, the map's geometry), requested as the
 * page's `<link rel="preload" as="fetch">` of it (without `crossorigin`;
 * index.html has one) requests it, so that the browser takes the preload
 * rather than downloading it again: from the page's own origin in mode
 * "no-cors" with credentials (the response stays readable: same origin),
 * from another origin with CORS, without cookies, and so again if the
 * page's origin redirected it to another (its no-cors answer is opaque:
 * unreadable). With `crossorigin` and fetch()'s defaults WebKit (Safari)
 * downloaded it twice.
 * (src/web/shell/entry.js, `fetchAsPreloaded`, is the same for the modules
 * and the geometry the shell loads.)
 */
function fetchAsPreloaded(url) {
  const cors = () => fetch(url, { credentials: "same-origin" });
  // self.origin, not location.origin: a frame sandboxed without
  // allow-same-origin has an opaque origin ("null"), and every request it
  // makes is cross-origin (a no-cors one would be downloaded for nothing).
  if (new URL(url).origin !== self.origin) return cors();
  // Opaque only if a redirect led to another origin: asked again with CORS.
  return fetch(url, { mode: "no-cors", credentials: "include" }).then((r) => (r.type === "opaque" ? cors() : r));
}

/**
 * The build at `url`, imported and initialised once per page, its .wasm
 * (`<file>_bg.wasm`) requested together with its script, not once the
 * script has arrived and run: one round trip less before its first picture
 * (measured 2026-12-02 with Chromium's network emulation, 150 ms round
 * trips at 200 KB/s, median of 5 cold loads: embed.html?view=timeline
 * ready 1,275 -> 1,128 ms, ?view=map 1,456 -> 1,307 ms, index.html's three
 * charts 2,559 -> 2,363 ms). The shell brings
 * the modules it loads (the details modules, the other language's kernel)
 * the same way, through the same registry, so each is fetched once. A
 * failure is forgotten, so the next use fetches again. (A page that also
 * imports and initialises a build itself, not through this loader, would
 * download its .wasm twice.)
 */
function imported(url) {
  const all = (globalThis[MODULES] ??= new Map());
  if (!all.has(url)) {
    const wasm = fetchAsPreloaded(url.replace(/\.js$/, "_bg.wasm"));
    wasm.catch(() => {}); // the build's init reports a failure, when it awaits it
    const module = import(url).then(async (m) => (await m.default({ module_or_path: wasm }), m));
    module.catch(() => all.delete(url));
    all.set(url, module);
  }
  return all.get(url);
}

/** The page's geometry downloads by address, shared with the map's part of the shell (src/web/shell/world.js, `fetched`). */
const GEOMETRY = Symbol.for("careto-viz.geometry");

/**
 * Starts the download of the map's geometry at `url` together with the map
 * build's script and .wasm, as world.js would once the script has run:
 * the same promise of its bytes under the same key, which world.js then
 * takes (one request per page), reports if it failed, and forgets so that
 * the next try fetches again. On an emulated 150 ms, 1.5 MB/s link
 * embed.html?view=map was ready 727 -> 633 ms (median of 5 cold loads;
 * at 200 KB/s, where the .wasm's bytes take longest, 1,307 -> 1,299 ms).
 */
function prefetchGeometry(url) {
  const all = (globalThis[GEOMETRY] ??= new Map());
  if (all.has(url)) return;
  const bytes = fetchAsPreloaded(url).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  bytes.catch(() => {}); // world.js reports it, when a chart needs it
  all.set(url, bytes);
}

const builds = new Map();
/** The module of build `kind` (see buildOf), imported and initialised once. */
export function loadBuild(kind) {
  if (!KINDS.test(kind)) return Promise.reject(new Error(`${PREFIX}no build "${kind}" (article, map, profile, each also with _es; full)`));
  if (!builds.has(kind)) {
    const loading = (later(kind) ? afterOthers() : Promise.resolve()).then(() => {
      if (kind.startsWith("map")) prefetchGeometry(new URL("./pkg/world-110m.bin", here).href);
      return imported(new URL(fileOf(kind), here).href);
    });
    loading.catch(() => builds.delete(kind));
    builds.set(kind, loading);
  }
  return builds.get(kind);
}

/**
 * Sets `element`'s state from its chart's picture: "ready" once it has one,
 * "error" while its map's geometry could not be loaded (the chart says why
 * and offers to try again; a later success makes it "ready"). Resolves to
 * whether the first attempt drew.
 */
export function follow(element, chart) {
  return chart.drawn().then(
    () => {
      element.setAttribute(STATE, "ready");
      return true;
    },
    () => {
      if (chart.canvas === undefined) return false; // destroyed
      element.setAttribute(STATE, "error");
      follow(element, chart);
      return false;
    },
  );
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

/** The address of embed.html, next to this file (a page of The Mask's charts). */
export function embedUrl() {
  return new URL("embed.html", here).href;
}

/**
 * The address of embed.html (next to this file) drawing what a chart with
 * campaign `src` draws: ?campaign= relative to embed.html when the file is
 * beside or below it, its path when elsewhere on the same site; undefined
 * for another site's campaign (embed.html draws only its own site's).
 * (Apart from embedUrl so that a page without campaigns does not carry it.)
 */
export function embedUrlFor(src) {
  const url = embedUrl();
  if (!src) return url;
  const campaign = new URL(src, document.baseURI);
  if (campaign.origin !== here.origin) return undefined;
  const dir = new URL(".", here).href;
  const path = campaign.href.startsWith(dir) ? campaign.href.slice(dir.length) : campaign.pathname + campaign.search;
  return `${url}?campaign=${encodeURIComponent(path).replace(/%2F/g, "/")}`;
}

/**
 * The display flags that `value(name)` gives (a query parameter, a data
 * attribute; null when absent) as mount options: `plain`, `transparent`
 * and `static` are on for "1", "true" or "" (`?plain`, an attribute
 * without a value), off for "0" or "false". Other values are ignored, with
 * one console warning for all of them, naming each as `${prefix}name`.
 */
export function displayFlags(value, prefix) {
  const options = {};
  const ignored = [];
  for (const name of ["plain", "transparent", "static"]) {
    const v = value(name);
    if (v === null || v === undefined || v === "0" || v === "false") continue;
    if (v === "1" || v === "true" || v === "") options[name] = true;
    else ignored.push(`${prefix}${name}="${String(v).slice(0, 40)}"`);
  }
  if (ignored.length) console.warn(`${PREFIX}ignored ${ignored.join(", ")}: a display flag is 1 (on) or 0 (off)`);
  return options;
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
 * The campaign file at `src` for mountChart and mountAll, being fetched
 * (loadCampaign), or undefined without `src`. (A page without campaigns
 * never calls it, and so does not carry the fetching.)
 */
export function campaignAt(src) {
  return src ? { src, data: loadCampaign(src) } : undefined;
}

/**
 * Mounts a chart in `element` with `options`; with `campaign`
 * (campaignAt), the full build and that campaign. Resolves, once the
 * chart has its picture or could not get it (a map's geometry: the chart
 * says why and offers to try again), to the chart; to undefined after
 * showing why there is none. `focus`, the item a link names (an ISO code,
 * an event's id; by default the page's `#careto-<view>=` fragment key), is
 * focused with its details open.
 */
export async function mountChart(element, options, campaign, focus = linkedItem(options.view)) {
  element.setAttribute(STATE, "loading");
  clearError(element);
  try {
    const [module, data] = await Promise.all([loadBuild(buildOf(options, campaign?.src, element)), campaign?.data]);
    const chart = module.mount(element, data === undefined ? options : { ...options, campaign: data });
    if (focus) chart.focus(focus);
    await follow(element, chart);
    return chart;
  } catch (error) {
    showError(element, error);
    return undefined;
  }
}

/**
 * The item a link names for a chart of `view` on this page: the fragment
 * key `careto-<view>` (`#careto-bars=MAR`, beside any of the host's own
 * keys), undefined if none.
 */
export function linkedItem(view) {
  const hash = location.hash.slice(1);
  if (!hash.includes("careto-")) return undefined;
  return new URLSearchParams(hash).get(`careto-${view || "bars"}`) ?? undefined;
}

/**
 * Links in the page's own text to a chart's item (`<a
 * href="#careto-bars=FRA">`), followed once the charts are up: each chart of
 * `charts` (element -> chart; `viewOf(element)` its view) that the new
 * fragment names shows that item with its details open, and the first is
 * scrolled into view. The fragment is read, never rewritten.
 */
export function followLinks(charts, viewOf) {
  addEventListener("hashchange", () => {
    let shown = false;
    for (const [element, chart] of charts) {
      const id = linkedItem(viewOf(element));
      if (!id) continue;
      chart.focus(id);
      if (!shown) element.scrollIntoView({ block: "nearest" });
      shown = true;
    }
  });
}

/**
 * Mounts a chart in each element (options from `optionsOf`; the campaign
 * of campaignAt, if any), then marks the page done: <html
 * data-careto-viz-state="ready"> when every chart has its picture, else "error".
 */
export async function mountAll(elements, optionsOf, campaign) {
  document.documentElement.setAttribute(STATE, "loading");
  const charts = await Promise.all(elements.map((element) => mountChart(element, optionsOf(element), campaign)));
  document.documentElement.setAttribute(STATE, elements.every((e) => e.getAttribute(STATE) === "ready") ? "ready" : "error");
  return charts;
}
