// Byte budgets per path (issue 12.2): what a reader's browser downloads, from
// what the page ACTUALLY requested in headless Chromium (tests/page/paths.mjs),
// each file gzip -9 (node's zlib) and summed; no list of file names assumed.
//
//   make site && node --test tests/page/budget.test.mjs    (make test-page does both)
//
// The site of `make site` (dist/, the release builds after wasm-opt and
// esbuild --minify) is served by scripts/serve.mjs, with its CSP. Two pages,
// two paths each:
//   index.html                 the article with the bars and the timeline
//                              (served without its map's figure: the map
//                              comes after their first frame, and has its
//                              own paths, below)
//   embed.html?view=timeline   one chart in the iframe page
//   first frame    everything fetched before the first chart's first frame
//                  (the files requested until the page marks its charts
//                  mounted, in the same task as the mounts)
//   all features   everything fetched once a reader has used every feature of
//                  every chart (hover, Tab + ArrowDown, Show data, Download
//                  PNG and CSV, Copy embed code) and the network is idle
//
// wasm-pack.toml [budget] holds, beside each other:
//   first_frame_gzip, all_features_gzip   the TARGETS (issue 12), for both pages
//   <page>_<path>_ratchet_gzip            the RATCHETS this test enforces: what
//                                          was measured, rounded up to the next
//                                          KiB, plus 1 KiB. Lower one when its
//                                          path shrinks (the test says when);
//                                          raise one only on purpose, saying
//                                          why. History: bench/results/size.md.
// The test fails above a ratchet, and always prints each path's total, its
// files, and how far it is from its target.
//
// The map (issue 14.4) is measured apart, on both paths: embed.html?view=map
// against embed.html?view=bars, the bytes the map adds (its build, its
// geometry, its page's words), against map_beyond_bars_gzip (20 KiB, the
// target) and a ratchet per path.

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, launchBrowser, serve, SITE_DIR as DIST, requireSite } from "./browser.mjs";
import { KiB, describePath, kib, measurePath, withoutMap } from "./paths.mjs";

function toml(key) {
  const out = execFileSync(
    "python3",
    ["-c", "import tomllib,sys,json\nv=tomllib.load(open(sys.argv[1],'rb'))\nfor k in sys.argv[2].split('.'): v=v.get(k) if isinstance(v, dict) else None\nprint(json.dumps(v))", path.join(REPO_ROOT, "wasm-pack.toml"), key],
    { encoding: "utf8" },
  );
  return JSON.parse(out);
}

const PAGES = [
  { name: "index", url: "index.html", prepare: withoutMap },
  { name: "embed_timeline", url: "embed.html?view=timeline" },
];
/** The map's pages: the map, and the bars it is measured against. */
const MAP_PAGES = [
  { name: "map", url: "embed.html?view=map" },
  { name: "bars", url: "embed.html?view=bars" },
];
const PATHS = [
  { key: "first_frame", path: "first-frame", label: "before the first frame", target: "first_frame_gzip" },
  { key: "all_features", path: "all-features", label: "every feature used", target: "all_features_gzip" },
];
const CASES = PAGES.flatMap((page) => PATHS.map((p) => ({ page, ...p, ratchet: `${page.name}_${p.key}_ratchet_gzip` })));

/** The lazily loaded parts' file stems (wasm-pack.toml): never before the first frame. */
const LAZY = [toml("build.interact.out_name"), toml("build.details.out_name")];

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

const measured = new Map();
const keyOf = (c) => `${c.page.url} ${c.path}`;
let server, browser;

