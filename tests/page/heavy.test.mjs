// Heavy campaigns and screens (issue 13, findings 3 and 5), in headless
// Chromium on the full build:
// - the largest campaign within the limits (every user-assigned country code,
//   10,000 events) is mounted, drawn, its table filled and updated to the
//   other view and language with no task over 50 ms on the main thread
//   (the page's tasks in a trace; not counted, the software compositor's
//   copy of the canvas, see tasksOver): heavy work is chunked or deferred
//   (a task over 50 ms fails the test if a second run, in a new page, has
//   one too: a machine's pause shows once, unchunked work every time);
// - the data table of a large campaign shows a page of 100 rows at a time,
//   says which, and pages by buttons shown while it is open, announced in
//   the live region, in the chart's language;
// - a change of devicePixelRatio alone (a window moved to another screen,
//   emulated through the DevTools protocol) redraws the chart sharp, and
//   the listener is re-armed for the next change.
//
// Needs the release builds (make build): node --test tests/page/heavy.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
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

/**
 * The page's main-thread tasks in a Chromium trace (`traceEvents`) between
 * the user-timing marks `from` and `to`, each with its time less the time
 * the browser spent copying a canvas's bitmap for the compositor
 * (`Canvas2DResourceProvider::ProduceCanvasResource`, `copy`). Without a
 * GPU, as on a test machine, Chromium copies every canvas of the page at
 * each commit that changes the page's layers, whether or not the canvas
 * changed: about 18 ms for this campaign's 800 × 4,078 px bars on a 2-core
 * machine, in the frame after any change to the page (a paragraph added to
 * the body as much as the table opened; traced 2026-12-02). A browser that
 * draws canvases on a GPU keeps the bitmap where it is. The rest (scripts,
 * style, layout, paint) is counted.
 */
function tasksOver(traceEvents, from, to) {
  const start = traceEvents.find((e) => e.name === from);
  const end = traceEvents.find((e) => e.name === to);
  assert.ok(start && end, `the trace holds the marks ${from} and ${to}`);
  const main = traceEvents.find((e) => e.ph === "M" && e.name === "thread_name" && e.pid === start.pid && e.args.name === "CrRendererMain");
  const mine = traceEvents.filter((e) => e.ph === "X" && e.pid === start.pid && e.tid === main.tid && e.ts + e.dur >= start.ts && e.ts <= end.ts);
  const copies = mine.filter((e) => e.name === "Canvas2DResourceProvider::ProduceCanvasResource");
  return mine
    .filter((e) => e.name === "RunTask")
    .map((task) => {
      const copy = copies.filter((c) => c.ts >= task.ts && c.ts + c.dur <= task.ts + task.dur).reduce((sum, c) => sum + c.dur, 0);
      return { at: (task.ts - start.ts) / 1000, ms: (task.dur - copy) / 1000, copy: copy / 1000 };
    });
}

/**
 * One run of the largest campaign's steps (mount, draw, Show data, update
 * to the timeline in Spanish) in a page of its own: what the page saw,
 * the main thread's tasks between the marks (tasksOver) and the page's
 * problems.
 */
async function largestCampaignSteps() {
  const { page, problems } = await openPage(browser, { width: 1000, height: 800 });
  await page.goto(new URL("sample.html", server.url).href);
  await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
  await page.waitForTimeout(1000);
  const campaign = await page.evaluate(largest);
  // Tasks (disabled-by-default-devtools.timeline), the canvas's copies (blink), the marks (blink.user_timing).
  await browser.startTracing(page, { categories: ["disabled-by-default-devtools.timeline", "blink", "blink.user_timing"] });
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
    performance.mark("heavy-start");
    mark("mount");
    const chart = mount(div, { view: "bars", lang: "en", campaign });
    mark("mounted");
    // Read a slice at a time, then drawn.
    await chart.drawn();
    mark("drawn");
    await frames();
    const root = div.shadowRoot;
    root.querySelector(".cv-tools button").click();
    // The table shows its first page once the interaction layer is here.
    const pages = () => root.querySelector(".cv-pages p")?.textContent ?? "";
    for (let i = 0; i < 600 && !pages(); i++) await idle(25);
    mark("table");
    const rows = [root.querySelectorAll("tbody tr").length, pages()];
    // The page's update comes in a task of its own, not the reader's click's.
    await frames();
    chart.update({ view: "timeline", lang: "es" });
    mark("updated");
    for (let i = 0; i < 600 && !pages().startsWith("Filas"); i++) await idle(25);
    mark("timeline table");
    const timelineRows = [root.querySelectorAll("tbody tr").length, pages()];
    const label = chart.canvas.getAttribute("aria-label");
    chart.destroy();
    div.remove();
    await new Promise((r) => setTimeout(r, 200));
    performance.mark("heavy-end");
    return { marks, rows, timelineRows, label };
  }, campaign);
  const tasks = tasksOver(JSON.parse((await browser.stopTracing()).toString()).traceEvents, "heavy-start", "heavy-end");
  await page.context().close();
  return { campaign, out, tasks, problems };
}

