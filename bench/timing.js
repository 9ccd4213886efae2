// The timing loops behind each bench page's window.bench (bench/ours.js,
// ours-map.js, chartjs.js, d3map.js), so that every page is timed the same
// way: the page says how to redraw, hover or hit-test once, these time it.
// Instrumentation, like cold-hover.js: not counted in the pages' bytes
// (bench/run.mjs, NOT_COUNTED; the d3 page's bundle imports it, as it
// imports common.js, rather than holding them).

import { afterNextFrame } from "./common.js";

/** Milliseconds taken by a synchronous call. */
export function timeSync(f) {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** The container widths the redraws alternate between, 640 px first: the boxes start at 800 px, so every call is a new width. */
export const WIDTHS = [640, 800];

/**
 * `n` redraws at alternating widths, a frame between each: `redrawOnce(i)`
 * makes the i-th and returns its ms, `checkPainted()` then checks (untimed)
 * that it painted. Then `box` gets its own width back and `redraw()` draws
 * it. Returns the ms of each.
 */
export async function timeRedraws(n, { redrawOnce, checkPainted, box, redraw }) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(redrawOnce(i));
    checkPainted();
    await afterNextFrame();
  }
  box.style.width = "";
  redraw();
  return out;
}

/** `n` redraws back to back, `box` at alternating widths (a frame every 100): for the memory check. */
export async function redrawMany(n, box, redraw) {
  for (let i = 0; i < n; i++) {
    box.style.width = `${WIDTHS[i % 2]}px`;
    redraw();
    if (i % 100 === 99) await afterNextFrame();
  }
  box.style.width = "";
  redraw();
  await afterNextFrame();
}

/**
 * `batches` batches of `size` calls `f(i)`, each batch timed: the mean ms
 * per call of each batch. performance.now() is coarse (0.1 ms) in a page
 * that is not cross-origin isolated, so short calls are timed in batches.
 */
export function timeBatches(batches, size, f) {
  const out = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < size; i++) f(i);
    out.push((performance.now() - t0) / size);
  }
  return out;
}

/**
 * Hovers on our charts: `batches` batches of 20 pointermoves on `canvas`,
 * alternating between `targets` ({ name, init }: a PointerEvent's init at
 * the target), each checked to show the tooltip `tip` titled with its name;
 * the mean ms per hover of each batch. Throws if one did not.
 */
export function timeHovers(batches, canvas, tip, targets) {
  let wrong = null;
  const out = timeBatches(batches, 20, (i) => {
    const t = targets[i % 2];
    canvas.dispatchEvent(new PointerEvent("pointermove", t.init));
    const title = tip.firstChild?.textContent ?? "";
    if (tip.hidden || !title.includes(t.name)) wrong ??= `tooltip shows "${title}" (hidden: ${tip.hidden}), expected ${t.name}`;
  });
  canvas.dispatchEvent(new PointerEvent("pointerleave", { pointerType: "mouse" }));
  if (wrong) throw new Error(`hover: ${wrong}`);
  return out;
}

/**
 * The hit-test alone: `n` calls `hit(i)` (true when the i-th call hit
 * something) in batches of 1,000; the mean ms per call of each batch.
 * Throws if a batch hit nothing.
 */
export function timeHitTests(n, hit) {
  const out = [];
  for (let b = 0; b < n / 1000; b++) {
    let found = 0;
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) if (hit(i)) found++;
    out.push((performance.now() - t0) / 1000);
    if (found === 0) throw new Error("no hits");
  }
  return out;
}
