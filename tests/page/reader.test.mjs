// What a reader meets on the demo page, in headless Chromium: the tooltip, the
// keyboard, Spanish, dark mode, a phone-width screen, the data table, an axe-core
// accessibility audit and a resized container.
//
// Run after the release build (scripts/build-wasm.sh, `make build`):
//   node --test tests/page/reader.test.mjs
//
// Each chart lives in an open shadow root attached to its container div.
// Playwright's CSS locators pierce open shadow roots; code run with
// page.evaluate must go through `host.shadowRoot` itself.

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, REPO_ROOT, openPage, serve, waitForCharts } from "./browser.mjs";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(process.env.PAGE_ROOT ?? path.join(REPO_ROOT, "www"));

const BARS = "#careto-bars";
const TIMELINE = "#careto-timeline";
/** The top colour class (200+) in the light theme: only Morocco's bar and its legend swatch. */
const TOP_CLASS_LIGHT = [0x4a, 0x10, 0x03];
const LIGHT_BG = [0xff, 0xff, 0xff];
const DARK_BG = [0x15, 0x17, 0x1a];

/**
 * browser.mjs's launchBrowser, plus `gc()` in the page: each page below is
 * garbage-collected once its charts are mounted, so that a chart whose handle
 * nobody holds (its Rust side, listeners and observers freed with the handle)
 * fails here every time rather than only when V8 happens to collect.
 */
function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, "--js-flags=--expose-gc"],
    headless: true,
    timeout: 30_000,
  });
}

// ---------------------------------------------------------------- helpers run in the page

/**
 * Finds the widest horizontal run of colour `rgb` in the canvas of `hostSelector`
 * (in the bars chart with the top class colour, that is Morocco's bar; the legend
 * swatch is a small square). Returns the run's middle in viewport CSS px, or null.
 */
function widestRunOf([hostSelector, rgb]) {
  const canvas = document.querySelector(hostSelector)?.shadowRoot?.querySelector("canvas");
  if (!canvas) return null;
  const { width, height } = canvas;
  const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
  let best = { length: 0, x: 0, y0: 0, y1: 0 };
  for (let y = 0; y < height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const i = (y * width + x) * 4;
      const hit = x < width && data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2];
      if (hit && start < 0) start = x;
      if (!hit && start >= 0) {
        const length = x - start;
        if (length > best.length) best = { length, x: start, y0: y, y1: y };
        else if (length === best.length && x - length === best.x && y === best.y1 + 1) best.y1 = y;
        start = -1;
      }
    }
  }
  if (best.length === 0) return null;
  const rect = canvas.getBoundingClientRect();
  const scale = rect.width / width; // bitmap px -> CSS px
  return {
    lengthCss: best.length * scale,
    x: rect.left + (best.x + best.length / 2) * scale,
    y: rect.top + ((best.y0 + best.y1 + 1) / 2) * scale,
  };
}

/** The colour of bitmap pixel (x, y) of the canvas in `hostSelector`, as [r, g, b, a]. */
function pixelAt([hostSelector, x, y]) {
  const canvas = document.querySelector(hostSelector).shadowRoot.querySelector("canvas");
  return Array.from(canvas.getContext("2d").getImageData(x, y, 1, 1).data);
}

/** A cheap fingerprint of the whole bitmap of the canvas in `hostSelector`. */
function canvasHash(hostSelector) {
  const canvas = document.querySelector(hostSelector).shadowRoot.querySelector("canvas");
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let h = 2166136261;
  for (let i = 0; i < data.length; i += 7) h = Math.imul(h ^ data[i], 16777619);
  return `${canvas.width}x${canvas.height}:${h >>> 0}`;
}

/** CSS widths of a chart's canvas and its container, and the bitmap width / dpr. */
function widths(hostSelector) {
  const host = document.querySelector(hostSelector);
  const canvas = host.shadowRoot.querySelector("canvas");
  return {
    container: host.clientWidth,
    canvasCss: canvas.getBoundingClientRect().width,
    canvasBitmap: canvas.width / devicePixelRatio,
  };
}

