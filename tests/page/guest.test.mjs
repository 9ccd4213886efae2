// Issue #6 part 6, a good guest: the charts on a hostile host page
// (www/embed/cms-hostile.html + cms-hostile.css: global content-box sizing, a
// fantasy font at line-height 3, right-to-left text, upper case, text-indent,
// text-shadow, a dark background, rules on every div, canvas, button, table,
// [role], [aria-live] and :focus) look and work exactly as on a plain page, and
// the page around them is the same before and after they mount.
//
//   make site && node --test tests/page/guest.test.mjs      (make test-page does both)
//
// The plain page is the same HTML with cms-hostile.css replaced by one rule
// giving the chart slots the same width (600 px), served from a copy of dist/
// by the same server (scripts/serve.mjs, with the strict CSP header).

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { launchBrowser, openPage, serve, SITE_DIR as DIST, requireSite } from "./browser.mjs";

const PAGE = "embed/cms-hostile.html";
const PLAIN_CSS = "/* the plain reference page: only the slots' width of cms-hostile.css */\n.chart-slot { width: 600px; }\n";
const SLOT_WIDTH = 600;
const CHARTS = ["#hostile-bars", "#hostile-timeline"];
/** Elements of the host article whose computed style must not change when the charts mount. */
const HOST_ELEMENTS = ["html", "body", "main", "h1", "#host-p", "#host-button", "#host-table", "#host-table caption", "#host-table th", "#host-table td", "#host-note", "#host-link"];
/** Resolved values that follow the content's size (main grows when a chart is drawn): not styles. */
const LAYOUT = new Set(["height", "block-size", "width", "inline-size", "transform-origin", "perspective-origin"]);
/**
 * Used values of margins, which Chromium reports wrongly after a layout that
 * did not lay the element out again: the host's `body { margin: 0 auto }`
 * reads "0px" after a chart redraws, "20px" again after the next full layout,
 * while the body stays 20 px from the left (seen on main and on a page with
 * no chart change at all but a redraw). Compared instead: each element's
 * horizontal box (hostBoxes), which is what a reader would see move.
 */
const USED_MARGINS = new Set(["margin-left", "margin-right", "margin-inline-start", "margin-inline-end"]);
/** The tooltip is placed next to the pointer, which is elsewhere on the two pages. */
const PLACED = new Set(["left", "top", "right", "bottom", "inset-block-start", "inset-block-end", "inset-inline-start", "inset-inline-end", "translate"]);

let tmp, server, browser;

