// A small static file server for the demo and the end-to-end tests, on 127.0.0.1 only.
//
//   node scripts/serve.mjs [dir] [port]     serves dir (default dist) at / on port (default 8080)
//
// As a module, `serve({ mounts, port, headers })` serves several folders, each under its own
// path prefix, so tests can put dist/ somewhere a host page doesn't expect it.
//
// A .js, .wasm, .css or .html file with a `<name>.br` or `<name>.gz` beside it (a release build
// writes both) is sent compressed to a browser that accepts that encoding, brotli first, with
// `Content-Encoding` and the plain file's type; anyone else gets the plain file.
//
// A file with a content hash in its name (`<stem>.<16 hex digits><ext>`, as a release build names
// what the embed script loads) is sent as cacheable for a year and never revalidated: a new
// build gives changed bytes a new name. Everything else (the embed script, pages) is sent
// `no-cache`, so a browser asks again each time and picks up a new build's names at once.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { basename, extname, join, normalize, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/** Precompressed siblings, the preferred first: [file suffix, Content-Encoding token]. */
const ENCODINGS = [
  [".br", "br"],
  [".gz", "gzip"],
];
const COMPRESSIBLE = new Set([".js", ".wasm", ".css", ".html"]);

/** The Cache-Control a file is sent with: for good if its name carries its content's hash. */
export function cachePolicy(file) {
  return /\.[0-9a-f]{16}\.[a-z]+$/.test(basename(file)) ? "public, max-age=31536000, immutable" : "no-cache";
}

/**
 * @param {{ mounts: Record<string, string>, port?: number, headers?: (path: string) => Record<string, string>,
 *           override?: (path: string) => { status: number, body?: string, type?: string } | undefined,
 *           route?: (path: string, request: import("node:http").IncomingMessage,
 *                    response: import("node:http").ServerResponse) => boolean }} options
 *   mounts: URL prefix (ending in "/") to folder; the longest matching prefix wins.
 *   headers: extra response headers for a path (a Content-Security-Policy, say); they replace
 *     the server's own, Cache-Control included (files: see cachePolicy; other answers: no-store).
 *   override: a canned answer for a path, instead of a file (a 404 for the wasm, say).
 *   route: answers a path itself (or never: a download that hangs) and returns true, or returns
 *     false to let the server answer as usual. A route that keeps a response open must end it
 *     before close() can finish.
 *   precompressed: whether to send a file's .br or .gz copy where the request accepts it (default
 *     true); false sends every file as it is.
 * @returns {Promise<{ url: string, close: () => Promise<void>, requests: string[] }>}
 */
export async function serve({ mounts, port = 0, headers = () => ({}), override = () => undefined, route = () => false, precompressed = true }) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const requests = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
    requests.push(path);
    if (route(path, request, response)) return;
    const given = headers(path);
    const extra = { "cache-control": "no-store", ...given };
    const canned = override(path);
    if (canned) {
      response.writeHead(canned.status, { "content-type": canned.type ?? "text/plain", ...extra });
      response.end(canned.body ?? "");
      return;
    }
    const prefix = prefixes.find((p) => path.startsWith(p));
    if (!prefix) return notFound(response, extra);
    const root = resolve(mounts[prefix]);
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) return notFound(response, extra);
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, "index.html");
        info = await stat(file);
      }
      const type = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": cachePolicy(file), ...given };
      if (!COMPRESSIBLE.has(extname(file))) {
        response.writeHead(200, { ...extra, ...type });
        response.end(await readFile(file));
        return;
      }
      // The answer depends on Accept-Encoding, whichever file is sent.
      const vary = { vary: "Accept-Encoding" };
      const compressed = precompressed ? await compressedCopy(file, info, request.headers["accept-encoding"]) : undefined;
      if (compressed) {
        response.writeHead(200, { ...extra, ...type, "content-encoding": compressed.encoding, ...vary });
        response.end(compressed.body);
        return;
      }
      response.writeHead(200, { ...extra, ...type, ...vary });
      response.end(await readFile(file));
    } catch {
      notFound(response, extra);
    }
  });
  await new Promise((ready) => server.listen(port, "127.0.0.1", ready));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/**
 * The first precompressed copy of `file` that the request's Accept-Encoding allows and that is
 * at least as new as the file itself (a stale copy is never sent), or undefined.
 */
async function compressedCopy(file, info, acceptEncoding) {
  const accepted = acceptedEncodings(acceptEncoding ?? "");
  for (const [suffix, encoding] of ENCODINGS) {
    if (!accepted(encoding)) continue;
    try {
      const copy = await stat(file + suffix);
      if (!copy.isFile() || copy.mtimeMs < info.mtimeMs) continue;
      return { encoding, body: await readFile(file + suffix) };
    } catch {
      // no such copy: try the next encoding
    }
  }
  return undefined;
}

/**
 * Reads an Accept-Encoding header (RFC 9110, 12.5.3): returns whether a coding is acceptable,
 * named with a quality above 0, or not named while `*` is.
 */
export function acceptedEncodings(header) {
  const quality = new Map();
  for (const part of String(header).split(",")) {
    const [token, ...params] = part.split(";").map((piece) => piece.trim());
    if (!token) continue;
    let q = 1;
    for (const param of params) {
      const match = /^q\s*=\s*([0-9.]+)$/i.exec(param);
      if (match) q = Number(match[1]);
    }
    quality.set(token.toLowerCase(), Number.isFinite(q) ? q : 0);
  }
  return (coding) => {
    const q = quality.has(coding) ? quality.get(coding) : quality.get("*");
    return q !== undefined && q > 0;
  };
}

function notFound(response, extra) {
  response.writeHead(404, { "content-type": "text/plain", ...extra });
  response.end("not found");
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = "dist", port = "8080"] = process.argv.slice(2);
  const { url } = await serve({ mounts: { "/": dir }, port: Number(port) });
  console.log(`Serving ${dir}/ at ${url}/ (Ctrl-C to stop)`);
}
