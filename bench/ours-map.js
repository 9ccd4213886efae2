// Benchmark page for careto-viz's map (bench/run.mjs drives it; see `make
// bench`): the map build, as a page with a map loads it (its .wasm and its
// geometry, world-110m.bin, requested with its script); the map is mounted, and
// `chart-drawn` marked once it is drawn (Chart.drawn()), `chart-frame` once
// the frame holding it has been produced. Then window.bench, as bench/ours.js.

import { afterNextFrame, benchIsReady } from "./common.js";
import { redrawMany, timeHitTests, timeHovers, timeRedraws, timeSync, WIDTHS } from "./timing.js";

performance.mark("script-start");
// As every page careto-viz ships loads a map (www/careto-viz-loader.js,
// `loadBuild`: `prefetchGeometry` and `imported`): the geometry and the
// .wasm requested with the build's script, the geometry under the key the
// map's shell takes it from (src/web/shell/world.js, `fetched`), so that
// it downloads while the module compiles. (d3's page likewise fetches its
// geometry as its script starts.) Until 2026-12-02 this page imported the
// build and fetched both only once init() and mount() asked. Both fetched
// as the page's preloads ask (mode "no-cors", same origin), as the loader
// fetches a same-origin file (`fetchAsPreloaded`), so that they are taken
// (since 2026-12-03).
const asPreloaded = { mode: "no-cors", credentials: "include" };
const geometryUrl = new URL("pkg/world-110m.bin", location.href).href;
const geometry = fetch(geometryUrl, asPreloaded).then((response) => {
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.arrayBuffer();
});
(globalThis[Symbol.for("careto-viz.geometry")] ??= new Map()).set(geometryUrl, geometry);
const wasmResponse = fetch("pkg/careto_viz_map_bg.wasm", asPreloaded);
const { default: init, mount } = await import("./pkg/careto_viz_map.js");
const wasm = await init({ module_or_path: wasmResponse });
performance.mark("module-ready");
const box = document.createElement("div");
box.className = "bench-chart";
box.id = "chart-map";
document.getElementById("charts").append(box);
const chart = mount(box, { view: "map", lang: "en", theme: "light" });
await chart.drawn();
performance.mark("chart-drawn");
await afterNextFrame();
performance.mark("chart-frame");

const TOP_CLASS = "74,16,3";
/** The page point of `code` (the layout's own: Chart.pointOf). */
const at = (code) => {
  const r = chart.canvas.getBoundingClientRect();
  const p = chart.pointOf(code);
  return [r.left + p[0], r.top + p[1]];
};

window.bench = {
  kind: "ours-map",
  views: ["map"],
  wasmBytes: () => wasm.memory.buffer.byteLength,

  redrawOnce(_view, i) {
    const w = WIDTHS[i % 2];
    box.style.width = `${w}px`;
    const ms = timeSync(() => chart.redraw());
    if (chart.canvas.style.width !== `${w}px`) throw new Error(`did not redraw at ${w} px: ${chart.canvas.style.width}`);
    return ms;
  },

  /** Checks (untimed) that the last redraw painted Morocco in the top class. */
  checkPainted() {
    const canvas = chart.canvas;
    const p = chart.pointOf("MAR");
    // Device px per CSS px (the bitmap may be larger than the picture, its
    // top-left part, where the browser has object-view-box: src/web/hidpi.rs).
    const k = devicePixelRatio || 1;
    const px = canvas.getContext("2d").getImageData(Math.floor(p[0] * k), Math.floor(p[1] * k), 1, 1).data;
    if (`${px[0]},${px[1]},${px[2]}` !== TOP_CLASS) throw new Error(`the redraw did not paint Morocco: ${[...px]}`);
  },

  redraws(view, n) {
    return timeRedraws(n, { redrawOnce: (i) => this.redrawOnce(view, i), checkPainted: () => this.checkPainted(), box, redraw: () => chart.redraw() });
  },

  manyRedraws(_view, n) {
    return redrawMany(n, box, () => chart.redraw());
  },

  /** Hover Morocco, then Brazil (the interaction layer loaded first, untimed); batches of 20. */
  async hovers(batches) {
    const canvas = chart.canvas;
    const tip = box.shadowRoot.querySelector(".cv-tip");
    const targets = [["MAR", "Morocco"], ["BRA", "Brazil"]].map(([code, name]) => {
      const [clientX, clientY] = at(code);
      return { name, init: { clientX, clientY, bubbles: true, composed: true, pointerType: "mouse" } };
    });
    // The first hover brings the interaction layer (after the first frame, as on a page); wait for it.
    canvas.dispatchEvent(new PointerEvent("pointermove", targets[0].init));
    for (let i = 0; i < 400 && (tip.hidden || !(tip.firstChild?.textContent ?? "").includes("Morocco")); i++) {
      await new Promise((r) => setTimeout(r, 25));
      canvas.dispatchEvent(new PointerEvent("pointermove", targets[0].init));
    }
    return timeHovers(batches, canvas, tip, targets);
  },

  /** chart.hitTest alone: Morocco, Gibraltar's marker's disc off its centre, the sea; mean ms per call in batches of 1,000. */
  hitTests(n) {
    const mar = chart.pointOf("MAR");
    const gib = chart.pointOf("GIB");
    // 5 px from the centre, on the disc (6 px): since 2026-12-05 markers
    // are spread apart, and 7, 5 px off Gibraltar's is on Morocco's shape.
    const points = [[mar[0], mar[1]], [gib[0] + 4, gib[1] + 3], [5, chart.canvas.getBoundingClientRect().height / 2]];
    if (chart.hitTest(...points[0]) !== "country:MAR") throw new Error("hitTest does not find Morocco");
    if (chart.hitTest(...points[1]) !== "country:GIB") throw new Error("hitTest does not find Gibraltar's marker");
    return timeHitTests(n, (i) => {
      const p = points[i % 3];
      return chart.hitTest(p[0], p[1]) !== undefined;
    });
  },
};
benchIsReady();
