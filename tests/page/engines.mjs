// One small driver layer over three browser engines, for the reader tests
// that run in all of them (tests/page/readers.test.mjs):
//
//   chromium  Debian's Chromium through playwright-core (as browser.mjs);
//   firefox   Debian's Firefox ESR through puppeteer-core over WebDriver BiDi;
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver, a plain W3C
//             WebDriver client below (MiniBrowser has no headless mode here:
//             it runs under an Xvfb display that this module starts).
//
// Playwright's own Firefox and WebKit builds cannot be downloaded here
// (../shared/TOOLCHAIN.md). ENGINES=firefox,webkit picks engines.
//
// A page offers what the tests need, the same in every engine: goto,
// evaluate (a function and one JSON argument; it may return a promise),
// waitFor, real input (pointer moves, clicks, taps, key presses: the
// engine's own input pipeline, never dispatched events), screenshots,
// setViewport, downloads, the clipboard, and `problems`: console errors,
// uncaught errors, unhandled rejections and CSP violations seen by a probe
// the test server puts first in every page (the same in every engine, as
// classic WebDriver has no console), the engine's own console events where
// it has them, and every HTTP answer of 400 or more.

import { chromium } from "playwright-core";
import puppeteer from "puppeteer-core";
import { spawn, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startServer } from "../../scripts/serve.mjs";
import { CHROMIUM, CHROMIUM_ARGS } from "./browser.mjs";

export const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? "/usr/bin/WebKitWebDriver";
export const MINIBROWSER = process.env.MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/** The engines to run, from ENGINES (default: all three). */
export const ENGINES = (process.env.ENGINES ?? "chromium,firefox,webkit").split(",").map((s) => s.trim()).filter(Boolean);

const PROBE_PATH = "/__careto-test-probe.js";

/**
 * The probe: a classic script, first in <head>, so it sees everything the
 * page does after it. It keeps what went wrong in `window.__problems`.
 *
 * It also keeps the page's last size changes (each ResizeObserver
 * delivery with its targets' sizes and the root's height before and after
 * the callback, each window resize), and a "ResizeObserver loop" error
 * carries them in its problem: WebKit reported one once in seven clean CI
 * runs (embed/cms-iframe.html's timeline frame, 2026-12-03) and never in
 * 37 runs of its test since; if it comes back, the failure says what was
 * resized, when.
 */
const PROBE = `(() => {
  const list = (window.__problems = []);
  const text = (v) => (v instanceof Error ? v.message : typeof v === "string" ? v : (() => { try { return JSON.stringify(v); } catch { return String(v); } })());
  const trail = [];
  const note = (s) => { trail.push(performance.now().toFixed(1) + " " + s); if (trail.length > 24) trail.shift(); };
  const rootH = () => Math.round(document.documentElement.getBoundingClientRect().height * 10) / 10;
  const Observer = window.ResizeObserver;
  let observers = 0;
  if (Observer) window.ResizeObserver = class extends Observer {
    constructor(callback) {
      const id = ++observers;
      super(function (entries, observer) {
        const what = entries.map((e) => e.target.localName + (e.target.id ? "#" + e.target.id : "") + " " + Math.round(e.contentRect.width) + "x" + Math.round(e.contentRect.height)).join(", ");
        const before = rootH();
        try { return callback.call(this, entries, observer); } finally { note("observer " + id + ": " + what + "; root " + before + " -> " + rootH()); }
      });
    }
  };
  addEventListener("resize", () => note("window resize " + innerWidth + "x" + innerHeight));
  const error = console.error;
  console.error = function (...args) { list.push("console.error: " + args.map(text).join(" ")); return error.apply(this, args); };
  addEventListener("error", (e) => {
    if (e.target !== window) return;
    const message = e.error ? text(e.error) : e.message;
    list.push("page error: " + message + (/ResizeObserver/.test(message) ? " [last size changes, ms: " + trail.join(" | ") + "]" : ""));
  }, true);
  addEventListener("unhandledrejection", (e) => list.push("page error: " + text(e.reason)));
  document.addEventListener("securitypolicyviolation", (e) => list.push("CSP violation: " + e.violatedDirective + " " + e.blockedURI));
})();`;

/**
 * Serves `root` for the cross-engine tests: serve.mjs (the page's CSP and
 * all) with the probe first in each page; `httpErrors` lists the answers of
 * 400 or more (each page reads its own since its goto).
 */
