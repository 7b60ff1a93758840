// Trunk post-build hook, run in the staging directory's place before dist/ is replaced:
// 1. writes the files made from the content (locale-<lang>.js, article-<lang>.html) with
//    `cargo run -p email_troubleshooter_export`;
// 2. in release builds, minifies the JavaScript with terser (Trunk's own minifier can't parse
//    wasm-bindgen's glue, and leaves it as it is);
// 3. in release builds, renames every file the embed script loads to `<stem>.<hash><ext>` (the
//    first 16 hex digits of the SHA-384 of its bytes), so a CDN can keep them for good, and
//    writes the map of plain name to SRI into the embed script (which makes the hashed name from
//    it), whose own name stays; then `integrity.json`, the SRI (sha384) of the embed script and every hashed file;
// 4. in release builds, writes `<name>.br` (brotli, quality 11) and `<name>.gz` (gzip -9) beside
//    every .js, .wasm, .css and .html file, for a server that sends them precompressed
//    (scripts/serve.mjs does; see README, "Putting it on a page").
// The order matters: a file's hash is of its minified bytes, and the embed script's integrity of
// its bytes with the map in them.

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, rename, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { minify } from "terser";
import { ENTRY, HASH_LENGTH, stemAndExtension } from "./dist-files.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("post-build.mjs runs as a Trunk hook, with TRUNK_STAGING_DIR set");
const release = process.env.TRUNK_PROFILE === "release";

execFileSync("cargo", ["run", "--quiet", "-p", "email_troubleshooter_export", "--", staging], { stdio: "inherit" });

const minified = async (source) => (await minify(source, { module: true, compress: { passes: 2 }, mangle: true })).code;

if (release) {
  for (const name of await readdir(staging)) {
    // The locale files are written compact already; the embed script is minified once its map
    // is in it.
    if (!name.endsWith(".js") || name.startsWith("locale-") || name === ENTRY) continue;
    const path = join(staging, name);
    await writeFile(path, await minified(await readFile(path, "utf8")));
  }
}

/** The placeholder in embed/email-troubleshooter.js that the build fills with the map. */
const PLACEHOLDER = "const FILES = {};";

/** Whether the embed script loads `name`: a bundle's wasm or glue, the styles, a first screen,
 * a translation. The demo's own files (portal.js) aren't the widget's. */
const loadedByEntry = (name, names) =>
  name.endsWith("_bg.wasm") ||
  (name.endsWith(".js") && names.includes(`${stemAndExtension(name)[0]}_bg.wasm`)) ||
  /^(widget-styles|first-screen-[\w-]+|locale-[\w-]+)\.js$/.test(name);

const sri = (digest) => `sha384-${digest.toString("base64")}`;

if (release) {
  const names = await readdir(staging);
  const map = {};
  const integrity = {};
  for (const name of names.filter((name) => loadedByEntry(name, names)).sort()) {
    const digest = createHash("sha384").update(await readFile(join(staging, name))).digest();
    const [stem, ext] = stemAndExtension(name);
    const hashed = `${stem}.${digest.toString("hex").slice(0, HASH_LENGTH)}${ext}`;
    await rename(join(staging, name), join(staging, hashed));
    map[name] = sri(digest); // the embed script makes the hashed name from it
    integrity[hashed] = sri(digest);
  }
  const entryPath = join(staging, ENTRY);
  const source = await readFile(entryPath, "utf8");
  const found = source.split(PLACEHOLDER).length - 1;
  if (found !== 1) throw new Error(`${ENTRY} must hold "${PLACEHOLDER}" exactly once for the build's map of file names; found ${found}`);
  const entry = await minified(source.replace(PLACEHOLDER, `const FILES = ${JSON.stringify(map)};`));
  await writeFile(entryPath, entry);
  integrity[ENTRY] = sri(createHash("sha384").update(entry).digest());
  const sorted = Object.fromEntries(Object.keys(integrity).sort().map((name) => [name, integrity[name]]));
  await writeFile(join(staging, "integrity.json"), `${JSON.stringify(sorted, null, 2)}\n`);
}

/** The kinds of file a server may send precompressed. */
const COMPRESSIBLE = new Set([".js", ".wasm", ".css", ".html"]);

if (release) {
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
