// The lazily loaded parts (issue 12.5 and 12.6), in headless Chromium on the
// site of `make site` (dist/, served by scripts/serve.mjs with its CSP):
//
//   make site && node --test tests/page/lazy.test.mjs     (make test-page does both)
//
// 12.5  A reader who reaches for a chart before its interaction layer has
//       arrived gets a busy state (the live region says "Loading…" in the
//       chart's language, the canvas cursor is `progress`), then what they
//       asked for: Tab and ArrowDown 50 ms after the first frame on a cold
//       load, and a hover. The layer is made slow on purpose (a route that
//       holds careto_viz_interact.js back) so the busy state is really seen;
//       one test runs without that, as a reader's cold load comes.
// 12.6  A part that fails to load loses nothing, one test per case, with
//       request interception: careto_viz_interact.js answered 404, the
//       details module's .wasm offline, and a page whose CSP lets only the
//       first-paint files run. The picture stays (pixels read back before and
//       after), the control the reader used says why in the page's language
//       (.cv-status and the live region), the console gets one error per
//       failure, and (404, offline) the next use after the part is reachable
//       again works.
//
// A MutationObserver installed by an init script logs, from the moment the
// charts are mounted, every change of each chart's live region, cursor,
// tooltip and status with its time, so a state that comes and goes between
// two polls is still seen.

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { canvasHash, canvasStats, launchBrowser, openPage, serve, SITE_DIR as DIST, requireSite } from "./browser.mjs";
import { LOADING, chartState, itemPoint, measurePath, stripMap, until, watchFirstFrame, watchNetwork, withoutMap } from "./paths.mjs";

/** The shell's words when a part could not be loaded (src/i18n.rs, `load_failed`). */
const LOAD_FAILED = {
  en: "The chart's interactive features could not be loaded. Try again.",
  es: "No se pudieron cargar las funciones interactivas del gráfico. Vuelva a intentarlo.",
};
/** The shell's words when a chart could not be switched to the other language (src/i18n.rs, `lang_failed`). */
const LANG_FAILED = {
  en: "The chart could not be shown in the other language. Try again.",
  es: "No se pudo mostrar el gráfico en el otro idioma. Vuelva a intentarlo.",
};
const INTERACT = "careto_viz_interact.js";
/** The article kernel in Spanish (one kernel per language: wasm-pack.toml [build].langs). */
const ES_KERNEL = "careto_viz_es.js";
/** The details module of a language (one per language: wasm-pack.toml [build.details]). */
const DETAILS_WASM = "careto_viz_details_es_bg.wasm";
/** How long the slowed layer is held back: far longer than 50 ms plus a key press. */
const SLOW_MS = 1_500;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- in the page

/**
 * Init script: once the charts are mounted (html[data-careto-viz-state] set),
 * logs into `window.__cvLog` each chart's { t, host, live, cursor, tip,
 * status } whenever any of them changes, and the times of the first Tab
 * and ArrowDown keydowns into `window.__cvTabAt` and `window.__cvArrowAt`.
 */
function logCharts() {
  window.__cvLog = [];
  addEventListener("keydown", (e) => {
    if (e.key === "Tab" && window.__cvTabAt === undefined) window.__cvTabAt = performance.now();
    if (e.key === "ArrowDown" && window.__cvArrowAt === undefined) window.__cvArrowAt = performance.now();
  }, true);
  const watch = () => {
    const state = document.documentElement?.getAttribute("data-careto-viz-state");
    if (!state || state === "loading" || window.__cvWatching) return;
    window.__cvWatching = true;
    for (const host of document.querySelectorAll("[id]")) {
      const root = host.shadowRoot;
      if (!root?.querySelector("canvas")) continue;
      let last = "";
      const record = () => {
        const tip = root.querySelector(".cv-tip");
        const entry = {
          host: host.id,
          live: root.querySelector("[aria-live]").textContent,
          cursor: root.querySelector("canvas").style.cursor,
          tip: tip.hidden ? null : tip.querySelector("b")?.textContent ?? "",
          status: root.querySelector(".cv-status").textContent,
        };
        const key = JSON.stringify(entry);
        if (key !== last) window.__cvLog.push({ t: performance.now(), ...entry });
        last = key;
      };
      record();
      new MutationObserver(record).observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["style", "hidden"] });
    }
  };
  new MutationObserver(watch).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-careto-viz-state"] });
}

