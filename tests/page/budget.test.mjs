// Byte budget of the charts (issue #5): everything the demo page loads to
// draw them, each file gzipped at level 9 as a server would send it, summed.
//
// Runs on the ARTICLE release build in www/pkg (after wasm-opt; the full
// build, www/pkg-full, is for custom campaigns and not measured), which `make test`
// builds before the page tests: node --test tests/page/budget.test.mjs
//
// Two numbers in wasm-pack.toml's [build]:
//   size_budget_gzip   the TARGET (issue #5: 56 KiB, about 0.8 × Chart.js's bundle)
//   size_ratchet_gzip  the RATCHET: what this test enforces. It starts at the
//                      size of the day it was set, plus a little slack, so
//                      the total cannot creep up unnoticed; lower it whenever
//                      the module shrinks, until it reaches the target.
// The test fails above the ratchet, and always prints the total and how far
// it is from the target.

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync, constants as zlib } from "node:zlib";
import { REPO_ROOT } from "./browser.mjs";

function buildSetting(key) {
  const out = execFileSync(
    "python3",
    ["-c", "import tomllib,sys,json; print(json.dumps(tomllib.load(open(sys.argv[1],'rb'))['build'].get(sys.argv[2])))", path.join(REPO_ROOT, "wasm-pack.toml"), key],
    { encoding: "utf8" },
  );
  return JSON.parse(out);
}

const OUT_DIR = buildSetting("out_dir");
const OUT_NAME = buildSetting("out_name");
const TARGET = buildSetting("size_budget_gzip");
const RATCHET = buildSetting("size_ratchet_gzip");

// What the demo page (www/index.html) loads for its charts: main.js, which
// imports host.js, which imports the wasm-bindgen glue, which fetches the wasm.
// (index.html and style.css are the article around the charts, not the charts.)
const FILES = [`${OUT_DIR}/${OUT_NAME}_bg.wasm`, `${OUT_DIR}/${OUT_NAME}.js`, "www/main.js", "www/host.js"];

const KiB = 1024;
const kib = (n) => `${(n / KiB).toFixed(1)} KiB`;

/** Names of the custom sections of a wasm module. */
function customSections(bytes) {
  const names = [];
  let i = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[i++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) return result;
    }
  };
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    if (id === 0) {
      const len = leb();
      names.push(Buffer.from(bytes.subarray(i, i + len)).toString("utf8"));
    }
    i = end;
  }
  return names;
}

describe("byte budget of the charts (gzip -9)", () => {
  it("wasm-pack.toml sets a target and a ratchet", () => {
    assert.ok(Number.isInteger(TARGET) && TARGET > 0, "wasm-pack.toml: build.size_budget_gzip must be a whole number of bytes");
    assert.ok(Number.isInteger(RATCHET) && RATCHET > 0, "wasm-pack.toml: build.size_ratchet_gzip must be a whole number of bytes");
  });

  it("the page loads exactly these files for the charts", () => {
    const html = readFileSync(path.join(REPO_ROOT, "www", "index.html"), "utf8");
    assert.match(html, /<script type="module" src="main\.js"><\/script>/, "index.html no longer loads main.js: update FILES in this test");
    const main = readFileSync(path.join(REPO_ROOT, "www", "main.js"), "utf8");
    assert.match(main, /from "\.\/host\.js"/, "main.js no longer imports ./host.js: update FILES in this test");
    const host = readFileSync(path.join(REPO_ROOT, "www", "host.js"), "utf8");
    assert.match(host, new RegExp(`import\\("\\./pkg/${OUT_NAME}\\.js"\\)`), `host.js no longer imports ./pkg/${OUT_NAME}.js: update FILES in this test`);
    for (const f of FILES) assert.ok(existsSync(path.join(REPO_ROOT, f)), `${f} is missing: run \`make build\` first`);
  });

  it("the wasm is the release build after wasm-opt", () => {
    const wasm = readFileSync(path.join(REPO_ROOT, FILES[0]));
    const sections = customSections(wasm);
    // wasm-opt runs with --strip-debug --strip-producers (wasm-pack.toml): a
    // module that still has these was not optimised, and its size means nothing.
    const left = sections.filter((s) => s === "name" || s === "producers" || s.startsWith(".debug"));
    assert.deepEqual(left, [], `${FILES[0]} still has custom sections ${left.join(", ")}: run \`make build\` (wasm-pack, then wasm-opt)`);
  });

  it(`stays under the ratchet (wasm-pack.toml build.size_ratchet_gzip)`, () => {
    const rows = FILES.map((f) => {
      const raw = readFileSync(path.join(REPO_ROOT, f));
      return { file: f, raw: raw.length, gzip: gzipSync(raw, { level: zlib.Z_BEST_COMPRESSION }).length };
    });
    const total = rows.reduce((a, r) => a + r.gzip, 0);
    const lines = rows.map((r) => `  ${r.file.padEnd(28)} ${String(r.raw).padStart(8)} B raw ${String(r.gzip).padStart(8)} B gzip -9`);
    const over = total - TARGET;
    lines.push(`  ${"total".padEnd(28)} ${String(rows.reduce((a, r) => a + r.raw, 0)).padStart(8)} B raw ${String(total).padStart(8)} B gzip -9 (${kib(total)})`);
    lines.push(
      over > 0
        ? `  target ${TARGET} B (${kib(TARGET)}): ${over} B (${kib(over)}, ${((over / TARGET) * 100).toFixed(0)} %) ABOVE it`
        : `  target ${TARGET} B (${kib(TARGET)}): met, ${-over} B to spare`,
    );
    lines.push(`  ratchet ${RATCHET} B (${kib(RATCHET)}): ${total <= RATCHET ? `${RATCHET - total} B to spare` : `${total - RATCHET} B OVER`}`);
    const report = lines.join("\n");
    console.log(`byte budget of the charts:\n${report}`);
    assert.ok(
      total <= RATCHET,
      `the charts now download ${total} B gzip -9, over the ratchet of ${RATCHET} B (wasm-pack.toml build.size_ratchet_gzip). ` +
        `Make the module smaller (see bench/results/size.md), or, if the growth is worth it, raise the ratchet and say why in the commit.\n${report}`,
    );
    if (total < RATCHET - 4 * KiB) {
      console.log(`  note: ${kib(RATCHET - total)} under the ratchet: lower build.size_ratchet_gzip to lock the gain in`);
    }
  });
});