before(async () => {
  await requireSite(PAGE);
  tmp = await mkdtemp(path.join(os.tmpdir(), "careto-guest-"));
  await cp(DIST, path.join(tmp, "hostile"), { recursive: true });
  await cp(DIST, path.join(tmp, "plain"), { recursive: true });
  await writeFile(path.join(tmp, "plain", "embed", "cms-hostile.css"), PLAIN_CSS);
  server = await serve(tmp);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------- run in the page

/**
 * Every computed property of each element matched by the selectors (the first match), as plain
 * objects: in the document when `host` is null, else inside that chart's shadow root.
 */
function computedStyles([host, selectors]) {
  const root = host === null ? document : document.querySelector(host).shadowRoot;
  const out = {};
  for (const selector of selectors) {
    const element = root.querySelector(selector);
    if (!element) {
      out[selector] = null;
      continue;
    }
    const style = getComputedStyle(element);
    const values = {};
    for (let i = 0; i < style.length; i++) values[style[i]] = style.getPropertyValue(style[i]);
    out[selector] = values;
  }
  return out;
}

/** A chart's canvas: CSS size, bitmap size, dpr and its pixels (RGBA, base64). */
function canvasOf(host) {
  const canvas = document.querySelector(host).shadowRoot.querySelector("canvas");
  const rect = canvas.getBoundingClientRect();
  // The picture: the bitmap's top-left part that the canvas shows (where the
  // browser has object-view-box, the bitmap may be larger: src/web/hidpi.rs).
  const [vt = 0, vr = vt, vb = vt, vl = vr] = (getComputedStyle(canvas).objectViewBox ?? "").match(/[\d.]+/g)?.map(Number) ?? [];
  const width = canvas.width - vr - vl;
  const height = canvas.height - vt - vb;
  const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
  let binary = "";
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode.apply(null, data.subarray(i, i + 0x8000));
  return {
    cssWidth: rect.width,
    cssHeight: rect.height,
    width,
    height,
    dpr: devicePixelRatio,
    hostWidth: document.querySelector(host).clientWidth,
    pixels: btoa(binary),
  };
}

/** The left edge and width of each element matched by the selectors (the first match), in CSS px. */
function hostBoxes(selectors) {
  return Object.fromEntries(
    selectors.map((selector) => {
      const r = document.querySelector(selector)?.getBoundingClientRect();
      return [selector, r ? [Math.round(r.left * 100) / 100, Math.round(r.width * 100) / 100] : null];
    }),
  );
}

/** What the document holds in the way of style sheets. */
function sheets() {
  return {
    adopted: document.adoptedStyleSheets.length,
    sheets: [...document.styleSheets].map((s) => s.href ?? `<inline: ${s.ownerNode?.nodeName}>`),
    styleElements: document.querySelectorAll("style").length,
    styledElements: document.querySelectorAll("[style]").length,
  };
}

// ---------------------------------------------------------------- helpers in node

/** Opens the page; with `hold`, the .wasm is held back until `release()` (the charts wait for it). */
async function open(which, { hold = false } = {}) {
  const session = await openPage(browser, { width: 1000, height: 900 });
  let release = () => {};
  if (hold) {
    const released = new Promise((resolve) => (release = resolve));
    await session.page.route("**/careto_viz_bg.wasm", async (route) => {
      await released;
      await route.continue();
    });
  }
  const response = await session.page.goto(new URL(`${which}/${PAGE}`, server.url).href, { waitUntil: "domcontentloaded" });
  assert.equal(response?.status(), 200);
  assert.match(response.headers()["content-security-policy"] ?? "", /style-src 'self'/);
  await session.page.evaluate(() => document.fonts.ready);
  return { ...session, release };
}

async function waitReady(page) {
  for (const id of CHARTS) {
    await page.waitForSelector(`${id}[data-careto-viz-state="ready"], ${id}[data-careto-viz-state="error"]`, { state: "attached", timeout: 30_000 });
    assert.equal(await page.getAttribute(id, "data-careto-viz-state"), "ready", `${id} did not mount`);
  }
  await page.evaluate(() => document.fonts.ready);
}

/** The properties whose values differ between two computed-style maps (each: { selector: { prop: value } }). */
function differences(a, b, skip = new Set()) {
  const out = [];
  for (const selector of Object.keys(a)) {
    if (!a[selector] || !b[selector]) {
      if (a[selector] !== b[selector]) out.push(`${selector}: present on one page only`);
      continue;
    }
    for (const prop of Object.keys(a[selector])) {
      if (skip.has(prop)) continue;
      if (a[selector][prop] !== b[selector][prop]) out.push(`${selector} { ${prop}: ${a[selector][prop]} → ${b[selector][prop]} }`);
    }
  }
  return out;
}

/** Moves the pointer over Morocco's bar (from the chart's own barRect) and waits for the tooltip. */
async function hoverMorocco(page) {
  const at = await page.evaluate(() => {
    const { charts } = globalThis[Symbol.for("careto-viz-embed")];
    const host = document.querySelector("#hostile-bars");
    const [x, y, w, h] = charts.get(host).barRect("MAR");
    const canvas = host.shadowRoot.querySelector("canvas");
    canvas.scrollIntoView({ block: "center" });
    const r = canvas.getBoundingClientRect();
    return { x: r.left + x + w / 2, y: r.top + y + h / 2 };
  });
  await page.mouse.move(at.x - 4, at.y);
  await page.mouse.move(at.x, at.y);
  const tip = page.locator("#hostile-bars .cv-tip");
  await tip.waitFor({ state: "visible", timeout: 3_000 });
  // The tooltip is placed where the pointer met Morocco's bar, and stays there while it is on the bar.
  return { tip, at: { x: at.x - 4, y: at.y } };
}

const INNER = [".cv", "canvas", ".cv-sr", "[aria-live]", ".cv-tools", ".cv-tools button", ".cv-tools button + button", ".cv-data", "table", "caption", "thead th", "tbody th", "tbody td", "td.cv-num"];
const TIP = [".cv-tip", ".cv-tip b", ".cv-tip p"];

// ---------------------------------------------------------------- the tests

describe("a hostile host page (embed/cms-hostile.html)", () => {
  let plain, hostile, hostBefore, boxesBefore, sheetsBefore;

  before(async () => {
    plain = await open("plain");
    await waitReady(plain.page);
    hostile = await open("hostile", { hold: true });
    // The host's own elements, while the module is still held back: nothing of ours has run.
    assert.equal(await hostile.page.getAttribute(CHARTS[0], "data-careto-viz-state"), "loading");
    hostBefore = await hostile.page.evaluate(computedStyles, [null, HOST_ELEMENTS]);
    boxesBefore = await hostile.page.evaluate(hostBoxes, HOST_ELEMENTS);
    sheetsBefore = await hostile.page.evaluate(sheets);
    hostile.release();
    await waitReady(hostile.page);
  });

  after(async () => {
    await plain?.context.close();
    await hostile?.context.close();
  });

  it("draws each chart at the slot's width, with the same canvas size and the same pixels as on the plain page", async () => {
    for (const id of CHARTS) {
      const [a, b] = await Promise.all([plain.page.evaluate(canvasOf, id), hostile.page.evaluate(canvasOf, id)]);
      assert.equal(a.cssWidth, SLOT_WIDTH, `${id} on the plain page is ${a.cssWidth}px wide`);
      const sizes = (s) => ({ css: [s.cssWidth, s.cssHeight], bitmap: [s.width, s.height] });
      assert.deepEqual(sizes(b), sizes(a), `${id}: canvas sizes on the hostile page vs the plain page (host clientWidth ${b.hostWidth} vs ${a.hostWidth})`);
      assert.equal(b.width, Math.round(b.cssWidth * b.dpr), `${id}: the bitmap is not CSS size × dpr (squeezed by CSS)`);
      const pa = Buffer.from(a.pixels, "base64");
      const pb = Buffer.from(b.pixels, "base64");
      let differ = 0;
      for (let i = 0; i < pa.length; i += 4) {
        if (Math.max(Math.abs(pa[i] - pb[i]), Math.abs(pa[i + 1] - pb[i + 1]), Math.abs(pa[i + 2] - pb[i + 2]), Math.abs(pa[i + 3] - pb[i + 3])) > 2) differ++;
      }
      assert.equal(differ, 0, `${id}: ${differ} of ${pa.length / 4} pixels differ from the plain page`);
    }
  });

  it("the chart's own elements compute exactly the same styles as on the plain page", async () => {
    for (const id of CHARTS) {
      const [a, b] = await Promise.all([plain.page.evaluate(computedStyles, [id, INNER]), hostile.page.evaluate(computedStyles, [id, INNER])]);
      assert.deepEqual(differences(a, b), [], `${id}: computed styles inside the chart differ on the hostile page`);
    }
  });

  it("the buttons are visible and clickable; Show data opens the table", async () => {
    for (const id of CHARTS) {
      const { page } = hostile;
      const buttons = page.locator(`${id} .cv-tools button`);
      // Show data, Download PNG, Download CSV, Copy embed code.
      assert.equal(await buttons.count(), 4);
      for (let i = 0; i < 4; i++) {
        const button = buttons.nth(i);
        assert.ok(await button.isVisible(), `${id}: button ${i} is hidden`);
        const [box, boxPlain] = await Promise.all([button.boundingBox(), plain.page.locator(`${id} .cv-tools button`).nth(i).boundingBox()]);
        assert.deepEqual([box.width, box.height], [boxPlain.width, boxPlain.height], `${id}: button ${i} size`);
        const onTop = await button.evaluate((b) => {
          const r = b.getBoundingClientRect();
          b.scrollIntoView({ block: "center" });
          const s = b.getBoundingClientRect();
          return r.width > 0 && b.getRootNode().elementFromPoint(s.left + s.width / 2, s.top + s.height / 2) === b;
        });
        assert.ok(onTop, `${id}: button ${i} is covered by something else`);
      }
      const show = page.locator(`${id} .cv-tools button[aria-controls]`);
      assert.equal((await show.textContent()).trim(), "Show data", "the button's text as written (no text-transform)");
      await show.click();
      assert.equal(await show.getAttribute("aria-expanded"), "true");
      const table = await page.locator(`${id} table`).boundingBox();
      assert.ok(table && table.height > 100, `${id}: the open table is ${JSON.stringify(table)}`);
      await show.click();
      assert.equal(await show.getAttribute("aria-expanded"), "false");
    }
  });

  it("the tooltip is readable: the chart's own font, line-height and colours, inside the viewport", async () => {
    const [{ tip: tipPlain, at: atPlain }, { tip: tipHostile, at }] = await Promise.all([hoverMorocco(plain.page), hoverMorocco(hostile.page)]);
    assert.match(await tipHostile.textContent(), /Morocco.*384/s);
    const [a, b] = await Promise.all([plain.page.evaluate(computedStyles, ["#hostile-bars", TIP]), hostile.page.evaluate(computedStyles, ["#hostile-bars", TIP])]);
    assert.deepEqual(differences(a, b, PLACED), [], "computed styles of the tooltip differ on the hostile page");
    const tip = b[".cv-tip"];
    assert.match(tip["font-family"], /^"Liberation Sans"/);
    assert.equal(tip["line-height"], `${(13 * 1.35).toFixed(2).replace(/0+$/, "")}px`);
    const [box, boxPlain] = await Promise.all([tipHostile.boundingBox(), tipPlain.boundingBox()]);
    assert.deepEqual([box.width, box.height], [boxPlain.width, boxPlain.height], "tooltip size");
    // Beside the pointer (14 px away, on whichever side fits; its top 12 px above it) as on the
    // plain page, though the host's <main> (will-change: transform) is the containing block of its position: fixed.
    // (Within a pixel: its corner is rounded to whole pixels.)
    const gap = (b, p) => [Math.abs((b.x >= p.x ? b.x - p.x : p.x - (b.x + b.width)) - 14) <= 1, Math.abs(p.y - b.y - 12) <= 1];
    assert.deepEqual(gap(boxPlain, atPlain), [true, true], `plain page: tooltip ${JSON.stringify(boxPlain)}, pointer ${JSON.stringify(atPlain)}`);
    assert.deepEqual(gap(box, at), [true, true], `tooltip at ${JSON.stringify(box)}, pointer at ${JSON.stringify(at)}`);
    const viewport = hostile.page.viewportSize();
    assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height, `tooltip ${JSON.stringify(box)} outside the viewport`);
    await hostile.page.keyboard.press("Escape");
    await plain.page.keyboard.press("Escape");
  });

  it("keyboard focus still shows the chart's focus ring (the host's :focus { outline: none !important } stays outside)", async () => {
    const { page } = hostile;
    await page.locator("#hostile-bars canvas").focus();
    await page.keyboard.press("ArrowDown");
    const outline = await page.evaluate(() => {
      const canvas = document.querySelector("#hostile-bars").shadowRoot.activeElement;
      return canvas && { tag: canvas.tagName, style: getComputedStyle(canvas).outlineStyle };
    });
    assert.deepEqual(outline, { tag: "CANVAS", style: "solid" });
    await page.keyboard.press("Escape");
  });

  it("leaves the host page as it was: its elements' computed styles, its style sheets, its :focus rule", async () => {
    const { page } = hostile;
    await page.evaluate(() => document.activeElement?.blur());
    const now = await page.evaluate(computedStyles, [null, HOST_ELEMENTS]);
    assert.deepEqual(differences(hostBefore, now, new Set([...LAYOUT, ...USED_MARGINS])), [], "the host's elements changed when the charts mounted");
    assert.deepEqual(await page.evaluate(hostBoxes, HOST_ELEMENTS), boxesBefore, "the host's elements moved sideways or changed width when the charts mounted");
    assert.deepEqual(await page.evaluate(sheets), sheetsBefore, "the document's style sheets changed");
    await page.locator("#host-link").focus();
    assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), "none", "the host's own :focus rule");
    // The chart slots keep the host's box: its padding and border are the host's choice.
    const slot = await page.evaluate(() => {
      const s = getComputedStyle(document.querySelector("#hostile-bars"));
      return [s.paddingLeft, s.borderLeftWidth, s.boxSizing];
    });
    assert.deepEqual(slot, ["17px", "3px", "content-box"]);
  });

  it("logs no console error and requests nothing blocked under the CSP, on either page", () => {
    assert.deepEqual(plain.problems, []);
    assert.deepEqual(hostile.problems, []);
  });
});

