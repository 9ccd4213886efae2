// Shortens the names by which a wasm-bindgen module and its glue call each
// other: every import's field name (`__wbg_fillText_c178907cfade5c8c`) and
// the exports the glue calls (`chart_draw`) become one or two letters, in the
// wasm binary and in the glue alike. The hashes in wasm-bindgen's import names
// are what gzip cannot squeeze: 55 of them cost the article kernel about
// 1.4 KB gzip in the wasm and as much again in the glue (issue 12).
//
//   node scripts/short-names.mjs IN.wasm IN.js OUT.wasm OUT.js
//
// Run by scripts/build-wasm.sh after wasm-opt, before esbuild bundles the
// glue. The imports' module name (`./careto_viz_bg.js`, once in the glue,
// 50 times in the wasm) becomes one letter too (-73 B gzip on the article
// kernel, measured 2026-12-01). Kept as they are: the exports
// that pages and tests may read from what init() returns (`memory`,
// `__wbindgen_externrefs`) or that the glue does not call. Fails, writing
// nothing, if a name is not found in the glue exactly where expected, so a
// wasm-bindgen upgrade that changes the glue's shape breaks the build, not
// the page.

import { readFileSync, writeFileSync } from "node:fs";

const KEEP_EXPORTS = new Set(["memory", "__wbindgen_externrefs"]);

const die = (message) => {
  console.error(`short-names: ${message}`);
  process.exit(1);
};

/** Unsigned LEB128 at `pos`: [value, next position]. */
function leb(bytes, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    if (b === undefined) die("truncated LEB128");
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return [value, pos];
  }
}

function encodeLeb(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

const text = new TextDecoder("utf-8", { fatal: true });
const utf8 = new TextEncoder();

/** A name at `pos`: [string, next position]. */
function name(bytes, pos) {
  const [len, start] = leb(bytes, pos);
  return [text.decode(bytes.subarray(start, start + len)), start + len];
}

const encodeName = (s) => {
  const b = utf8.encode(s);
  return [...encodeLeb(b.length), ...b];
};

/** Skips limits (of a table or a memory) at `pos`. */
function skipLimits(bytes, pos) {
  const flags = bytes[pos++];
  [, pos] = leb(bytes, pos);
  if (flags & 1) [, pos] = leb(bytes, pos);
  return pos;
}

/** Skips an import's description at `pos` (kind byte first). */
function skipImportDesc(bytes, pos) {
  const kind = bytes[pos++];
  switch (kind) {
    case 0: // function: type index
      return leb(bytes, pos)[1];
    case 1: // table: reference type, limits
      return skipLimits(bytes, pos + 1);
    case 2: // memory: limits
      return skipLimits(bytes, pos);
    case 3: // global: value type, mutability
      return pos + 2;
    case 4: // tag: attribute, type index
      return leb(bytes, pos + 1)[1];
    default:
      return die(`unknown import kind ${kind}`);
  }
}

/** `a`, `b`, … `Z`, `aa`, `ab`, …: the i-th short name (no `$`, `_`, digits first). */
function shortName(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let s = "";
  do {
    s = letters[i % letters.length] + s;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return s;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** How often `re` matches in `js`. */
const count = (js, re) => (js.match(re) ?? []).length;

const [inWasm, inJs, outWasm, outJs] = process.argv.slice(2);
if (!outJs) die("usage: node scripts/short-names.mjs IN.wasm IN.js OUT.wasm OUT.js");
const bytes = readFileSync(inWasm);
let js = readFileSync(inJs, "utf8");
if (bytes.readUInt32LE(0) !== 0x6d736100) die(`${inWasm} is not a wasm module`);

let next = 0;
// Each import module's short name (the glue names each once, as a quoted key).
const modules = new Map();
function moduleName(module) {
  let short = modules.get(module);
  if (short !== undefined) return short;
  short = shortName(modules.size);
  const key = `"${module}": `;
  if (js.split(key).length !== 2) die(`import module ${module}: expected once as a key in ${inJs}`);
  js = js.replace(key, `${short}: `);
  modules.set(module, short);
  return short;
}
const sections = [bytes.subarray(0, 8)];
let pos = 8;
while (pos < bytes.length) {
  const id = bytes[pos];
  const [size, body] = leb(bytes, pos + 1);
  const end = body + size;
  if (id === 2 || id === 7) {
    const out = [];
    let [n, p] = leb(bytes, body);
    out.push(...encodeLeb(n));
    for (let i = 0; i < n; i++) {
      if (id === 2) {
        let module, field;
        [module, p] = name(bytes, p);
        [field, p] = name(bytes, p);
        const descStart = p;
        p = skipImportDesc(bytes, p);
        // The glue defines each import once, as a key of its imports object.
        const key = new RegExp(`(?<![\\w$])${escape(field)}(?=: )`, "g");
        if (count(js, key) !== 1) die(`import ${field}: expected once as a key in ${inJs}, found ${count(js, key)} times`);
        const short = shortName(next++);
        js = js.replace(key, short);
        out.push(...encodeName(moduleName(module)), ...encodeName(short), ...bytes.subarray(descStart, p));
      } else {
        let field;
        [field, p] = name(bytes, p);
        const descStart = p;
        p = leb(bytes, p + 1)[1];
        const use = new RegExp(`\\bwasm\\.${escape(field)}(?![\\w$])`, "g");
        let short = field;
        if (!KEEP_EXPORTS.has(field) && count(js, use) > 0) {
          short = shortName(next++);
          js = js.replace(use, `wasm.${short}`);
        }
        out.push(...encodeName(short), ...bytes.subarray(descStart, p));
      }
    }
    if (p !== end) die(`section ${id}: read ${p - body} of ${size} bytes`);
    sections.push(Uint8Array.of(id, ...encodeLeb(out.length)), Uint8Array.from(out));
  } else {
    sections.push(bytes.subarray(pos, end));
  }
  pos = end;
}
writeFileSync(outWasm, Buffer.concat(sections.map((s) => Buffer.from(s.buffer, s.byteOffset, s.byteLength))));
writeFileSync(outJs, js);
console.log(`short-names: ${next} names shortened (${inWasm})`);
