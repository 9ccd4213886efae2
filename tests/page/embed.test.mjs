// The static site (`make site` → dist/) served from a sub-path, as a newsroom
// would host it: every page and every way to embed, in headless Chromium.
//
//   make site && node --test tests/page/embed.test.mjs      (make test-page does both)
//
// dist/ is copied to <tmp>/news/2026/careto/ and <tmp> is served, so a page that
// loads anything by an absolute path (/pkg/…) breaks here. SITE_DIR=… tests
// another copy of the site. Screenshots go to target/page-test/.

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { REPO_ROOT, canvasStats, launchBrowser, openPage, pixelsOf, serve, SITE_DIR as DIST, requireSite } from "./browser.mjs";
import { minifyHtml } from "../../scripts/minify-html.mjs";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core");

const WWW = path.join(REPO_ROOT, "www");
const SUBPATH = "news/2026/careto/";
const SHOTS = path.join(REPO_ROOT, "target", "page-test");
const PAGES = ["index.html", "embed.html", "embed/cms-script.html", "embed/cms-iframe.html", "embed/cms-hostile.html", "sample.html"];
// The pages to share each view by, written by make site (careto-render --page).
const SHARE_PAGES = ["bars", "timeline", "profile", "map"].flatMap((v) => ["en", "es"].map((l) => `chart-${v}-${l}.html`));

let tmp, server, browser, base, origin;

before(async () => {
  await requireSite("pkg", "careto_viz_bg.wasm");
  tmp = await mkdtemp(path.join(os.tmpdir(), "careto-embed-"));
  await cp(DIST, path.join(tmp, SUBPATH), { recursive: true });
  server = await serve(tmp);
  base = new URL(SUBPATH, server.url).href;
  origin = new URL(server.url).origin;
  browser = await launchBrowser();
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------- helpers

async function filesUnder(dir, prefix = "") {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...(await filesUnder(path.join(dir, entry.name), rel + "/")));
    else out.push(rel);
  }
  return out;
}

/** Asserts that the chart in `host` (a locator of the element mounted into) has a painted canvas. */
async function assertPainted(host, what) {
  const canvas = host.locator("canvas.careto-viz__canvas");
  assert.equal(await canvas.count(), 1, `${what}: no canvas in its shadow root`);
  const stats = await canvas.evaluate(canvasStats);
  assert.ok(stats.width > 0 && stats.height > 0, `${what}: canvas is ${stats.width}x${stats.height}`);
  assert.ok(stats.painted >= Math.max(500, stats.total * 0.02), `${what}: only ${stats.painted} of ${stats.total} pixels painted`);
  assert.ok(stats.colours >= 3, `${what}: only ${stats.colours} colours besides the background`);
  return stats;
}

/** Every request must go to the site's own origin, under the sub-path it is served from. */
function assertPrivate(requests) {
  const foreign = requests.filter((url) => new URL(url).origin !== origin);
  assert.deepEqual(foreign, [], "requests to other hosts");
  const outside = requests.filter((url) => !url.startsWith(base) && !url.startsWith("data:"));
  assert.deepEqual(outside, [], `requests outside ${base} (an absolute path somewhere?)`);
}

const count = (requests, suffix) => requests.filter((url) => new URL(url).pathname.endsWith(suffix)).length;

async function poll(fn, { timeout = 10_000, interval = 100 } = {}) {
  const deadline = performance.now() + timeout;
  let value = await fn();
  while (!value && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, interval));
    value = await fn();
  }
  return value;
}

/** Frame height vs. its document's height, for an <iframe> element handle. */
async function frameSizes(page, selector) {
  const handle = await page.$(selector);
  const frame = await handle.contentFrame();
  const outer = await handle.evaluate((f) => ({ height: f.getBoundingClientRect().height, styled: f.style.height }));
  const inner = frame ? await frame.evaluate(() => document.documentElement.getBoundingClientRect().height) : NaN;
  return { outer: outer.height, styled: outer.styled, inner, frame };
}

// ---------------------------------------------------------------- static checks

