// The TypeScript declarations of the built modules (www/pkg-full/careto_viz_full.d.ts,
// the npm package's main export, and www/pkg/careto_viz.d.ts, the article
// build), written by hand as src/web/shell/careto_viz.d.ts:
//
//   - tests/page/types/good.ts, a typed use, must type-check with `tsc --strict`
//     and TypeScript's defaults otherwise (no --lib, --target or --module: what
//     a newsroom's `tsc --strict` does);
//   - tests/page/types/wrong.ts must fail exactly on its lines marked `// error`
//     (view: "pie", width: "wide", count: "3", `countries` for `country`…);
//   - the interfaces name the same fields as campaign.schema.json (and the
//     same optional ones), and MountOptions the options src/web/options.rs reads.
//
// Needs the release build (make build); no browser: node --test tests/page/types.test.mjs

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./browser.mjs";

const DTS = path.join(REPO_ROOT, "www", "pkg-full", "careto_viz_full.d.ts");
const ARTICLE_DTS = path.join(REPO_ROOT, "www", "pkg", "careto_viz.d.ts");
const FIXTURES = path.join(REPO_ROOT, "tests", "page", "types");
const TSC = path.join(REPO_ROOT, "node_modules", ".bin", "tsc");

/** Runs tsc --noEmit --strict on one file, defaults otherwise: { status, diagnostics: [{ line, text }] }. */
function tsc(file) {
  const args = ["--noEmit", "--strict", "--pretty", "false", file];
  const run = spawnSync(TSC, args, { cwd: REPO_ROOT, encoding: "utf8" });
  assert.equal(run.error, undefined, `cannot run ${TSC}: ${run.error} (npm ci)`);
  const out = `${run.stdout}${run.stderr}`;
  const diagnostics = [...out.matchAll(/^(.*?)\((\d+),\d+\): error (TS\d+: .*)$/gm)].map((m) => ({ file: m[1], line: Number(m[2]), text: m[3] }));
  return { status: run.status, out, diagnostics };
}

/** The interfaces of a .d.ts: name → [{ name, optional }]. */
function interfaces(text) {
  const out = {};
  for (const [, name, body] of text.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
    out[name] = [...body.matchAll(/^ +(\w+)(\??):/gm)].map(([, field, q]) => ({ name: field, optional: q === "?" }));
  }
  return out;
}

describe("careto_viz.d.ts", () => {
  const dts = existsSync(DTS) ? readFileSync(DTS, "utf8") : null;

  it("is built (make build) and types mount and Chart.update", () => {
    assert.ok(dts, `${DTS} is missing: run make build`);
    assert.match(dts, /export function mount\(element: HTMLElement, options: MountOptions\): Chart;/);
    assert.match(dts, /update\(options: MountOptions\): void;/);
    const api = dts.slice(0, dts.indexOf("export type InitInput"));
    assert.doesNotMatch(api.replace(/\/\*\*[\s\S]*?\*\//g, ""), /:\s*any\b/, "no `any` in the API (InitOutput's raw exports aside)");
  });

  it("a typed use type-checks with tsc --strict (tests/page/types/good.ts)", () => {
    const run = tsc(path.join(FIXTURES, "good.ts"));
    assert.equal(run.status, 0, run.out);
  });

  it("the article build's types have no campaign option (tests/page/types/article.ts)", () => {
    const article = readFileSync(ARTICLE_DTS, "utf8");
    assert.deepEqual(interfaces(article).MountOptions.map((f) => f.name).sort(), interfaces(dts).MountOptions.map((f) => f.name).filter((n) => n !== "campaign").sort());
    assert.doesNotMatch(article, /\/\/ full build only \{|\/\/ \} full build only/, "the markers go");
    const run = tsc(path.join(FIXTURES, "article.ts"));
    assert.notEqual(run.status, 0, run.out);
    assert.deepEqual(run.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}`), ["article.ts:12"], run.out);
    assert.match(run.diagnostics[0].text, /'campaign' does not exist in type 'MountOptions'/);
  });

  it("wrong options and campaigns fail exactly where marked (tests/page/types/wrong.ts)", () => {
    const file = path.join(FIXTURES, "wrong.ts");
    const marked = readFileSync(file, "utf8").split("\n").flatMap((line, i) => (/\/\/ error$/.test(line) ? [i + 1] : []));
    assert.ok(marked.length >= 10, "the fixture marks its wrong lines");
    const run = tsc(file);
    assert.notEqual(run.status, 0, "tsc accepted wrong.ts");
    assert.deepEqual(run.diagnostics.filter((d) => !d.file.endsWith("wrong.ts")), [], "errors in other files");
    const failing = [...new Set(run.diagnostics.map((d) => d.line))].sort((a, b) => a - b);
    assert.deepEqual(failing, marked, `errors on other lines than marked:\n${run.out}`);
  });

  it("names the fields campaign.schema.json names, optional where the schema does not require them", () => {
    const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, "campaign.schema.json"), "utf8"));
    const defs = schema.$defs;
    const at = {
      Campaign: schema,
      Total: defs.total,
      Period: defs.period,
      Country: defs.country,
      Alternative: defs.country.properties.alternatives.items,
      OtherFigure: defs.country.properties.other_figures.items,
      TimelineEvent: defs.event,
      Source: defs.source,
      CountedBy: defs.countedBy,
      Profile: defs.profile,
      Sector: defs.sector,
      Platform: defs.platform,
      Stolen: defs.stolen,
      Text: defs.label,
    };
    const types = interfaces(dts);
    for (const [name, node] of Object.entries(at)) {
      const fields = types[name];
      assert.ok(fields, `interface ${name} is missing`);
      assert.deepEqual(fields.map((f) => f.name).sort(), Object.keys(node.properties).sort(), `${name}: field names`);
      assert.deepEqual(fields.filter((f) => !f.optional).map((f) => f.name).sort(), [...(node.required ?? [])].sort(), `${name}: required fields`);
    }
    const status = dts.match(/export type Status = (.*);/)?.[1];
    assert.deepEqual(status?.split(" | ").map((s) => JSON.parse(s)).sort(), [...defs.event.properties.status.enum].sort(), "Status");
  });

  it("MountOptions names exactly the options the module reads (src/web/options.rs)", () => {
    const rust = readFileSync(path.join(REPO_ROOT, "src", "web", "options.rs"), "utf8");
    const names = JSON.parse(`[${rust.match(/const OPTION_NAMES: \[&str; \d+\] = \[([^\]]*)\]/)[1]}]`);
    const options = interfaces(dts).MountOptions;
    assert.deepEqual(options.map((f) => f.name).sort(), [...names].sort());
    assert.ok(options.every((f) => f.optional), "every option is optional");
  });
});
