// The widget's files from a CDN: dist/ served from a second origin on 127.0.0.1 (with
// Access-Control-Allow-Origin), the host page on the first, under a strict CSP that names the
// CDN and requires Trusted Types, loading the entry with `integrity` and `crossorigin`. The
// entry checks every file it loads against the SRI hash the build wrote into it, so a file
// altered on the way is refused and the visitor meets the widget's usual can't-load behaviour.
// Also: the release build's hashed names and dist/integrity.json, and the cache headers the
// demo server sends for them.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { serve } from "../../scripts/serve.mjs";
import { ALTERED_HEADING, FIRST_SCREEN, STYLES, startCdn } from "./cdn-servers.mjs";
import { ENTRY, GLUE, HASH_LENGTH, HOST_CHECKLIST_GLUE, HOST_CHECKLIST_WASM, WASM, builtName, integrityOf, servedAs } from "../../scripts/dist-files.mjs";
import { DIST, launchBrowser, openPage, widget, takenOver, finish } from "./support.mjs";

const FAILED = "The troubleshooter couldn't load here.";
const ARTICLE = "Read every question and what each answer means on one page";
const IMMUTABLE = "public, max-age=31536000, immutable";
/** What Chromium says on the console when a file doesn't match its integrity. */
const REFUSED = /integrity/i;
const LANGUAGE_NOTICE = "The troubleshooter couldn't load your language just now, so it is shown in English.";

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

test("the release build names each file the entry loads by its content, and integrity.json lists their SRI", () => {
  const listed = integrityOf(DIST);
  assert.ok(listed, "dist/integrity.json is there and is JSON");
  const names = Object.keys(listed);
  assert.deepEqual(names, [...names].sort(), "its keys are sorted");
  const hashed = readdirSync(DIST).filter((name) => /\.[0-9a-f]{16}\.(js|wasm)$/.test(name));
  assert.deepEqual(names, [ENTRY, ...hashed].sort(), "the entry and every hashed file, nothing else");
  const entry = readFileSync(join(DIST, ENTRY), "utf8");
  for (const name of names) {
    const bytes = readFileSync(join(DIST, name));
    assert.equal(listed[name], sri(bytes), `${name}'s SRI`);
    if (name === ENTRY) continue;
    const digest = createHash("sha384").update(bytes).digest("hex");
    assert.equal(name.split(".").at(-2), digest.slice(0, HASH_LENGTH), `${name} is named by its SHA-384`);
    assert.ok(entry.includes(listed[name]), `the entry's map has ${name}'s SRI`);
  }
  // Every file the entry loads is there by its hashed name only, compressed copies included.
  for (const plain of [GLUE, WASM, HOST_CHECKLIST_GLUE, HOST_CHECKLIST_WASM, STYLES, FIRST_SCREEN, "first-screen-de.js", "locale-es.js"]) {
    assert.notEqual(builtName(DIST, plain), plain, `${plain} has a hashed name`);
    for (const suffix of ["", ".br", ".gz"]) assert.ok(!existsSync(join(DIST, plain + suffix)), `no ${plain}${suffix}`);
    for (const suffix of [".br", ".gz"]) assert.ok(existsSync(join(DIST, builtName(DIST, plain) + suffix)), `${plain}'s ${suffix}`);
  }
  // Pages linked to, and the demo's own files, keep their names.
  for (const name of [ENTRY, "article-en.html", "index.html", "portal.js"]) assert.ok(existsSync(join(DIST, name)), name);
});

test("the demo server sends hashed files to be kept for a year, the entry and pages to be asked for again", async () => {
  const server = await serve({ mounts: { "/": DIST } });
  try {
    const expected = [
      [builtName(DIST, WASM), IMMUTABLE],
      [builtName(DIST, GLUE), IMMUTABLE],
      [builtName(DIST, STYLES), IMMUTABLE],
      [ENTRY, "no-cache"],
      ["", "no-cache"],
      ["article-en.html", "no-cache"],
    ];
    for (const [name, policy] of expected) {
      const response = await fetch(`${server.url}/${name}`);
      assert.equal(response.status, 200, name);
      assert.equal(response.headers.get("cache-control"), policy, `/${name}`);
    }
    // A name that only looks hashed, and isn't there, isn't kept.
    const missing = await fetch(`${server.url}/widget-styles.0123456789abcdef.js`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get("cache-control"), "no-store");
  } finally {
    await server.close();
  }
});

