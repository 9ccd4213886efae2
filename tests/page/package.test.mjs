// The npm package (make package → scripts/package.sh), made here from the
// release builds already in www/pkg-full and www/pkg (no second cargo build):
// wasm-pack's package.json with every field a registry and a bundler need,
// the typed .d.ts, exactly the expected files in `npm pack --dry-run`, the
// full build as the main export ("careto-viz") and the article build as
// "careto-viz/careto-only" (the same optimised .wasm the byte budget measures).
//
// Needs make build: node --test tests/page/package.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./browser.mjs";
import { readmeSizes } from "../../scripts/readme-sizes.mjs";

const PKG = path.join(REPO_ROOT, "www", "pkg");
const PKG_FULL = path.join(REPO_ROOT, "www", "pkg-full");
const BUILDS = [
  "careto_viz_full.d.ts", "careto_viz_full.js", "careto_viz_full_bg.wasm",
  "careto_viz.d.ts", "careto_viz.js", "careto_viz_bg.wasm",
  // The article kernel in Spanish, to which the English one hands its Spanish charts.
  "careto_viz_es.js", "careto_viz_es_bg.wasm",
  // Loaded after the first frame, from next to each entry.
  "careto_viz_details_en.js", "careto_viz_details_en_bg.wasm", "careto_viz_details_es.js", "careto_viz_details_es_bg.wasm", "careto_viz_interact.js",
  // The map's geometry, fetched from next to the full build when a map is mounted.
  "world-110m.bin",
];
const FILES = ["LICENSE-APACHE", "LICENSE-MIT", "README.md", ...BUILDS, "package.json"].sort();
const cargo = JSON.parse(
  execFileSync("python3", ["-c", "import json,tomllib; print(json.dumps(tomllib.load(open('Cargo.toml','rb'))['package']))"], { cwd: REPO_ROOT, encoding: "utf8" }),
);

let tmp, made, unpacked;

/** Runs scripts/package.sh into `out`: { status, output }. */
function pack(out, env = {}) {
  const run = spawnSync(path.join(REPO_ROOT, "scripts", "package.sh"), [out], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, ...env } });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "careto-package-"));
  made = pack(path.join(tmp, "default"), { REPOSITORY: "" });
  assert.equal(made.status, 0, made.output);
  unpacked = path.join(tmp, "unpacked");
  execFileSync("mkdir", ["-p", unpacked]);
  execFileSync("tar", ["-xzf", path.join(tmp, "default", `careto-viz-${cargo.version}.tgz`), "-C", unpacked]);
});

