// Shared browser and server set-up for the page tests (tests/page/*.test.mjs).
//
// Debian's Chromium (/usr/bin/chromium, from scripts/setup.sh) driven by npm
// playwright-core; Playwright's own browser download does not work here.
// The flags keep Chromium off the network: without them it keeps trying to
// reach Google's hosts from a machine that has no route to them.

import { chromium } from "playwright-core";
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../scripts/serve.mjs";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The static site the page tests load: what `make site` wrote (dist/), or $SITE_DIR. */
export const SITE_DIR = path.resolve(process.env.SITE_DIR ?? path.join(REPO_ROOT, "dist"));

/** Throws, saying to run `make site`, when the site has no file at `segments` (joined as path.join does). */
export async function requireSite(...segments) {
  const file = path.join(...segments);
  await stat(path.join(SITE_DIR, file)).catch(() => {
    throw new Error(`${SITE_DIR} has no ${file}: run \`make site\` first`);
  });
}

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox", // we run as root in CI
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Headless Chromium with a fresh temporary profile (Playwright makes and removes it). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: 30_000,
  });
}

/** Serves `root` on 127.0.0.1 at a free port: { url, close, ... }. */
export function serve(root) {
  return startServer({ root, port: 0 });
}

/**
 * Opens a page in a new context and records everything that went wrong while it ran.
 * Returns { context, page, problems, requests } where problems collects console
 * errors, uncaught page errors, failed requests and HTTP errors as strings.
 */
export async function openPage(browser, { width = 1000, height = 800, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor,
    colorScheme: "light",
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console.error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("request", (req) => requests.push(req.url()));
  page.on("requestfailed", (req) => {
    const why = req.failure()?.errorText ?? "unknown";
    // A request the page gave up on when it navigated away (a test going to
    // the next page while a prefetch or the favicon is in flight) is no
    // failure; a 404 shows as a response, offline and CSP blocks have their own codes.
    if (why !== "net::ERR_ABORTED") problems.push(`request failed: ${req.url()} (${why})`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { context, page, problems, requests };
}

/**
 * The RGB of each point [x, y] of `png`, a screenshot (Buffer) of `page`,
 * decoded in a blank page of the same context: the page's own
 * Content-Security-Policy may allow no data: images.
 */
export async function pixelsOf(page, png, points) {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(async ([b64, pts]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement("canvas");
      [c.width, c.height] = [img.width, img.height];
      const ctx = c.getContext("2d");
      ctx.drawImage(img, 0, 0);
      return pts.map(([x, y]) => [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)]);
    }, [png.toString("base64"), points]);
  } finally {
    await blank.close();
  }
}

/** Waits until main.js has finished mounting (or failing to mount) every chart. */
export async function waitForCharts(page, timeout = 30_000) {
  await page.waitForSelector('html[data-careto-viz-state]:not([data-careto-viz-state="loading"])', { state: "attached", timeout });
}

/**
 * Runs in the page (pass it to `page.evaluate`): a fingerprint of every
 * pixel of the picture on the canvas of the chart at `hostSelector` (in its
 * shadow root), with the picture's size: equal for the same picture.
 */
export function canvasHash(hostSelector) {
  const canvas = document.querySelector(hostSelector).shadowRoot.querySelector("canvas");
  // The picture: the bitmap's top-left part that the canvas shows (where the
  // browser has object-view-box, the bitmap may be larger: src/web/hidpi.rs).
  const [vt = 0, vr = vt, vb = vt, vl = vr] = (getComputedStyle(canvas).objectViewBox ?? "").match(/[\d.]+/g)?.map(Number) ?? [];
  const width = canvas.width - vr - vl;
  const height = canvas.height - vt - vb;
  const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
  let h = 2166136261;
  for (let i = 0; i < data.length; i++) h = Math.imul(h ^ data[i], 16777619);
  return `${width}x${height}:${h >>> 0}`;
}

/**
 * Runs in the page (pass it to `locator.evaluate` on a canvas, or to
 * `page.evaluate` with a chart's host selector): summarises a canvas's
 * pixels. The commonest colour (4 bits per channel) is the background;
 * `painted` counts the rest, `colours` the other colours covering at least 20
 * pixels, `corner` is the top-left pixel. `containerWidth` is the width of
 * the element `containerId` names, or of the host given by its selector.
 */
export function canvasStats(target, containerId) {
  const host = typeof target === "string" ? document.querySelector(target) : null;
  const canvas = host ? host.shadowRoot.querySelector("canvas") : target;
  // The picture: the bitmap's top-left part that the canvas shows (where the
  // browser has object-view-box, the bitmap may be larger: src/web/hidpi.rs).
  const [vt = 0, vr = vt, vb = vt, vl = vr] = (getComputedStyle(canvas).objectViewBox ?? "").match(/[\d.]+/g)?.map(Number) ?? [];
  const width = canvas.width - vr - vl;
  const height = canvas.height - vt - vb;
  const container = host ?? (containerId ? document.getElementById(containerId) : null);
  const stats = {
    width,
    height,
    cssWidth: canvas.getBoundingClientRect().width,
    dpr: window.devicePixelRatio,
    containerWidth: container ? container.clientWidth : null,
    total: width * height,
    painted: 0,
    colours: 0,
  };
  if (width === 0 || height === 0) return stats;
  const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
  const counts = new Map();
  for (let i = 0; i < data.length; i += 4) {
    const key = ((data[i] >> 4) << 12) | ((data[i + 1] >> 4) << 8) | ((data[i + 2] >> 4) << 4) | (data[i + 3] >> 4);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let background = 0;
  for (const count of counts.values()) background = Math.max(background, count);
  stats.painted = stats.total - background;
  stats.colours = [...counts.values()].filter((count) => count >= 20 && count !== background).length;
  stats.corner = [data[0], data[1], data[2]];
  return stats;
}