describe("a right-to-left host page with a chart against its left edge", () => {
  // The visually hidden parts (the summary, the closed table) sat 1 px to
  // the left of the chart (margin: -1px): on a right-to-left page, where
  // content past the left edge can be scrolled to, a chart flush with that
  // edge (embed.html, a phone's full-width chart) made the page scroll 1 px
  // sideways.
  for (const view of ["bars", "timeline", "map", "profile"]) {
    it(`embed.html?view=${view} at 375 px, dir="rtl": no sideways scroll, the table closed and open`, async () => {
      const session = await openPage(browser, { width: 375, height: 800 });
      try {
        const { page } = session;
        await page.goto(new URL(`plain/embed.html?view=${view}`, server.url).href);
        await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
        const over = () => {
          document.documentElement.dir = "rtl";
          return new Promise((resolve) => requestAnimationFrame(() => resolve(document.documentElement.scrollWidth - document.documentElement.clientWidth)));
        };
        assert.equal(await page.evaluate(over), 0, "the table closed");
        await page.evaluate(() => document.querySelector("#chart").shadowRoot.querySelector(".cv-tools button[aria-controls]").click());
        await page.waitForFunction(() => !!document.querySelector("#chart").shadowRoot.querySelector(".cv-data:not(.cv-closed) tbody tr"));
        assert.equal(await page.evaluate(over), 0, "the table open");
        assert.deepEqual(session.problems, []);
      } finally {
        await session.context.close();
      }
    });
  }
});