describe("dist/ as `make site` writes it", () => {
  it("has an identical copy of every file of www/ (relative paths kept; scripts bundled, scripts and styles minified), the modules and the schema", async () => {
    const all = (await filesUnder(WWW)).filter((f) => !f.startsWith("pkg/") && !f.startsWith("pkg-full/"));
    // The pages' scripts are bundled with the loader and minified by make site:
    // each is there, and none imports the loader any more.
    const scripts = all.filter((f) => !f.includes("/") && (f.endsWith(".js") || f.endsWith(".css")));
    // Modules that exist only to be bundled into the pages' scripts.
    const bundledOnly = ["careto-viz-loader.js", "embed-protocols.js"];
    for (const f of scripts.filter((f) => !bundledOnly.includes(f))) {
      const copy = await readFile(path.join(DIST, f), "utf8").catch(() => null);
      assert.ok(copy, `dist/${f} is missing: run make site`);
      assert.doesNotMatch(copy, /careto-viz-loader|embed-protocols/, `dist/${f} still imports a module`);
      if (f.endsWith(".css")) assert.doesNotMatch(copy, /\/\*/, `dist/${f} is not minified`);
      // esbuild --minify writes one line, without comments (a size bound
      // against the source broke whenever the bundled loader grew).
      assert.ok(copy.trimEnd().split("\n").length === 1 && !/^\s*\/[/*]/m.test(copy), `dist/${f} is not minified`);
      assert.ok((await readFile(path.join(WWW, f), "utf8")).trimEnd().split("\n").length > 1, `www/${f}: one line only, cannot tell minified from not`);
    }
    const files = all.filter((f) => !scripts.includes(f));
    for (const need of ["careto-viz-embed.js", "careto-viz-frame.js", "embed.html", "embed.js", "embed/cms-script.html", "embed/cms-iframe.html", "sample.html", "sample-campaign.json"]) {
      assert.ok(all.includes(need), `www/${need} is missing`);
    }
    const pairs = [
      ...files.map((f) => [path.join(WWW, f), path.join(DIST, f)]),
      ...["careto_viz.js", "careto_viz_bg.wasm", "careto_viz_interact.js", "careto_viz_details_en.js", "careto_viz_details_en_bg.wasm", "careto_viz_details_es.js", "careto_viz_details_es_bg.wasm"].map((f) => [path.join(WWW, "pkg", f), path.join(DIST, "pkg", f)]),
      // The full build (reads campaigns): embed.html?campaign=…, data-campaign-src, sample.html.
      ...["careto_viz_full.js", "careto_viz_full_bg.wasm", "careto_viz_interact.js"].map((f) => [path.join(WWW, "pkg-full", f), path.join(DIST, "pkg-full", f)]),
      [path.join(REPO_ROOT, "campaign.schema.json"), path.join(DIST, "campaign.schema.json")],
    ];
    // make site makes the social cards' URLs absolute (SITE_URL; tests/page/cards.test.mjs): undone here.
    const relativeCards = (bytes) => Buffer.from(bytes.toString("latin1").replace(/content="[^"]*\/img\/card-/g, 'content="img/card-'), "latin1");
    for (const [from, to] of pairs) {
      let copy = await readFile(to).catch(() => null);
      assert.ok(copy, `${path.relative(REPO_ROOT, to)} is missing: run make site`);
      let source = await readFile(from);
      // The pages as make site sends them: without comments and indentation (scripts/minify-html.mjs).
      if (to.endsWith(".html")) {
        copy = relativeCards(copy);
        source = Buffer.from(minifyHtml(source.toString("utf8")), "utf8");
      }
      assert.ok(copy.equals(source), `${path.relative(REPO_ROOT, to)} differs from ${path.relative(REPO_ROOT, from)}: run make site`);
    }
  });

  it("pages have no inline scripts or styles and load everything by relative paths", async () => {
    for (const page of [...PAGES, ...SHARE_PAGES]) {
      const html = await readFile(path.join(DIST, page), "utf8");
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, `${page}: inline <script>`);
      assert.doesNotMatch(html, /<style[\s>]/i, `${page}: inline <style>`);
      assert.doesNotMatch(html, /\sstyle\s*=/i, `${page}: style= attribute`);
      assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${page}: inline event handler`);
      for (const [tag, attr, value] of html.matchAll(/<(?:script|link|img|source|iframe)\b[^>]*?\b(src|href|srcset)="([^"]*)"[^>]*>/gi)) {
        // A share page's oEmbed link loads nothing: a CMS reads it from elsewhere, so it is absolute (SITE_URL).
        if (/\brel="alternate"/.test(tag) && /\btype="application\/json\+oembed"/.test(tag)) continue;
        assert.doesNotMatch(value, /^(\/|[a-z]+:)/i, `${page}: ${attr}="${value}" is not relative`);
      }
    }
  });

  it("every noscript image exists in dist/img, is an SVG, and its alt text starts with the chart's title", async () => {
    let images = 0;
    for (const page of [...PAGES, ...SHARE_PAGES]) {
      const html = await readFile(path.join(DIST, page), "utf8");
      for (const [, block] of html.matchAll(/<noscript>([\s\S]*?)<\/noscript>/g)) {
        // Each picture's image and its sources (the theme's, a phone's width): the alt text is theirs too.
        const alt = block.match(/<img\b[^>]*\balt="([^"]+)"/)?.[1];
        for (const [, src] of block.matchAll(/<(?:img\b[^>]*\bsrc|source\b[^>]*\bsrcset)="([^"]+)"/g)) {
          const file = path.resolve(path.dirname(path.join(DIST, page)), src);
          assert.ok(file.startsWith(path.join(DIST, "img") + path.sep), `${page}: ${src} is not in dist/img`);
          const svg = await readFile(file, "utf8").catch(() => null);
          assert.ok(svg, `${page}: ${src} does not exist`);
          assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, `${src} is not an SVG document`);
          const title = svg.match(/<text[^>]*>\s*([^<]*?)\s*<\/text>/)?.[1];
          assert.ok(alt && title && alt.startsWith(title), `${page}: alt of ${src} should start with "${title}", is "${alt}"`);
          images++;
        }
      }
    }
    // index.html has 3 pictures of 4 images each, cms-script.html 4 images, cms-hostile.html 2, each share page a picture of 4.
    assert.ok(images >= 3 * 4 + 4 + 2 + 8 * 4, `only ${images} noscript images and sources`);
  });

  it("has all 32 static images (view x language x theme x 640 or 375 px), each valid SVG with the right title, theme and width", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(base + "img/bars-en-light.svg");
      for (const view of ["bars", "timeline", "profile", "map"]) {
        for (const lang of ["en", "es"]) {
          for (const [theme, width] of [["light", 640], ["dark", 640], ["light", 375], ["dark", 375]]) {
            const name = `${view}-${lang}-${theme}${width === 375 ? "-375" : ""}.svg`;
            const text = await readFile(path.join(DIST, "img", name), "utf8");
            // The browser's XML parser: a malformed file yields a <parsererror>.
            const parsed = await page.evaluate((t) => {
              const doc = new DOMParser().parseFromString(t, "image/svg+xml");
              const root = doc.documentElement;
              return {
                error: doc.getElementsByTagName("parsererror").length > 0,
                root: root.localName,
                ns: root.namespaceURI,
                width: Number(root.getAttribute("width")),
                title: root.querySelector("text")?.textContent.trim(),
                background: root.querySelector("rect")?.getAttribute("fill"),
              };
            }, text);
            assert.equal(parsed.error, false, `${name} does not parse`);
            assert.equal(parsed.root, "svg", name);
            assert.equal(parsed.ns, "http://www.w3.org/2000/svg", name);
            assert.equal(parsed.width, width, `${name} width`);
            const titles = {
              "bars-en": "The Mask (Careto): 31 countries affected",
              "bars-es": "The Mask (Careto): 31 países afectados",
              "timeline-en": "The Mask (Careto): timeline",
              "timeline-es": "The Mask (Careto): cronología",
              "profile-en": "The Mask (Careto): who and what was targeted",
              "profile-es": "The Mask (Careto): a quién y qué atacó",
              "map-en": "The Mask (Careto): where the 31 affected countries are",
              "map-es": "The Mask (Careto): dónde están los 31 países afectados",
            };
            // (At 375 px a long title wraps: its first line.)
            const title = titles[`${view}-${lang}`];
            assert.ok(parsed.title === title || (width === 375 && parsed.title.length > 15 && title.startsWith(parsed.title)), `${name} title: ${parsed.title}`);
            const light = parsed.background?.toUpperCase() === "#FFFFFF";
            assert.equal(light, theme === "light", `${name} background ${parsed.background}`);
          }
        }
      }
    } finally {
      await page.close();
    }
  });

  it("careto-viz-frame.js (the parent page's listener) is under 1 KB", async () => {
    const { size } = await stat(path.join(DIST, "careto-viz-frame.js"));
    assert.ok(size < 1024, `careto-viz-frame.js is ${size} bytes`);
  });
});

// ---------------------------------------------------------------- pages with JavaScript

describe("index.html from a sub-path", () => {
  let s;
  before(async () => {
    s = await openPage(browser);
    await s.page.goto(base + "index.html");
    await s.page.waitForSelector('html[data-careto-viz-state]:not([data-careto-viz-state="loading"])', { state: "attached", timeout: 30_000 });
  });
  after(() => s?.context.close());

  it("draws the three charts with no error and no request elsewhere", async () => {
    for (const id of ["careto-map", "careto-bars", "careto-timeline"]) {
      assert.equal(await s.page.getAttribute(`#${id}`, "data-careto-viz-state"), "ready", `#${id}: ${s.problems.join("; ")}`);
      await assertPainted(s.page.locator(`#${id}`), id);
    }
    assert.deepEqual(s.problems, []);
    assertPrivate(s.requests);
    assert.equal(count(s.requests, "/careto_viz_bg.wasm"), 1);
    assert.equal(count(s.requests, "/careto_viz_map_bg.wasm"), 1, "the map's build, once");
    assert.equal(count(s.requests, "/world-110m.bin"), 1, "the map's geometry, once");
    assert.equal(s.requests.filter((url) => url.includes("careto_viz_full")).length, 0, "a reader of the article never downloads the full build");
  });
});

describe("Copy embed code: the snippet a reader copies works as pasted", () => {
  let s;
  let snippet;
  const shadow = (host, selector) => s.page.locator(host).locator(selector);

  before(async () => {
    s = await openPage(browser);
    await s.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    await s.page.goto(base + "index.html");
    await s.page.waitForSelector('html[data-careto-viz-state]:not([data-careto-viz-state="loading"])', { state: "attached", timeout: 30_000 });
  });
  after(() => s?.context.close());

  it("is a button reached by keyboard; Enter copies the iframe snippet and the live region says Copied", async () => {
    const button = s.page.locator("#careto-timeline").getByRole("button", { name: "Copy embed code" });
    assert.equal(await button.count(), 1);
    await button.focus();
    await s.page.keyboard.press("Enter");
    const live = shadow("#careto-timeline", "[aria-live]");
    assert.ok(await poll(async () => (await live.textContent()) === "Copied"), `live region: ${await live.textContent()}`);
    snippet = await s.page.evaluate(() => navigator.clipboard.readText());
    // The iframe in its box, which careto-viz.css (linked first) gives the chart's height.
    const iframe = snippet.match(/^<div data-careto-viz-frame="timeline" data-lang="en"><iframe ([^>]*)><\/iframe><\/div>$/m)?.[1];
    assert.ok(iframe, snippet);
    const attrs = Object.fromEntries([...iframe.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const src = new URL(attrs.src.replaceAll("&amp;", "&"));
    assert.equal(src.origin + src.pathname, base + "embed.html", "embed.html where the page found it");
    assert.deepEqual(Object.fromEntries(src.searchParams), { view: "timeline", lang: "en", theme: "auto" });
    assert.equal(attrs.title, "The Mask (Careto): timeline");
    assert.equal(attrs.loading, "lazy");
    assert.equal(attrs.width, "100%");
    // The fallback height (a page without careto-viz.css): the chart's own, buttons included.
    assert.equal(Number(attrs.height), await s.page.locator("#careto-timeline").evaluate((e) => e.getBoundingClientRect().height));
    assert.equal(attrs.class, "careto-viz-frame");
    assert.match(snippet, new RegExp(`^<script src="${base.replace(/[.?]/g, "\\$&")}careto-viz-frame\\.js" defer></script>$`, "m"));
    assert.match(snippet, new RegExp(`^<link rel="stylesheet" href="${base.replace(/[.?]/g, "\\$&")}careto-viz\\.css">$`, "m"));
    assert.doesNotMatch(snippet, /style=|<script(?![^>]*\bsrc=)/, "no inline style or script (strict CSP hosts)");
    assert.equal(await shadow("#careto-timeline", "textarea").isVisible(), false, "no fallback field when the clipboard works");
    assert.deepEqual(s.problems, []);
  });

  it("pasted as is into another page, mounts the chart and sizes the frame to it", async () => {
    assert.ok(snippet, "the test above copied a snippet");
    await mkdir(path.join(tmp, "elsewhere"), { recursive: true });
    const html = `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>An article</title><link rel="icon" href="${base}favicon.svg"></head>\n<body>\n<p>The article's text.</p>\n${snippet}\n</body>\n</html>\n`;
    await writeFile(path.join(tmp, "elsewhere", "article.html"), html);
    const p = await openPage(browser, { width: 800, height: 900 });
    try {
      await p.page.goto(new URL("elsewhere/article.html", server.url).href, { waitUntil: "load" });
      const frame = await (await p.page.$("iframe.careto-viz-frame")).contentFrame();
      await frame.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      await assertPainted(frame.locator("#chart"), "pasted iframe");
      const fits = async () => {
        const { outer, inner, styled } = await frameSizes(p.page, "iframe.careto-viz-frame");
        return styled !== "" && inner > 100 && Math.abs(outer - inner) <= 2;
      };
      assert.ok(await poll(fits), JSON.stringify(await frameSizes(p.page, "iframe.careto-viz-frame").then(({ frame, ...r }) => r)));
      assert.deepEqual(p.problems, []);
    } finally {
      await p.context.close();
    }
  });

  it("embed.html?downloads=false&embedCode=false hides those buttons in the frame", async () => {
    const p = await openPage(browser);
    try {
      await p.page.goto(base + "embed.html?view=bars&downloads=false&embedCode=false");
      await p.page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      const visible = await p.page.locator("#chart").getByRole("button").allTextContents();
      assert.deepEqual(visible, ["Show data"]);
      await p.page.goto(base + "embed.html?view=bars");
      await p.page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      assert.deepEqual(await p.page.locator("#chart").getByRole("button").allTextContents(), ["Show data", "Download PNG", "Download CSV", "Copy embed code"]);
      assert.deepEqual(p.problems, []);
    } finally {
      await p.context.close();
    }
  });

  it("without a clipboard, shows the code selected in a read-only field and says how to copy it", async () => {
    const p = await openPage(browser);
    try {
      await p.context.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
      await p.page.goto(base + "sample.html");
      await p.page.waitForSelector('html[data-careto-viz-state]:not([data-careto-viz-state="loading"])', { state: "attached", timeout: 30_000 });
      await p.page.locator("#sample-bars").getByRole("button", { name: "Copy embed code" }).click();
      const field = p.page.locator("#sample-bars").getByRole("textbox", { name: "Embed code" });
      // The interaction layer may still be on its way (loaded after the first frame): the click waits for it.
      await field.waitFor({ state: "visible", timeout: 10_000 });
      const state = await p.page.locator("#sample-bars").evaluate((host) => {
        const t = host.shadowRoot.querySelector("textarea");
        return { focused: host.shadowRoot.activeElement === t, selected: t.value.slice(t.selectionStart, t.selectionEnd), value: t.value, readOnly: t.readOnly };
      });
      assert.ok(state.focused && state.readOnly);
      assert.equal(state.selected, state.value);
      assert.ok(state.value.includes(`src="${base}embed.html?campaign=sample-campaign.json&amp;view=bars&amp;lang=en&amp;theme=auto"`), state.value);
      assert.match(await p.page.locator("#sample-bars").locator("[aria-live]").textContent(), /press Ctrl\+C/);
      assert.deepEqual(p.problems, []);
    } finally {
      await p.context.close();
    }
  });
});

describe("embed.html (the iframe page) on its own", () => {
  it("fills the window with one chart, margin 0, in the language and theme asked for", async () => {
    const s = await openPage(browser, { width: 700, height: 900 });
    try {
      await s.page.goto(base + "embed.html?view=bars&lang=es&theme=auto");
      await s.page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      const stats = await assertPainted(s.page.locator("#chart"), "embed.html bars");
      assert.ok(Math.abs(stats.cssWidth - 700) <= 1, `the chart is ${stats.cssWidth}px wide in a 700px window`);
      const layout = await s.page.evaluate(() => ({
        margin: getComputedStyle(document.body).margin,
        lang: document.documentElement.lang,
        label: document.querySelector("#chart").shadowRoot.querySelector("canvas").getAttribute("aria-label"),
      }));
      assert.equal(layout.margin, "0px");
      assert.equal(layout.lang, "es");
      assert.equal(layout.label, "The Mask (Careto): 31 países afectados");
      assert.deepEqual(s.problems, []);
      assertPrivate(s.requests);
    } finally {
      await s.context.close();
    }
  });

  it("a reader who Tabs into the frame sees the chart's focus ring on all four sides, inside the frame", async () => {
    // The chart fills the frame: a ring drawn outside the canvas would be cut
    // off on three sides (until 2026-12-03 only its bottom edge showed).
    const s = await openPage(browser, { width: 640, height: 900 });
    try {
      await s.page.goto(base + "embed.html?view=bars");
      await s.page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      const edges = async () => {
        const { rect, focus } = await s.page.evaluate(() => {
          const root = document.querySelector("#chart").shadowRoot;
          const r = root.querySelector("canvas").getBoundingClientRect();
          const probe = document.createElement("i");
          probe.style.color = getComputedStyle(root.querySelector(".cv")).getPropertyValue("--cv-focus");
          document.body.append(probe);
          const focus = getComputedStyle(probe).color.match(/\d+/g).map(Number);
          probe.remove();
          return { rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, focus };
        });
        const shot = await s.page.screenshot();
        // Midpoints of the four edges, one pixel inside the canvas.
        const points = [
          [Math.round((rect.left + rect.right) / 2), Math.ceil(rect.top) + 1],
          [Math.ceil(rect.left) + 1, Math.round((rect.top + rect.bottom) / 2)],
          [Math.floor(rect.right) - 2, Math.round((rect.top + rect.bottom) / 2)],
          [Math.round((rect.left + rect.right) / 2), Math.floor(rect.bottom) - 2],
        ];
        const seen = await pixelsOf(s.page, shot, points);
        return { rect, focus, seen };
      };
      const before = await edges();
      assert.ok(before.rect.left <= 0 && before.rect.top <= 0 && before.rect.right >= 639, `the chart fills the frame: ${JSON.stringify(before.rect)}`);
      assert.ok(before.seen.every((px) => px.join() !== before.focus.join()), `no ring before the focus: ${JSON.stringify(before.seen)}`);
      await s.page.keyboard.press("Tab");
      const focused = await s.page.evaluate(() => document.querySelector("#chart").shadowRoot.activeElement?.localName);
      assert.equal(focused, "canvas");
      const after = await edges();
      const names = ["top", "left", "right", "bottom"];
      const missing = names.filter((_, i) => after.seen[i].join() !== after.focus.join());
      assert.deepEqual(missing, [], `the ring (${after.focus}) is missing on these edges: ${JSON.stringify(Object.fromEntries(names.map((n, i) => [n, after.seen[i]])))}`);
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  });

  it("the bars', the map's and the timeline's data tables fit a 320 px frame in both languages and the demo page at 360 px: their sources wrap, long Spanish words break at a syllable", async () => {
    // Until 2026-12-03 each was wider (364 and 430 px), held wide by source
    // names with no space in them, and its caption ran past the frame's edge.
    // Until 2026-12-05 the Spanish bars' and map's were 345 px wide, held by
    // words such as "gubernamentales": they now carry soft hyphens
    // (src/i18n/hyphen.rs).
    // Opens the table of the chart in element `id` (Show data): its width, its box's, its last column's head.
    const openTable = async (page, id) => {
      await page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector(".cv-tools button[aria-controls]").click(), id);
      const fit = await page.waitForFunction((id) => {
        const root = document.getElementById(id).shadowRoot;
        const data = root.querySelector(".cv-data:not(.cv-closed)");
        const heads = [...(root.querySelector("thead tr")?.children ?? [])].map((th) => th.textContent);
        return data?.querySelector("tbody tr") && { box: data.clientWidth, table: data.scrollWidth, last: heads.at(-1) };
      }, id);
      return fit.jsonValue();
    };
    for (const [lang, sources] of [["en", "Sources"], ["es", "Fuentes"]]) for (const view of ["bars", "map", "timeline"]) {
      const s = await openPage(browser, { width: 320, height: 900 });
      try {
        await s.page.goto(base + `embed.html?view=${view}&lang=${lang}`);
        await s.page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
        const { box, table, last } = await openTable(s.page, "chart");
        assert.equal(last, sources, `${view} ${lang}: the last column is the sources (interact.css lets it wrap anywhere)`);
        assert.ok(table <= box, `${view} ${lang}: the table is ${table} px wide in a ${box} px frame`);
        if (lang === "es" && view === "bars") {
          // Broken at a syllable, with a hyphen shown where it breaks; whole where it fits.
          const word = await s.page.evaluate(() => {
            const td = [...document.getElementById("chart").shadowRoot.querySelectorAll("td")].find((c) => c.textContent.includes("guber\u00adna\u00admen\u00adta\u00adles"));
            const text = [...(td?.childNodes ?? [])].find((n) => n.textContent.includes("guber"));
            if (!text) return null;
            // The lines of "gubernamentales", by the tops of its letters' boxes.
            const at = text.textContent.indexOf("guber");
            const tops = new Set();
            for (let i = at; i < at + 19; i++) {
              const r = document.createRange();
              r.setStart(text, i);
              r.setEnd(text, i + 1);
              const box = r.getBoundingClientRect();
              if (box.width > 0) tops.add(Math.round(box.top));
            }
            return { lines: tops.size, width: td.getBoundingClientRect().width };
          });
          assert.ok(word, "the notes say gubernamentales, with soft hyphens");
          assert.ok(word.lines >= 1 && word.lines <= 2, `gubernamentales on ${word?.lines} lines`);
        }
        assert.deepEqual(s.problems, []);
      } finally {
        await s.context.close();
      }
    }
    // The demo page on a 360 px phone: its charts' columns are 328 px (364 and 430 px tables before).
    const s = await openPage(browser, { width: 360, height: 800 });
    try {
      await s.page.goto(base + "index.html");
      await s.page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      for (const id of ["careto-map", "careto-bars", "careto-timeline"]) {
        const { box, table } = await openTable(s.page, id);
        assert.ok(table <= box, `index.html #${id}: the table is ${table} px wide in a ${box} px column`);
      }
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  });

  it("theme=auto follows a dark system; view=timeline draws the timeline", async () => {
    const context = await browser.newContext({ viewport: { width: 640, height: 600 }, colorScheme: "dark" });
    try {
      const page = await context.newPage();
      await page.goto(base + "embed.html?view=timeline&lang=en&theme=auto");
      await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      const stats = await assertPainted(page.locator("#chart"), "embed.html timeline (dark)");
      assert.ok(stats.corner.every((c) => c < 64), `dark theme expected, corner pixel is ${stats.corner}`);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, "rgb(21, 23, 26)", "the page around the chart is dark too");
      const label = await page.locator("#chart canvas").getAttribute("aria-label");
      assert.equal(label, "The Mask (Careto): timeline");
    } finally {
      await context.close();
    }
  });

  it("chart-map-es.html (a page to share the map by) draws the map in Spanish with no query; a query still wins", async () => {
    const context = await browser.newContext({ viewport: { width: 640, height: 900 } });
    try {
      const page = await context.newPage();
      const label = async (url) => {
        await page.goto(base + url);
        await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
        await assertPainted(page.locator("#chart"), url);
        return page.locator("#chart canvas").getAttribute("aria-label");
      };
      assert.equal(await label("chart-map-es.html"), "The Mask (Careto): dónde están los 31 países afectados");
      assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
      assert.equal(await label("chart-map-es.html?view=timeline&lang=en"), "The Mask (Careto): timeline");
    } finally {
      await context.close();
    }
  });

  it("view=profile draws the profile, in Spanish, with its summary", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(base + "embed.html?view=profile&lang=es&theme=light");
      await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
      await assertPainted(page.locator("#chart"), "embed.html profile");
      const label = await page.locator("#chart canvas").getAttribute("aria-label");
      assert.equal(label, "The Mask (Careto): a quién y qué atacó");
      const summary = await page.locator("#chart").evaluate((e) => e.shadowRoot.querySelector(".cv-sr").textContent);
      assert.match(summary, /Sectores atacados, sin cifras ni porcentajes publicados/);
    } finally {
      await context.close();
    }
  });

  // The profile's own accessibility audit (index.html's covers the bars and the timeline).
  for (const [lang, scheme, width] of [["en", "light", 1280], ["es", "dark", 320]]) {
    it(`view=profile: axe-core finds no violation (${lang}, ${scheme}, ${width} px, table open)`, async () => {
      const { page, problems, requests, context } = await openPage(browser, { width, height: 900 });
      try {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(base + `embed.html?view=profile&lang=${lang}&theme=auto`);
        await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
        await page.locator("#chart .cv-tools button[aria-controls]").click();
        await page.waitForFunction(() => document.getElementById("chart").shadowRoot.querySelectorAll(".cv-data td").length > 5, null, { timeout: 15_000 });
        await page.evaluate(await readFile(AXE_PATH, "utf8"));
        // Every WCAG 2.x A and AA rule, none violated; of the best practices
        // (landmarks, a level-one heading: rules for whole pages, not a frame's
        // one chart) none serious or critical.
        const wcag = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }, resultTypes: ["violations"] }));
        const all = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
        const explain = (v) => `[${v.impact}] ${v.id}: ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(" >>> ")}`).join("\n");
        assert.deepEqual(wcag.violations.map((v) => v.id), [], wcag.violations.map(explain).join("\n"));
        const bad = all.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        assert.deepEqual(bad.map((v) => v.id), [], bad.map(explain).join("\n"));
        assert.deepEqual(problems, []);
        // The table's words came from the profile's own details module, not the article's.
        const details = requests.map((u) => new URL(u).pathname.split("/").pop()).filter((f) => /details/.test(f)).sort();
        assert.deepEqual(details, [`careto_viz_profile_details_${lang}.js`, `careto_viz_profile_details_${lang}_bg.wasm`]);
      } finally {
        await context.close();
      }
    });
  }
});

describe("embed/cms-script.html: script tag and placeholders", () => {
  let s;
  const IDS = ["embed-bars-en", "embed-timeline-es", "embed-timeline-en-dark", "embed-profile-en", "embed-sample-bars"];
  const settled = (page) =>
    page.evaluate(() => [...document.querySelectorAll("[data-careto-viz]")].every((e) => ["ready", "error"].includes(e.dataset.caretoVizState)));

  before(async () => {
    s = await openPage(browser, { width: 1100, height: 900 });
    await s.page.goto(base + "embed/cms-script.html", { waitUntil: "load" });
    assert.ok(await poll(() => settled(s.page), { timeout: 30_000 }), "the placeholders did not settle");
    await s.page.evaluate(() => document.fonts.ready);
  });
  after(() => s?.context.close());

  it("mounts every placeholder, with no error and no request elsewhere", async () => {
    for (const id of IDS) {
      const state = await s.page.getAttribute(`#${id}`, "data-careto-viz-state");
      assert.equal(state, "ready", `#${id}: ${s.problems.join("; ")}`);
      await assertPainted(s.page.locator(`#${id}`), id);
    }
    assert.deepEqual(s.problems, []);
    assertPrivate(s.requests);
  });

  it("draws each placeholder with its own options", async () => {
    const labels = await s.page.evaluate((ids) => ids.map((id) => document.getElementById(id).shadowRoot.querySelector("canvas").getAttribute("aria-label")), IDS);
    assert.deepEqual(labels, [
      "The Mask (Careto): 31 countries affected",
      "The Mask (Careto): cronología",
      "The Mask (Careto): timeline",
      "The Mask (Careto): who and what was targeted",
      "Sample campaign (invented data): 8 countries affected",
    ]);
    const dark = await s.page.locator("#embed-timeline-en-dark canvas").evaluate(canvasStats);
    assert.ok(dark.corner.every((c) => c < 64), `data-theme="dark": corner pixel is ${dark.corner}`);
  });

  it("loads the module, its wasm and the embed script once for all the charts", () => {
    assert.equal(count(s.requests, "/careto-viz-embed.js"), 1, "careto-viz-embed.js (four script tags, one module)");
    assert.equal(count(s.requests, "/pkg/careto_viz.js"), 1, "careto_viz.js");
    assert.equal(count(s.requests, "/careto_viz_bg.wasm"), 1, "careto_viz_bg.wasm");
    // The one placeholder with data-campaign-src gets the full build, loaded once too.
    assert.equal(count(s.requests, "/pkg-full/careto_viz_full.js"), 1, "careto_viz_full.js");
    assert.equal(count(s.requests, "/careto_viz_full_bg.wasm"), 1, "careto_viz_full_bg.wasm");
    assert.equal(count(s.requests, "/sample-campaign.json"), 1, "sample-campaign.json");
  });

  it("saves a screenshot", async () => {
    await s.page.screenshot({ path: path.join(SHOTS, "cms-script.png"), fullPage: true });
  });

  it("mounts placeholders added later, remounts on a changed option, destroys removed ones", async () => {
    const { page } = s;
    await page.evaluate(() => {
      const div = document.createElement("div");
      div.id = "late";
      div.dataset.caretoViz = "timeline";
      div.dataset.lang = "en";
      document.querySelector("main").append(div);
    });
    assert.ok(await poll(() => page.evaluate(() => document.getElementById("late").dataset.caretoVizState === "ready")), "the added placeholder was not mounted");
    await assertPainted(page.locator("#late"), "#late");

    await page.evaluate(() => { document.getElementById("late").dataset.lang = "es"; });
    const relabelled = await poll(() =>
      page.evaluate(() => document.getElementById("late").shadowRoot.querySelector("canvas")?.getAttribute("aria-label") === "The Mask (Careto): cronología"));
    assert.ok(relabelled, "data-lang changed but the chart was not redrawn in Spanish");

    await page.evaluate(() => document.getElementById("late").remove());
    const destroyed = await poll(() => page.evaluate(() => {
      const late = document.getElementById("late") ?? null;
      return late === null;
    }));
    assert.ok(destroyed);
    assert.deepEqual(s.problems, []);
    assert.equal(count(s.requests, "/careto_viz_bg.wasm"), 1, "still one wasm download");
  });

  it("shows a placeholder's error as text in the element", async () => {
    const { page } = s;
    const before = s.problems.length;
    await page.evaluate(() => {
      const div = document.createElement("div");
      div.id = "bad";
      div.dataset.caretoViz = "pie";
      document.querySelector("main").append(div);
      const missing = document.createElement("div");
      missing.id = "missing";
      missing.dataset.caretoViz = "bars";
      missing.dataset.campaignSrc = "no-such-campaign.json";
      document.querySelector("main").append(missing);
    });
    for (const [id, expected] of [
      ["bad", /could not be drawn: careto-viz: view: "pie" is not a view/],
      ["missing", /could not be drawn: careto-viz: campaign "no-such-campaign.json": HTTP 404/],
    ]) {
      assert.ok(await poll(() => page.evaluate((id) => document.getElementById(id).dataset.caretoVizState === "error", id)), `#${id} did not fail`);
      const text = await page.locator(`#${id} .careto-viz-error`).textContent();
      assert.match(text, expected);
      assert.ok(await page.locator(`#${id} .careto-viz-error`).isVisible(), `#${id}: the error is not visible`);
    }
    const logged = s.problems.slice(before);
    assert.ok(logged.some((p) => p.includes('"pie" is not a view')), `logged: ${logged}`);
    assert.ok(logged.every((p) => /pie|no-such-campaign|404/.test(p)), `unexpected: ${logged}`);
  });
});

describe("embed/cms-iframe.html: responsive iframes", () => {
  let s;
  const FRAMES = ["#frame-timeline-en", "#frame-bars-es"];

  const fits = async (page, selector) => {
    const { outer, inner, styled } = await frameSizes(page, selector);
    return styled !== "" && Number.isFinite(inner) && inner > 100 && Math.abs(outer - inner) <= 2;
  };

  before(async () => {
    s = await openPage(browser, { width: 1100, height: 900 });
    await s.page.goto(base + "embed/cms-iframe.html", { waitUntil: "load" });
    for (const selector of FRAMES) {
      await s.page.locator(selector).scrollIntoViewIfNeeded();
      const frame = await (await s.page.$(selector)).contentFrame();
      assert.ok(frame, `${selector} has no frame`);
      await frame.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
    }
    await s.page.evaluate(() => window.scrollTo(0, 0));
  });
  after(() => s?.context.close());

  it("draws a chart in each frame, with no error and no request elsewhere", async () => {
    for (const selector of FRAMES) {
      const frame = await (await s.page.$(selector)).contentFrame();
      await assertPainted(frame.locator("#chart"), selector);
    }
    assert.deepEqual(s.problems, []);
    assertPrivate(s.requests);
  });

  it("sizes each frame to its content (± 2 px) from the posted height", async () => {
    for (const selector of FRAMES) {
      assert.ok(await poll(() => fits(s.page, selector)), `${selector}: ${JSON.stringify(await frameSizes(s.page, selector).then(({ frame, ...r }) => r))}`);
    }
  });

  it("saves a screenshot", async () => {
    await s.page.screenshot({ path: path.join(SHOTS, "cms-iframe.png"), fullPage: true });
  });

  it("follows the content when the window narrows and when the data table opens", async () => {
    const { page } = s;
    const before = await frameSizes(page, FRAMES[0]);
    await page.setViewportSize({ width: 420, height: 900 });
    assert.ok(await poll(async () => (await fits(page, FRAMES[0])) && (await frameSizes(page, FRAMES[0])).outer !== before.outer),
      `${FRAMES[0]} did not follow the narrower layout`);
    for (const selector of FRAMES) assert.ok(await poll(() => fits(page, selector)), `${selector} after narrowing`);

    // "Show data" opens the table inside the frame: the frame grows with it.
    const closed = (await frameSizes(page, FRAMES[1])).outer;
    const frame = await (await page.$(FRAMES[1])).contentFrame();
    await frame.locator("#chart button[aria-controls]").click();
    assert.ok(await poll(async () => (await fits(page, FRAMES[1])) && (await frameSizes(page, FRAMES[1])).outer > closed + 50),
      `${FRAMES[1]} did not grow with its data table`);
    await page.setViewportSize({ width: 1100, height: 900 });
    assert.deepEqual(s.problems, []);
  });

  it("ignores height messages from other windows or origins", async () => {
    const { page } = s;
    const result = await page.evaluate(async () => {
      const frame = document.querySelector("#frame-timeline-en");
      const height = () => frame.style.height;
      const send = (init) => {
        window.dispatchEvent(new MessageEvent("message", { data: { type: "careto-viz:height", height: 123, view: "timeline" }, ...init }));
        return height();
      };
      const original = height();
      return {
        original,
        wrongOrigin: send({ origin: "https://evil.example", source: frame.contentWindow }),
        wrongSource: send({ origin: location.origin, source: window }),
        wrongType: (() => {
          window.dispatchEvent(new MessageEvent("message", { data: { type: "other", height: 99 }, origin: location.origin, source: frame.contentWindow }));
          return height();
        })(),
        right: send({ origin: location.origin, source: frame.contentWindow }),
        // The frame is not sandboxed: a message from it can only have its origin.
        opaque: (() => {
          frame.style.height = "";
          return send({ origin: "null", source: frame.contentWindow });
        })(),
      };
    });
    assert.equal(result.opaque, "", 'a message of origin "null" from a frame the page did not sandbox changed the height');
    assert.equal(result.wrongOrigin, result.original, "a message with another origin changed the height");
    assert.equal(result.wrongSource, result.original, "a message from another window changed the height");
    assert.equal(result.wrongType, result.original, "another message type changed the height");
    assert.equal(result.right, "123px", "the listener did not take a well-formed message");
  });
});

/**
 * A newsroom's page on another origin (another port) that serves `html` as
 * /article.html, with `csp` if given. Returns { url, close }.
 */
async function newsroomPage(html, csp) {
  const parent = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", ...(csp && { "Content-Security-Policy": csp }) });
    res.end(html);
  });
  await new Promise((resolve) => parent.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${parent.address().port}/article.html`,
    close: () => {
      parent.closeAllConnections();
      return new Promise((resolve) => parent.close(resolve));
    },
  };
}

/**
 * Runs `fn(s, url)` with `html` served as a newsroom's page on another
 * origin (`newsroomPage`) and a fresh browser page `s` (`openPage`) of
 * `viewport`; closes both however it ends.
 */
async function onNewsroomPage(html, { csp, viewport = { width: 900, height: 800 } }, fn) {
  const parent = await newsroomPage(html, csp);
  const s = await openPage(browser, viewport);
  try {
    await fn(s, parent.url);
  } finally {
    await s.context.close();
    await parent.close();
  }
}

/** The chart's live region and its open tooltip's title, in the shadow root of `host` (a locator). */
const announced = (host) =>
  host.evaluate((el) => {
    const root = el.shadowRoot;
    const tip = root?.querySelector(".cv-tip");
    return { live: root?.querySelector("[aria-live]")?.textContent ?? "", tip: !tip || tip.hidden ? null : tip.querySelector("b")?.textContent };
  });

/** Waits until `host` (a locator) shows Morocco's details, said with its count: the interaction layer and details module came. */
async function assertMoroccoSaid(host) {
  const said = await poll(async () => {
    const now = await announced(host);
    return now.tip === "Morocco" && /384/.test(now.live) && now;
  }, { timeout: 20_000 });
  assert.ok(said, `Morocco's details never opened: ${JSON.stringify(await announced(host))}`);
}

/** Waits until the embed.html in `frame` has settled, and asserts it drew: ready, its canvas painted. */
async function assertFrameDrawn(frame, what, problems) {
  await frame.waitForSelector('html:is([data-careto-viz-state="ready"], [data-careto-viz-state="error"])', { state: "attached", timeout: 30_000 });
  assert.equal(await frame.getAttribute("html", "data-careto-viz-state"), "ready", `${what}: ${problems.join("; ")}`);
  await assertPainted(frame.locator("#chart"), what);
}

/** Asserts that careto-viz-frame.js sized the iframe `selector` (first 300 px tall) to its document. */
async function assertSizedToContent(page, selector, what) {
  assert.ok(await poll(async () => {
    const { outer, inner } = await frameSizes(page, selector);
    return outer !== 300 && Math.abs(outer - inner) <= 2;
  }), `${what} not sized: ${JSON.stringify(await frameSizes(page, selector).then(({ frame, ...r }) => r))}`);
}

describe("from another origin (the usual newsroom case)", () => {
  it("the script tag and placeholders on a newsroom's page under a strict CSP: bars and map drawn, a link's focus said", async () => {
    // README, "Three ways to embed": the newsroom's CSP names the chart's site
    // in script-src and connect-src (the .wasm, the geometry), and in style-src
    // for careto-viz.css (the charts' own styles need nothing); the site answers
    // with Access-Control-Allow-Origin (README, "Serving dist/"), as scripts/serve.mjs does.
    const csp = `default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; connect-src ${origin}; style-src 'self' ${origin}`;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title>
      <link rel="stylesheet" href="${base}careto-viz.css"></head><body><h1>An article</h1>
      <div id="bars" data-careto-viz="bars"></div><div id="map" data-careto-viz="map"></div><p>After the charts.</p>
      <script type="module" src="${base}careto-viz-embed.js"></script></body></html>`;
    await onNewsroomPage(html, { csp, viewport: { width: 900, height: 900 } }, async (s, url) => {
      await s.page.goto(`${url}#careto-bars=MAR`);
      for (const id of ["bars", "map"]) {
        await s.page.waitForSelector(`#${id}:is([data-careto-viz-state="ready"], [data-careto-viz-state="error"])`, { state: "attached", timeout: 30_000 });
        assert.equal(await s.page.getAttribute(`#${id}`, "data-careto-viz-state"), "ready", `#${id}: ${s.problems.join("; ")}`);
        await assertPainted(s.page.locator(`#${id}`), id);
      }
      // The link's item: the interaction layer and the details module, imported from the chart's site.
      await assertMoroccoSaid(s.page.locator("#bars"));
      // A link in the article's text, followed later: the map shows Brazil.
      await s.page.evaluate(() => (location.hash = "careto-map=BRA"));
      assert.ok(
        await poll(() => s.page.evaluate(() => document.querySelector("#map").shadowRoot.querySelector(".cv-tip:not([hidden]) b")?.textContent === "Brazil")),
        "the map did not show Brazil for #careto-map=BRA",
      );
      assert.deepEqual(s.problems, []);
    });
  });

  it("the script tag on a newsroom's page that enforces Trusted Types: bars, map and timeline drawn, a link's focus said, the table and a download made, no violation", async () => {
    // Sites that enforce Trusted Types (require-trusted-types-for 'script') let no
    // string reach a script sink (innerHTML, eval, a script's text or src); with no
    // policy allowed ('none'), a script that used one would throw, and the browser
    // would log the violation.
    const csp = `default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; connect-src ${origin}; style-src 'self' ${origin}; require-trusted-types-for 'script'; trusted-types 'none'`;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title>
      <link rel="stylesheet" href="${base}careto-viz.css"></head><body><h1>An article</h1>
      <div id="bars" data-careto-viz="bars"></div><div id="map" data-careto-viz="map"></div><div id="timeline" data-careto-viz="timeline"></div>
      <script type="module" src="${base}careto-viz-embed.js"></script></body></html>`;
    await onNewsroomPage(html, { csp, viewport: { width: 900, height: 900 } }, async (s, url) => {
      await s.page.goto(`${url}#careto-bars=MAR`);
      for (const id of ["bars", "map", "timeline"]) {
        await s.page.waitForSelector(`#${id}:is([data-careto-viz-state="ready"], [data-careto-viz-state="error"])`, { state: "attached", timeout: 30_000 });
        assert.equal(await s.page.getAttribute(`#${id}`, "data-careto-viz-state"), "ready", `#${id}: ${s.problems.join("; ")}`);
        await assertPainted(s.page.locator(`#${id}`), id);
      }
      await assertMoroccoSaid(s.page.locator("#bars"));
      await s.page.locator("#bars").evaluate((el) => el.shadowRoot.querySelector(".cv-tools button[aria-controls]").click());
      await s.page.waitForFunction(() => document.querySelector("#bars").shadowRoot.querySelectorAll(".cv-data:not(.cv-closed) tbody tr").length === 31);
      const download = s.page.waitForEvent("download");
      await s.page.locator("#bars").evaluate((el) => el.shadowRoot.querySelectorAll(".cv-tools button")[2].click());
      assert.equal((await download).suggestedFilename(), "the-mask-careto-bars.csv");
      assert.deepEqual(s.problems, []);
      // Last (the browser logs this violation): the page does enforce them.
      assert.equal(await s.page.evaluate(() => { try { document.createElement("div").innerHTML = "x"; return "allowed"; } catch (e) { return e.name; } }), "TypeError", "Trusted Types are not enforced: the test checks nothing");
    });
  });

  it("a frame the newsroom sandboxed with allow-scripts only (an opaque origin): drawn, each .wasm fetched once, its details said, sized", async () => {
    // WordPress sandboxes so the frame of a link pasted from a site it does not know; the frame's requests are
    // all cross-origin, answered with Access-Control-Allow-Origin.
    const html = `<!doctype html><html><head><script src="${base}careto-viz-frame.js"></script></head><body>
      <iframe id="f" sandbox="allow-scripts" src="${base}embed.html?view=bars&amp;lang=en&amp;focus=MAR" title="chart" style="width:100%;height:300px;border:0"></iframe>
      </body></html>`;
    await onNewsroomPage(html, {}, async (s, url) => {
      await s.page.goto(url);
      const frame = await (await s.page.$("#f")).contentFrame();
      await assertFrameDrawn(frame, "sandboxed frame", s.problems);
      assert.equal(await frame.evaluate(() => self.origin), "null", "the frame is not sandboxed");
      await assertMoroccoSaid(frame.locator("#chart"));
      // Asked once each, with CORS: not first in mode no-cors (an opaque answer, downloaded for nothing) and then again.
      for (const file of ["careto_viz_bg.wasm", "careto_viz_details_en_bg.wasm"]) assert.equal(count(s.requests, file), 1, `${file}: ${s.requests.join(", ")}`);
      // careto-viz-frame.js takes the height of a frame this page sandboxed (its messages' origin is "null").
      await assertSizedToContent(s.page, "#f", "sandboxed frame");
      assert.deepEqual(s.problems, []);
    });
  });

  it("is sized by careto-viz-frame.js on the parent page", async () => {
    // The newsroom's page on another origin (another port), with no CSP of ours;
    // the listener and the frame come from the site under test.
    const html = `<!doctype html><html><head><script src="${base}careto-viz-frame.js"></script></head><body>
        <iframe id="f" src="${base}embed.html?view=bars&amp;lang=en" title="chart" style="width:100%;height:300px;border:0"></iframe>
        </body></html>`;
    await onNewsroomPage(html, {}, async (s, url) => {
      await s.page.goto(url);
      const frame = await (await s.page.$("#f")).contentFrame();
      await assertFrameDrawn(frame, "cross-origin frame", s.problems);
      await assertSizedToContent(s.page, "#f", "cross-origin frame");
      assert.deepEqual(s.problems, []);
    });
  });
});

describe("a link pasted into a CMS (oEmbed, as WordPress and Ghost read it)", () => {
  /**
   * What a CMS does with the address of a share page: finds the page's
   * <link rel="alternate" type="application/json+oembed"> and reads the
   * answer it names. Addresses are on the site dist/ was built for
   * (SITE_URL), mapped here to where the test serves it.
   */
  async function discover(view, lang) {
    const page = await (await fetch(`${base}chart-${view}-${lang}.html`)).text();
    const links = [...page.matchAll(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)">/g)];
    assert.equal(links.length, 1, `chart-${view}-${lang}.html names one oEmbed answer`);
    const [, href, title] = links[0];
    assert.equal(title, /<title>([^<]*)<\/title>/.exec(page)?.[1], "the link's title is the page's");
    const file = `oembed-${view}-${lang}.json`;
    assert.ok(href.endsWith(file), href);
    // Absolute when built with a SITE_URL (a CMS reads it from elsewhere).
    const site = href.slice(0, -file.length);
    if (process.env.SITE_URL) assert.equal(site, `${process.env.SITE_URL.replace(/\/$/, "")}/`);
    const local = (url) => (site ? url.replaceAll(site, base) : url);
    const answer = await (await fetch(new URL(local(href), base))).json();
    return { answer, site, local, title };
  }

  it("each share page names its answer: a rich embed whose html is the Copy embed code snippet, with the chart's height at 640 px", async () => {
    const { embedCode } = await import("../../src/web/shell/embed-code.js");
    for (const view of ["bars", "timeline", "profile", "map"]) {
      for (const lang of ["en", "es"]) {
        const { answer, site, local, title } = await discover(view, lang);
        assert.equal(answer.version, "1.0");
        assert.equal(answer.type, "rich");
        assert.equal(answer.title, title);
        assert.equal(answer.provider_url, site);
        assert.equal(answer.width, 640);
        assert.ok(Number.isInteger(answer.height) && answer.height > 300, `${view} ${lang}: height ${answer.height}`);
        assert.equal(answer.html, embedCode(`${site}embed.html`, view, lang, "auto", title, answer.height), `${view} ${lang}`);
        assert.equal(answer.thumbnail_url, `${site}img/card-${view}-${lang}.png`);
        assert.deepEqual([answer.thumbnail_width, answer.thumbnail_height], [1200, 630]);
        const card = await fetch(local(answer.thumbnail_url));
        assert.equal(card.headers.get("content-type"), "image/png", answer.thumbnail_url);
      }
    }
  });

  for (const [view, lang] of [["map", "en"], ["timeline", "es"]]) {
    it(`WordPress keeps the iframe alone, sandboxed (allow-scripts): the ${view} (${lang}) draws and fills the answer's height at 640 px`, async () => {
      const { answer, local } = await discover(view, lang);
      // wp_filter_oembed_result: only the <iframe>, with sandbox and security added.
      const iframe = /<iframe [^>]*><\/iframe>/.exec(answer.html)?.[0];
      assert.ok(iframe, answer.html);
      const kept = local(iframe).replace("<iframe ", '<iframe id="f" sandbox="allow-scripts" security="restricted" ');
      const html = `<!doctype html><html><head><title>A post</title></head><body><div style="width:640px">${kept}</div></body></html>`;
      await onNewsroomPage(html, { viewport: { width: 900, height: 900 } }, async (s, url) => {
        await s.page.goto(url);
        const handle = await s.page.$("#f");
        await handle.evaluate((f) => f.removeAttribute("loading"));
        const frame = await poll(() => handle.contentFrame(), { timeout: 10_000 });
        await assertFrameDrawn(frame, `${view} in WordPress's frame`, s.problems);
        // No resizer there: the frame stays at the answer's height, which must hold the chart whole.
        const { inner } = await frameSizes(s.page, "#f");
        assert.equal(await handle.evaluate((f) => f.clientHeight), answer.height, "the frame's height is the answer's");
        assert.ok(Math.abs(inner - answer.height) <= 2, `${view} ${lang}: the chart at 640 px is ${inner} px tall, the answer says ${answer.height}`);
        assert.deepEqual(s.problems, []);
      });
    });
  }
});

describe("sample.html: a campaign of one's own (invented data)", () => {
  let s;
  before(async () => {
    s = await openPage(browser);
    await s.page.goto(base + "sample.html");
    await s.page.waitForSelector('html[data-careto-viz-state]:not([data-careto-viz-state="loading"])', { state: "attached", timeout: 30_000 });
  });
  after(() => s?.context.close());

  it("draws the sample campaign from sample-campaign.json, marked as invented", async () => {
    for (const id of ["sample-bars", "sample-timeline"]) {
      assert.equal(await s.page.getAttribute(`#${id}`, "data-careto-viz-state"), "ready", `#${id}: ${s.problems.join("; ")}`);
      await assertPainted(s.page.locator(`#${id}`), id);
    }
    const labels = await s.page.evaluate(() =>
      ["sample-bars", "sample-timeline"].map((id) => document.getElementById(id).shadowRoot.querySelector("canvas").getAttribute("aria-label")));
    assert.deepEqual(labels, ["Sample campaign (invented data): 8 countries affected", "Sample campaign (invented data): timeline"]);
    assert.match(await s.page.locator(".sample-banner").first().textContent(), /Invented sample data/);
    assert.match(await s.page.title(), /invented data/i);
    assert.equal(count(s.requests, "/sample-campaign.json"), 1);
    assert.deepEqual(s.problems, []);
    assertPrivate(s.requests);
    await s.page.screenshot({ path: path.join(SHOTS, "sample.png"), fullPage: true });
  });
});

// ---------------------------------------------------------------- without JavaScript

describe("with JavaScript disabled", () => {
  for (const [page, expected] of [["index.html", 3], ["embed/cms-script.html", 4]]) {
    it(`${page} shows the static images from its noscript blocks`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
      const requests = [];
      try {
        const p = await context.newPage();
        p.on("request", (r) => requests.push(r.url()));
        await p.goto(base + page, { waitUntil: "load" });
        const images = await p.$$eval("noscript img, img", (imgs) =>
          [...new Set(imgs)].map((img) => ({ src: img.getAttribute("src"), complete: img.complete, width: img.naturalWidth })));
        assert.equal(images.length, expected, JSON.stringify(images));
        for (const img of images) {
          assert.ok(img.complete && img.width > 0, `${img.src} did not load (naturalWidth ${img.width})`);
          assert.match(img.src, /^(\.\.\/)?img\/(bars|timeline|profile|map)-(en|es)-(light|dark)\.svg$/);
        }
        assert.equal(count(requests, ".wasm"), 0, "no module without JavaScript");
        // The space reserved for a chart (careto-viz.css) is only for pages that
        // run scripts: here it would stand as a blank block above each image.
        // Measured from each chart's element to its fallback (inside it, or the
        // noscript after it): nothing between them.
        const gaps = await p.$$eval("[data-careto-viz], .careto-chart[data-view]", (els) =>
          els.map((el) => {
            const fallback = el.querySelector("img, p") ?? el.nextElementSibling?.querySelector("img, p");
            const gap = fallback ? fallback.getBoundingClientRect().top - el.getBoundingClientRect().top : NaN;
            return `${el.id}: ${gap}px`;
          }));
        assert.ok(gaps.length >= expected, gaps.join("; "));
        assert.deepEqual(gaps.filter((g) => !g.endsWith(": 0px")), [], "blank space above a chart's fallback without JavaScript");
        assertPrivate(requests);
        if (page === "index.html") await p.screenshot({ path: path.join(SHOTS, "index-noscript.png"), fullPage: true });
      } finally {
        await context.close();
      }
    });
  }

  for (const [page, expected] of [["index.html", 3], ["embed/cms-script.html", 4]]) {
    it(`${page} on a phone in dark mode shows the pictures drawn at 375 px in the dark theme, text at its size`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 }, colorScheme: "dark" });
      try {
        const p = await context.newPage();
        await p.goto(base + page, { waitUntil: "load" });
        const images = await p.$$eval("picture img", (imgs) => imgs.map((i) => ({ current: i.currentSrc, width: i.naturalWidth, shown: i.getBoundingClientRect().width, complete: i.complete })));
        assert.equal(images.length, expected, JSON.stringify(images));
        for (const img of images) {
          assert.match(img.current, /\/img\/(map|bars|timeline|profile)-(en|es)-dark-375\.svg$/);
          assert.ok(img.complete && img.width === 375, JSON.stringify(img));
          // Drawn at 375 px and shown in a column of about 335: text at nine tenths of its size, not half.
          assert.ok(img.shown / img.width > 0.8 && img.shown <= 375, JSON.stringify(img));
        }
        assert.equal(await p.evaluate(() => document.documentElement.scrollWidth), 375, "nothing wider than the phone");
        // On a desktop in the light theme: each picture's own image, 640 px
        // (light, or dark where the embed asks for the dark theme).
        await p.setViewportSize({ width: 1000, height: 800 });
        await p.emulateMedia({ colorScheme: "light" });
        // (Polled from Playwright's own world: the page runs no script.)
        const own = (imgs) => imgs.map((i) => ({ current: i.currentSrc, src: i.getAttribute("src"), width: i.naturalWidth, complete: i.complete }));
        const isOwn = (i) => i.current.endsWith(i.src.replace(/^(\.\.\/)+/, "/")) && i.complete && i.width === 640;
        let desktop;
        for (const deadline = performance.now() + 5_000; ; await new Promise((r) => setTimeout(r, 50))) {
          desktop = await p.$$eval("picture img", own);
          if (desktop.every(isOwn) || performance.now() > deadline) break;
        }
        assert.ok(desktop.every(isOwn), JSON.stringify(desktop));
      } finally {
        await context.close();
      }
    });
  }

  it("a page to share a view by shows that view's static image without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 400, height: 600 } });
    try {
      const p = await context.newPage();
      await p.goto(base + "chart-profile-es.html", { waitUntil: "load" });
      const img = await p.$eval("noscript img, img", (i) => ({ src: i.getAttribute("src"), current: i.currentSrc, alt: i.alt, width: i.naturalWidth, shown: i.getBoundingClientRect().width }));
      assert.equal(img.src, "img/profile-es-light.svg");
      // A 400 px frame: the picture drawn at a phone's width.
      assert.ok(img.current.endsWith("/img/profile-es-light-375.svg"), img.current);
      assert.equal(img.width, 375);
      assert.ok(img.width > 0, "the image did not load");
      assert.equal(img.shown, 400, "the image fills the frame's width");
      assert.match(img.alt, /^The Mask \(Careto\): a quién y qué atacó\. /);
    } finally {
      await context.close();
    }
  });

  it("embed.html without JavaScript links to every view's static image", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 400, height: 600 } });
    try {
      const p = await context.newPage();
      await p.goto(base + "embed.html?view=map", { waitUntil: "load" });
      const links = await p.$$eval(".careto-embed__message a", (as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
      assert.deepEqual(links.map(([, href]) => href.match(/^img\/([a-z]+)-en-light\.svg$/)?.[1]).sort(), ["bars", "map", "profile", "timeline"], JSON.stringify(links));
      for (const [, href] of links) {
        const res = await p.request.get(new URL(href, base + "embed.html").href);
        assert.equal(res.status(), 200, href);
      }
      assert.equal(await p.locator("#chart").evaluate((el) => el.getBoundingClientRect().height), 0);
    } finally {
      await context.close();
    }
  });
});
