#!/usr/bin/env node
// A change tried side by side before `make bench`: the bench's pages served
// from two or more roots, loaded in alternating cold loads (each a fresh
// browser context, the order reversed every other round, loaded as
// bench/run.mjs loads them), and the medians of their marks.
//
//   node bench/run.mjs --root        # a root of the pages, from www/pkg and bench/ (after `make build`)
//   cp -r ROOT /tmp/b && ...          # a second root, changed (a page, a build's script or .wasm)
//   node bench/ab.mjs [--loads N] [--pages empty.html,ours.html,chartjs.html] ROOT /tmp/b
//
// Per root and page: the median, over N loads (default 20), of each of the
// page's marks (ms from navigation start: script-start, module-ready,
// chart-drawn, chart-frame, ...). Per root, when its pages include them:
// what the bars (ours.html) and Chart.js's page add above the empty page's
// first frame, and their ratio; the same for the maps (ours-map.html,
// d3map.html). Two runs of the same pages differ by several milliseconds on
// a shared 2-core machine: compare roots within one run, and take a
// difference as real only if it holds in a second run.

import { launchBrowser, openPage, serve } from "../tests/page/browser.mjs";
import { driverArgs, gotoReady, median } from "./load.mjs";

function usage(why) {
  console.error(`bench/ab.mjs: ${why}\nusage: node bench/ab.mjs [--loads N] [--pages a.html,b.html] ROOT...`);
  process.exit(2);
}

const DEFAULT_PAGES = ["empty.html", "ours.html", "chartjs.html"];
const { loads, roots, pages = DEFAULT_PAGES } = driverArgs(process.argv.slice(2), {
  loads: 20,
  usage,
  options: {
    pages(value) {
      const pages = (value ?? "").split(",").filter(Boolean);
      return pages.length ? pages : usage("--pages takes a comma-separated list of pages");
    },
  },
});

const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : "–");

const servers = await Promise.all(roots.map((root) => serve(root)));
const browser = await launchBrowser();
const combos = roots.flatMap((_, r) => pages.map((p) => [r, p]));
/** Per "root index:page": the marks of each load. */
const marks = new Map(combos.map(([r, p]) => [`${r}:${p}`, []]));
try {
  for (let i = 0; i < loads; i++) {
    for (const [r, p] of i % 2 ? [...combos].reverse() : combos) {
      const { context, page, problems } = await openPage(browser, { width: 1000, height: 900 });
      try {
        await gotoReady(page, new URL(p, servers[r].url).href, 60_000);
        marks.get(`${r}:${p}`).push(await page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]))));
        if (problems.length) console.error(`${roots[r]} ${p}: ${problems.join("; ")}`);
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}

roots.forEach((root, r) => {
  console.log(`${root} (${loads} loads of each page)`);
  const frame = {};
  for (const p of pages) {
    const all = marks.get(`${r}:${p}`);
    const names = [...new Set(all.flatMap((m) => Object.keys(m)))];
    frame[p] = median(all.map((m) => m["chart-frame"]));
    console.log(`  ${p}: ${names.map((n) => `${n} ${ms(median(all.map((m) => m[n])))}`).join(", ")}`);
  }
  for (const [ours, peer] of [["ours.html", "chartjs.html"], ["ours-map.html", "d3map.html"]]) {
    if (!(ours in frame && peer in frame && "empty.html" in frame)) continue;
    const [a, b] = [frame[ours] - frame["empty.html"], frame[peer] - frame["empty.html"]];
    console.log(`  above the empty page's first frame: ${ours} ${ms(a)}, ${peer} ${ms(b)}, ratio ${(a / b).toFixed(3)}`);
  }
});