// ---------------------------------------------------------------- helpers run in node

const sameRgb = (pixel, rgb) => pixel[0] === rgb[0] && pixel[1] === rgb[1] && pixel[2] === rgb[2];
const hex = (p) => "#" + p.slice(0, 3).map((v) => v.toString(16).padStart(2, "0")).join("");

async function openReady(browser, { url, width = 1000, height = 800, deviceScaleFactor = 1, colorScheme } = {}) {
  const session = await openPage(browser, { width, height, deviceScaleFactor });
  if (colorScheme) await session.page.emulateMedia({ colorScheme });
  const response = await session.page.goto(url, { waitUntil: "load" });
  assert.equal(response?.status(), 200);
  await waitForCharts(session.page);
  for (const id of [BARS, TIMELINE]) {
    assert.equal(await session.page.getAttribute(id, "data-careto-viz-state"), "ready", `${id} did not mount`);
  }
  await session.page.evaluate(() => document.fonts.ready);
  await collectGarbage(session.page);
  return session;
}

/** Runs V8's garbage collector in the page (twice, so finalizers have run and been collected after). */
async function collectGarbage(page) {
  await page.evaluate(async () => {
    for (let i = 0; i < 2; i++) {
      globalThis.gc?.();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
}

/** The top-left corner pixel of a chart, a few pixels in (inside the canvas's margin). */
const corner = (page, host = BARS) => page.evaluate(pixelAt, [host, 3, 3]);

// ---------------------------------------------------------------- suites

let server, browser;
before(async () => {
  await stat(path.join(ROOT, "pkg", "careto_viz_bg.wasm")).catch(() => {
    throw new Error(`${ROOT}/pkg is missing: run scripts/build-wasm.sh (make build) first`);
  });
  server = await serve(ROOT);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe("chart handles", () => {
  it("stay alive after a garbage collection (the page keeps them reachable)", async () => {
    const session = await openReady(browser, { url: server.url }); // collects garbage
    try {
      await session.page.evaluate((hosts) => {
        for (const host of hosts) {
          const canvas = document.querySelector(host).shadowRoot.querySelector("canvas");
          canvas.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
        }
      }, [BARS, TIMELINE]);
      const dead = session.problems.filter((p) => /after being dropped/.test(p));
      assert.deepEqual(
        dead,
        [],
        "a chart's event listeners were freed: its handle from mount() was garbage-collected " +
          "(www/main.js must keep the handles reachable, e.g. exported)",
      );
      for (const host of [BARS, TIMELINE]) {
        const said = await session.page.locator(`${host} [aria-live="polite"]`).textContent();
        assert.ok(said.length > 0, `${host}: a keydown on the canvas announced nothing`);
      }
      assert.deepEqual(session.problems, []);
    } finally {
      await session.context.close();
    }
  });
});

describe("hovering a bar", () => {
  let session;
  before(async () => {
    session = await openReady(browser, { url: server.url, width: 1000, height: 800 });
  });
  after(() => session?.context.close());

  it("shows Morocco's tooltip inside the viewport, away from the pointer; Escape hides it", async () => {
    const { page } = session;
    const tip = page.locator(`${BARS} .cv-tip`);
    await page.locator(`${BARS} canvas`).scrollIntoViewIfNeeded();
    const bar = await page.evaluate(widestRunOf, [BARS, TOP_CLASS_LIGHT]);
    assert.ok(bar, "no pixel of the top class colour #4a1003 in the bars chart");
    assert.ok(bar.lengthCss > 100, `the widest #4a1003 run is ${bar.lengthCss}px: Morocco's bar not found`);
    assert.equal(await tip.isHidden(), true, "the tooltip is shown before any hover");

    await page.mouse.move(bar.x - 5, bar.y);
    await page.mouse.move(bar.x, bar.y);
    await tip.waitFor({ state: "visible", timeout: 2_000 });
    const text = await tip.textContent();
    assert.match(text, /Morocco/);
    assert.match(text, /384/);
    assert.match(text, /384, almost certainly victim IP addresses/);
    assert.match(text, /S1/, "the tooltip names its sources");

    const box = await tip.boundingBox();
    const viewport = page.viewportSize();
    assert.ok(box.width > 0 && box.height > 0, "the tooltip has no size");
    assert.ok(
      box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height,
      `tooltip ${JSON.stringify(box)} is not inside the ${viewport.width}x${viewport.height} viewport`,
    );
    const underPointer =
      bar.x >= box.x && bar.x <= box.x + box.width && bar.y >= box.y && bar.y <= box.y + box.height;
    assert.ok(!underPointer, `tooltip ${JSON.stringify(box)} covers the pointer at (${bar.x}, ${bar.y})`);

    await page.keyboard.press("Escape");
    await tip.waitFor({ state: "hidden", timeout: 2_000 });
  });

  it("a pointerdown elsewhere in the page closes the tooltip", async () => {
    const { page } = session;
    const tip = page.locator(`${BARS} .cv-tip`);
    const bar = await page.evaluate(widestRunOf, [BARS, TOP_CLASS_LIGHT]);
    await page.mouse.move(bar.x + 3, bar.y);
    await tip.waitFor({ state: "visible", timeout: 2_000 });
    // Press on the page heading, away from the canvas, without leaving it first
    // through the canvas's pointerleave: dispatch the pointerdown on the heading.
    await page.locator("h1").dispatchEvent("pointerdown", { bubbles: true, composed: true });
    await tip.waitFor({ state: "hidden", timeout: 2_000 });
    assert.deepEqual(session.problems, []);
  });
});

describe("keyboard", () => {
  let session;
  before(async () => {
    session = await openReady(browser, { url: server.url });
  });
  after(() => session?.context.close());

  it("Tab reaches the map's canvas first, then past its buttons the bars'; arrows, Home and End move through the countries", async () => {
    const { page } = session;
    const live = page.locator(`${BARS} [aria-live="polite"]`);
    const focusedNow = () => page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement;
      return { host: host?.id, inner: inner?.tagName, label: inner?.getAttribute("aria-label") };
    });
    await page.keyboard.press("Tab");
    const first = await focusedNow();
    assert.deepEqual({ host: first.host, inner: first.inner }, { host: "careto-map", inner: "CANVAS" }, `the first Tab stop is ${JSON.stringify(first)}`);
    assert.match(first.label ?? "", /where the 31 affected countries are/);
    const stops = [];
    let focused = first;
    for (let i = 0; i < 8 && !(focused.host === "careto-bars" && focused.inner === "CANVAS"); i++) {
      await page.keyboard.press("Tab");
      focused = await focusedNow();
      stops.push(`${focused.host} ${focused.inner}`);
    }
    assert.deepEqual(stops, ["careto-map BUTTON", "careto-map BUTTON", "careto-map BUTTON", "careto-map BUTTON", "careto-bars CANVAS"], "one stop for the map, then its buttons");
    assert.match(focused.label ?? "", /31 countries/);

    const before = await page.evaluate(canvasHash, BARS);
    await page.keyboard.press("ArrowDown");
    await assertLive(live, /Morocco/, /384/);
    await page.keyboard.press("ArrowDown");
    await assertLive(live, /Brazil/, /137/);
    const text = await live.textContent();
    assert.match(text, /^Brazil\b/, `the live region says ${JSON.stringify(text)}`);
    const announcements = [text];
    assert.notEqual(await page.evaluate(canvasHash, BARS), before, "no focus ring was drawn");
    await assert.doesNotReject(
      page.locator(`${BARS} .cv-tip`).waitFor({ state: "visible", timeout: 2_000 }),
      "the keyboard focus shows the tooltip too",
    );

    await page.keyboard.press("Home");
    await assertLive(live, /Morocco/, /384/);
    announcements.push(await live.textContent());

    await page.keyboard.press("End");
    // The last item: the unpublished countries come after the bars, alphabetically.
    await assertLive(live, /Venezuela/);
    const last = await live.textContent();
    assert.doesNotMatch(last, /\d+ victim IP addresses/, `an unpublished country with a count: ${last}`);

    await page.keyboard.press("ArrowUp");
    await assertLive(live, /Turkey/);
    assert.deepEqual(session.problems, []);
    // The announcement joins the tooltip's lines with ". ": a line that already
    // ends in a full stop must not give "..".
    for (const said of announcements) {
      assert.doesNotMatch(said, /\.\./, `a doubled full stop in the announcement: ${JSON.stringify(said)}`);
    }
  });
});

/** Waits until the live region's text matches every pattern. */
async function assertLive(live, ...patterns) {
  let text = "";
  const deadline = Date.now() + 2_000;
  while (Date.now() < deadline) {
    text = (await live.textContent()) ?? "";
    if (patterns.every((p) => p.test(text))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`the live region says ${JSON.stringify(text)}; expected ${patterns.join(" and ")}`);
}

describe("a Spanish page (<html lang=\"es\">)", () => {
  let session, dir, esServer;
  before(async () => {
    // A copy of the site with only the page's language changed (the server
    // refuses symlinks that lead out of its root, so the copy is real).
    dir = await mkdtemp(path.join(os.tmpdir(), "careto-es-"));
    await cp(ROOT, dir, { recursive: true });
    const html = await readFile(path.join(dir, "index.html"), "utf8");
    assert.match(html, /<html lang="en">/);
    await writeFile(path.join(dir, "index.html"), html.replace('<html lang="en">', '<html lang="es">'));
    esServer = await serve(dir);
    session = await openReady(browser, { url: esServer.url });
  });
  after(async () => {
    await session?.context.close();
    await esServer?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("labels the chart, its summary, table and button in Spanish", async () => {
    const { page } = session;
    assert.equal(await page.locator(`${BARS} tr[data-code="MAR"] th`).textContent(), "Marruecos");
    assert.match(await page.locator(`${BARS} p.cv-sr`).textContent(), /Marruecos/);
    assert.doesNotMatch(await page.locator(`${BARS} p.cv-sr`).textContent(), /Morocco/);
    for (const host of [BARS, TIMELINE]) {
      assert.equal((await page.locator(`${host} .cv-tools button[aria-controls]`).textContent()).trim(), "Mostrar datos");
    }
    assert.match(await page.locator(`${BARS} canvas`).getAttribute("aria-label"), /31 países afectados/);
    assert.deepEqual(session.problems, []);
  });
});

describe("dark mode", () => {
  it("draws on #15171a with colorScheme dark and on white with light", async () => {
    for (const [colorScheme, rgb] of [["dark", DARK_BG], ["light", LIGHT_BG]]) {
      const session = await openReady(browser, { url: server.url, colorScheme });
      try {
        for (const host of [BARS, TIMELINE]) {
          const pixel = await corner(session.page, host);
          assert.ok(sameRgb(pixel, rgb), `${host} in ${colorScheme}: corner pixel ${hex(pixel)}, expected ${hex(rgb)}`);
          // Scrollbars and form controls inside the chart follow its theme.
          const scheme = await session.page.evaluate((h) => getComputedStyle(document.querySelector(h).shadowRoot.querySelector("figure.cv")).colorScheme, host);
          assert.equal(scheme, colorScheme, `${host}: color-scheme inside the chart`);
        }
        assert.deepEqual(session.problems, []);
      } finally {
        await session.context.close();
      }
    }
  });

  it("redraws when the colour scheme changes on an open page", async () => {
    const session = await openReady(browser, { url: server.url, colorScheme: "light" });
    const { page } = session;
    try {
      const light = await page.evaluate(canvasHash, BARS);
      assert.ok(sameRgb(await corner(page), LIGHT_BG));
      await page.emulateMedia({ colorScheme: "dark" });
      await page.waitForFunction(pixelIs, [BARS, DARK_BG], { timeout: 3_000 }).catch(() => {});
      const pixel = await corner(page);
      assert.ok(sameRgb(pixel, DARK_BG), `after switching to dark the corner is ${hex(pixel)}`);
      assert.notEqual(await page.evaluate(canvasHash, BARS), light);
      assert.ok(sameRgb(await corner(page, TIMELINE), DARK_BG), "the timeline did not follow");
      await page.emulateMedia({ colorScheme: "light" });
      await page.waitForFunction(pixelIs, [BARS, LIGHT_BG], { timeout: 3_000 }).catch(() => {});
      assert.equal(await page.evaluate(canvasHash, BARS), light, "back to light: not the same picture");
      assert.deepEqual(session.problems, []);
    } finally {
      await session.context.close();
    }
  });
});

function pixelIs([hostSelector, rgb]) {
  const canvas = document.querySelector(hostSelector).shadowRoot.querySelector("canvas");
  const d = canvas.getContext("2d").getImageData(3, 3, 1, 1).data;
  return d[0] === rgb[0] && d[1] === rgb[1] && d[2] === rgb[2];
}

describe("a 320px wide screen", () => {
  let session;
  before(async () => {
    session = await openReady(browser, { url: server.url, width: 320, height: 640, deviceScaleFactor: 2 });
  });
  after(() => session?.context.close());

  it("has no horizontal overflow and charts as wide as their containers", async () => {
    const { page } = session;
    const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(scrollWidth <= 320, `the page scrolls sideways: scrollWidth ${scrollWidth}`);
    for (const host of [BARS, TIMELINE]) {
      const w = await page.evaluate(widths, host);
      assert.ok(w.canvasCss <= 320, `${host} canvas is ${w.canvasCss}px wide`);
      assert.ok(Math.abs(w.canvasCss - w.container) <= 1, `${host}: canvas ${w.canvasCss}px, container ${w.container}px`);
      assert.ok(Math.abs(w.canvasBitmap - w.container) <= 1, `${host}: bitmap ${w.canvasBitmap} CSS px, container ${w.container}px`);
    }
    assert.deepEqual(session.problems, []);
  });
});

describe("the data table", () => {
  let session;
  before(async () => {
    session = await openReady(browser, { url: server.url });
  });
  after(() => session?.context.close());

  it("has a row per country, each with its sources", async () => {
    const rows = session.page.locator(`${BARS} table tbody tr`);
    // The table is filled after the first frame, in slices: wait for the last row (a loaded machine is slow).
    await rows.nth(30).waitFor({ state: "attached", timeout: 15_000 }).catch(() => {});
    assert.equal(await rows.count(), 31);
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ code: tr.dataset.code, sources: tr.cells[tr.cells.length - 1]?.textContent ?? "" })),
    );
    const codes = new Set(cells.map((c) => c.code));
    assert.equal(codes.size, 31, "country codes repeat or are missing");
    for (const { code, sources } of cells) assert.match(sources, /\bS1\b/, `${code}: sources "${sources}"`);
    assert.equal(cells[0].code, "MAR");
  });

  it("downloads the data as CSV (sources column, no 0 for unpublished) and the chart as PNG", async () => {
    const { page } = session;
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(`${BARS} .cv-tools button`, { hasText: /CSV/ }).click(),
    ]);
    assert.equal(csv.suggestedFilename(), "careto-viz-bars.csv");
    const text = await readFile(await csv.path(), "utf8");
    const lines = text.replace(/^\uFEFF/, "").trim().split(/\r\n/);
    assert.equal(lines.length, 32, "a header and 31 countries");
    // Every field quoted (issue 13.6); an English CSV is split on commas.
    assert.match(lines[0], /^"code","country","victim IP addresses \(almost certainly\)","notes","sources"$/);
    assert.match(lines[1], /^"MAR","Morocco","384",/);
    assert.match(text, /\n"CUB","Cuba","",/, "Cuba has no published figure: an empty cell");
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(`${BARS} .cv-tools button`, { hasText: /PNG/ }).click(),
    ]);
    assert.equal(png.suggestedFilename(), "careto-viz-bars.png");
    const bytes = await readFile(await png.path());
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], "a PNG file");
    assert.ok(bytes.length > 5_000, `PNG is ${bytes.length} bytes`);
  });

  it("opens with Show data: aria-expanded and a visible table", async () => {
    const { page } = session;
    const button = page.locator(`${BARS} .cv-tools button[aria-controls]`);
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    // Closed, the table is visually hidden (a 1px clipped box) but stays in the
    // accessibility tree.
    const wrapper = page.locator(`${BARS} .cv-data`);
    const closed = await wrapper.boundingBox();
    assert.ok(closed && closed.height <= 1 && closed.width <= 1, `the closed table's box is ${JSON.stringify(closed)}`);
    await button.click();
    assert.equal(await button.getAttribute("aria-expanded"), "true");
    assert.equal((await button.textContent()).trim(), "Hide data");
    const controls = await button.getAttribute("aria-controls");
    assert.equal(await page.locator(`${BARS} #${controls}`).count(), 1, "aria-controls points at nothing");
    const open = await page.locator(`${BARS} table`).boundingBox();
    assert.ok(open && open.height > 100, `the open table is ${open?.height}px tall`);
    const shown = await wrapper.boundingBox();
    assert.ok(shown && shown.height > 100, `the open table's box is ${JSON.stringify(shown)}`);
    assert.ok(await page.locator(`${BARS} tr[data-code="MAR"]`).isVisible());
    await button.click();
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    assert.deepEqual(session.problems, []);
  });
});

