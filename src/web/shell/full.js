// The full build's entry (www/pkg-full/careto_viz_full.js, bundled and
// minified by scripts/build-wasm.sh): kernel and details in one module, which
// also reads a newsroom's own campaign (the `campaign` option).

import initWasm, { initSync as initWasmSync, Chart as Kernel } from "careto-viz-wasm";
import { shell } from "./core.js";

let ready = false;

/** Fetches and instantiates the module (careto_viz_full_bg.wasm next to this file). Call once, before mount. */
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

const details = async () => ({ details: (st) => st.kernel.details(), csv: (st) => st.kernel.csv() });

export const { mount, Chart } = shell({ Kernel, ready: () => ready, build: "careto_viz_full.js" }, details);
