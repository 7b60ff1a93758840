// The bytes the widget costs a visitor: raw, gzip -9 and brotli (quality 11), file by file.
// `node scripts/sizes.mjs [dist]` prints them (`make size`); the size budget test and
// `make bench` use the same lists.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";
import { ENTRY, GLUE, HOST_CHECKLIST_GLUE, HOST_CHECKLIST_WASM, WASM, builtName } from "./dist-files.mjs";

/** What a first visit in English downloads before its first interaction: the embed script,
 * the widget's CSS and the first screen, rendered at build time (issue 14). */
export const BEFORE_FIRST_INTERACTION = [ENTRY, "widget-styles.js", "first-screen-en.js"];

/** The full bundle, fetched when the browser is idle or at the first interaction (and at once
 * for a returning visitor): the wasm-bindgen glue and the wasm. */
export const FULL_BUNDLE = [GLUE, WASM];

/** What a first visit in English downloads, each part measured and budgeted on its own. */
export const FIRST_VISIT_PARTS = {
  "before the first interaction (English)": BEFORE_FIRST_INTERACTION,
  "the full bundle": FULL_BUNDLE,
};

/** Everything a first visit in English downloads, sooner or later: both parts. */
export const FIRST_VISIT = Object.values(FIRST_VISIT_PARTS).flat();

/** Parts loaded only when used, each counted on its own. */
export const LOADED_WHEN_USED = {
  "a page in Spanish": ["locale-es.js", "first-screen-es.js"],
  "a page in German": ["locale-de.js", "first-screen-de.js"],
  "a page that gives its own checklist (instead of the usual wasm and glue)": [HOST_CHECKLIST_GLUE, HOST_CHECKLIST_WASM],
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

/**
 * Each file's sizes, and their total; files are named by their plain names, and read under the
 * content-hashed names dist/integrity.json lists. A missing file throws (run `make dist`), unless
 * `allowMissing`: then it is a row without sizes, named in `missing`, and left out of the total.
 */
export function measure(dist, names, { allowMissing = false } = {}) {
  const missing = [];
  const files = names.map((name) => {
    const path = join(dist, builtName(dist, name));
    let bytes;
    try {
      bytes = readFileSync(path);
    } catch {
      if (!allowMissing) throw new Error(`${path} is missing: run make dist`);
      missing.push(name);
      return { name, raw: undefined, gzip: undefined, brotli: undefined };
    }
    return { name, ...sizesOf(bytes) };
  });
  const total = { name: missing.length ? "total of the files there" : "total", raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) if (!missing.includes(file.name)) for (const key of ["raw", "gzip", "brotli"]) total[key] += file[key];
  return { files, total, missing };
}

/** One line naming the files missing from dist, and what to do; undefined when none is. */
export function missingMessage(dist, missing) {
  if (missing.length === 0) return undefined;
  return `missing from ${dist}/: ${missing.join(", ")}. Run make dist; a file still missing after it is one ` +
    `this build doesn't write (the first-screen and widget-styles files come with issue 14's facade).`;
}

/** A table of measured files, as `make size` and `make bench` print it. */
export function table(title, { files, total }) {
  const row = (name, raw, gzip, brotli) =>
    `  ${String(name).padEnd(40)} ${String(raw).padStart(9)} ${String(gzip).padStart(9)} ${String(brotli).padStart(9)}`;
  return [
    title,
    row("file", "raw", "gzip -9", "brotli"),
    ...files.map((f) => (f.raw === undefined ? row(f.name, "missing", "", "") : row(f.name, f.raw, f.gzip, f.brotli))),
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

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = process.argv[2] ?? "dist";
  const missing = [];
  const print = (title, names) => {
    const measured = measure(dist, names, { allowMissing: true });
    missing.push(...measured.missing);
    console.log(table(title, measured));
    return measured;
  };
  const parts = Object.entries(FIRST_VISIT_PARTS).map(([part, names]) => print(`first visit, ${part}:`, names));
  // Before issue 14 the wasm carried the CSS; once widget-styles.js exists it no longer does.
  const css = existsSync(join(dist, builtName(dist, "widget-styles.js"))) ? undefined : widgetCss();
  if (css) console.log(`  the widget's CSS, inside the wasm: ${css.raw} raw, ${css.gzip} gzip, ${css.brotli} brotli`);
  const sum = (key) => parts.reduce((total, part) => total + part.total[key], 0);
  console.log(`first visit, both parts: ${sum("raw")} raw, ${sum("gzip")} gzip -9, ${sum("brotli")} brotli`);
  for (const [when, names] of Object.entries(LOADED_WHEN_USED)) print(`loaded only for ${when}:`, names);
  const message = missingMessage(dist, missing);
  if (message) {
    console.error(message);
    process.exitCode = 1;
  }
}
