// Issue 12, item 4: no layout shift. A chart arriving must not push the
// article around: each chart's height is reserved before the module draws
// it (www/careto-viz.css, written by src/bin/careto-reserve.rs from the
// layout code; the controls row has one height per width, chart.css), in
// every embed path: the demo page (main.js), the script tag and
// placeholders, the iframe boxes of the embed code, a hostile theme.
//
//   make site && node --test tests/page/cls.test.mjs      (make test-page does both)
//
// Chromium only: the other engines do not report layout shifts. Each page is
// loaded with the module (pkg/, pkg-full/) and embed.html held back until
// the page has painted without them, so that every chart arrives after
// the first paint, as on a slow network; then:
// - cumulative layout shift (a `layout-shift` PerformanceObserver, buffered,
//   registered before any script of the page, summing `value` where
//   `!hadRecentInput`, until every chart is drawn, every frame sized and two
//   frames more) is 0 in the page and in each frame;
// - each chart's reserved height is its drawn height, to the pixel (the
//   placeholder's box before and after; the iframe's height and the height
//   its page posts).
// SITE_DIR=… runs it on another dist/ (to measure one without the stylesheet);
// CLS_REPORT=1 prints each page's shift and heights.

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, serve, SITE_DIR as DIST, requireSite } from "./browser.mjs";

/** The pages, and what holds their charts: placeholders (the chart mounts in them) or iframe boxes. */
const PAGES = {
  "index.html": { charts: ".careto-chart[data-view]" },
  "embed/cms-script.html": { charts: "[data-careto-viz]" },
  "embed/cms-iframe.html": { frames: "iframe.careto-viz-frame" },
  "embed/cms-hostile.html": { charts: "[data-careto-viz]" },
};

/** Registered before the page's scripts, in the page and in each frame. */
function observeShifts() {
  const shifts = { total: 0, entries: [] };
  Object.defineProperty(window, "__shifts", { value: shifts });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      shifts.total += e.value;
      const what = (n) => (n ? n.id || n.className || n.nodeName : "?");
      shifts.entries.push({ value: e.value, at: Math.round(e.startTime), sources: e.sources.map((s) => `${what(s.node)} ${s.previousRect.y}→${s.currentRect.y}`) });
    }
  }).observe({ type: "layout-shift", buffered: true });
}

let server, browser;

