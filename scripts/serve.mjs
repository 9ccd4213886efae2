#!/usr/bin/env node
// Zero-dependency static file server for the demo page and the page tests.
//
//   node scripts/serve.mjs [ROOT]          # ROOT defaults to www/, PORT env defaults to 8080
//   import { startServer } from "./scripts/serve.mjs";
//   const { server, url } = await startServer({ root: "www", port: 0 }); // 0 = any free port
//
// Binds 127.0.0.1 only. Sends the page's Content-Security-Policy, so the page
// must keep every script and style in files (no inline <script> or style=).
// Sends `Access-Control-Allow-Origin: *`, as a host of dist/ must (README,
// "Serving dist/"): a newsroom's page on another origin imports the embed
// script and fetches the .wasm with CORS, and so does a frame sandboxed
// without allow-same-origin (its origin is opaque).

import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HOST = "127.0.0.1";

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

const COMMON_HEADERS = {
  "Cache-Control": "no-cache",
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  // Every file is public and read without cookies: any origin may read it.
  "Access-Control-Allow-Origin": "*",
};

function sendError(res, status, message) {
  res.writeHead(status, { ...COMMON_HEADERS, "Content-Type": "text/plain; charset=utf-8" });
  res.end(`${status} ${message}\n`);
}

/** Maps a request path to a file under root, or null if it would leave root. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const file = path.resolve(root, "." + path.posix.normalize("/" + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

async function handle(root, req, res, hooks) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    return sendError(res, 405, "Method Not Allowed");
  }
  const { pathname } = new URL(req.url ?? "/", "http://localhost");
  const wait = hooks.delay?.(pathname);
  if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
  const extra = hooks.files?.[pathname];
  if (extra !== undefined) {
    res.writeHead(200, { ...COMMON_HEADERS, "Content-Type": MIME[path.extname(pathname)] ?? "text/plain" });
    return res.end(req.method === "HEAD" ? undefined : extra);
  }
  let file = resolveInside(root, pathname);
  if (file === null) return sendError(res, 403, "Forbidden");
  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) {
      if (!pathname.endsWith("/")) {
        res.writeHead(301, { ...COMMON_HEADERS, Location: pathname + "/" });
        return res.end();
      }
      file = path.join(file, "index.html");
      info = await stat(file);
    }
  } catch {
    return sendError(res, 404, "Not Found");
  }
  if (!info.isFile()) return sendError(res, 404, "Not Found");
  // A symlink inside root must not lead out of it either.
  const real = await realpath(file);
  if (!real.startsWith(root + path.sep)) return sendError(res, 403, "Forbidden");
  const type = MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  if (hooks.head && type.startsWith("text/html")) return sendHtml(res, req, await readFile(file, "utf8"), hooks.head);
  res.writeHead(200, { ...COMMON_HEADERS, "Content-Type": type, "Content-Length": info.size });
  if (req.method === "HEAD") return res.end();
  const stream = createReadStream(file);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}

/** An HTML page with `head` (markup) inserted at the start of its <head>. */
function sendHtml(res, req, html, head) {
  const body = Buffer.from(html.replace(/<head>/i, (tag) => tag + head));
  res.writeHead(200, { ...COMMON_HEADERS, "Content-Type": MIME[".html"], "Content-Length": body.length });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * Starts serving `root` on 127.0.0.1:`port` (0 picks a free port).
 * Resolves to { server, url, port, close } where url ends in "/".
 * Tests may pass `head` (markup put first in every page's <head>), `files` (more
 * files by absolute path: { "/x.js": "text" }; the cross-engine tests' error
 * probe, tests/page/engines.mjs), `onError(status, url)`, told of every
 * answer of 400 or more, and `delay(pathname)`: milliseconds to wait before
 * answering (a slow network for one file).
 */
export async function startServer({ root = "www", port = 8080, log = false, head = "", files, onError, delay } = {}) {
  const realRoot = await realpath(path.resolve(root));
  const server = createServer((req, res) => {
    handle(realRoot, req, res, { head, files, delay })
      .catch(() => sendError(res, 500, "Internal Server Error"))
      .finally(() => {
        if (onError && res.statusCode >= 400) onError(res.statusCode, req.url);
        if (log) console.log(`${res.statusCode} ${req.method} ${req.url}`);
      });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actual = server.address().port;
  const close = () =>
    new Promise((done) => {
      server.closeAllConnections?.();
      server.close(() => done());
    });
  return { server, port: actual, url: `http://${HOST}:${actual}/`, close };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = process.argv[2] ?? path.join(here, "..", "www");
  const port = Number.parseInt(process.env.PORT ?? "8080", 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve.mjs: bad PORT ${process.env.PORT}`);
    process.exit(2);
  }
  const { url } = await startServer({ root, port, log: process.env.QUIET !== "1" }).catch((err) => {
    console.error(`serve.mjs: cannot listen on ${HOST}:${port}: ${err.message}`);
    process.exit(1);
  });
  console.log(`Serving ${path.resolve(root)} at ${url}  (Ctrl-C to stop)`);
  const stop = () => process.exit(0);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
