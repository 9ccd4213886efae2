// The full build's entry (www/pkg-full/careto_viz_full.js, bundled and
// minified by scripts/build-wasm.sh): kernel and details in one module, which
// also reads a newsroom's own campaign (the `campaign` option), and draws
// the map too (the `map` feature; its geometry, world-110m.bin next to this
// file, is fetched when a map chart first needs it: world.js).

import { Chart as Kernel, setWorld } from "careto-viz-wasm";
import { ready } from "./entry.js";
import { shell } from "./core.js";
import { worldOf } from "./world.js";
import { readOn } from "./reading.js";

// init() and initSync(), the same in every build (entry.js).
export { default, initSync } from "./entry.js";

// Kernel and details are one module here: every language's words are at hand.
const details = async () => ({
  has: () => true,
  prepare: () => Promise.resolve(),
  // Each tip and each page of the table made when asked (a campaign may have 10,000 rows).
  details: (st) => {
    const k = st.kernel;
    return { tip: (key) => k.tip(key), keyOf: (id) => k.keyOf(id), table: { ...k.table(), rows: (from, to) => k.rows(from, to) } };
  },
  csv: (st) => st.kernel.csv(),
});

const world = worldOf(new URL("./world-110m.bin", import.meta.url).href, setWorld);

export const { mount, Chart } = shell({ Kernel, ready: () => ready, build: "careto_viz_full.js" }, details, world, readOn);
