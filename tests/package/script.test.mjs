// scripts/package.mjs on small made-up builds: it writes the package afresh, and refuses a
// build whose integrity.json is missing, stale or names a file outside the build.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ENTRY, ROOT, readJson } from "./support.mjs";

const sri = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;

/** A build with an entry, one loaded file and the articles; `integrity` given or made right. */
function build(dir, integrity) {
  const files = { [ENTRY]: "export const mount = () => {};\n", "locale-es.0123456789abcdef.js": "export default [];\n" };
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  for (const lang of ["en", "es", "de"]) writeFileSync(join(dir, `article-${lang}.html`), "<!doctype html>\n");
  writeFileSync(join(dir, "index.html"), "demo");
  writeFileSync(join(dir, `${ENTRY}.br`), "compressed");
  const right = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, sri(text)]));
  if (integrity !== null) writeFileSync(join(dir, "integrity.json"), JSON.stringify(integrity ? integrity(right) : right));
}

function run(integrity) {
  const scratch = mkdtempSync(join(tmpdir(), "et-package-"));
  const dist = join(scratch, "dist");
  const out = join(scratch, "pkg");
  build(dist, integrity);
  mkdirSync(out);
  writeFileSync(join(out, "left-over.js"), "from an earlier run");
  const result = spawnSync(process.execPath, [join(ROOT, "scripts/package.mjs"), dist, out], { encoding: "utf8" });
  const written = existsSync(out) ? readdirSync(out).sort() : [];
  const manifest = existsSync(join(out, "package.json")) ? readJson(join(out, "package.json")) : undefined;
  rmSync(scratch, { recursive: true, force: true });
  return { status: result.status, stderr: result.stderr, written, manifest };
}

test("writes the package afresh: only the build's files integrity.json names, the articles and its own", () => {
  const { status, stderr, written, manifest } = run();
  assert.equal(status, 0, stderr);
  assert.deepEqual(written, [
    "CHANGELOG.md",
    "LICENSE",
    "README.md",
    "article-de.html",
    "article-en.html",
    "article-es.html",
    "custom-elements.json",
    "email-troubleshooter.d.ts",
    ENTRY,
    "integrity.json",
    "locale-es.0123456789abcdef.js",
    "package.json",
  ]);
  assert.deepEqual(manifest.files, written.filter((name) => name !== "package.json"));
});

test("refuses a build without integrity.json", () => {
  const { status, stderr } = run(null);
  assert.notEqual(status, 0);
  assert.match(stderr, /can't read .*integrity\.json/);
});

test("refuses an integrity.json with a hash that isn't the file's", () => {
  const { status, stderr, manifest } = run((right) => ({ ...right, "locale-es.0123456789abcdef.js": sri("other bytes") }));
  assert.notEqual(status, 0);
  assert.match(stderr, /gives locale-es\.0123456789abcdef\.js a hash that isn't its own/);
  assert.equal(manifest, undefined, "nothing written");
});

test("refuses an integrity.json naming a file outside the build or without the entry", () => {
  for (const [integrity, said] of [
    [(right) => ({ ...right, "../secret.js": sri("x") }), /names "\.\.\/secret\.js", not a file beside the entry/],
    [(right) => ({ ...right, "index.html": sri("demo") }), /names "index\.html"/],
    [(right) => ({ "locale-es.0123456789abcdef.js": right["locale-es.0123456789abcdef.js"] }), /doesn't name email-troubleshooter\.js/],
    [() => ["email-troubleshooter.js"], /isn't an object/],
  ]) {
    const { status, stderr } = run(integrity);
    assert.notEqual(status, 0);
    assert.match(stderr, said);
  }
});
