// Probe (not part of `make bench`): can a worker draw a chart's first picture
// sooner than the page's own thread? The same drawing (draw.js: a bold title,
// a subtitle, 31 bars with their labels and numbers, a source line with an en
// dash, on an 800 x 600 canvas) three ways, each in a fresh browser context
// (a first visit), alternating:
//   main   the page's module script draws on the canvas (as careto-viz does);
//   work   the canvas handed to a module worker (transferControlToOffscreen)
//          that imports draw.js and draws;
//   work2  the same with a classic worker of one file (draw.js and worker.js
//          joined, written by this script into the served copy).
// Prints medians, ms from navigation start: the page script's start, the
// worker's first line (`first`), the message with the canvas received
// (`got`), drawn in the worker (`wdrawn`), drawn as the page learns it
// (`drawn`), and the first frame after it (a rAF then a task, as
// bench/timing.js marks it); then each drawing step's time.
//
//   node bench/probes/offscreen-worker/probe.mjs [LOADS=16]
//
// Results and verdict: bench/results/size.md, "2026-12-06 (forty-sixth session)".
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, serve } from "../../../tests/page/browser.mjs";
import { median } from "../../load.mjs";

const loads = Number(process.argv[2] ?? 16);
const here = fileURLToPath(new URL(".", import.meta.url));
const root = mkdtempSync(path.join(os.tmpdir(), "careto-probe-"));
cpSync(here, root, { recursive: true });
const read = (f) => readFileSync(path.join(here, f), "utf8");
const body = read("worker.js").replace(/^import .*\n/m, "");
writeFileSync(path.join(root, "worker-classic.js"), read("draw.js").replace(/^export /m, "") + body);
const server = await serve(root);
const browser = await launchBrowser();
const pages = ["main", "work", "work2"];
const url = { main: "main.html", work: "work.html", work2: "work.html?classic" };
const res = Object.fromEntries(pages.map((p) => [p, []]));
for (let i = 0; i < loads; i++) {
  for (const p of i % 2 ? pages : [...pages].reverse()) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL(url[p], server.url).href);
    await page.waitForFunction(() => window.__r, null, { timeout: 20000 });
    res[p].push(await page.evaluate(() => window.__r));
    await context.close();
  }
}
await browser.close();
await server.close();
rmSync(root, { recursive: true, force: true });
for (const p of pages) {
  const r = res[p];
  const keys = Object.keys(r[0]).filter((k) => k !== "t");
  console.log(p, keys.map((k) => `${k} ${median(r.map((x) => x[k])).toFixed(1)}`).join(" | "));
  console.log("  draw steps:", r[0].t.map(([n], i) => `${n} ${median(r.map((x) => x.t[i][1])).toFixed(2)}`).join(", "));
}
