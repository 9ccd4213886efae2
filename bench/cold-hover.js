// The cold-hover row of `make bench` (bench/run.mjs): the reader's first
// interaction, right after a page's first frame, timed from navigation start
// to the frame that shows the answer. Imported by both bars pages (ours.js,
// chartjs.js); instrumentation, not counted in the Chart.js page's bytes.

import { afterNextFrame } from "./common.js";

/** Called from Chart.js's `afterTooltipDraw` (a plugin registered here, on the Chart.js page only). */
let tooltipDrawn = null;
globalThis.Chart?.register({ id: "benchColdHover", afterTooltipDraw: (_chart, { tooltip }) => tooltipDrawn?.(tooltip) });

/** Resolves once `shown()` is true, checking after every mutation of `node`'s subtree. */
function whenShown(node, shown) {
  return new Promise((resolve) => {
    if (shown()) return resolve();
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(node, { attributes: true, childList: true, subtree: true, characterData: true });
  });
}

/**
 * Ours: a pointermove at the centre of Morocco's bar on the canvas inside
 * the chart's shadow root (`host`); answered once the tooltip naming Morocco
 * is shown. The interaction layer and the details module are not there yet
 * (the shell loads them when the browser is idle after the first frame, or
 * at once for this hover): their fetch and compile are in the time.
 */
export async function coldHoverOurs(chart, host) {
  const tip = host.shadowRoot.querySelector(".cv-tip");
  const answered = whenShown(tip, () => !tip.hidden && (tip.firstChild?.textContent ?? "").includes("Morocco"));
  const [x, y, w, h] = chart.barRect("MAR");
  const r = chart.canvas.getBoundingClientRect();
  chart.canvas.dispatchEvent(new PointerEvent("pointermove", { clientX: r.left + x + w / 2, clientY: r.top + y + h / 2, bubbles: true, composed: true, pointerType: "mouse" }));
  await answered;
  await marked();
  chart.canvas.dispatchEvent(new PointerEvent("pointerleave", { pointerType: "mouse" }));
}

/**
 * Chart.js: a mousemove at the centre of its top bar (Morocco); Chart.js
 * handles it at its next animation frame (its listener is throttled to
 * frames), hit-tests and draws its tooltip on the canvas; answered once its
 * tooltip naming `name` has been drawn.
 */
export async function coldHoverChartjs(chart, name) {
  const bar = chart.getDatasetMeta(0).data[0];
  const r = chart.canvas.getBoundingClientRect();
  const answered = new Promise((resolve) => {
    tooltipDrawn = (tooltip) => {
      if (tooltip.opacity > 0 && tooltip.title?.[0] === name) {
        tooltipDrawn = null;
        resolve();
      }
    };
  });
  chart.canvas.dispatchEvent(new MouseEvent("mousemove", { clientX: r.left + (bar.x + bar.base) / 2, clientY: r.top + bar.y, bubbles: true }));
  await answered;
  await marked();
  chart.canvas.dispatchEvent(new MouseEvent("mouseout", { bubbles: true }));
  await afterNextFrame();
}

/** Marks `hover-shown` now and `hover-answered` once the frame showing it has been produced. */
async function marked() {
  performance.mark("hover-shown");
  await afterNextFrame();
  performance.mark("hover-answered");
}
