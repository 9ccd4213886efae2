// The bytes of a page's paths (issue 12.2), measured from what the page
// ACTUALLY requested in headless Chromium, not from a list of file names:
//
//   first frame   everything fetched before the first chart's first frame:
//                 the resource list at the moment the page says its charts
//                 are mounted (main.js and embed.js set html[data-careto-viz-state]
//                 in the same task as the mounts, before any frame), read by
//                 a MutationObserver that an init script installs;
//   all features  everything fetched once a reader has used every feature
//                 (each chart: hover an item, Tab to it and ArrowDown, Show
//                 data, Download PNG, Download CSV, Copy embed code), when the
//                 network has been idle for half a second.
//
// Each file is gzipped at level 9 (node's zlib) from the served directory and
// the sizes are summed. The page's icon (<link rel=icon>) is the browser's
// business, fetched whenever the browser likes, and not counted (nor on the
// Chart.js page of `make bench`). Used by tests/page/budget.test.mjs and
// bench/run.mjs, so both report the same numbers.

import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync, constants as zlib } from "node:zlib";
import { openPage } from "./browser.mjs";

export const KiB = 1024;
export const kib = (n) => `${(n / KiB).toFixed(1)} KiB`;

/** gzip -9 of `bytes` (node's zlib), in bytes. */
export const gzip9 = (bytes) => gzipSync(bytes, { level: zlib.Z_BEST_COMPRESSION }).length;

/** The shell's busy word in each language (src/i18n.rs, `loading`). */
export const LOADING = { en: "Loading…", es: "Cargando…" };

/**
 * Init script (context.addInitScript): when html[data-careto-viz-state] is first
 * set, records `window.__cvMounted` = { at, state } (`at`: the page's clock
 * in the same task as the mounts, before any frame: measurePath counts the
 * files requested until then), and then `window.__cvFrame`, the time just after the first frame
 * with the charts was produced (requestAnimationFrame, then a message posted
 * from it); `window.__cvFrameReady` is a promise of it.
 */
export function watchFirstFrame() {
  let frameSeen;
  /** Resolves to `__cvFrame` once it is set. */
  window.__cvFrameReady = new Promise((resolve) => {
    frameSeen = resolve;
  });
  const seen = () => {
    const html = document.documentElement;
    const state = html?.getAttribute("data-careto-viz-state");
    if (!state || state === "loading" || window.__cvMounted) return;
    window.__cvMounted = {
      at: performance.now(),
      state,
    };
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        window.__cvFrame = performance.now();
        frameSeen(window.__cvFrame);
      };
      channel.port2.postMessage(0);
    });
  };
  new MutationObserver(seen).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-careto-viz-state"] });
}

/** Resolves (in the page) once `window[name]` is set, to its value. */
export function waitFor(name) {
  return new Promise((resolve) => {
    const check = () => (window[name] !== undefined ? resolve(window[name]) : requestAnimationFrame(check));
    check();
  });
}