before(async () => {
  await requireSite("pkg", "careto_viz_bg.wasm");
  server = await serve(DIST);
  browser = await launchBrowser();
  for (const c of CASES) {
    measured.set(keyOf(c), await measurePath(browser, { base: server.url, root: DIST, url: c.page.url, path: c.path, prepare: c.page.prepare }));
  }
  for (const page of MAP_PAGES) {
    for (const p of PATHS) {
      measured.set(`${page.url} ${p.path}`, await measurePath(browser, { base: server.url, root: DIST, url: page.url, path: p.path }));
    }
  }
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe("byte budgets per path (gzip -9 of what the page requested)", () => {
  it("wasm-pack.toml [budget] has the two targets and a ratchet per page and path", () => {
    for (const key of [...new Set(CASES.map((c) => c.target)), ...CASES.map((c) => c.ratchet)]) {
      const v = toml(`budget.${key}`);
      assert.ok(Number.isInteger(v) && v > 0, `wasm-pack.toml: budget.${key} must be a whole number of bytes (it is ${JSON.stringify(v)})`);
    }
    for (const old of ["size_budget_gzip", "size_ratchet_gzip"]) {
      assert.equal(toml(`build.${old}`), null, `wasm-pack.toml: build.${old} is gone; the budgets are in [budget]`);
    }
  });

  it("each page works on each path: no console error, nothing from another site", () => {
    for (const c of CASES) {
      const m = measured.get(keyOf(c));
      assert.deepEqual(m.problems, [], `${keyOf(c)}: the page reported problems`);
      assert.deepEqual(m.foreign, [], `${keyOf(c)}: requests to other sites`);
    }
    for (const page of PAGES) {
      const all = measured.get(`${page.url} all-features`);
      assert.ok(all.hosts.length >= 1, `${page.url}: no chart was used`);
    }
    assert.equal(measured.get("index.html all-features").hosts.length, 2, "index.html: both charts were used");
  });

  it("the first frame fetches the page, a .wasm and no part of the interaction layer; using every feature fetches it", () => {
    for (const page of PAGES) {
      const first = measured.get(`${page.url} first-frame`).files.map((f) => f.file);
      const all = measured.get(`${page.url} all-features`).files.map((f) => f.file);
      assert.ok(first.includes(page.url.split("?")[0]), `${page.url}: the document is not in its first-frame list ${first.join(", ")}`);
      assert.ok(first.some((f) => f.endsWith(".wasm")), `${page.url}: no .wasm before the first frame: ${first.join(", ")}`);
      const early = first.filter((f) => LAZY.some((stem) => path.basename(f).startsWith(stem)));
      assert.deepEqual(early, [], `${page.url}: fetched before the first frame, though the shell loads it after (${LAZY.join(", ")})`);
      for (const f of first) assert.ok(all.includes(f), `${page.url}: ${f} is in the first frame but not in the all-features list`);
      const later = all.filter((f) => !first.includes(f));
      for (const stem of LAZY) {
        assert.ok(later.some((f) => path.basename(f).startsWith(stem)), `${page.url}: using every feature fetched nothing named ${stem}*: ${later.join(", ")}`);
      }
    }
  });

  it("a page without a profile fetches none of the profile's words (wasm-pack.toml [build.profile_details])", () => {
    const stem = toml("build.profile_details.out_name");
    assert.ok(stem, "wasm-pack.toml: build.profile_details.out_name");
    for (const [key, m] of measured) {
      const words = m.files.map((f) => f.file).filter((f) => path.basename(f).startsWith(stem));
      assert.deepEqual(words, [], `${key}: fetched the profile's details`);
    }
  });

  it("every .wasm fetched is a release build after wasm-opt", () => {
    const wasms = new Set([...measured.values()].flatMap((m) => m.files.map((f) => f.file)).filter((f) => f.endsWith(".wasm")));
    assert.ok(wasms.size >= 2, `only ${[...wasms].join(", ")}`);
    for (const f of wasms) {
      // wasm-opt runs with --strip-debug --strip-producers (wasm-pack.toml): a
      // module that still has these was not optimised, and its size means nothing.
      const left = customSections(readFileSync(path.join(DIST, f))).filter((s) => s === "name" || s === "producers" || s.startsWith(".debug"));
      assert.deepEqual(left, [], `${f} still has custom sections ${left.join(", ")}: run \`make build\` (wasm-pack, then wasm-opt)`);
    }
  });

  for (const c of CASES) {
    it(`${c.page.url}, ${c.label}: under its ratchet (wasm-pack.toml budget.${c.ratchet})`, () => {
      const m = measured.get(keyOf(c));
      const target = toml(`budget.${c.target}`);
      const ratchet = toml(`budget.${c.ratchet}`);
      const over = m.total - target;
      const lines = [describePath(m)];
      lines.push(
        over > 0
          ? `    target  ${target} B (${kib(target)}, budget.${c.target}): ${over} B (${kib(over)}, ${((over / target) * 100).toFixed(1)} %) ABOVE it`
          : `    target  ${target} B (${kib(target)}, budget.${c.target}): met, ${-over} B (${kib(-over)}) to spare`,
      );
      lines.push(`    ratchet ${ratchet} B (${kib(ratchet)}, budget.${c.ratchet}): ${m.total <= ratchet ? `${ratchet - m.total} B to spare` : `${m.total - ratchet} B OVER`}`);
      const report = lines.join("\n");
      console.log(`${c.page.url}, ${c.label}:\n${report}`);
      assert.ok(
        m.total <= ratchet,
        `${c.page.url}, ${c.label}: ${m.total} B gzip -9, over the ratchet of ${ratchet} B (wasm-pack.toml budget.${c.ratchet}). ` +
          `Make it smaller, or, if the growth is worth it, raise the ratchet, say why in the commit and add a row to bench/results/size.md.\n${report}`,
      );
      const tight = (Math.ceil(m.total / KiB) + 1) * KiB;
      if (tight < ratchet) console.log(`    note: the ratchet could be ${tight} B (measured, rounded up to the next KiB, plus 1 KiB): lower budget.${c.ratchet} to lock the gain in`);
    });
  }

  for (const p of PATHS) {
    it(`the map, ${p.label}: what embed.html?view=map adds to embed.html?view=bars, under its ratchet (budget.map_${p.key}_ratchet_gzip)`, () => {
      const map = measured.get(`embed.html?view=map ${p.path}`);
      const bars = measured.get(`embed.html?view=bars ${p.path}`);
      assert.deepEqual([map.problems, bars.problems, map.foreign], [[], [], []]);
      const files = map.files.map((f) => f.file);
      for (const f of ["pkg/careto_viz_map.js", "pkg/careto_viz_map_bg.wasm", "pkg/world-110m.bin"]) assert.ok(files.includes(f), `embed.html?view=map, ${p.label}: ${f} not fetched: ${files.join(", ")}`);
      assert.ok(!files.includes("pkg/careto_viz_bg.wasm"), "the map's page does not fetch the article build as well");
      const beyond = map.total - bars.total;
      const target = toml("budget.map_beyond_bars_gzip");
      const ratchet = toml(`budget.map_${p.key}_ratchet_gzip`);
      const report = [
        `  embed.html?view=map:\n${describePath(map)}`,
        `  embed.html?view=bars:\n${describePath(bars)}`,
        `  the map adds ${beyond} B (${kib(beyond)})`,
        beyond > target
          ? `    target  ${target} B (${kib(target)}, budget.map_beyond_bars_gzip): ${beyond - target} B (${kib(beyond - target)}) ABOVE it`
          : `    target  ${target} B (${kib(target)}, budget.map_beyond_bars_gzip): met, ${target - beyond} B to spare`,
        `    ratchet ${ratchet} B (${kib(ratchet)}, budget.map_${p.key}_ratchet_gzip): ${beyond <= ratchet ? `${ratchet - beyond} B to spare` : `${beyond - ratchet} B OVER`}`,
      ].join("\n");
      console.log(`the map, ${p.label}:\n${report}`);
      assert.ok(beyond <= ratchet, `the map adds ${beyond} B gzip -9 to the bars' page, over the ratchet of ${ratchet} B (wasm-pack.toml budget.map_${p.key}_ratchet_gzip).\n${report}`);
      const tight = (Math.ceil(beyond / KiB) + 1) * KiB;
      if (tight < ratchet) console.log(`    note: the ratchet could be ${tight} B: lower budget.map_${p.key}_ratchet_gzip to lock the gain in`);
    });
  }
});
