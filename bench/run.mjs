#!/usr/bin/env node
// Performance benchmark (issue #5): `make bench` (after `make build`).
//
//   node bench/run.mjs            # everything, about 3–4 minutes on a 2-core machine
//   BENCH_RUNS=5 BENCH_MEMORY_RUNS=1 BENCH_SCALING=0 node bench/run.mjs   # a quick look
//   node bench/run.mjs --report bench/results/latest.json   # latest.md again, from a run's JSON (stdout)
//   BENCH_OUT=/tmp/b BENCH_RUNS=3 ...   # writes latest.{md,json} there, not in bench/results (for iterating)
//   node bench/run.mjs --root     # the pages' root, assembled as below and kept: its path (for bench/ab.mjs)
//
// 1. Browser: headless Chromium (/usr/bin/chromium through npm playwright-core,
//    the flags of tests/page/browser.mjs) loads, alternating, BENCH_RUNS times
//    each (default 20), each in a fresh context (a first visit, nothing cached):
//      ours-bars  bench/ours.html?views=bars            our release build (every file of www/pkg,
//                                                       as index.html loads them), the country bars
//      ours-both  bench/ours.html?views=bars,timeline   the same, bars and timeline
//      chartjs    bench/chartjs.html                    Chart.js 4 (UMD bundle), the same 11 bars
//      empty      bench/empty.html                      no library: one rect and one text on a
//                                                       canvas, the floor of the harness
//      ours-map   bench/ours-map.html                   our map build and its geometry, the map view
//      d3map      bench/d3map.html                      the same choropleth by d3-geo + topojson-client
//                                                       (issue 14.6), bundled here by esbuild --minify
//    and measures the time from navigation start to the first complete frame,
//    to a hover answered on that cold load (the reader's first interaction,
//    right after the first frame), redraws at a new width, hover (hit-test +
//    tooltip update, warm), the hit-test alone, and memory after 1,000 redraws
//    against after the first (JS heap less V8's compiled code, plus wasm
//    memory; the first BENCH_MEMORY_RUNS runs); of the empty
//    page, only the first frame (the first-frame target is on what each page
//    adds above it).
//    Bytes (issue 12.2), once, in the same run: index.html itself as the
//    site serves it, from dist/ (`make bench` makes the site first; SITE_DIR
//    names another), measured as tests/page/budget.test.mjs does
//    (tests/page/paths.mjs: what Chromium fetched before the first frame, and
//    once a reader has used every feature), against everything the Chart.js
//    page fetched.
// 2. Scaling (native): `cargo run --release --example scaling` (examples/scaling.rs),
//    the real campaign against synthetic ones of up to 2,500 countries and
//    5,000 events.
// 3. Writes bench/results/latest.md (a table, with the machine) and
//    bench/results/latest.json (every sample), both meant to be committed.
//
// The pages are served by scripts/serve.mjs from a temporary directory
// assembled here: bench/*.html|js|css (the pages above, common.js, timing.js, bench.css),
// every .js and .wasm of www/pkg (the article build, minified, as `make site`
// copies it: kernel, interaction layer, details module), Chart.js's
// dist/chart.umd.min.js, and data.js (written from data/careto.toml).

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync, constants as zlib } from "node:zlib";
import { fileURLToPath } from "node:url";
import { launchBrowser, openPage, serve } from "../tests/page/browser.mjs";
import { gotoReady } from "./load.mjs";
import { quantile, resampler } from "./stats.mjs";
import { measurePath, withoutMap } from "../tests/page/paths.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "..");
const RESULTS = process.env.BENCH_OUT ? path.resolve(process.env.BENCH_OUT) : path.join(HERE, "results");
// 40 cold loads of each page by default (20 until 2026-12-06), as every
// run in bench/results/ was made: even at 40, a first-frame ratio's 95 %
// interval is 0.15-0.25 wide on this kind of 2-core machine.
const RUNS = intEnv("BENCH_RUNS", 40);
const MEMORY_RUNS = Math.min(RUNS, intEnv("BENCH_MEMORY_RUNS", 3));
const SCALING = process.env.BENCH_SCALING !== "0";
const REDRAWS_PER_RUN = 30;
const HOVER_BATCHES = 10; // of 20 hovers each
const HIT_CALLS = 10_000;
const MEMORY_REDRAWS = 1_000;
/** Cold loads of each page on an emulated slow link (Chromium's network emulation), where round trips show. */
const SLOW_RUNS = intEnv("BENCH_SLOW_RUNS", 7);
// The first-frame targets: what ours adds above the empty page, at most this
// share of what the peer adds (issue 12: bars vs Chart.js; issue 14: map vs d3).
const BARS_FIRST_FRAME_TARGET = 0.4;
const MAP_FIRST_FRAME_TARGET = 0.6;
/** 150 ms round trips, 1.5 MiB/s down, 96 KiB/s up: a mobile link as a reader has it, not the local server's. */
const SLOW_LINK = { offline: false, latency: 150, downloadThroughput: 1.5 * 1024 * 1024, uploadThroughput: 96 * 1024 };
const SLOW_KINDS = ["ours-bars", "chartjs", "ours-map", "d3map"];
/** SLOW_LINK as the report names it. */
const SLOW_LINK_NAME = `${SLOW_LINK.latency} ms round trips, ${(SLOW_LINK.downloadThroughput / 1024 / 1024).toFixed(1)} MiB/s`;
// Snapshots further on (information): growth between them tells a leak from warm-up.
const MEMORY_LONG = [5_000, 10_000];

function intEnv(name, fallback) {
  const v = process.env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number.parseInt(v, 10);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}=${v} is not a positive whole number`);
  return n;
}

const log = (...a) => console.log("[bench]", ...a);

function toml(key) {
  return execFileSync("python3", ["-c", `import tomllib,sys,json
