// What the three build entries (article.js, map.js, full.js) share: the
// build's `init` and `initSync` around its wasm-bindgen glue
// ("careto-viz-wasm", which scripts/build-wasm.sh points at each build's
// own), and `ready`, which says whether either has run. Each entry
// re-exports `init` and `initSync` and hands the shell `() => ready`.
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
