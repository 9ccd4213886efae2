// How the bench's drivers (bench/run.mjs, bench/ab.mjs, bench/trace.mjs)
// load a page: the same wait, so that a side-by-side trial measures what
// `make bench` does.

import { READY_MESSAGE } from "./common.js";

/**
 * Goes to page `url` and resolves once the page has logged READY_MESSAGE
 * (bench/common.js, benchIsReady: after its `chart-frame` mark). Not
 * `page.waitForSelector`, nor a `page.evaluate` that waits: each evaluates
 * a script of Playwright's in the page (about 30 ms for the selector's, 2-9
 * ms for an evaluate's, on this machine) as soon as `goto` returns at the
 * load event, which landed inside the measured interval (traced
 * 2026-12-02: between library ready and chart drawn on our page, whose
 * module awaits the wasm after the load event; between the first frame and
 * its mark on every page). A console message comes through the DevTools
 * protocol with nothing evaluated in the page.
 *
 * The page's `chart-frame` mark (bench/common.js, afterNextFrame) comes
 * from a task posted in requestAnimationFrame at `scheduler.postTask`
 * "user-blocking" priority: it runs once the frame is produced and before
 * the page's other queued tasks, which otherwise delayed the mark though
 * the frame was already there (traced 2026-12-02: an SVG icon decoded,
 * Chromium's autofill scanning the page, the driver's evaluate; 2-19 ms).
 */
export async function gotoReady(page, url, timeout) {
  const ready = page.waitForEvent("console", { predicate: (m) => m.text() === READY_MESSAGE, timeout });
  await page.goto(url, { waitUntil: "load", timeout });
  await ready;
}