describe("the largest campaign within the limits, full build", () => {
  it("mounts, draws, fills its table and switches view and language with no task over 50 ms", {}, async (t) => {
    const tell = ({ out, tasks }) => {
      t.diagnostic(`marks: ${out.marks.map((m) => `${m.what} ${m.at.toFixed(0)}`).join(", ")}`);
      const long = tasks.filter((l) => l.ms + l.copy > 30);
      t.diagnostic(`${tasks.length} tasks; over 30 ms (ms from the start; the canvas's copy apart): ${long.map((l) => `${l.ms.toFixed(0)} ms + ${l.copy.toFixed(0)} ms at ${l.at.toFixed(0)}`).join(", ") || "none"}`);
    };
    const over50 = ({ tasks }) => tasks.filter((l) => l.ms > 50);
    let run = await largestCampaignSteps();
    tell(run);
    // Work that is not chunked shows in every run; a long task in one run
    // only is the machine's (a CI run on 2026-12-03 saw one task of 170 ms,
    // with half the usual tasks, where three runs of the same checkout just
    // after saw none over 35 ms). So a long task must show again, in a new
    // page, to fail the test.
    if (over50(run).length) {
      t.diagnostic("a task over 50 ms: the steps run once more, in a new page");
      run = await largestCampaignSteps();
      tell(run);
    }
    const { campaign, out, tasks, problems } = run;
    assert.ok(tasks.length > 20, "the trace saw the page's tasks");
    assert.deepEqual(out.rows, [100, `Rows 1–100 of ${campaign.country.length.toLocaleString("en")}`], "the table's first page of countries");
    assert.deepEqual(out.timelineRows, [100, "Filas 1–100 de 10.001"], "the timeline's table's first page: the period and the events");
    assert.match(out.label, /^The largest campaign: cronología|^The largest campaign/);
    assert.deepEqual(over50(run), [], "no task over 50 ms (in two runs)");
    assert.deepEqual(problems, []);
  });
});