describe("a host page that zooms its body (CSS zoom: 1.5)", () => {
  // Chromium gives offsetX in the canvas's size as shown, 1.5 times the
  // size it was laid out at: a hover on Morocco's bar showed Spain's
  // tooltip, and the tooltip landed 1.5 times as far from the window's
  // corner as the pointer was.
  it("a hover on Morocco's bar shows Morocco's tooltip, beside the pointer", async () => {
    const session = await openPage(browser, { width: 960, height: 1000 });
    try {
      const { page } = session;
      await page.goto(new URL("plain/embed.html?view=bars", server.url).href);
      await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      const point = await page.evaluate(async () => {
        document.body.style.zoom = "1.5";
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const m = await import(document.querySelector('script[type="module"][src]').src);
        const c = m.chart.canvas;
        const r = c.getBoundingClientRect();
        const k = r.width / parseFloat(c.style.width);
        // Morocco's bar, 20 px into it, in the px the chart was laid out at.
        for (let y = 2; y < parseFloat(c.style.height); y++) {
          for (let x = 2; x < parseFloat(c.style.width); x++) {
            if (m.chart.hitTest(x, y) === "country:MAR" && m.chart.hitTest(x, y + 6) === "country:MAR") return { k, x: r.left + (x + 20) * k, y: r.top + (y + 3) * k };
          }
        }
        return null;
      });
      assert.ok(point && Math.abs(point.k - 1.5) < 0.01, `the zoom did not take: ${JSON.stringify(point)}`);
      await page.mouse.move(point.x - 2, point.y);
      await page.mouse.move(point.x, point.y);
      await page.waitForFunction(() => !document.querySelector("#chart").shadowRoot.querySelector(".cv-tip").hidden);
      const tip = await page.evaluate(() => {
        const t = document.querySelector("#chart").shadowRoot.querySelector(".cv-tip");
        const r = t.getBoundingClientRect();
        return { title: t.querySelector("b")?.textContent, left: r.left, top: r.top };
      });
      assert.equal(tip.title, "Morocco");
      // Where it is on a plain page: 14 px to the right of the pointer, its first line level with it (interact.js, placeTip).
      assert.ok(Math.abs(tip.left - (point.x - 2 + 14)) <= 2 && Math.abs(tip.top - (point.y - 12)) <= 2, `the tooltip at ${tip.left}, ${tip.top}; the pointer first at ${point.x - 2}, ${point.y}`);
      assert.deepEqual(session.problems, []);
    } finally {
      await session.context.close();
    }
  });
});
