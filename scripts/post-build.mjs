// Trunk post-build hook, run in the staging directory's place before dist/ is replaced:
// 1. writes the files made from the content (locale-<lang>.js, article-<lang>.html) with
//    `cargo run -p email_troubleshooter_export`;
// 2. in release builds, minifies the JavaScript with terser (Trunk's own minifier can't parse
//    wasm-bindgen's glue, and leaves it as it is).

import { execFileSync } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
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