v=tomllib.load(open("wasm-pack.toml","rb"))
for k in sys.argv[1].split("."): v=v[k]
print(json.dumps(v))`, key], { cwd: REPO, encoding: "utf8" }).trim();
}

// --- the site -------------------------------------------------------------

const OUT_DIR = JSON.parse(toml("build.out_dir"));
const OUT_NAME = JSON.parse(toml("build.out_name"));
const FIRST_FRAME_BUDGET = JSON.parse(toml("budget.first_frame_gzip"));
const ALL_FEATURES_BUDGET = JSON.parse(toml("budget.all_features_gzip"));
/** Every file of the article build that a page may fetch: what `make site` copies into dist/pkg. */
const PKG_FILES = existsSync(path.join(REPO, OUT_DIR)) ? readdirSync(path.join(REPO, OUT_DIR)).filter((f) => /\.(js|wasm|bin)$/.test(f)) : [];
const CHARTJS_DIR = path.join(REPO, "node_modules", "chart.js");
/** The site of `make site` (what a newsroom deploys: the pages' scripts with the loader bundled in, CSS minified). */
const SITE = path.resolve(process.env.SITE_DIR ?? path.join(REPO, "dist"));
/**
 * Fetched by the bench pages but not counted in their bytes: the icon (the
 * browser's, as in tests/page/paths.mjs), the cold-hover row's
 * instrumentation, which issue 12's measure of Chart.js's page (74.8 KiB)
 * did not include, and the timing loops every page's window.bench uses
 * (timing.js).
 */
const NOT_COUNTED = ["favicon.png", "cold-hover.js", "timing.js"];
/**
 * The bench pages' icon: one transparent pixel. Without an icon the browser
 * asks for /favicon.ico (a 404); the demo's SVG icon took 2-19 ms of the
 * page's thread to decode, at a moment that varied from page to page
 * (traced 2026-12-02), often between a first frame and its mark.
 */
const BENCH_ICON = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

function assemble() {
  for (const f of [`${OUT_NAME}.js`, `${OUT_NAME}_bg.wasm`]) {
    if (!PKG_FILES.includes(f)) throw new Error(`${OUT_DIR}/${f} is missing: run \`make build\` first`);
  }
  if (!existsSync(path.join(CHARTJS_DIR, "dist", "chart.umd.min.js"))) {
    throw new Error("node_modules/chart.js is missing: run `npm ci` (scripts/setup.sh does)");
  }
  const root = mkdtempSync(path.join(os.tmpdir(), "careto-bench-"));
  for (const f of ["ours.html", "ours.js", "chartjs.html", "chartjs.js", "empty.html", "empty.js", "common.js", "cold-hover.js", "timing.js", "bench.css", "ours-map.html", "ours-map.js", "d3map.html", "d3map.js"]) {
    cpSync(path.join(HERE, f), path.join(root, f));
  }
  writeFileSync(path.join(root, "favicon.png"), BENCH_ICON); // not counted: not part of a chart
  mkdirSync(path.join(root, "pkg"));
  for (const f of PKG_FILES) cpSync(path.join(REPO, OUT_DIR, f), path.join(root, "pkg", f));
  cpSync(path.join(CHARTJS_DIR, "dist", "chart.umd.min.js"), path.join(root, "chart.umd.min.js"));
  // The Chart.js page's data, from the same file our module compiles in.
  const data = execFileSync("python3", ["-c", `import tomllib,json
d=tomllib.load(open("data/careto.toml","rb"))
n=lambda c: c["count"] if isinstance(c["count"], int) else None
print(json.dumps({"name": d["name"]["en"], "measure": d["measure"]["en"], "asOf": d["as_of"]["en"],
  "barsSourceLine": d["bars_source_line"]["en"],
  "countries": [{"code": c["code"], "name": c["name"]["en"], "count": n(c)} for c in d["country"]]}, ensure_ascii=False))`],
  { cwd: REPO, encoding: "utf8" });
  const campaign = JSON.parse(data);
  const published = campaign.countries.filter((c) => c.count !== null).length;
  if (campaign.countries.length !== 31 || published !== 11) {
    log(`note: data/careto.toml has ${campaign.countries.length} countries, ${published} with a count`);
  }
  // ISO numeric codes for the d3 map (world-atlas's ids), from the table the module uses (src/model/places.rs).
  const numeric = Object.fromEntries([...readFileSync(path.join(REPO, "src", "model", "places.rs"), "utf8").matchAll(/place\(b"([A-Z]{3})", (\d+),/g)].map((m) => [m[1], Number(m[2])]));
  for (const c of campaign.countries) c.numeric = numeric[c.code] ?? null;
  writeFileSync(path.join(root, "data.js"),
    `// Written by bench/run.mjs from data/careto.toml (English strings, counts; null = not published).\nexport const campaign = ${JSON.stringify(campaign, null, 1)};\n`);
  // The d3 map's page: its script, data.js, d3-geo and topojson-client in one minified bundle,
  // as a newsroom would ship it; its geometry, world-atlas's countries-110m.json, fetched. The
  // harness's modules stay files, as on our map's page: common.js (counted on both) and
  // timing.js (counted on neither).
  cpSync(path.join(REPO, "node_modules", "world-atlas", "countries-110m.json"), path.join(root, "countries-110m.json"));
  const esbuild = path.join(REPO, "node_modules", ".bin", "esbuild");
  execFileSync(esbuild, [path.join(root, "d3map.js"), "--bundle", "--format=esm", "--minify", "--log-level=warning", "--external:./common.js", "--external:./timing.js", `--outfile=${path.join(root, "d3map.bundle.js")}`],
    { cwd: REPO, env: { ...process.env, NODE_PATH: path.join(REPO, "node_modules") } });
  rmSync(path.join(root, "d3map.js"));
  return { root, campaign };
}

const gzipBytes = (file) => gzipSync(readFileSync(file), { level: zlib.Z_BEST_COMPRESSION }).length;

// --- helpers --------------------------------------------------------------

function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const summary = (xs) => ({ median: median(xs), p25: quantile(xs, 0.25), p75: quantile(xs, 0.75), min: Math.min(...xs), max: Math.max(...xs), n: xs.length, samples: xs });

/**
 * How sure one run is of a first-frame ratio: a 95 % bootstrap interval of
 * (median of `ours` − median of `floor`) / (median of `peer` − median of
 * `floor`), the ratio the targets are on. Each page's loads are resampled
 * with replacement, 2,000 times, with a fixed seed (the same samples give
 * the same interval, so `latest.md` can be written again from
 * `latest.json`). Null without samples.
 */
function addedRatioInterval(samples, ours, peer, floor = "empty") {
  const xs = (k) => (samples?.[k]?.first_frame_ms?.samples ?? []).filter((x) => Number.isFinite(x));
  const [o, c, e] = [xs(ours), xs(peer), xs(floor)];
  if (!o.length || !c.length || !e.length) return null;
  const resample = resampler();
  const ratios = [];
  for (let i = 0; i < 2000; i++) {
    const base = median(resample(e));
    const added = median(resample(c)) - base;
    const ours = median(resample(o)) - base;
    if (added > 0) ratios.push(ours / added);
  }
  return ratios.length ? [quantile(ratios, 0.025), quantile(ratios, 0.975)] : null;
}

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: REPO, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

const LOAD_AT_START = os.loadavg().map((v) => +v.toFixed(2));

function machine(browserVersion) {
  const cpus = os.cpus();
  // The results files themselves do not count: a previous run leaves them changed.
  const dirty = sh("git", ["status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)bench/results"]);
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memory_gib: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    chromium: browserVersion,
    node: process.version,
    rustc: sh("rustc", ["--version"]),
    chartjs: JSON.parse(readFileSync(path.join(CHARTJS_DIR, "package.json"), "utf8")).version,
    d3_geo: JSON.parse(readFileSync(path.join(REPO, "node_modules", "d3-geo", "package.json"), "utf8")).version,
    topojson_client: JSON.parse(readFileSync(path.join(REPO, "node_modules", "topojson-client", "package.json"), "utf8")).version,
    git: `${sh("git", ["rev-parse", "--short", "HEAD"]) ?? "?"}${dirty ? " (with uncommitted changes)" : ""}`,
    load_average_at_start: LOAD_AT_START,
    load_average_at_end: os.loadavg().map((v) => +v.toFixed(2)),
    date: new Date().toISOString(),
  };
}

// --- one page load --------------------------------------------------------

const PAGES = {
  "ours-bars": "ours.html?views=bars",
  "ours-both": "ours.html?views=bars,timeline",
  chartjs: "chartjs.html",
  empty: "empty.html",
  "ours-map": "ours-map.html",
  d3map: "d3map.html",
};
const MAP_KINDS = ["ours-map", "d3map"];

/**
 * Bytes of V8's compiled code in the page's heap (a heap snapshot's nodes of
 * type "code": instruction streams, their relocation and deoptimisation
 * data, bytecode): a cache that grows as functions grow hot and get
 * optimised, bounded by the code, not by the number of redraws.
 */
