// The schema and the module agree: the same campaign objects
// (tests/page/campaign-cases.mjs: the invented sample, the real data, broken
// and allowed edits, the plural field names the reader used to take) go to
// campaign.schema.json (ajv) and to mount() in headless Chromium, and both
// accept or both refuse each one. The module's message names the field the
// schema points at (`/country/0/count` → `campaign.country[0].count`).
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
  await page.goto(new URL("embed.html", server.url).href);
  await page.waitForSelector('html[data-careto-viz="ready"]', { state: "attached", timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** mount() on a fresh element with `campaign`: null when it drew, else the error's message. */
function mountIn(campaign) {
  return page.evaluate(async (campaign) => {
    const { mount } = await import(new URL("pkg/careto_viz.js", location.href).href);
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

  it("no console errors", () => {
    assert.deepEqual(problems, []);
  });
});
