// Display flags (issue 17.5), as Datawrapper has them, in headless Chromium
// on the site of `make site` (dist/, served with its strict CSP):
//
//   plain=1        no title, headline figures, subtitle or buttons (the host
//                  writes its own); a shorter picture, its source line, its
//                  accessible name and summary kept; careto-viz.css reserves
//                  the shorter height
//   transparent=1  no background: the canvas's pixels around the chart are
//                  transparent (alpha 0), and embed.html's page has none, so
//                  a parent's colour shows through the frame
//   static=1       the picture only: the interaction layer and the details
//                  are never requested, the canvas is no tab stop
//
// through embed.html's query, mount's options and the placeholders' data
// attributes (careto-viz-embed.js); bad values: an error naming the option
// (mount), one console warning (query, attributes).
//
//   make site && node --test tests/page/flags.test.mjs     (make test-page does both)

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, pixelsOf, serve, SITE_DIR as DIST, requireSite } from "./browser.mjs";
import { embedCode } from "../../src/web/shell/embed-code.js";

/** The top colour class of the light theme (200+: Morocco), src/theme.rs. */
const TOP_CLASS = [0x4a, 0x10, 0x03];
/** What only the interaction layer requests. */
const LAYER = /careto_viz_interact\.js|careto_viz_details_/;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server, browser;