async function compiledCodeBytes(cdp) {
  let json = "";
  const chunk = ({ chunk: c }) => (json += c);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", chunk);
  try {
    await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  } finally {
    cdp.off("HeapProfiler.addHeapSnapshotChunk", chunk);
  }
  const { snapshot: { meta }, nodes } = JSON.parse(json);
  const fields = meta.node_fields.length;
  const type = meta.node_fields.indexOf("type");
  const size = meta.node_fields.indexOf("self_size");
  const code = meta.node_types[type].indexOf("code");
  let bytes = 0;
  for (let i = 0; i < nodes.length; i += fields) if (nodes[i + type] === code) bytes += nodes[i + size];
  return bytes;
}

async function memoryPhase(page, view) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  // What the target is on (`total`): the JS heap less V8's compiled code,
  // plus the wasm memory; `total_with_code` as before 2026-12-06.
  const snapshot = async () => {
    for (let i = 0; i < 2; i++) await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const js = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? NaN;
    const wasm = await page.evaluate(() => window.bench.wasmBytes());
    const code = await compiledCodeBytes(cdp);
    return { js_heap: js, compiled_code: code, wasm_memory: wasm, total: js - code + wasm, total_with_code: js + wasm };
  };
  // The harness's own functions warmed first, on every page alike: the
  // driver's evaluate (Playwright's injected script), the snapshot's calls
  // and timing.js's redraw loop (run on a detached box, with nothing to
  // redraw: none of the page's chart code runs). V8 compiles them as they
  // grow hot, and that code counted in the JS heap's growth (6-8 KiB,
  // 13 % of ours at 2026-12-02, heap snapshots; harness fix, 2026-12-02).
  for (let i = 0; i < 3; i++) await snapshot();
  await page.evaluate(async (n) => {
    const { redrawMany } = await import(new URL("timing.js", location.href).href);
    await redrawMany(n, document.createElement("div"), () => {});
  }, MEMORY_REDRAWS);
  await page.evaluate((v) => window.bench.redrawOnce(v, 1), view);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  const first = await snapshot();
  // A snapshot after the first 100 too: growth from there on tells a leak from warm-up (JIT code, caches).
  await page.evaluate(([v, n]) => window.bench.manyRedraws(v, n), [view, 100]);
  const warm = await snapshot();
  await page.evaluate(([v, n]) => window.bench.manyRedraws(v, n), [view, MEMORY_REDRAWS - 100]);
  const after = await snapshot();
  // Further on, for a leak against a warm-up that ends: after 5,000 and 10,000.
  await page.evaluate(([v, n]) => window.bench.manyRedraws(v, n), [view, MEMORY_LONG[0] - MEMORY_REDRAWS]);
  const mid = await snapshot();
  await page.evaluate(([v, n]) => window.bench.manyRedraws(v, n), [view, MEMORY_LONG[1] - MEMORY_LONG[0]]);
  const late = await snapshot();
  await cdp.detach();
  return {
    first,
    after_100: warm,
    after,
    after_5000: mid,
    after_10000: late,
    growth: (after.total - first.total) / first.total,
    growth_with_code: (after.total_with_code - first.total_with_code) / first.total_with_code,
    growth_from_100: (after.total - warm.total) / warm.total,
    growth_5000_to_10000: (late.total - mid.total) / mid.total,
  };
}

async function loadOnce(browser, baseUrl, kind, { measureBytes, memory }) {
  const { context, page, problems } = await openPage(browser, { width: 1000, height: 900 });
  const fetched = [];
  page.on("response", (res) => {
    const u = new URL(res.url());
    if (res.status() === 200 && u.origin === new URL(baseUrl).origin && !NOT_COUNTED.some((f) => u.pathname.endsWith(`/${f}`))) fetched.push(u.pathname);
  });
  try {
    await gotoReady(page, baseUrl + PAGES[kind], 30_000);
    const marks = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
      return {
        html: performance.getEntriesByType("navigation")[0]?.responseEnd,
        script: at("script-start"),
        ready: at("module-ready"),
        drawn: at("chart-drawn"),
        frame: at("chart-frame"),
        hover: at("hover-answered"),
      };
    });
    // Only now Playwright's injected script (see gotoReady), so that what
    // follows (redraws, hovers, memory: its heap is in the JS heap measured)
    // runs as it did before the marks stopped including it.
    await page.waitForSelector("html[data-bench=ready]", { state: "attached", timeout: 30_000 });
    const out = {
      kind,
      first_frame_ms: marks.frame,
      html_ms: marks.html,
      script_start_ms: marks.script,
      module_ready_ms: marks.ready,
      drawn_ms: marks.drawn,
    };
    if (kind === "ours-bars" || kind === "chartjs") {
      if (marks.hover === undefined) throw new Error(`${kind}: no hover-answered mark (the cold hover)`);
      out.cold_hover_ms = marks.hover;
    }
    if (kind === "empty") {
      // The floor: only its first frame.
    } else if (MAP_KINDS.includes(kind)) {
      out.redraw_ms = median(await page.evaluate(([n]) => window.bench.redraws("map", n), [REDRAWS_PER_RUN]));
      out.hover_ms = median(await page.evaluate(([n]) => window.bench.hovers(n), [HOVER_BATCHES]));
      out.hit_ms = median(await page.evaluate(([n]) => window.bench.hitTests(n), [HIT_CALLS]));
    } else if (kind === "ours-both") {
      out.redraw_timeline_ms = median(await page.evaluate(([n]) => window.bench.redraws("timeline", n), [REDRAWS_PER_RUN]));
    } else {
      out.redraw_ms = median(await page.evaluate(([n]) => window.bench.redraws("bars", n), [REDRAWS_PER_RUN]));
      out.hover_ms = median(await page.evaluate(([n]) => window.bench.hovers(n), [HOVER_BATCHES]));
      out.hit_ms = median(await page.evaluate(([n]) => window.bench.hitTests(n), [HIT_CALLS]));
      if (memory) out.memory = await memoryPhase(page, "bars");
    }
    if (measureBytes) out.fetched = [...new Set(fetched)];
    if (problems.length) throw new Error(`${kind}: ${problems.join("; ")}`);
    return out;
  } finally {
    await context.close();
  }
}

/** A cold load of page `kind` on SLOW_LINK: its first complete frame, ms from navigation start. */
async function slowLoad(browser, baseUrl, kind) {
  const { context, page, problems } = await openPage(browser, { width: 1000, height: 900 });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", SLOW_LINK);
    await gotoReady(page, baseUrl + PAGES[kind], 60_000);
    const frame = await page.evaluate(() => performance.getEntriesByName("chart-frame")[0]?.startTime);
    if (frame === undefined) throw new Error(`${kind}: no chart-frame mark on the slow link`);
    if (problems.length) throw new Error(`${kind}, slow link: ${problems.join("; ")}`);
    return frame;
  } finally {
    await context.close();
  }
}

// --- scaling --------------------------------------------------------------

function scaling() {
  log("scaling: cargo run --release --example scaling (examples/scaling.rs; the first build takes a minute or two)");
  const r = spawnSync("cargo", ["run", "--quiet", "--release", "--example", "scaling"], {
    cwd: REPO,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 << 20,
  });
  if (r.status !== 0) throw new Error(`cargo run --example scaling failed (exit ${r.status})`);
  return JSON.parse(r.stdout);
}

// --- the report -----------------------------------------------------------

