// The map build's entry (www/pkg/careto_viz_map.js, bundled and minified by
// scripts/build-wasm.sh): the article's kernel with the `map` feature, which
// draws the map only (the bars and the timeline are the article build's),
// and the first-paint shell with the map's part (world.js). The loader picks it
// for map charts only, so a page without one downloads none of it; on a page where one
// sits beside other charts, they keep the article build and this one comes
// after their first frame. It shares the article's interaction layer and details
// modules (article-details.js: the map's details are the bars'). The map's
// geometry, world-110m.bin next to this file, is fetched once per page, its
// download started as this module loads (beside the wasm's), if the page's
// loader has not started it already, with this module's script. It is built
// once per language, as the article's kernel is (article.js).

import { Chart as Kernel, setWorld } from "careto-viz-wasm";
import { languages, ready } from "./entry.js";
import { articleDetails } from "./article-details.js";
import { shell } from "./core.js";
import { worldOf } from "./world.js";

// init() and initSync(), the same in every build (entry.js).
export { default, initSync } from "./entry.js";

const world = worldOf(new URL("./world-110m.bin", import.meta.url).href, setWorld);
// This build is loaded for map charts only: the geometry's download starts
// now, beside the wasm's, not after the module is compiled and the map mounted.
world.prefetch();

// One kernel per language: a map in the other is handed to the other's, once that has the geometry.
const { build, other } = languages("careto_viz_map", (module) => module.loadWorld());

/** Fetches the geometry into this module's kernel, once (the other language's kernel asks, for a map handed to it). */
export const loadWorld = () => world.load();
export { Kernel };
export const { mount, Chart } = shell({ Kernel, ready: () => ready, build, other }, articleDetails, world);
