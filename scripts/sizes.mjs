// The bytes the widget costs a visitor: raw, gzip -9 and brotli (quality 11), file by file.
// `node scripts/sizes.mjs [dist]` prints them (`make size`); the size budget test and
// `make bench` use the same lists.

import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

/** What a first visit to a page with the widget in English downloads, beyond the page itself. */
export const FIRST_VISIT = ["email-troubleshooter.js", "email_troubleshooter.js", "email_troubleshooter_bg.wasm"];

/** Parts loaded only when used, each counted on its own. */
export const LOADED_WHEN_USED = {
  "a page in Spanish": ["locale-es.js"],
  "a page in German": ["locale-de.js"],
  "a page that gives its own checklist (instead of the usual wasm and glue)": [
    "email_troubleshooter_host_checklist.js",
    "email_troubleshooter_host_checklist_bg.wasm",
  ],
};

/** Raw, gzip -9 and brotli sizes of some bytes. */
export function sizesOf(bytes) {
  return {
    raw: bytes.length,
    // GNU gzip itself: its deflate differs from zlib's by a few bytes per hundred.
    gzip: execFileSync("gzip", ["-9", "-n", "-c"], { input: bytes, maxBuffer: 1 << 26 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Each file's sizes, and their total. Throws if a file is missing (run `make dist`). */
export function measure(dist, names) {
  const files = names.map((name) => {
    const path = join(dist, name);
    let bytes;
    try {
      bytes = readFileSync(path);
    } catch {
      throw new Error(`${path} is missing: run make dist`);
    }
    return { name, ...sizesOf(bytes) };
  });
  const total = { name: "total", raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) for (const key of ["raw", "gzip", "brotli"]) total[key] += file[key];
  return { files, total };
}

/** A table of measured files, as `make size` and `make bench` print it. */
export function table(title, { files, total }) {
  const row = (name, raw, gzip, brotli) =>
    `  ${String(name).padEnd(40)} ${String(raw).padStart(9)} ${String(gzip).padStart(9)} ${String(brotli).padStart(9)}`;
  return [
    title,
    row("file", "raw", "gzip -9", "brotli"),
    ...files.map((f) => row(f.name, f.raw, f.gzip, f.brotli)),
    row(total.name, total.raw, total.gzip, total.brotli),
  ].join("\n");
}

/** The widget's minified CSS, which build.rs compiles into the wasm (the newest build's). */
function widgetCss() {
  const root = "target/wasm32-unknown-unknown/release/build";
  let newest;
  try {
    for (const dir of readdirSync(root)) {
      if (!dir.startsWith("email_troubleshooter-")) continue;
      const path = join(root, dir, "out", "widget.min.css");
      try {
        const time = statSync(path).mtimeMs;
        if (!newest || time > newest.time) newest = { path, time };
      } catch {
        // a build directory without CSS: not this crate's build script output
      }
    }
  } catch {
    return undefined;
  }
  return newest && sizesOf(readFileSync(newest.path));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? "dist";
  console.log(table("first visit (English):", measure(dist, FIRST_VISIT)));
  const css = widgetCss();
  if (css) console.log(`  of which the widget's CSS, inside the wasm: ${css.raw} raw, ${css.gzip} gzip, ${css.brotli} brotli`);
  for (const [when, names] of Object.entries(LOADED_WHEN_USED)) {
    console.log(table(`loaded only for ${when}:`, measure(dist, names)));
  }
}