/** Runs `chart.update(options)` on the demo page's chart in `hostId` (main.js keeps its charts). */
async function updateChart([hostId, options]) {
  const { charts } = await import(new URL("main.js", location.href).href);
  charts.get(document.getElementById(hostId)).update(options);
}

/** The accessible name of the canvas of chart `hostId`. */
function titleOf(hostId) {
  return document.getElementById(hostId).shadowRoot.querySelector("canvas").getAttribute("aria-label");
}

// ---------------------------------------------------------------- in node

let server, browser;
before(async () => {
  await requireSite("pkg", "careto_viz_bg.wasm");
  server = await serve(DIST);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A fresh page with the init scripts, its console errors split into ours
 * (prefixed "careto-viz: ") and the browser's ({ text, url }), and page
 * errors (uncaught) apart.
 */
async function open() {
  const session = await openPage(browser);
  const { context, page } = session;
  await context.addInitScript(watchFirstFrame);
  await context.addInitScript(logCharts);
  session.ours = [];
  session.browsers = [];
  session.uncaught = [];
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    if (msg.text().startsWith("careto-viz: ")) session.ours.push(msg.text());
    else session.browsers.push({ text: msg.text(), url: msg.location()?.url ?? "" });
  });
  page.on("pageerror", (err) => session.uncaught.push(err.message));
  session.network = watchNetwork(page);
  return session;
}

/** Runs `test` with a fresh page (open()) and closes its context after, whatever happened. */
async function inSession(test) {
  const session = await open();
  try {
    return await test(session);
  } finally {
    await session.context.close();
  }
}

/**
 * Goes to `url` and resolves, in one round trip after the navigation, once
 * it is `wait` ms after the first frame with the charts (by the page's clock:
 * the page waits, not node); returns how long after the frame that is.
 */
async function coldLoad(page, url, wait = 0, { routed = false } = {}) {
  // The article's two charts, as before the map (which comes after their first frame: tests/page/map.test.mjs).
  if (url.startsWith("index.html") && !routed) await withoutMap(page);
  await page.goto(new URL(url, server.url).href, { waitUntil: "commit" });
  const { state, late } = await page.evaluate(async (ms) => {
    const frame = await window.__cvFrameReady;
    const left = frame + ms - performance.now();
    if (left > 0) await new Promise((r) => setTimeout(r, left));
    return { state: window.__cvMounted.state, late: performance.now() - frame };
  }, wait);
  assert.equal(state, "ready", `${url}: the charts did not mount (${state})`);
  return late;
}

/** Answers every request for `file` with a 404 until `stop()`; counts them in `requests`. */
async function notFound(page, file) {
  const failed = { requests: 0 };
  const handler = (route) => {
    failed.requests++;
    return route.fulfill({ status: 404, contentType: "text/plain", body: "404 Not Found\n" });
  };
  await page.route(`**/${file}`, handler);
  failed.stop = () => page.unroute(`**/${file}`, handler);
  return failed;
}

/** Holds every request for `file` back by `ms`, then lets it through; returns a counter of requests. */
async function slow(page, file, ms) {
  const seen = { requests: 0 };
  await page.route(`**/${file}`, async (route) => {
    seen.requests++;
    await sleep(ms);
    await route.continue().catch(() => {}); // the page may be closed by then
  });
  return seen;
}

const logOf = (page, host) => page.evaluate((h) => window.__cvLog.filter((e) => e.host === h), host);

/** The chart's states logged after time `t` (ms, the page's clock). */
async function statesAfter(page, host, t) {
  return (await logOf(page, host)).filter((e) => e.t >= t);
}

