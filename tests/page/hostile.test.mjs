// Hostile objects (issue 13, finding 1): a JS exception thrown while the
// module looks at a host's value must never unwind through wasm. Before the
// fix, `Array.isArray` and `Object.keys` on a revoked Proxy threw through the
// module: after some hundreds of throws every chart on the page trapped
// ("memory access out of bounds"), and a chart whose update threw stayed
// borrowed (it stopped following its container; destroy() failed).
//
// Each hostile value below goes to mount() and update() many times over, on
// both builds; then the healthy charts, and the one whose updates failed,
// must still draw, update, follow their container and destroy cleanly.
//
// Needs the release builds (make build): node --test tests/page/hostile.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, launchBrowser, openPage, serve } from "./browser.mjs";

const sample = JSON.parse(readFileSync(path.join(REPO_ROOT, "www", "sample-campaign.json"), "utf8"));

let server, browser;

before(async () => {
  server = await serve(path.join(REPO_ROOT, "www"));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs in the page: throws every hostile value at `module` `rounds` times; reports what came back. */
async function attack({ file, sample, rounds }) {
  const module = await import(new URL(file, location.href).href);
  await module.default();
  const full = file.includes("full");
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const throwing = () => new Proxy({}, { get() { throw new Error("boom"); }, ownKeys() { throw new Error("boom"); } });
  const box = (width) => {
    const div = document.createElement("div");
    div.style.width = `${width}px`;
    document.body.append(div);
    return div;
  };
  const bars = module.mount(box(600), { view: "bars" });
  const timeline = module.mount(box(600), { view: "timeline" });
  const victimBox = box(500);
  const victim = module.mount(victimBox, { view: "bars" });

  // [what, how]: each must throw a clear Error, never corrupt the module.
  const cases = [
    ["a revoked proxy as the options", () => module.mount(box(300), revoked())],
    ["a throwing proxy as the options", () => module.mount(box(300), throwing())],
    ["a revoked proxy as an option's value", () => module.mount(box(300), { view: revoked() })],
    ["a revoked proxy as the element", () => module.mount(revoked(), { view: "bars" })],
    ["a live proxy of an element as the element", () => module.mount(new Proxy(box(300), {}), { view: "bars" })],
    ["a revoked proxy as the campaign", () => module.mount(box(300), { view: "bars", campaign: revoked() })],
    ["a revoked proxy as a country", () => module.mount(box(300), { view: "bars", campaign: { ...sample, country: [revoked(), ...sample.country] } })],
    ["a revoked proxy as the country list", () => module.mount(box(300), { view: "bars", campaign: { ...sample, country: revoked() } })],
    ["a revoked proxy as a label", () => module.mount(box(300), { view: "bars", campaign: { ...sample, name: revoked() } })],
    ["a revoked proxy as a name's text", () => module.mount(box(300), { view: "bars", campaign: { ...sample, name: { en: revoked(), es: "x" } } })],
    ["update with a revoked proxy as the options", () => victim.update(revoked())],
    ["update with a revoked proxy as the campaign", () => victim.update({ campaign: revoked() })],
    ["update with a revoked proxy as a country", () => victim.update({ campaign: { ...sample, country: [revoked()] } })],
  ];
  const messages = {};
  for (let round = 0; round < rounds; round++) {
    for (const [what, how] of cases) {
      let message = null;
      try {
        how();
      } catch (error) {
        message = error instanceof Error ? error.message : `not an Error: ${String(error)}`;
      }
      messages[what] ??= new Set();
      messages[what].add(message);
    }
    // Unmount what the failing mounts left: nothing (each threw), but the boxes.
    for (const div of document.querySelectorAll("body > div:not(:has(*))")) if (!div.shadowRoot) div.remove();
  }

  // The healthy charts still draw and update; the victim still follows its container.
  const painted = (chart) => {
    const c = chart.canvas;
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let colours = new Set();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return colours.size;
  };
  const after = {};
  bars.update({ view: "timeline" });
  after.barsNowTimeline = bars.canvas.getAttribute("aria-label");
  after.barsColours = painted(bars);
  timeline.redraw();
  after.timelineColours = painted(timeline);
  const before = victim.canvas.getBoundingClientRect().width;
  victimBox.style.width = "360px";
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await new Promise((resolve) => setTimeout(resolve, 50));
  after.victimWidths = [before, victim.canvas.getBoundingClientRect().width];
  after.victimColours = painted(victim);
  if (full) {
    victim.update({ campaign: sample });
    after.victimLabel = victim.canvas.getAttribute("aria-label");
  }
  const destroyed = [];
  for (const chart of [bars, timeline, victim]) {
    try {
      chart.destroy();
      destroyed.push("ok");
    } catch (error) {
      destroyed.push(String(error.message));
    }
  }
  after.destroyed = destroyed;
  after.victimShadowChildren = victimBox.shadowRoot.childElementCount;
  // A fresh chart after all of it.
  const fresh = module.mount(box(400), { view: "bars" });
  after.freshColours = painted(fresh);
  fresh.destroy();
  return { messages: Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, [...v]])), after };
}