export async function serveForEngines(root, { delay } = {}) {
  const httpErrors = [];
  let server;
  server = await startServer({
    root,
    delay: (pathname) => server?.delays?.(pathname) ?? delay?.(pathname),
    port: 0,
    head: `<script src="${PROBE_PATH}"></script>`,
    files: { [PROBE_PATH]: PROBE },
    onError: (status, url) => httpErrors.push(`HTTP ${status}: ${url}`),
  });
  // `delays` may be set later (a test that slows one file for a while).
  return Object.assign(server, { httpErrors, delays: null });
}

// ---------------------------------------------------------------- keys

/** Key names as the tests write them (Playwright's), per engine. */
const WEBDRIVER_KEYS = {
  ArrowDown: "\uE015", ArrowUp: "\uE013", ArrowLeft: "\uE012", ArrowRight: "\uE014",
  Enter: "\uE007", Escape: "\uE00C", Tab: "\uE004", Home: "\uE011", End: "\uE010",
  Space: " ", Shift: "\uE008", PageDown: "\uE00F", PageUp: "\uE00E",
};

// ---------------------------------------------------------------- the common page

/** What every engine's page shares: waiting, problems, elements by shadow path. */
class BasePage {
  constructor(engine, server) {
    this.engine = engine;
    this.server = server;
    this.native = [];
    this.httpFrom = server ? server.httpErrors.length : 0;
  }

  /** Polls `fn(arg)` in the page until it returns something truthy; returns it (or throws after `timeout`). */
  async waitFor(fn, arg, { timeout = 10_000, interval = 50, message } = {}) {
    // Deadlines here and in every test are on the monotonic clock: a CI
    // machine's wall clock was seen to jump (2026-12-05: this wait said
    // "timed out after 10000 ms" in a test that lasted 3.1 s).
    const deadline = performance.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.evaluate(fn, arg);
      } catch (e) {
        // WebKitWebDriver now and then answers a poll during a page's load
        // with "Could not parse script result" (seen once in a full run,
        // 2026-12-03, polling index.html's charts); the next poll reads it.
        // Any other failure, and one that outlasts the deadline, is thrown.
        if (!/Could not parse script result/.test(e.message) || performance.now() > deadline) throw e;
        last = undefined;
      }
      if (last) return last;
      if (performance.now() > deadline) throw new Error(`${this.engine}: timed out after ${timeout} ms${message ? `: ${message}` : ""} (last: ${JSON.stringify(last)})`);
      await sleep(interval);
    }
  }

  /** Everything that went wrong since goto: the probe's, the engine's own and the server's. */
  async problems() {
    const probed = await this.evaluate(() => window.__problems ?? ["no probe: the test server's probe did not run"]).catch((e) => [`probe unreadable: ${e.message}`]);
    const http = this.server ? this.server.httpErrors.slice(this.httpFrom) : [];
    // The engine's console and the probe see the same console.error: one of each.
    return [...new Set([...probed, ...this.native, ...http])];
  }

  /**
   * Whether the page's strict CSP is in force: an inline script is refused.
   * The violation this provokes is taken off the page's problems.
   */
  async refusesInlineScript() {
    const refused = await this.evaluate(async () => {
      const s = document.createElement("script");
      s.textContent = "window.__inlineRan = true";
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 100));
      s.remove();
      const list = window.__problems ?? [];
      const i = list.findIndex((p) => p.startsWith("CSP violation: script-src"));
      if (i >= 0) list.splice(i, 1);
      return window.__inlineRan !== true && i >= 0;
    });
    await sleep(100);
    this.native = this.native.filter((p) => !/inline script|script-src|Content.Security.Policy/i.test(p));
    return refused;
  }

  /** The viewport point at the middle of the element at `path` (selectors, each inside the previous one's shadow root). */
  async centerOf(path) {
    const at = await this.evaluate(([path]) => {
      let e = document;
      for (const [i, s] of path.entries()) e = (i === 0 ? e : e.shadowRoot ?? e).querySelector(s);
      if (!e) return null;
      e.scrollIntoView({ block: "center", inline: "nearest" });
      const r = e.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, [path]);
    if (!at) throw new Error(`${this.engine}: no element at ${path.join(" >>> ")}`);
    return at;
  }

  /** A real click on the element at `path` (scrolled into view first). */
  async clickOn(path) {
    const { x, y } = await this.centerOf(path);
    await this.click(x, y);
  }

  /** Presses `key` `n` times. */
  async pressTimes(key, n) {
    for (let i = 0; i < n; i++) await this.press(key);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- Chromium (Playwright)

/**
 * A page driven through a Playwright (Chromium) or a puppeteer (Firefox)
 * page object, `this.page`: the two APIs agree on all of this.
 */
class DriverPage extends BasePage {
  async goto(url) {
    const r = await this.page.goto(url, { waitUntil: "load" });
    if (r && r.status() !== 200) throw new Error(`${url}: HTTP ${r.status()}`);
  }
  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }
  /** Runs a script's source in the page (not subject to its CSP, as an injected <script> would be). */
  async addScript(source) {
    await this.page.evaluate(source);
  }
  mouseMove(x, y) {
    return this.page.mouse.move(x, y);
  }
  click(x, y) {
    return this.page.mouse.click(x, y);
  }
  tap(x, y) {
    return this.page.touchscreen.tap(x, y);
  }
  press(key) {
    return this.page.keyboard.press(key);
  }
  screenshot() {
    return this.page.screenshot();
  }
}

class ChromiumPage extends DriverPage {
  static async open(browser, server, { width, height, dpr, colorScheme, touch, downloads }) {
    const context = await browser.newContext({
      viewport: { width, height },
      deviceScaleFactor: dpr,
      colorScheme,
      hasTouch: touch,
      reducedMotion: "reduce",
    });
    const page = new ChromiumPage("chromium", server);
    page.context = context;
    page.page = await context.newPage();
    page.page.on("pageerror", (err) => page.native.push(`page error: ${err.message}`));
    page.downloads = downloads;
    return page;
  }
  setViewport(width, height) {
    return this.page.setViewportSize({ width, height });
  }
  setColorScheme(colorScheme) {
    return this.page.emulateMedia({ colorScheme });
  }
  async download(action) {
    const [d] = await Promise.all([this.page.waitForEvent("download"), action()]);
    return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
  }
  async grantClipboard() {
    await this.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(this.page.url()).origin });
  }
  readClipboard() {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
  close() {
    return this.context.close();
  }
}