async function announced(page, host, pattern) {
  return until(async () => {
    const s = await page.evaluate(chartState, host);
    return pattern.test(s.live) ? s : null;
  }, `${host}: the live region never matched ${pattern}`);
}

/** Tab until the canvas of chart `host` has the focus. */
async function tabTo(page, host) {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    const on = await page.evaluate((h) => document.activeElement?.id === h && document.activeElement.shadowRoot.activeElement?.localName === "canvas", host);
    if (on) return;
  }
  assert.fail(`Tab never reached the canvas of ${host}`);
}

/**
 * Checks a chart's log since the reader acted: until the first entry for
 * which `arrivedWhen(entry)` is true (the answer), every state was the busy
 * one (the loading word in `lang` and a `progress` cursor); returns { busy:
 * the first busy entry or undefined (the layer was already there), arrived }.
 */
function busyThenArrived(log, lang, arrivedWhen) {
  const arrivedAt = log.findIndex(arrivedWhen);
  assert.ok(arrivedAt >= 0, `the answer never came: ${JSON.stringify(log)}`);
  const before = log.slice(0, arrivedAt);
  for (const e of before) {
    assert.deepEqual([e.cursor, e.live], ["progress", LOADING[lang]], `before the answer, a state that is not the busy one: ${JSON.stringify(log)}`);
  }
  const busy = before[0];
  return { busy, arrived: log[arrivedAt] };
}

// ---------------------------------------------------------------- one language

describe("a page needs one language: each drawing kernel is built once per language", () => {
  it("index.html fetches only the English kernels, embed.html?lang=es only the Spanish one; a chart switched to Spanish fetches it then", async () => {
    const kernels = (session) => [...new Set(session.requests.map((u) => new URL(u).pathname.split("/").pop()).filter((f) => /^careto_viz(_map|_profile)?(_es)?(_bg\.wasm|\.js)$/.test(f)))].sort();
    let session = await open();
    try {
      await coldLoad(session.page, "index.html", 0, { routed: true });
      await session.page.waitForSelector('#careto-map[data-careto-viz-state="ready"]', { state: "attached" });
      await session.network.idle();
      assert.deepEqual(kernels(session), ["careto_viz.js", "careto_viz_bg.wasm", "careto_viz_map.js", "careto_viz_map_bg.wasm"]);
      await session.page.evaluate(updateChart, ["careto-timeline", { lang: "es" }]);
      await until(async () => /cronología/.test(await session.page.evaluate(titleOf, "careto-timeline")), "the timeline did not switch to Spanish");
      assert.deepEqual(kernels(session), ["careto_viz.js", "careto_viz_bg.wasm", "careto_viz_es.js", "careto_viz_es_bg.wasm", "careto_viz_map.js", "careto_viz_map_bg.wasm"]);
      // The map too: its Spanish kernel gets the geometry the page already has.
      await session.page.evaluate(updateChart, ["careto-map", { lang: "es" }]);
      await until(async () => /dónde están/.test(await session.page.evaluate(titleOf, "careto-map")), "the map did not switch to Spanish");
      assert.equal(session.requests.filter((u) => u.endsWith("/world-110m.bin")).length, 1, "the geometry is fetched once");
      assert.ok((await session.page.locator("#careto-map canvas").evaluate(canvasStats)).colours >= 3, "the Spanish map is drawn");
      assert.deepEqual(session.ours, []);
    } finally {
      await session.context.close();
    }
    session = await open();
    try {
      await coldLoad(session.page, "embed.html?view=timeline&lang=es");
      await session.network.idle();
      assert.deepEqual(kernels(session), ["careto_viz_es.js", "careto_viz_es_bg.wasm"]);
      assert.match(await session.page.evaluate(titleOf, "chart"), /cronología/);
      assert.deepEqual(session.ours, []);
    } finally {
      await session.context.close();
    }
  });
});

