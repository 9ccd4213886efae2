// What only Chromium can check of what a reader meets on the demo page: that
// a chart's handle survives a garbage collection (V8's --expose-gc, which
// neither Firefox nor WebKit offers a test), and that an open page follows a
// change of the colour scheme (Playwright emulates it live in Chromium; the
// Firefox and WebKit drivers set it once, at launch: tests/page/engines.mjs).
// The rest of what readers meet runs in all three engines: readers.test.mjs.
//
// Run after the release build (scripts/build-wasm.sh, `make build`):
//   node --test tests/page/reader.test.mjs
//
// Each chart lives in an open shadow root attached to its container div.
// Playwright's CSS locators pierce open shadow roots; code run with
// page.evaluate must go through `host.shadowRoot` itself.

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, REPO_ROOT, canvasHash, openPage, serve, waitForCharts } from "./browser.mjs";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(process.env.PAGE_ROOT ?? path.join(REPO_ROOT, "www"));

const BARS = "#careto-bars";
const TIMELINE = "#careto-timeline";
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

/** The colour of bitmap pixel (x, y) of the canvas in `hostSelector`, as [r, g, b, a]. */
function pixelAt([hostSelector, x, y]) {
  const canvas = document.querySelector(hostSelector).shadowRoot.querySelector("canvas");
  return Array.from(canvas.getContext("2d").getImageData(x, y, 1, 1).data);
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

describe("dark mode, live", () => {
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

const AXE_PATH = require.resolve("axe-core"); // node_modules/axe-core/axe.js
const AXE_VERSION = require("axe-core/package.json").version;

describe("the accessibility tree (Chromium's, through the DevTools protocol)", () => {
  it("the bars' canvas: its name, and its description the summary then what the keys do, said once", async () => {
    const session = await openReady(browser, { url: server.url });
    const { page } = session;
    try {
      // The interaction layer writes what the keys do when it arrives (after the first frame, when idle).
      await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelector("canvas").getAttribute("aria-describedby").includes(" "), BARS);
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = await cdp.send("Accessibility.getFullAXTree");
      const value = (n, k) => n[k]?.value ?? "";
      const bars = nodes.filter((n) => value(n, "role") === "image" && /^The Mask \(Careto\): 31 countries affected$/.test(value(n, "name")));
      assert.equal(bars.length, 1, `image nodes named as the bars: ${bars.length}`);
      const description = value(bars[0], "description");
      assert.match(description, /^31 countries · over 380 unique victims .*: Morocco had the largest published count, 384, /);
      assert.match(description, /Keys: the arrows go through the countries, the largest count first, then those without a count from A to Z; Enter or Space opens the details, Escape closes them\.$/);
      // The hint is the description only: no node of the tree reads it again.
      const again = nodes.filter((n) => !n.ignored && /^Keys: the arrows/.test(value(n, "name")));
      assert.deepEqual(again.map((n) => value(n, "role")), [], "the keys' words are in the page's flow too");
      assert.deepEqual(session.problems, []);
    } finally {
      await session.context.close();
    }
  });
});

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