describe("a large campaign, read across tasks, full build", () => {
  it("mount and update return at once, busy; drawn() resolves once it is read and drawn, or rejects, the chart kept, if it is refused", async () => {
    const { page, problems } = await openPage(browser, { width: 1000, height: 800 });
    await page.goto(new URL("sample.html", server.url).href);
    await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
    const campaign = await page.evaluate(largest);
    const out = await page.evaluate(async (campaign) => {
      const { mount } = await import(new URL("pkg-full/careto_viz_full.js", location.href).href);
      const make = () => {
        const div = document.createElement("div");
        div.style.width = "800px";
        document.body.append(div);
        return div;
      };
      const state = (div, chart) => ({
        busy: div.getAttribute("aria-busy"),
        mounted: div.hasAttribute("data-careto-viz-mounted"),
        label: chart.canvas.getAttribute("aria-label"),
      });
      const errors = [];
      document.addEventListener("careto-viz:error", (e) => errors.push(e.detail.message));
      // A mount: nothing drawn until the campaign is read, then its picture.
      const a = make();
      const chart = mount(a, { view: "bars", lang: "en", campaign });
      const mounted = state(a, chart);
      await chart.drawn();
      const drawn = { ...state(a, chart), top: chart.hitTest(400, 200) ?? null };
      // An update of a chart on screen: the old picture until the new campaign is read.
      const sample = await (await fetch(new URL("sample-campaign.json", location.href))).json();
      const b = make();
      const other = mount(b, { view: "bars", lang: "en", campaign: sample });
      const before = state(b, other);
      other.update({ campaign, view: "timeline" });
      const updating = state(b, other);
      const updatingDrawn = await Promise.race([other.drawn().then(() => "drawn"), new Promise((r) => setTimeout(() => r("waiting"), 0))]);
      await other.drawn();
      const updated = state(b, other);
      // Refused after reading: one more country with a code already used (the data rules).
      const refused = { ...campaign, country: [...campaign.country, { ...campaign.country[0] }] };
      const c = make();
      const never = mount(c, { view: "bars", campaign: refused });
      const neverDrawn = await never.drawn().then(() => "drawn", (e) => e.message);
      // Asked again, or after an update that brings no campaign: it has no picture and none is coming.
      const settled = () => Promise.race([never.drawn().then(() => "drawn", (e) => e.message), new Promise((r) => setTimeout(() => r("never settled"), 2000))]);
      const neverAgain = [await settled()];
      never.update({ view: "timeline" });
      neverAgain.push(await settled());
      const neverState = state(c, never);
      other.update({ campaign: refused });
      const keptError = await other.drawn().then(() => "drawn", (e) => e.message);
      const kept = state(b, other);
      for (const ch of [chart, other, never]) ch.destroy();
      return { mounted, drawn, before, updating, updatingDrawn, updated, neverDrawn, neverAgain, neverState, keptError, kept, errors };
    }, campaign);
    assert.deepEqual(out.mounted, { busy: "true", mounted: false, label: null }, "mount returned before reading it: busy, nothing drawn");
    assert.equal(out.drawn.busy, null);
    assert.equal(out.drawn.mounted, true);
    assert.equal(out.drawn.label, "The largest campaign: 1040 countries affected");
    assert.match(out.drawn.top ?? "", /^country:/, "its bars are drawn and hit");
    assert.equal(out.before.label, "Sample campaign (invented data): 8 countries affected");
    assert.deepEqual(out.updating, { ...out.before, busy: "true" }, "the sample stays on screen while the campaign is read");
    assert.equal(out.updatingDrawn, "waiting", "drawn() waits for the campaign being read");
    assert.deepEqual(out.updated, { busy: null, mounted: true, label: "The largest campaign: timeline" }, "then the campaign, with the update's other options");
    const duplicate = 'careto-viz: campaign.country[1040].code: duplicate country code "XAA"';
    assert.equal(out.neverDrawn, duplicate, "a refused campaign: drawn() rejects, naming the field");
    assert.deepEqual(out.neverAgain, [duplicate, duplicate], "and again, before and after an update without a campaign");
    assert.deepEqual(out.neverState, { busy: null, mounted: false, label: null }, "nothing drawn");
    assert.equal(out.keptError, duplicate);
    assert.deepEqual(out.kept, out.updated, "an update with a refused campaign keeps the chart as it was");
    assert.deepEqual(out.errors, [duplicate, duplicate], "an error event each");
    assert.deepEqual(problems, [`console.error: ${duplicate}`, `console.error: ${duplicate}`], "one console error each");
    await page.context().close();
  });
});