const AXE_PATH = require.resolve("axe-core"); // node_modules/axe-core/axe.js
const AXE_VERSION = require("axe-core/package.json").version;

describe("accessibility audit (axe-core)", () => {

  for (const [name, options] of [
    ["light, closed tables", { colorScheme: "light", open: false }],
    ["dark, open tables", { colorScheme: "dark", open: true }],
  ]) {
    it(`finds no serious or critical violation (${name})`, async () => {
      const session = await openReady(browser, { url: server.url, colorScheme: options.colorScheme });
      const { page } = session;
      try {
        if (options.open) {
          for (const host of [BARS, TIMELINE]) await page.locator(`${host} .cv-tools button[aria-controls]`).click();
        }
        // page.evaluate is not subject to the page's CSP; an injected <script> would be.
        await page.evaluate(await readFile(AXE_PATH, "utf8"));
        const results = await page.evaluate(() =>
          window.axe.run(document, { resultTypes: ["violations", "incomplete"] }),
        );
        const explain = (v) =>
          `[${v.impact}] ${v.id}: ${v.help}\n` +
          v.nodes.map((n) => `    ${n.target.join(" >>> ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`).join("\n");
        if (results.violations.length > 0) {
          console.log(`axe-core ${AXE_VERSION} (${name}): ${results.violations.length} violation(s)\n` +
            results.violations.map(explain).join("\n"));
        }
        const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        assert.deepEqual(bad.map((v) => v.id), [], bad.map(explain).join("\n"));
      } finally {
        await session.context.close();
      }
    });
  }
});

