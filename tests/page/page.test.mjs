// End-to-end tests of the demo page (www/) in headless Chromium.
//
// Run after the release build (scripts/build-wasm.sh, with wasm-opt), as `make test`
// does: node --test tests/page/
//
// The full-page screenshot goes to target/page-test/page.png; with
// UPDATE_SCREENSHOTS=1 (`make screenshots`) it goes to docs/img/page.png, the
// picture kept in the repository.

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT, canvasStats, launchBrowser, openPage, serve, waitForCharts } from "./browser.mjs";

// The site under test: www/ by default, or e.g. PAGE_ROOT=dist after `make site`.
const ROOT = path.resolve(process.env.PAGE_ROOT ?? path.join(REPO_ROOT, "www"));
const CHARTS = [
  { id: "careto-bars", view: "bars" },
  { id: "careto-timeline", view: "timeline" },
];
const SCREENSHOT = process.env.UPDATE_SCREENSHOTS === "1"
  ? path.join(REPO_ROOT, "docs", "img", "page.png")
  : path.join(REPO_ROOT, "target", "page-test", "page.png");

// The chart's canvas, found by Playwright's CSS engine, which also looks inside
// open shadow roots (where the module puts it). Null when there is none.
async function statsOf(page, id) {
  const canvas = page.locator(`#${id} canvas.careto-viz__canvas`);
  if ((await canvas.count()) !== 1) return null;
  return canvas.evaluate(canvasStats, id);
}

// One browser and one server for the whole file; each suite opens its own context.
let server, browser;
before(async () => {
  server = await serve(ROOT);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe("static checks of index.html", () => {
  it("has no inline scripts, inline styles or absolute local paths", async () => {
    const html = await readFile(path.join(ROOT, "index.html"), "utf8");
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, "inline <script> (blocked by the CSP)");
    assert.doesNotMatch(html, /<style[\s>]/i, "inline <style> (blocked by the CSP)");
    assert.doesNotMatch(html, /\sstyle\s*=/i, "style= attribute (blocked by the CSP)");
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, "inline event handler (blocked by the CSP)");
    // Everything the page loads itself must be relative, so that dist/ works under any path.
    for (const [, attr, value] of html.matchAll(/<(?:script|link|img|source)\b[^>]*?\b(src|href)="([^"]*)"/gi)) {
      assert.doesNotMatch(value, /^(\/|[a-z]+:)/i, `${attr}="${value}" is not a relative path`);
    }
    assert.match(html, /<html lang="en">/);
  });
});

describe("demo page at 1000px", () => {
  let session;

  before(async () => {
    await stat(path.join(ROOT, "pkg", "careto_viz_bg.wasm")).catch(() => {
      throw new Error(`${ROOT}/pkg is missing: run scripts/build-wasm.sh (make build) first`);
    });
    session = await openPage(browser, { width: 1000, height: 800, deviceScaleFactor: 1 });
    const response = await session.page.goto(server.url, { waitUntil: "load" });
    assert.equal(response?.status(), 200);
    assert.match(response.headers()["content-security-policy"] ?? "", /script-src 'self' 'wasm-unsafe-eval'/);
    await waitForCharts(session.page);
    await session.page.evaluate(() => document.fonts.ready);
  });

  after(async () => {
    await session?.context.close();
  });

  it("loads with no console error, page error or failed request", () => {
    assert.deepEqual(session.problems, []);
  });

  it("requests nothing but its own origin", () => {
    const origin = new URL(server.url).origin;
    const foreign = session.requests.filter((url) => new URL(url).origin !== origin);
    assert.deepEqual(foreign, []);
    assert.ok(session.requests.some((url) => url.endsWith("/careto_viz_bg.wasm")), "the wasm module was fetched");
  });

  for (const { id, view } of CHARTS) {
    it(`mounts and paints the ${view} chart`, async () => {
      const state = await session.page.getAttribute(`#${id}`, "data-careto-viz-state");
      assert.equal(state, "ready", `mount failed: ${session.problems.join("; ")}`);
      const stats = await statsOf(session.page, id);
      assert.ok(stats, `#${id} has no <canvas class="careto-viz__canvas">`);
      assert.ok(stats.width > 0 && stats.height > 0, `canvas is ${stats.width}x${stats.height}`);
      // The contract: the canvas is as wide as its container, in CSS px and in
      // bitmap px / devicePixelRatio (not merely squeezed to fit by CSS).
      for (const [what, width] of [["CSS", stats.cssWidth], ["bitmap", stats.width / stats.dpr]]) {
        assert.ok(
          Math.abs(width - stats.containerWidth) <= 1,
          `canvas is ${width}px wide (${what}), its container ${stats.containerWidth}px`,
        );
      }
      assert.ok(
        stats.painted >= Math.max(500, stats.total * 0.02),
        `only ${stats.painted} of ${stats.total} pixels differ from the background`,
      );
      assert.ok(stats.colours >= 3, `only ${stats.colours} colours besides the background`);
    });
  }

  it("saves a full-page screenshot", async () => {
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await session.page.screenshot({ path: SCREENSHOT, fullPage: true });
    const { size } = await stat(SCREENSHOT);
    assert.ok(size > 10_000, `screenshot is only ${size} bytes`);
  });

  it("redraws both charts at the new width when the window narrows", async () => {
    const { page } = session;
    await page.setViewportSize({ width: 600, height: 800 });
    // The module redraws on its own when its container's width changes.
    const fits = (stats) => stats && Math.abs(stats.width / stats.dpr - stats.containerWidth) <= 1;
    const deadline = performance.now() + 5_000;
    for (const { id } of CHARTS) {
      let stats = await statsOf(page, id);
      while (!fits(stats) && performance.now() < deadline) {
        await page.waitForTimeout(100);
        stats = await statsOf(page, id);
      }
      assert.ok(fits(stats), `#${id} was not redrawn at its new width: ${JSON.stringify(stats)}`);
      assert.ok(stats.containerWidth < 600, `#${id} container is ${stats.containerWidth}px`);
      assert.ok(stats.painted >= Math.max(500, stats.total * 0.02), `#${id} is blank after the redraw`);
    }
    assert.deepEqual(session.problems, []);
  });
});

describe("demo page at 360px (phone)", () => {
  let session;

  before(async () => {
    session = await openPage(browser, { width: 360, height: 740, deviceScaleFactor: 2 });
    await session.page.goto(server.url, { waitUntil: "load" });
    await waitForCharts(session.page);
  });

  after(async () => {
    await session?.context.close();
  });

  it("draws both charts without errors or horizontal scrolling", async () => {
    assert.deepEqual(session.problems, []);
    for (const { id } of CHARTS) {
      assert.equal(await session.page.getAttribute(`#${id}`, "data-careto-viz-state"), "ready", `#${id} did not mount`);
    }
    const overflow = await session.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the viewport`);
  });
});

describe("demo page when the module cannot load", () => {
  let session;

  before(async () => {
    session = await openPage(browser);
    await session.page.route("**/careto_viz_bg.wasm", (route) => route.abort("failed"));
    await session.page.goto(server.url, { waitUntil: "load" });
    await waitForCharts(session.page);
  });

  after(async () => {
    await session?.context.close();
  });

  it("shows the error as text in each figure", async () => {
    for (const { id } of CHARTS) {
      assert.equal(await session.page.getAttribute(`#${id}`, "data-careto-viz-state"), "error");
      const text = await session.page.textContent(`#${id} .careto-viz-error`);
      assert.match(text ?? "", /could not be drawn/);
    }
  });
});
