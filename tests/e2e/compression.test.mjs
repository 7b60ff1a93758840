// The release build's precompressed files and the demo server that sends them: each .br and .gz
// decodes to its plain file, the server picks one by Accept-Encoding with the plain file's type,
// and the browser still compiles the wasm with instantiateStreaming (as it streams in, where the
// embed script doesn't check its integrity first: see README, "Strict Content-Security-Policy").

import { test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { serve } from "../../scripts/serve.mjs";
import { useBrowser, openWidget } from "./support.mjs";
import { GLUE, WASM as WASM_FILE, builtName } from "../../scripts/dist-files.mjs";

const dist = fileURLToPath(new URL("../../dist", import.meta.url));
const WASM = builtName(dist, WASM_FILE);

/** One GET with exactly the given headers (fetch would add and decode Accept-Encoding itself). */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

test("the release build has a .br and a .gz beside every .js, .wasm, .css and .html file, each decoding to it", () => {
  const names = readdirSync(dist);
  const plain = names.filter((name) => [".js", ".wasm", ".css", ".html"].includes(extname(name)));
  assert.ok(plain.includes(WASM) && plain.includes("email-troubleshooter.js") && plain.includes("index.html"));
  for (const name of plain) {
    const bytes = readFileSync(join(dist, name));
    assert.ok(brotliDecompressSync(readFileSync(join(dist, `${name}.br`))).equals(bytes), `${name}.br decodes to ${name}`);
    assert.ok(gunzipSync(readFileSync(join(dist, `${name}.gz`))).equals(bytes), `${name}.gz decodes to ${name}`);
  }
  // Nothing else gets a compressed copy, and no compressed copy is compressed again.
  for (const name of names.filter((name) => name.endsWith(".br") || name.endsWith(".gz"))) {
    assert.ok(plain.includes(name.slice(0, -3)), `${name} is the copy of a file the server may compress`);
  }
});

test("the demo server sends the wasm as brotli, gzip or plain by Accept-Encoding, always as application/wasm", async () => {
  const server = await serve({ mounts: { "/": dist } });
  try {
    const plain = readFileSync(join(dist, WASM));
    const url = `${server.url}/${WASM}`;
    const decode = { br: brotliDecompressSync, gzip: gunzipSync, undefined: (body) => body };
    const cases = [
      [undefined, undefined],
      ["identity", undefined],
      ["gzip", "gzip"],
      ["br", "br"],
      ["gzip, deflate, br, zstd", "br"],
      ["br;q=0, gzip;q=0.5", "gzip"],
      ["BR;Q=1", "br"],
      ["*", "br"],
      ["*;q=0", undefined],
      ["gzip;q=0, br;q=0", undefined],
      ["deflate", undefined],
    ];
    for (const [acceptEncoding, expected] of cases) {
      const { status, headers, body } = await get(url, acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding });
      const asked = `Accept-Encoding: ${acceptEncoding}`;
      assert.equal(status, 200, asked);
      assert.equal(headers["content-type"], "application/wasm", asked);
      assert.equal(headers["content-encoding"], expected, asked);
      assert.equal(headers.vary, "Accept-Encoding", asked);
      if (expected) assert.ok(body.length < plain.length / 2, `${asked}: sent compressed (${body.length} bytes)`);
      assert.ok(decode[expected](body).equals(plain), `${asked}: the bytes decode to the plain wasm`);
    }

    // The embed script and a page likewise, with their own types; other files as they are.
    const script = await get(`${server.url}/email-troubleshooter.js`, { "accept-encoding": "br" });
    assert.equal(script.headers["content-type"], "text/javascript; charset=utf-8");
    assert.ok(brotliDecompressSync(script.body).equals(readFileSync(join(dist, "email-troubleshooter.js"))));
    const page = await get(`${server.url}/`, { "accept-encoding": "gzip" });
    assert.equal(page.headers["content-type"], "text/html; charset=utf-8");
    assert.ok(gunzipSync(page.body).equals(readFileSync(join(dist, "index.html"))));

    // Off, the server sends every file as it is.
    const off = await serve({ mounts: { "/": dist }, precompressed: false });
    try {
      const { headers, body } = await get(`${off.url}/${WASM}`, { "accept-encoding": "br, gzip" });
      assert.equal(headers["content-encoding"], undefined);
      assert.ok(body.equals(plain));
    } finally {
      await off.close();
    }
  } finally {
    await server.close();
  }
});

test("a compressed copy older than its file is never sent: the plain file is", async () => {
  const folder = mkdtempSync(join(tmpdir(), "et-compression-"));
  const server = await serve({ mounts: { "/": folder } });
  try {
    for (const name of [WASM, `${WASM}.br`, `${WASM}.gz`]) cpSync(join(dist, name), join(folder, name));
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(folder, `${WASM}.br`), old, old);
    const { headers, body } = await get(`${server.url}/${WASM}`, { "accept-encoding": "br" });
    assert.equal(headers["content-encoding"], undefined, "the stale .br is not sent");
    assert.ok(body.equals(readFileSync(join(dist, WASM))));
    const gzip = await get(`${server.url}/${WASM}`, { "accept-encoding": "br, gzip" });
    assert.equal(gzip.headers["content-encoding"], "gzip", "the .gz, still as new, is");
  } finally {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

const env = useBrowser();

test("Chromium gets the wasm as brotli and compiles it with instantiateStreaming, with no fallback warning", async () => {
  const { context, page, problems } = await openWidget(env, "/", {});
  const warnings = [];
  page.on("console", (message) => warnings.push(message.text()));
  const encodings = new Map();
  page.on("response", async (response) => encodings.set(new URL(response.url()).pathname, (await response.allHeaders())["content-encoding"]));
  await page.reload();
  await page.locator("email-troubleshooter").getByRole("heading", { name: "Can't connect to your mailbox?" }).waitFor();
  await page.locator("email-troubleshooter").getByRole("radio", { name: "Yes", exact: true }).check();
  assert.equal(encodings.get(`/${WASM}`), "br");
  assert.equal(encodings.get(`/${builtName(dist, GLUE)}`), "br");
  assert.deepEqual(warnings.filter((text) => /instantiateStreaming|MIME/i.test(text)), []);
  assert.deepEqual(problems, []);
  await context.close();
});
