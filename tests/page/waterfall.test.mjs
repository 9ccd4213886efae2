// Each module's .wasm is requested together with its script, not after the
// script has arrived and run (issue 12: a round trip less on the critical
// path; www/careto-viz-loader.js and src/web/shell/entry.js, `imported`).
// In headless Chromium on the site of `make site` (dist/, served by
// scripts/serve.mjs with its CSP), a route holds a module's script back, and
// its .wasm must have been requested while the script was held; the chart
// then works as before, and each .wasm is requested once.
//
//   make site && node --test tests/page/waterfall.test.mjs    (make test-page does both)
//
// The four ways a module comes: the build of an iframe's chart (the
// article's and the map's, by the loader, which also starts the map's
// geometry), the details module (by the shell, after the first frame) and
// the other language's kernel (by the shell, on update({ lang })).

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { launchBrowser, openPage, serve, SITE_DIR as DIST, requireSite } from "./browser.mjs";
import { chartState, until } from "./paths.mjs";

/** How long a script is held back: far longer than a local request takes. */
const HOLD_MS = 800;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let browser;
let server;

before(async () => {
  await requireSite("embed.html");
  server = await serve(DIST);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A page whose script `file` (in pkg/, or `../name` beside the pages) is held back by HOLD_MS; `held.released` is when it was let through. */
async function holding(file) {
  const session = await openPage(browser);
  const held = { requests: 0, released: 0 };
  await session.page.route(file.startsWith("../") ? `**/${file.slice(3)}` : `**/pkg/${file}`, async (route) => {
    held.requests++;
    await sleep(HOLD_MS);
    held.released = performance.now();
    await route.continue().catch(() => {}); // the page may be closed by then
  });
  const seen = [];
  session.page.on("request", (r) => seen.push({ file: new URL(r.url()).pathname.split("/").pop(), at: performance.now() }));
  return { ...session, held, seen };
}

/** Checks that `wasm` (or another file) was requested once, while `script` was held (before it was let through). */
function requestedWhileHeld({ held, seen, problems }, script, wasm) {
  const requests = seen.filter((r) => r.file === wasm);
  assert.equal(held.requests, 1, `${script} requested ${held.requests} times`);
  assert.equal(requests.length, 1, `${wasm} requested ${requests.length} times: ${seen.map((r) => r.file).join(", ")}`);
  assert.ok(held.released > 0, `${script} was never let through`);
  assert.ok(requests[0].at < held.released, `${wasm} was requested ${requests[0].at - held.released} ms after ${script} arrived, not while it was held`);
  assert.deepEqual(problems, []);
}

const ready = (page) => page.waitForSelector('#chart[data-careto-viz-state="ready"]', { state: "attached", timeout: 20_000 });
const titleOf = () => document.getElementById("chart").shadowRoot.querySelector("canvas").getAttribute("aria-label");

describe("each module's .wasm is requested with its script, not after it", () => {
  for (const [view, script, files, title] of [
    ["timeline", "careto_viz.js", ["careto_viz_bg.wasm"], /timeline/],
    // The map's geometry too (the loader starts it, world.js takes it).
    ["map", "careto_viz_map.js", ["careto_viz_map_bg.wasm", "world-110m.bin"], /where the 31 affected countries are/],
  ]) {
    it(`embed.html?view=${view}: ${files.join(" and ")} while ${script} is held; the chart draws`, async () => {
      const session = await holding(script);
      try {
        await session.page.goto(new URL(`embed.html?view=${view}`, server.url).href);
        await ready(session.page);
        assert.match(await session.page.evaluate(titleOf), title);
        for (const file of files) requestedWhileHeld(session, script, file);
      } finally {
        await session.context.close();
      }
    });
  }

  it("the details module (after the first frame): careto_viz_details_en_bg.wasm while its script is held; ArrowDown then says Morocco", async () => {
    const session = await holding("careto_viz_details_en.js");
    const { page } = session;
    try {
      await page.goto(new URL("embed.html?view=bars", server.url).href);
      await ready(page);
      await until(async () => session.held.released > 0, "the details module was never fetched after the first frame");
      await page.evaluate(() => document.getElementById("chart").shadowRoot.querySelector("canvas").focus());
      await page.keyboard.press("ArrowDown");
      await until(async () => /Morocco/.test((await page.evaluate(chartState, "chart")).live), "ArrowDown did not say Morocco");
      requestedWhileHeld(session, "careto_viz_details_en.js", "careto_viz_details_en_bg.wasm");
    } finally {
      await session.context.close();
    }
  });

  it("the other language's kernel: careto_viz_es_bg.wasm while careto_viz_es.js is held; update({ lang: \"es\" }) draws in Spanish", async () => {
    const session = await holding("careto_viz_es.js");
    const { page } = session;
    try {
      await page.goto(new URL("embed.html?view=bars", server.url).href);
      await ready(page);
      assert.match(await page.evaluate(titleOf), /countries affected/);
      await page.evaluate(async () => {
        const m = await import(document.querySelector('script[type="module"][src]').src);
        m.chart.update({ lang: "es" });
      });
      await until(async () => /países afectados/.test(await page.evaluate(titleOf)), "not drawn in Spanish");
      requestedWhileHeld(session, "careto_viz_es.js", "careto_viz_es_bg.wasm");
    } finally {
      await session.context.close();
    }
  });
});

/**
 * A server on 127.0.0.1 (another port: another origin) answering each GET
 * with `answer(pathname, response)` given what `server` answers for the
 * same path, or with a 302 to `redirect(pathname)` when that gives an address.
 */
async function proxy({ redirect = () => null, answer = () => ({}) }) {
  const site = createServer(async (req, res) => {
    const { pathname, search } = new URL(req.url, "http://x");
    const to = redirect(pathname);
    if (to) return res.writeHead(302, { Location: to }).end();
    const response = await fetch(new URL(pathname + search, server.url));
    const headers = Object.fromEntries(response.headers);
    delete headers["content-length"];
    delete headers["transfer-encoding"];
    delete headers.connection;
    res.writeHead(response.status, { ...headers, ...answer(pathname, headers) });
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise((r) => site.listen(0, "127.0.0.1", r));
  return { origin: `http://127.0.0.1:${site.address().port}`, close: () => new Promise((r) => (site.closeAllConnections(), site.close(r))) };
}

describe("a site that redirects its files to another origin (a CDN)", () => {
  // The loader and the shell fetch a same-origin file in mode "no-cors", as
  // a preload without crossorigin asks (index.html): a redirect to another
  // origin makes that answer opaque, unreadable, so they ask again with CORS.
  it("embed.html?view=map: the .wasm and the geometry, redirected, are fetched again with CORS; the map draws", async () => {
    const redirected = [];
    let site;
    // The CDN: the same files, with CORS for the site.
    const cdn = await proxy({ answer: () => ({ "access-control-allow-origin": site.origin }) });
    // The site: its .wasm and geometry moved to the CDN, and a CSP that lets its pages fetch from there.
    site = await proxy({
      redirect: (pathname) => (/^\/pkg\/.*(_bg\.wasm|\.bin)$/.test(pathname) ? (redirected.push(pathname.split("/").pop()), cdn.origin + pathname) : null),
      answer: (pathname, headers) => {
        const csp = headers["content-security-policy"];
        assert.match(csp, /default-src 'self';/);
        return { "content-security-policy": csp.replace("default-src 'self';", `default-src 'self'; connect-src 'self' ${cdn.origin};`) };
      },
    });
    const session = await openPage(browser);
    const { page } = session;
    try {
      await page.goto(`${site.origin}/embed.html?view=map`);
      await page.waitForSelector("#chart:not([data-careto-viz-state=loading])", { state: "attached", timeout: 20_000 });
      assert.equal(await page.evaluate(() => document.getElementById("chart").dataset.caretoVizState), "ready", session.problems.join("; "));
      assert.match(await page.evaluate(titleOf), /where the 31 affected countries are/);
      for (const file of ["careto_viz_map_bg.wasm", "world-110m.bin"]) assert.ok(redirected.includes(file), `${file} was not redirected: ${redirected.join(", ")}`);
      assert.deepEqual(session.problems, []);
    } finally {
      await session.context.close();
      await site.close();
      await cdn.close();
    }
  });
});