// ---------------------------------------------------------------- Firefox (puppeteer-core, WebDriver BiDi)

class FirefoxPage extends DriverPage {
  static async open(engine, server, { width, height, dpr, colorScheme, touch, downloads }) {
    // The colour scheme is a preference of the browser (WebDriver BiDi has no
    // emulation of it in Firefox 153: emulation.setColorSchemeOverride is an
    // unknown command), so there is one Firefox per scheme.
    const browser = await engine.browser(colorScheme);
    const context = await browser.createBrowserContext();
    const page = new FirefoxPage("firefox", server);
    page.colorScheme = colorScheme;
    page.context = context;
    page.page = await context.newPage();
    page.downloads = downloads;
    page.page.on("console", (msg) => {
      if (msg.type() === "error") page.native.push(`console.error: ${msg.text()}`);
    });
    page.page.on("pageerror", (err) => page.native.push(`page error: ${err.message}`));
    await page.page.setViewport({ width, height, deviceScaleFactor: dpr, hasTouch: touch });
    return page;
  }
  press(key) {
    // puppeteer's WebDriver BiDi keyboard knows the space bar only as " ".
    return this.page.keyboard.press(key === "Space" ? " " : key);
  }
  setViewport(width, height) {
    const v = this.page.viewport();
    return this.page.setViewport({ ...v, width, height });
  }
  async setColorScheme(colorScheme) {
    if (colorScheme !== this.colorScheme) throw new Error("firefox: the colour scheme is set per browser (a preference at launch)");
  }
  download(action) {
    return downloadInto(this.downloads, action);
  }
  async grantClipboard() {}
  readClipboard() {
    // dom.events.testing.asyncClipboard (set at launch) lets a test read it.
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
  close() {
    return this.context.close();
  }
}

// ---------------------------------------------------------------- WebKit (W3C WebDriver)

/** A WebKitWebDriver process (one per pixel ratio: GDK_SCALE is the process's). */
class WebKitDriver {
  static async start({ display, scale }) {
    const port = await freePort();
    const env = { ...process.env, DISPLAY: display, GDK_SCALE: String(scale), ...(WebKitDriver.env ?? {}) };
    const child = spawn(WEBKIT_DRIVER, [`--port=${port}`], { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-4000)));
    const driver = new WebKitDriver();
    driver.child = child;
    driver.base = `http://127.0.0.1:${port}`;
    const deadline = performance.now() + 15_000;
    for (;;) {
      try {
        const r = await fetch(`${driver.base}/status`);
        if (r.ok) break;
      } catch {}
      if (performance.now() > deadline || child.exitCode !== null) throw new Error(`WebKitWebDriver did not start: ${stderr}`);
      await sleep(100);
    }
    return driver;
  }
  async send(method, url, body, timeout = 60_000) {
    // A bound on every command: without it a MiniBrowser that never came up
    // held a test for undici's 300 s before "fetch failed".
    const r = await fetch(this.base + url, {
      method,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
    const json = await r.json().catch(() => ({}));
    if (!r.ok || json.value?.error) {
      throw new Error(`webkit: ${method} ${url}: ${json.value?.error ?? r.status}: ${json.value?.message ?? ""}`);
    }
    return json.value;
  }
  stop() {
    this.child.kill("SIGTERM");
  }
}

class WebKitPage extends BasePage {
  static async open(engine, server, { width, height, dpr, colorScheme, downloads }) {
    const args = ["--automation"];
    if (colorScheme === "dark") args.push("--dark-mode");
    const capabilities = { alwaysMatch: { "webkitgtk:browserOptions": { binary: MINIBROWSER, args } } };
    // On a loaded machine a MiniBrowser now and then never answers its
    // driver: the session is asked for again from a new driver (twice at most).
    let driver, session;
    for (let attempt = 1; ; attempt++) {
      driver = await engine.driver(dpr, attempt > 1);
      try {
        session = await driver.send("POST", "/session", { capabilities }, 45_000);
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
    const page = new WebKitPage("webkit", server);
    page.driver = driver;
    page.downloads = downloads;
    page.s = `/session/${session.sessionId}`;
    page.colorScheme = colorScheme;
    await page.setViewport(width, height);
    return page;
  }
  cmd(method, url, body) {
    return this.driver.send(method, this.s + url, body);
  }
  async goto(url) {
    this.httpFrom = this.server ? this.server.httpErrors.length : 0;
    await this.cmd("POST", "/url", { url });
  }
  async addScript(source) {
    await this.cmd("POST", "/execute/sync", { script: source, args: [] });
  }
  async evaluate(fn, arg) {
    // The function's source goes into the script itself: eval would be
    // refused under the page's CSP (no 'unsafe-eval'), a WebDriver script is not.
    const script =
      "const [arg, done] = arguments;" +
      `Promise.resolve().then(() => (${fn.toString()})(arg))` +
      ".then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String((e && e.stack) || e) }));";
    const r = await this.cmd("POST", "/execute/async", { script, args: [arg === undefined ? null : arg] });
    if (r && "error" in r) throw new Error(`webkit: in the page: ${r.error}`);
    return r?.ok;
  }
  pointer(pointerType, actions) {
    return this.cmd("POST", "/actions", {
      actions: [{ type: "pointer", id: pointerType, parameters: { pointerType }, actions }],
    });
  }
  mouseMove(x, y) {
    return this.pointer("mouse", [{ type: "pointerMove", x: Math.round(x), y: Math.round(y), origin: "viewport", duration: 0 }]);
  }
  click(x, y) {
    return this.pointer("mouse", [
      { type: "pointerMove", x: Math.round(x), y: Math.round(y), origin: "viewport", duration: 0 },
      { type: "pointerDown", button: 0 },
      { type: "pointerUp", button: 0 },
    ]);
  }
  tap(x, y) {
    return this.pointer("touch", [
      { type: "pointerMove", x: Math.round(x), y: Math.round(y), origin: "viewport", duration: 0 },
      { type: "pointerDown", button: 0 },
      { type: "pointerUp", button: 0 },
    ]);
  }
  async press(key) {
    const value = WEBDRIVER_KEYS[key === " " ? "Space" : key] ?? key;
    await this.cmd("POST", "/actions", {
      actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value }, { type: "keyUp", value }] }],
    });
  }
  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }
  /**
   * Sizes the window so that the viewport (innerWidth × innerHeight) is
   * width × height, or as near as MiniBrowser allows: its window has a
   * toolbar and cannot be narrower than about 450 CSS px (`minWidth`).
   */
  async setViewport(width, height) {
    let w = width;
    let h = height;
    let iw, ih;
    for (let i = 0; i < 3; i++) {
      await this.cmd("POST", "/window/rect", { width: w, height: h });
      [iw, ih] = await this.evaluate(() => [innerWidth, innerHeight]);
      if (iw === width && ih === height) return;
      if (iw > width && i > 0) break;
      w += width - iw;
      h += height - ih;
    }
    if (ih !== height) await this.cmd("POST", "/window/rect", { width: w, height: h + height - ih });
    this.minWidth = iw > width ? iw : undefined;
  }
  async setColorScheme(colorScheme) {
    if (colorScheme !== this.colorScheme) throw new Error("webkit: the colour scheme is set per session (MiniBrowser --dark-mode)");
  }
  /**
   * MiniBrowser driven by WebKitWebDriver saves no download (tried: a link
   * with `download` to a data: URL leaves no file anywhere), so here the link
   * the page clicks is read: its `download` name and the bytes of its
   * data: URL (the module's downloads are data: URLs). The click still happens.
   */
  async download(action) {
    await this.evaluate(() => {
      window.__downloads = [];
      if (window.__downloadsHooked) return;
      window.__downloadsHooked = true;
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        if (this.hasAttribute("download")) window.__downloads.push({ name: this.download, href: this.href });
        return click.call(this);
      };
    });
    await action();
    const { name, href } = await this.waitFor(() => window.__downloads[0], null, { message: "no download link was clicked" });
    const m = href.match(/^data:([^,]*?)(;base64)?,(.*)$/s);
    if (!m) throw new Error(`webkit: a download that is not a data: URL: ${href.slice(0, 40)}`);
    const bytes = m[2] ? Buffer.from(m[3], "base64") : Buffer.from(decodeURIComponent(m[3]), "utf8");
    return { name, bytes };
  }
  async grantClipboard() {}
  /**
   * WebKit refuses navigator.clipboard.readText to a page without a paste
   * gesture, so this pastes as a reader would: Ctrl+V into a field added for it.
   */
  async readClipboard() {
    await this.evaluate(() => {
      const field = document.createElement("textarea");
      field.id = "__paste";
      document.body.append(field);
      field.focus();
    });
    await this.cmd("POST", "/actions", {
      actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value: "\uE009" }, { type: "keyDown", value: "v" }, { type: "keyUp", value: "v" }, { type: "keyUp", value: "\uE009" }] }],
    });
    return this.evaluate(() => {
      const field = document.getElementById("__paste");
      field.remove();
      return field.value;
    });
  }
  async close() {
    await this.cmd("DELETE", "").catch(() => {});
  }
}