describe("a chart switched to the other language", () => {
  it("keeps its keyboard focus: ArrowDown goes on from Morocco to Brazil, said in Spanish", () =>
    inSession(async (session) => {
      const { page } = session;
      await coldLoad(page, "index.html");
      await tabTo(page, "careto-bars");
      await page.keyboard.press("ArrowDown");
      await announced(page, "careto-bars", /^Morocco/);
      await page.evaluate(updateChart, ["careto-bars", { lang: "es" }]);
      await until(async () => /países afectados/.test(await page.evaluate(titleOf, "careto-bars")), "the bars did not switch to Spanish");
      await page.keyboard.press("ArrowDown");
      await announced(page, "careto-bars", /^Brasil/);
      assert.deepEqual(session.ours, []);
    }));
});

// ---------------------------------------------------------------- 12.5

describe("a reader before the interaction layer has arrived (issue 12.5)", () => {
  it("Tab and ArrowDown 50 ms after the first frame of a cold load: the announcement of Morocco (after the busy state if the layer was not there)", () =>
    inSession(async (session) => {
      const { page } = session;
      const late = await coldLoad(page, "index.html", 50);
      await page.keyboard.press("Tab");
      await page.keyboard.press("ArrowDown");
      await announced(page, "careto-bars", /^Morocco\b.*384/);
      const [tabAt, arrowAt] = await page.evaluate(() => [window.__cvTabAt - window.__cvFrame, window.__cvArrowAt - window.__cvFrame]);
      const log = await statesAfter(page, "careto-bars", await page.evaluate(() => window.__cvArrowAt));
      const { busy } = busyThenArrived(log, "en", (e) => /^Morocco\b/.test(e.live));
      console.log(`  after the first frame: ${late.toFixed(0)} ms the test presses Tab, ${tabAt.toFixed(0)} ms its keydown, ${arrowAt.toFixed(0)} ms ArrowDown's; busy state ${busy ? "seen" : "not needed: the layer was already there"}`);
      assert.ok(tabAt >= 50 && arrowAt > tabAt, `Tab at ${tabAt} ms, ArrowDown at ${arrowAt} ms after the first frame`);
      assert.deepEqual([session.ours, session.browsers, session.uncaught], [[], [], []]);
    }));

  it("with the layer held back: ArrowDown gets \"Loading…\" and a progress cursor, then Morocco's announcement", () =>
    inSession(async (session) => {
      const { page } = session;
      const held = await slow(page, INTERACT, SLOW_MS);
      await coldLoad(page, "index.html", 50);
      await page.keyboard.press("Tab");
      await page.keyboard.press("ArrowDown");
      const now = await page.evaluate(chartState, "careto-bars");
      assert.equal(now.live, LOADING.en, "right after ArrowDown, before the layer: the live region");
      assert.equal(now.cursor, "progress", "right after ArrowDown, before the layer: the canvas cursor");
      const s = await announced(page, "careto-bars", /^Morocco\b.*384/);
      assert.match(s.live, /^Morocco, 384, almost certainly victim IP addresses, 1 of 11$/, "the keyboard says one short line (issue 16.2)");
      assert.notEqual(s.cursor, "progress", "the busy cursor stayed after the layer arrived");
      const log = await statesAfter(page, "careto-bars", await page.evaluate(() => window.__cvArrowAt));
      const { busy, arrived } = busyThenArrived(log, "en", (e) => /^Morocco\b/.test(e.live));
      assert.ok(busy, `no busy state logged: ${JSON.stringify(log)}`);
      assert.ok(arrived.t - busy.t >= SLOW_MS / 2, `the layer came ${arrived.t - busy.t} ms after the busy state: was it held back?`);
      assert.equal(held.requests, 1, "the layer was requested once");
      assert.deepEqual([session.ours, session.browsers, session.uncaught], [[], [], []]);
    }));

  it("with the layer held back: Tab alone, then what the keys do, shown once the layer arrives", () =>
    inSession(async (session) => {
      // The hint was shown from the canvas's focus event only, which came
      // before the layer was there to listen: a reader quick to Tab saw none.
      const { page } = session;
      await slow(page, INTERACT, SLOW_MS);
      await coldLoad(page, "embed.html?view=bars", 50);
      await tabTo(page, "chart");
      const hint = () => {
        const tip = document.querySelector("#chart").shadowRoot.querySelector(".cv-tip");
        return !!tip && !tip.hidden && tip.textContent;
      };
      assert.equal(await page.evaluate(hint), false, "a hint before the layer arrived: was it held back?");
      const shown = await page.waitForFunction(hint, null, { timeout: SLOW_MS * 4 });
      assert.match(await shown.jsonValue(), /^Keys: the arrows go through the countries/);
      assert.deepEqual([session.ours, session.browsers, session.uncaught], [[], [], []]);
    }));

  it("in Spanish (embed.html?view=bars&lang=es): \"Cargando…\", then Marruecos", () =>
    inSession(async (session) => {
      const { page } = session;
      await slow(page, INTERACT, SLOW_MS);
      await coldLoad(page, "embed.html?view=bars&lang=es", 50);
      await tabTo(page, "chart");
      await page.keyboard.press("ArrowDown");
      const now = await page.evaluate(chartState, "chart");
      assert.deepEqual([now.live, now.cursor, now.lang], [LOADING.es, "progress", "es"]);
      await announced(page, "chart", /^Marruecos\b.*384/);
      const log = await statesAfter(page, "chart", await page.evaluate(() => window.__cvArrowAt));
      assert.ok(busyThenArrived(log, "es", (e) => /^Marruecos\b/.test(e.live)).busy);
      assert.deepEqual([session.ours, session.browsers, session.uncaught], [[], [], []]);
    }));

  it("a hover before the layer: a progress cursor and \"Loading…\", then Morocco's tooltip", () =>
    inSession(async (session) => {
      const { page } = session;
      await slow(page, INTERACT, SLOW_MS);
      await coldLoad(page, "index.html");
      const bar = await page.evaluate(itemPoint, ["careto-bars", "country:MAR"]);
      assert.ok(bar, "Morocco's bar not found by hit-testing");
      const t = await page.evaluate(() => performance.now());
      await page.mouse.move(bar.x - 2, bar.y);
      await page.mouse.move(bar.x, bar.y);
      const now = await page.evaluate(chartState, "careto-bars");
      assert.deepEqual([now.cursor, now.live, now.tip], ["progress", LOADING.en, null], "over a bar, before the layer");
      const s = await until(async () => {
        const st = await page.evaluate(chartState, "careto-bars");
        return st.tip ? st : null;
      }, "no tooltip once the layer arrived");
      assert.match(s.tip, /Morocco/);
      assert.match(s.tip, /384, almost certainly victim IP addresses/);
      assert.equal(s.cursor, "pointer");
      const { busy, arrived } = busyThenArrived(await statesAfter(page, "careto-bars", t), "en", (e) => e.tip !== null);
      assert.ok(busy && arrived.t - busy.t >= SLOW_MS / 2, "the busy state came first, for as long as the layer was held back");
      assert.deepEqual([session.ours, session.browsers, session.uncaught], [[], [], []]);
    }));
});

