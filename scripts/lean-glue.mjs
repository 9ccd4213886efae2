// Shortens the loading code of a wasm-bindgen glue file (`--target web`):
// what every page downloads before a chart's first frame, about 300 B gzip
// of each build's script (issue 12). wasm-bindgen writes, for every module,
// code for callers this project does not have:
//   - init() and initSync() that also take a bare address or bytes, with
//     warnings that this form is deprecated (careto_viz.d.ts offers only
//     `{ module_or_path }` and `{ module }`);
//   - a TextEncoder `encodeInto` fallback (every browser careto-viz supports
//     has had encodeInto since 2021: Chromium 74, Firefox 66, Safari 14.1).
// The replacement keeps what readers and newsrooms can meet: a fetch that
// failed names the address and the HTTP status; a server that does not
// send `.wasm` as application/wasm still works (compiled from the bytes,
// with one console warning); a failed init is forgotten, so the next call
// tries again; init() once per module however many callers.
//
//   node scripts/lean-glue.mjs IN.js OUT.js
//
// Run by scripts/build-wasm.sh on every build's glue after short-names.mjs.
// Fails, writing nothing, if the glue does not have the shape it replaces
// (a wasm-bindgen upgrade then breaks the build, not the page).

import { readFileSync, writeFileSync } from "node:fs";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node scripts/lean-glue.mjs IN.js OUT.js");
  process.exit(2);
}

const die = (message) => {
  console.error(`lean-glue: ${input}: ${message}`);
  process.exit(1);
};

let glue = readFileSync(input, "utf8");

// The encodeInto fallback (only in glue that passes strings to the module).
const polyfill = /\nif \(!\('encodeInto' in cachedTextEncoder\)\) \{\n[\s\S]*?\n\}\n/;
if (glue.includes("'encodeInto' in cachedTextEncoder")) {
  if (!polyfill.test(glue)) die("the encodeInto fallback is not where expected");
  glue = glue.replace(polyfill, "\n");
}

// The loading code: from __wbg_load to the end, which exports init and initSync.
const start = glue.indexOf("\nasync function __wbg_load(module, imports) {");
if (start < 0) die("no __wbg_load");
const tail = glue.slice(start);
const wasmFile = /new URL\('([\w.-]+_bg\.wasm)', import\.meta\.url\)/.exec(tail)?.[1];
if (!wasmFile) die("no default .wasm address in the loading code");
const exported = /\nexport \{ initSync, __wbg_init as default \};\s*$/;
if (!exported.test(tail)) die("the loading code does not end by exporting initSync and __wbg_init");
for (const needed of ["function __wbg_get_imports()", "function __wbg_finalize_init(instance, module)", "let wasmModule, wasmInstance, wasm;"]) {
  if (!glue.slice(0, start).includes(needed)) die(`no ${needed}`);
}

const loading = `
async function __wbg_instantiate(source, imports) {
    if (!(source instanceof Response)) {
        const result = await WebAssembly.instantiate(source, imports);
        return result instanceof WebAssembly.Instance ? { instance: result, module: source } : result;
    }
    if (!source.ok) throw new Error(\`failed to fetch Wasm: \${source.status} \${source.statusText} fetching '\${source.url}'\`);
    try {
        return await WebAssembly.instantiateStreaming(source, imports);
    } catch (e) {
        if (source.headers.get('Content-Type') === 'application/wasm') throw e;
        console.warn('careto-viz: the server does not send .wasm as application/wasm: compiled from its bytes, more slowly', e);
        return WebAssembly.instantiate(await source.arrayBuffer(), imports);
    }
}

function initSync({ module }) {
    if (wasm !== undefined) return wasm;
    if (!(module instanceof WebAssembly.Module)) module = new WebAssembly.Module(module);
    return __wbg_finalize_init(new WebAssembly.Instance(module, __wbg_get_imports()), module);
}

let __wbg_init_promise;
async function __wbg_init({ module_or_path = new URL('${wasmFile}', import.meta.url) } = {}) {
    if (wasm !== undefined) return wasm;
    __wbg_init_promise ??= (async () => {
        let source = await module_or_path;
        if (typeof source === 'string' || source instanceof Request || source instanceof URL) source = await fetch(source);
        const { instance, module } = await __wbg_instantiate(source, __wbg_get_imports());
        return __wbg_finalize_init(instance, module);
    })();
    __wbg_init_promise.catch(() => { __wbg_init_promise = undefined; });
    return __wbg_init_promise;
}

export { initSync, __wbg_init as default };
`;

writeFileSync(output, glue.slice(0, start) + loading);
