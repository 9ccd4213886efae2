// The article build's entry (www/pkg/careto_viz.js, bundled and minified by
// scripts/build-wasm.sh): the kernel with The Mask (Careto) compiled in, and
// the first-paint shell. Its details (the words of tooltips, table and CSV)
// are a second module per language, careto_viz_details_<lang>.js, loaded
// after the first frame (article-details.js). It has no map: a map chart
// uses the map build (map.js), which the loader picks for it.

import initWasm, { initSync as initWasmSync, Chart as Kernel } from "careto-viz-wasm";
import { articleDetails } from "./article-details.js";
import { shell } from "./core.js";

let ready = false;

/** Fetches and instantiates the module (careto_viz_bg.wasm next to this file). Call once, before mount. */
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

export const { mount, Chart } = shell({ Kernel, ready: () => ready, build: "careto_viz.js" }, articleDetails);
