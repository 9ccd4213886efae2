#!/usr/bin/env node
// The first-frame ratios of several `make bench` runs taken together. One
// run's 40 cold loads on a shared 2-core machine give a ratio whose 95 %
// interval is about ±0.12 wide (latest.md); runs of the same builds, each
// committed as bench/results/latest.json, say more together:
//
//   node bench/pool.mjs COMMIT...     # commits whose bench/results/latest.json to read
//
// For the bars (ours vs Chart.js) and the map (ours vs d3), above the empty
// page, as run.mjs reports them:
//   per run      (median of ours - median of the empty page) / (the same for the peer)
//   median       the median of those per-run ratios (the issues' targets are on one run's)
//   pooled       the sum over runs of what ours adds, over the sum of what the peer adds
//                (a busier run, with larger figures, weighs more), with a 95 %
//                bootstrap interval: every run's loads resampled, 4,000 times
//                (a fixed seed: the same runs give the same interval).
// It refuses runs whose first frames fetched other files: the gzip sizes
// (latest.json's `bytes`) of what the bars' and the map's pages fetch before
// their first frame must agree (the interaction layer and the details
// modules come after it, and may differ).

import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./load.mjs";
import { quantile, resampler } from "./stats.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const commits = process.argv.slice(2);
if (commits.length < 2 || commits.some((c) => c.startsWith("-"))) {
  console.error("usage: node bench/pool.mjs COMMIT COMMIT... (commits that hold a bench/results/latest.json)");
  process.exit(2);
}

const runs = commits.map((commit) => {
  let text;
  try {
    text = execFileSync("git", ["show", `${commit}:bench/results/latest.json`], { cwd: REPO, maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] }).toString();
  } catch {
    console.error(`bench/pool.mjs: ${commit} holds no bench/results/latest.json`);
    process.exit(2);
  }
  const json = JSON.parse(text);
  return { commit, at: json.machine?.git ?? "?", json };
});

// The same first frames: every file ours fetched before it, at the same gzip size.
const AFTER_FIRST_FRAME = /^pkg\/careto_viz_(interact|details_[a-z]+(_bg)?)\.(js|wasm)$/;
const firstFrameFiles = (files = {}) => Object.entries(files).filter(([name]) => !AFTER_FIRST_FRAME.test(name)).sort(([a], [b]) => (a < b ? -1 : 1));
const oursFiles = (json) => JSON.stringify([firstFrameFiles(json.bytes?.bench_page?.files), firstFrameFiles(json.bytes?.ours_map?.files)]);
const differ = runs.filter((r) => oursFiles(r.json) !== oursFiles(runs[0].json));
if (differ.length) {
  console.error(`bench/pool.mjs: these runs' first frames fetched other files than ${runs[0].commit}'s (latest.json's bytes differ): ${differ.map((r) => r.commit).join(", ")}`);
  process.exit(1);
}

const resample = resampler();
const loads = (json, page) => (json.samples?.[page]?.first_frame_ms?.samples ?? []).filter(Number.isFinite);

const fmt = (x) => x.toFixed(3);
console.log(`${runs.length} runs whose first frames fetched the same files: ${runs.map((r) => `${r.commit} (bench at ${r.at})`).join(", ")}`);
for (const [label, ours, peer, target] of [
  ["bars vs Chart.js", "ours-bars", "chartjs", 0.4],
  ["map vs d3", "ours-map", "d3map", 0.6],
]) {
  const per = runs.map(({ json }) => {
    const floor = median(loads(json, "empty"));
    return { ours: median(loads(json, ours)) - floor, peer: median(loads(json, peer)) - floor };
  });
  const ratios = per.map((r) => r.ours / r.peer);
  const pooled = per.reduce((s, r) => s + r.ours, 0) / per.reduce((s, r) => s + r.peer, 0);
  const boot = [];
  for (let i = 0; i < 4000; i++) {
    let o = 0;
    let p = 0;
    for (const { json } of runs) {
      const floor = median(resample(loads(json, "empty")));
      o += median(resample(loads(json, ours))) - floor;
      p += median(resample(loads(json, peer))) - floor;
    }
    boot.push(o / p);
  }
  const n = runs.reduce((s, { json }) => s + loads(json, ours).length, 0);
  const under = ratios.filter((r) => r <= target).length;
  console.log(`${label} (target ≤ ${target}×), above the empty page:`);
  console.log(`  per run: ${ratios.map(fmt).join(", ")} (${under} of ${ratios.length} at or under the target)`);
  console.log(`  median of the runs: ${fmt(median(ratios))}; pooled: ${fmt(pooled)} (95 % interval ${fmt(quantile(boot, 0.025))}-${fmt(quantile(boot, 0.975))}), ${n} cold loads of each page`);
}