const env = {};
before(async () => {
  Object.assign(env, await startCdn());
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.close?.();
});

/** Opens a host page in a fresh context (its own cache). */
async function openHost(path) {
  const opened = await openPage(env.browser);
  await opened.page.goto(`${env.host.url}${path}`);
  return { ...opened, troubleshooter: widget(opened.page) };
}

const readyState = (page) =>
  page.evaluate(() => document.querySelector("email-troubleshooter").handle?.ready.then(() => "resolved", () => "rejected"));

test("from another origin, under a strict CSP with Trusted Types: the first screen, the widget taking over, a full walk", async () => {
  const { context, page, problems, troubleshooter } = await openHost("/page/held.html");
  const policy = await page.evaluate(async () => (await fetch(location.href)).headers.get("content-security-policy"));
  assert.equal(policy, env.policy, "the page really is served with the policy");
  // The first screen, drawn before the wasm is there.
  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).waitFor();
  await page.evaluate(() => (window.firstScreen = document.querySelector("email-troubleshooter").shadowRoot.querySelector(".et-root")));
  env.releaseWasm();
  await takenOver(page);
  assert.equal(await readyState(page), "resolved");
  assert.ok(
    await page.evaluate(() => document.querySelector("email-troubleshooter").shadowRoot.querySelector(".et-root") !== window.firstScreen),
    "the widget took over from the first screen",
  );
  await finish(troubleshooter, ["Yes", "No", "No", "No", "Yes", "Yes"]);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(problems, []);

  // What the entry loaded came from the CDN under its hashed name, each file once: a module's
  // modulepreload and import() take what its checking fetch left in the HTTP cache.
  for (const name of [GLUE, WASM, STYLES, FIRST_SCREEN]) {
    const path = `/held/${builtName(DIST, name)}`;
    assert.equal(env.cdn.requests.filter((requested) => requested === path).length, 1, `${path} fetched once`);
  }
  await context.close();
});

test("an entry that doesn't match the host's integrity isn't run: the element's own content stays", async () => {
  const { context, page, problems } = await openHost("/page/wrong-integrity.html");
  await page.waitForLoadState("load");
  assert.ok(await page.locator("#host-content").isVisible(), "the host's content is on show");
  assert.equal(await page.evaluate(() => customElements.get("email-troubleshooter")), undefined, "the element isn't defined");
  assert.ok(problems.some((problem) => REFUSED.test(problem) && problem.includes(ENTRY)), problems.join("\n"));
  const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name));
  assert.ok(!loaded.some((url) => servedAs(GLUE).test(url) || servedAs(STYLES).test(url)), "nothing else is fetched");
  await context.close();
});

for (const [what, folder, name] of [
  ["a wasm", "/tampered-wasm/", WASM],
  ["a glue module", "/tampered-glue/", GLUE],
]) {
  test(`${what} altered on the CDN is refused: the first screen says the troubleshooter couldn't load, with the article`, async () => {
    const { context, page, problems, troubleshooter } = await openHost(`/page${folder.slice(0, -1)}.html`);
    await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
    await troubleshooter.getByRole("button", { name: "Continue" }).click();
    const alert = troubleshooter.getByRole("alert");
    await alert.getByText(FAILED).waitFor();
    const link = alert.getByRole("link", { name: ARTICLE });
    assert.equal(await link.evaluate((a) => a.href), `${env.cdn.url}${folder}article-en.html`);
    assert.equal(await readyState(page), "rejected");
    const altered = `${env.cdn.url}${folder}${builtName(DIST, name)}`;
    assert.ok(problems.some((problem) => REFUSED.test(problem) && problem.includes(altered)), `refused for its integrity:\n${problems.join("\n")}`);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    await context.close();
  });
}

