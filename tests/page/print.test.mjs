// Print and forced colours, where only Chromium can test them: printing to
// PDF (Playwright's page.pdf is Chromium's; Firefox over WebDriver BiDi and
// WebKitGTK's WebDriver print too, but neither fires beforeprint for it) and
// the forced-colors emulation (Chromium's; Firefox and WebKit have none that
// a driver can switch on). The PDF is read with poppler-utils (pdfinfo,
// pdfimages, pdftotext, pdftoppm: scripts/setup.sh).
//
//   make site && node --test tests/page/print.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { launchBrowser, openPage, serve, waitForCharts, SITE_DIR as DIST, requireSite } from "./browser.mjs";

const BARS = "#careto-bars";
const TIMELINE = "#careto-timeline";
const MAP = "careto-map";

let server, browser, tmp;
before(async () => {
  await requireSite("pkg", "careto_viz_bg.wasm");
  server = await serve(DIST);
  browser = await launchBrowser();
  tmp = await mkdtemp(path.join(os.tmpdir(), "careto-print-"));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A PPM (P6) image as { width, height, pixel(x, y) }. */
function readPpm(bytes) {
  const header = bytes.subarray(0, 64).toString("latin1").match(/^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  assert.ok(header, "not a P6 PPM");
  const [all, width, height] = header;
  const data = bytes.subarray(all.length);
  return { width: Number(width), height: Number(height), pixel: (x, y) => [...data.subarray((y * width + x) * 3, (y * width + x) * 3 + 3)] };
}

const near = (p, rgb, d = 24) => Math.abs(p[0] - rgb[0]) <= d && Math.abs(p[1] - rgb[1]) <= d && Math.abs(p[2] - rgb[2]) <= d;

async function ready(options = {}) {
  const s = await openPage(browser, { width: 1000, height: 800, ...options });
  await s.page.goto(server.url, { waitUntil: "load" });
  await waitForCharts(s.page);
  await s.page.evaluate(() => document.fonts.ready);
  return s;
}

describe("print (Chromium's PDF)", () => {
  it("prints both charts whole and sharp, in the light theme from a dark screen, without buttons; the screen comes back after", async () => {
    const s = await ready();
    try {
      await s.page.emulateMedia({ colorScheme: "dark" });
      await s.page.waitForFunction((h) => {
        const c = document.querySelector(h).shadowRoot.querySelector("canvas");
        const d = c.getContext("2d").getImageData(3, 3, 1, 1).data;
        return d[0] === 0x15;
      }, BARS);
      const screen = await s.page.evaluate((h) => document.querySelector(h).shadowRoot.querySelector("canvas").width, BARS);
      const pdf = path.join(process.env.KEEP_PDF ?? tmp, "page.pdf");
      await writeFile(pdf, await s.page.pdf({ format: "A4", printBackground: false }));
      const pages = Number(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }).match(/^Pages:\s+(\d+)/m)?.[1]);
      assert.ok(pages >= 1 && pages <= 4, `${pages} pages`);
      // Sharp: Chromium prints a 2D canvas as what was drawn on it (vectors
      // and text, as the PDF's text shows), not as a bitmap; a browser that
      // prints its bitmap gets one of at least 3 device px per CSS px of the
      // screen's width (the shell draws for paper at 4).
      const images = execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" })
        .split("\n").slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/)).map((f) => ({ page: Number(f[0]), width: Number(f[3]), height: Number(f[4]) }));
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      const vector = /\b200\+/.test(text) && /Morocco/.test(text);
      const charts = images.filter((i) => i.width >= screen * 3);
      assert.ok(vector || charts.length === 2, `neither vectors nor chart images of 3x (${JSON.stringify(images)}; screen bitmap ${screen} px wide)`);
      assert.ok(images.every((i) => i.width >= screen * 3 || i.width < 200), `a chart printed from a screen-sized bitmap: ${JSON.stringify(images)}`);
      // No buttons on paper; the charts' words are there.
      // ("Show data" is also in the article's own prose; the row of buttons goes by one rule.)
      for (const button of ["Download PNG", "Download CSV", "Copy embed code"]) assert.ok(!text.includes(button), `"${button}" printed`);
      // Not blank, and light (the page's own dark background is left off:
      // printBackground false; a canvas prints whatever it holds): the pages rendered show Morocco's light top-class
      // colour (#4a1003) in a bar's worth of pixels, and the dark theme's background nowhere much.
      execFileSync("pdftoppm", ["-r", "60", pdf, path.join(tmp, "p")]);
      let top = 0;
      let dark = 0;
      for (const f of (await readdir(tmp)).filter((f) => f.endsWith(".ppm"))) {
        const img = readPpm(await readFile(path.join(tmp, f)));
        for (let y = 0; y < img.height; y++) {
          for (let x = 0; x < img.width; x++) {
            const p = img.pixel(x, y);
            if (near(p, [0x4a, 0x10, 0x03])) top++;
            // Within 2: the light theme's text (#1a1a1a, of which the map has
            // much) is 5 away; a dark canvas's background is this colour exactly.
            if (near(p, [0x15, 0x17, 0x1a], 2)) dark++;
          }
        }
      }
      assert.ok(top > 300, `only ${top} pixels of Morocco's colour on paper: the chart is blank or not light`);
      assert.ok(dark < 500, `${dark} pixels of the dark theme's background on paper`);
      // After printing, the screen's picture again: dark, at the screen's pixel ratio.
      await s.page.waitForFunction(([h, w]) => {
        const c = document.querySelector(h).shadowRoot.querySelector("canvas");
        return c.width === w && c.getContext("2d").getImageData(3, 3, 1, 1).data[0] === 0x15;
      }, [BARS, screen], { timeout: 5_000 });
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  });

  it("prints a chart whose theme option is dark in the light theme, also in a page opened straight into print media", async () => {
    const s = await openPage(browser, { width: 768, height: 700 });
    // The background's red at the canvas's corner: the dark theme's is 0x15.
    const corner = () =>
      s.page.evaluate(() => document.querySelector("#chart").shadowRoot.querySelector("canvas").getContext("2d").getImageData(3, 3, 1, 1).data[0]);
    const cornerBecomes = (light) =>
      s.page.waitForFunction((light) => {
        const d = document.querySelector("#chart").shadowRoot.querySelector("canvas").getContext("2d").getImageData(3, 3, 1, 1).data;
        return light ? d[0] > 200 : d[0] === 0x15;
      }, light, { timeout: 5_000 });
    try {
      // Opened as a PDF maker opens an address: in print media from the start, no print event.
      await s.page.emulateMedia({ colorScheme: "dark", media: "print" });
      await s.page.goto(new URL("embed.html?view=timeline&lang=es&theme=dark", server.url).href, { waitUntil: "load" });
      await waitForCharts(s.page);
      assert.ok((await corner()) > 200, `drawn dark for paper: the corner's red is ${await corner()}`);
      // On screen, the theme the embed asked for; on paper again, light.
      await s.page.emulateMedia({ colorScheme: "dark", media: "screen" });
      await cornerBecomes(false);
      await s.page.emulateMedia({ colorScheme: "dark", media: "print" });
      await cornerBecomes(true);
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  });
});

/** The page's chart drawn in the host with this id (the page's module exports its charts). */
const chartIn = (page, id) =>
  page.evaluateHandle(async (id) => {
    const m = await import(document.querySelector('script[type="module"][src]').src);
    const handles = m.charts instanceof Map ? [...m.charts.values()] : m.chart ? [m.chart] : [];
    return handles.find((c) => c.canvas?.getRootNode()?.host?.id === id);
  }, id);

/**
 * The share of ink (0: the page's Canvas colour, 1: its CanvasText) in each
 * of `windows` ({ name: [x, y, w, h] }, CSS px) of `chart`'s canvas, and
 * `paperCorner`: whether its corner is Canvas (the picture redrawn in
 * system colours).
 */
const inkIn = (page, chart, windows) =>
  page.evaluate(([chart, windows]) => {
    const probe = document.createElement("span");
    probe.style.setProperty("forced-color-adjust", "none");
    document.body.append(probe);
    const rgb = (name) => ((probe.style.color = name), getComputedStyle(probe).color.match(/\d+/g).slice(0, 3).map(Number));
    const [paper, ink] = [rgb("Canvas"), rgb("CanvasText")];
    probe.remove();
    const ctx = chart.canvas.getContext("2d");
    const ratio = chart.canvas.width / chart.canvas.getBoundingClientRect().width;
    const k = [0, 1, 2].reduce((a, c) => (Math.abs(ink[c] - paper[c]) > Math.abs(ink[a] - paper[a]) ? c : a), 0);
    const corner = [...ctx.getImageData(3, 3, 1, 1).data.slice(0, 3)];
    const out = { paperCorner: corner.every((v, i) => v === paper[i]) };
    for (const [name, [x, y, w, h]] of Object.entries(windows)) {
      const d = ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), Math.round(w * ratio), Math.round(h * ratio)).data;
      let sum = 0;
      for (let i = 0; i < d.length; i += 4) sum += (d[i + k] - paper[k]) / (ink[k] - paper[k]);
      out[name] = sum / (d.length / 4);
    }
    return out;
  }, [chart, windows]);

