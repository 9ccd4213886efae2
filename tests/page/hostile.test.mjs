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
