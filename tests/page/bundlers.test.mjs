// The npm package at home in a newsroom's build (issue 17.6): the packed
// tarball (scripts/package.sh, as `make package` makes it) installed into
//
//   - a scratch Vite project (Vite 8, no configuration): it builds, and the
//     built page draws a chart in Chromium, under the strict CSP, with no
//     console error;
//   - a scratch TypeScript project: `tsc --strict` with TypeScript's default
//     settings otherwise type-checks a typed use of both exports.
//
// Needs make build (www/pkg, www/pkg-full): node --test tests/page/bundlers.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT, canvasStats, launchBrowser, openPage, serve } from "./browser.mjs";

const BIN = path.join(REPO_ROOT, "node_modules", ".bin");
let tmp, tarball;

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "careto-bundlers-"));
  const run = spawnSync(path.join(REPO_ROOT, "scripts", "package.sh"), [path.join(tmp, "pack")], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, REPOSITORY: "" } });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
  const made = (await readdir(path.join(tmp, "pack"))).find((f) => f.endsWith(".tgz"));
  assert.ok(made, "scripts/package.sh made no .tgz");
  tarball = path.join(tmp, "pack", made);
});

after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A scratch project in `dir` with the tarball installed (no network: it has no dependencies). */
async function project(dir, files) {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: path.basename(dir), private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", "--ignore-scripts", tarball], { cwd: dir, encoding: "utf8", stdio: "pipe" });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
}

describe("the packed package in a newsroom's build", () => {
  it("Vite 8 builds a page that imports it with no configuration, and the page draws", async () => {
    const dir = path.join(tmp, "vite");
    await project(dir, {
      "index.html": '<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Vite</title><script type="module" src="./main.js"></script></head><body><div id="chart"></div></body></html>',
      "main.js": `import init, { mount } from "careto-viz";
await init();
const element = document.getElementById("chart");
element.addEventListener("careto-viz:ready", (e) => document.documentElement.setAttribute("data-ready", e.detail.view));
window.chart = mount(element, { view: "timeline" });`,
    });
    // Vite copies public/ as it is: a favicon, so the browser's request for one is answered.
    await mkdir(path.join(dir, "public"));
    await writeFile(path.join(dir, "public", "favicon.ico"), "");
    const build = spawnSync(path.join(BIN, "vite"), ["build", "--logLevel", "error"], { cwd: dir, encoding: "utf8" });
    assert.equal(build.status, 0, `vite build failed:\n${build.stdout}${build.stderr}`);
    const assets = await readdir(path.join(dir, "dist", "assets"));
    assert.ok(assets.some((f) => f.endsWith(".wasm")), `the .wasm was not emitted: ${assets.join(", ")}`);

    const server = await serve(path.join(dir, "dist"));
    const browser = await launchBrowser();
    try {
      const { page, problems } = await openPage(browser, { width: 700, height: 900 });
      await page.goto(server.url);
      await page.waitForSelector("html[data-ready]", { state: "attached", timeout: 30_000 });
      assert.equal(await page.getAttribute("html", "data-ready"), "timeline");
      const stats = await page.locator("#chart").locator("canvas").evaluate(canvasStats);
      assert.ok(stats.painted > stats.total * 0.02 && stats.colours >= 3, `the chart is not drawn: ${JSON.stringify(stats)}`);
      // The page's language (es) reached the chart.
      assert.match(await page.locator("#chart").locator("canvas").getAttribute("aria-label"), /cronolog|Cronolog|La Máscara/);
      // The interaction layer, a separate chunk, loads too: a keypress is answered.
      await page.locator("#chart").locator("canvas").focus();
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(() => document.getElementById("chart").shadowRoot.querySelector("[aria-live]").textContent.length > 10, null, { timeout: 15_000 });
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it("tsc --strict with TypeScript's defaults type-checks a typed use of both exports", async () => {
    const dir = path.join(tmp, "ts");
    await project(dir, {
      "main.ts": `import init, { mount, type Chart, type MountOptions } from "careto-viz";
import initArticle, { mount as mountArticle } from "careto-viz/careto-only";
export async function draw(element: HTMLElement): Promise<Chart> {
  await init();
  await initArticle();
  const options: MountOptions = { view: "bars", lang: "es", theme: "auto" };
  mountArticle(element, { view: "timeline" }).destroy();
  return mount(element, options);
}
`,
    });
    const run = spawnSync(path.join(BIN, "tsc"), ["--strict", "--noEmit", "main.ts"], { cwd: dir, encoding: "utf8" });
    assert.equal(run.status, 0, `tsc --strict failed:\n${run.stdout}${run.stderr}`);
    // And it is not vacuous: a wrong option fails.
    await writeFile(path.join(dir, "wrong.ts"), `import { mount } from "careto-viz";\nmount(document.body, { view: "pie" });\n`);
    const wrong = spawnSync(path.join(BIN, "tsc"), ["--strict", "--noEmit", "wrong.ts"], { cwd: dir, encoding: "utf8" });
    assert.notEqual(wrong.status, 0);
    assert.match(`${wrong.stdout}`, /wrong\.ts\(2,\d+\): error TS2322: Type '"pie"' is not assignable to type 'View/);
  });
});
