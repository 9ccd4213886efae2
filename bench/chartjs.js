// Benchmark page: the country bars of the same campaign drawn by Chart.js 4
// (bench/run.mjs drives it; see `make bench`).
//
// Same data as our module: data.js is written by bench/run.mjs from
// data/careto.toml. The 11 published counts are the bars (largest first, ties
// by name), filled by the same five colour classes and colours as our light
// theme (src/scale, src/theme.rs), with title, subtitle, a class legend and
// tooltips. The 20 countries without a published count are NOT bars (a bar
// would read as zero): as in our chart they are a list of names, here a
// paragraph under the canvas, with the source line under it. Animation is
// off, so the first draw is the complete picture.

import { campaign } from "./data.js";
import { afterNextFrame, benchIsReady } from "./common.js";
import { redrawMany, timeBatches, timeHitTests, timeRedraws, timeSync, WIDTHS } from "./timing.js";
import { coldHoverChartjs } from "./cold-hover.js";

performance.mark("script-start");
performance.mark("module-ready"); // Chart.js's bundle has run by now (a deferred script before this one)
const { Chart } = window; // from the UMD bundle (a deferred script, run before this module)

// Colour classes of our bars chart for Careto's figures (light theme).
const CLASSES = [
  { min: 1, label: "1–9", color: "#d4661a" },
  { min: 10, label: "10–49", color: "#b84a12" },
  { min: 50, label: "50–99", color: "#96330c" },
  { min: 100, label: "100–199", color: "#712008" },
  { min: 200, label: "200+", color: "#4a1003" },
];
const classOf = (v) => CLASSES.findLast((c) => v >= c.min);

const published = campaign.countries
  .filter((c) => c.count !== null)
  .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
const unpublished = campaign.countries.filter((c) => c.count === null).sort((a, b) => a.name.localeCompare(b.name));
const measure = campaign.measure[0].toUpperCase() + campaign.measure.slice(1);

const box = document.getElementById("chart-bars");
document.getElementById("not-published").textContent =
  `Affected, count not published (${unpublished.length}): ${unpublished.map((c) => c.name).join("  ·  ")}`;
document.getElementById("source-line").textContent = campaign.barsSourceLine;

// Counts Chart.js's draws, so the page can check that what it times includes
// drawing (bench/README.md, "Fairness").
let draws = 0;
const countDraws = { id: "benchCountDraws", afterDraw: () => { draws++; } };

const chart = new Chart(box.querySelector("canvas"), {
  plugins: [countDraws],
  type: "bar",
  data: {
    labels: published.map((c) => c.name),
    datasets: [{
      label: measure,
      data: published.map((c) => c.count),
      backgroundColor: published.map((c) => classOf(c.count)?.color ?? "#888"),
      barThickness: 16,
    }],
  },
  options: {
    indexAxis: "y",
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      title: { display: true, align: "start", text: `${campaign.name}: ${campaign.countries.length} countries affected`, font: { size: 19, weight: "bold" } },
      subtitle: { display: true, align: "start", text: `${measure} per country, ${campaign.asOf}` },
      legend: {
        align: "start",
        onClick: null,
        labels: {
          generateLabels: () => CLASSES.map((c) => ({ text: c.label, fillStyle: c.color, strokeStyle: c.color, lineWidth: 0, hidden: false })),
        },
      },
      tooltip: { callbacks: { label: (ctx) => `${ctx.raw} ${campaign.measure}` } },
    },
    scales: { x: { beginAtZero: true }, y: { grid: { display: false } } },
  },
});
if (draws === 0) throw new Error("Chart.js did not draw in its constructor");
performance.mark("chart-drawn");
await afterNextFrame();
performance.mark("chart-frame");
await coldHoverChartjs(chart, published[0].name);

// Fairness (bench/README.md): with `responsive: true` Chart.js also resizes
// and redraws from its own ResizeObserver, a frame later, outside the timed
// call, and the timed `chart.resize()` left its drawing to the next animation
// frame (0.6 ms measured that way, without drawing). From here on only the
// explicit call resizes, and each timed call must have drawn.
chart.options.responsive = false;
chart.update();

