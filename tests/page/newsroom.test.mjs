// Newsroom integration (issue 17): embed.html in the parent pages a CMS
// already has, each on another origin than the chart, both under a strict
// Content-Security-Policy:
//
//   - pym.js: the real pym.v1.js of the npm package pym.js (a dev
//     dependency, never shipped) with `new pym.Parent(…)`;
//   - AMP: a parent that resizes its frame as amp-iframe does, on
//     {sentinel: "amp", type: "embed-size", height};
//   - Datawrapper-style {"datawrapper-height": {id: px}}, with ?dwid= only;
//   - the chart's events (careto-viz:ready, careto-viz:error, …) from a host
//     page, and forwarded by embed.html to its parent.
//
//   make site && node --test tests/page/newsroom.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { REPO_ROOT, launchBrowser, openPage, serve, SITE_DIR as DIST, requireSite } from "./browser.mjs";

const PYM = path.join(REPO_ROOT, "node_modules", "pym.js", "dist", "pym.v1.js");

let chartSite, parentSite, browser;

/**
 * The newsroom's own site: a few pages and their scripts (from `files`),
 * with a CSP that allows scripts from itself only and frames from the chart's site.
 */
function parentServer(files, frameOrigin) {
  const csp = `default-src 'self'; script-src 'self'; style-src 'self'; frame-src ${frameOrigin}`;
  const server = createServer((req, res) => {
    const name = new URL(req.url, "http://x").pathname.slice(1);
    const body = files[name];
    if (name === "favicon.ico") {
      res.writeHead(204);
      return res.end();
    }
    if (body === undefined) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      return res.end("not found");
    }
    const type = name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8";
    res.writeHead(200, { "Content-Type": type, "Content-Security-Policy": csp, "Cache-Control": "no-cache" });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) })));
}

const page = (script, body = '<div id="chart"></div>') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newsroom's article</title></head><body><h1>An article</h1>${body}<p>After the chart.</p>${script}</body></html>`;

/** A parent script that records every message from its frames, as `window.messages`. */
const RECORD = `window.messages = [];
addEventListener("message", (e) => window.messages.push({ data: e.data, origin: e.origin, fromFrame: [...document.querySelectorAll("iframe")].some((f) => f.contentWindow === e.source) }));`;

function parentFiles(chartUrl) {
  const embed = (query) => JSON.stringify(new URL(`embed.html?${query}`, chartUrl).href);
  const chartOrigin = JSON.stringify(new URL(chartUrl).origin);
  const frame = (query, id) => `const f = document.createElement("iframe"); f.id = ${JSON.stringify(id)}; f.src = ${embed(query)}; f.style.width = "100%"; f.style.border = "0"; f.title = "chart"; document.getElementById("chart").append(f);`;
  return {
    "pym.v1.js": null, // filled in before()
    "record.js": RECORD,
    // pym.js's own parent, as NPR's CMS embeds use it.
    "pym-parent.js": `window.pymParent = new pym.Parent("chart", ${embed("view=bars&lang=en")}, { title: "The Mask (Careto): victim IP addresses by country" });`,
    "pym.html": page('<script src="record.js"></script><script src="pym.v1.js"></script><script src="pym-parent.js"></script>'),
    // What amp-iframe does with an embed-size request (it also checks the source window).
    "amp-parent.js": `${frame("view=timeline&lang=en", "amp")}
addEventListener("message", (e) => {
  const d = e.data;
  if (e.source !== f.contentWindow || e.origin !== ${chartOrigin} || !d || d.sentinel !== "amp" || d.type !== "embed-size") return;
  f.style.height = Number(d.height) + "px";
});`,
    "amp.html": page('<script src="record.js"></script><script src="amp-parent.js"></script>'),
    // A Datawrapper CMS plugin: resizes the frame whose id the message names.
    "dw-parent.js": `${frame("view=bars&lang=es&dwid=Ab3dE", "datawrapper-chart-Ab3dE")}
addEventListener("message", (e) => {
  const d = e.data && e.data["datawrapper-height"];
  if (e.origin !== ${chartOrigin} || !d) return;
  for (const [id, h] of Object.entries(d)) {
    const frame = document.getElementById("datawrapper-chart-" + id);
    if (frame && frame.contentWindow === e.source) frame.style.height = Number(h) + "px";
  }
});`,
    "dw.html": page('<script src="record.js"></script><script src="dw-parent.js"></script>'),
    // A frame with no protocol of its own asked for: ours and AMP's only.
    "plain-parent.js": frame("view=bars&lang=en", "plain"),
    "plain.html": page('<script src="record.js"></script><script src="plain-parent.js"></script>'),
    // A frame whose chart cannot be drawn (a campaign on another site).
    "broken-parent.js": frame("view=bars&campaign=https://elsewhere.example/c.json", "broken"),
    "broken.html": page('<script src="record.js"></script><script src="broken-parent.js"></script>'),
  };
}

