// Issue #6 part 5, no leaks: 10,000 redraws and 1,000 mount/destroy cycles in
// one page of headless Chromium, then the page's memory and listeners.
//
//   make build && node --test tests/page/leaks.test.mjs
//
// Measured after a forced garbage collection (CDP HeapProfiler.collectGarbage):
// - wasm linear memory: `memory.buffer.byteLength` of the exports that the
//   wasm-bindgen glue's init() returns (init() again on the page's module
//   returns the same instance), and the length of its externref table (a JS
//   object the Rust side forgot to release keeps a slot there);
// - the JS heap (CDP Runtime.getHeapUsage);
// - DOM nodes and JS event listeners (CDP Memory.getDOMCounters);
// - live registrations, counted by an init script (Playwright injects it through
//   CDP, not as an inline script, so the page's CSP is not involved) that wraps
//   addEventListener / removeEventListener (window, document, MediaQueryList,
//   nodes) and ResizeObserver / MutationObserver observe, unobserve and
//   disconnect.
//
// The bounds, and why:
// - after destroy(), every kind of live registration is back exactly to what it
//   was before the first mount (nothing may stay registered);
// - DOM nodes back to the pre-mount count, ± NODE_SLACK (nodes freed by the
//   page's own two charts redrawing in between, e.g. a tooltip, are collected
//   as the page goes; a leaked chart alone is ~20 nodes, 1,000 cycles ~20,000);
// - wasm memory after 10,000 redraws = after the first 100, and after 1,000
//   mount/destroy cycles = after the first 100 cycles, + at most one 64 KiB
//   page (the allocator may take one more page the first time a free list
//   fragments; a leak of even 100 bytes a redraw is ~1 MiB, 16 pages);
// - externref table length likewise unchanged (a slot per leaked JS object);
// - JS heap growth from the checkpoint to the end under HEAP_SLACK (256 KiB:
//   V8's code and inline caches warming up; a leaked listener closure per
//   cycle alone would be > 100 KiB per 1,000).
//
// LEAK_REDRAWS / LEAK_CYCLES override the counts (quick local runs).

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { stat } from "node:fs/promises";
import { REPO_ROOT, launchBrowser, openPage, serve, waitForCharts } from "./browser.mjs";

const ROOT = path.resolve(process.env.PAGE_ROOT ?? path.join(REPO_ROOT, "www"));
const REDRAWS = Number(process.env.LEAK_REDRAWS ?? 10_000);
const CYCLES = Number(process.env.LEAK_CYCLES ?? 1_000);
const WARM_REDRAWS = 100;
const WARM_CYCLES = 100;
const PAGE = 65_536;
const NODE_SLACK = 10;
const HEAP_SLACK = 256 * 1024;

/**
 * Runs in the page before any of its scripts: counts live listener and
 * observer registrations by kind of target. `window.__caretoLeaks.live()`.
 */
