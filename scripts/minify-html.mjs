// The pages as a server sends them (make site): HTML comments (notes for
// the people who edit www/) taken out, and each line's indentation, and the
// lines left empty. Nothing else changes: no page of ours has <pre>,
// <textarea>, or inline <script> or <style> (tests/page/embed.test.mjs checks
// the last two), whose whitespace would count, and a page that had one is
// refused rather than minified wrongly. index.html: -330 B gzip.
//
//   node scripts/minify-html.mjs FILE...        rewrites each file in place

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** `html` minified as above; throws for a page whose whitespace could count. */
export function minifyHtml(html) {
  if (/<(pre|textarea|script(?![^>]*\bsrc=)|style)[\s>]/i.test(html)) {
    throw new Error("minify-html: a <pre>, <textarea>, inline <script> or <style>: its whitespace counts, so the page is left to a real minifier");
  }
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n")
    .concat("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) {
    try {
      writeFileSync(file, minifyHtml(readFileSync(file, "utf8")));
    } catch (error) {
      console.error(`${file}: ${error.message}`);
      process.exit(1);
    }
  }
}
