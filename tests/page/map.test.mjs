// The world map in the browser (issue 14), in headless Chromium on the site
// of `make site` (dist/, served by scripts/serve.mjs with its CSP):
//
//   make site && node --test tests/page/map.test.mjs      (make test-page does both)
//
// - Pixels read back where the layout says (Chart.pointOf: the kernel's own
//   layout): Morocco in the 200+ class colour, Gibraltar's marker, a
//   country without a published count hatched, a country where nothing was
//   reported in the neutral tone; light and dark, at 1x and 2x.
// - Hit-testing at those points, a marker within 12 px; hover and tap show
//   the tooltips and outline the country (over the map, not drawn into it),
//   the keyboard goes through the 31 countries largest count
//   first, the live region speaks, the table, the CSV and the PNG.
// - The summary by region, Spanish, 320–1280 px without overflow, axe.
// - Loading: the map build and the geometry only for a map, once per page
//   however many maps; on index.html after the bars' first frame; pages
//   without a map request none of it; a map waiting for its geometry is
//   busy at once and says "Loading the map…" only after 300 ms (never, if
//   it comes sooner); a geometry that fails (404, offline, corrupt) leaves
//   a message in the chart in the page's language, loses nothing else, and
//   Try again draws it.

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { REPO_ROOT, launchBrowser, openPage, serve, SITE_DIR as DIST, requireSite } from "./browser.mjs";
import { chartState, until, useEveryFeature, watchNetwork, withoutMap } from "./paths.mjs";

const require = createRequire(import.meta.url);
const GEOMETRY = "world-110m.bin";
const MAP_BUILD = "careto_viz_map";
/** The map with Morocco's tooltip: target/page-test/map.png; with UPDATE_SCREENSHOTS=1 (`make screenshots`), docs/img/map.png (the README's). */
const SCREENSHOT = process.env.UPDATE_SCREENSHOTS === "1"
  ? path.join(REPO_ROOT, "docs", "img", "map.png")
  : path.join(REPO_ROOT, "target", "page-test", "map.png");
/** The map on a phone (375 px), Europe enlarged under the world: target/page-test/map-phone.png, or docs/img/map-phone.png (the README's) as above. */
const PHONE_SCREENSHOT = path.join(path.dirname(SCREENSHOT), "map-phone.png");

/** Theme colours (src/theme.rs). */
const LIGHT = { background: [0xff, 0xff, 0xff], top: [0x4a, 0x10, 0x03], land: [0xe9, 0xeb, 0xee], hatch: [0x5c, 0x5f, 0x66] };
const DARK = { background: [0x15, 0x17, 0x1a], top: [0xfd, 0xe4, 0xc8], land: [0x20, 0x23, 0x27], hatch: [0xa8, 0xad, 0xb5] };

/** What the chart says when the geometry could not be loaded (src/i18n.rs, map_failed and retry). */
const FAILED = { en: ["The map could not be loaded.", "Try again"], es: ["No se pudo cargar el mapa.", "Volver a intentarlo"] };

