// The schema and the module agree: the same campaign objects
// (tests/page/campaign-cases.mjs: the invented sample, the real data, broken
// and allowed edits, the plural field names the reader used to take) go to
// campaign.schema.json (ajv) and to mount() in headless Chromium, and both
// accept or both refuse each one. The module's message names the field the
// schema points at (`/country/0/count` → `campaign.country[0].count`).
// mount() is the FULL build's (pkg-full/careto_viz_full.js, as embed.html
// loads it for ?campaign=…); the article build (pkg/careto_viz.js) refuses
// every campaign with one message naming the full build.
//
// Needs the release build (make build): node --test tests/page/campaign-mount.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { REPO_ROOT, launchBrowser, openPage, serve } from "./browser.mjs";
import { allowed, broken } from "./campaign-cases.mjs";

const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, "campaign.schema.json"), "utf8"));
const sample = JSON.parse(readFileSync(path.join(REPO_ROOT, "www", "sample-campaign.json"), "utf8"));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const real = JSON.parse(
  execFileSync("python3", ["-c", "import json,sys,tomllib; json.dump(tomllib.load(open(sys.argv[1],'rb')), sys.stdout, ensure_ascii=False)", path.join(REPO_ROOT, "data", "careto.toml")], { encoding: "utf8" }),
);

let server, browser, page, problems;

before(async () => {
  server = await serve(path.join(REPO_ROOT, "www"));
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser));
  // With a campaign, embed.html loads (and initialises) the full build.
  await page.goto(new URL("embed.html?campaign=sample-campaign.json", server.url).href);
  await page.waitForSelector('html[data-careto-viz-state="ready"]', { state: "attached", timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** mount() on a fresh element with `campaign`: null when it drew, else the error's message. */
function mountIn(campaign) {
  return page.evaluate(async (campaign) => {
    const { mount } = await import(new URL("pkg-full/careto_viz_full.js", location.href).href);
    const div = document.createElement("div");
    document.body.append(div);
    try {
      mount(div, { view: "timeline", campaign }).destroy();
      mount(div, { view: "bars", campaign }).destroy();
      return null;
    } catch (error) {
      return String(error.message);
    } finally {
      div.remove();
    }
  }, campaign);
}

/** `/country/0/count` → `campaign.country[0].count`. */
const fieldPath = (pointer) => "campaign" + pointer.split("/").filter(Boolean).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join("");

describe("embed.html?campaign=", () => {
  it("names the page after the campaign's chart, not The Mask", async () => {
    // Until 2026-12-05 every embed.html was "The Mask (Careto): chart", a newsroom's campaign too.
    assert.equal(await page.title(), "Sample campaign (invented data): 8 countries affected");
  });
});

describe("the article build (pkg/careto_viz.js)", () => {
  it("refuses any campaign, naming the full build, and draws the Careto data", async () => {
    const result = await page.evaluate(async (campaign) => {
      const module = await import(new URL("pkg/careto_viz.js", location.href).href);
      await module.default();
      const div = document.createElement("div");
      document.body.append(div);
      try {
        let refused;
        try {
          module.mount(div, { view: "bars", campaign });
        } catch (error) {
          refused = String(error.message);
        }
        const chart = module.mount(div, { view: "bars" });
        const label = chart.canvas.getAttribute("aria-label");
        chart.destroy();
        return { refused, label };
      } finally {
        div.remove();
      }
    }, sample);
    assert.match(result.refused ?? "", /^careto-viz: campaign: this build \(careto_viz\.js\) has The Mask \(Careto\) data compiled in and reads no campaign of its own; to draw yours, load the full build, careto_viz_full\.js/);
    assert.equal(result.label, "The Mask (Careto): 31 countries affected");
  });
});

describe("campaign.schema.json and mount() accept and refuse the same campaigns", () => {
  it("both accept the invented sample and the real data", async () => {
    for (const [what, c] of [["sample", sample], ["data/careto.toml", real]]) {
      assert.ok(validate(c), `${what}: schema: ${JSON.stringify(validate.errors)}`);
      assert.equal(await mountIn(c), null, `${what}: mount`);
    }
  });

  for (const [what, edit] of allowed) {
    it(`both accept ${what}`, async () => {
      const c = structuredClone(sample);
      edit(c);
      assert.ok(validate(c), `schema: ${JSON.stringify(validate.errors)}`);
      assert.equal(await mountIn(c), null, "mount");
    });
  }

  for (const [what, edit, where] of broken) {
    it(`both refuse ${what}`, async () => {
      const c = structuredClone(sample);
      edit(c);
      assert.equal(validate(c), false, "the schema accepted it");
      const message = await mountIn(c);
      assert.ok(message, "mount() accepted it");
      assert.match(message, /^careto-viz: campaign/);
      // The module names the field, or (for a rule across fields) the object the schema names.
      assert.ok(message.includes(fieldPath(where)) || message.startsWith(`careto-viz: ${fieldPath(where)}`), `${message} does not name ${fieldPath(where)}`);
    });
  }

  // A fetch or a CMS field that came back null: refused, never drawn as The Mask's data.
  it("both refuse null (the whole campaign), and mount() says so", async () => {
    assert.equal(validate(null), false, "the schema accepted it");
    assert.equal(await mountIn(null), "careto-viz: campaign: expected an object (see campaign.schema.json)");
  });

  it("no console errors", () => {
    assert.deepEqual(problems, []);
  });
});