describe("after the busy state", () => {
  it("the live region no longer says \"Loading…\" once the layer has come for a hover or Show data", () =>
    inSession(async ({ page }) => {
      await slow(page, INTERACT, SLOW_MS);
      await coldLoad(page, "index.html");
      const bar = await page.evaluate(itemPoint, ["careto-bars", "country:MAR"]);
      await page.mouse.move(bar.x, bar.y);
      await page.locator("#careto-timeline .cv-tools button[aria-controls]").click();
      assert.equal((await page.evaluate(chartState, "careto-timeline")).live, LOADING.en);
      await until(async () => (await page.evaluate(chartState, "careto-bars")).tip, "no tooltip");
      await until(async () => (await page.evaluate(chartState, "careto-timeline")).rows > 0, "no table");
      for (const host of ["careto-bars", "careto-timeline"]) {
        assert.notEqual((await page.evaluate(chartState, host)).live, LOADING.en, `${host}: the live region still says "Loading…" after the layer came`);
      }
    }));
});

// ---------------------------------------------------------------- 12.6

/** Asserts that chart `host` shows the load failure in `lang`, and is not busy. */
async function saysWhy(page, host, lang) {
  const s = await until(async () => {
    const st = await page.evaluate(chartState, host);
    return st.status ? st : null;
  }, `${host}: the control says nothing`);
  assert.equal(s.status, LOAD_FAILED[lang], `${host}: .cv-status`);
  assert.equal(s.live, LOAD_FAILED[lang], `${host}: the live region`);
  assert.notEqual(s.cursor, "progress", `${host}: still busy after the failure`);
  return s;
}

