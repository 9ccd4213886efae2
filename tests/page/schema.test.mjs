// campaign.schema.json against the data it documents: the invented sample
// (www/sample-campaign.json), a JSON export of the real data (data/careto.toml),
// broken variants of the sample, and the Rust model (src/model/) it
// must stay in step with. No browser, no build: node --test tests/page/schema.test.mjs

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { allowed, broken } from "./campaign-cases.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const schema = JSON.parse(readFileSync(path.join(ROOT, "campaign.schema.json"), "utf8"));
const sample = JSON.parse(readFileSync(path.join(ROOT, "www", "sample-campaign.json"), "utf8"));

// strict: unknown keywords, missing types and the like are errors in the schema itself.
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

const errorsOf = (data) => (validate(data) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`));

/** The real data as JSON, exported from data/careto.toml by Python's tomllib (as the Makefile reads TOML). */
function realData() {
  const json = execFileSync("python3", ["-c", "import json,sys,tomllib; json.dump(tomllib.load(open(sys.argv[1],'rb')), sys.stdout, ensure_ascii=False)", path.join(ROOT, "data", "careto.toml")], { encoding: "utf8" });
  return JSON.parse(json);
}

const clone = (v) => structuredClone(v);

describe("campaign.schema.json", () => {
  it("is a valid draft 2020-12 schema", () => {
    assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
    assert.ok(ajv.validateSchema(schema), JSON.stringify(ajv.errors));
  });

  it("accepts the invented sample, www/sample-campaign.json", () => {
    assert.deepEqual(errorsOf(sample), []);
  });

  it("accepts the real data, data/careto.toml exported as JSON", () => {
    const real = realData();
    assert.equal(real.country.length, 31);
    assert.deepEqual(errorsOf(real), []);
  });

  for (const [what, edit, where] of broken) {
    it(`rejects ${what} (at ${where})`, () => {
      const c = clone(sample);
      edit(c);
      const errors = errorsOf(c);
      assert.ok(errors.length > 0, `${what} was accepted`);
      assert.ok(errors.some((e) => e.startsWith(where + " ") || e.startsWith(where + "/")), `expected an error at ${where}, got: ${errors.join("; ")}`);
    });
  }

  for (const [what, edit] of allowed) {
    it(`allows what the module allows: ${what}`, () => {
      const c = clone(sample);
      edit(c);
      assert.deepEqual(errorsOf(c), []);
    });
  }
});

describe("www/sample-campaign.json", () => {
  it("is clearly invented: its name, every source and both source lines say so", () => {
    assert.equal(sample.name.en, "Sample campaign (invented data)");
    assert.match(sample.name.es, /inventados/);
    for (const s of sample.source) {
      assert.match(`${s.title} ${s.publisher} ${s.note}`, /invented/i, `source ${s.id}`);
      assert.match(s.url, /^(https:\/\/example\.invalid\/.*)?$/, `source ${s.id}: an address that can lead nowhere real`);
    }
    for (const line of [sample.bars_source_line, sample.timeline_source_line]) {
      assert.match(line.en, /INVENTED/);
      assert.match(line.es, /INVENTADOS/);
    }
    for (const c of sample.country) {
      assert.match(c.code, /^X[A-Z]{2}$/, `${c.code}: invented places use the user-assigned codes XAA–XZZ`);
      assert.match(c.name.en, /\(invented\)/);
    }
  });

  it("has about 8 countries (some not published) and about 5 events of mixed precision and status", () => {
    assert.equal(sample.country.length, 8);
    assert.ok(sample.country.filter((c) => c.count === "not published").length >= 2);
    assert.equal(sample.event.length, 5);
    const precisions = new Set(sample.event.map((e) => e.date.split("-").length));
    assert.deepEqual([...precisions].sort(), [1, 2, 3], "year, month and day dates");
    assert.deepEqual(new Set(sample.event.map((e) => e.status)), new Set(["reported", "secondary", "alleged"]));
    assert.ok(sample.event.some((e) => e.approximate));
  });

  it("keeps the rules a schema cannot state: unique codes and ids, every source id resolves", () => {
    const ids = new Set(sample.source.map((s) => s.id));
    assert.equal(ids.size, sample.source.length, "source ids are unique");
    assert.equal(new Set(sample.country.map((c) => c.code)).size, sample.country.length, "country codes are unique");
    assert.equal(new Set(sample.event.map((e) => e.id)).size, sample.event.length, "event ids are unique");
    const used = [];
    JSON.stringify(sample, (key, value) => {
      if (key === "sources") used.push(...value);
      return value;
    });
    assert.ok(used.length > 10);
    for (const id of used) assert.ok(ids.has(id), `unknown source id ${id}`);
  });
});

describe("the schema and the Rust model (src/model/) name the same fields", () => {
  // Each deserialised struct: its serde field names, and which of them are required
  // (no #[serde(default)]). Parsed from the source, so a renamed or added field
  // fails here until the schema follows.
  // The model is a file per part (src/model/*.rs): read them all as one.
  const dir = path.join(ROOT, "src", "model");
  const source = readdirSync(dir).filter((f) => f.endsWith(".rs")).sort().map((f) => readFileSync(path.join(dir, f), "utf8")).join("\n");
  function structFields(name) {
    const body = source.match(new RegExp(`pub struct ${name} \\{([\\s\\S]*?)\\n\\}`))?.[1];
    assert.ok(body, `struct ${name} not found in src/model/`);
    const fields = [];
    let attrs = [];
    for (const line of body.split("\n").map((l) => l.trim())) {
      if (line.startsWith("#[")) attrs.push(line);
      const field = line.match(/^pub (\w+):/);
      if (field) {
        const rename = attrs.join(" ").match(/rename = "([^"]+)"/)?.[1];
        fields.push({ name: rename ?? field[1], required: !attrs.some((a) => /serde\([^)]*default/.test(a)) });
        attrs = [];
      }
    }
    return fields;
  }
  const defs = schema.$defs;
  const at = {
    Campaign: schema,
    Total: defs.total,
    Country: defs.country,
    Alternative: defs.country.properties.alternatives.items,
    OtherFigure: defs.country.properties.other_figures.items,
    Event: defs.event,
    Period: defs.period,
    Source: defs.source,
    Text: defs.label,
  };
  for (const [name, node] of Object.entries(at)) {
    it(`${name}`, () => {
      const fields = structFields(name);
      assert.deepEqual(Object.keys(node.properties).sort(), fields.map((f) => f.name).sort(), "field names");
      assert.deepEqual([...node.required].sort(), fields.filter((f) => f.required).map((f) => f.name).sort(), "required fields");
      assert.equal(node.additionalProperties, false, "unknown fields are errors (deny_unknown_fields)");
    });
  }
  it("Status", () => {
    const variants = [...source.match(/pub enum Status \{([\s\S]*?)\n\}/)[1].matchAll(/^\s*(\w+),/gm)].map((m) => m[1].toLowerCase());
    assert.deepEqual([...defs.event.properties.status.enum].sort(), variants.sort());
  });
});