// ---------------------------------------------------------------- downloads

/** Runs `action` and waits for one new finished file in `dir`: { name, bytes }. */
async function downloadInto(dir, action) {
  const before = new Set(await readdir(dir));
  await action();
  const deadline = performance.now() + 10_000;
  for (;;) {
    const fresh = (await readdir(dir)).filter((f) => !before.has(f) && !/\.(part|download)$|^\.|\.crdownload$/.test(f));
    if (fresh.length > 0) {
      const file = path.join(dir, fresh[0]);
      // Wait until the size settles (the engine may still be writing).
      let size = -1;
      for (let i = 0; i < 20; i++) {
        const now = (await stat(file)).size;
        if (now === size && now > 0) break;
        size = now;
        await sleep(50);
      }
      const bytes = await readFile(file);
      await rm(file, { force: true });
      return { name: fresh[0], bytes };
    }
    if (performance.now() > deadline) throw new Error(`no download arrived in ${dir}`);
    await sleep(100);
  }
}

// ---------------------------------------------------------------- engines

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** An Xvfb display for MiniBrowser, started once; `DISPLAY` if one is set and CARETO_XVFB is not. */
let xvfb = null;
async function display() {
  if (xvfb) return xvfb.display;
  for (let n = 90; n < 110; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const child = spawn("Xvfb", [`:${n}`, "-screen", "0", "2800x2200x24", "-nolisten", "tcp"], { stdio: "ignore" });
    const deadline = performance.now() + 10_000;
    while (!existsSync(`/tmp/.X11-unix/X${n}`)) {
      if (child.exitCode !== null || performance.now() > deadline) break;
      await sleep(50);
    }
    if (existsSync(`/tmp/.X11-unix/X${n}`)) {
      xvfb = { child, display: `:${n}` };
      return xvfb.display;
    }
    child.kill();
  }
  throw new Error("could not start Xvfb");
}