after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("the npm package (make package)", () => {
  it("package.json has every field, from Cargo.toml", async () => {
    const pkg = JSON.parse(await readFile(path.join(unpacked, "package", "package.json"), "utf8"));
    assert.equal(pkg.name, "careto-viz");
    assert.equal(pkg.version, cargo.version);
    assert.equal(pkg.description, cargo.description);
    assert.equal(pkg.license, "MIT OR Apache-2.0");
    assert.deepEqual(pkg.repository, { type: "git", url: cargo.repository });
    assert.equal(pkg.type, "module");
    assert.equal(pkg.main, "careto_viz_full.js");
    assert.equal(pkg.module, "careto_viz_full.js");
    assert.equal(pkg.types, "careto_viz_full.d.ts");
    assert.deepEqual([...pkg.files].sort(), ["LICENSE-APACHE", "LICENSE-MIT", ...BUILDS].sort());
    assert.deepEqual(pkg.exports["."], { types: "./careto_viz_full.d.ts", default: "./careto_viz_full.js" });
    assert.deepEqual(pkg.exports["./careto-only"], { types: "./careto_viz.d.ts", default: "./careto_viz.js" });
    for (const f of ["./careto_viz_full_bg.wasm", "./careto_viz_bg.wasm", "./careto_viz_es_bg.wasm", "./world-110m.bin", "./package.json"]) assert.equal(pkg.exports[f], f);
    assert.ok(Array.isArray(pkg.sideEffects), "sideEffects");
  });

  it("warns that Cargo.toml's repository is a placeholder, and takes REPOSITORY=…", async () => {
    assert.match(made.output, /WARNING: package\.json's repository is the placeholder https:\/\/example\.invalid\/careto-viz/);
    const other = pack(path.join(tmp, "other"), { REPOSITORY: "https://git.example.org/news/careto-viz" });
    assert.equal(other.status, 0, other.output);
    assert.doesNotMatch(other.output, /WARNING/);
    const pkg = JSON.parse(await readFile(path.join(tmp, "other", "careto-viz", "package.json"), "utf8"));
    assert.equal(pkg.repository.url, "https://git.example.org/news/careto-viz");
  });

  it("npm pack --dry-run lists exactly the expected files", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "./careto-viz"], { cwd: path.join(tmp, "default"), encoding: "utf8" });
    const [{ files }] = JSON.parse(out);
    assert.deepEqual(files.map((f) => f.path).sort(), FILES);
  });

  it("holds the typed .d.ts and the optimised .wasm of www/pkg-full and www/pkg, byte for byte", async () => {
    for (const stem of ["careto_viz_full", "careto_viz"]) {
      const dts = await readFile(path.join(unpacked, "package", `${stem}.d.ts`), "utf8");
      assert.match(dts, /export function mount\(element: HTMLElement, options: MountOptions\): Chart;/);
      assert.match(dts, /export interface Campaign \{/);
      const dir = stem === "careto_viz" ? PKG : PKG_FULL;
      for (const f of [`${stem}_bg.wasm`, `${stem}.js`, `${stem}.d.ts`]) {
        const packed = await readFile(path.join(unpacked, "package", f));
        assert.ok(packed.equals(await readFile(path.join(dir, f))), `${f} differs from ${path.relative(REPO_ROOT, dir)}/${f}`);
      }
      // After wasm-opt --strip-debug --strip-producers: no name or producers section.
      const wasm = await readFile(path.join(unpacked, "package", `${stem}_bg.wasm`));
      assert.equal(wasm.includes(Buffer.from("producers")), false, `${stem}_bg.wasm is not the optimised one`);
    }
  });

  it("the main export reads a campaign; careto-viz/careto-only is the smaller article build", async () => {
    const size = async (f) => (await readFile(path.join(unpacked, "package", f))).length;
    assert.ok((await size("careto_viz.js")) > 0 && (await size("careto_viz_bg.wasm")) < (await size("careto_viz_full_bg.wasm")),
      "the article build's .wasm is smaller than the full build's");
    // The campaign reader's messages are only in the full build.
    const marker = Buffer.from("a list holds at most");
    assert.ok((await readFile(path.join(unpacked, "package", "careto_viz_full_bg.wasm"))).includes(marker), "the full build reads campaigns");
    assert.equal((await readFile(path.join(unpacked, "package", "careto_viz_bg.wasm"))).includes(marker), false, "the article build has no campaign reader");
  });

  it("the sizes README.md states are the build's (scripts/readme-sizes.mjs)", () => {
    const sizes = readmeSizes();
    assert.ok(sizes.length >= 4, "README.md marks its sizes");
    for (const s of sizes) {
      assert.equal(s.stated, s.measured, `README.md says ${s.stated} KB for ${s.files.join(" + ")}, the build makes ${s.measured} KB: node scripts/readme-sizes.mjs --write`);
    }
  });

  it("README.md and both licences", async () => {
    assert.ok((await readFile(path.join(unpacked, "package", "README.md"))).equals(await readFile(path.join(REPO_ROOT, "README.md"))),
      "the packed README.md is not README.md: wasm-pack copies it into target/wasm-pack/full at build time, run make build");
    assert.match(await readFile(path.join(unpacked, "package", "LICENSE-MIT"), "utf8"), /Copyright \(c\) the careto-viz authors/);
    assert.match(await readFile(path.join(unpacked, "package", "LICENSE-APACHE"), "utf8"), /Apache License\s+Version 2\.0/);
  });
});
