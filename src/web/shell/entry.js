// What the build entries (article.js, map.js, profile.js, full.js) share:
// the build's `init` and `initSync` around its wasm-bindgen glue
// ("careto-viz-wasm", which scripts/build-wasm.sh points at each build's
// own), and `ready`, which says whether either has run. Each entry
// re-exports `init` and `initSync` and hands the shell `() => ready`; the
// drawing kernels' entries, built once per language, take their file name
// and their other language's kernel from `languages`.
// Bundled into each entry (esbuild --bundle), it costs no byte over
// writing them in each: `ready` is a live binding, one variable in the
// bundle.

import initWasm, { initSync as initWasmSync } from "careto-viz-wasm";

/** Whether the module is instantiated (`init` or `initSync` has run). */
export let ready = false;

/** Fetches and instantiates the module (the build's _bg.wasm next to its file). Call once, before mount. */
export default async function init(options) {
  const exports = await initWasm(options);
  ready = true;
  return exports;
}

/** init() for a module already at hand (`{ module }`: bytes or a WebAssembly.Module). */
export function initSync(options) {
  const exports = initWasmSync(options);
  ready = true;
  return exports;
}

/** The page's modules by address, shared by every bundle and the loader (a registered symbol: one key whichever asks). */
const MODULES = Symbol.for("careto-viz.modules");

/**
 * The file at `url` (a module's .wasm, the map's geometry), requested so
 * that the page's `<link rel="preload" as="fetch">` of it, if it has one,
 * is taken rather than downloaded again: from the page's own origin in mode
 * "no-cors" with credentials, as the preload (without `crossorigin`)
 * requests it. The response is still readable (same origin: "basic", not
 * opaque). With `crossorigin` and fetch()'s default mode, WebKit (Safari)
 * downloaded it twice (WebKitGTK 2.50; Chromium and Firefox once either
 * way). From another origin: CORS, without cookies; and so again if the
 * page's origin redirected it to another (a no-cors answer from there is
 * opaque, which neither WebAssembly nor the geometry's reader can read).
 * (www/careto-viz-loader.js requests its builds and geometry the same way.)
 */
export function fetchAsPreloaded(url) {
  const cors = () => fetch(url, { credentials: "same-origin" });
  // self.origin, not location.origin: a frame sandboxed without
  // allow-same-origin has an opaque origin ("null"), and every request it
  // makes is cross-origin (a no-cors one would be downloaded for nothing).
  if (new URL(url).origin !== self.origin) return cors();
  // Opaque only if a redirect led to another origin: asked again with CORS.
  return fetch(url, { mode: "no-cors", credentials: "include" }).then((r) => (r.type === "opaque" ? cors() : r));
}

/**
 * The module at `url` (an absolute address: a careto-viz build, or a
 * details module, next to this one), imported and initialised once per page
 * however many bundles ask (www/careto-viz-loader.js shares the same
 * registry for the builds a page loads), its .wasm (`<file>_bg.wasm`)
 * requested together with its script, not once the script has arrived and
 * run: one round trip less before it can draw. A failure is forgotten, so
 * the next use fetches again.
 */
export function imported(url) {
  const all = (globalThis[MODULES] ??= new Map());
  if (!all.has(url)) {
    const wasm = fetchAsPreloaded(url.replace(/\.js$/, "_bg.wasm"));
    wasm.catch(() => {}); // the module's init reports a failure, when it awaits it
    const module = import(url).then(async (m) => (await m.default({ module_or_path: wasm }), m));
    module.catch(() => all.delete(url));
    all.set(url, module);
  }
  return all.get(url);
}

/**
 * The build of file stem `stem` in this kernel's language, and its kernel
 * in the other language: each drawing kernel (article, map, profile) is
 * built once per language (CARETO_LANG, set by scripts/build-wasm.sh), the
 * English one under the stem, the Spanish one with "_es". `other()`
 * imports the other language's file next to this one, initialises it,
 * runs `prepare(module)` and resolves to its `Kernel` (core.js, relang).
 */
export function languages(stem, prepare = async () => {}) {
  const es = CARETO_LANG === "es";
  const otherFile = new URL(`./${stem}${es ? "" : "_es"}.js`, import.meta.url).href;
  return {
    build: `${stem}${es ? "_es" : ""}.js`,
    other: () =>
      imported(otherFile).then(async (module) => {
        await prepare(module);
        return module.Kernel;
      }),
  };
}
