#!/usr/bin/env node
// Where a first frame's time goes: cold loads of one bench page served from
// one or more roots (alternating, as bench/ab.mjs loads them), each traced,
// and the medians of the page's own work on its main thread.
//
//   node bench/run.mjs --root        # a root of the pages (after `make build`)
//   node bench/trace.mjs [--loads N] [--page ours.html] [--text] ROOT [ROOT...]
//
// Per root, medians over N loads (default 12) of:
//   mount    ms from the page's `module-ready` mark to `chart-drawn`;
//   frame    ms from `chart-drawn` to `chart-frame` (the frame holding the chart);
//   raster   the canvas's recorded drawing rasterised at the end of the
//            mount's task (`CanvasRenderingContext2D::FinalizeFrame`);
//   style, layout, paint, commit   those trace events in the frame;
//   layout in mount   layouts between `module-ready` and `chart-drawn`: forced
//            by the mount, or a frame before the chart (the map's busy state);
//   text     (--text) ms in `fillText`, every call timed by an init script.
// Traced loads run slower than untraced ones: compare roots within one run.

import { launchBrowser, serve } from "../tests/page/browser.mjs";
import { driverArgs, gotoReady, median } from "./load.mjs";

function usage(why) {
  console.error(`bench/trace.mjs: ${why}\nusage: node bench/trace.mjs [--loads N] [--page a.html] [--text] ROOT...`);
  process.exit(2);
}

const { loads, roots, page: pageName = "ours.html", text = false } = driverArgs(process.argv.slice(2), {
  loads: 12,
  usage,
  options: {
    page: (value) => value ?? usage("--page takes a page's file name"),
    text: () => true,
  },
});

const CATEGORIES = "blink,blink.user_timing,devtools.timeline,disabled-by-default-devtools.timeline";
const IN_FRAME = { style: "UpdateLayoutTree", layout: "Layout", paint: "Paint", commit: "Commit" };

/** Every `fillText` call timed, its ms summed in window.__textMs (--text). */
function timeText() {
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  window.__textMs = 0;
  CanvasRenderingContext2D.prototype.fillText = function (...a) {
    const t = performance.now();
    try {
      return fillText.apply(this, a);
    } finally {
      window.__textMs += performance.now() - t;
    }
  };
}

/** One traced cold load: the row of this page's measures. */
async function tracedLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  try {
    const page = await context.newPage();
    if (text) await page.addInitScript(timeText);
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on("Tracing.dataCollected", (d) => events.push(...d.value));
    const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
    await gotoReady(page, url, 60_000);
    const textMs = text ? await page.evaluate(() => window.__textMs) : NaN;
    await cdp.send("Tracing.end");
    await complete;
    const mark = (name) => events.find((e) => e.name === name && e.cat.includes("blink.user_timing"));
    const [ready, drawn, frame] = ["module-ready", "chart-drawn", "chart-frame"].map(mark);
    if (!ready || !drawn || !frame) throw new Error(`${url}: the page set no module-ready, chart-drawn or chart-frame mark`);
    const main = events.filter((e) => e.tid === drawn.tid && e.ph === "X");
    const sum = (name, from, to) => main.filter((e) => e.name === name && e.ts >= from && e.ts < to).reduce((s, e) => s + e.dur / 1000, 0);
    const row = {
      mount: (drawn.ts - ready.ts) / 1000,
      frame: (frame.ts - drawn.ts) / 1000,
      // The mount's task ends after its mark: the raster starts just after it.
      raster: sum("CanvasRenderingContext2D::FinalizeFrame", ready.ts, frame.ts),
      "layout in mount": sum("Layout", ready.ts, drawn.ts),
    };
    for (const [key, name] of Object.entries(IN_FRAME)) row[key] = sum(name, drawn.ts, frame.ts);
    if (text) row.text = textMs;
    return row;
  } finally {
    await context.close();
  }
}

const servers = await Promise.all(roots.map((root) => serve(root)));
const browser = await launchBrowser();
const rows = roots.map(() => []);
try {
  for (let i = 0; i < loads; i++) {
    const order = roots.map((_, r) => r);
    for (const r of i % 2 ? order.reverse() : order) rows[r].push(await tracedLoad(browser, new URL(pageName, servers[r].url).href));
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}

console.log(`${pageName}, ${loads} traced cold loads from each root; medians, ms`);
roots.forEach((root, r) => {
  const keys = Object.keys(rows[r][0]);
  console.log(`  ${root}: ${keys.map((k) => `${k} ${median(rows[r].map((row) => row[k])).toFixed(2)}`).join(", ")}`);
});