describe("the data table of a large campaign, full build", () => {
  it("shows 100 rows at a time and says which; its buttons page through every row, once each, shown while it is open", async () => {
    const { page, problems } = await openPage(browser, { width: 1000, height: 800 });
    await page.goto(new URL("sample.html", server.url).href);
    await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
    const campaign = await page.evaluate(largest);
    campaign.event = campaign.event.slice(0, 250);
    const out = await page.evaluate(async (campaign) => {
      const idle = (ms) => new Promise((r) => setTimeout(r, ms));
      const { mount } = await import(new URL("pkg-full/careto_viz_full.js", location.href).href);
      const div = document.createElement("div");
      div.style.width = "800px";
      document.body.append(div);
      const chart = mount(div, { view: "timeline", lang: "en", campaign });
      const root = div.shadowRoot;
      const status = () => root.querySelector(".cv-pages p")?.textContent ?? "";
      // Closed: the table's first page, and which rows it is, once the interaction layer is here.
      for (let i = 0; i < 400 && !status(); i++) await idle(25);
      // The buttons of the table shown now (a new language makes a new table).
      const buttons = () => root.querySelectorAll(".cv-pages button");
      const shown = (b) => b.isConnected && getComputedStyle(b).display !== "none";
      const state = (back = buttons()[0], forth = buttons()[1]) => ({
        status: status(),
        rows: root.querySelectorAll("table tbody tr").length,
        first: root.querySelector("table tbody tr th")?.textContent,
        back: [shown(back), back.disabled],
        forth: [shown(forth), forth.disabled],
        live: root.querySelector("[aria-live]")?.textContent,
        focus: root.activeElement === back ? "back" : root.activeElement === forth ? "forth" : root.activeElement?.nodeName ?? null,
      });
      const steps = { closed: state() };
      root.querySelector(".cv-tools button[aria-controls]").click();
      steps.open = state();
      const seen = [...root.querySelectorAll("table tbody tr")].map((tr) => tr.textContent);
      const [back, forth] = buttons();
      forth.focus();
      forth.click();
      steps.second = state();
      seen.push(...[...root.querySelectorAll("table tbody tr")].map((tr) => tr.textContent));
      forth.click();
      steps.last = state();
      seen.push(...[...root.querySelectorAll("table tbody tr")].map((tr) => tr.textContent));
      back.click();
      steps.back = state();
      chart.update({ lang: "es" });
      for (let i = 0; i < 400 && !status().startsWith("Filas"); i++) await idle(25);
      steps.spanish = state();
      root.querySelector(".cv-tools button[aria-controls]").click();
      steps.closedAgain = state();
      chart.destroy();
      div.remove();
      return { steps, seen: seen.length, distinct: new Set(seen).size };
    }, campaign);
    const s = out.steps;
    assert.deepEqual([s.closed.status, s.closed.rows, s.closed.back[0], s.closed.forth[0]], ["Rows 1–100 of 251", 100, false, false], "closed: the first page, which rows, no button to focus");
    assert.deepEqual([s.open.status, s.open.rows, s.open.first, s.open.back, s.open.forth], ["Rows 1–100 of 251", 100, "1995 – Dec 2024", [true, true], [true, false]], "open: the first page (the period first), Previous disabled");
    assert.deepEqual([s.second.status, s.second.rows, s.second.live, s.second.back, s.second.forth, s.second.focus], ["Rows 101–200 of 251", 100, "Rows 101–200 of 251", [true, false], [true, false], "forth"], "Next: the second page, announced");
    assert.deepEqual([s.last.status, s.last.rows, s.last.forth, s.last.focus], ["Rows 201–251 of 251", 51, [true, true], "back"], "the last page: Next disabled, the focus on Previous");
    assert.deepEqual([s.back.status, s.back.rows], ["Rows 101–200 of 251", 100], "Previous");
    assert.deepEqual([out.seen, out.distinct], [251, 251], "every row once");
    assert.deepEqual([s.spanish.status, s.spanish.rows, s.spanish.first], ["Filas 1–100 de 251", 100, "1995 – diciembre de 2024"], "in Spanish, from the first page");
    assert.deepEqual([s.closedAgain.status, s.closedAgain.back[0], s.closedAgain.forth[0]], ["Filas 1–100 de 251", false, false], "closed again: no button shown");
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});

describe("the data table's pages, to axe-core", () => {
  for (const theme of ["light", "dark"]) {
    it(`no serious or critical violation with the table open on its second page (${theme})`, async () => {
      const { page, problems } = await openPage(browser, { width: 700, height: 800 });
      await page.goto(new URL("sample.html", server.url).href);
      await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      const campaign = await page.evaluate(largest);
      campaign.event = campaign.event.slice(0, 250);
      const status = await page.evaluate(
        async ({ campaign, theme }) => {
          const idle = (ms) => new Promise((r) => setTimeout(r, ms));
          const { mount } = await import(new URL("pkg-full/careto_viz_full.js", location.href).href);
          const div = document.createElement("div");
          document.body.append(div);
          mount(div, { view: "timeline", lang: "es", theme, campaign });
          const root = div.shadowRoot;
          for (let i = 0; i < 400 && !root.querySelector(".cv-pages"); i++) await idle(25);
          root.querySelector(".cv-tools button[aria-controls]").click();
          root.querySelectorAll(".cv-pages button")[1].click();
          return root.querySelector(".cv-pages p").textContent;
        },
        { campaign, theme },
      );
      assert.equal(status, "Filas 101–200 de 251");
      await page.evaluate(await readFile(createRequire(import.meta.url).resolve("axe-core"), "utf8"));
      const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" >>> ")).join(", ")}`), []);
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  }
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