/** Asserts the chart `host` still shows the picture it had (`hash`), a real one. */
async function pictureStays(page, host, hash) {
  assert.equal(await page.evaluate(canvasHash, `#${host}`), hash, `${host}: the picture changed`);
  const stats = await page.locator(`#${host} canvas`).evaluate(canvasStats);
  assert.ok(stats.painted > stats.total * 0.02 && stats.colours >= 3, `${host}: the canvas is not a chart any more: ${JSON.stringify(stats)}`);
}

/** Every console error of the browser's own is about `file` (its request failed or was blocked). */
function onlyAbout(session, file) {
  const other = session.browsers.filter((m) => !m.text.includes(file) && !m.url.includes(file));
  assert.deepEqual(other, [], `console errors not about ${file}`);
  assert.deepEqual(session.uncaught, [], "uncaught errors");
}

/** Waits for the failed prefetch's one error, then for the network to rest. */
async function prefetchFailed(session) {
  await until(() => session.ours.length > 0, "the failed prefetch was not reported");
  await session.network.idle();
  assert.equal(session.ours.length, 1, `one console error for the failed prefetch of both charts, not ${session.ours.length}:\n${session.ours.join("\n")}`);
  assert.ok(session.ours[0].includes(LOAD_FAILED.en) || session.ours[0].includes(LOAD_FAILED.es), session.ours[0]);
}

