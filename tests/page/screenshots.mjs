#!/usr/bin/env node
// Pictures of the real demo page for the documentation, taken in headless Chromium
// from the release build (run scripts/build-wasm.sh / `make build` first):
//
//   node tests/page/screenshots.mjs [OUT_DIR]      # OUT_DIR defaults to docs/img
//
//   page-light.png   full page, 1000 px wide, light colour scheme
//   page-dark.png    full page, 1000 px wide, dark colour scheme
//   page-phone.png   full page, 375 px wide at deviceScaleFactor 2, light
//   tooltip.png      the viewport only, 1000 x 700, pointer on Morocco's bar
//   map.png          the map chart alone (embed.html?view=map, 760 px wide),
//                    pointer on Morocco (the point the layout gives: Chart.pointOf)
//
// PAGE_ROOT=dist takes them from the built site instead of www/. Fails (exit 1)
// if a chart does not mount, or on any console error, page error or failed request.

import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT, launchBrowser, openPage, serve, waitForCharts } from "./browser.mjs";

const ROOT = path.resolve(process.env.PAGE_ROOT ?? path.join(REPO_ROOT, "www"));
const OUT = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, "docs", "img"));
const CHARTS = ["#careto-map", "#careto-bars", "#careto-timeline"];

/** Middle of the widest run of #4a1003 (the light theme's top class) in the bars canvas: Morocco's bar. */
function moroccoBar() {
  const canvas = document.querySelector("#careto-bars")?.shadowRoot?.querySelector("canvas");
  if (!canvas) return null;
  const { width, height } = canvas;
  const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
  let best = { length: 0, x: 0, y: 0 };
  for (let y = 0; y < height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const i = (y * width + x) * 4;
      const hit = x < width && data[i] === 0x4a && data[i + 1] === 0x10 && data[i + 2] === 0x03;
      if (hit && start < 0) start = x;
      if (!hit && start >= 0) {
        if (x - start > best.length) best = { length: x - start, x: start, y };
        start = -1;
      }
    }
  }
  if (best.length === 0) return null;
  const rect = canvas.getBoundingClientRect();
  const scale = rect.width / width;
  // best.y is the bar's top row: go a few px down into it.
  return { x: rect.left + (best.x + best.length / 2) * scale, y: rect.top + best.y * scale + 6 };
}

async function open(browser, { width, height, deviceScaleFactor = 1, colorScheme = "light" }, url) {
  const session = await openPage(browser, { width, height, deviceScaleFactor });
  await session.page.emulateMedia({ colorScheme });
  await session.page.goto(url, { waitUntil: "load" });
  await waitForCharts(session.page);
  for (const id of CHARTS) {
    const state = await session.page.getAttribute(id, "data-careto-viz-state");
    if (state !== "ready") throw new Error(`${id} did not mount (data-careto-viz-state=${state})`);
  }
  await session.page.evaluate(() => document.fonts.ready);
  return session;
}

function check(name, session) {
  if (session.problems.length > 0) {
    throw new Error(`${name}: the page reported problems:\n  ${session.problems.join("\n  ")}`);
  }
}

async function main() {
  await stat(path.join(ROOT, "pkg", "careto_viz_bg.wasm")).catch(() => {
    throw new Error(`${ROOT}/pkg is missing: run scripts/build-wasm.sh (make build) first`);
  });
  await mkdir(OUT, { recursive: true });
  const server = await serve(ROOT);
  const browser = await launchBrowser();
  const written = [];
  try {
    const pages = [
      ["page-light.png", { width: 1000, height: 800 }],
      ["page-dark.png", { width: 1000, height: 800, colorScheme: "dark" }],
      ["page-phone.png", { width: 375, height: 740, deviceScaleFactor: 2 }],
    ];
    for (const [file, options] of pages) {
      const session = await open(browser, options, server.url);
      try {
        await session.page.screenshot({ path: path.join(OUT, file), fullPage: true });
        check(file, session);
        written.push(file);
      } finally {
        await session.context.close();
      }
    }

    const session = await open(browser, { width: 1000, height: 700 }, server.url);
    try {
      const { page } = session;
      // Put the bars chart in the upper part of the viewport, then point at Morocco.
      await page.evaluate(() => {
        const box = document.querySelector("#careto-bars").getBoundingClientRect();
        window.scrollBy(0, box.top - 120);
      });
      const bar = await page.evaluate(moroccoBar);
      if (!bar) throw new Error("tooltip.png: Morocco's bar (#4a1003) not found in the bars canvas");
      await page.mouse.move(bar.x - 10, bar.y);
      await page.mouse.move(bar.x, bar.y);
      await page.locator("#careto-bars .cv-tip").waitFor({ state: "visible", timeout: 5_000 });
      await page.screenshot({ path: path.join(OUT, "tooltip.png") });
      check("tooltip.png", session);
      written.push("tooltip.png");
    } finally {
      await session.context.close();
    }

    // The map alone, as an iframe shows it, with Morocco's tooltip.
    const map = await openPage(browser, { width: 760, height: 560 });
    try {
      const { page } = map;
      await page.goto(new URL("embed.html?view=map&theme=light", server.url).href, { waitUntil: "load" });
      await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      await page.evaluate(() => document.fonts.ready);
      const at = await page.evaluate(async () => {
        const { chart } = await import(document.querySelector('script[type="module"][src]').src);
        const r = chart.canvas.getBoundingClientRect();
        const [x, y] = chart.pointOf("MAR");
        return { x: r.left + x, y: r.top + y };
      });
      await page.mouse.move(at.x - 4, at.y);
      await page.mouse.move(at.x, at.y);
      await page.locator("#chart .cv-tip").waitFor({ state: "visible", timeout: 5_000 });
      await page.screenshot({ path: path.join(OUT, "map.png"), fullPage: true });
      check("map.png", map);
      written.push("map.png");
    } finally {
      await map.context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const file of written) {
    const { size } = await stat(path.join(OUT, file));
    console.log(`${path.relative(process.cwd(), path.join(OUT, file))}  ${size} bytes`);
  }
}

main().catch((error) => {
  console.error(`screenshots: ${error.message}`);
  process.exit(1);
});
