// Trunk post-build hook: minifies the JavaScript in the release bundle with terser.
// (Trunk's own JS minifier can't parse wasm-bindgen's glue, and leaves it as it is.)

import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("minify-js.mjs runs as a Trunk hook, with TRUNK_STAGING_DIR set");

if (process.env.TRUNK_PROFILE === "release") {
  for (const name of await readdir(staging)) {
    if (!name.endsWith(".js")) continue;
    const path = join(staging, name);
    const { code } = await minify(await readFile(path, "utf8"), { module: true, compress: { passes: 2 }, mangle: true });
    await writeFile(path, code);
  }
}