before(async () => {
  await requireSite("embed/cms-iframe.html");
  server = await serve(DIST);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const frames = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

async function until(what, check, timeout = 30_000) {
  const end = performance.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Loads `file` at `width` px with the module and embed.html held back until
 * the page has painted; returns the heights before and after, and the shifts.
 */
async function load(file, { width, height = 900, html, css } = {}) {
  const spec = PAGES[file] ?? { charts: "[data-careto-viz]" };
  const s = await openPage(browser, { width, height });
  await s.context.addInitScript(observeShifts);
  if (html) {
    // A page of the test's own, under embed/ (answered from memory: nothing is written to dist/).
    await s.page.route(new URL(file, server.url).href, (r) => r.fulfill({ contentType: "text/html", body: html }));
    await s.page.route(/\/embed\/column\.css$/, (r) => r.fulfill({ contentType: "text/css", body: css }));
  }
  let release;
  const held = new Promise((r) => (release = r));
  await s.page.route(/\/(pkg|pkg-full)\/[^/]+\.js$|\/embed\.html\?/, async (r) => {
    await held;
    await r.continue();
  });
  try {
    await s.page.goto(new URL(file, server.url).href, { waitUntil: "domcontentloaded" });
    await s.page.waitForLoadState("load").catch(() => {});
    await frames(s.page);
    const measure = (selector) =>
      s.page.$$eval(selector, (list) => list.map((e) => ({ id: e.id || e.parentElement.id || e.getAttribute("src"), height: e.getBoundingClientRect().height, mounted: e.hasAttribute("data-careto-viz-mounted") })));
    const selector = spec.charts ?? spec.frames;
    const reserved = await measure(selector);
    assert.ok(reserved.length > 0, `${file}: no charts`);
    assert.ok(reserved.every((r) => !r.mounted), `${file}: a chart was drawn before the module was released`);
    release();
    if (spec.charts) {
      await until(`${file}: every chart drawn`, () =>
        s.page.$$eval(selector, (list) => list.every((e) => e.getAttribute("data-careto-viz-state") === "ready" && e.hasAttribute("data-careto-viz-mounted"))),
      );
    } else {
      // Each frame drawn, and its height posted and applied by careto-viz-frame.js.
      await until(`${file}: every frame drawn and sized`, async () => {
        const handles = await s.page.$$(selector);
        for (const h of handles) {
          const frame = await h.contentFrame();
          if (!frame || !(await frame.$('html[data-careto-viz-state="ready"]'))) return false;
          if (!(await h.evaluate((f) => f.style.height !== ""))) return false;
        }
        return true;
      });
    }
    // The interaction layer arrives when the browser is idle after the first frame: wait for it too.
    await s.page.waitForTimeout(500);
    await frames(s.page);
    const drawn = await measure(selector);
    const posted = spec.frames
      ? await Promise.all((await s.page.$$(selector)).map(async (h) => (await h.contentFrame()).evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height))))
      : [];
    const shifts = await s.page.evaluate(() => window.__shifts);
    const frameShifts = await Promise.all(s.page.frames().filter((f) => f !== s.page.mainFrame()).map((f) => f.evaluate(() => window.__shifts?.total ?? 0)));
    return { reserved, drawn, posted, shifts, frameShifts, problems: s.problems };
  } finally {
    release();
    await s.context.close();
  }
}

const shown = (r) => JSON.stringify({ shifts: r.shifts, reserved: r.reserved, drawn: r.drawn, posted: r.posted });

describe("no layout shift when the charts arrive (Chromium)", () => {
  for (const file of Object.keys(PAGES)) {
    for (const width of [375, 1024]) {
      it(`${file} at ${width} px: cumulative layout shift 0, each chart's reserved height its drawn height`, async () => {
        const r = await load(file, { width });
        if (process.env.CLS_REPORT) console.log(`CLS ${file} ${width}: ${r.shifts.total.toFixed(4)} ${shown(r)}`);
        assert.equal(r.shifts.total, 0, `CLS ${r.shifts.total}: ${shown(r)}`);
        assert.deepEqual(r.frameShifts, r.frameShifts.map(() => 0), `shifts inside the frames: ${r.frameShifts}`);
        assert.deepEqual(
          r.drawn.map((d) => [d.id, d.height]),
          r.reserved.map((d) => [d.id, d.height]),
          "reserved and drawn heights",
        );
        for (const d of r.drawn) assert.ok(d.height > 300, `${d.id}: ${d.height} px is no chart`);
        // The frame's own document is exactly as tall as the box reserved for it (embed.html has no margins).
        if (r.posted.length) assert.deepEqual(r.posted, r.drawn.map((d) => d.height), "posted heights");
        assert.deepEqual(r.problems, []);
      });
    }
  }
});

describe("the reservation follows width, language and buttons", () => {
  // A page of its own: placeholders in both languages (data-lang and the page's
  // lang), without some buttons, and iframe boxes, in a column whose width is set
  // by the test (the heights change at 347/349 px for bars in English and 339/348
  // for Spanish: 348 px lies between two steps of each).
  const page = (lang) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title>
<link rel="stylesheet" href="../careto-viz.css"><link rel="stylesheet" href="column.css"></head><body><main id="column">
<div id="a" data-careto-viz="bars"></div>
<div id="b" data-careto-viz="timeline" data-lang="es"></div>
<div id="c" data-careto-viz="bars" data-lang="en" data-downloads="false"></div>
<div id="d" data-careto-viz="" data-view="timeline" data-embed-code="false"></div>
<div id="e" data-careto-viz="bars" data-downloads="false" data-embed-code="false"></div>
<section lang="es"><div id="f" data-careto-viz="bars"></div></section>
<script type="module" src="../careto-viz-embed.js"></script></main></body></html>`;

  for (const [lang, column] of [["en", 348], ["es", 348], ["es", 700], ["en", 1069]]) {
    it(`placeholders in a ${column} px column of a page in ${lang === "en" ? "English" : "Spanish"}`, async () => {
      const css = `#column { width: ${column}px; margin: 0 auto; } body { margin: 0; }`;
      const r = await load(`embed/column-${lang}-${column}.html`, { width: 1200, html: page(lang), css });
      assert.equal(r.shifts.total, 0, `CLS ${r.shifts.total}: ${shown(r)}`);
      assert.deepEqual(r.drawn.map((d) => [d.id, d.height]), r.reserved.map((d) => [d.id, d.height]), "reserved and drawn heights");
    });
  }
});