/** WCAG contrast of each `selectors` element's text colour against white paper. */
const contrastOnPaper = (page, selectors) =>
  page.evaluate((selectors) => {
    const lum = (rgb) => {
      const [r, g, b] = rgb.map((v) => v / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    return Object.fromEntries(
      selectors.map((sel) => {
        const el = document.querySelector(sel);
        if (!el) return [sel, null];
        const rgb = getComputedStyle(el).color.match(/[\d.]+/g).slice(0, 3).map(Number);
        return [sel, Math.round((1.05 / (lum(rgb) + 0.05)) * 100) / 100];
      }),
    );
  }, selectors);

describe("the page's own text on paper", () => {
  it("prints dark on white from a dark screen, as the charts do (the article and the iframe's page)", async () => {
    const s = await ready();
    try {
      const article = ["h1", ".article__kicker", ".article__standfirst", "main p:not([class])", ".sources a"];
      await s.page.emulateMedia({ colorScheme: "dark" });
      const screen = await contrastOnPaper(s.page, article);
      // On the dark screen the text is light: on white it would be faint.
      assert.ok(screen.h1 < 2, `the dark screen's title is not light: ${JSON.stringify(screen)}`);
      await s.page.emulateMedia({ colorScheme: "dark", media: "print" });
      const paper = await contrastOnPaper(s.page, article);
      for (const sel of article) assert.ok(paper[sel] >= 4.5, `${sel} prints at ${paper[sel]}:1 on white (${JSON.stringify(paper)})`);
      // The iframe's page, dark by its own theme parameter.
      await s.page.goto(new URL("embed.html?view=bars&theme=dark", server.url).href, { waitUntil: "load" });
      await s.page.emulateMedia({ colorScheme: "dark", media: "screen" });
      assert.ok((await contrastOnPaper(s.page, ["body"])).body < 2);
      await s.page.emulateMedia({ colorScheme: "dark", media: "print" });
      const embed = await contrastOnPaper(s.page, ["body"]);
      assert.ok(embed.body >= 4.5, `embed.html prints its text at ${embed.body}:1 on white`);
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  });
});

describe("forced colours (Chromium's emulation)", () => {
  it("tells the map's classes apart by lines that gain ink with the class, the top class solid, where every class is CanvasText", async () => {
    const s = await ready();
    const { page } = s;
    try {
      await page.emulateMedia({ forcedColors: "active" });
      // The share of ink in a column 4 px wide and 16 px tall (whole periods
      // of every class's lines: 8 and 4 px; 4 px for Morocco, filled solid
      // and too small for 16) centred on each place's anchor, once the map
      // is in system colours.
      const chart = await chartIn(page, MAP);
      const inks = async (codes) => {
        const points = await page.evaluate(([chart, codes]) => codes.map((c) => chart.pointOf(c)), [chart, codes]);
        const h = (code) => (code === "MAR" ? 4 : 16);
        return inkIn(page, chart, Object.fromEntries(codes.map((code, i) => [code, [points[i][0] - 2, points[i][1] - h(code) / 2, 4, h(code)]])));
      };
      // Algeria (1: the lowest class), Libya and the United States (26, 22),
      // France (53), Brazil (137), Morocco (384: the top class).
      const codes = ["DZA", "LBY", "USA", "FRA", "BRA", "MAR"];
      const want = { DZA: 1 / 8, LBY: 1 / 4, USA: 1 / 4, FRA: 1 / 2, BRA: 11 / 16, MAR: 1 };
      let got;
      for (const deadline = performance.now() + 5_000; ; ) {
        got = await inks(codes);
        if ((got.paperCorner && got.MAR > 0.9) || performance.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      for (const code of codes) assert.ok(Math.abs(got[code] - want[code]) <= 0.08, `${code}: ink ${got[code].toFixed(3)}, want ${want[code].toFixed(3)} (${JSON.stringify(got)})`);
      for (let i = 1; i < codes.length; i++) assert.ok(got[codes[i]] >= got[codes[i - 1]] - 0.02, `${codes[i]} has less ink than ${codes[i - 1]}: ${JSON.stringify(got)}`);
      // Out of forced colours: the classes' colours again, without lines: the
      // whole column on the United States is its class's colour.
      await page.emulateMedia({ forcedColors: "none" });
      await page.waitForFunction((chart) => {
        const [x, y] = chart.pointOf("USA");
        const want = chart.barColor("USA").match(/[0-9a-f]{2}/gi).map((h) => parseInt(h, 16));
        const d = chart.canvas.getContext("2d").getImageData(Math.round(x) - 2, Math.round(y) - 8, 4, 16).data;
        for (let i = 0; i < d.length; i += 4) if ([0, 1, 2].some((c) => Math.abs(d[i + c] - want[c]) > 2)) return false;
        return true;
      }, chart, { timeout: 5_000 });
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  });

  it("tells the bars' classes apart by the map's lines, in the bars and in their legend, where every class is CanvasText", async () => {
    const s = await ready();
    const { page } = s;
    try {
      await page.emulateMedia({ forcedColors: "active" });
      // A column 4 px wide down the middle of each bar, its whole height
      // (the outline's half pixels in it too). Class 0's bars (1 and 3 of
      // 384) are too short for a column; layout.rs checks their lines.
      const chart = await chartIn(page, BARS.slice(1));
      // Libya and the United States (26, 22: class 1), France (53: class 2),
      // Brazil (137: class 3), Morocco (384: the top class, solid).
      const codes = ["LBY", "USA", "FRA", "BRA", "MAR"];
      const rects = await page.evaluate(([chart, codes]) => codes.map((c) => chart.barRect(c)), [chart, codes]);
      const windows = Object.fromEntries(codes.map((code, i) => [code, [rects[i][0] + rects[i][2] / 2 - 2, rects[i][1], 4, rects[i][3]]]));
      let got;
      for (const deadline = performance.now() + 5_000; ; ) {
        got = await inkIn(page, chart, windows);
        if ((got.paperCorner && got.MAR > 0.9) || performance.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const at = JSON.stringify(got);
      // Before this, every bar was solid CanvasText: ink 1 everywhere.
      assert.ok(got.MAR > 0.95, `Morocco's bar is not solid: ${at}`);
      for (const code of ["LBY", "USA", "FRA", "BRA"]) assert.ok(got[code] > 0.15 && got[code] < 0.85, `${code}: ink ${got[code].toFixed(3)}, neither paper nor solid (${at})`);
      assert.ok(Math.abs(got.LBY - got.USA) < 0.1, `one class, two inks: ${at}`);
      assert.ok(got.USA + 0.1 < got.FRA && got.FRA + 0.05 < got.BRA && got.BRA + 0.1 < got.MAR, `ink does not grow with the class: ${at}`);
      // Out of forced colours: Brazil's bar in its class's colour, whole.
      await page.emulateMedia({ forcedColors: "none" });
      await page.waitForFunction(([chart, r]) => {
        const want = chart.barColor("BRA").match(/[0-9a-f]{2}/gi).map((h) => parseInt(h, 16));
        const d = chart.canvas.getContext("2d").getImageData(Math.round(r[0] + r[2] / 2) - 2, Math.round(r[1]) + 2, 4, Math.round(r[3]) - 4).data;
        for (let i = 0; i < d.length; i += 4) if ([0, 1, 2].some((c) => Math.abs(d[i + c] - want[c]) > 2)) return false;
        return true;
      }, [chart, rects[3]], { timeout: 5_000 });
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  });

  it("draws in the page's CanvasText, Canvas, Highlight and GrayText only; the focus ring in Highlight; back to the theme after", async () => {
    const s = await ready();
    const { page } = s;
    try {
      await page.emulateMedia({ forcedColors: "active" });
      const system = await page.evaluate(() => {
        const probe = document.createElement("span");
        probe.style.setProperty("forced-color-adjust", "none");
        document.body.append(probe);
        const out = {};
        for (const name of ["CanvasText", "Canvas", "Highlight", "GrayText"]) {
          probe.style.color = name;
          out[name] = getComputedStyle(probe).color.match(/\d+/g).slice(0, 3).map(Number);
        }
        probe.remove();
        return out;
      });
      const allowed = Object.values(system);
      const histogram = (host) =>
        page.evaluate(([h, allowed]) => {
          const c = document.querySelector(h).shadowRoot.querySelector("canvas");
          const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
          const counts = allowed.map(() => 0);
          // A pixel in no system colour must be an anti-aliased edge: on the blend of two of them.
          const blend = (p) =>
            allowed.some((a) =>
              allowed.some((b) => {
                const k = [0, 1, 2].reduce((m, c) => (Math.abs(b[c] - a[c]) > Math.abs(b[m] - a[m]) ? c : m), 0);
                if (b[k] === a[k]) return false;
                const t = (p[k] - a[k]) / (b[k] - a[k]);
                return t >= -0.02 && t <= 1.02 && [0, 1, 2].every((c) => Math.abs(a[c] + t * (b[c] - a[c]) - p[c]) <= 4);
              }),
            );
          let other = 0;
          for (let i = 0; i < d.length; i += 4) {
            const k = allowed.findIndex((a) => a[0] === d[i] && a[1] === d[i + 1] && a[2] === d[i + 2]);
            if (k >= 0) counts[k]++;
            else if (!blend([d[i], d[i + 1], d[i + 2]])) other++;
          }
          return { counts, other, total: d.length / 4, corner: [...c.getContext("2d").getImageData(3, 3, 1, 1).data.slice(0, 3)] };
        }, [host, allowed]);
      for (const host of [BARS, TIMELINE]) {
        // The redraw follows the media change in a task of its own, and the
        // light theme's background may be the emulation's Canvas colour too
        // (both white): the picture is read until it is in system colours,
        // for up to 5 s, and the last one read is checked.
        let h;
        for (const deadline = performance.now() + 5_000; ; ) {
          h = await histogram(host);
          const corner = h.corner.every((v, i) => v === system.Canvas[i]);
          if ((corner && h.other <= h.total * 0.005) || performance.now() > deadline) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        // Anti-aliased edges blend two system colours; everything else is one.
        assert.ok(h.other <= h.total * 0.005, `${host}: ${h.other} of ${h.total} pixels are neither system colours nor blends of two`);
        assert.ok(h.counts.reduce((x, y) => x + y) >= h.total * 0.8, `${host}: only ${h.counts} of ${h.total} pixels are exactly system colours`);
        assert.ok(h.counts[0] > 1000, `${host}: only ${h.counts[0]} CanvasText pixels`);
      }
      // The keyboard's focus ring is drawn in Highlight.
      const before = (await histogram(BARS)).counts[2];
      await page.locator(`${BARS} canvas`).focus();
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(([h, hl, n]) => {
        const c = document.querySelector(h).shadowRoot.querySelector("canvas");
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let k = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] === hl[0] && d[i + 1] === hl[1] && d[i + 2] === hl[2]) k++;
        return k > n + 100;
      }, [BARS, system.Highlight, before], { timeout: 5_000 });
      // Out of forced colours: the light theme again, Morocco's bar in its
      // class's colour (the background alone would not tell: white in both).
      await page.emulateMedia({ forcedColors: "none" });
      await page.waitForFunction((h) => {
        const c = document.querySelector(h).shadowRoot.querySelector("canvas");
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let top = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] === 0x4a && d[i + 1] === 0x10 && d[i + 2] === 0x03) top++;
        return d[0] === 0xff && top > 300;
      }, BARS, { timeout: 5_000 });
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  });
});
