// The article build's entry (www/pkg/careto_viz.js, bundled and minified by
// scripts/build-wasm.sh): the kernel with The Mask (Careto) compiled in, and
// the first-paint shell. Its details (the words of tooltips, table and CSV)
// are a second module per language, careto_viz_details_<lang>.js, loaded
// after the first frame.

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

/**
 * The details modules, one per language (careto_viz_details_en.js,
 * careto_viz_details_es.js): the compiled-in campaign's words, each loaded
 * and parsed once, when a chart in that language first needs them.
 */
async function details() {
  const words = new Map();
  const loading = new Map();
  return {
    has: (lang) => words.has(lang),
    prepare(lang) {
      if (words.has(lang)) return Promise.resolve();
      if (!loading.has(lang)) {
        const url = new URL(`./careto_viz_details_${lang}.js`, import.meta.url).href;
        const load = import(url).then(async (m) => {
          await m.default();
          words.set(lang, JSON.parse(m.words()));
        });
        load.catch(() => {}).finally(() => loading.delete(lang));
        loading.set(lang, load);
      }
      return loading.get(lang);
    },
    details: (st) => words.get(st.words.lang)[st.words.view],
    csv: (st) => words.get(st.words.lang).csv[st.words.view],
  };
}

export const { mount, Chart } = shell({ Kernel, ready: () => ready, build: "careto_viz.js" }, details);
