// The article build's entry (www/pkg/careto_viz.js, bundled and minified by
// scripts/build-wasm.sh): the kernel with The Mask (Careto) compiled in, and
// the first-paint shell. Its details (tooltips, table, CSV, embed code) are
// a second module, careto_viz_details.js, loaded after the first frame.

import initWasm, { initSync as initWasmSync, Chart as Kernel } from "careto-viz-wasm";
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

/** The details module: the compiled-in campaign's words in both languages, parsed once. */
async function details() {
  const m = await import("./careto_viz_details.js");
  await m.default();
  const words = JSON.parse(m.words());
  return { details: (st) => words[st.words.lang][st.words.view], csv: (st) => words[st.words.lang].csv[st.words.view] };
}

export const { mount, Chart } = shell({ Kernel, ready: () => ready, build: "careto_viz.js" }, details);
