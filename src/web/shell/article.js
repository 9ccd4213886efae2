// The article build's entry (www/pkg/careto_viz.js, bundled and minified by
// scripts/build-wasm.sh): the kernel with The Mask (Careto) compiled in, and
// the first-paint shell. Its details (the words of tooltips, table and CSV)
// are a second module per language, careto_viz_details_<lang>.js, loaded
// after the first frame (article-details.js). It has no map: a map chart
// uses the map build (map.js), which the loader picks for it. It is built
// twice, once per language (careto_viz.js in English, careto_viz_es.js in
// Spanish): each draws its own, and hands a chart in the other language
// to the other (core.js, relang); the loader picks the chart's.

import { Chart as Kernel } from "careto-viz-wasm";
import { languages, ready } from "./entry.js";
import { articleDetails } from "./article-details.js";
import { shell } from "./core.js";

// init() and initSync(), the same in every build (entry.js).
export { default, initSync } from "./entry.js";

// One kernel per language: a chart in the other is handed to the other's.
const { build, other } = languages("careto_viz");

export { Kernel };
export const { mount, Chart } = shell({ Kernel, ready: () => ready, build, other }, articleDetails);
