// Benchmark page for careto-viz (bench/run.mjs drives it; see `make bench`).
// Loads the release module exactly as the demo page does, mounts the charts
// named in ?views= (default "bars"), marks `chart-drawn` once they are drawn
// and `chart-frame` once the frame holding them has been produced, hovers
// Morocco's bar at once (bench/cold-hover.js: `hover-answered`), then
// exposes window.bench for the driver's measurements.

import { afterNextFrame, benchIsReady } from "./common.js";
import { redrawMany, timeHitTests, timeHovers, timeRedraws, timeSync, WIDTHS } from "./timing.js";
import { coldHoverOurs } from "./cold-hover.js";

performance.mark("script-start");
const views = (new URLSearchParams(location.search).get("views") ?? "bars").split(",");
const main = document.getElementById("charts");

// As every page careto-viz ships loads a build (www/careto-viz-loader.js,
// `imported`): the .wasm requested with the build's script, not once the
// script has run (until 2026-12-02 this page did the latter), and as the
// page's preload requests it (mode "no-cors", same origin), so that the
// preload is taken (ours.html, as index.html, since 2026-12-03).
// init() resolves to the module's exports, memory included.
const wasmResponse = fetch("pkg/careto_viz_bg.wasm", { mode: "no-cors", credentials: "include" });
const { default: init, mount } = await import("./pkg/careto_viz.js");
const wasm = await init({ module_or_path: wasmResponse });
performance.mark("module-ready");
const charts = {};
const boxes = {};
for (const view of views) {
  const box = document.createElement("div");
  box.className = "bench-chart";
  box.id = `chart-${view}`;
  main.append(box);
  boxes[view] = box;
  charts[view] = mount(box, { view, lang: "en", theme: "light" });
}
performance.mark("chart-drawn");
await afterNextFrame();
performance.mark("chart-frame");
// The reader's first interaction: Morocco's bar hovered at once (cold-hover.js).
if (charts.bars) await coldHoverOurs(charts.bars, boxes.bars);

/** The top colour class (200+, light theme), as the Chart.js page uses it. */
const TOP_CLASS = "74,16,3";

window.bench = {
  kind: "ours",
  views,
  /** Linear memory of the wasm instance, in bytes. */
  wasmBytes: () => wasm.memory.buffer.byteLength,

  /** One redraw at a new container width: ms of the synchronous call. */
  redrawOnce(view, i) {
    const w = WIDTHS[i % 2];
    boxes[view].style.width = `${w}px`;
    const ms = timeSync(() => charts[view].redraw());
    if (charts[view].canvas.style.width !== `${w}px`) throw new Error(`did not redraw at ${w} px: ${charts[view].canvas.style.width}`);
    return ms;
  },

  /** Checks (untimed) that the last redraw painted: the top bar's centre has the top class's colour. */
  checkPainted(view) {
    if (view !== "bars") return;
    const [x, y, w, h] = charts.bars.barRect("MAR");
    const canvas = charts.bars.canvas;
    // Device px per CSS px (the bitmap may be larger than the picture, its
    // top-left part, where the browser has object-view-box: src/web/hidpi.rs).
    const k = devicePixelRatio || 1;
    const px = canvas.getContext("2d").getImageData(Math.round((x + w / 2) * k), Math.round((y + h / 2) * k), 1, 1).data;
    if (`${px[0]},${px[1]},${px[2]}` !== TOP_CLASS) throw new Error(`the redraw did not paint the top bar: ${[...px]}`);
  },

  /** `n` redraws at alternating widths, a frame between each: per-redraw ms. */
  redraws(view, n) {
    const redraw = () => charts[view].redraw();
    return timeRedraws(n, { redrawOnce: (i) => this.redrawOnce(view, i), checkPainted: () => this.checkPainted(view), box: boxes[view], redraw });
  },

  /** `n` redraws back to back (a frame every 100): for the memory check. */
  manyRedraws(view, n) {
    return redrawMany(n, boxes[view], () => charts[view].redraw());
  },

  /**
   * Hover: a pointermove dispatched on the canvas (inside the shadow root)
   * at the centre of one bar, then of another; the module's listener
   * hit-tests, fills and places the tooltip synchronously, so once
   * dispatchEvent returns the tooltip text is updated: read it and check it
   * names the right country. Timed in batches of 20 (timing.js,
   * timeHovers): returns the mean ms per hover of each of `batches` batches.
   */
  hovers(batches) {
    const chart = charts.bars;
    const canvas = chart.canvas;
    const tip = boxes.bars.shadowRoot.querySelector(".cv-tip");
    const r = canvas.getBoundingClientRect();
    const targets = [["MAR", "Morocco"], ["BRA", "Brazil"]].map(([code, name]) => {
      const [x, y, w, h] = chart.barRect(code);
      const init = { clientX: r.left + x + w / 2, clientY: r.top + y + h / 2, bubbles: true, composed: true, pointerType: "mouse" };
      return { name, init };
    });
    return timeHovers(batches, canvas, tip, targets);
  },

  /** chart.hitTest alone: mean ms per call over `n` calls, in batches of 1,000. */
  hitTests(n) {
    const chart = charts.bars;
    const [x, y, w, h] = chart.barRect("MAR");
    const points = [[x + w / 2, y + h / 2], [x + 2, y + h / 2], [w + 200, 2]];
    if (chart.hitTest(points[0][0], points[0][1]) !== "country:MAR") throw new Error("hitTest does not find Morocco");
    return timeHitTests(n, (i) => {
      const p = points[i % 3];
      return chart.hitTest(p[0], p[1]) !== undefined;
    });
  },
};
benchIsReady();
