// The article build's entry (www/pkg/careto_viz.js, bundled and minified by
// scripts/build-wasm.sh): the kernel with The Mask (Careto) compiled in, and
// the first-paint shell. Its details (the words of tooltips, table and CSV)
// are a second module per language, careto_viz_details_<lang>.js, loaded
// after the first frame (article-details.js). It has no map: a map chart
// uses the map build (map.js), which the loader picks for it.

import { Chart as Kernel } from "careto-viz-wasm";
import { ready } from "./entry.js";
import { articleDetails } from "./article-details.js";
import { shell } from "./core.js";

// init() and initSync(), the same in every build (entry.js).
export { default, initSync } from "./entry.js";

export const { mount, Chart } = shell({ Kernel, ready: () => ready, build: "careto_viz.js" }, articleDetails);
