// Writes the npm package, pkg/, from a release build: `node scripts/package.mjs [dist] [out]`
// (`make package` runs it on dist/). The package's own sources are in package/; the version is
// the workspace's, from Cargo.toml. pkg/ is written afresh each time.
//
// What ships: the entry, every file integrity.json names (the files the entry loads, under
// their hashed names), integrity.json, the plain article pages the entry links to, the types,
// the manifest, README, LICENSE and CHANGELOG. Not the demo's files, and no .br/.gz copies (a
// CDN or the host's server compresses).

import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = resolve(process.argv[2] ?? join(root, "dist"));
const out = resolve(process.argv[3] ?? join(root, "pkg"));

const ENTRY = "email-troubleshooter.js";
const INTEGRITY = "integrity.json";
const ARTICLES = ["article-en.html", "article-es.html", "article-de.html"];
const SOURCES = { types: "email-troubleshooter.d.ts", manifest: "custom-elements.json", readme: "README.md" };

const fail = (message) => {
  console.error(`package: ${message}`);
  process.exit(1);
};
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

// The workspace's version: `version` under [workspace.package].
function cargoVersion() {
  const toml = readFileSync(join(root, "Cargo.toml"), "utf8");
  const section = /^\[workspace\.package\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(toml)?.[1] ?? "";
  const version = /^version\s*=\s*"([^"]*)"\s*$/m.exec(section)?.[1];
  if (!version || !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) fail("no semantic version under [workspace.package] in Cargo.toml");
  return version;
}

// integrity.json, checked against the files: plain names only, the entry among them, and each
// hash the file's own (a stale integrity.json would make browsers refuse the files).
function readIntegrity() {
  let integrity;
  try {
    integrity = JSON.parse(readFileSync(join(dist, INTEGRITY), "utf8"));
  } catch (error) {
    fail(`can't read ${join(dist, INTEGRITY)} (run make dist): ${error.message}`);
  }
  if (typeof integrity !== "object" || integrity === null || Array.isArray(integrity)) fail(`${INTEGRITY} isn't an object`);
  if (!(ENTRY in integrity)) fail(`${INTEGRITY} doesn't name ${ENTRY}`);
  for (const [name, hash] of Object.entries(integrity)) {
    if (!/^[\w.-]+\.(js|wasm)$/.test(name) || name.startsWith(".")) fail(`${INTEGRITY} names ${JSON.stringify(name)}, not a file beside the entry`);
    if (!existsSync(join(dist, name))) fail(`${INTEGRITY} names ${name}, missing from ${dist}`);
    if (hash !== sri(readFileSync(join(dist, name)))) fail(`${INTEGRITY} gives ${name} a hash that isn't its own`);
  }
  return integrity;
}

const version = cargoVersion();
const integrity = readIntegrity();
const built = [...Object.keys(integrity).sort(), INTEGRITY, ...ARTICLES];
const copied = [...built, SOURCES.types, SOURCES.manifest, "LICENSE", "CHANGELOG.md"];

const manifest = {
  name: "email-troubleshooter",
  version,
  description:
    "An interactive checklist for people whose mail app can't connect to their mailbox: the <email-troubleshooter> custom element (Yew/WebAssembly), with types and a custom elements manifest.",
  keywords: ["custom-element", "web-component", "email", "troubleshooting", "help-desk", "checklist", "webassembly", "yew"],
  license: "MIT",
  type: "module",
  // Browser-only: the entry defines a custom element as it is imported, so Node.js can't run
  // it. Hence no `main` (which would invite `require()`), and no `browser` field (which only
  // remaps a `main`); `exports` is the one way in, and a bundler or TypeScript reads it.
  exports: {
    ".": { types: `./${SOURCES.types}`, default: `./${ENTRY}` },
    "./custom-elements.json": `./${SOURCES.manifest}`,
    "./integrity.json": `./${INTEGRITY}`,
    "./package.json": "./package.json",
  },
  types: `./${SOURCES.types}`,
  customElements: `./${SOURCES.manifest}`,
  // Exactly what ships (npm adds package.json itself).
  files: [...copied, SOURCES.readme].sort(),
  // Importing the entry defines the element. The other modules only make their own objects,
  // and the entry loads them by URL at run time, outside any bundler's graph.
  sideEffects: [`./${ENTRY}`],
};

// The README's CDN snippet names this version and the entry's integrity.
let readme = readFileSync(join(root, "package", SOURCES.readme), "utf8")
  .replaceAll("{{VERSION}}", version)
  .replaceAll("{{ENTRY_INTEGRITY}}", integrity[ENTRY]);
if (/\{\{\w+\}\}/.test(readme)) fail(`package/${SOURCES.readme} has a placeholder this script doesn't fill: ${/\{\{\w+\}\}/.exec(readme)[0]}`);

const from = (name) => {
  if (name === SOURCES.types || name === SOURCES.manifest) return join(root, "package", name);
  if (name === "LICENSE" || name === "CHANGELOG.md") return join(root, name);
  return join(dist, name);
};
for (const name of copied) if (!existsSync(from(name))) fail(`${from(name)} is missing`);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const name of copied) copyFileSync(from(name), join(out, name));
writeFileSync(join(out, SOURCES.readme), readme);
writeFileSync(join(out, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`package: ${out} (email-troubleshooter ${version}, ${copied.length + 2} files)`);