function instrument() {
  const live = Object.create(null);
  const bump = (kind, by) => {
    live[kind] = (live[kind] ?? 0) + by;
  };
  const kindOf = (target) => {
    if (target === window) return "window";
    if (target === document) return "document";
    if (target instanceof MediaQueryList) return "mediaQueryList";
    if (target instanceof Node) return "node";
    return "other";
  };
  // target -> "type|capture" -> Set of listeners: adding the same one twice is a
  // no-op for the browser, and so is removing one that is not there.
  const registered = new WeakMap();
  const slot = (target, type, options, create) => {
    let byKey = registered.get(target);
    if (!byKey && create) registered.set(target, (byKey = new Map()));
    const capture = typeof options === "boolean" ? options : Boolean(options?.capture);
    const key = `${type}|${capture}`;
    let set = byKey?.get(key);
    if (!set && create) byKey.set(key, (set = new Set()));
    return set;
  };
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    // A listener with a `signal` (the module gives all of its own one, per
    // chart) is counted until its signal aborts; `once` alone is not counted
    // (it removes itself when it fires, which this cannot see).
    const signal = typeof options === "object" && options !== null ? options.signal : undefined;
    const onceOnly = typeof options === "object" && options !== null && options.once && !signal;
    if (listener && !onceOnly && !signal?.aborted) {
      const set = slot(this, type, options, true);
      if (!set.has(listener)) {
        set.add(listener);
        const kind = kindOf(this);
        bump(kind, 1);
        if (signal) {
          addEventListener.call(signal, "abort", () => {
            if (set.delete(listener)) bump(kind, -1);
          }, { once: true });
        }
      }
    }
    return addEventListener.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (slot(this, type, options, false)?.delete(listener)) bump(kindOf(this), -1);
    return removeEventListener.call(this, type, listener, options);
  };
  for (const [name, Observer] of [["resizeObserver", ResizeObserver], ["mutationObserver", MutationObserver]]) {
    const targets = new WeakMap(); // observer -> Set of observed nodes
    const proto = Observer.prototype;
    const { observe, disconnect } = proto;
    proto.observe = function (target, options) {
      let set = targets.get(this);
      if (!set) targets.set(this, (set = new Set()));
      if (!set.has(target)) {
        set.add(target);
        bump(name, 1);
      }
      return observe.call(this, target, options);
    };
    proto.disconnect = function () {
      const set = targets.get(this);
      if (set) {
        bump(name, -set.size);
        set.clear();
      }
      return disconnect.call(this);
    };
    if (proto.unobserve) {
      const { unobserve } = proto;
      proto.unobserve = function (target) {
        if (targets.get(this)?.delete(target)) bump(name, -1);
        return unobserve.call(this, target);
      };
    }
  }
  window.__caretoLeaks = { live: () => ({ ...live }) };
}

/** Imports the page's own module (same URL as main.js: the same instance) and adds the test's containers. */
async function setUp(page) {
  await page.evaluate(async () => {
    const module = await import(new URL("pkg/careto_viz.js", document.baseURI).href);
    const wasm = await module.default(); // already initialised by main.js: returns its exports
    const box = document.createElement("section");
    box.id = "leak-box";
    // CSSOM, not a style attribute: allowed under the page's CSP.
    box.style.width = "400px";
    document.querySelector("main").append(box);
    for (const id of ["leak-bars", "leak-timeline", "leak-same"]) {
      const div = document.createElement("div");
      div.id = id;
      box.append(div);
    }
    window.__leak = { module, wasm, charts: [] };
  });
}

let server, browser, session, cdp;

