// What the package tests share: where the package is, the README's tables, and the names of
// the files the entry loads.

import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The package as `make package` writes it. */
export const PKG = join(ROOT, "pkg");
export const ENTRY = "email-troubleshooter.js";

/**
 * Every file the entry loads, by the name it had before content hashing (`<stem><ext>`); in
 * the package each is `<stem>.<16 hex digits><ext>`. The one table of these names.
 */
/** The usual bundle's name: its glue is `<BUNDLE>.js`, its wasm `<BUNDLE>_bg.wasm`. */
export const BUNDLE = "email_troubleshooter_embed";
export const HASHED = [
  [BUNDLE, ".js"],
  [`${BUNDLE}_bg`, ".wasm"],
  ["email_troubleshooter_host_checklist", ".js"],
  ["email_troubleshooter_host_checklist_bg", ".wasm"],
  ["widget-styles", ".js"],
  ["first-screen-en", ".js"],
  ["first-screen-es", ".js"],
  ["first-screen-de", ".js"],
  ["locale-es", ".js"],
  ["locale-de", ".js"],
];

/** The files with fixed names in the package (npm adds package.json). */
export const FIXED = [
  ENTRY,
  "integrity.json",
  "article-en.html",
  "article-es.html",
  "article-de.html",
  "email-troubleshooter.d.ts",
  "custom-elements.json",
  "README.md",
  "LICENSE",
  "CHANGELOG.md",
  "package.json",
];

export const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

/**
 * The rows of the first table under `### <heading>` in the main README, each a list of its
 * cells with the code marks taken off a cell that is only code.
 */
export function readmeTable(heading) {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf(`\n### ${heading}\n`);
  if (start < 0) throw Error(`the README has no "### ${heading}"`);
  const section = readme.slice(start + 1).split(/\n#{2,3} /)[0];
  const lines = section.split("\n");
  const first = lines.findIndex((line) => line.startsWith("|"));
  const rows = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith("|")) break;
    const cells = line
      .slice(1, -1)
      .split(" | ")
      .map((cell) => cell.trim());
    rows.push(cells.map((cell) => /^`[^`]*`$/.test(cell) ? cell.slice(1, -1) : cell));
  }
  if (!rows.length) throw Error(`the README's "### ${heading}" has no table`);
  return rows;
}

export const sorted = (list) => [...list].sort();