before(async () => {
  await requireSite("pkg", "careto_viz_bg.wasm");
  chartSite = await serve(DIST);
  const files = parentFiles(chartSite.url);
  files["pym.v1.js"] = await readFile(PYM, "utf8").catch(() => {
    throw new Error(`${PYM} is missing: npm ci (pym.js is a dev dependency)`);
  });
  parentSite = await parentServer(files, new URL(chartSite.url).origin);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await parentSite?.close();
  await chartSite?.close();
});

/** Polls `fn` until it returns a truthy value (which it returns), or fails with `what`. */
async function until(fn, what, timeout = 20_000) {
  const deadline = performance.now() + timeout;
  let last;
  while (performance.now() < deadline) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what} (last: ${JSON.stringify(last)})`);
}

/** The frame's height on the parent page and its document's, once the chart has drawn. */
async function fit(page, selector) {
  const handle = await page.waitForSelector(selector, { state: "attached" });
  const frame = await until(() => handle.contentFrame(), `${selector} has no frame`);
  await frame.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
  return until(async () => {
    const outer = (await handle.boundingBox())?.height ?? 0;
    const inner = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
    return inner > 200 && Math.abs(outer - inner) <= 2 && { outer, inner };
  }, `${selector}: the frame never fitted its content within 2 px`);
}

const messagesOf = (page) => page.evaluate(() => window.messages.filter((m) => m.fromFrame));

describe("newsroom protocols (parent pages on another origin, strict CSP)", () => {
  it("pym.js 1.3.2: new pym.Parent fits the frame to the chart, also after the parent's width changes", async () => {
    const { page, problems, context } = await openPage(browser, { width: 1000, height: 900 });
    try {
      await page.goto(new URL("pym.html", parentSite.url).href);
      const first = await fit(page, "#chart iframe");
      const id = await page.evaluate(() => window.pymParent.id);
      assert.equal(id, "chart");
      const pymHeights = (await messagesOf(page)).map((m) => m.data).filter((d) => typeof d === "string");
      assert.ok(pymHeights.length > 0, "no pym message");
      for (const d of pymHeights) assert.match(d, /^pymxPYMxchartxPYMxheightxPYMx\d+$/);
      // No height before the chart has one: pym.js would collapse the frame to 0 px until the draw.
      assert.deepEqual(pymHeights.filter((d) => Number(d.split("xPYMx").pop()) < 100), [], "a pym height under 100 px");
      // The frame's query carried pym's parameters.
      const src = await page.evaluate(() => document.querySelector("#chart iframe").src);
      assert.match(src, /[?&]initialWidth=\d+&childId=chart/);
      // Narrower: pym's parent sends "width", the chart rewraps, the frame follows.
      await page.setViewportSize({ width: 375, height: 900 });
      const narrow = await until(async () => {
        const f = await fit(page, "#chart iframe");
        return Math.abs(f.inner - first.inner) > 10 && f;
      }, "the frame's height did not change at 375 px");
      assert.ok(Math.abs(narrow.outer - narrow.inner) <= 2);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it("AMP: embed-size requests resize an amp-iframe-like parent's frame", async () => {
    const { page, problems, context } = await openPage(browser, { width: 800, height: 900 });
    try {
      await page.goto(new URL("amp.html", parentSite.url).href);
      await fit(page, "iframe#amp");
      const amp = (await messagesOf(page)).filter((m) => m.data?.sentinel === "amp");
      assert.ok(amp.length > 0);
      for (const m of amp) {
        assert.deepEqual(Object.keys(m.data).sort(), ["height", "sentinel", "type"], "nothing but the height");
        assert.equal(m.data.type, "embed-size");
        assert.ok(m.data.height >= 100, `an embed-size request of ${m.data.height} px (before the chart had a height)`);
        assert.equal(m.origin, new URL(chartSite.url).origin);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it("Datawrapper-style heights only with ?dwid=, keyed by it", async () => {
    const { page, problems, context } = await openPage(browser, { width: 700, height: 900 });
    try {
      await page.goto(new URL("dw.html", parentSite.url).href);
      const { inner } = await fit(page, "iframe#datawrapper-chart-Ab3dE");
      const dw = (await messagesOf(page)).filter((m) => m.data?.["datawrapper-height"]);
      assert.ok(dw.length > 0);
      assert.deepEqual(Object.keys(dw.at(-1).data["datawrapper-height"]), ["Ab3dE"]);
      assert.ok(Math.abs(dw.at(-1).data["datawrapper-height"].Ab3dE - inner) <= 2);
      assert.deepEqual(problems, []);

      // Without dwid and childId: our own message and AMP's, nothing else.
      await page.goto(new URL("plain.html", parentSite.url).href);
      await page.waitForFunction(() => window.messages.some((m) => m.data?.type === "careto-viz:ready"), null, { timeout: 30_000 });
      const kinds = new Set((await messagesOf(page)).map((m) => (typeof m.data === "string" ? "pym" : m.data.type ?? Object.keys(m.data)[0])));
      assert.deepEqual([...kinds].sort(), ["careto-viz:height", "careto-viz:ready", "embed-size"]);
    } finally {
      await context.close();
    }
  });
});

describe("events for the host page", () => {
  it("a chart on a page dispatches careto-viz:ready on its element, bubbling, after mount returns", async () => {
    const { page, problems, context } = await openPage(browser, { width: 1000, height: 900 });
    try {
      await page.addInitScript(() => {
        window.events = [];
        document.addEventListener("careto-viz:ready", (e) => window.events.push({ type: e.type, target: e.target.id || e.target.getAttribute("data-careto-viz"), detail: e.detail }));
      });
      await page.goto(new URL("index.html", chartSite.url).href);
      // The page's three charts; the map's build comes after the others' first frame, so its event last.
      const events = await until(() => page.evaluate(() => (window.events.length >= 3 ? window.events : null)), "three ready events");
      const views = events.map((e) => e.detail.view);
      assert.deepEqual([...views].sort(), ["bars", "map", "timeline"]);
      assert.equal(views[2], "map", `the map's ready comes after the bars' and the timeline's: ${views.join(", ")}`);
      const byView = Object.fromEntries(events.map((e) => [e.detail.view, e]));
      assert.equal(byView.bars.detail.lang, "en");
      assert.equal(byView.bars.target, "careto-bars", "dispatched on the chart's element, and it bubbles to the document");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it("embed.html forwards ready and error to its parent; the error names the problem", async () => {
    const { page, context } = await openPage(browser, { width: 800, height: 900 });
    try {
      await page.goto(new URL("amp.html", parentSite.url).href);
      const ready = await until(async () => (await messagesOf(page)).find((m) => m.data?.type === "careto-viz:ready"), "no careto-viz:ready from the frame");
      assert.deepEqual(ready.data, { type: "careto-viz:ready", view: "timeline", lang: "en" });
      await page.goto(new URL("broken.html", parentSite.url).href);
      const error = await until(async () => (await messagesOf(page)).find((m) => m.data?.type === "careto-viz:error"), "no careto-viz:error from the frame");
      assert.match(error.data.message, /^careto-viz: campaign "https:\/\/elsewhere\.example\/c\.json" is not on this site/);
    } finally {
      await context.close();
    }
  });
});