describe("a part that fails to load loses nothing (issue 12.6)", () => {
  it("careto_viz_interact.js answers 404: the bars stay, the hover says why, one error; once it is back the next hover shows the tooltip", () =>
    inSession(async (session) => {
      const { page } = session;
      const failed = await notFound(page, INTERACT);
      await coldLoad(page, "index.html");
      await prefetchFailed(session);
      const hashes = { bars: await page.evaluate(canvasHash, "#careto-bars"), timeline: await page.evaluate(canvasHash, "#careto-timeline") };

      const bar = await page.evaluate(itemPoint, ["careto-bars", "country:MAR"]);
      await page.mouse.move(bar.x, bar.y);
      await saysWhy(page, "careto-bars", "en");
      assert.equal(session.ours.length, 2, `one more console error for the hover's failed load:\n${session.ours.join("\n")}`);
      assert.ok(session.ours[1].startsWith(`careto-viz: ${LOAD_FAILED.en} (`) && session.ours[1].includes(INTERACT), `the error says what failed: ${session.ours[1]}`);
      assert.equal((await page.evaluate(chartState, "careto-bars")).tip, null);
      await pictureStays(page, "careto-bars", hashes.bars);
      await pictureStays(page, "careto-timeline", hashes.timeline);
      onlyAbout(session, INTERACT);
      const tries = failed.requests;
      assert.ok(tries >= 2, `the hover did not try again (${tries} requests)`);

      await failed.stop();
      await page.mouse.move(bar.x, bar.y - 40);
      await page.mouse.move(bar.x, bar.y);
      const s = await until(async () => {
        const st = await page.evaluate(chartState, "careto-bars");
        return st.tip ? st : null;
      }, "no tooltip after the layer became reachable");
      assert.match(s.tip, /Morocco/);
      assert.equal(s.status, "", "the failure is no longer shown once it works");
      assert.equal(session.ours.length, 2, "no error once it works");
      assert.equal(failed.requests, tries, "the retry went past the route it should no longer meet");
    }));

  it("the details .wasm is offline (Spanish page): the timeline stays, Show data says why in Spanish, one error; back online, the next click fills the table", () =>
    inSession(async (session) => {
      const { page } = session;
      const offline = (route) => route.abort("internetdisconnected");
      await page.route(`**/${DETAILS_WASM}`, offline);
      await coldLoad(page, "embed.html?view=timeline&lang=es");
      await prefetchFailed(session);
      const hash = await page.evaluate(canvasHash, "#chart");
      const show = page.locator("#chart .cv-tools button[aria-controls]");
      assert.equal((await show.textContent()).trim(), "Mostrar datos");

      await show.click();
      await saysWhy(page, "chart", "es");
      assert.equal(session.ours.length, 2, `one more console error for the click's failed load:\n${session.ours.join("\n")}`);
      assert.ok(session.ours[1].startsWith(`careto-viz: ${LOAD_FAILED.es} (`), session.ours[1]);
      const st = await page.evaluate(chartState, "chart");
      assert.deepEqual([st.expanded, st.rows], ["false", 0], "the table did not open, and says nothing it does not have");
      await pictureStays(page, "chart", hash);
      onlyAbout(session, DETAILS_WASM);

      await page.unroute(`**/${DETAILS_WASM}`, offline);
      await show.click();
      const opened = await until(async () => {
        const s = await page.evaluate(chartState, "chart");
        return s.rows > 0 && s.expanded === "true" ? s : null;
      }, "the table did not fill once back online");
      assert.equal(opened.status, "");
      assert.match(await page.locator("#chart table caption").textContent(), /\S/);
      assert.equal((await show.textContent()).trim(), "Ocultar datos");
      assert.equal(session.ours.length, 2, "no error once it works");
    }));

  it("a CSP that lets only the first-paint files run: the charts stay, ArrowDown says why, one error", async () => {
    // The first-paint files, as the page itself fetches them (tests/page/paths.mjs).
    const first = await measurePath(browser, { base: server.url, root: DIST, url: "index.html", path: "first-frame", prepare: withoutMap });
    const origin = new URL(server.url).origin;
    const allowed = first.files.filter((f) => f.file.endsWith(".js")).map((f) => `${origin}/${f.file}`);
    assert.ok(!allowed.some((u) => u.endsWith(INTERACT)), "the layer is among the first-paint files");
    const csp = `default-src 'self'; script-src 'wasm-unsafe-eval' ${allowed.join(" ")}; style-src 'self'`;

    const session = await open();
    const { page, context } = session;
    try {
      const html = new URL("index.html", server.url).href;
      await page.route(html, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: stripMap(await response.text()), headers: { ...response.headers(), "content-security-policy": csp } });
      });
      await coldLoad(page, "index.html", 0, { routed: true });
      assert.equal(await page.getAttribute("#careto-bars", "data-careto-viz-state"), "ready", "the first-paint files ran under the CSP");
      await prefetchFailed(session);
      const blocked = session.browsers.filter((m) => /Content Security Policy/.test(m.text) && m.text.includes(INTERACT));
      assert.ok(blocked.length >= 1, `the browser did not report blocking the layer: ${JSON.stringify(session.browsers)}`);
      const hashes = { bars: await page.evaluate(canvasHash, "#careto-bars"), timeline: await page.evaluate(canvasHash, "#careto-timeline") };

      await tabTo(page, "careto-bars");
      await page.keyboard.press("ArrowDown");
      await saysWhy(page, "careto-bars", "en");
      assert.equal(session.ours.length, 2, `one more console error for the key's failed load:\n${session.ours.join("\n")}`);
      assert.ok(session.ours[1].includes(INTERACT), session.ours[1]);
      await pictureStays(page, "careto-bars", hashes.bars);
      await pictureStays(page, "careto-timeline", hashes.timeline);
      for (const m of session.browsers) {
        assert.ok(/Content Security Policy/.test(m.text) && /careto_viz_(interact|details_[a-z]+)\.js/.test(m.text), `an error other than the CSP's blocking of a lazy part: ${m.text}`);
      }
      assert.deepEqual(session.uncaught, []);
    } finally {
      await context.close();
    }
  });

  it("the Spanish kernel answers 404: update({ lang: \"es\" }) keeps the bars and says why in English, one error; once it is back the next update draws in Spanish", () =>
    inSession(async (session) => {
      const { page } = session;
      const failed = await notFound(page, ES_KERNEL);
      await coldLoad(page, "index.html");
      await session.network.idle();
      assert.equal(failed.requests, 0, "an English page asks for no Spanish kernel");
      const hash = await page.evaluate(canvasHash, "#careto-bars");
      const title = await page.evaluate(titleOf, "careto-bars");
      assert.match(title, /countries affected/);

      await page.evaluate(updateChart, ["careto-bars", { lang: "es" }]);
      const s = await until(async () => {
        const st = await page.evaluate(chartState, "careto-bars");
        return st.status ? st : null;
      }, "the chart says nothing");
      assert.deepEqual([s.status, s.live], [LANG_FAILED.en, LANG_FAILED.en], "it says why, in the language it still shows");
      assert.notEqual(s.cursor, "progress", "still busy after the failure");
      assert.equal(session.ours.length, 1, `one console error:\n${session.ours.join("\n")}`);
      assert.ok(session.ours[0].startsWith(`careto-viz: ${LANG_FAILED.en} (`) && session.ours[0].includes(ES_KERNEL), `the error says what failed: ${session.ours[0]}`);
      await pictureStays(page, "careto-bars", hash);
      assert.equal(await page.evaluate(titleOf, "careto-bars"), title, "the words stay with the picture");
      onlyAbout(session, ES_KERNEL);
      // A listener's redraw (here a resize) does not fetch again, nor report again.
      await page.setViewportSize({ width: 1010, height: 800 });
      await sleep(300);
      assert.equal(failed.requests, 1, "a resize fetched the Spanish kernel again");
      assert.equal(session.ours.length, 1, "a resize reported again");

      await failed.stop();
      await page.evaluate(updateChart, ["careto-bars", { lang: "es" }]);
      await until(async () => /países afectados/.test(await page.evaluate(titleOf, "careto-bars")), "no Spanish title once the kernel is reachable");
      assert.equal((await page.evaluate(chartState, "careto-bars")).status, "", "the failure is no longer shown once it works");
      assert.notEqual(await page.evaluate(canvasHash, "#careto-bars"), hash, "the picture is drawn again, in Spanish");
      // And back: the English kernel was there all along.
      await page.evaluate(updateChart, ["careto-bars", { lang: "en" }]);
      await until(async () => (await page.evaluate(titleOf, "careto-bars")) === title, "not back in English");
      assert.equal(session.ours.length, 1, "no error once it works");
    }));

  it("a reader's hover while the prefetch is failing: one failed request, one console error", () =>
    inSession(async (session) => {
      const { page } = session;
      const failed = { requests: 0 };
      await page.route(`**/${INTERACT}`, async (route) => {
        failed.requests++;
        await sleep(SLOW_MS);
        await route.fulfill({ status: 404, contentType: "text/plain", body: "404 Not Found\n" }).catch(() => {});
      });
      await coldLoad(page, "index.html");
      const bar = await page.evaluate(itemPoint, ["careto-bars", "country:MAR"]);
      await page.mouse.move(bar.x, bar.y);
      assert.equal((await page.evaluate(chartState, "careto-bars")).cursor, "progress");
      await saysWhy(page, "careto-bars", "en");
      await session.network.idle();
      assert.equal(failed.requests, 1, "one request, shared by the prefetch and the hover");
      assert.equal(session.ours.length, failed.requests, `console errors for ${failed.requests} failed request(s):\n${session.ours.join("\n")}`);
    }));
});
