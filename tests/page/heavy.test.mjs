// Heavy campaigns and screens (issue 13, findings 3 and 5), in headless
// Chromium on the full build:
// - the largest campaign within the limits (every user-assigned country code,
//   10,000 events) is mounted, drawn, its table filled and updated to the
//   other view and language with no task over 50 ms on the main thread
//   (PerformanceObserver "longtask"): heavy work is chunked or deferred;
// - the data table of a large campaign (3,000 events) opens with its first
//   rows in the click's task, the others made in later tasks and joining
//   the table once;
// - a change of devicePixelRatio alone (a window moved to another screen,
//   emulated through the DevTools protocol) redraws the chart sharp, and
//   the listener is re-armed for the next change.
//
// Needs the release builds (make build): node --test tests/page/heavy.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { REPO_ROOT, launchBrowser, openPage, serve } from "./browser.mjs";

let server, browser;

before(async () => {
  server = await serve(path.join(REPO_ROOT, "www"));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs in the page: the largest campaign the reader takes (see src/campaign_reader/). */
function largest() {
  const text = (s) => ({ en: s, es: s });
  // Every user-assigned ISO 3166-1 alpha-3 code (XAA–XZZ, QMA–QZZ): codes no real country has.
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const codes = [];
  for (const b of letters) for (const c of letters) codes.push(`X${b}${c}`);
  for (const b of letters.slice(letters.indexOf("M"))) for (const c of letters) codes.push(`Q${b}${c}`);
  const country = codes.map((code, i) => ({ code, name: text(`Country ${code}`), count: i % 7 === 0 ? "not published" : 1 + ((i * 7919) % 5000), sources: ["X1"] }));
  const event = Array.from({ length: 10_000 }, (_, i) => ({
    id: `e${i}`,
    date: `${1995 + (i % 30)}-${String(1 + (i % 12)).padStart(2, "0")}`,
    label: text(`Event ${i}`),
    description: text(`Something happened (${i}).`),
    status: i % 5 === 0 ? "alleged" : "reported",
    sources: ["X1"],
  }));
  return {
    name: text("The largest campaign"),
    measure: text("infected hosts"),
    as_of: text("invented for tests"),
    active_period: { start: "1995", end: "2024-12", label: text("Active"), description: text("Invented."), sources: ["X1"] },
    country,
    event,
    source: [{ id: "X1", title: "Invented", publisher: "careto-viz tests", date: "2026", url: "" }],
    bars_source_line: text("Source: invented"),
    timeline_source_line: text("Source: invented"),
  };
}

describe("the largest campaign within the limits, full build", () => {
  it("mounts, draws, fills its table and switches view and language with no task over 50 ms", { todo: "not yet: mount reads, validates and draws 10,000 events in one task (0.5-0.8 s here), the details of 10,000 rows are made in one (about 0.6 s), and one layout of the 10,001-row table takes Chromium 2-4 s (issue 13, finding 3)" }, async (t) => {
    const { page, problems } = await openPage(browser, { width: 1000, height: 800 });
    await page.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => ({ at: e.startTime, ms: e.duration })))).observe({ type: "longtask", buffered: true });
    });
    await page.goto(new URL("sample.html", server.url).href);
    await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
    await page.waitForTimeout(1000);
    const before = await page.evaluate(() => window.__long.length);
    const campaign = await page.evaluate(largest);
    // Each step in its own task, as a page would do them; the browser gets frames in between.
    const out = await page.evaluate(async (campaign) => {
      const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const idle = (ms) => new Promise((r) => setTimeout(r, ms));
      const { mount } = await import(new URL("pkg-full/careto_viz_full.js", location.href).href);
      const div = document.createElement("div");
      div.style.width = "800px";
      document.body.append(div);
      const marks = [];
      const mark = (what) => marks.push({ what, at: performance.now() });
      mark("mount");
      const chart = mount(div, { view: "bars", lang: "en", campaign });
      mark("mounted");
      await frames();
      const root = div.shadowRoot;
      root.querySelector(".cv-tools button").click();
      // The table fills in slices; wait until every country is in it.
      for (let i = 0; i < 600 && root.querySelectorAll("tbody tr").length < campaign.country.length; i++) await idle(25);
      mark("table");
      const rows = root.querySelectorAll("tbody tr").length;
      chart.update({ view: "timeline", lang: "es" });
      mark("updated");
      for (let i = 0; i < 600 && root.querySelectorAll("tbody tr").length < campaign.event.length + 1; i++) await idle(25);
      mark("timeline table");
      const timelineRows = root.querySelectorAll("tbody tr").length;
      const label = chart.canvas.getAttribute("aria-label");
      chart.destroy();
      div.remove();
      return { marks, rows, timelineRows, label };
    }, campaign);
    await page.waitForTimeout(200);
    const long = (await page.evaluate(() => window.__long)).slice(before);
    t.diagnostic(`marks: ${out.marks.map((m) => `${m.what} ${m.at.toFixed(0)}`).join(", ")}`);
    t.diagnostic(`long tasks: ${long.map((l) => `${l.ms.toFixed(0)} ms at ${l.at.toFixed(0)}`).join(", ") || "none"}`);
    assert.equal(out.rows, campaign.country.length, "every country is in the table");
    assert.equal(out.timelineRows, campaign.event.length + 1, "every event and the period are in the timeline's table");
    assert.match(out.label, /^The largest campaign: cronología|^The largest campaign/);
    assert.deepEqual(long.filter((l) => l.ms > 50), [], "no task over 50 ms");
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});

