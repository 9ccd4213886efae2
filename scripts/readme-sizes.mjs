#!/usr/bin/env node
// The download sizes the README states, from the build's own output: each
// figure is marked <!--gzip:FILE+FILE-->N.N KB, where N.N is the gzip -9
// size in kB (1,000 bytes) of those files under www/, as `make build` left
// them. tests/page/package.test.mjs checks every marked figure;
//
//   node scripts/readme-sizes.mjs           lists them, exit 1 if one is stale
//   node scripts/readme-sizes.mjs --write   rewrites the stale ones

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const README = path.join(ROOT, "README.md");
const MARK = /<!--gzip:([^>]+?)-->(\d+(?:\.\d)?) KB/g;

/** Every marked figure: { files, stated, measured } (measured in kB, one decimal, as text). */
export function readmeSizes(text = readFileSync(README, "utf8")) {
  return [...text.matchAll(MARK)].map(([, list, stated]) => {
    const files = list.split("+");
    const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(path.join(ROOT, "www", f)), { level: 9 }).length, 0);
    return { files, stated, measured: (bytes / 1000).toFixed(1) };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = readFileSync(README, "utf8");
  const sizes = readmeSizes(text);
  for (const s of sizes) console.log(`${s.stated === s.measured ? "ok   " : "STALE"} ${s.files.join(" + ")}: README ${s.stated} KB, build ${s.measured} KB`);
  const stale = sizes.some((s) => s.stated !== s.measured);
  if (process.argv.includes("--write")) {
    let i = 0;
    writeFileSync(README, text.replace(MARK, (_, list) => `<!--gzip:${list}-->${sizes[i++].measured} KB`));
  } else if (stale) {
    process.exitCode = 1;
  }
}