before(async () => {
  await requireSite("embed.html");
  server = await serve(DIST);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * In the page: what the chart in `selector` shows. Its canvas's CSS height,
 * the alpha of two corners, how many pixels are of the top class, whether
 * its bottom band (the source line) has ink, a top-class pixel's place; its
 * accessible name, summary and tab stop; the controls row and visible
 * buttons; the chart box's background; the page's own backgrounds.
 */
function facts([selector, top]) {
  const host = document.querySelector(selector);
  const root = host.shadowRoot;
  const canvas = root.querySelector("canvas");
  const { width, height } = canvas;
  const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
  const at = (x, y) => data.slice((y * width + x) * 4, (y * width + x) * 4 + 4);
  // Morocco's bar: the row with the most pixels of the top class (the legend's swatch has a few).
  let topClass = 0;
  let bar = null;
  let widest = 0;
  for (let y = 0; y < height; y++) {
    let row = 0;
    let first = -1;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (data[i] === top[0] && data[i + 1] === top[1] && data[i + 2] === top[2] && data[i + 3] === 255) {
        row++;
        if (first < 0) first = x;
      }
    }
    topClass += row;
    if (row > widest) [widest, bar] = [row, { x: first / devicePixelRatio, y: y / devicePixelRatio }];
  }
  const corner = at(1, 1);
  let sourceInk = 0;
  for (let y = height - 45; y < height - 8; y++) for (let x = 8; x < width - 8; x++) if (at(x, y).join() !== corner.join()) sourceInk++;
  const box = canvas.getBoundingClientRect();
  const visible = [...root.querySelectorAll("button")].filter((b) => b.getClientRects().length > 0).length;
  const bg = (e) => getComputedStyle(e).backgroundColor;
  return {
    height: box.height,
    corner: corner[3],
    farCorner: at(width - 2, height - 2)[3],
    topClass,
    bar: bar && { x: box.x + bar.x + 2, y: box.y + bar.y + 2 },
    sourceInk,
    name: canvas.getAttribute("aria-label"),
    // The description's first part (then, once the interaction layer is here, what the keys do).
    summary: root.getElementById(canvas.getAttribute("aria-describedby").split(" ")[0])?.textContent ?? "",
    tabindex: canvas.getAttribute("tabindex"),
    tools: getComputedStyle(root.querySelector(".cv-tools")).display,
    buttons: visible,
    figure: bg(root.querySelector(".cv")),
    page: [bg(document.documentElement), bg(document.body)],
    hostHeight: host.getBoundingClientRect().height,
  };
}

/** embed.html with `query`: the page, what it logged and requested, and the chart's facts once drawn. */
async function embed(query, { colorScheme = "light", width = 640 } = {}) {
  const opened = await openPage(browser, { width });
  await opened.page.emulateMedia({ colorScheme });
  const warnings = [];
  opened.page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await opened.page.goto(new URL(`embed.html?${query}`, server.url).href);
  await opened.page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
  return { ...opened, warnings, facts: await opened.page.evaluate(facts, ["#chart", TOP_CLASS]) };
}

/** Hovers, taps and tabs to the chart, as a reader reaching for it does, after the idle time a prefetch waits for. */
async function reachFor(page, bar) {
  await sleep(1_500);
  await page.mouse.move(bar.x, bar.y);
  await page.mouse.click(bar.x, bar.y);
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown");
  await sleep(800);
}

describe("embed.html's display flags", () => {
  it("plain=1: no header or buttons, a shorter picture with its source line, name and summary; still interactive", async () => {
    const full = await embed("view=bars");
    const plain = await embed("view=bars&plain=1");
    try {
      const [f, p] = [full.facts, plain.facts];
      assert.ok(p.height + 60 < f.height, `plain ${p.height} px, full ${f.height} px`);
      assert.equal(p.tools, "none");
      assert.equal(p.buttons, 0);
      assert.equal(f.buttons, 4, "the full chart has its buttons");
      assert.equal(p.name, "The Mask (Careto): 31 countries affected");
      assert.equal(p.summary, f.summary);
      assert.ok(p.summary.length > 200, p.summary);
      assert.ok(p.topClass > 100 && p.sourceInk > 200, JSON.stringify(p));
      assert.equal(p.tabindex, "0");
      // The picture is the full one less its header: the bars the same size.
      assert.equal(p.topClass, f.topClass);
      // Interactive: a hover shows the tooltip (the layer loads as usual).
      await plain.page.mouse.move(p.bar.x, p.bar.y);
      await plain.page.waitForFunction(() => document.querySelector("#chart").shadowRoot.querySelector(".cv-tip:not([hidden])")?.textContent.includes("Morocco"));
      assert.deepEqual([...full.problems, ...plain.problems], []);
    } finally {
      await full.context.close();
      await plain.context.close();
    }
  });

  it("transparent=1: the canvas's background pixels and the page's are transparent, a parent's colour shows through", async () => {
    for (const colorScheme of ["light", "dark"]) {
      const t = await embed("view=bars&transparent=1", { colorScheme });
      const opaque = await embed("view=bars", { colorScheme });
      try {
        assert.deepEqual([t.facts.corner, t.facts.farCorner], [0, 0], `${colorScheme}: corners of the canvas`);
        assert.deepEqual([opaque.facts.corner, opaque.facts.farCorner], [255, 255], `${colorScheme}: an opaque chart's`);
        assert.deepEqual([t.facts.figure, ...t.facts.page], ["rgba(0, 0, 0, 0)", "rgba(0, 0, 0, 0)", "rgba(0, 0, 0, 0)"]);
        assert.notEqual(opaque.facts.page[1], "rgba(0, 0, 0, 0)");
        if (colorScheme === "light") assert.ok(t.facts.topClass > 100, "the bars are drawn");
        assert.equal(t.facts.height, opaque.facts.height);
        assert.deepEqual([...t.problems, ...opaque.problems], []);
      } finally {
        await t.context.close();
        await opaque.context.close();
      }
      // In a magenta parent page, the frame's corner is magenta (white or the dark theme's background without the flag).
      const seen = {};
      for (const query of ["view=bars&transparent=1", "view=bars"]) {
        const { context, page } = await openPage(browser, { width: 700 });
        await page.emulateMedia({ colorScheme });
        const src = new URL(`embed.html?${query}`, server.url).href;
        await page.route("**/parent.html", (route) =>
          route.fulfill({ contentType: "text/html", body: `<!doctype html><html><head><style>body{margin:0;background:#ff00ff}</style></head><body><iframe src="${src}" title="chart" style="border:0;width:640px;height:700px;display:block"></iframe></body></html>` }),
        );
        await page.goto(new URL("parent.html", server.url).href);
        const frame = await (await page.waitForSelector("iframe")).contentFrame();
        await frame.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
        await sleep(200);
        const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 640, height: 700 } });
        seen[query] = await pixelsOf(page, shot, [[3, 3], [636, 696]]);
        await context.close();
      }
      assert.deepEqual(seen["view=bars&transparent=1"], [[255, 0, 255], [255, 0, 255]], `${colorScheme}: the parent shows through`);
      const own = colorScheme === "light" ? [255, 255, 255] : [0x15, 0x17, 0x1a];
      assert.deepEqual(seen["view=bars"], [own, own], `${colorScheme}: an opaque frame hides it`);
    }
  });

  it("transparent=1: Copy embed code keeps the flag", async () => {
    const t = await embed("view=timeline&lang=es&transparent=1");
    try {
      await t.page.evaluate(() => [...document.querySelector("#chart").shadowRoot.querySelectorAll("button")][3].click());
      const code = await t.page.waitForFunction(() => document.querySelector("#chart").shadowRoot.querySelector(".cv-code").value);
      const text = String(await code.jsonValue());
      assert.match(text, /embed\.html\?view=timeline&amp;lang=es&amp;theme=auto&amp;transparent=1"/, text);
      assert.doesNotMatch(text, /plain|static/, text);
    } finally {
      await t.context.close();
    }
  });

  it("static=1: the picture only; the interaction layer is never requested, even when a reader reaches for it", async () => {
    const full = await embed("view=bars");
    const still = await embed("view=bars&static=1");
    try {
      const s = still.facts;
      assert.equal(s.tabindex, null, "no tab stop");
      assert.deepEqual([s.tools, s.buttons], ["none", 0]);
      assert.equal(s.name, full.facts.name);
      assert.equal(s.summary, full.facts.summary);
      assert.equal(s.height, full.facts.height, "the whole picture, title and source line included");
      assert.ok(s.topClass > 100 && s.sourceInk > 200);
      await reachFor(still.page, s.bar);
      await reachFor(full.page, full.facts.bar);
      assert.deepEqual(still.requests.filter((u) => LAYER.test(u)), [], "a static chart requests no layer");
      assert.ok(full.requests.some((u) => LAYER.test(u)), "the same reader on an interactive chart does");
      const after = await still.page.evaluate(() => {
        const root = document.querySelector("#chart").shadowRoot;
        return { tip: root.querySelector(".cv-tip").hidden, focused: document.activeElement === document.querySelector("#chart"), cursor: root.querySelector("canvas").style.cursor };
      });
      assert.deepEqual(after, { tip: true, focused: false, cursor: "" });
      assert.deepEqual([...full.problems, ...still.problems], []);
    } finally {
      await full.context.close();
      await still.context.close();
    }
  });

  it("other values are ignored with one console warning, and the chart is drawn as without them", async () => {
    const odd = await embed("view=bars&plain=yes&transparent=0&static=2");
    const full = await embed("view=bars");
    try {
      assert.deepEqual(odd.warnings, ['careto-viz: ignored embed.html?plain="yes", embed.html?static="2": a display flag is 1 (on) or 0 (off)']);
      assert.deepEqual(odd.problems, []);
      const { height, corner, tools, tabindex } = odd.facts;
      assert.deepEqual({ height, corner, tools, tabindex }, { height: full.facts.height, corner: 255, tools: "grid", tabindex: "0" });
      assert.deepEqual(full.warnings, []);
    } finally {
      await odd.context.close();
      await full.context.close();
    }
  });

  it("the embed code's box reserves the drawn height of a plain or static frame", async () => {
    for (const width of [375, 800]) {
      for (const flags of [{}, { plain: true }, { static: true }, { plain: true, static: true }]) {
        const { context, page, problems } = await openPage(browser, { width });
        const code = embedCode(new URL("embed.html", server.url).href, "bars", "es", "light", "Barras", 600, undefined, flags);
        // Without careto-viz-frame.js: only the stylesheet sizes the frame.
        const html = code.replace(/<script[^>]*><\/script>/, "");
        await page.route("**/article.html", (route) => route.fulfill({ contentType: "text/html", body: `<!doctype html><html><head></head><body style="margin:0">${html}</body></html>` }));
        await page.goto(new URL("article.html", server.url).href);
        const handle = await page.waitForSelector("iframe");
        const frame = await handle.contentFrame();
        await frame.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
        const reserved = (await handle.boundingBox()).height;
        const drawn = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
        assert.equal(reserved, drawn, `${width} px, ${JSON.stringify(flags)}: reserved ${reserved}, drawn ${drawn}`);
        assert.deepEqual(problems, []);
        await context.close();
      }
    }
  });
});