describe("a resized container", () => {
  let session;
  before(async () => {
    session = await openReady(browser, { url: server.url });
  });
  after(() => session?.context.close());

  it("redraws the bars chart at the container's new width", async () => {
    const { page } = session;
    const before = await page.evaluate(widths, BARS);
    assert.notEqual(before.container, 400);
    // CSSOM, not a style attribute: allowed under the page's CSP.
    await page.evaluate((sel) => {
      document.querySelector(sel).style.width = "400px";
    }, BARS);
    await page.waitForFunction(
      (sel) => {
        const canvas = document.querySelector(sel).shadowRoot.querySelector("canvas");
        // max-width: 100% squeezes the old bitmap to 400 CSS px at once: wait for the redraw.
        return Math.round(canvas.width / devicePixelRatio) === 400;
      },
      BARS,
      { timeout: 3_000 },
    ).catch(() => {});
    const now = await page.evaluate(widths, BARS);
    assert.equal(now.container, 400);
    assert.equal(Math.round(now.canvasCss), 400, `canvas is ${now.canvasCss}px wide (CSS)`);
    assert.equal(Math.round(now.canvasBitmap), 400, `canvas bitmap is ${now.canvasBitmap} CSS px wide`);
    assert.deepEqual(session.problems, []);
  });
});