test("a CDN answering the check with the real glue and the import with an altered one is refused: Chromium checks the preload", async () => {
  const { context, page, problems, troubleshooter } = await openHost("/page/split-glue.html");
  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByRole("alert").getByText(FAILED).waitFor();
  assert.equal(await readyState(page), "rejected");
  const altered = `${env.cdn.url}/split-glue/${builtName(DIST, GLUE)}`;
  assert.ok(problems.some((problem) => REFUSED.test(problem) && problem.includes(altered)), `refused for its integrity:\n${problems.join("\n")}`);
  const asked = env.cdn.requests.filter((path) => path === `/split-glue/${builtName(DIST, GLUE)}`);
  assert.ok(asked.length >= 2, `checked, then asked for again as a script: ${asked.length}`);
  await context.close();
});

test("the styles altered on the CDN are refused: no first screen or widget, the element's own content stays", async () => {
  const { context, page, problems, troubleshooter } = await openHost("/page/tampered-styles.html");
  assert.equal(await readyState(page), "rejected");
  assert.ok(await page.locator("#host-content").isVisible(), "the host's content is on show");
  assert.equal(await troubleshooter.getByRole("radio").count(), 0);
  const altered = `${env.cdn.url}/tampered-styles/${builtName(DIST, STYLES)}`;
  assert.ok(problems.some((problem) => REFUSED.test(problem) && problem.includes(altered)), problems.join("\n"));
  await context.close();
});

test("from the page's own origin the files aren't checked again: each is asked for once, imported rather than fetched to be checked first", async () => {
  const server = await serve({ mounts: { "/": DIST } });
  const { context, page, problems } = await openPage(env.browser);
  try {
    await page.goto(`${server.url}/`);
    await takenOver(page);
    const loads = await page.evaluate(() => performance.getEntriesByType("resource").map(({ name, initiatorType }) => ({ name, initiatorType })));
    for (const name of [GLUE, WASM, STYLES, FIRST_SCREEN]) {
      const found = loads.filter((load) => servedAs(name).test(new URL(load.name).pathname));
      assert.equal(found.length, 1, `${name} loaded once: ${JSON.stringify(found)}`);
      if (name !== WASM) assert.notEqual(found[0].initiatorType, "fetch", `${name} imported, not fetched to be checked first`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test("a first screen altered on the CDN is refused: the widget itself starts at once, and the altered one is never drawn", async () => {
  const { context, page, problems } = await openPage(env.browser);
  // Every frame, from the start: does the element's shadow root ever say the altered heading?
  await page.addInitScript((altered) => {
    const look = () => {
      if (document.querySelector("email-troubleshooter")?.shadowRoot?.textContent.includes(altered)) window.sawAltered = true;
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, ALTERED_HEADING);
  await page.goto(`${env.host.url}/page/tampered-first-screen.html`);
  const troubleshooter = widget(page);
  assert.equal(await readyState(page), "resolved");
  await troubleshooter.getByRole("heading", { name: "Can't connect to your mailbox?" }).waitFor();
  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByRole("group", { name: /When did the problem start/ }).waitFor();
  assert.equal(await page.evaluate(() => window.sawAltered ?? false), false, "the altered first screen was never drawn");
  assert.equal(await troubleshooter.getByText(ALTERED_HEADING).count(), 0);
  assert.ok(env.cdn.requests.includes(`/tampered-first-screen/${builtName(DIST, FIRST_SCREEN)}`), "it was asked for");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a translation altered on the CDN is refused: the widget in English, saying so", async () => {
  const { context, page, troubleshooter } = await openHost("/page/tampered-locale.html");
  assert.equal(await readyState(page), "resolved");
  await troubleshooter.getByText(LANGUAGE_NOTICE).waitFor();
  await troubleshooter.getByRole("heading", { name: "Can't connect to your mailbox?" }).waitFor();
  assert.ok(env.cdn.requests.includes(`/tampered-locale/${builtName(DIST, "locale-es.js")}`), "it was asked for");
  await context.close();
});
