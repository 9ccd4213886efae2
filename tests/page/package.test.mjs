// The npm package (make package → scripts/package.sh), made here from the
// release build already in www/pkg (no second cargo build): wasm-pack's
// package.json with every field a registry and a bundler need, the typed
// .d.ts, exactly the expected files in `npm pack --dry-run`, and the same
// optimised .wasm as the one the byte budget measures.
//
// Needs make build: node --test tests/page/package.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./browser.mjs";

const PKG = path.join(REPO_ROOT, "www", "pkg");
const FILES = ["LICENSE-APACHE", "LICENSE-MIT", "README.md", "careto_viz.d.ts", "careto_viz.js", "careto_viz_bg.wasm", "package.json"];
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
    assert.equal(pkg.module, "careto_viz.js");
    assert.equal(pkg.types, "careto_viz.d.ts");
    assert.deepEqual([...pkg.files].sort(), ["LICENSE-APACHE", "LICENSE-MIT", "careto_viz.d.ts", "careto_viz.js", "careto_viz_bg.wasm"]);
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

  it("holds the typed .d.ts and the optimised .wasm of www/pkg, byte for byte", async () => {
    const dts = await readFile(path.join(unpacked, "package", "careto_viz.d.ts"), "utf8");
    assert.match(dts, /export function mount\(element: HTMLElement, options: MountOptions\): Chart;/);
    assert.match(dts, /export interface Campaign \{/);
    for (const f of ["careto_viz_bg.wasm", "careto_viz.js", "careto_viz.d.ts"]) {
      const packed = await readFile(path.join(unpacked, "package", f));
      assert.ok(packed.equals(await readFile(path.join(PKG, f))), `${f} differs from www/pkg/${f}`);
    }
    // After wasm-opt --strip-debug --strip-producers: no name or producers section.
    const wasm = await readFile(path.join(unpacked, "package", "careto_viz_bg.wasm"));
    assert.equal(wasm.includes(Buffer.from("producers")), false, "the .wasm is not the optimised one");
  });

  it("README.md and both licences", async () => {
    assert.ok((await readFile(path.join(unpacked, "package", "README.md"))).equals(await readFile(path.join(REPO_ROOT, "README.md"))),
      "the packed README.md is not README.md: wasm-pack copies it into www/pkg at build time, run make build");
    assert.match(await readFile(path.join(unpacked, "package", "LICENSE-MIT"), "utf8"), /Copyright \(c\) the careto-viz authors/);
    assert.match(await readFile(path.join(unpacked, "package", "LICENSE-APACHE"), "utf8"), /Apache License\s+Version 2\.0/);
  });
});
