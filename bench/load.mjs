// How the bench's drivers (bench/run.mjs, bench/ab.mjs, bench/trace.mjs)
// load a page: the same wait, so that a side-by-side trial measures what
// `make bench` does. Also what the side-by-side drivers (ab.mjs, trace.mjs)
// share: their command line and their medians.

import path from "node:path";
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

/**
 * A side-by-side driver's command line: `--loads N` (a whole number, 1 or
 * more; `loads` if absent), each of `options` (`--name` with the next
 * argument given to `options.name`, or with none if that function takes
 * none: a flag; its result under `name`), and the roots (made absolute).
 * `usage(why)` is called on anything else, and when no root is given.
 */
export function driverArgs(argv, { loads, options = {}, usage }) {
  const out = { loads, roots: [] };
  const args = [...argv];
  while (args.length) {
    const a = args.shift();
    if (a === "--loads") {
      out.loads = Number(args.shift());
      if (!Number.isInteger(out.loads) || out.loads < 1) usage("--loads takes a whole number, 1 or more");
    } else if (a.startsWith("--")) {
      const take = Object.hasOwn(options, a.slice(2)) ? options[a.slice(2)] : usage(`unknown option ${a}`);
      out[a.slice(2)] = take.length ? take(args.shift()) : take();
    } else out.roots.push(path.resolve(a));
  }
  if (!out.roots.length) usage("no root given");
  return out;
}

/** The median of the finite numbers in `xs`; NaN if there are none. */
export function median(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