let server, browser;
before(async () => {
  await requireSite("pkg", `${MAP_BUILD}_bg.wasm`);
  server = await serve(DIST);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// ---------------------------------------------------------------- in the page

/**
 * What the map chart in host `id` shows around the points of places `codes`:
 * for each, { at: [x, y] (CSS px), hit, rgb: the pixel there, box: counts of
 * pixels within `r` CSS px that are each theme colour (±`tolerance` per channel) }.
 */
async function around([id, codes, r, colours, tolerance]) {
  const script = document.querySelector('script[type="module"][src]');
  const m = await import(script.src);
  const handles = m.charts instanceof Map ? [...m.charts.values()] : m.chart ? [m.chart] : [];
  const chart = handles.find((c) => c.canvas?.getRootNode()?.host?.id === id);
  const canvas = chart.canvas;
  // The picture: the bitmap's top-left part that the canvas shows (where the
  // browser has object-view-box, the bitmap may be larger: src/web/hidpi.rs).
  const [vt = 0, vr = vt, vb = vt, vl = vr] = (getComputedStyle(canvas).objectViewBox ?? "").match(/[\d.]+/g)?.map(Number) ?? [];
  const width = canvas.width - vr - vl;
  const height = canvas.height - vt - vb;
  const ratio = width / canvas.getBoundingClientRect().width;
  const ctx = canvas.getContext("2d");
  const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);
  const out = {};
  for (const code of codes) {
    const at = chart.pointOf(code);
    if (!at) {
      out[code] = null;
      continue;
    }
    const [x, y] = [at[0], at[1]];
    const px = ctx.getImageData(Math.floor(x * ratio), Math.floor(y * ratio), 1, 1).data;
    const x0 = Math.max(0, Math.floor((x - r) * ratio));
    const y0 = Math.max(0, Math.floor((y - r) * ratio));
    const side = Math.ceil(2 * r * ratio);
    const data = ctx.getImageData(x0, y0, side, side).data;
    const box = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
    // Also each pixel counted once, as the colour it is nearest (within a
    // distance of 130: the land tone and the hatching are about 245 apart, so
    // a pixel half of each counts as one of them): a 1 px line is mostly
    // anti-aliased, so its exact pixels depend on where it falls.
    const nearest = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
    const distance = (a, b) => Math.hypot(...a.map((v, i) => v - b[i]));
    for (let i = 0; i < data.length; i += 4) {
      const rgb = [data[i], data[i + 1], data[i + 2]];
      for (const [name, c] of Object.entries(colours)) if (near(rgb, c)) box[name]++;
      const [best, d] = Object.entries(colours).map(([name, c]) => [name, distance(rgb, c)]).reduce((a, b) => (b[1] < a[1] ? b : a));
      if (d <= 130) nearest[best]++;
    }
    out[code] = { at: [x, y], hit: chart.hitTest(x, y), rgb: [px[0], px[1], px[2]], box, nearest, ratio, colour: chart.barColor(code) };
  }
  return out;
}

// ---------------------------------------------------------------- in node

/** The requests of session `s` for a file named `name`. */
function requestsOf(s, name) {
  return s.requests.filter((u) => new URL(u).pathname.endsWith(name));
}

/** Opens `url` (under the site) and waits until its charts are mounted or failed; returns the session. */
async function open(url, { width = 1000, height = 900, deviceScaleFactor = 1, colorScheme = "light", routes } = {}) {
  const s = await openPage(browser, { width, height, deviceScaleFactor });
  await s.context.emulateMedia?.({ colorScheme });
  await s.page.emulateMedia({ colorScheme });
  if (routes) await routes(s.page);
  await s.page.goto(new URL(url, server.url).href);
  await s.page.waitForSelector('html[data-careto-viz-state]:not([data-careto-viz-state="loading"])', { state: "attached", timeout: 30_000 });
  return s;
}

describe("the map's picture, where the layout says", () => {
  for (const [theme, colours, scale] of [["light", LIGHT, 1], ["dark", DARK, 1], ["light", LIGHT, 2]]) {
    it(`embed.html?view=map, ${theme}, ${scale}x: Morocco in the 200+ colour, Gibraltar's marker, China hatched, Australia neutral`, async () => {
      const s = await open(`embed.html?view=map&theme=${theme}`, { width: 700, deviceScaleFactor: scale });
      try {
        const got = await s.page.evaluate(around, ["chart", ["MAR", "GIB", "CHN", "AUS", "CUB"], 6, colours, 6]);
        const { MAR, GIB, CHN, AUS } = got;
        assert.equal(MAR.ratio, scale, "the bitmap's pixels per CSS px");
        assert.deepEqual(MAR.rgb, colours.top, `Morocco at ${MAR.at}`);
        assert.equal(MAR.hit, "country:MAR");
        assert.equal(MAR.colour, `#${colours.top.map((c) => c.toString(16).padStart(2, "0")).join("")}`);
        // Gibraltar: a marker (hatched: no count) in a ring of the background, on Spain's coast.
        assert.equal(GIB.hit, "country:GIB");
        // (The hatching counted by nearest colour: 1 px lines. The ring of the
        // background is 1.5 px wide, its inner half under the marker's 1 px
        // outline: at 1x anti-aliasing leaves a few exact pixels of it (7
        // measured), at 2x a band (34 measured).)
        assert.ok(GIB.nearest.hatch >= 6 * scale * scale, `Gibraltar's marker: ${JSON.stringify(GIB)}`);
        assert.ok(GIB.box.background >= (scale === 1 ? 4 : 24), `Gibraltar's marker's ring: ${JSON.stringify(GIB)}`);
        // China: affected, no count: the land tone crossed by the hatching.
        assert.equal(CHN.hit, "country:CHN");
        assert.ok(CHN.box.land >= 20 * scale * scale && CHN.nearest.hatch >= 8 * scale * scale, `China's hatching: ${JSON.stringify(CHN)}`);
        // Australia: nothing reported: the neutral tone, no hatching, no item.
        assert.deepEqual(AUS.rgb, colours.land, `Australia at ${AUS.at}`);
        assert.equal(AUS.hit, undefined);
        assert.equal(AUS.box.hatch, 0, `Australia is not hatched: ${JSON.stringify(AUS)}`);
        assert.deepEqual(s.problems, []);
      } finally {
        await s.context.close();
      }
    });
  }

  it("embed.html?view=map: each run of shapes in one style is one canvas path (the borders one stroke, the hatching another)", async () => {
    // src/web/hidpi.rs gathers a run of opaque paths or polygons in one
    // style into one canvas path. Counted here on the map's page (the busy
    // state, then the map): 883 strokes and 287 fills when each border,
    // hatch line and land polygon was a path of its own, each rasterised on
    // its own; 10 and 53 with the runs, the same 10,339 points.
    const s = await openPage(browser, { width: 1000, height: 900 });
    try {
      await s.context.addInitScript(() => {
        const counts = (globalThis.__paths = { fill: 0, stroke: 0, points: 0 });
        const proto = CanvasRenderingContext2D.prototype;
        for (const name of ["fill", "stroke"]) {
          const f = proto[name];
          proto[name] = function (...args) {
            counts[name]++;
            return f.apply(this, args);
          };
        }
        const lineTo = proto.lineTo;
        proto.lineTo = function (...args) {
          counts.points++;
          return lineTo.apply(this, args);
        };
      });
      await s.page.goto(new URL("embed.html?view=map", server.url).href);
      await s.page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      const counts = await s.page.evaluate(() => globalThis.__paths);
      // Every border and coast is drawn: its points are all there.
      assert.ok(counts.points > 8_000, `the world's points: ${JSON.stringify(counts)}`);
      // The map's picture: a fill per run of one colour (the land, five
      // classes, the markers' discs), a stroke for the borders, one for the
      // hatching, a few for the markers and the legend's swatches.
      assert.ok(counts.stroke <= 20, `strokes: ${JSON.stringify(counts)}`);
      assert.ok(counts.fill <= 80, `fills: ${JSON.stringify(counts)}`);
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  });

  it("hit-testing at known points: a marker's disc, its 12 px reach at sea, a shape under it, outside the map", async () => {
    const s = await open("embed.html?view=map", { width: 700 });
    try {
      const hits = await s.page.evaluate(async () => {
        const { chart } = await import(document.querySelector('script[type="module"][src]').src);
        const [gx, gy] = chart.pointOf("GIB");
        const [sx, sy] = chart.pointOf("CHE");
        return {
          // Its disc (6 px), then its 12 px reach in the Atlantic to its west.
          gib: [[0, 0], [5, 0], [-11.5, 0], [-8, 6]].map(([dx, dy]) => chart.hitTest(gx + dx, gy + dy)),
          // 10 px north is Spain, drawn there: the reach never takes a tap from a shape.
          north: chart.hitTest(gx, gy - 10),
          far: chart.hitTest(gx - 30, gy + 40),
          che: chart.hitTest(sx + 3, sy - 3),
          corner: chart.hitTest(1, 1),
          outside: chart.hitTest(-5, 9999),
        };
      });
      assert.deepEqual(hits.gib, ["country:GIB", "country:GIB", "country:GIB", "country:GIB"], "on Gibraltar's marker, and within 12 px of it at sea");
      assert.equal(hits.north, "country:ESP", "in Spain, 10 px from Gibraltar's marker");
      assert.notEqual(hits.far, "country:GIB", "30 px away is not Gibraltar");
      assert.equal(hits.che, "country:CHE", "Switzerland's marker");
      assert.deepEqual([hits.corner, hits.outside], [undefined, undefined]);
    } finally {
      await s.context.close();
    }
  });
});

describe("a reader on the map", () => {
  it("hover, tap, keyboard, live region, summary, table, PNG and CSV", async () => {
    const s = await open("embed.html?view=map", { width: 700 });
    const { page } = s;
    try {
      const state = () => page.evaluate(chartState, "chart");
      const at = async (code) => {
        const [x, y] = await page.evaluate(async (c) => {
          const { chart } = await import(document.querySelector('script[type="module"][src]').src);
          const r = chart.canvas.getBoundingClientRect();
          const p = chart.pointOf(c);
          return [r.left + p[0], r.top + p[1]];
        }, code);
        return { x, y };
      };
      // The summary says where, by region, counted from the data.
      const summary = await page.evaluate(() => document.getElementById("chart").shadowRoot.querySelector(".cv-sr[id]").textContent);
      // The headline figures first, as in every chart (issue 15.2), then where.
      assert.match(summary, /^31 countries · over 380 unique victims · more than 1,000 victim IP addresses\. Kaspersky \(S1\), 10 February 2014\. The real totals may be much higher/);
      assert.match(summary, /\. The Mask \(Careto\): 31 countries affected, 10 in the Americas \(9 in Latin America and the Caribbean, 1 in Northern America\), 9 in Europe/);
      assert.match(summary, /Every other country on the map: no victims reported\./);
      // Hover Morocco.
      const mar = await at("MAR");
      await page.mouse.move(mar.x - 1, mar.y);
      await page.mouse.move(mar.x, mar.y);
      const tip = await until(async () => (await state()).tip, "no tooltip over Morocco");
      assert.match(tip, /^Morocco/);
      assert.match(tip, /384, almost certainly victim IP addresses/, "the bars' hedged measure (issue 15.1)");
      assert.equal((await state()).cursor, "pointer");
      // The README's picture: the map with Morocco's tooltip, as a reader sees it.
      await mkdir(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      assert.ok((await stat(SCREENSHOT)).size > 20_000, `${SCREENSHOT} is too small to be the map`);
      // Tap within 12 px of Gibraltar's marker, at sea to its west (a touch screen).
      const gib = await at("GIB");
      await page.mouse.move(0, 0);
      await page.touchscreen?.tap?.(gib.x - 9, gib.y + 3).catch(() => {});
      await page.evaluate(([x, y]) => {
        const canvas = document.getElementById("chart").shadowRoot.querySelector("canvas");
        const r = canvas.getBoundingClientRect();
        canvas.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, composed: true, pointerType: "touch", clientX: x, clientY: y, offsetX: x - r.left, offsetY: y - r.top }));
      }, [gib.x - 9, gib.y + 3]);
      await until(async () => /^Gibraltar/.test((await state()).tip ?? ""), "tapping near Gibraltar's marker shows its tooltip");
      // Keyboard: one tab stop; arrows go largest count first, then the no-count countries alphabetically.
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.getElementById("chart").shadowRoot.activeElement?.localName), "canvas");
      const said = [];
      for (const key of ["ArrowDown", "ArrowDown", "End", "Home"]) {
        const before = (await state()).live;
        await page.keyboard.press(key);
        said.push(await until(async () => {
          const live = (await state()).live;
          return live && (live !== before || key === "Home") ? live : null;
        }, `${key} announced nothing`));
      }
      // One short line per move (issue 16): name, figure with its measure, place.
      assert.equal(said[0], "Morocco, 384, almost certainly victim IP addresses, 1 of 11");
      assert.match(said[1], /^Brazil, 137, .*, 2 of 11$/);
      assert.equal(said[2], "Venezuela, no count published, 20 of 20 without a count", "the last: the no-count countries alphabetically");
      assert.match(said[3], /^Morocco, /);
      // Enter: the details, said as sentences, and the tooltip shown.
      await page.keyboard.press("Enter");
      const details = await until(async () => {
        const live = (await state()).live;
        return /^Morocco\. 384, almost certainly victim IP addresses\. /.test(live ?? "") ? live : null;
      }, "Enter said no details");
      assert.match(details, /Sources: S1/);
      await until(async () => /^Morocco/.test((await state()).tip ?? ""), "Enter shows Morocco's tooltip");
      await page.keyboard.press("Escape");
      // The table: the bars' 31 rows.
      await page.locator("#chart .cv-tools button[aria-controls]").click();
      await until(async () => (await state()).rows === 31, "Show data shows the 31 countries");
      // The downloads: the CSV is the bars' countries; the PNG is the map.
      const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("#chart .cv-tools button", { hasText: "CSV" }).click()]);
      assert.equal(csv.suggestedFilename(), "the-mask-careto-map.csv");
      const text = await readFile(await csv.path(), "utf8");
      assert.match(text, /"Morocco";?,?"384"|"Morocco","384"/);
      assert.equal(text.trim().split("\n").length, 32, "a header and 31 countries");
      const [png] = await Promise.all([page.waitForEvent("download"), page.locator("#chart .cv-tools button", { hasText: "PNG" }).click()]);
      assert.equal(png.suggestedFilename(), "the-mask-careto-map.png");
      const bytes = await readFile(await png.path());
      assert.deepEqual([...bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(""), "PNG");
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  });

  it("in Spanish and dark: the words, the summary and the tooltip", async () => {
    const s = await open("embed.html?view=map&lang=es&theme=dark", { width: 700, colorScheme: "dark" });
    try {
      const words = await s.page.evaluate(() => {
        const root = document.getElementById("chart").shadowRoot;
        return { label: root.querySelector("canvas").getAttribute("aria-label"), summary: root.querySelector(".cv-sr[id]").textContent, lang: root.querySelector("figure").lang };
      });
      assert.equal(words.lang, "es");
      assert.match(words.label, /^The Mask \(Careto\)/);
      assert.match(words.summary, /^31 países · más de 380 víctimas únicas · más de 1\.000 direcciones IP de víctimas\. /);
      assert.match(words.summary, /\. The Mask \(Careto\): 31 países afectados, 10 en las Américas/);
      const got = await s.page.evaluate(around, ["chart", ["MAR"], 2, DARK, 6]);
      assert.deepEqual(got.MAR.rgb, DARK.top);
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  });

  for (const width of [320, 375, 768, 1280]) {
    it(`at ${width} px: no overflow, Morocco where the layout says`, async () => {
      const s = await open("embed.html?view=map", { width });
      try {
        const box = await s.page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          inner: innerWidth,
          canvas: document.getElementById("chart").shadowRoot.querySelector("canvas").getBoundingClientRect().width,
        }));
        assert.ok(box.scroll <= box.inner && box.canvas <= box.inner, JSON.stringify(box));
        const got = await s.page.evaluate(around, ["chart", ["MAR"], 1, LIGHT, 6]);
        assert.equal(got.MAR.hit, "country:MAR");
        assert.deepEqual(got.MAR.rgb, LIGHT.top);
      } finally {
        await s.context.close();
      }
    });
  }

  it("at 375 px: Western Europe drawn again under the world, larger: its countries shapes in their colours where the layout says, Gibraltar's dot there", async () => {
    const s = await open("embed.html?view=map", { width: 375 });
    try {
      const got = await s.page.evaluate(around, ["chart", ["CHE", "FRA", "GBR", "ESP", "BEL", "GIB", "ZAF"], 3, LIGHT, 6]);
      const hex = (rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
      for (const code of ["CHE", "FRA", "GBR", "ESP", "BEL", "GIB"]) {
        // Under the whole world (South Africa's point is on it).
        assert.ok(got[code].at[1] > got.ZAF.at[1] + 20, `${code} at ${got[code].at}, South Africa at ${got.ZAF.at}`);
        assert.equal(got[code].hit, `country:${code}`);
      }
      // A count: the class's colour all around the point (a shape, not a 4.5 px dot).
      for (const code of ["CHE", "FRA", "GBR", "ESP"]) {
        assert.equal(hex(got[code].rgb), got[code].colour, `${code}: ${JSON.stringify(got[code])}`);
      }
      // No count: Belgium hatched, and Gibraltar's dot.
      assert.ok(got.BEL.nearest.hatch >= 3 && got.BEL.box.land >= 3, `Belgium: ${JSON.stringify(got.BEL)}`);
      assert.ok(got.GIB.nearest.hatch >= 3, `Gibraltar: ${JSON.stringify(got.GIB)}`);
      assert.deepEqual(s.problems, []);
      // The README's picture of the map on a phone.
      await mkdir(path.dirname(PHONE_SCREENSHOT), { recursive: true });
      await s.page.screenshot({ path: PHONE_SCREENSHOT, fullPage: true });
      assert.ok((await stat(PHONE_SCREENSHOT)).size > 20_000, `${PHONE_SCREENSHOT} is too small to be the map`);
    } finally {
      await s.context.close();
    }
  });

  for (const colorScheme of ["light", "dark"]) {
    it(`${colorScheme}, 375 px: the country under the pointer outlined over the map, in the world and in the inset, a marker ringed; the map not drawn again; the outline follows a new width and goes with the tooltip`, async () => {
      const s = await open("embed.html?view=map", { width: 375, height: 1000, colorScheme });
      const { page } = s;
      try {
        /** The chart's canvas and the outline's over it: boxes, the map's fingerprint, the outline's opaque pixels (CSS px), the text colour. */
        const look = () => page.evaluate(async () => {
          const { chart } = await import(document.querySelector('script[type="module"][src]').src);
          const root = document.getElementById("chart").shadowRoot;
          const o = root.querySelector("canvas.cv-outline");
          const box = (e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; };
          const out = { canvas: box(chart.canvas), text: getComputedStyle(root.querySelector(".cv")).getPropertyValue("--cv-text").trim(), tip: root.querySelector(".cv-tip:not([hidden]) b")?.textContent ?? null };
          const data = chart.canvas.getContext("2d").getImageData(0, 0, chart.canvas.width, chart.canvas.height).data;
          let h = 2166136261;
          for (let i = 0; i < data.length; i++) h = Math.imul(h ^ data[i], 16777619);
          out.map = h >>> 0;
          out.points = Object.fromEntries(["FRA", "GBR", "GIB"].map((c) => [c, [...chart.pointOf(c)]]));
          if (!o) return out;
          out.outline = box(o);
          out.opaque = [];
          out.colours = [];
          // Emptied: a bitmap of no width (world.js).
          if (!o.width || !o.height) return out;
          const k = o.width / o.getBoundingClientRect().width;
          const px = o.getContext("2d").getImageData(0, 0, o.width, o.height).data;
          out.colours = new Set();
          for (let i = 0; i < px.length; i += 4) {
            if (px[i + 3] < 200) continue;
            const j = i / 4;
            out.opaque.push([(j % o.width) / k, Math.floor(j / o.width) / k]);
            out.colours.add(`#${[px[i], px[i + 1], px[i + 2]].map((c) => c.toString(16).padStart(2, "0")).join("")}`);
          }
          out.colours = [...out.colours];
          return out;
        });
        const at = async (code) => {
          const v = await look();
          return [v.canvas[0] + v.points[code][0], v.canvas[1] + v.points[code][1]];
        };
        const before = await look();
        assert.equal(before.outline, undefined, "an outline before any pointer");
        // France (its anchor is in the inset at this width).
        const [fx, fy] = await at("FRA");
        await page.mouse.move(fx - 1, fy);
        await page.mouse.move(fx, fy);
        await until(async () => (await look()).tip === "France", "no tooltip over France");
        const france = await look();
        assert.deepEqual(france.outline, france.canvas, "the outline's canvas lies over the map's");
        assert.equal(france.map, before.map, "the map itself was not drawn again");
        // (Edge pixels, not quite opaque, round a channel by one.)
        const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        assert.ok(france.colours.every((c) => rgb(c).every((v, i) => Math.abs(v - rgb(france.text)[i]) <= 2)), `the outline is in the text's colour, ${france.text}: ${france.colours}`);
        const [ix, iy] = france.points.FRA;
        const near = france.opaque.filter(([x, y]) => Math.hypot(x - ix, y - iy) < 80);
        // The world's France is far above the inset's (at 375 px, about 200 px).
        const world = france.opaque.filter(([, y]) => y < iy - 120);
        assert.ok(near.length > 150, `France outlined in the inset: ${near.length} px`);
        assert.ok(world.length > 20, `France outlined on the world too: ${world.length} px`);
        assert.ok(france.opaque.every(([x]) => x >= 0 && x <= france.canvas[2]), "inside the chart");
        // Straight on to the United Kingdom (above France: its tooltip is below the pointer): France's outline goes.
        const [ux, uy] = await at("GBR");
        await page.mouse.move(ux, uy);
        await until(async () => (await look()).tip === "United Kingdom", "no tooltip over the United Kingdom");
        const uk = await look();
        const ukPixels = new Set(uk.opaque.map(String));
        const left = france.opaque.filter((p) => ukPixels.has(String(p)));
        assert.ok(uk.opaque.length > 100 && left.length < france.opaque.length / 20, `France's outline left behind: ${left.length} of ${france.opaque.length} px`);
        // Off the map: the tooltip goes, and the outline with it.
        const gone = async () => {
          await page.mouse.move(2, 2);
          await until(async () => {
            const v = await look();
            return v.tip === null && v.opaque.length === 0;
          }, "the outline stayed after the tooltip went");
        };
        await gone();
        // Gibraltar, a marker: a ring 8 px round its centre, nothing at its centre.
        const [gx, gy] = await at("GIB");
        await page.mouse.move(gx, gy);
        await until(async () => (await look()).tip === "Gibraltar", "no tooltip over Gibraltar");
        const gib = await look();
        const [cx, cy] = gib.points.GIB;
        const distances = gib.opaque.map(([x, y]) => Math.hypot(x + 0.5 - cx, y + 0.5 - cy));
        assert.ok(distances.length > 30 && distances.every((d) => d >= 6 && d <= 10.5), `Gibraltar's ring: ${distances.length} px, ${Math.min(...distances)}-${Math.max(...distances)} px from its centre`);
        assert.equal(gib.map, before.map, "hovering Gibraltar drew the map again");
        // A new width under the still pointer: Gibraltar's marker moves from
        // under it, and the tooltip and the outline are of what is under it
        // now, as :hover does (until 2026-12-06 Gibraltar's stayed).
        await page.setViewportSize({ width: 414, height: 1000 });
        const wider = await until(async () => {
          const v = await look();
          return v.canvas[2] > 400 && v.outline?.[2] === v.canvas[2] && v.tip !== "Gibraltar" ? v : null;
        }, "the tooltip and the outline did not follow the chart to 414 px");
        const [wx, wy] = wider.points.GIB;
        assert.notDeepEqual([wx, wy], [cx, cy], "Gibraltar's marker moved with the width");
        const under = await page.evaluate(async ([x, y]) => {
          const { chart } = await import(document.querySelector('script[type="module"][src]').src);
          const r = chart.canvas.getBoundingClientRect();
          return chart.hitTest(x - r.x, y - r.y) ?? null;
        }, [gx, gy]);
        assert.notEqual(under, "country:GIB", "Gibraltar is still under the pointer: the test shows nothing");
        if (under === null) assert.equal(wider.tip, null, "a tooltip where nothing is under the pointer");
        else assert.ok(wider.tip !== null && wider.opaque.length > 30, `no tooltip or outline of ${under}, under the pointer: ${wider.tip}, ${wider.opaque.length} px`);
        // Off the map (the tooltip under the pointer may cover Gibraltar's new place), then onto Gibraltar where it is now: its ring there.
        await gone();
        await page.mouse.move(wider.canvas[0] + wx, wider.canvas[1] + wy);
        const ringed = await until(async () => {
          const v = await look();
          return v.tip === "Gibraltar" ? v : null;
        }, "no tooltip over Gibraltar at 414 px");
        assert.ok(ringed.opaque.length > 30 && ringed.opaque.every(([x, y]) => Math.hypot(x + 0.5 - wx, y + 0.5 - wy) <= 10.5), "Gibraltar's ring where its marker now is");
        await gone();
        assert.deepEqual(s.problems, []);
      } finally {
        await s.context.close();
      }
    });
  }

  it("axe finds no serious or critical violation on embed.html?view=map (table open)", async () => {
    const s = await open("embed.html?view=map", { width: 700 });
    try {
      await s.page.locator("#chart .cv-tools button[aria-controls]").click();
      await s.page.evaluate(await readFile(require.resolve("axe-core"), "utf8"));
      const results = await s.page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" >>> ")).join(", ")}`), []);
    } finally {
      await s.context.close();
    }
  });
});

describe("loading the map", () => {
  it("index.html: the map build and its geometry come after the bars' first frame, once", async () => {
    const s = await openPage(browser, { width: 1000, height: 900 });
    try {
      await s.context.addInitScript(() => {
        // The first chart's first frame: when the first chart element is marked ready.
        new MutationObserver((_, o) => {
          if (document.querySelector('[data-careto-viz-state="ready"]') && window.__firstReady === undefined) {
            window.__firstReady = performance.now();
            requestAnimationFrame(() => (window.__firstFrame = performance.now()));
            o.disconnect();
          }
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-careto-viz-state"] });
      });
      await s.page.goto(new URL("index.html", server.url).href);
      await s.page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      const timing = await s.page.evaluate(() => {
        const starts = Object.fromEntries(performance.getEntriesByType("resource").map((e) => [new URL(e.name).pathname.split("/").pop(), e.startTime]));
        return { starts, firstReady: window.__firstReady, firstFrame: window.__firstFrame, map: document.getElementById("careto-map").getAttribute("data-careto-viz-state") };
      });
      assert.equal(timing.map, "ready");
      for (const f of [`${MAP_BUILD}.js`, `${MAP_BUILD}_bg.wasm`, GEOMETRY]) {
        assert.ok(timing.starts[f] > timing.firstFrame, `${f} requested at ${timing.starts[f]} ms, before the bars' first frame at ${timing.firstFrame} ms`);
        assert.equal(requestsOf(s, f).length, 1, `${f} requested once`);
      }
      assert.ok(timing.starts["careto_viz_bg.wasm"] < timing.firstReady, "the bars keep the article build");
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  });

  it("three maps on one page, one in Spanish: the geometry is fetched once, and each language's map build once", async () => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>maps</title>
<link rel="stylesheet" href="../careto-viz.css"><link rel="stylesheet" href="../careto-viz-map.css"></head><body>
<div id="a" data-careto-viz="map"></div><div id="b" data-careto-viz="map" data-lang="es"></div><div id="c" data-view="map" data-theme="dark"></div>
<script type="module" src="../careto-viz-embed.js"></script></body></html>`;
    const s = await openPage(browser, { width: 800, height: 900 });
    try {
      await s.page.route(/\/embed\/three-maps\.html$/, (r) => r.fulfill({ contentType: "text/html", body: html }));
      await s.page.goto(new URL("embed/three-maps.html", server.url).href);
      await until(() => s.page.evaluate(() => [...document.querySelectorAll("[data-careto-viz]")].every((e) => e.getAttribute("data-careto-viz-state") === "ready")), "three maps drawn", 30_000);
      for (const f of [GEOMETRY, `${MAP_BUILD}_bg.wasm`, `${MAP_BUILD}.js`, `${MAP_BUILD}_es_bg.wasm`, `${MAP_BUILD}_es.js`]) assert.equal(requestsOf(s, f).length, 1, `${f} requested once`);
      assert.match(await s.page.evaluate(() => document.getElementById("b").shadowRoot.querySelector("canvas").getAttribute("aria-label")), /dónde están/, "the Spanish map is drawn in Spanish");
      assert.deepEqual(requestsOf(s, "careto_viz_bg.wasm"), [], "no article build on a page of maps only");
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  });

  it("a map mounted once its geometry has arrived is drawn in mount(), with no busy state", async () => {
    const s = await openPage(browser, { width: 800, height: 900 });
    try {
      await s.page.goto(new URL("embed.html?view=bars", server.url).href);
      await s.page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      const seen = await s.page.evaluate(async ([build, geometry, top]) => {
        const url = new URL(`pkg/${build}.js`, location.href).href;
        const module = await import(url);
        await module.default();
        // The build's own download (started as it loaded), arrived.
        await globalThis[Symbol.for("careto-viz.geometry")].get(new URL(`pkg/${geometry}`, location.href).href);
        await new Promise((resolve) => setTimeout(resolve, 0));
        const div = document.createElement("div");
        div.style.width = "640px";
        document.body.append(div);
        const changes = [];
        new MutationObserver((records) => changes.push(...records.map((r) => r.attributeName))).observe(div, { attributes: true });
        const chart = module.mount(div, { view: "map", lang: "en", theme: "light" });
        // Synchronously, before any task or microtask: drawn, marked, no note.
        const p = chart.pointOf("MAR");
        const k = devicePixelRatio || 1;
        const px = [...chart.canvas.getContext("2d").getImageData(Math.floor(p[0] * k), Math.floor(p[1] * k), 1, 1).data].slice(0, 3);
        const out = { mounted: div.hasAttribute("data-careto-viz-mounted"), note: div.shadowRoot.querySelector(".cv-note") !== null, morocco: px, top };
        await chart.drawn();
        await new Promise((resolve) => setTimeout(resolve, 0));
        out.changes = changes;
        chart.destroy();
        return out;
      }, [MAP_BUILD, GEOMETRY, LIGHT.top]);
      assert.equal(seen.mounted, true, "drawn in mount()");
      assert.equal(seen.note, false, "no busy note");
      assert.deepEqual(seen.morocco, seen.top, "Morocco in the 200+ colour, right after mount()");
      assert.ok(!seen.changes.includes("aria-busy"), `never busy: ${seen.changes.join(", ")}`);
      assert.equal(requestsOf(s, GEOMETRY).length, 1);
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  });

  // In the page: mounts a map (the map build imported and initialised) in a
  // div with a reserved height, logs what it shows after every change of its
  // element or shadow root, and resolves once it is drawn: { log, drawnAt }
  // (times in ms after mount()). Once mounted it calls window.mountedMap, which
  // the test exposes to release the geometry it holds back.
  function mountMapAndWatch([build]) {
    return (async () => {
      const module = await import(new URL(`pkg/${build}.js`, location.href).href);
      await module.default();
      const div = document.createElement("div");
      div.style.width = "640px";
      div.style.minHeight = "500px"; // the height a page reserves (careto-viz-map.css)
      document.body.append(div);
      const log = [];
      let t0 = 0;
      const snap = () => {
        const root = div.shadowRoot;
        const note = root?.querySelector(".cv-note");
        const shown = (e) => !!e && getComputedStyle(e).display !== "none" && e.getBoundingClientRect().height > 0;
        log.push({
          t: performance.now() - t0,
          busy: div.getAttribute("aria-busy"),
          note: shown(note) ? note.querySelector("p").textContent : null,
          role: note?.querySelector("p").getAttribute("role") ?? null,
          canvas: shown(root?.querySelector("canvas")),
          tools: shown(root?.querySelector(".cv-tools")),
          live: root?.querySelector("[aria-live]")?.textContent ?? null,
        });
      };
      const observer = new MutationObserver(snap);
      observer.observe(div, { attributes: true, childList: true, subtree: true, characterData: true });
      t0 = performance.now();
      const chart = module.mount(div, { view: "map", lang: "en", theme: "light" });
      observer.observe(div.shadowRoot, { attributes: true, childList: true, subtree: true, characterData: true });
      snap();
      window.mountedMap?.();
      await chart.drawn();
      const drawnAt = performance.now() - t0;
      await new Promise((resolve) => setTimeout(resolve, 50));
      snap();
      observer.disconnect();
      chart.destroy();
      return { log, drawnAt };
    })();
  }

  /**
   * A map mounted (mountMapAndWatch) on embed.html?view=bars, its geometry
   * held back until `ms` after mount(): { log, drawnAt, problems }.
   */
  async function mapWithGeometryHeld(ms) {
    const s = await openPage(browser, { width: 800, height: 900 });
    try {
      await s.page.goto(new URL("embed.html?view=bars", server.url).href);
      await s.page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      let release;
      const released = new Promise((resolve) => (release = resolve));
      await s.page.exposeFunction("mountedMap", () => {
        setTimeout(release, ms);
      });
      await s.page.route(`**/${GEOMETRY}`, async (r) => {
        await released;
        await r.continue();
      });
      const { log, drawnAt } = await s.page.evaluate(mountMapAndWatch, [MAP_BUILD]);
      return { log, drawnAt, problems: s.problems };
    } finally {
      await s.context.close();
    }
  }

  it("a map waiting for its geometry is busy at once, says \"Loading the map…\" only after 300 ms, then draws", async () => {
    // Held back until 1.5 s after mount(): busy, then the note, then the map.
    {
      const { log, drawnAt } = await mapWithGeometryHeld(1_500);
      const first = log[0];
      assert.deepEqual([first.busy, first.note, first.canvas, first.tools], ["true", null, false, false], `at mount(): busy, no note, neither an empty canvas nor buttons: ${JSON.stringify(first)}`);
      const noted = log.find((e) => e.note !== null);
      assert.ok(noted, `the note never showed: ${JSON.stringify(log)}`);
      assert.ok(noted.t >= 290, `the note showed ${noted.t.toFixed(0)} ms after mount(), before 300 ms`);
      assert.deepEqual([noted.note, noted.role, noted.live, noted.busy], ["Loading the map…", "status", "Loading the map…", "true"]);
      assert.ok(drawnAt >= 1_000, `drawn ${drawnAt.toFixed(0)} ms after mount(): was the geometry held back?`);
      const last = log.at(-1);
      assert.deepEqual([last.busy, last.note, last.canvas, last.tools, last.live], [null, null, true, true, ""], `drawn: ${JSON.stringify(last)}`);
    }
    // Released as soon as the map is mounted: drawn within 300 ms, the note never shows.
    {
      const { log, drawnAt, problems } = await mapWithGeometryHeld(0);
      assert.equal(log[0].busy, "true", "busy at mount(): the geometry was held until then");
      if (drawnAt < 290) {
        assert.ok(log.every((e) => e.note === null), `drawn ${drawnAt.toFixed(0)} ms after mount(), yet the note showed: ${JSON.stringify(log)}`);
      } else {
        console.log(`  drawn only ${drawnAt.toFixed(0)} ms after mount() (a slow machine): the note may show, not checked`);
      }
      const last = log.at(-1);
      assert.deepEqual([last.busy, last.note, last.canvas], [null, null, true]);
      assert.deepEqual(problems, []);
    }
  });

  for (const [build, view, name, title] of [
    [MAP_BUILD, "map", "careto_viz_map.js, the map build", /^The Mask \(Careto\): where the 31 affected countries are/],
    ["careto_viz_profile", "profile", "careto_viz_profile.js, the profile build", /^The Mask \(Careto\): who and what was targeted$/],
  ]) {
    it(`the ${view} build draws the ${view} only: no view is the ${view}; bars and the timeline are refused, naming the builds that draw them, and the chart stays`, async () => {
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${view} build</title></head><body><div id="m" style="width:640px"></div><div id="n"></div></body></html>`;
      const s = await openPage(browser, { width: 800, height: 900 });
      try {
        await s.page.route(/\/embed\/one-view\.html$/, (r) => r.fulfill({ contentType: "text/html", body: html }));
        await s.page.goto(new URL("embed/one-view.html", server.url).href);
        const out = await s.page.evaluate(async (build) => {
          const m = await import(new URL(`../pkg/${build}.js`, location.href).href);
          await m.default();
          const chart = m.mount(document.getElementById("m"), {});
          await chart.drawn();
          const title = chart.canvas.getAttribute("aria-label");
          const refused = {};
          for (const view of ["bars", "timeline"]) {
            try {
              chart.update({ view });
              refused[view] = null;
            } catch (error) {
              refused[view] = error.message;
            }
          }
          let mounting = null;
          try {
            m.mount(document.getElementById("n"), { view: "bars" });
          } catch (error) {
            mounting = error.message;
          }
          const at = chart.pointOf?.("MAR");
          return {
            title,
            refused,
            mounting,
            after: chart.canvas.getAttribute("aria-label"),
            hit: at ? chart.hitTest(at[0], at[1]) : null,
            empty: document.getElementById("n").shadowRoot?.childElementCount ?? 0,
          };
        }, build);
        assert.match(out.title, title, `a mount without a view draws the ${view}`);
        const refusal = (v) =>
          `careto-viz: view: "${v}": this build of careto-viz (${name}) draws the ${view} only; load the article build, careto_viz.js next to it, or the full build, careto_viz_full.js`;
        assert.deepEqual(out.refused, { bars: refusal("bars"), timeline: refusal("timeline") });
        assert.equal(out.mounting, refusal("bars"), "mount refuses the bars too");
        assert.equal(out.after, out.title, "the chart on screen stays");
        if (view === "map") assert.equal(out.hit, "country:MAR", "and still answers");
        assert.equal(out.empty, 0, "the refused mount left nothing behind");
        assert.deepEqual(s.problems, []);
      } finally {
        await s.context.close();
      }
    });
  }

  it("pages without a map request no byte of the map's code or geometry", async () => {
    // A page of placeholders for the compiled-in campaign, the article's views
    // (cms-script.html also holds a newsroom's own campaign, which needs the
    // full build: that build carries the map's code, as issue 14.7 asks; a
    // profile is drawn by a build of its own: see the next test).
    const placeholders = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>no map</title>
<link rel="stylesheet" href="../careto-viz.css"></head><body>
<div id="a" data-careto-viz="bars"></div><div id="b" data-careto-viz="timeline" data-lang="es"></div><div id="c" data-careto-viz="bars" data-theme="dark"></div>
<script type="module" src="../careto-viz-embed.js"></script></body></html>`;
    for (const url of ["index.html?no-map", "embed.html?view=bars", "embed/placeholders.html"]) {
      const s = await openPage(browser, { width: 1000, height: 900 });
      try {
        if (url.startsWith("index.html")) await withoutMap(s.page);
        await s.page.route(/\/embed\/placeholders\.html$/, (r) => r.fulfill({ contentType: "text/html", body: placeholders }));
        const network = watchNetwork(s.page);
        await s.page.goto(new URL(url, server.url).href);
        await s.page.waitForSelector('html[data-careto-viz-state="ready"], [data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
        const all = () => s.page.evaluate(() => [...document.querySelectorAll("[data-careto-viz],.careto-chart[data-view]")].every((e) => e.getAttribute("data-careto-viz-state") === "ready"));
        await until(all, `${url}: every chart drawn`, 30_000);
        if (!url.startsWith("embed/")) await useEveryFeature(s.page);
        await network.idle();
        const map = s.requests.filter((u) => /careto_viz_map|world-110m|pkg-full|careto-viz-map\.css/.test(u));
        assert.deepEqual(map, [], `${url}: requests for the map`);
        assert.ok(s.requests.some((u) => u.endsWith("careto_viz_bg.wasm")), `${url}: no article build?`);
      } finally {
        await s.context.close();
      }
    }
  });

  it("a profile is drawn by the profile build, after the other charts' first frame, with no map build, geometry or map stylesheet", async () => {
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>profile</title>
<link rel="stylesheet" href="../careto-viz.css"></head><body>
<div id="a" data-careto-viz="bars"></div><div id="c" data-careto-viz="profile"></div>
<script type="module" src="../careto-viz-embed.js"></script></body></html>`;
    const s = await openPage(browser, { width: 1000, height: 900 });
    try {
      await s.page.route(/\/embed\/profile\.html$/, (r) => r.fulfill({ contentType: "text/html", body: page }));
      await s.page.goto(new URL("embed/profile.html", server.url).href);
      await until(() => s.page.evaluate(() => [...document.querySelectorAll("[data-careto-viz]")].every((e) => e.getAttribute("data-careto-viz-state") === "ready")), "both charts drawn", 30_000);
      const files = s.requests.map((u) => new URL(u).pathname.split("/").pop());
      assert.ok(files.includes("careto_viz_bg.wasm") && files.includes("careto_viz_profile_bg.wasm"), files.join(", "));
      assert.ok(files.indexOf("careto_viz_bg.wasm") < files.indexOf("careto_viz_profile_bg.wasm"), "the article kernel first");
      assert.deepEqual(files.filter((f) => /careto_viz_map|world-110m|careto-viz-map\.css/.test(f)), [], "no map build, geometry or map stylesheet");
      assert.equal(await s.page.locator("#c canvas").getAttribute("aria-label"), "The Mask (Careto): who and what was targeted");
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  });

  for (const [name, fault] of [
    ["answered 404", (r) => r.fulfill({ status: 404, body: "" })],
    ["offline", (r) => r.abort("internetdisconnected")],
    ["corrupt (truncated)", async (r) => {
      const response = await r.fetch();
      const body = await response.body();
      await r.fulfill({ response, body: body.subarray(0, body.length - 100) });
    }],
  ]) {
    it(`a geometry ${name}: a message in the map in the page's language, nothing else lost, Try again draws it`, async () => {
      let fail = true;
      const s = await openPage(browser, { width: 1000, height: 900 });
      const errors = [];
      s.page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      try {
        await s.page.route(`**/${GEOMETRY}`, (r) => (fail ? fault(r) : r.continue()));
        // The host page's events (README, "Events for the host page").
        await s.page.addInitScript(() => {
          window.chartErrors = [];
          document.addEventListener("careto-viz:error", (e) => window.chartErrors.push(e.detail));
        });
        // In Spanish: index.html with <html lang="es">.
        await s.page.route(/\/index\.html$/, async (r) => {
          const response = await r.fetch();
          await r.fulfill({ response, body: (await response.text()).replace('<html lang="en">', '<html lang="es">') });
        });
        await s.page.goto(new URL("index.html", server.url).href);
        await s.page.waitForSelector('html[data-careto-viz-state="error"]', { state: "attached", timeout: 30_000 });
        const seen = await s.page.evaluate(() => {
          const state = (id) => document.getElementById(id).getAttribute("data-careto-viz-state");
          const root = document.getElementById("careto-map").shadowRoot;
          const note = root.querySelector(".cv-note");
          return {
            states: ["careto-map", "careto-bars", "careto-timeline"].map(state),
            text: note?.querySelector("p").textContent,
            role: note?.querySelector("p").getAttribute("role"),
            button: note?.querySelector("button").textContent,
            visible: note ? note.getBoundingClientRect().height > 0 : false,
            live: root.querySelector("[aria-live]").textContent,
            busy: document.getElementById("careto-map").getAttribute("aria-busy"),
            barsPainted: document.getElementById("careto-bars").shadowRoot.querySelector("canvas").width > 0,
          };
        });
        assert.deepEqual(seen.states, ["error", "ready", "ready"], "only the map failed");
        assert.equal(seen.text, FAILED.es[0]);
        assert.equal(seen.button, FAILED.es[1]);
        assert.equal(seen.role, "alert");
        assert.ok(seen.visible, "the message shows");
        assert.equal(seen.busy, "false");
        assert.ok(seen.barsPainted);
        const ours = errors.filter((e) => e.startsWith("careto-viz: "));
        assert.equal(ours.length, 1, `one console error: ${ours.join("\n")}`);
        assert.match(ours[0], /^careto-viz: the map's geometry could not be loaded from .*world-110m\.bin \(/);
        // The host page hears of it once, from the map, in the page's language.
        const events = await s.page.evaluate(() => window.chartErrors);
        assert.equal(events.length, 1, JSON.stringify(events));
        assert.equal(events[0].view, "map");
        assert.match(events[0].message, new RegExp(`^careto-viz: ${FAILED.es[0].replace(".", "\\.")} \\(the map's geometry could not be loaded from .*world-110m\\.bin \\(.+\\)\\)$`));
        // The bars still answer a reader.
        const bars = await s.page.evaluate(async () => {
          const { charts } = await import(document.querySelector('script[type="module"][src]').src);
          const c = charts.get(document.getElementById("careto-bars"));
          return c.hitTest(c.barRect("MAR")[0] + 5, c.barRect("MAR")[1] + 5);
        });
        assert.equal(bars, "country:MAR");
        // Try again, with the geometry reachable: the map draws, the note goes.
        fail = false;
        await s.page.locator("#careto-map .cv-note button").click();
        await s.page.waitForSelector('#careto-map[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
        const after = await s.page.evaluate(() => {
          const host = document.getElementById("careto-map");
          const root = host.shadowRoot;
          return { mounted: host.hasAttribute("data-careto-viz-mounted"), note: root.querySelector(".cv-note").hidden, busy: host.getAttribute("aria-busy"), canvas: root.querySelector("canvas").getBoundingClientRect().height };
        });
        assert.deepEqual([after.mounted, after.note, after.busy], [true, true, null]);
        assert.ok(after.canvas > 200, `the map's canvas: ${after.canvas} px`);
        assert.equal(requestsOf(s, GEOMETRY).length, 2, "fetched again on Try again, once");
      } finally {
        await s.context.close();
      }
    });
  }
});