describe("links to a view", () => {
  /** The chart's live region, its focused item (the kernel's) and its tooltip, in `host` (a selector). */
  const state = (page, host) =>
    page.evaluate((sel) => {
      const root = document.querySelector(sel)?.shadowRoot;
      const tip = root?.querySelector(".cv-tip");
      if (!tip) return { live: "", tip: null };
      return { live: root.querySelector("[aria-live]").textContent, tip: tip.hidden ? null : tip.querySelector("b")?.textContent };
    }, host);

  it("embed.html?focus=MAR opens the bars with Morocco focused and its details said once", async () => {
    const { page, problems, context } = await openPage(browser, { width: 800, height: 900 });
    try {
      await page.goto(new URL("embed.html?view=bars&lang=en&focus=MAR", chartSite.url).href);
      const s = await until(async () => {
        const now = await state(page, "#chart");
        return now.tip === "Morocco" && now.live.length > 0 && now;
      }, "Morocco's details never opened");
      assert.match(s.live, /^Morocco\b/);
      assert.match(s.live, /384/);
      // A tap elsewhere (the chart never had the keyboard's focus): the
      // tooltip, what was said and the ring all go.
      const pixels = () => page.evaluate(() => {
        const c = document.querySelector("#chart").shadowRoot.querySelector("canvas");
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let h = 0;
        for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i] + 7 * d[i + 1] + 13 * d[i + 2]) >>> 0;
        return h;
      });
      const ringed = await pixels();
      await page.evaluate(() => document.body.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, composed: true })));
      const after = await until(async () => {
        const now = await state(page, "#chart");
        return now.tip === null && now;
      }, "the tap elsewhere left the tooltip open");
      assert.equal(after.live, "", "the live region still holds Morocco's details");
      assert.notEqual(await until(async () => (await pixels()) !== ringed && "changed", "the focus ring stayed"), undefined);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it("#careto-timeline=<event id> on a page focuses that event, beside the host's own fragment keys", async () => {
    const { page, problems, context } = await openPage(browser, { width: 1000, height: 900 });
    try {
      await page.goto(new URL("index.html#intro&careto-timeline=pwn2own-2012", chartSite.url).href);
      const timeline = await page.evaluate(() => {
        const e = document.querySelector('[data-view="timeline"], [data-careto-viz="timeline"]');
        e.id ||= "the-timeline";
        return `#${e.id}`;
      });
      const s = await until(async () => {
        const now = await state(page, timeline);
        return now.tip && now;
      }, "the event's details never opened");
      assert.equal(s.tip, "2012", "the tooltip heads with the event's date, at its precision");
      assert.match(s.live, /Pwn2Own/);
      assert.equal(new URL(page.url()).hash, "#intro&careto-timeline=pwn2own-2012", "the host's fragment is left as it was");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it("a link in the article's text to a chart's item, followed after the charts are drawn: the item shown, the chart scrolled into view", async () => {
    const { page, problems, context } = await openPage(browser, { width: 1000, height: 700 });
    try {
      await page.goto(new URL("index.html", chartSite.url).href);
      await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      const bars = await page.evaluate(() => {
        const e = document.querySelector('[data-view="bars"]');
        e.id ||= "the-bars";
        // A link in the article's first paragraph, as an editor would write it.
        const a = Object.assign(document.createElement("a"), { href: "#careto-bars=FRA", textContent: "France" });
        document.querySelector("main p, p").append(" ", a);
        scrollTo(0, 0);
        return `#${e.id}`;
      });
      const before = await page.evaluate((sel) => document.querySelector(sel).getBoundingClientRect().top, bars);
      assert.ok(before > 700, `the bars are below the fold before the click (top ${before})`);
      await page.click('a[href="#careto-bars=FRA"]');
      const s = await until(async () => {
        const now = await state(page, bars);
        return now.tip === "France" && now;
      }, "France's details never opened");
      assert.match(s.live, /^France\b/);
      const top = await page.evaluate((sel) => document.querySelector(sel).getBoundingClientRect().top, bars);
      assert.ok(top >= 0 && top < 700, `the bars were not scrolled into view (top ${top})`);
      assert.equal(new URL(page.url()).hash, "#careto-bars=FRA", "the fragment is the link's");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it("an unknown item in a link is ignored with one console warning, never an error box", async () => {
    const { page, problems, context } = await openPage(browser, { width: 800, height: 900 });
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    try {
      await page.goto(new URL("embed.html?view=bars&focus=XYZ", chartSite.url).href);
      await until(() => warnings.length > 0, "no warning");
      assert.deepEqual(warnings, ['careto-viz: no item "XYZ" in this bars chart; the link\'s focus is ignored']);
      assert.equal(await page.locator(".careto-viz-error").count(), 0);
      assert.equal(await page.getAttribute("html", "data-careto-viz-state"), "ready");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it("a focus inside a frame is forwarded as careto-viz:select; Copy embed code keeps it as &focus=", async () => {
    const { page, problems, context } = await openPage(browser, { width: 800, height: 900 });
    try {
      await page.goto(new URL("amp.html", parentSite.url).href);
      await until(async () => (await messagesOf(page)).find((m) => m.data?.type === "careto-viz:ready"), "no ready");
      const frame = page.frame({ url: /embed\.html/ });
      await frame.evaluate(async () => (await import("./embed.js")).chart.focus("pwn2own-2012"));
      const select = await until(async () => (await messagesOf(page)).find((m) => m.data?.type === "careto-viz:select"), "no careto-viz:select forwarded");
      assert.deepEqual({ ...select.data, name: undefined }, { type: "careto-viz:select", view: "timeline", id: "pwn2own-2012", name: undefined, figure: null });
      assert.match(select.data.name, /Pwn2Own/);
      // Copy embed code: a frame from another site may not write the clipboard, so the code is shown selected.
      const code = await frame.evaluate(async () => {
        const root = document.getElementById("chart").shadowRoot;
        const button = [...root.querySelectorAll(".cv-tools button")].find((b) => /embed/i.test(b.textContent));
        button.click();
        for (let i = 0; i < 100 && !root.querySelector(".cv-code").value; i++) await new Promise((r) => setTimeout(r, 50));
        return root.querySelector(".cv-code").value;
      });
      assert.match(code, /embed\.html\?view=timeline&amp;lang=en&amp;theme=auto&amp;focus=pwn2own-2012"/);
      assert.deepEqual(problems.filter((p) => !/clipboard/i.test(p)), []);
    } finally {
      await context.close();
    }
  });
});

describe("select events from a host page", () => {
  it("a click on Morocco's bar and the keyboard each dispatch careto-viz:select with its figure", async () => {
    const { page, problems, context } = await openPage(browser, { width: 1000, height: 900 });
    try {
      await page.addInitScript(() => {
        window.selects = [];
        document.addEventListener("careto-viz:select", (e) => window.selects.push(e.detail));
      });
      await page.goto(new URL("embed.html?view=bars&lang=es", chartSite.url).href);
      await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      const box = await page.evaluate(async () => {
        const { chart } = await import("./embed.js");
        const r = chart.barRect("MAR");
        const c = chart.canvas.getBoundingClientRect();
        return { x: c.left + r[0] + r[2] / 2, y: c.top + r[1] + r[3] / 2 };
      });
      await page.mouse.click(box.x, box.y);
      const click = await until(() => page.evaluate(() => window.selects.at(-1)), "no select on a click");
      assert.deepEqual(click, { view: "bars", id: "MAR", name: "Marruecos", figure: 384 });
      await page.keyboard.press("ArrowDown");
      await until(() => page.evaluate(() => window.selects.length >= 2), "no select from the keyboard");
      const keyed = await page.evaluate(() => window.selects.at(-1));
      assert.equal(keyed.view, "bars");
      assert.equal(typeof keyed.id, "string");
      // A country without a published count: figure null, never 0.
      const cuba = await page.evaluate(async () => {
        const { chart } = await import("./embed.js");
        chart.focus("CUB");
        for (let i = 0; i < 50 && window.selects.at(-1)?.id !== "CUB"; i++) await new Promise((r) => setTimeout(r, 50));
        return window.selects.at(-1);
      });
      assert.deepEqual(cuba, { view: "bars", id: "CUB", name: "Cuba", figure: null });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