describe("the map's reservation follows the width at every pixel", () => {
  // careto-viz-map.css computes the world's frame from the container's width
  // (round(), clamp(), cqw) and changes its other values only where a text
  // wraps: placeholders and an iframe box at widths between its steps, odd
  // and fractional ones included (the module floors a chart's width).
  const page = (charts) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<link rel="stylesheet" href="../careto-viz.css"><link rel="stylesheet" href="../careto-viz-map.css"><link rel="stylesheet" href="column.css">
<script src="../careto-viz-frame.js" defer></script></head><body><main id="column">${charts}
<script type="module" src="../careto-viz-embed.js"></script></main></body></html>`;
  const placeholders = `<div id="a" data-careto-viz="map"></div>
<div id="b" data-careto-viz="map" data-lang="es"></div>
<div id="c" data-careto-viz="map" data-plain></div>
<div id="d" data-careto-viz="" data-view="map" data-static="true" data-lang="es"></div>`;
  const frame = `<div data-careto-viz-frame="map" data-lang="es"><iframe id="f" class="careto-viz-frame" src="../embed.html?view=map&amp;lang=es" title="map"></iframe></div>`;

  for (const column of [241, 333, 479.5, 480, 777.75, 1111, 1280]) {
    it(`placeholders in a ${column} px column`, async () => {
      const css = `#column { width: ${column}px; margin: 0 auto; } body { margin: 0; }`;
      const r = await load(`embed/map-column-${column}.html`, { width: 1400, html: page(placeholders), css });
      assert.equal(r.shifts.total, 0, `CLS ${r.shifts.total}: ${shown(r)}`);
      assert.deepEqual(r.drawn.map((d) => [d.id, d.height]), r.reserved.map((d) => [d.id, d.height]), "reserved and drawn heights");
      for (const d of r.drawn) assert.ok(d.height > 150, `${d.id}: ${d.height} px is no map`);
      assert.deepEqual(r.problems, []);
    });
  }
  for (const column of [333, 1111]) {
    it(`an iframe box in a ${column} px column`, async () => {
      const file = `embed/map-frame-${column}.html`;
      PAGES[file] = { frames: "iframe.careto-viz-frame" };
      const css = `#column { width: ${column}px; margin: 0 auto; } body { margin: 0; }`;
      const r = await load(file, { width: 1400, html: page(frame), css });
      assert.equal(r.shifts.total, 0, `CLS ${r.shifts.total}: ${shown(r)}`);
      assert.deepEqual(r.drawn.map((d) => [d.id, d.height]), r.reserved.map((d) => [d.id, d.height]), "reserved and drawn heights");
      assert.deepEqual(r.posted, r.drawn.map((d) => d.height), "posted heights");
      assert.ok(r.drawn[0].height > 150, `${r.drawn[0].height} px is no map`);
    });
  }
});