/**
 * A mousemove at (clientX, clientY) whose target is the canvas, as Chart.js
 * gets it from the browser: dispatched once, here, so that event.target and
 * offsetX/offsetY are set (Chart.js reads them). Chart.js's own listener
 * handles it at the next frame, after the timed loop that uses it.
 */
function canvasEvent(clientX, clientY) {
  const event = new MouseEvent("mousemove", { clientX, clientY, bubbles: true });
  chart.canvas.dispatchEvent(event);
  return event;
}

window.bench = {
  kind: "chartjs",
  views: ["bars"],
  wasmBytes: () => 0,

  /** One redraw at a new container width: ms of chart.resize() (which resizes and redraws synchronously: animation off, its ResizeObserver off, each call checked to have drawn once). */
  redrawOnce(_view, i) {
    const w = WIDTHS[i % 2];
    box.style.width = `${w}px`;
    const before = draws;
    // resize() lays out and resizes the canvas, but may leave the drawing to
    // its animator's next animation frame (even with animation off): then the
    // timed part draws now, as that frame would, so both pages are timed to
    // the same point, the new picture on the canvas.
    const ms = timeSync(() => {
      chart.resize();
      if (draws === before) chart.draw();
    });
    if (chart.width !== w) throw new Error(`Chart.js did not resize: ${chart.width} px, wanted ${w}`);
    if (draws !== before + 1) throw new Error(`Chart.js drew ${draws - before} times in resize(), expected once`);
    return ms;
  },

  /** Checks (untimed) that the last redraw painted: the top bar's centre has the top class's colour. */
  checkPainted() {
    const bar = chart.getDatasetMeta(0).data[0];
    const k = chart.currentDevicePixelRatio || 1;
    const px = chart.ctx.getImageData(Math.round(((bar.x + bar.base) / 2) * k), Math.round(bar.y * k), 1, 1).data;
    if (`${px[0]},${px[1]},${px[2]}` !== "74,16,3") throw new Error(`Chart.js's redraw did not paint the top bar: ${[...px]}`);
  },

  redraws(view, n) {
    return timeRedraws(n, { redrawOnce: (i) => this.redrawOnce(view, i), checkPainted: () => this.checkPainted(), box, redraw: () => chart.resize() });
  },

  manyRedraws(_view, n) {
    return redrawMany(n, box, () => chart.resize());
  },

  /**
   * Hover, as Chart.js's own mousemove handling does it: hit-test
   * (getElementsAtEventForMode), update the tooltip (setActiveElements) and
   * draw, since its tooltip is painted on the canvas. Then read the tooltip's
   * title and check it. Timed in batches of 20 (see bench/ours.js): returns
   * the mean ms per hover of each batch.
   */
  hovers(batches) {
    const canvas = chart.canvas;
    const r = canvas.getBoundingClientRect();
    const meta = chart.getDatasetMeta(0);
    const targets = [0, 1].map((i) => {
      const bar = meta.data[i];
      const x = (bar.x + bar.base) / 2;
      const y = bar.y;
      return { name: published[i].name, event: canvasEvent(r.left + x, r.top + y), position: { x, y } };
    });
    let wrong = null;
    const out = timeBatches(batches, 20, (i) => {
      const t = targets[i % 2];
      const found = chart.getElementsAtEventForMode(t.event, "nearest", { intersect: true, axis: "y" }, true);
      chart.tooltip.setActiveElements(found, t.position);
      chart.draw();
      const title = chart.tooltip.title?.[0] ?? "";
      if (title !== t.name) wrong ??= `tooltip shows "${title}", expected ${t.name}`;
    });
    chart.tooltip.setActiveElements([], { x: 0, y: 0 });
    chart.draw();
    if (wrong) throw new Error(`hover: ${wrong}`);
    return out;
  },

  /** The hit-test alone (getElementsAtEventForMode): mean ms per call over `n` calls, in batches of 1,000. */
  hitTests(n) {
    const meta = chart.getDatasetMeta(0);
    const r = chart.canvas.getBoundingClientRect();
    const bar = meta.data[0];
    const event = canvasEvent(r.left + (bar.x + bar.base) / 2, r.top + bar.y);
    return timeHitTests(n, () => chart.getElementsAtEventForMode(event, "nearest", { intersect: true, axis: "y" }, true).length > 0);
  },
};
benchIsReady();