/** Everything we bound, after two forced garbage collections. */
async function measure() {
  for (let i = 0; i < 2; i++) {
    await cdp.send("HeapProfiler.collectGarbage");
    // FinalizationRegistry callbacks (wasm-bindgen frees dropped handles there) run as tasks.
    await session.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const { nodes, jsEventListeners, documents } = await cdp.send("Memory.getDOMCounters");
  const inPage = await session.page.evaluate(() => ({
    wasm: window.__leak.wasm.memory.buffer.byteLength,
    externrefs: window.__leak.wasm.__wbindgen_externrefs?.length ?? 0,
    live: window.__caretoLeaks.live(),
  }));
  return { heap: usedSize, nodes, jsEventListeners, documents, ...inPage };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const show = (m) =>
  `wasm ${kib(m.wasm)}, externrefs ${m.externrefs}, JS heap ${kib(m.heap)}, nodes ${m.nodes}, ` +
  `jsEventListeners ${m.jsEventListeners}, live ${JSON.stringify(m.live)}`;
const report = [];
function note(label, m) {
  report.push(`${label}: ${show(m)}`);
}

before(async () => {
  await stat(path.join(ROOT, "pkg", "careto_viz_bg.wasm")).catch(() => {
    throw new Error(`${ROOT}/pkg is missing: run scripts/build-wasm.sh (make build) first`);
  });
  server = await serve(ROOT);
  browser = await launchBrowser();
  session = await openPage(browser, { width: 1000, height: 800 });
  await session.context.addInitScript(instrument);
  const response = await session.page.goto(server.url, { waitUntil: "load" });
  assert.equal(response?.status(), 200);
  await waitForCharts(session.page);
  // The page's charts bring their interaction layer when the browser is idle
  // after the first frame, and it registers listeners of its own (document
  // keydown and pointerdown per chart): the baseline waits for it (each
  // chart's table filled), so that nothing arrives after it but what the
  // test mounts.
  await session.page.waitForFunction(() => [...document.querySelectorAll("[data-view]")].every((e) => e.shadowRoot?.querySelector("tbody tr")), null, { timeout: 30_000 });
  await session.page.evaluate(() => document.fonts.ready);
  cdp = await session.context.newCDPSession(session.page);
  await setUp(session.page);
});

after(async () => {
  if (report.length > 0) console.log(`# leaks.test.mjs\n#   ${report.join("\n#   ")}`);
  await session?.context.close();
  await browser?.close();
  await server?.close();
});

/** Live registrations must equal the baseline's, kind by kind (a kind at 0 may be absent). */
function assertSameLive(now, base, what) {
  const kinds = new Set([...Object.keys(now), ...Object.keys(base)]);
  for (const kind of kinds) {
    assert.equal(now[kind] ?? 0, base[kind] ?? 0, `${what}: live ${kind} registrations ${now[kind] ?? 0}, before the first mount ${base[kind] ?? 0}`);
  }
}

describe(`no leaks: ${REDRAWS} redraws and ${CYCLES} mount/destroy cycles in one page`, () => {
  let baseline, mounted, afterWarmRedraws, afterRedraws, afterWarmCycles;

  it("baseline: the page's own charts mounted, the test's containers empty", async () => {
    baseline = await measure();
    note("before the first mount", baseline);
    assert.ok(baseline.wasm > 0, "the module's memory was not found");
    assert.ok((baseline.live.window ?? 0) > 0, "the page's own charts registered no window listener: is the instrumentation in place?");
  });

  it("mounting registers listeners and an observer; destroy() removes every one of them", async () => {
    await session.page.evaluate(() => {
      const { module, charts } = window.__leak;
      charts.push(module.mount(document.getElementById("leak-bars"), { view: "bars" }));
      charts.push(module.mount(document.getElementById("leak-timeline"), { view: "timeline" }));
    });
    mounted = await measure();
    note("two charts mounted", mounted);
    for (const kind of ["window", "document", "mediaQueryList", "node", "resizeObserver"]) {
      assert.ok((mounted.live[kind] ?? 0) > (baseline.live[kind] ?? 0), `mounting added no ${kind} registration: ${JSON.stringify(mounted.live)}`);
    }
  });

  it(`redraws both views ${REDRAWS} times (alternating widths) without growing`, async () => {
    const redraw = (n) =>
      session.page.evaluate((count) => {
        const { charts } = window.__leak;
        const t0 = performance.now();
        for (let i = 0; i < count; i++) {
          const chart = charts[i % 2];
          // Half the redraws change the width (the canvas is resized), half redraw in place.
          if (i % 4 < 2) chart.update({ width: i % 8 < 4 ? 320 : 360 });
          else chart.redraw();
        }
        return performance.now() - t0;
      }, n);
    const warmMs = await redraw(WARM_REDRAWS);
    afterWarmRedraws = await measure();
    note(`after ${WARM_REDRAWS} redraws (${(warmMs / WARM_REDRAWS).toFixed(2)} ms each)`, afterWarmRedraws);
    const ms = await redraw(REDRAWS - WARM_REDRAWS);
    afterRedraws = await measure();
    note(`after ${REDRAWS} redraws (${(ms / (REDRAWS - WARM_REDRAWS)).toFixed(2)} ms each)`, afterRedraws);
    // Drawn at the last width; the bitmap (device px at dpr 1) may be kept
    // larger where the browser shows part of it, at most twice the picture's area (src/web/hidpi.rs).
    const size = await session.page.evaluate(() => window.__leak.charts.map((c) => [parseFloat(c.canvas.style.width), parseFloat(c.canvas.style.height), c.canvas.width, c.canvas.height]));
    assert.ok(
      size.every(([w, h, bw, bh]) => [320, 360].includes(w) && bw >= w && bh >= h && bw * bh <= 2 * w * h),
      `canvases are ${JSON.stringify(size)} (CSS width and height, bitmap width and height)`,
    );

    const m = afterRedraws;
    const w = afterWarmRedraws;
    assert.ok(m.wasm <= w.wasm + PAGE, `wasm memory grew from ${kib(w.wasm)} to ${kib(m.wasm)} over ${REDRAWS - WARM_REDRAWS} redraws`);
    assert.equal(m.externrefs, w.externrefs, "the externref table grew: JS objects held by the Rust side");
    assert.ok(m.heap - w.heap <= HEAP_SLACK, `JS heap grew by ${kib(m.heap - w.heap)} (bound ${kib(HEAP_SLACK)})`);
    assert.ok(Math.abs(m.nodes - w.nodes) <= NODE_SLACK, `DOM nodes ${w.nodes} → ${m.nodes}`);
    assert.equal(m.jsEventListeners, w.jsEventListeners, "DOM event listeners changed while redrawing");
    assertSameLive(m.live, mounted.live, "after the redraws");
  });

  it("destroy() of the two redrawn charts brings listeners, observers and nodes back to the baseline", async () => {
    await session.page.evaluate(() => {
      const { charts } = window.__leak;
      for (const chart of charts.splice(0)) chart.destroy();
    });
    const m = await measure();
    note("both destroyed", m);
    assertSameLive(m.live, baseline.live, "after destroy()");
    assert.equal(m.jsEventListeners, baseline.jsEventListeners, "DOM event listeners after destroy()");
    // The two emptied shadow roots stay (an element keeps its shadow root for life; a new chart reuses it).
    assert.ok(Math.abs(m.nodes - baseline.nodes - 2) <= NODE_SLACK, `DOM nodes ${baseline.nodes} before, ${m.nodes} after`);
  });

  it(`${CYCLES} mount/destroy cycles (half on one element, half on fresh ones) leave nothing behind`, async () => {
    const cycle = (n) =>
      session.page.evaluate((count) => {
        const { module } = window.__leak;
        const box = document.getElementById("leak-box");
        const same = document.getElementById("leak-same");
        const t0 = performance.now();
        for (let i = 0; i < count; i++) {
          const view = i % 4 < 2 ? "bars" : "timeline";
          if (i % 2 === 0) {
            module.mount(same, { view }).destroy();
          } else {
            const fresh = document.createElement("div");
            box.append(fresh);
            const chart = module.mount(fresh, { view, lang: i % 3 === 0 ? "es" : "en" });
            chart.redraw();
            chart.destroy();
            fresh.remove();
          }
        }
        return performance.now() - t0;
      }, n);
    const warmMs = await cycle(WARM_CYCLES);
    afterWarmCycles = await measure();
    note(`after ${WARM_CYCLES} mount/destroy cycles (${(warmMs / WARM_CYCLES).toFixed(2)} ms each)`, afterWarmCycles);
    const ms = await cycle(CYCLES - WARM_CYCLES);
    const m = await measure();
    note(`after ${CYCLES} mount/destroy cycles (${(ms / (CYCLES - WARM_CYCLES)).toFixed(2)} ms each)`, m);
    const w = afterWarmCycles;

    assertSameLive(m.live, baseline.live, `after ${CYCLES} cycles`);
    assert.equal(m.jsEventListeners, baseline.jsEventListeners, "DOM event listeners after the cycles");
    // + 3: the shadow roots of #leak-bars, #leak-timeline and #leak-same.
    assert.ok(Math.abs(m.nodes - baseline.nodes - 3) <= NODE_SLACK, `DOM nodes ${baseline.nodes} before the first mount, ${m.nodes} after ${CYCLES} cycles`);
    assert.ok(m.wasm <= w.wasm + PAGE, `wasm memory grew from ${kib(w.wasm)} to ${kib(m.wasm)} over ${CYCLES - WARM_CYCLES} cycles`);
    assert.equal(m.externrefs, w.externrefs, "the externref table grew: JS objects held by the Rust side");
    assert.ok(m.heap - w.heap <= HEAP_SLACK, `JS heap grew by ${kib(m.heap - w.heap)} over ${CYCLES - WARM_CYCLES} cycles (bound ${kib(HEAP_SLACK)})`);
    assert.deepEqual(session.problems, []);
  });
});
