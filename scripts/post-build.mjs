// Trunk post-build hook, run in the staging directory's place before dist/ is replaced:
// 1. writes the files made from the content (locale-<lang>.js, article-<lang>.html) with
//    `cargo run -p email_troubleshooter_export`;
// 2. in release builds, minifies the JavaScript with terser (Trunk's own minifier can't parse
//    wasm-bindgen's glue, and leaves it as it is);
// 3. in release builds, writes `<name>.br` (brotli, quality 11) and `<name>.gz` (gzip -9) beside
//    every .js, .wasm, .css and .html file, for a server that sends them precompressed
//    (scripts/serve.mjs does; see README, "Putting it on a page").

import { execFileSync } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { minify } from "terser";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("post-build.mjs runs as a Trunk hook, with TRUNK_STAGING_DIR set");

execFileSync("cargo", ["run", "--quiet", "-p", "email_troubleshooter_export", "--", staging], { stdio: "inherit" });

if (process.env.TRUNK_PROFILE === "release") {
  for (const name of await readdir(staging)) {
    // The locale files are written compact already.
    if (!name.endsWith(".js") || name.startsWith("locale-")) continue;
    const path = join(staging, name);
    const { code } = await minify(await readFile(path, "utf8"), { module: true, compress: { passes: 2 }, mangle: true });
    await writeFile(path, code);
  }
}

/** The kinds of file a server may send precompressed. */
const COMPRESSIBLE = new Set([".js", ".wasm", ".css", ".html"]);

if (process.env.TRUNK_PROFILE === "release") {
  for (const name of await readdir(staging)) {
    if (!COMPRESSIBLE.has(extname(name))) continue;
    const path = join(staging, name);
    const bytes = await readFile(path);
    const brotli = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
        [constants.BROTLI_PARAM_MODE]: name.endsWith(".wasm") ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    // Written after the plain file, so newer than it: the server sends a compressed file only
    // when it is (a plain file edited by hand afterwards is never shadowed by a stale copy).
    await writeFile(`${path}.br`, brotli);
    await writeFile(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  }
}
