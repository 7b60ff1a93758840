// The widget's files by their plain names, and where a build put them. A release build renames
// every file the embed script loads to `<stem>.<hash><ext>` (scripts/post-build.mjs) and lists
// them in dist/integrity.json; the debug test build (target/dist-test) keeps the plain names.
// Scripts and tests name the files only through this module, so renaming a bundle is one line.

import { readFileSync } from "node:fs";
import { extname, join } from "node:path";

/** The embed script: the one file a host page names, under this name in every build. */
export const ENTRY = "email-troubleshooter.js";
/** The wasm-bindgen name of each bundle (its glue is `<name>.js`, its wasm `<name>_bg.wasm`). */
export const BUNDLE = "email_troubleshooter_embed";
export const HOST_CHECKLIST_BUNDLE = "email_troubleshooter_host_checklist";
export const GLUE = `${BUNDLE}.js`;
export const WASM = `${BUNDLE}_bg.wasm`;
export const HOST_CHECKLIST_GLUE = `${HOST_CHECKLIST_BUNDLE}.js`;
export const HOST_CHECKLIST_WASM = `${HOST_CHECKLIST_BUNDLE}_bg.wasm`;

/** A content hash in a file's name: the first 16 hex digits of its SHA-384. */
export const HASH_LENGTH = 16;

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `name` split into its stem and extension: "locale-es.js" -> ["locale-es", ".js"]. */
export function stemAndExtension(name) {
  const ext = extname(name);
  return [name.slice(0, name.length - ext.length), ext];
}

/**
 * A pattern for a path or URL ending in `name`, hashed or not ("/x/locale-es.1a2b...js" and
 * "/x/locale-es.js"; never "locale-es-mx.js"), for routes and request lists. `prefix`, if given,
 * is what the path must start with.
 */
export function servedAs(name, prefix = "") {
  const [stem, ext] = stemAndExtension(name);
  const start = prefix ? `^${escape(prefix)}(?:.*/)?` : "(?:^|/)";
  return new RegExp(`${start}${escape(stem)}(?:\\.[0-9a-f]{${HASH_LENGTH}})?${escape(ext)}(?:[?#].*)?$`);
}

/** The plain name of a file name that may be hashed: "locale-es.1a2b...js" -> "locale-es.js". */
export function plainName(name) {
  return name.replace(new RegExp(`\\.[0-9a-f]{${HASH_LENGTH}}(\\.[a-z]+)$`), "$1");
}

/** dist/integrity.json, or undefined where the build wrote none (a debug build, no build). */
export function integrityOf(dist) {
  try {
    return JSON.parse(readFileSync(join(dist, "integrity.json"), "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * The name `name` has in `dist`: its hashed name where dist/integrity.json lists one, else `name`
 * itself (a build without hashed names; a missing file is then the caller's to report).
 */
export function builtName(dist, name) {
  const listed = integrityOf(dist);
  if (!listed) return name;
  const [stem, ext] = stemAndExtension(name);
  const hashed = new RegExp(`^${escape(stem)}\\.[0-9a-f]{${HASH_LENGTH}}${escape(ext)}$`);
  return Object.keys(listed).find((key) => hashed.test(key)) ?? name;
}
