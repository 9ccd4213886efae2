// The social cards of `make site` (issue 17.4): dist/img/card-<view>-<lang>.png
// (1200 x 630, drawn by the native renderer; their pixels are checked by
// tests/cards.rs) and the og:/twitter: tags of index.html, embed.html and the
// pages to share each view by (chart-<view>-<lang>.html) that point at them,
// absolute from SITE_URL; and how `make site` treats SITE_URL.
//
//   make site SITE_URL=https://… && SITE_URL=https://… node --test tests/page/cards.test.mjs
//   (make test-page does both, with the Makefile's TEST_SITE_URL)

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT, SITE_DIR as DIST } from "./browser.mjs";

const VIEWS = ["bars", "timeline", "profile", "map"];
const LANGS = ["en", "es"];
// The address dist/ was built for: the Makefile passes it; by hand, any absolute one.
const SITE_URL = process.env.SITE_URL?.replace(/\/$/, "");

/** Width and height of a PNG file, from its IHDR chunk (after checking the signature). */
function pngSize(bytes) {
  assert.ok(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), "not a PNG file");
  assert.equal(bytes.subarray(12, 16).toString("latin1"), "IHDR");
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** The content of each <meta property|name=…> of `html`, by key. */
function metaTags(html) {
  const tags = new Map();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    const key = /\b(?:property|name)="([^"]+)"/.exec(tag)?.[1];
    const content = /\bcontent="([^"]*)"/.exec(tag)?.[1];
    if (key && content !== undefined) tags.set(key, content);
  }
  return tags;
}

describe("social cards in dist/", () => {
  it("has a 1200 x 630 PNG card for every view and language", async () => {
    for (const view of VIEWS) {
      for (const lang of LANGS) {
        const file = path.join(DIST, "img", `card-${view}-${lang}.png`);
        const bytes = await readFile(file).catch(() => null);
        assert.ok(bytes, `${path.relative(REPO_ROOT, file)} is missing: run make site`);
        assert.deepEqual(pngSize(bytes), [1200, 630], `card-${view}-${lang}.png`);
      }
    }
  });

  for (const page of ["index.html", "embed.html"]) {
    it(`${page} names its card with absolute og:image and twitter:card summary_large_image`, async () => {
      const tags = metaTags(await readFile(path.join(DIST, page), "utf8"));
      const image = tags.get("og:image");
      assert.ok(image, `${page}: no og:image`);
      assert.match(image, /^https?:\/\/[^/]+(\/.*)?\/img\/card-(bars|timeline|profile|map)-(en|es)\.png$/, `${page}: og:image "${image}" is not an absolute card URL`);
      // Both pages' default view is the bars, in English.
      if (SITE_URL !== undefined) assert.equal(image, `${SITE_URL}/img/card-bars-en.png`, `${page}: og:image is not built from SITE_URL`);
      const file = path.join(DIST, "img", path.basename(new URL(image).pathname));
      assert.deepEqual(pngSize(await readFile(file)), [1200, 630], `${page}: ${image} is not a card in dist/`);
      assert.equal(tags.get("og:image:width"), "1200");
      assert.equal(tags.get("og:image:height"), "630");
      assert.ok(tags.get("og:image:alt")?.length > 20, `${page}: og:image:alt`);
      assert.equal(tags.get("twitter:card"), "summary_large_image");
      for (const key of ["og:title", "og:description"]) assert.ok(tags.get(key)?.trim(), `${page}: no ${key}`);
    });
  }
});

describe("a page to share each view by (chart-<view>-<lang>.html)", () => {
  for (const view of VIEWS) {
    for (const lang of LANGS) {
      it(`chart-${view}-${lang}.html shows the ${view} card in ${lang}, absolute from SITE_URL`, async () => {
        const page = `chart-${view}-${lang}.html`;
        const html = await readFile(path.join(DIST, page), "utf8").catch(() => null);
        assert.ok(html, `dist/${page} is missing: run make site`);
        const tags = metaTags(html);
        const image = tags.get("og:image");
        if (SITE_URL !== undefined) assert.equal(image, `${SITE_URL}/img/card-${view}-${lang}.png`, page);
        else assert.match(image, new RegExp(`/img/card-${view}-${lang}\\.png$`), page);
        assert.deepEqual(pngSize(await readFile(path.join(DIST, "img", `card-${view}-${lang}.png`))), [1200, 630]);
        assert.match(html, new RegExp(`<html lang="${lang}" data-view="${view}" data-lang="${lang}">`), page);
        assert.equal(/<title>([^<]*)<\/title>/.exec(html)?.[1], tags.get("og:title"), `${page}: <title> is the card's title`);
        assert.doesNotMatch(html, /<!--/, `${page}: minified like the other pages`);
      });
    }
  }
});

describe("make site and SITE_URL", () => {
  // Only the check runs (`make site-url`, the first prerequisite of `site`):
  // nothing is built.
  const make = (args, env) => {
    const clean = { ...process.env, ...env };
    if (!("SITE_URL" in env)) delete clean.SITE_URL;
    delete clean.MAKEFLAGS;
    delete clean.MFLAGS;
    return spawnSync("make", ["-s", "--no-print-directory", "site-url", ...args], { cwd: REPO_ROOT, env: clean, encoding: "utf8" });
  };

  it("refuses to start without SITE_URL, saying what it is for", () => {
    const r = make([], {});
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /make site: SITE_URL is required: the address dist\/ will be served from, for the social cards' absolute URLs/);
    assert.match(r.stderr, /e\.g\. make site SITE_URL=https:\/\/graphics\.example\.org\/careto/);
  });

  it("refuses an address that is not http(s) or has a query", () => {
    for (const bad of ["ftp://example.org/careto", "graphics.example.org/careto", "https://example.org/careto?x=1", "https://example.org/it's"]) {
      const r = make([`SITE_URL=${bad}`], {});
      assert.notEqual(r.status, 0, bad);
      assert.match(r.stderr, /is not an http\(s\) address of a folder/, bad);
    }
  });

  it("takes an address (from the command line or the environment), and an empty one for relative URLs", () => {
    assert.equal(make(["SITE_URL=https://graphics.example.org/careto/"], {}).status, 0);
    assert.equal(make([], { SITE_URL: "http://127.0.0.1:8080/careto-viz" }).status, 0);
    const empty = make(["SITE_URL="], {});
    assert.equal(empty.status, 0);
    assert.match(empty.stderr, /SITE_URL is empty: the pages' card URLs stay relative/);
  });
});