for (const [build, file] of [["article", "pkg/careto_viz.js"], ["full", "pkg-full/careto_viz_full.js"]]) {
  describe(`hostile objects, ${build} build (${file})`, () => {
    it("each gets a clear Error, 500 times over, and every chart still draws, follows its container and destroys", async () => {
      const { page, problems } = await openPage(browser);
      await page.goto(new URL("sample.html", server.url).href);
      const result = await page.evaluate(attack, { file, sample, rounds: 500 });
      for (const [what, messages] of Object.entries(result.messages)) {
        assert.equal(messages.length, 1, `${what}: one message every time, got ${JSON.stringify(messages)}`);
        const [message] = messages;
        assert.ok(message, `${what}: no error was thrown`);
        assert.match(message, /^careto-viz: /, `${what}: ${message}`);
        assert.doesNotMatch(message, /recursive use|unreachable|memory access|boom|not an Error/, `${what}: ${message}`);
      }
      const m = result.messages;
      assert.match(m["a revoked proxy as the element"][0], /not a DOM element/);
      assert.match(m["a live proxy of an element as the element"][0], /not a DOM element/);
      assert.match(m["a revoked proxy as the options"][0], /options cannot be read/);
      if (build === "full") {
        assert.match(m["a revoked proxy as the campaign"][0], /^careto-viz: campaign: cannot be read/);
        assert.match(m["a revoked proxy as a country"][0], /campaign\.country\[0\]: expected an object, got an object that cannot be read/);
        assert.match(m["a revoked proxy as the country list"][0], /campaign\.country: expected an array, got an object that cannot be read/);
      }
      const a = result.after;
      assert.equal(a.barsNowTimeline, "The Mask (Careto): timeline");
      assert.ok(a.barsColours > 3 && a.timelineColours > 3 && a.victimColours > 3 && a.freshColours > 3, JSON.stringify(a));
      assert.equal(a.victimWidths[0], 500);
      assert.equal(a.victimWidths[1], 360, "the chart whose updates failed follows its container");
      if (build === "full") assert.match(a.victimLabel, /countries affected/);
      assert.deepEqual(a.destroyed, ["ok", "ok", "ok"]);
      assert.equal(a.victimShadowChildren, 0);
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  });
}

/**
 * Runs in the page: a chart's own methods called back from a getter the
 * kernel is reading, questions asked with other types than they take (the
 * glue would convert them, running the host's valueOf inside the call), and
 * an unknown option of ten million characters. Reports what came back.
 */
async function reentry({ file }) {
  const module = await import(new URL(file, location.href).href);
  const wasm = await module.default();
  const box = () => {
    const div = document.createElement("div");
    div.style.width = "600px";
    document.body.append(div);
    return div;
  };
  const message = (f) => {
    try {
      f();
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : `not an Error: ${String(e)}`;
    }
  };
  const out = {};
  const chart = module.mount(box(), { view: "bars" });
  const r = chart.barRect("MAR");
  const boom = { toString() { throw new Error("boom"); }, valueOf() { throw new Error("boom"); } };
  out.questions = [chart.barRect(5), chart.barRect({}), chart.barColor(5), chart.pointOf(5), chart.barRect(Symbol("s")), chart.barRect(boom), chart.hitTest("5", 5), chart.hitTest(boom, 5)];
  let ran = 0;
  out.hitDestroying = chart.hitTest({ valueOf() { ran++; chart.destroy(); return r[0] + 2; } }, r[1] + r[3] / 2);
  out.valueOfRan = ran;
  out.hitAfter = chart.hitTest(r[0] + 2, r[1] + r[3] / 2);
  // update, redraw and focus from a getter: refused, saying why; the outer update goes on.
  const inner = [];
  out.outer = message(() =>
    chart.update({
      get theme() {
        inner.push(message(() => chart.update({ view: "timeline" })), message(() => chart.redraw()), message(() => chart.focus("MAR")));
        inner.push(chart.barRect("MAR") === undefined ? "no answer while reading" : "answered");
        return "dark";
      },
    }),
  );
  out.inner = inner;
  out.dark = chart.canvas.getAttribute("aria-label") !== null && chart.barColor("MAR");
  // destroy from a getter: done once the update is over, nothing thrown.
  const box2 = box();
  const c2 = module.mount(box2, { view: "bars" });
  let destroying = "not called";
  out.destroyingUpdate = message(() => c2.update({ get theme() { destroying = message(() => c2.destroy()); return "dark"; } }));
  out.destroying = destroying;
  out.destroyedChildren = box2.shadowRoot.childElementCount;
  out.destroyedMounted = box2.hasAttribute("data-careto-viz-mounted");
  out.afterDestroy = message(() => c2.redraw());
  out.focus = message(() => chart.focus(boom));
  const before = wasm.memory.buffer.byteLength;
  out.longKey = message(() => chart.update({ ["é".repeat(10_000_000)]: 1 }));
  out.grown = wasm.memory.buffer.byteLength - before;
  out.stillDraws = message(() => chart.update({ view: "timeline" }));
  out.label = chart.canvas.getAttribute("aria-label");
  chart.destroy();
  const fresh = module.mount(box(), { view: "bars" });
  out.fresh = fresh.barRect("MAR")?.length;
  fresh.destroy();
  return out;
}

for (const [build, file] of [["article", "pkg/careto_viz.js"], ["full", "pkg-full/careto_viz_full.js"]]) {
  describe(`a chart called back from a host's getter, ${build} build`, () => {
    it("questions of other types answer nothing, a callback is refused or waits, a huge unknown key is refused without copying it", { timeout: 60_000 }, async () => {
      const { page, problems } = await openPage(browser);
      await page.goto(new URL("sample.html", server.url).href);
      const o = await page.evaluate(reentry, { file });
      assert.deepEqual(o.questions, [null, null, null, null, null, null, null, null].map(() => undefined), "no question converts its argument");
      assert.equal(o.valueOfRan, 0, "hitTest ran the host's valueOf");
      assert.equal(o.hitDestroying, undefined);
      assert.equal(o.hitAfter, "country:MAR", "the chart answers after");
      assert.equal(o.outer, null, `the outer update: ${o.outer}`);
      for (const [i, what] of ["update", "redraw", "focus"].entries()) {
        assert.match(o.inner[i], new RegExp(`^careto-viz: ${what}: called while this chart reads its options \\(from a getter\\?\\)$`), o.inner[i]);
      }
      assert.equal(o.inner[3], "no answer while reading");
      assert.ok(o.dark, "the outer update drew");
      assert.equal(o.destroying, null, `destroy from a getter threw: ${o.destroying}`);
      assert.equal(o.destroyingUpdate, null, `the update it was called from threw: ${o.destroyingUpdate}`);
      assert.equal(o.destroyedChildren, 0, "destroyed once the update was over");
      assert.equal(o.destroyedMounted, false);
      assert.match(o.afterDestroy, /^careto-viz: this chart was destroyed/);
      assert.match(o.focus, /^careto-viz: focus: expected an id, a string such as "MAR"$/);
      assert.match(o.longKey, /^careto-viz: options: unknown option "é{40}…" \(known: view, /);
      assert.ok(o.grown < 1 << 20, `wasm memory grew by ${o.grown} B for an unknown key`);
      assert.equal(o.stillDraws, null);
      assert.equal(o.label, "The Mask (Careto): timeline");
      assert.equal(o.fresh, 4);
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  });
}

// Heavy and polluted campaigns (issue 13: findings 2, 7 and 8), full build.
// A JS object is not JSON: one large array can sit under every entry. The
// reader charges what it reads to a budget (50,000 items, 2 MB of text) and
// refuses past it, naming the limit; the refusal time is bounded generously
// here (< 1 s; the 100 ms target is measured, see the diagnostics), wasm
// memory stays put over repeated refusals, and the chart stays.

/** Runs in the page: each heavy campaign to update(), timed, with wasm memory before and after. */
async function heavy({ sample }) {
  const module = await import(new URL("pkg-full/careto_viz_full.js", location.href).href);
  const wasm = await module.default();
  const div = document.createElement("div");
  div.style.width = "600px";
  document.body.append(div);
  const chart = module.mount(div, { view: "bars", campaign: sample });
  const label = chart.canvas.getAttribute("aria-label");
  const c1 = sample.country[1];
  const ids = Array(10_000).fill("X1");
  const megabyte = "é".repeat(500_000);
  let deep = { en: "x", es: "x" };
  for (let i = 0; i < 10_000; i++) deep = [deep];
  const cases = {
    "1,000 countries sharing one list of 10,000 source ids": () => ({ ...sample, country: Array.from({ length: 1_000 }, () => ({ ...c1, sources: ids })) }),
    "10,000 times one country sharing it": () => ({ ...sample, country: Array(10_000).fill({ ...c1, sources: ids }) }),
    "10,000 events sharing it": () => ({ ...sample, event: Array.from({ length: 10_000 }, (_, i) => ({ ...sample.event[0], id: `e${i}`, sources: ids })) }),
    "1,000 countries sharing notes of 1 MB": () => ({ ...sample, country: Array.from({ length: 1_000 }, () => ({ ...c1, notes: Array(1_000).fill({ en: megabyte, es: megabyte }) })) }),
    "a name of 100 million characters": () => ({ ...sample, name: { en: "x".repeat(100_000_000), es: "x" } }),
    "notes nested 10,000 deep": () => ({ ...sample, country: [{ ...c1, notes: deep }] }),
  };
  const results = {};
  for (const [what, make] of Object.entries(cases)) {
    const campaign = make();
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const before = wasm.memory.buffer.byteLength;
      const t0 = performance.now();
      let message = null;
      try {
        chart.update({ campaign });
      } catch (error) {
        message = error.message;
      }
      runs.push({ ms: performance.now() - t0, before, after: wasm.memory.buffer.byteLength, message });
    }
    results[what] = runs;
  }
  const data = chart.canvas.getContext("2d").getImageData(0, 0, chart.canvas.width, chart.canvas.height).data;
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  const after = { label: chart.canvas.getAttribute("aria-label"), colours: colours.size, bar: chart.barRect("XAL") };
  chart.destroy();
  return { label, results, after };
}

/** Runs in the page: messages for values a JSON file cannot hold. */
async function oddValues({ sample }) {
  const module = await import(new URL("pkg-full/careto_viz_full.js", location.href).href);
  await module.default();
  const div = document.createElement("div");
  document.body.append(div);
  const edits = {
    bigint: (c) => { c.country[0].count = 5n; },
    symbol: (c) => { c.event[0].date = Symbol("2019"); },
    "2^53 + 1": (c) => { c.country[0].count = 2 ** 53 + 1; },
    infinity: (c) => { c.country[0].count = Infinity; },
    "a megabyte status": (c) => { c.event[0].status = "y".repeat(1_000_000); },
    "a megabyte code": (c) => { c.country[0].code = "Z".repeat(1_000_000); },
  };
  const messages = {};
  for (const [what, edit] of Object.entries(edits)) {
    const c = structuredClone(sample);
    edit(c);
    try {
      module.mount(div, { view: "bars", campaign: c }).destroy();
      messages[what] = null;
    } catch (error) {
      messages[what] = error.message;
    }
  }
  div.remove();
  return messages;
}

/** Runs in the page: a polluted prototype must not reach a chart. */
async function polluted({ sample }) {
  const module = await import(new URL("pkg-full/careto_viz_full.js", location.href).href);
  await module.default();
  const note = [{ en: "POLLUTED note", es: "POLLUTED note" }];
  Object.prototype.notes = note;
  Object.prototype.government_targets_only = true;
  Object.prototype.campaign = "POLLUTED campaign";
  Object.prototype.view = "timeline";
  Array.prototype[1] = { ...sample.country[0], code: "ZZZ" };
  try {
    const out = {};
    const div = document.createElement("div");
    div.style.width = "600px";
    document.body.append(div);
    const chart = module.mount(div, { campaign: sample, lang: "en" });
    out.label = chart.canvas.getAttribute("aria-label");
    div.shadowRoot.querySelector(".cv-tools button[aria-controls]").click();
    // The interaction layer fills the table (loaded after the first frame, or on this click).
    for (let i = 0; i < 200 && !div.shadowRoot.querySelector("table tbody tr"); i++) await new Promise((r) => setTimeout(r, 25));
    out.table = div.shadowRoot.querySelector("table")?.textContent ?? "";
    chart.destroy();
    const careto = module.mount(div, {});
    out.careto = careto.canvas.getAttribute("aria-label");
    careto.destroy();
    const sparse = structuredClone(sample);
    delete sparse.country[1];
    try {
      module.mount(div, { campaign: sparse }).destroy();
      out.sparse = null;
    } catch (error) {
      out.sparse = error.message;
    }
    return out;
  } finally {
    delete Object.prototype.notes;
    delete Object.prototype.government_targets_only;
    delete Object.prototype.campaign;
    delete Object.prototype.view;
    delete Array.prototype[1];
  }
}

describe("heavy and polluted campaigns, full build", () => {
  it("a campaign past the budget is refused quickly, naming the limit; memory stays; the chart stays", async (t) => {
    const { page, problems } = await openPage(browser);
    await page.goto(new URL("sample.html", server.url).href);
    const { label, results, after } = await page.evaluate(heavy, { sample });
    const PAGE = 65_536;
    const expected = {
      "1,000 countries sharing one list of 10,000 source ids": /^careto-viz: campaign\.country\[\d+\]\.sources: too much data: a campaign holds at most 50000 items in all its lists together$/,
      "10,000 times one country sharing it": /^careto-viz: campaign\.country\[\d+\]\.sources: too much data: a campaign holds at most 50000 items in all its lists together$/,
      "10,000 events sharing it": /^careto-viz: campaign\.event\[\d+\]\.sources: too much data: a campaign holds at most 50000 items in all its lists together$/,
      "1,000 countries sharing notes of 1 MB": /^careto-viz: campaign\.country\[0\]\.notes\[0\]\.es: too much text: a campaign holds at most 2000000 bytes of text in all its strings together$/,
      "a name of 100 million characters": /^careto-viz: campaign\.name\.en: too much text: a campaign holds at most 2000000 bytes of text in all its strings together$/,
      "notes nested 10,000 deep": /^careto-viz: campaign\.country\[0\]\.notes\[0\]: expected an object, got an array$/,
    };
    for (const [what, runs] of Object.entries(results)) {
      t.diagnostic(`${what}: ${runs.map((r) => `${r.ms.toFixed(1)} ms`).join(", ")}; wasm memory ${runs.map((r) => `${r.before / 1024}→${r.after / 1024} KiB`).join(", ")}`);
      for (const run of runs) {
        assert.match(run.message ?? "accepted", expected[what], what);
        assert.ok(run.ms < 1_000, `${what}: refused in ${run.ms.toFixed(0)} ms`);
      }
      // The reader's memory is freed and reused: refusing again grows nothing.
      for (const run of runs.slice(1)) assert.ok(run.after <= run.before + 2 * PAGE, `${what}: wasm memory ${run.before} → ${run.after}`);
    }
    assert.equal(after.label, label, "the chart still shows the sample");
    assert.ok(after.colours > 3 && after.bar, JSON.stringify(after));
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it("says BigInt, Symbol, too large and Infinity, and repeats at most 40 characters of input", async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(new URL("sample.html", server.url).href);
    const m = await page.evaluate(oddValues, { sample });
    const count = 'expected a whole number >= 1 or the string "not published"';
    assert.equal(m.bigint, `careto-viz: campaign.country[0].count: ${count}, got a BigInt`);
    assert.equal(m.symbol, "careto-viz: campaign.event[0].date: expected a string, got a Symbol");
    assert.equal(m["2^53 + 1"], "careto-viz: campaign.country[0].count: 9007199254740992 is too large for a count (at most 4294967295)");
    assert.equal(m.infinity, "careto-viz: campaign.country[0].count: Infinity is too large for a count (at most 4294967295)");
    const y40 = `${"y".repeat(40)}…`;
    assert.equal(m["a megabyte status"], `careto-viz: campaign.event[0].status: unknown variant \`${y40}\`, expected one of \`reported\`, \`secondary\`, \`alleged\``);
    assert.equal(m["a megabyte code"], `careto-viz: campaign.country[0].code: "${"Z".repeat(40)}…" is not an ISO 3166-1 alpha-3 code (3 uppercase letters A-Z)`);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it("reads own properties only: a polluted prototype adds no note, no option, no item", async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(new URL("sample.html", server.url).href);
    const out = await page.evaluate(polluted, { sample });
    assert.match(out.label, /^Sample campaign \(invented data\): 8 countries affected$/, "bars (the polluted view is no option), the sample");
    assert.ok(out.table.includes("Alphaland"), "the table is filled");
    assert.ok(!out.table.includes("POLLUTED"), "no polluted note in the table");
    assert.equal(out.careto, "The Mask (Careto): 31 countries affected", "the polluted campaign is no option");
    assert.equal(out.sparse, "careto-viz: campaign.country[1]: an empty slot (the array has a hole here)");
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});

/** Runs in the page: a campaign of `n` countries, drawn at the page's devicePixelRatio. */
async function tall({ sample, n }) {
  const module = await import(new URL("pkg-full/careto_viz_full.js", location.href).href);
  await module.default();
  // Codes a campaign may use for invented places: ISO 3166-1's user-assigned XAA–XZZ, then QMA–QZZ (1,040).
  const letters = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
  const prefixes = [...letters.map((b) => "X" + b), ...letters.slice(12).map((b) => "Q" + b)];
  const codes = prefixes.flatMap((p) => letters.map((c) => p + c));
  const campaign = { ...sample, country: Array.from({ length: n }, (_, i) => ({ code: codes[i], name: { en: `Country ${i}`, es: `País ${i}` }, count: i + 1, sources: ["X1"] })) };
  const div = document.createElement("div");
  div.style.width = "640px";
  document.body.append(div);
  const chart = module.mount(div, { view: "bars", campaign, theme: "light" });
  // A campaign this large is read across tasks (issue 13.3): drawn once read.
  await chart.drawn();
  const c = chart.canvas;
  const css = c.getBoundingClientRect();
  // The bottom rows of the bitmap: the source line is drawn there, not cut off.
  const rows = Math.round(40 * (c.height / css.height));
  const data = c.getContext("2d").getImageData(0, c.height - rows, c.width, rows).data;
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] < 160) ink++;
  const out = { dpr: devicePixelRatio, bitmap: [c.width, c.height], css: [css.width, css.height], ink, below: chart.hitTest(320, css.height - 10) ?? null, top: chart.hitTest(320, 150) ?? null };
  chart.destroy();
  return out;
}

describe("charts taller than a browser's canvas, full build", () => {
  it("stop at the cap with their source line drawn, scaled evenly at DPR 3, and hit only what is drawn", async () => {
    const { page, problems } = await openPage(browser, { deviceScaleFactor: 3 });
    await page.goto(new URL("sample.html", server.url).href);
    const out = await page.evaluate(tall, { sample, n: 1_000 });
    const [bw, bh] = out.bitmap;
    const [cw, ch] = out.css;
    assert.equal(out.dpr, 3);
    assert.ok(ch <= 4_096 && ch > 3_800, `CSS height ${ch}: 1,000 bars stop at the tallest chart (4,096 CSS px)`);
    assert.ok(bw <= 32_767 && bh <= 32_767 && bw * bh <= 16_777_216, `bitmap ${bw} x ${bh}`);
    assert.ok(Math.abs(bw / cw - bh / ch) < 0.01, `one scale for both sides: ${bw / cw} and ${bh / ch}`);
    assert.ok(out.ink > 50, `the source line is drawn at the bottom (${out.ink} dark pixels)`);
    assert.equal(out.below, null, "nothing to hit under the last bar");
    assert.match(out.top ?? "", /^country:/, "the bars drawn are hit");
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});