describe("the data table of a large campaign, full build", () => {
  it("opens with its first rows in the click's task and the rest made in later ones, joining the table once: every row, none twice", async () => {
    const { page, problems } = await openPage(browser, { width: 1000, height: 800 });
    await page.goto(new URL("sample.html", server.url).href);
    await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
    const campaign = await page.evaluate(largest);
    campaign.event = campaign.event.slice(0, 3_000);
    const out = await page.evaluate(async (campaign) => {
      const idle = (ms) => new Promise((r) => setTimeout(r, ms));
      const { mount } = await import(new URL("pkg-full/careto_viz_full.js", location.href).href);
      const div = document.createElement("div");
      div.style.width = "800px";
      document.body.append(div);
      // The interaction layer is here once the page's own charts have their tables (it comes when the browser is idle).
      const layered = () => [...document.querySelectorAll("*")].some((e) => e.shadowRoot?.querySelector("tbody tr"));
      for (let i = 0; i < 400 && !layered(); i++) await idle(25);
      const chart = mount(div, { view: "timeline", lang: "en", campaign });
      const root = div.shadowRoot;
      const show = root.querySelector(".cv-tools button[aria-controls]");
      // In the mount's task, before the layer's own fill of the closed table: the click fills it.
      show.click();
      const rows = () => root.querySelectorAll("table tbody tr");
      const atClick = rows().length;
      const bodiesAtClick = root.querySelectorAll("table tbody").length;
      for (let i = 0; i < 800 && rows().length < campaign.event.length + 1; i++) await idle(25);
      const all = [...rows()].map((tr) => tr.textContent);
      const out = { atClick, bodiesAtClick, total: all.length, distinct: new Set(all).size, first: rows()[0]?.querySelector("th").textContent, bodies: root.querySelectorAll("table tbody").length, tables: root.querySelectorAll("table").length, expanded: show.getAttribute("aria-expanded") };
      chart.destroy();
      div.remove();
      return out;
    }, campaign);
    assert.equal(out.expanded, "true");
    assert.ok(out.atClick > 0, `the first rows are there at once: ${out.atClick}`);
    assert.ok(out.atClick < 3_001, `not every row in the click's task: ${out.atClick} of 3001`);
    assert.equal(out.bodiesAtClick, 1, "the rest is made outside the document");
    assert.equal(out.total, 3_001, "every event and the period, in the end");
    assert.deepEqual([out.tables, out.bodies], [1, 2], "one table: the first rows, then the rest joined once");
    assert.equal(out.distinct, 3_001, "no row twice");
    assert.equal(out.first, "1995 – Dec 2024", "the period first, as the table is ordered");
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});

describe("a change of devicePixelRatio alone", () => {
  it("redraws the chart at the new ratio, and listens again for the next change", async () => {
    const { page, context, problems } = await openPage(browser, { width: 900, height: 700 });
    // Headless Chromium changes devicePixelRatio under DevTools emulation but
    // sends no `change` to `(resolution: …)` queries: the test keeps every
    // such query the page makes and sends the event the browser would.
    await page.addInitScript(() => {
      window.__resolution = [];
      const matchMedia = window.matchMedia.bind(window);
      window.matchMedia = (query) => {
        const mql = matchMedia(query);
        if (query.includes("resolution")) window.__resolution.push({ query, mql });
        return mql;
      };
    });
    await page.goto(new URL("index.html", server.url).href);
    await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
    const cdp = await context.newCDPSession(page);
    const bitmap = () => page.evaluate(() => {
      const c = document.getElementById("careto-bars").shadowRoot.querySelector("canvas");
      return { width: c.width, css: c.getBoundingClientRect().width };
    });
    const at1 = await bitmap();
    assert.equal(at1.width, Math.round(at1.css), "at DPR 1 the bitmap is the CSS size");
    let asked = await page.evaluate(() => window.__resolution.map((r) => r.query));
    assert.ok(asked.includes("(resolution: 1dppx)"), `the chart listens for a change of ratio: ${asked}`);
    for (const dpr of [2, 3]) {
      // Only the ratio changes: the same window size, no resize event, no container resize.
      await cdp.send("Emulation.setDeviceMetricsOverride", { width: 900, height: 700, deviceScaleFactor: dpr, mobile: false });
      const before = await bitmap();
      await page.evaluate((last) => {
        for (const { query, mql } of window.__resolution) if (query === `(resolution: ${last}dppx)`) mql.dispatchEvent(new Event("change"));
      }, dpr - 1);
      const now = await bitmap();
      assert.equal(before.width, Math.round(before.css * (dpr - 1)), `before the change event the bitmap is still at DPR ${dpr - 1}`);
      assert.equal(now.width, Math.round(now.css * dpr), `at DPR ${dpr} the bitmap is ${dpr} × the CSS size`);
      asked = await page.evaluate(() => window.__resolution.map((r) => r.query));
      assert.ok(asked.includes(`(resolution: ${dpr}dppx)`), `listening again, for a change from ${dpr}: ${asked}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