/** The engine's version, for test names and the README. */
function versionOf(name) {
  try {
    if (name === "chromium") return execFileSync(CHROMIUM, ["--version"], { encoding: "utf8" }).match(/[\d.]+/)?.[0];
    if (name === "firefox") return execFileSync(FIREFOX, ["--version"], { encoding: "utf8" }).match(/[\d.]+\w*/)?.[0];
    if (name === "webkit") return execFileSync("dpkg-query", ["-W", "-f=${Version}", "libwebkit2gtk-4.1-0"], { encoding: "utf8" }).split("-")[0];
  } catch {}
  return "?";
}

/**
 * Launches engine `name`. Returns { name, version, newPage(server, options), close }.
 * Page options: width, height (the viewport, CSS px), dpr (1 or 2), colorScheme
 * ("light", "dark"), touch (a touch screen).
 */
export async function launch(name) {
  const downloads = await mkdtemp(path.join(os.tmpdir(), `careto-${name}-downloads-`));
  const engine = { name, version: versionOf(name), downloads };
  const defaults = (o) => ({ width: 1000, height: 800, dpr: 1, colorScheme: "light", touch: false, downloads, ...o });
  if (name === "chromium") {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
    engine.newPage = (server, o) => ChromiumPage.open(browser, server, defaults(o));
    engine.close = async () => {
      await browser.close();
      await rm(downloads, { recursive: true, force: true });
    };
  } else if (name === "firefox") {
    const browsers = new Map();
    const start = (colorScheme) => puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX,
      headless: true,
      timeout: 60_000,
      extraPrefsFirefox: {
        // Downloads go to our directory, never asked about.
        "browser.download.dir": downloads,
        "browser.download.folderList": 2,
        "browser.download.useDownloadDir": true,
        "browser.download.always_ask_before_handling_new_types": false,
        "browser.helperApps.neverAsk.saveToDisk": "text/csv,image/png",
        // Nor shown: the downloads panel, opened by a download, took the
        // window's focus, and a page opened after it could be left without
        // it (document.hasFocus() false), where Enter on a focused button
        // made keydown, keypress and keyup but no click.
        "browser.download.alwaysOpenPanel": false,
        // navigator.clipboard.readText without a paste prompt (tests only).
        "dom.events.testing.asyncClipboard": true,
        // prefers-color-scheme (0 dark, 1 light) and prefers-reduced-motion, as Chromium's emulation gives them.
        "layout.css.prefers-color-scheme.content-override": colorScheme === "dark" ? 0 : 1,
        "ui.prefersReducedMotion": 1,
        // No network beyond 127.0.0.1.
        "network.captive-portal-service.enabled": false,
        "app.update.enabled": false,
      },
    });
    engine.browser = (colorScheme) => {
      if (!browsers.has(colorScheme)) browsers.set(colorScheme, start(colorScheme));
      return browsers.get(colorScheme);
    };
    await engine.browser("light");
    engine.newPage = (server, o) => FirefoxPage.open(engine, server, defaults(o));
    engine.close = async () => {
      for (const b of browsers.values()) await (await b).close();
      await rm(downloads, { recursive: true, force: true });
    };
  } else if (name === "webkit") {
    const x = await display();
    const drivers = new Map();
    WebKitDriver.env = { XDG_DOWNLOAD_DIR: downloads };
    // Every driver started, stopped at the end (a fresh one for a scale
    // leaves the old one running: its other sessions may still be in use).
    const started = [];
    engine.driver = async (scale, fresh = false) => {
      if (fresh || !drivers.has(scale)) {
        const d = WebKitDriver.start({ display: x, scale });
        started.push(d);
        drivers.set(scale, d);
      }
      return drivers.get(scale);
    };
    engine.newPage = (server, o) => WebKitPage.open(engine, server, defaults(o));
    engine.close = async () => {
      for (const d of started) (await d.catch(() => null))?.stop();
      xvfb?.child.kill();
      xvfb = null;
      await rm(downloads, { recursive: true, force: true });
    };
  } else {
    throw new Error(`no engine "${name}": chromium, firefox or webkit`);
  }
  return engine;
}

process.on("exit", () => xvfb?.child.kill());