/** Counts the page's http requests in flight; `idle()` waits until none has been for `quietMs`. */
export function watchNetwork(page) {
  let inflight = 0;
  let last = performance.now();
  const http = (req) => req.url().startsWith("http");
  page.on("request", (req) => {
    if (!http(req)) return;
    inflight++;
    last = performance.now();
  });
  const done = (req) => {
    if (!http(req)) return;
    inflight--;
    last = performance.now();
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  return {
    async idle(quietMs = 500, timeoutMs = 20_000) {
      const deadline = performance.now() + timeoutMs;
      while (inflight > 0 || performance.now() - last < quietMs) {
        if (performance.now() > deadline) throw new Error(`the network did not go idle in ${timeoutMs} ms (${inflight} requests in flight)`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

/** Runs in the page: ids of the elements holding a chart (a shadow root with the chart's canvas). */
export function chartHosts() {
  return [...document.querySelectorAll("[id]")].filter((e) => e.shadowRoot?.querySelector("canvas.careto-viz__canvas")).map((e) => e.id);
}

/**
 * Runs in the page: the viewport point of the first item of chart `hostId`
 * whose hit-test key starts with `prefix` ("country:", "event:"), scanning
 * the canvas in reading order; { key, x, y } or null. Uses the page's chart
 * handles (main.js exports `charts`, embed.js `chart`).
 */
export async function itemPoint([hostId, prefix]) {
  const script = document.querySelector('script[type="module"][src]');
  const m = await import(script.src);
  const handles = m.charts instanceof Map ? [...m.charts.values()] : m.chart ? [m.chart] : [];
  const host = document.getElementById(hostId);
  const chart = handles.find((c) => c.canvas?.getRootNode()?.host === host);
  if (!chart) return null;
  const r = chart.canvas.getBoundingClientRect();
  let first = null;
  for (let y = 2; y < r.height; y += 3) {
    for (let x = 2; x < r.width; x += 3) {
      const key = chart.hitTest(x, y);
      if (key?.startsWith(prefix)) {
        // The middle of that item's run on this row, away from its edges
        // (on a map: only where the point and its neighbours are that item too).
        let x1 = x;
        while (x1 + 1 < r.width && chart.hitTest(x1 + 1, y) === key) x1++;
        const mid = (x + x1) / 2;
        const point = { key, x: r.left + mid, y: r.top + y + 1 };
        first ??= point;
        const around = [[0, 1], [-2, 1], [2, 1], [0, 3], [0, -1]];
        if (around.every(([dx, dy]) => chart.hitTest(mid + dx, y + dy) === key)) return point;
        x = x1;
      }
    }
  }
  return first;
}

/** Runs in the page: what chart `hostId` shows a reader now (tooltip, live region, status, cursor, table rows). */
export function chartState(hostId) {
  const root = document.getElementById(hostId).shadowRoot;
  const tip = root.querySelector(".cv-tip");
  return {
    tip: tip.hidden ? null : tip.textContent,
    live: root.querySelector("[aria-live]").textContent,
    status: root.querySelector(".cv-status").textContent,
    cursor: root.querySelector("canvas").style.cursor,
    rows: root.querySelectorAll("tbody tr").length,
    expanded: root.querySelector("button[aria-controls]").getAttribute("aria-expanded"),
    code: root.querySelector("textarea").value,
    lang: root.querySelector("figure").lang,
  };
}

/** Polls `f` (async) until it returns a truthy value; that value, or throws `what` after `timeoutMs`. */
export async function until(f, what, timeoutMs = 10_000) {
  const deadline = performance.now() + timeoutMs;
  let last;
  for (;;) {
    last = await f();
    if (last) return last;
    if (performance.now() > deadline) throw new Error(`${what} (after ${timeoutMs} ms)`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A reader uses every feature of every chart on `page`: hovers an item
 * (the first bar, the first event), Tabs to the chart and presses
 * ArrowDown, opens the data table, downloads the PNG and the CSV and copies
 * the embed code; each step is checked to have worked.
 */
export async function useEveryFeature(page) {
  const hosts = await page.evaluate(chartHosts);
  if (hosts.length === 0) throw new Error("no chart on the page");
  for (const id of hosts) {
    const state = () => page.evaluate(chartState, id);
    const view = await page.evaluate((h) => document.getElementById(h).shadowRoot.querySelector("canvas").getAttribute("aria-label"), id);
    // Hover: a bar, or an event on the timeline.
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    let point = await page.evaluate(itemPoint, [id, "country:"]);
    point ??= await page.evaluate(itemPoint, [id, "event:"]);
    if (!point) throw new Error(`${id}: no bar or event found by hit-testing (${view})`);
    await page.mouse.move(point.x - 1, point.y);
    await page.mouse.move(point.x, point.y);
    await until(async () => (await state()).tip, `${id}: no tooltip over ${point.key}`);
    // Keyboard: Tab until the chart's canvas has the focus, then ArrowDown.
    await page.mouse.move(0, 0);
    await until(async () => {
      await page.keyboard.press("Tab");
      return page.evaluate((h) => document.activeElement?.id === h && document.activeElement.shadowRoot.activeElement?.localName === "canvas", id);
    }, `${id}: Tab never reached the chart's canvas`);
    await page.keyboard.press("ArrowDown");
    await until(async () => {
      const s = await state();
      return s.live && !Object.values(LOADING).includes(s.live);
    }, `${id}: ArrowDown announced nothing`);
    // Enter: the details (the tooltip, said in full).
    await page.keyboard.press("Enter");
    await until(async () => (await state()).tip, `${id}: Enter showed no details`);
    // Show data.
    await page.locator(`#${id} .cv-tools button[aria-controls]`).click();
    await until(async () => (await state()).rows > 0 && (await state()).expanded === "true", `${id}: Show data showed no table`);
    // Both downloads (data: URLs made in the page), then Copy embed code.
    for (const kind of ["PNG", "CSV"]) {
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 10_000 }),
        page.locator(`#${id} .cv-tools button`, { hasText: kind }).click(),
      ]);
      if (!download.suggestedFilename().endsWith(`.${kind.toLowerCase()}`)) throw new Error(`${id}: ${kind} download named ${download.suggestedFilename()}`);
    }
    const buttons = page.locator(`#${id} .cv-tools button`);
    await buttons.nth((await buttons.count()) - 1).click();
    await until(async () => (await state()).code.includes("<iframe"), `${id}: Copy embed code wrote no code`);
  }
  return hosts;
}

/**
 * Loads `url` (under `base`, served from `root`) in a fresh context and
 * measures one path: "first-frame" or "all-features"; `prepare(page)`, if
 * given, runs before the page loads (routes: withoutMap). Returns
 * { url, path, files: [{ file, raw, gzip }], total, icons, hosts, problems,
 * foreign } where `foreign` lists requests that left the site.
 */
export async function measurePath(browser, { base, root, url, path: kind, width = 1000, height = 800, prepare }) {
  const { context, page, problems, requests } = await openPage(browser, { width, height });
  try {
    await context.addInitScript(watchFirstFrame);
    if (prepare) await prepare(page);
    const network = watchNetwork(page);
    const response = await page.goto(new URL(url, base).href, { waitUntil: "load" });
    if (response?.status() !== 200) throw new Error(`${url}: HTTP ${response?.status()}`);
    const mounted = await page.evaluate(waitFor, "__cvMounted");
    if (mounted.state !== "ready") throw new Error(`${url}: the charts did not mount (data-careto-viz-state="${mounted.state}"): ${problems.join("; ")}`);
    let urls;
    let hosts = [];
    if (kind === "first-frame") {
      // What was requested before the mount, listed once the network is
      // idle: resource timing lists a response only once the page has read
      // it, which for a .wasm requested with its script and compiled as it
      // streams in can be after the mount, though it was fetched before.
      await network.idle();
      urls = await page.evaluate(
        (at) => [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource").filter((e) => e.startTime <= at)].map((e) => e.name),
        mounted.at,
      );
    } else if (kind === "all-features") {
      hosts = await useEveryFeature(page);
      await network.idle();
      urls = await page.evaluate(() => [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map((e) => e.name));
      // Nothing the browser requested escapes the list (a worker, a download from the server…).
      const missing = requests.filter((u) => u.startsWith("http") && !urls.includes(u));
      const icons = await page.evaluate(() => [...document.querySelectorAll("link[rel~=icon]")].map((l) => l.href));
      const unexplained = missing.filter((u) => !icons.includes(u));
      if (unexplained.length) throw new Error(`${url}: requests missing from the resource timing list: ${unexplained.join(", ")}`);
    } else {
      throw new Error(`unknown path ${kind}`);
    }
    const icons = await page.evaluate(() => [...document.querySelectorAll("link[rel~=icon]")].map((l) => l.href));
    const origin = new URL(base).origin;
    const foreign = [...new Set([...requests, ...urls])].filter((u) => u.startsWith("http") && new URL(u).origin !== origin);
    const seen = new Set();
    const files = [];
    for (const u of urls) {
      if (icons.includes(u) || new URL(u).origin !== origin) continue;
      let rel = decodeURIComponent(new URL(u).pathname).slice(new URL(base).pathname.length);
      if (rel === "" || rel.endsWith("/")) rel += "index.html";
      if (seen.has(rel)) continue;
      seen.add(rel);
      const bytes = readFileSync(path.join(root, rel));
      files.push({ file: rel, raw: bytes.length, gzip: gzip9(bytes) });
    }
    return { url, path: kind, files, total: files.reduce((a, f) => a + f.gzip, 0), icons, hosts, problems: [...problems], foreign };
  } finally {
    await context.close();
  }
}

/** A path as text: its files, raw and gzip -9, and its total. */
export function describePath(p) {
  const w = Math.max(28, ...p.files.map((f) => f.file.length));
  const lines = p.files.map((f) => `    ${f.file.padEnd(w)} ${String(f.raw).padStart(8)} B raw ${String(f.gzip).padStart(8)} B gzip -9`);
  lines.push(`    ${"total".padEnd(w)} ${String(p.files.reduce((a, f) => a + f.raw, 0)).padStart(8)} B raw ${String(p.total).padStart(8)} B gzip -9 (${kib(p.total)})`);
  return lines.join("\n");
}

/** index.html's text without its map's figure (throws if it has none). */
export function stripMap(html) {
  const figure = html.replace(/<figure class="chart-figure">\s*<div id="careto-map"[\s\S]*?<\/figure>\s*/, "");
  if (figure === html) throw new Error("index.html: no map figure to take out");
  // And the map's stylesheet (its reserved heights), which only a page with a map links.
  // (Its comment too, in www/: make site takes the comments out.)
  const stripped = figure.replace(/\s*(?:<!--[^>]*-->\s*)?<link rel="stylesheet" href="careto-viz-map\.css">/, "");
  if (stripped === figure) throw new Error("index.html: no map stylesheet to take out");
  return stripped;
}

/**
 * Serves index.html without its map's figure: the article's two charts as
 * they were before the map, for the paths that measure them (the map has
 * its own: embed.html?view=map against embed.html?view=bars) and the tests
 * of their lazily loaded parts (tests/page/lazy.test.mjs).
 */
export async function withoutMap(page) {
  await page.route(/\/index\.html(\?.*)?$/, async (r) => {
    const response = await r.fetch();
    await r.fulfill({ response, body: stripMap(await response.text()) });
  });
}
