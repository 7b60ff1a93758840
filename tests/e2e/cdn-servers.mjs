// Two origins on 127.0.0.1 for loading the widget from a CDN (tests/e2e/cdn.test.mjs in
// Chromium, tests/engines/integrity.test.mjs in Firefox and WebKit): the CDN serves the release
// bundle (with Access-Control-Allow-Origin), and altered copies of some of its files; the host
// serves pages, under a strict CSP naming the CDN and requiring Trusted Types, that load the
// entry with `integrity` and `crossorigin` (tests/e2e/hosts/cdn.html, filled in).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";
import { ENTRY, GLUE, WASM, builtName, integrityOf, servedAs } from "../../scripts/dist-files.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const DIST = join(root, "dist");
export const STYLES = "widget-styles.js";
export const FIRST_SCREEN = "first-screen-en.js";
export const ALTERED_HEADING = "An altered first screen";
const SPANISH = "locale-es.js";

/** Altered copies, each under a folder of its own: [plain name, bytes, type]. The wasm gets a
 * custom section and the modules a comment, so each would still work if it were run. */
function tampered() {
  const read = (name) => readFileSync(join(DIST, builtName(DIST, name)));
  const comment = Buffer.from("\n// altered\n");
  return {
    "/tampered-wasm/": [WASM, Buffer.concat([read(WASM), Buffer.from([0, 2, 1, 0x78])]), "application/wasm"],
    "/tampered-glue/": [GLUE, Buffer.concat([read(GLUE), comment]), "text/javascript"],
    "/tampered-styles/": [STYLES, Buffer.concat([read(STYLES), comment]), "text/javascript"],
    // The heading says so if it is ever drawn.
    "/tampered-first-screen/": [FIRST_SCREEN, Buffer.from(read(FIRST_SCREEN).toString().replace("Can't connect to your mailbox?", ALTERED_HEADING)), "text/javascript"],
    "/tampered-locale/": [SPANISH, Buffer.concat([read(SPANISH), comment]), "text/javascript"],
  };
}

/**
 * Starts both servers. Host pages: /page/cdn.html (the entry from the CDN's /v1/ with its
 * integrity), /page/held.html (the same from /held/, whose wasm is answered after
 * `releaseWasm()`: no request interception, which would turn the browser's cache off),
 * /page/wrong-integrity.html (the entry given another file's integrity), and
 * /page/tampered-wasm.html, -glue and -styles (the entry from a folder where that file is altered),
 * /page/tampered-first-screen.html and /page/tampered-locale.html (a Spanish page), and
 * /page/split-glue.html (the glue real when fetched, altered when imported).
 * @returns {Promise<{ cdn, host, policy: string, releaseWasm: () => void, close: () => Promise<void> }>}
 */
export async function startCdn() {
  const altered = tampered();
  const cors = { "access-control-allow-origin": "*" };
  let releaseWasm;
  const released = new Promise((resolve) => (releaseWasm = resolve));
  const cdn = await serve({
    mounts: Object.fromEntries(["/v1/", "/held/", "/split-glue/", ...Object.keys(altered)].map((prefix) => [prefix, DIST])),
    headers: () => cors,
    route: (path, request, response) => {
      // A CDN that answers a fetch (the entry's check) with the real glue and a script request
      // (the modulepreload and import()) with an altered one, kept by no cache.
      if (servedAs(GLUE, "/split-glue/").test(path)) {
        const checking = request.headers["sec-fetch-dest"] === "empty";
        const [, alteredGlue] = altered["/tampered-glue/"];
        response.writeHead(200, { "content-type": "text/javascript", "cache-control": "no-store", ...cors });
        response.end(checking ? readFileSync(join(DIST, builtName(DIST, GLUE))) : alteredGlue);
        return true;
      }
      if (!servedAs(WASM, "/held/").test(path)) return false;
      released.then(() => {
        response.writeHead(200, { "content-type": "application/wasm", ...cors });
        response.end(readFileSync(join(DIST, builtName(DIST, WASM))));
      });
      return true;
    },
    override: (path) => {
      for (const [prefix, [name, body, type]] of Object.entries(altered)) if (servedAs(name, prefix).test(path)) return { status: 200, body, type };
      return undefined;
    },
  });
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${cdn.url}`,
    `connect-src 'self' ${cdn.url}`,
    "style-src 'self'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join("; ");
  const template = readFileSync(join(root, "tests/e2e/hosts/cdn.html"), "utf8");
  const listed = integrityOf(DIST) ?? {};
  // Each page: the folder the entry comes from, and the integrity the host gives it.
  const pages = {
    "/page/cdn.html": ["/v1/", listed[ENTRY]],
    "/page/held.html": ["/held/", listed[ENTRY]],
    "/page/wrong-integrity.html": ["/v1/", listed[builtName(DIST, GLUE)]],
    "/page/split-glue.html": ["/split-glue/", listed[ENTRY]],
    ...Object.fromEntries(Object.keys(altered).map((prefix) => [`/page${prefix.slice(0, -1)}.html`, [prefix, listed[ENTRY]]])),
    // The Spanish widget, whose translation is altered.
    "/page/tampered-locale.html": ["/tampered-locale/", listed[ENTRY], "es"],
  };
  const page = ([prefix, integrity, lang = "en"]) =>
    template
      .replace("{{LANG}}", lang)
      .replace("{{ENTRY_URL}}", `${cdn.url}${prefix}${ENTRY}`)
      .replace("{{ENTRY_INTEGRITY}}", integrity)
      .replace("{{ARTICLE_URL}}", `${cdn.url}${prefix}article-en.html`);
  const host = await serve({
    mounts: { "/host/": join(root, "tests/e2e/hosts") },
    headers: (path) => (path in pages ? { "content-security-policy": policy } : {}),
    override: (path) => (path in pages ? { status: 200, type: "text/html; charset=utf-8", body: page(pages[path]) } : undefined),
  });
  return {
    cdn,
    host,
    policy,
    releaseWasm,
    close: async () => {
      releaseWasm();
      await host.close();
      await cdn.close();
    },
  };
}