const KiB = 1024;
const fmtMs = (v) => (v === null || v === undefined ? "–" : v < 0.1 ? `${(v * 1000).toFixed(1)} µs` : `${v.toFixed(v < 10 ? 2 : 1)} ms`);
const fmtBytes = (v) => `${(v / KiB).toFixed(1)} KiB`;
const fmtRatio = (v) => (v === null || !Number.isFinite(v) ? "–" : `${v.toFixed(2)}×`);
/** A first-frame ratio with its interval (addedRatioInterval), and its status, which says when the interval spans the target. */
const fmtAdded = (ratio, interval) => (interval ? `${fmtRatio(ratio)} (95 % interval ${interval[0].toFixed(2)}–${interval[1].toFixed(2)})` : fmtRatio(ratio));
const statusAdded = (status, interval, target) => (interval && interval[0] <= target && target <= interval[1] ? `${status} (the interval spans ${target}: this run cannot tell)` : status);
const fmtPct = (v) => `${v >= 0 ? "+" : ""}${(v * 100).toFixed(2)} %`;

function report(r) {
  const m = r.metrics;
  const barsInterval = addedRatioInterval(r.samples, "ours-bars", "chartjs");
  const mapInterval = addedRatioInterval(r.samples, "ours-map", "d3map");
  const rows = [
    ["Download before the first frame (index.html; gzip -9 of what it fetched) vs Chart.js's page", fmtBytes(m.download_first_frame.ours), fmtBytes(m.download_first_frame.chartjs), fmtRatio(m.download_first_frame.ratio), m.download_first_frame.target, m.download_first_frame.status],
    ["Download with every feature used (index.html: both charts, hover, keyboard, Show data, PNG, CSV, Copy embed code) vs Chart.js's page", fmtBytes(m.download_all_features.ours), fmtBytes(m.download_all_features.chartjs), fmtRatio(m.download_all_features.ratio), m.download_all_features.target, m.download_all_features.status],
    [`First complete frame above the empty page's (${fmtMs(m.first_frame_above_empty.empty)}), bars: what each page adds`, fmtMs(m.first_frame_above_empty.ours), fmtMs(m.first_frame_above_empty.chartjs), fmtAdded(m.first_frame_above_empty.ratio, barsInterval), m.first_frame_above_empty.target, statusAdded(m.first_frame_above_empty.status, barsInterval, BARS_FIRST_FRAME_TARGET)],
    ["First complete frame from navigation start (bars)", fmtMs(m.first_frame.ours), fmtMs(m.first_frame.chartjs), fmtRatio(m.first_frame.ratio), m.first_frame.target, m.first_frame.status],
    ["First complete frame, bars + timeline (ours) vs bars (Chart.js)", fmtMs(m.first_frame_both.ours), fmtMs(m.first_frame_both.chartjs), fmtRatio(m.first_frame_both.ratio), m.first_frame_both.target, m.first_frame_both.status],
    ["Cold load: navigation start to a hover answered (the reader's first interaction, at the first frame; tooltip on screen)", fmtMs(m.cold_hover.ours), fmtMs(m.cold_hover.chartjs), fmtRatio(m.cold_hover.ratio), m.cold_hover.target, m.cold_hover.status],
    ...(m.slow_first_frame?.ours ? [[`First complete frame from navigation start on a slow link (${SLOW_LINK_NAME}; bars)`, fmtMs(m.slow_first_frame.ours), fmtMs(m.slow_first_frame.chartjs), fmtRatio(m.slow_first_frame.ratio), m.slow_first_frame.target, m.slow_first_frame.status]] : []),
    ["Redraw at a new width (bars)", fmtMs(m.redraw.ours), fmtMs(m.redraw.chartjs), fmtRatio(m.redraw.ratio), m.redraw.target, m.redraw.status],
    ["Redraw at a new width (timeline; ours only)", fmtMs(m.redraw_timeline.ours), "–", "–", m.redraw_timeline.target, m.redraw_timeline.status],
    ["Hover: hit-test + tooltip updated", fmtMs(m.hover.ours), fmtMs(m.hover.chartjs), fmtRatio(m.hover.ratio), m.hover.target, m.hover.status],
    ["Hit-test alone (per call)", fmtMs(m.hit_test.ours), fmtMs(m.hit_test.chartjs), fmtRatio(m.hit_test.ratio), m.hit_test.target, m.hit_test.status],
    [`Memory after ${MEMORY_REDRAWS.toLocaleString("en")} redraws vs after the first (JS heap less V8's compiled code, + wasm memory)`, fmtPct(m.memory.ours_growth), fmtPct(m.memory.chartjs_growth), "–", m.memory.target, m.memory.status],
    [`The same with V8's compiled code counted (as measured until 2026-12-06)`, fmtPct(m.memory_with_code.ours), fmtPct(m.memory_with_code.chartjs), "–", m.memory_with_code.target, m.memory_with_code.status],
    [`Memory after ${MEMORY_REDRAWS.toLocaleString("en")} redraws (JS heap less compiled code + wasm memory)`, fmtBytes(m.memory.ours_after), fmtBytes(m.memory.chartjs_after), fmtRatio(m.memory.ratio), m.memory_abs.target, m.memory_abs.status],
  ];
  const mapRows = m.map_bytes ? [
    ["Map: download (gzip -9 of everything the page fetched: build, geometry, page)", fmtBytes(m.map_bytes.ours), fmtBytes(m.map_bytes.chartjs), fmtRatio(m.map_bytes.ratio), m.map_bytes.target, m.map_bytes.status],
    ["Map: first complete frame above the empty page's (geometry fetched and drawn)", fmtMs(m.map_first_frame_above_empty.ours), fmtMs(m.map_first_frame_above_empty.chartjs), fmtAdded(m.map_first_frame_above_empty.ratio, mapInterval), m.map_first_frame_above_empty.target, statusAdded(m.map_first_frame_above_empty.status, mapInterval, MAP_FIRST_FRAME_TARGET)],
    ...(m.map_slow_first_frame?.ours ? [[`Map: first complete frame from navigation start on a slow link (${SLOW_LINK_NAME})`, fmtMs(m.map_slow_first_frame.ours), fmtMs(m.map_slow_first_frame.chartjs), fmtRatio(m.map_slow_first_frame.ratio), m.map_slow_first_frame.target, m.map_slow_first_frame.status]] : []),
    ["Map: redraw at a new width", fmtMs(m.map_redraw.ours), fmtMs(m.map_redraw.chartjs), fmtRatio(m.map_redraw.ratio), m.map_redraw.target, m.map_redraw.status],
    ["Map: hover (hit-test + tooltip updated)", fmtMs(m.map_hover.ours), fmtMs(m.map_hover.chartjs), fmtRatio(m.map_hover.ratio), m.map_hover.target, m.map_hover.status],
    ["Map: hit-test alone (per call)", fmtMs(m.map_hit_test.ours), fmtMs(m.map_hit_test.chartjs), fmtRatio(m.map_hit_test.ratio), m.map_hit_test.target, m.map_hit_test.status],
  ] : [];
  const mc = r.machine;
  const lines = [];
  lines.push("# careto-viz performance (issues #5, #12)", "");
  lines.push(`Written by \`make bench\` (bench/run.mjs) on ${mc.date.slice(0, 16).replace("T", " ")} UTC, commit ${mc.git}.`, "");
  lines.push(`Machine: ${mc.cpu}, ${mc.cores} cores, ${mc.memory_gib} GiB; ${mc.os}; headless Chromium ${mc.chromium}; Node ${mc.node}; ${mc.rustc}; Chart.js ${mc.chartjs}. Load average (1, 5, 15 min) ${mc.load_average_at_start.join(", ")} at the start, ${mc.load_average_at_end.join(", ")} at the end: on a shared machine, timings move with it; ratios (both pages alternate) move less.`, "");
  lines.push(`Medians over ${r.runs} page loads of each page (alternating, each a fresh browser context: a first visit); memory over the first ${r.memory_runs}. Ratio = ours / Chart.js.`, "");
  lines.push("| Metric | careto-viz | Chart.js | Ratio | Target | Status |", "| --- | ---: | ---: | ---: | --- | --- |");
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  const met = Object.values(m).filter((x) => x.status === "MET").length;
  const missed = Object.values(m).filter((x) => x.status === "MISSED").length;
  if (mapRows.length) {
    lines.push("", "### The map (issue 14.6): careto-viz's map view vs the same choropleth by d3-geo + topojson-client", "");
    lines.push("| Metric | careto-viz | d3-geo + topojson-client | Ratio | Target | Status |", "| --- | ---: | ---: | ---: | --- | --- |");
    for (const row of mapRows) lines.push(`| ${row.join(" | ")} |`);
    const f = (b) => Object.entries(b.files).map(([n, v]) => `${n} ${v.toLocaleString("en")} B`).join(", ");
    lines.push("", `Files (gzip -9): careto-viz ${f(r.bytes.ours_map)}; d3 ${f(r.bytes.d3map)}. d3-geo ${mc.d3_geo}, topojson-client ${mc.topojson_client} (benchmark-only devDependencies). The d3 page draws the same picture on a canvas (Equal Earth fitted to the width, Antarctica out, the same classes, hatching for no count, the land tone, white borders, markers for Gibraltar and countries under 64 px², title, subtitle, legend, source line) with a tooltip on hover; it hit-tests markers within 12 px, then each country's screen box, then \`d3.geoContains\` at the inverted point. Ours: \`bench/ours-map.html\`, the map build (kernel, glue; the interaction layer and details module after the first frame, loaded before the hovers are timed).`);
  }
  lines.push("", `**${met} met, ${missed} missed.**`, "");
  const st = r.samples;
  const ms = (k, key) => fmtMs(st[k]?.[key]?.median);
  lines.push("### First frame, step by step (medians, ms from navigation start)", "");
  lines.push("| Page | HTML received | Page script starts | Library ready | Chart drawn | First frame |", "| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const [k, label] of [["ours-bars", "careto-viz, bars"], ["ours-both", "careto-viz, bars + timeline"], ["chartjs", "Chart.js, bars"], ["empty", "Empty page (the floor)"]]) {
    lines.push(`| ${label} | ${ms(k, "html_ms")} | ${ms(k, "script_start_ms")} | ${ms(k, "module_ready_ms")} | ${ms(k, "drawn_ms")} | ${ms(k, "first_frame_ms")} |`);
  }
  lines.push("", "Page script starts: ours before its build's script, which it imports together with the build's .wasm (and the map's geometry), as careto-viz's loader does on every page it ships (until 2026-12-02: after the build's script, the .wasm and the geometry requested only once it had run); Chart.js's after the bundle (a deferred script) ran. Library ready: ours after the build's script and `init()` (wasm fetched, compiled, instantiated); Chart.js's is the same moment as its script start; the empty page has no library.", "");
  const fl = m.first_frame_above_empty;
  lines.push(`Above the empty page's first frame (${fmtMs(fl.empty)}, the floor of this harness: server, browser start-up of a fresh context, HTML, one module script with the harness's modules, one canvas), careto-viz's bars add ${fmtMs(fl.ours)}, bars + timeline ${fmtMs(fl.ours_both)}, Chart.js ${fmtMs(fl.chartjs)}; the target (issue 12) is on what the bars add: ≤ 0.4 × what Chart.js adds.`, "");
  const ch = m.cold_hover;
  const ffOurs = st["ours-bars"]?.first_frame_ms?.median;
  const ffCjs = st.chartjs?.first_frame_ms?.median;
  if (ch.ours !== null && ch.chartjs !== null) {
    lines.push(`The cold hover is answered ${fmtMs(ch.ours - ffOurs)} after our first frame (the interaction layer and the details module fetched and compiled for it) and ${fmtMs(ch.chartjs - ffCjs)} after Chart.js's (its next animation frame) (differences of medians).`, "");
  }
  const memRows = (k) => st[k]?.memory ?? [];
  const medOf = (xs) => median(xs);
  const line = (k, label) => {
    const rs = memRows(k);
    if (!rs.length) return null;
    const f = (phase, key) => fmtBytes(medOf(rs.map((x) => x[phase][key])));
    const at = (phase) => `${f(phase, "js_heap")} / ${f(phase, "compiled_code")} / ${f(phase, "wasm_memory")}`;
    return `| ${label} | ${at("first")} | ${at("after_100")} | ${at("after")} | ${at("after_5000")} | ${at("after_10000")} | ${fmtPct(medOf(rs.map((x) => x.growth)))} | ${fmtPct(medOf(rs.map((x) => x.growth_from_100)))} | ${fmtPct(medOf(rs.map((x) => x.growth_5000_to_10000)))} |`;
  };
  lines.push("### Memory (medians; JS heap used / of it, V8's compiled code / wasm linear memory)", "");
  lines.push("| Page | After the first redraw | After 100 | After 1,000 | After 5,000 | After 10,000 | Growth from the first to 1,000 | From 100 to 1,000 | From 5,000 to 10,000 |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const l of [line("ours-bars", "careto-viz, bars"), line("chartjs", "Chart.js, bars")]) if (l) lines.push(l);
  lines.push("", "The target is on growth from the first redraw to 1,000 of the JS heap less V8's compiled code, plus the wasm memory. Growth from 100 on, and from 5,000 to 10,000, tells a leak (it keeps growing) from warm-up (optimised code and caches made in the first redraws, which ends).", "");
  lines.push("### Downloads (gzip -9 of each file, as fetched by the page)", "", "| File | index.html, before the first frame | index.html, every feature used | Chart.js's page |", "| --- | ---: | ---: | ---: |");
  const cols = [r.bytes.first_frame, r.bytes.all_features, r.bytes.chartjs];
  const cell = (v) => (v === undefined ? "–" : `${v.toLocaleString("en")} B`);
  for (const n of [...new Set(cols.flatMap((c) => Object.keys(c.files)))]) lines.push(`| ${n} | ${cols.map((c) => cell(c.files[n])).join(" | ")} |`);
  lines.push(`| **total** | ${cols.map((c) => `**${c.total.toLocaleString("en")} B**`).join(" | ")} |`, "");
  lines.push("### How it is measured", "");
  lines.push(
    "- **Pages.** `bench/ours.html` loads the files of `www/pkg` (the release build after wasm-opt and esbuild --minify: kernel, interaction layer, details module; what `make site` copies into dist/pkg) as the demo page does (its .wasm requested together with its script, as the loader's `imported` does: **fidelity fix, 2026-12-02**; before, the page fetched the .wasm only once the script had run; `bench/ours-map.html` likewise starts the map's geometry with them, as the loader's `prefetchGeometry` does), and the run checks it fetched the same build files as index.html with every feature used; it mounts the bars (`?views=bars`) or both charts (`?views=bars,timeline`). `bench/chartjs.html` loads Chart.js's whole UMD bundle (`chart.umd.min.js`, a devDependency of the benchmark only) and draws the same 11 published counts from `data/careto.toml` as horizontal bars, largest first, with the same five colour classes and colours, title, subtitle, class legend and tooltips, animation off. The **20 countries without a published count are not bars** on either side: ours lists them inside the chart; the Chart.js page lists them in a paragraph under its canvas (with the source line), since Chart.js has no such element and a zero-length bar would misstate them. Chart.js draws no value labels at the bar ends (that needs a plugin); ours does.",
    "- **Download:** ours is index.html itself as the site serves it (dist/ of \`make site\`, which \`make bench\` makes: the pages' scripts with the loader bundled in and minified, as a newsroom deploys them; until 2026-12-01 it was www/, whose unbundled loader and unminified CSS counted about 3 KB more), measured as `tests/page/budget.test.mjs` does it (`tests/page/paths.mjs`): before the first frame, the files requested until the page marks its charts mounted (same task as the mounts, before any frame; listed once the network is idle, since resource timing lists a streamed .wasm only once it has been read); with every feature used, everything fetched once a reader has hovered a bar and an event, Tabbed to each chart and pressed ArrowDown, opened Show data, downloaded PNG and CSV and copied the embed code, the network idle. Chart.js: everything its page fetched (HTML, CSS, page script, data, the bundle; its tooltips need nothing more). Each file gzipped at level 9 (node's zlib), summed; the pages' icon is not counted, nor the harness's instrumentation (`cold-hover.js`, `timing.js`). Targets: wasm-pack.toml `[budget]`.",
    "- **Cold hover:** on the same cold loads as the first frame, each bars page dispatches, right after its first frame, a pointer move at the centre of Morocco's bar (ours a `pointermove` on the canvas in the shadow root, Chart.js a `mousemove` on its canvas), and marks `hover-answered` once the tooltip naming Morocco is on screen (ours: the tooltip element shown; Chart.js: its tooltip drawn on the canvas, seen by an `afterTooltipDraw` plugin hook) and the frame holding it has been produced. For ours that includes fetching and compiling the interaction layer and the details module (the busy state meanwhile); Chart.js handles the event at its next animation frame.",
    "- **First complete frame:** each page sets `performance.mark('chart-drawn')` right after drawing, then waits for `requestAnimationFrame` and a task posted from it at `scheduler.postTask` \"user-blocking\" priority, which runs once the frame with the chart has been produced and before the page's other queued tasks, and sets `chart-frame`; reported is that mark's time from navigation start. A cold load: fetch, compile, instantiate, lay out, draw. The driver waits for the page's console message (`benchIsReady`, bench/common.js), with nothing of its own evaluated in the page until the marks are read; each page's icon is one pixel of PNG. Harness fixes: **2026-11-28**, a `page.evaluate` of a promise instead of `page.waitForSelector`, whose injected script (about 30 ms of main-thread work) ran inside the measured interval; **2026-12-02** (traced on every page: tasks that ran after the frame had been produced and before its mark), the user-blocking task (a message before), the console message (the evaluate's script before, 2-9 ms) and the PNG icon (the demo's SVG icon before, 2-19 ms to decode). Earlier first frames include what each fix took out.",
    "- **Empty page (the floor):** `bench/empty.html` has the same head, stylesheet and server as the chart pages and one module script (importing `common.js` and `timing.js`, the harness modules every chart page imports; `timing.js` only since 2026-12-02, **harness fix**: until then the floor left out a module all four chart pages load; `cold-hover.js`, which only the bars pages load, stays out) that draws one rectangle and one line of text on a canvas and sets the same marks; it alternates with the other pages. No page can have its first frame earlier in this harness; \"above the empty page's\" is a page's median first frame less the empty page's median.",
    `- **Intervals:** the two first-frame ratios above the empty page are medians of ${r.runs} cold loads of each page on a shared machine, and they move from run to run. Beside each is a 95 % bootstrap interval: each page's loads (ours, the peer's, the empty page's) resampled with replacement 2,000 times (a fixed seed), the ratio of the medians each time, its 2.5th and 97.5th percentiles. The status is still the median ratio's, as the issues define it; where the interval spans the target, the status says that this run cannot tell.`,
    `- **Slow link:** ${SLOW_RUNS} more cold loads of each of the bars' and the map's pages (alternating) with Chromium's network emulation (DevTools protocol \`Network.emulateNetworkConditions\`: ${SLOW_LINK.latency} ms added to every round trip, ${(SLOW_LINK.downloadThroughput / 1024 / 1024).toFixed(1)} MiB/s down), reported as the first complete frame from navigation start (median). On the local server a round trip costs next to nothing; on a reader's link each request that waits for another (a script before its .wasm, say) costs one, and every byte counts: these rows show both, where the others show neither.`,
    `- **Redraw:** the container's width alternates between 640 and 800 px (starting at 640: the box is 800 px, so every call is a new width) and ours calls \`chart.redraw()\`, Chart.js \`chart.resize()\`; the synchronous call is timed, a frame between each, ${REDRAWS_PER_RUN} per load (median), then the median over loads. Both are timed to the same point, the new picture on the canvas, and checked: untimed, each page reads back the top bar's pixel after every redraw. **Fairness fix (2026-11-28):** until then Chart.js's figure (0.6 ms) did not include drawing: its own ResizeObserver (\`responsive: true\`) resized and redrew a frame later, outside the timed call, and \`resize()\` left its draw to the animator's next animation frame even with animation off (a draw counter saw 0 draws in the timed call). Now the Chart.js page turns its ResizeObserver off after the first frame (\`options.responsive = false\`), and the timed part is \`resize()\` plus, when that left the drawing for later, \`draw()\`; a plugin counts Chart.js's draws and the page throws unless each timed call drew exactly once.`,
    "- **Hover:** ours dispatches a `pointermove` on the canvas inside the shadow root at the centre of Morocco's, then Brazil's bar; the module's listener hit-tests and fills and places its tooltip synchronously; the tooltip's title is read and checked. Chart.js does what its own mousemove handling does: `getElementsAtEventForMode('nearest', {intersect: true, axis: 'y'})`, `tooltip.setActiveElements` and `chart.draw()` (its tooltip is painted on the canvas), then reads `tooltip.title`. `performance.now()` is coarsened to 0.1 ms in a page that is not cross-origin isolated, so hovers are timed in batches of 20 and hit-tests in batches of 1,000.",
    "- **Hit-test alone:** ours `chart.hitTest(x, y)` (through the wasm-bindgen boundary, returning a string), Chart.js `getElementsAtEventForMode` with a mouse event.",
    `- **Memory:** first the harness's own functions are warmed, on every page alike (the driver's evaluate, the snapshot's calls, and timing.js's redraw loop run 1,000 times on a detached box with nothing to redraw: no chart code runs); V8's code for them counted in the growth, 6–8 KiB of ours (**harness fix, 2026-12-02**; earlier growths include it). Then, after one redraw at a new width, two forced garbage collections (DevTools protocol), then \`JSHeapUsedSize\` plus, for ours, the wasm instance's linear memory (\`(await init()).memory.buffer.byteLength\`); again after 100 and ${MEMORY_REDRAWS.toLocaleString("en")} redraws at alternating widths, and (information) after ${MEMORY_LONG.map((n) => n.toLocaleString("en")).join(" and ")}. Wasm memory only ever grows, in 64 KiB pages. **Harness fix, 2026-12-06:** V8's compiled code (a heap snapshot's objects of type "code" at each of those points) is taken out of the JS heap the target is on. It is a cache of the functions that grew hot, bounded by the code, not by the redraws: a diff of two heap snapshots of ours, after the first redraw and after 1,000, found 46.9 KB of new objects, 30.2 KB of them compiled code (25 functions optimised during the redraws), the rest Blink's long-animation-frame entries and layout caches, no JS object of ours; whether one more function was optimised within the 1,000 moved ours between +0.97 % and +1.37 % from run to run (14 KB). The growth with it counted is still reported, beside. Of ours, the wasm memory is mostly the stack Rust lays out at the start of the linear memory (1,024 KiB of the 1,152; \`__stack_pointer\` starts at 1 MiB), counted whole although a redraw touches only its top pages (the rest is address space the system backs with memory only once written).`,
    "",
  );
  if (r.scaling) {
    lines.push("### Scaling (native, examples/scaling.rs)", "");
    lines.push(`${r.scaling.note}. Width ${r.scaling.width_css_px} CSS px. Opt-level "z", as for the wasm. Layout and render are medians of repeated runs; the hit-test is per call, over points half at the centre of a random hit box and half anywhere in the chart. The frame budget is 16 ms. **Redraw** = layout + draw calls: \`render::draw\` onto a backend that records the calls the canvas backend (src/web/hidpi.rs) would make, each text copied as when it is passed to the browser; the browser's own rasterising is not in it (on the page, for Careto's charts, see "Redraw at a new width" above). Render (SVG) is plotters' SVG string building on top of the same walk, for information (the static images, not a redraw).`, "");
    lines.push("| Chart | Campaign | Items | Hit boxes | Height | Layout | Draw calls | Redraw (layout + draw calls) | Within 16 ms | Render (SVG) | Hit-test |", "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
    for (const c of r.scaling.cases) {
      lines.push(`| ${c.chart} | ${c.synthetic ? `${c.campaign} (SYNTHETIC)` : c.campaign} | ${c.items.toLocaleString("en")} | ${c.hit_boxes.toLocaleString("en")} | ${c.height_px.toLocaleString("en")} px | ${fmtMs(c.layout_ms)} | ${c.draw_calls.toLocaleString("en")} in ${fmtMs(c.render_calls_ms)} | ${fmtMs(c.layout_plus_render_ms)} | ${c.within_frame ? "yes" : "**no**"} | ${fmtMs(c.render_svg_ms)} | ${c.hit_ns.toFixed(0)} ns |`);
    }
    lines.push("");
    for (const chart of ["bars", "timeline"]) {
      const cs = r.scaling.cases.filter((c) => c.chart === chart).sort((a, b) => a.items - b.items);
      if (cs.length >= 2) {
        const a = cs[0];
        const b = cs[cs.length - 1];
        lines.push(`- ${chart}: ${(b.items / a.items).toFixed(0)}× the items → hit-test ${(b.hit_ns / a.hit_ns).toFixed(2)}× (binary search over boxes sorted by top edge, then a short scan), layout ${(b.layout_ms / a.layout_ms).toFixed(0)}×, draw calls ${(b.render_calls_ms / a.render_calls_ms).toFixed(0)}×, render (SVG) ${(b.render_svg_ms / a.render_svg_ms).toFixed(0)}×.`);
      }
    }
    lines.push("");
  }
  lines.push("Raw samples: `bench/results/latest.json`. Size investigation: `bench/results/size.md`.", "");
  return lines.join("\n");
}

function metric(ours, chartjs, { target, pass }) {
  const ratio = ours !== null && chartjs ? ours / chartjs : null;
  return { ours, chartjs, ratio, target, status: pass === null ? "info" : pass(ours, chartjs, ratio) ? "MET" : "MISSED" };
}

// --- main -----------------------------------------------------------------

async function main() {
  const t0 = Date.now();
  const { root } = assemble();
  log(`site assembled in ${root}`);
  const scaled = SCALING ? scaling() : null;
  if (scaled) log(`scaling done (${((Date.now() - t0) / 1000).toFixed(0)} s)`);

  if (!existsSync(path.join(SITE, "index.html"))) throw new Error(`${SITE}/index.html is missing: run \`make site SITE_URL=\` first (make bench does)`);
  const server = await serve(root);
  const site = await serve(SITE);
  const browser = await launchBrowser();
  const runs = { "ours-bars": [], "ours-both": [], chartjs: [], empty: [], "ours-map": [], d3map: [] };
  const slow = Object.fromEntries(SLOW_KINDS.map((k) => [k, []]));
  let chromium;
  const paths = {};
  try {
    // The bytes of index.html's two paths, as tests/page/budget.test.mjs measures them.
    for (const kind of ["first-frame", "all-features"]) {
      // index.html without its map (its paths measure the bars and the timeline; the map has its own rows).
      const p = await measurePath(browser, { base: site.url, root: SITE, url: "index.html", path: kind, prepare: withoutMap });
      if (p.problems.length) throw new Error(`index.html, ${kind}: ${p.problems.join("; ")}`);
      paths[kind] = { files: Object.fromEntries(p.files.map((f) => [f.file, f.gzip])), total: p.total };
    }
    log(`index.html: ${paths["first-frame"].total} B before the first frame, ${paths["all-features"].total} B with every feature used (gzip -9)`);
    const order = ["ours-bars", "chartjs", "ours-both", "empty", "ours-map", "d3map"];
    for (let i = 0; i < RUNS; i++) {
      // Alternate which page goes first, so neither always follows the other.
      const kinds = i % 2 === 0 ? order : [...order].reverse();
      for (const kind of kinds) {
        runs[kind].push(await loadOnce(browser, server.url, kind, { measureBytes: i === 0, memory: i < MEMORY_RUNS }));
      }
      if ((i + 1) % 5 === 0 || i === RUNS - 1) log(`browser runs: ${i + 1}/${RUNS} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
    for (let i = 0; i < SLOW_RUNS; i++) {
      for (const kind of i % 2 === 0 ? SLOW_KINDS : [...SLOW_KINDS].reverse()) slow[kind].push(await slowLoad(browser, server.url, kind));
    }
    log(`slow link: ${SLOW_RUNS} loads of each page (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    chromium = browser.version();
  } finally {
    await browser.close();
    await server.close();
    await site.close();
  }

  const bytesOf = (kind) => {
    const files = {};
    for (const p of runs[kind][0].fetched) files[p.replace(/^\//, "")] = gzipBytes(path.join(root, decodeURIComponent(p)));
    return { files, total: Object.values(files).reduce((a, b) => a + b, 0) };
  };
  const bytes = { first_frame: paths["first-frame"], all_features: paths["all-features"], chartjs: bytesOf("chartjs"), bench_page: bytesOf("ours-bars"), ours_map: bytesOf("ours-map"), d3map: bytesOf("d3map") };
  // The bench page must load what index.html loads: the same files of the build (it has just used the same features).
  const pkgOf = (files) => Object.keys(files).filter((f) => f.startsWith("pkg/")).sort();
  if (pkgOf(bytes.bench_page.files).join() !== pkgOf(bytes.all_features.files).join()) {
    throw new Error(`bench/ours.html fetched ${pkgOf(bytes.bench_page.files).join(", ")} but index.html ${pkgOf(bytes.all_features.files).join(", ")}`);
  }
  rmSync(root, { recursive: true, force: true });

  const col = (kind, key) => runs[kind].map((r) => r[key]).filter((v) => v !== undefined);
  const med = (kind, key) => median(col(kind, key));
  const mem = (kind) => runs[kind].filter((r) => r.memory).map((r) => r.memory);
  const oursMem = mem("ours-bars");
  const cjsMem = mem("chartjs");
  const memGrowth = (ms, key = "growth") => median(ms.map((x) => x[key]));
  const memAfter = (ms) => median(ms.map((x) => x.after.total));

  const metrics = {
    download_first_frame: metric(bytes.first_frame.total, bytes.chartjs.total, {
      target: `≤ ${(FIRST_FRAME_BUDGET / KiB).toFixed(0)} KiB (budget.first_frame_gzip; 0.75 × Chart.js's page)`,
      pass: (o) => o <= FIRST_FRAME_BUDGET,
    }),
    download_all_features: metric(bytes.all_features.total, bytes.chartjs.total, {
      target: `< Chart.js's page and ≤ ${(ALL_FEATURES_BUDGET / KiB).toFixed(1)} KiB (budget.all_features_gzip)`,
      pass: (o, c) => o < c && o <= ALL_FEATURES_BUDGET,
    }),
    first_frame: metric(med("ours-bars", "first_frame_ms"), med("chartjs", "first_frame_ms"), { target: "– (information; the target is above the empty page)", pass: null }),
    first_frame_both: metric(med("ours-both", "first_frame_ms"), med("chartjs", "first_frame_ms"), { target: "– (information)", pass: null }),
    // Each page's first frame less the empty page's (medians): what the page adds to the harness's floor.
    first_frame_above_empty: {
      ...metric(med("ours-bars", "first_frame_ms") - med("empty", "first_frame_ms"), med("chartjs", "first_frame_ms") - med("empty", "first_frame_ms"), { target: `≤ ${BARS_FIRST_FRAME_TARGET} × Chart.js's`, pass: (_o, _c, r) => r <= BARS_FIRST_FRAME_TARGET }),
      empty: med("empty", "first_frame_ms"),
      ours_both: med("ours-both", "first_frame_ms") - med("empty", "first_frame_ms"),
    },
    cold_hover: metric(med("ours-bars", "cold_hover_ms"), med("chartjs", "cold_hover_ms"), { target: "– (information)", pass: null }),
    slow_first_frame: metric(median(slow["ours-bars"]), median(slow.chartjs), { target: "– (information)", pass: null }),
    redraw: metric(med("ours-bars", "redraw_ms"), med("chartjs", "redraw_ms"), { target: "≤ 0.5 × Chart.js", pass: (_o, _c, r) => r <= 0.5 }),
    redraw_timeline: metric(med("ours-both", "redraw_timeline_ms"), null, { target: "– (information)", pass: null }),
    hover: metric(med("ours-bars", "hover_ms"), med("chartjs", "hover_ms"), { target: "– (information; the target is on hit-testing)", pass: null }),
    hit_test: metric(med("ours-bars", "hit_ms"), med("chartjs", "hit_ms"), { target: "< 0.1 ms", pass: (o) => o < 0.1 }),
    memory: {
      ...metric(memGrowth(oursMem), memGrowth(cjsMem), { target: "within 1 % (ours)", pass: (o) => Math.abs(o) <= 0.01 }),
      ours_growth: memGrowth(oursMem),
      chartjs_growth: memGrowth(cjsMem),
      ours_after: memAfter(oursMem),
      chartjs_after: memAfter(cjsMem),
      ratio: memAfter(cjsMem) ? memAfter(oursMem) / memAfter(cjsMem) : null,
    },
    // As measured until 2026-12-06: V8's compiled code counted (information).
    memory_with_code: metric(memGrowth(oursMem, "growth_with_code"), memGrowth(cjsMem, "growth_with_code"), { target: "– (information)", pass: null }),
    memory_abs: { target: "– (information)", status: "info" },
    // The map (issue 14.6): ours against d3-geo + topojson-client drawing the same choropleth.
    map_bytes: metric(bytes.ours_map.total, bytes.d3map.total, { target: "≤ 0.8 × d3's page", pass: (_o, _c, r) => r <= 0.8 }),
    map_first_frame_above_empty: metric(med("ours-map", "first_frame_ms") - med("empty", "first_frame_ms"), med("d3map", "first_frame_ms") - med("empty", "first_frame_ms"), { target: `≤ ${MAP_FIRST_FRAME_TARGET} × d3's`, pass: (_o, _c, r) => r <= MAP_FIRST_FRAME_TARGET }),
    map_slow_first_frame: metric(median(slow["ours-map"]), median(slow.d3map), { target: "– (information)", pass: null }),
    map_redraw: metric(med("ours-map", "redraw_ms"), med("d3map", "redraw_ms"), { target: "≤ 0.5 × d3's", pass: (_o, _c, r) => r <= 0.5 }),
    map_hover: metric(med("ours-map", "hover_ms"), med("d3map", "hover_ms"), { target: "– (information; the target is on hit-testing)", pass: null }),
    map_hit_test: metric(med("ours-map", "hit_ms"), med("d3map", "hit_ms"), { target: "< 0.1 ms", pass: (o) => o < 0.1 }),
  };
  const result = {
    issues: [5, 12],
    machine: machine(chromium),
    runs: RUNS,
    memory_runs: MEMORY_RUNS,
    settings: { redraws_per_run: REDRAWS_PER_RUN, hover_batches: HOVER_BATCHES, hovers_per_batch: 20, hit_calls: HIT_CALLS, memory_redraws: MEMORY_REDRAWS, slow_runs: SLOW_RUNS, slow_link: SLOW_LINK },
    metrics,
    bytes,
    samples: Object.fromEntries(Object.entries(runs).map(([k, rs]) => [k, {
      first_frame_ms: summary(col(k, "first_frame_ms")),
      html_ms: summary(col(k, "html_ms")),
      script_start_ms: summary(col(k, "script_start_ms")),
      module_ready_ms: summary(col(k, "module_ready_ms")),
      drawn_ms: summary(col(k, "drawn_ms")),
      ...(k === "ours-bars" || k === "chartjs" ? { cold_hover_ms: summary(col(k, "cold_hover_ms")) } : {}),
      ...(k === "empty"
        ? {}
        : k === "ours-both"
        ? { redraw_timeline_ms: summary(col(k, "redraw_timeline_ms")) }
        : { redraw_ms: summary(col(k, "redraw_ms")), hover_ms: summary(col(k, "hover_ms")), hit_ms: summary(col(k, "hit_ms")), memory: rs.filter((r) => r.memory).map((r) => r.memory) }),
    }])),
    slow_link_first_frame_ms: Object.fromEntries(SLOW_KINDS.map((k) => [k, summary(slow[k])])),
    scaling: scaled,
    seconds: Math.round((Date.now() - t0) / 1000),
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, "latest.json"), JSON.stringify(result, null, 1) + "\n");
  const md = report(result);
  writeFileSync(path.join(RESULTS, "latest.md"), md);
  console.log("\n" + md);
  log(`wrote ${RESULTS.startsWith(REPO + path.sep) ? path.relative(REPO, RESULTS) : RESULTS}/latest.md and latest.json in ${result.seconds} s`);
}

if (process.argv[2] === "--root") {
  // A root of the bench's pages, as a run assembles it, kept for bench/ab.mjs (its path on stdout).
  console.log(assemble().root);
} else if (process.argv[2] === "--report") {
  // The report of a run already made, from its JSON (what `report` reads is all in it).
  process.stdout.write(report(JSON.parse(readFileSync(process.argv[3] ?? path.join(RESULTS, "latest.json"), "utf8"))));
} else main().catch((err) => {
  console.error("[bench] FAILED:", err?.stack ?? err);
  process.exit(1);
});
