// What npm would publish from pkg/: exactly the package's files (each loaded file once, under
// its content-hashed name), a package.json whose version and paths are right, and a README
// whose CDN snippet carries this build's version and the entry's real integrity.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ENTRY, FIXED, HASHED, PKG, ROOT, readJson, sorted } from "./support.mjs";

const sha384 = (name) => createHash("sha384").update(readFileSync(join(PKG, name)));
const sri = (name) => `sha384-${sha384(name).digest("base64")}`;

let packed;
/** The files `npm pack --dry-run` lists, by path. */
const packList = () =>
  (packed ??= (() => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: PKG,
      encoding: "utf8",
      env: { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" },
    });
    return sorted(JSON.parse(out)[0].files.map((file) => file.path));
  })());

/** The packed file for each stem: exactly one `<stem>.<16 hex><ext>`. */
const hashedFiles = () =>
  HASHED.map(([stem, ext]) => {
    const pattern = new RegExp(`^${stem.replace(/[.-]/g, "\\$&")}\\.[0-9a-f]{16}${ext.replace(".", "\\.")}$`);
    const found = packList().filter((path) => pattern.test(path));
    assert.equal(found.length, 1, `one ${stem}.<hash>${ext} in ${packList().join(", ")}`);
    return found[0];
  });

test("npm pack lists exactly the entry, the hashed files it loads, and the package's own files", () => {
  assert.deepEqual(packList(), sorted([...FIXED, ...hashedFiles()]));
  assert.ok(!packList().some((path) => /\.(br|gz|map)$|^(index|portal)\.|help-page/.test(path)), "no compressed copies, maps or demo files");
});

test("each hashed name is the start of the SHA-384 of the file's bytes", () => {
  for (const name of hashedFiles()) {
    const [, hash] = /\.([0-9a-f]{16})\.\w+$/.exec(name);
    assert.equal(hash, sha384(name).digest("hex").slice(0, 16), name);
  }
});

test("integrity.json gives the real SRI hash of the entry and of every hashed file, and nothing else", () => {
  const integrity = readJson(join(PKG, "integrity.json"));
  const names = Object.keys(integrity);
  assert.deepEqual(names, sorted(names), "keys sorted");
  assert.deepEqual(sorted(names), sorted([ENTRY, ...hashedFiles()]));
  for (const name of names) assert.equal(integrity[name], sri(name), name);
});

test("package.json: the workspace's version, browser-only exports, and every path it names packed", () => {
  const metadata = JSON.parse(execFileSync("cargo", ["metadata", "--no-deps", "--format-version", "1", "--offline"], { cwd: ROOT, encoding: "utf8" }));
  const crate = metadata.packages.find((p) => p.name === "email_troubleshooter");
  const manifest = readJson(join(PKG, "package.json"));
  assert.equal(manifest.name, "email-troubleshooter");
  assert.equal(manifest.version, crate.version);
  assert.equal(manifest.license, "MIT");
  assert.equal(manifest.type, "module");
  assert.equal(manifest.main, undefined, "no main: the entry can't run in Node.js");
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "scripts"]) assert.equal(manifest[field], undefined, field);
  assert.deepEqual(Object.keys(manifest.exports["."]), ["types", "default"], "types first");
  assert.deepEqual(sorted(Object.keys(manifest.exports)), sorted([".", "./custom-elements.json", "./integrity.json", "./package.json"]));
  assert.ok(manifest.sideEffects.includes(`./${ENTRY}`), "the entry defines the element: it has side effects");
  assert.deepEqual(sorted(manifest.files), packList().filter((path) => path !== "package.json"));
  const paths = [manifest.types, manifest.customElements, ...manifest.sideEffects, ...Object.values(manifest.exports).flatMap((target) => (typeof target === "string" ? [target] : Object.values(target)))];
  for (const path of paths) {
    assert.match(path, /^\.\//);
    assert.ok(packList().includes(path.slice(2)), `${path} is packed`);
  }
  assert.equal(manifest.exports["."].default, `./${ENTRY}`);
  // Why there is no `main`: the entry needs a browser.
  const inNode = spawnSync(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(join(PKG, ENTRY))})`], { encoding: "utf8" });
  assert.notEqual(inNode.status, 0);
  assert.match(inNode.stderr, /ReferenceError: \w+ is not defined/);
});

test("the README's CDN snippet names this version and the entry's real integrity", () => {
  const { version } = readJson(join(PKG, "package.json"));
  const integrity = readJson(join(PKG, "integrity.json"));
  const readme = readFileSync(join(PKG, "README.md"), "utf8");
  assert.equal(integrity[ENTRY], sri(ENTRY));
  const snippet = `<script type="module" src="https://cdn.jsdelivr.net/npm/email-troubleshooter@${version}/${ENTRY}" integrity="${integrity[ENTRY]}" crossorigin="anonymous"></script>`;
  assert.ok(readme.includes(snippet), `the README has ${snippet}`);
  assert.doesNotMatch(readme, /\{\{\w+\}\}/, "every placeholder filled");
});

test("the package's own files are the repository's", () => {
  for (const [packed, source] of [
    ["LICENSE", "LICENSE"],
    ["CHANGELOG.md", "CHANGELOG.md"],
    ["email-troubleshooter.d.ts", "package/email-troubleshooter.d.ts"],
    ["custom-elements.json", "package/custom-elements.json"],
  ]) {
    assert.ok(readFileSync(join(PKG, packed)).equals(readFileSync(join(ROOT, source))), `${packed} is ${source}`);
  }
});