/**
 * A page of the chart's site with `body` (no CSP of its own: the tests'
 * modules run in it); with `held`, the article build is held back until
 * that promise resolves.
 */
async function sitePage(body, { width = 700, held } = {}) {
  const opened = await openPage(browser, { width });
  const warnings = [];
  opened.page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await opened.page.route("**/flags.html", (route) => route.fulfill({ contentType: "text/html", body: `<!doctype html><html lang="en"><head><link rel="stylesheet" href="careto-viz.css"></head><body style="margin:0">${body}</body></html>` }));
  if (held) {
    await opened.page.route("**/pkg/careto_viz.js", async (route) => {
      await held;
      await route.continue();
    });
  }
  await opened.page.goto(new URL("flags.html", server.url).href);
  return { ...opened, warnings };
}

describe("the display flags as mount options", () => {
  it("plain, transparent and static draw so; a bad value is refused naming it, and the chart stays", async () => {
    const { context, page, problems, requests } = await sitePage('<div id="a" style="width:640px"></div><div id="b" style="width:640px"></div><div id="c" style="width:640px"></div>');
    try {
      const run = (body) =>
        page.evaluate(async (body) => {
          const module = await import(new URL("pkg/careto_viz.js", location.href).href);
          await module.default();
          const error = (f) => {
            try {
              f();
              return null;
            } catch (e) {
              return e.message;
            }
          };
          const $ = (id) => document.getElementById(id);
          window.charts ??= {};
          if (body === "static") {
            window.charts.still = module.mount($("b"), { view: "bars", static: true });
            return error(() => module.mount($("c"), { plain: "yes" }));
          }
          window.charts.plain = module.mount($("a"), { view: "timeline", plain: true, transparent: true });
          return error(() => window.charts.plain.update({ transparent: 1 }));
        }, body);
      // First a static chart alone on the page: no layer, for a reader or a link.
      assert.equal(await run("static"), 'careto-viz: plain: expected true or false, got the string "yes"');
      assert.equal(await page.evaluate(() => document.getElementById("c").shadowRoot), null, "nothing mounted");
      const b = await page.evaluate(facts, ["#b", TOP_CLASS]);
      assert.deepEqual([b.corner, b.tools, b.tabindex, b.name], [255, "none", null, "The Mask (Careto): 31 countries affected"]);
      await page.evaluate(() => window.charts.still.focus("MAR"));
      await reachFor(page, b.bar);
      assert.deepEqual(requests.filter((u) => LAYER.test(u)), [], "static");
      // Then plain and transparent; a bad update changes nothing.
      assert.equal(await run("plain"), "careto-viz: transparent: expected true or false, got a number");
      const a = await page.evaluate(facts, ["#a", TOP_CLASS]);
      assert.deepEqual([a.corner, a.figure, a.tools, a.buttons, a.tabindex], [0, "rgba(0, 0, 0, 0)", "none", 0, "0"]);
      assert.equal(a.name, "The Mask (Careto): timeline");
      // Updates switch them: plain off (taller, its buttons back), static off (a tab stop).
      const heights = await page.evaluate(() => {
        const before = document.getElementById("a").getBoundingClientRect().height;
        window.charts.plain.update({ plain: false, transparent: false });
        window.charts.still.update({ static: false });
        return [before, document.getElementById("a").getBoundingClientRect().height];
      });
      assert.ok(heights[1] > heights[0] + 60, `${heights}`);
      const a2 = await page.evaluate(facts, ["#a", TOP_CLASS]);
      const b2 = await page.evaluate(facts, ["#b", TOP_CLASS]);
      assert.deepEqual([a2.corner, a2.tools, a2.buttons, b2.tabindex, b2.tools], [255, "grid", 3, "0", "grid"]);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

describe("the display flags as data attributes (careto-viz-embed.js)", () => {
  it("data-plain, data-transparent, data-static: drawn so, the placeholder's reserved height the drawn one; another value warns once", async () => {
    // The module is held back until the placeholders' reserved heights are measured.
    let release;
    const held = new Promise((r) => (release = r));
    const { context, page, problems, warnings } = await sitePage(
      '<div id="p" data-careto-viz="bars" data-plain data-transparent="1"></div>' +
        '<div id="s" data-careto-viz="timeline" data-static="true" data-lang="es"></div>' +
        '<div id="q" data-careto-viz="bars" data-plain="maybe"></div>' +
        '<script type="module" src="careto-viz-embed.js"></script>',
      { held },
    );
    try {
      const reserved = await page.evaluate(() => ["p", "s", "q"].map((id) => document.getElementById(id).getBoundingClientRect().height));
      release();
      await page.waitForFunction(() => ["p", "s", "q"].every((id) => document.getElementById(id).getAttribute("data-careto-viz-state") === "ready"), null, { timeout: 30_000 });
      const [p, s, q] = await Promise.all(["#p", "#s", "#q"].map((id) => page.evaluate(facts, [id, TOP_CLASS])));
      assert.deepEqual([p.hostHeight, s.hostHeight, q.hostHeight], reserved, "each reserved height is the drawn one");
      assert.deepEqual([p.corner, p.tools, p.tabindex], [0, "none", "0"]);
      assert.deepEqual([s.corner, s.tools, s.tabindex, s.name], [255, "none", null, "The Mask (Careto): cronología"]);
      assert.deepEqual([q.corner, q.tools, q.tabindex], [255, "grid", "0"], "an odd value is no flag");
      assert.ok(p.hostHeight + 60 < q.hostHeight, `${p.hostHeight} ${q.hostHeight}`);
      assert.deepEqual(warnings.filter((w) => w.startsWith("careto-viz")), ['careto-viz: ignored data-plain="maybe": a display flag is 1 (on) or 0 (off)']);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
