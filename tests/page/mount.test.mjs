// mount() and the DOM around the canvas, in headless Chromium, on both
// builds: the element checks (the JS shell, src/web/shell/core.js: nothing a
// host passes reaches the wasm module unchecked), the controls the options
// show or hide, destroy and mounting again, a <canvas> drawn into directly,
// the content box of a padded container, a chart mounted hidden (a tab) and
// shown, and a campaign's markup shown as
// text in every place (full build). Moved here from tests/web.rs when the
// DOM moved from Rust to the shell (issue 12).
//
// Needs the release builds (make build): node --test tests/page/mount.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, launchBrowser, serve } from "./browser.mjs";

const sample = JSON.parse(readFileSync(path.join(REPO_ROOT, "www", "sample-campaign.json"), "utf8"));
let server, browser, page, problems;

before(async () => {
  server = await serve(path.join(REPO_ROOT, "www"));
  browser = await launchBrowser();
  // The tests' own code runs through new Function: this context bypasses the
  // server's strict CSP (tests/page/hostile.test.mjs and the embed tests run under it).
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1000, height: 800 } });
  page = await context.newPage();
  problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console.error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.goto(new URL("index.html", server.url).href);
  await page.waitForSelector('html[data-careto-viz-state]:not([data-careto-viz-state="loading"])', { state: "attached", timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [build, file] of [["article", "pkg/careto_viz.js"], ["full", "pkg-full/careto_viz_full.js"]]) {
  describe(`mount() and the chart's DOM, ${build} build`, () => {
    const run = (f, arg) => page.evaluate(async ([file, body, arg]) => {
      const module = await import(new URL(file, location.href).href);
      await module.default();
      const box = (width = 640) => {
        const div = document.createElement("div");
        div.style.width = `${width}px`;
        document.body.append(div);
        return div;
      };
      const error = (f) => {
        try {
          f();
          return null;
        } catch (e) {
          return e.message;
        }
      };
      return new Function("module", "box", "error", "arg", `return (async () => { ${body} })()`)(module, box, error, arg);
    }, [file, f, arg]);

    it("names what is wrong with the element, and leaves it as it was", async () => {
      const r = await run(`
        const out = {};
        out.none = error(() => module.mount(undefined, {}));
        out.selector = error(() => module.mount("#x", {}));
        out.text = error(() => module.mount(document.createTextNode("x"), {}));
        for (const tag of ["img", "input", "table", "textarea"]) {
          const el = document.createElement(tag);
          document.body.append(el);
          out[tag] = [error(() => module.mount(el, {})), el.hasAttribute("data-careto-viz-mounted")];
          el.remove();
        }
        const div = box();
        const chart = module.mount(div, { view: "bars" });
        out.twice = error(() => module.mount(div, {}));
        chart.destroy();
        out.emptied = div.shadowRoot.childElementCount;
        out.redrawDestroyed = error(() => chart.redraw());
        const again = module.mount(div, { view: "timeline" });
        out.again = div.shadowRoot.querySelectorAll("canvas").length;
        again.destroy();
        const shadowed = box();
        shadowed.attachShadow({ mode: "open" }).append(document.createElement("p"));
        out.shadowed = error(() => module.mount(shadowed, {}));
        // An element of a same-origin frame (a CMS's editor pane): said, not a DOMException of the frame's.
        const frame = document.createElement("iframe");
        document.body.append(frame);
        const inFrame = frame.contentDocument.createElement("div");
        frame.contentDocument.body.append(inFrame);
        out.framed = [error(() => module.mount(inFrame, {})), inFrame.shadowRoot];
        frame.remove();
        return out;
      `);
      assert.equal(r.none, "careto-viz: mount: no element given (is the selector right?)");
      assert.equal(r.selector, "careto-viz: mount: the first argument is not a DOM element");
      assert.equal(r.text, "careto-viz: mount: the first argument is not a DOM element");
      for (const tag of ["img", "input", "table", "textarea"]) {
        assert.deepEqual(r[tag], ["careto-viz: mount: this element cannot hold a chart (it cannot have a shadow root; use a <div>)", false], tag);
      }
      assert.equal(r.twice, "careto-viz: mount: this element already holds a chart; destroy it first");
      assert.equal(r.emptied, 0, "destroy empties the shadow root");
      assert.equal(r.redrawDestroyed, "careto-viz: this chart was destroyed; mount a new one");
      assert.equal(r.again, 1, "the element holds a new chart after destroy");
      assert.equal(r.shadowed, "careto-viz: mount: this element already has a shadow root; use an empty <div>");
      assert.deepEqual(r.framed, ["careto-viz: mount: this element is in another document (a frame's?); mount it from a script of that document", null]);
    });

    it("shows the download and Copy embed code buttons as the options say, in the chart's language", async () => {
      const r = await run(`
        const div = box();
        const shown = () => [...div.shadowRoot.querySelectorAll(".cv-tools button")].map((b) => (b.hidden ? "-" : b.textContent));
        const chart = module.mount(div, { view: "bars", downloads: false });
        const out = { noDownloads: shown() };
        chart.update({ downloads: true });
        out.downloads = shown();
        out.badDownloads = error(() => chart.update({ downloads: "no" }));
        chart.update({ embedUrl: "https://example.org/c/embed.html" });
        out.embed = shown();
        chart.update({ lang: "es" });
        // The Spanish kernel draws it (one kernel per language): drawn() resolves once it has.
        out.pending = shown()[0];
        await chart.drawn();
        out.spanish = shown();
        out.figureLang = div.shadowRoot.querySelector("figure").lang;
        chart.update({ embedCode: false });
        out.noEmbed = shown();
        out.badUrl = error(() => chart.update({ embedUrl: "embed.html" }));
        chart.destroy();
        return out;
      `);
      assert.deepEqual(r.noDownloads, ["Show data", "-", "-", "-"]);
      assert.deepEqual(r.downloads, ["Show data", "Download PNG", "Download CSV", "-"]);
      assert.equal(r.badDownloads, 'careto-viz: downloads: expected true or false, got the string "no"');
      assert.deepEqual(r.embed, ["Show data", "Download PNG", "Download CSV", "Copy embed code"]);
      // The full build speaks both languages; the article build's English kernel hands the chart to its Spanish one.
      assert.equal(r.pending, build === "full" ? "Mostrar datos" : "Show data", "the English words stay until the Spanish kernel has drawn");
      assert.deepEqual(r.spanish, ["Mostrar datos", "Descargar PNG", "Descargar CSV", "Copiar código"]);
      assert.equal(r.figureLang, "es");
      assert.deepEqual(r.noEmbed, ["Mostrar datos", "Descargar PNG", "Descargar CSV", "-"]);
      assert.equal(r.badUrl, 'careto-viz: embedUrl: "embed.html" is not the absolute http(s) address of embed.html');
    });

    it("shows every control's label whole at every width from 320 to 1280 px, in English and Spanish, also with a reader's text spacing", async () => {
      // The controls row has one height at a given width whatever the words
      // (chart.css, so that careto-reserve can reserve it): every label of
      // ours fits its column on one line (until 2026-12-04, in Spanish,
      // "Copiar código p…" at 320-332, 414-466 and 548-600 px wide charts).
      // With WCAG 1.4.12's text spacing (a reader's own style sheet; letter
      // and word spacing are inherited into the chart) a label wraps, whole,
      // instead of ending in "…" (until 2026-12-05: "Copy embed co…" at 320 px).
      const r = await run(`
        const out = {};
        // As a reader's style sheet applies it: to every element, the chart's shadow tree's too.
        const spacing = new CSSStyleSheet();
        spacing.replaceSync("* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }");
        for (const lang of ["en", "es"]) {
          const div = box(320);
          const chart = module.mount(div, { view: "bars", lang, embedUrl: "https://example.org/c/embed.html" });
          await chart.drawn();
          const buttons = [...div.shadowRoot.querySelectorAll(".cv-tools button")].filter((b) => !b.hidden);
          out[lang] = { labels: buttons.map((b) => b.textContent), cut: [], tall: [], spaced: [] };
          for (let width = 320; width <= 1280; width++) {
            div.style.width = width + "px";
            for (const b of buttons) {
              if (b.scrollWidth > b.clientWidth) out[lang].cut.push(width + " px: " + b.textContent);
              if (b.offsetHeight !== 32) out[lang].tall.push(width + " px: " + b.textContent + " " + b.offsetHeight + " px");
            }
          }
          const sheets = div.shadowRoot.adoptedStyleSheets;
          div.shadowRoot.adoptedStyleSheets = [...sheets, spacing];
          for (const width of [320, 375, 414, 548]) {
            div.style.width = width + "px";
            for (const b of buttons) {
              const range = document.createRange();
              range.selectNodeContents(b);
              const text = range.getBoundingClientRect();
              const inner = b.getBoundingClientRect();
              if (b.scrollWidth > b.clientWidth || text.right > inner.right - 1 || text.left < inner.left + 1) out[lang].spaced.push(width + " px: " + b.textContent);
            }
          }
          div.shadowRoot.adoptedStyleSheets = sheets;
          chart.destroy();
          div.remove();
        }
        return out;
      `);
      for (const lang of ["en", "es"]) {
        assert.equal(r[lang].labels.length, 4, `${lang}: ${r[lang].labels}`);
        assert.deepEqual(r[lang].cut.slice(0, 5), [], `${lang}: labels cut at ${r[lang].cut.length} widths, such as`);
        assert.deepEqual(r[lang].tall.slice(0, 5), [], `${lang}: labels on two lines at ${r[lang].tall.length} widths, such as`);
        assert.deepEqual(r[lang].spaced.slice(0, 5), [], `${lang}: labels cut with WCAG 1.4.12 text spacing at ${r[lang].spaced.length} widths, such as`);
      }
    });

    it("draws into a given <canvas>, and fills a padded container's content box", async () => {
      const r = await run(`
        const bare = document.createElement("canvas");
        document.body.append(bare);
        const onCanvas = module.mount(bare, { view: "bars", width: 640, theme: "light" });
        const m = onCanvas.barRect("MAR");
        const at = bare.getContext("2d").getImageData(Math.floor(m[0] + m[2] / 2), Math.floor(m[1] + m[3] / 2), 1, 1).data;
        const out = { top: [at[0], at[1], at[2]], width: bare.width };
        onCanvas.destroy();
        bare.remove();
        const padded = box(400);
        padded.style.padding = "0 17px";
        padded.style.boxSizing = "content-box";
        const chart = module.mount(padded, { view: "bars" });
        out.padded = chart.canvas.width / devicePixelRatio;
        chart.destroy();
        const parent = box(300);
        parent.style.padding = "0 25px";
        parent.style.boxSizing = "content-box";
        const canvas = document.createElement("canvas");
        parent.append(canvas);
        const inParent = module.mount(canvas, { view: "timeline" });
        out.inParent = canvas.width / devicePixelRatio;
        inParent.destroy();
        return out;
      `);
      assert.deepEqual(r.top, [0x4a, 0x10, 0x03], "Morocco's bar in the top class, in the canvas given");
      assert.equal(r.width, 640);
      assert.equal(r.padded, 400, "a padded container's content box");
      assert.equal(r.inParent, 300, "a <canvas> in a padded parent");
    });

    it("mounted where nothing shows (a hidden tab or slide), draws at its width once shown", async () => {
      const r = await run(`
        const tab = box(900);
        tab.style.display = "none";
        const div = document.createElement("div");
        tab.append(div);
        const chart = module.mount(div, { view: "bars", theme: "light" });
        const out = { hiddenError: null };
        await chart.drawn().catch((e) => (out.hiddenError = e.message));
        tab.style.display = "";
        tab.style.width = "500px";
        for (let i = 0; i < 60 && chart.canvas.style.width !== "500px"; i++) await new Promise((r) => requestAnimationFrame(r));
        out.shown = chart.canvas.style.width;
        const m = chart.barRect("MAR");
        const k = devicePixelRatio;
        const at = chart.canvas.getContext("2d").getImageData(Math.floor((m[0] + m[2] / 2) * k), Math.floor((m[1] + m[3] / 2) * k), 1, 1).data;
        out.top = [at[0], at[1], at[2]];
        out.barEnd = m[0] + m[2];
        chart.destroy();
        tab.remove();
        return out;
      `);
      assert.equal(r.hiddenError, null, "no error while hidden");
      assert.equal(r.shown, "500px", "redrawn at the tab's width once shown");
      assert.deepEqual(r.top, [0x4a, 0x10, 0x03], "Morocco's bar in the top class, drawn once shown");
      assert.ok(r.barEnd <= 500, `Morocco's bar ends at ${r.barEnd} px, inside the 500 px tab`);
    });

    if (build === "full") {
      it("shows markup in a campaign's labels as text: table, summary, tooltip", async () => {
        const html = "<img src=x onerror=alert(1)><script>boom()</script>";
        const r = await run(`
          const campaign = structuredClone(arg.sample);
          campaign.country[0].name.en = arg.html;
          const div = box();
          const chart = module.mount(div, { view: "bars", lang: "en", campaign });
          const root = div.shadowRoot;
          const code = campaign.country[0].code;
          // Show data: the layer fills the table (loaded on demand).
          root.querySelector(".cv-tools button").click();
          for (let i = 0; i < 200 && !root.querySelector("tr[data-code=" + code + "] th"); i++) await new Promise((r) => setTimeout(r, 25));
          const th = root.querySelector("tr[data-code=" + code + "] th")?.textContent;
          const summary = root.querySelector(".cv-sr").textContent;
          const r = chart.barRect(code);
          const b = chart.canvas.getBoundingClientRect();
          chart.canvas.dispatchEvent(new PointerEvent("pointermove", { clientX: b.left + r[0] + r[2] / 2, clientY: b.top + r[1] + r[3] / 2, bubbles: true, pointerType: "mouse" }));
          const tip = root.querySelector(".cv-tip");
          const out = { th, summary, tip: tip.textContent, nested: tip.querySelectorAll("img, script").length, anyMarkup: root.querySelectorAll("img, script").length };
          chart.destroy();
          return out;
        `, { sample, html });
        assert.equal(r.th, html);
        assert.ok(r.summary.includes(html), r.summary);
        assert.ok(r.tip.includes(html), r.tip);
        assert.equal(r.nested, 0);
        assert.equal(r.anyMarkup, 0);
      });
    }
  });
}

describe("the summaries the drawing kernels compile in", () => {
  // Each drawing kernel of one language (article, map, profile; English and
  // Spanish) carries its views' summaries as texts, written natively at
  // build time (careto-details --summaries, cfg careto_summaries); the full
  // build writes them at run time from the same code. They must agree.
  it("are what the full build says of The Mask, view by view, in each language", async () => {
    const r = await page.evaluate(async () => {
      const summaryOf = async (file, options) => {
        const module = await import(new URL(file, location.href).href);
        await module.default();
        const div = document.createElement("div");
        div.style.width = "640px";
        document.body.append(div);
        const chart = module.mount(div, options);
        await chart.drawn();
        const text = div.shadowRoot.querySelector(".cv-sr[id]").textContent;
        chart.destroy();
        div.remove();
        return text;
      };
      const out = [];
      for (const [view, stem] of [["bars", "careto_viz"], ["timeline", "careto_viz"], ["map", "careto_viz_map"], ["profile", "careto_viz_profile"]]) {
        for (const [lang, suffix] of [["en", ""], ["es", "_es"]]) {
          const kernel = await summaryOf(`pkg/${stem}${suffix}.js`, { view, lang });
          const full = await summaryOf("pkg-full/careto_viz_full.js", { view, lang });
          out.push({ view, lang, kernel, full });
        }
      }
      return out;
    });
    assert.equal(r.length, 8);
    for (const { view, lang, kernel, full } of r) {
      assert.ok(kernel.length > 200, `${view} ${lang}: ${kernel}`);
      assert.equal(kernel, full, `${view} ${lang}`);
    }
  });
});

describe("mount() before init()", () => {
  it("says that init() must run first, in a browser", async () => {
    const message = await page.evaluate(async () => {
      // A fresh copy of the module (a query makes it another module instance), never initialised.
      const module = await import(new URL("pkg/careto_viz.js?uninitialised", location.href).href);
      try {
        module.mount(document.createElement("div"), {});
        return null;
      } catch (e) {
        return e.message;
      }
    });
    assert.match(message, /^careto-viz: mount: the module is not initialised: await init\(\) \(the default export of careto_viz\.js\) first, in a browser, or call initSync/);
  });

  it("no console errors", () => {
    assert.deepEqual(problems, []);
  });
});
