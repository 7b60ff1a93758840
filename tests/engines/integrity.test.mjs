// In Firefox and WebKit, the widget from a CDN (a second origin on 127.0.0.1) under a strict CSP
// with Trusted Types, its entry loaded with `integrity` (tests/e2e/cdn-servers.mjs): it works,
// and a wasm, a glue module or the styles altered on the CDN are refused, leaving the first
// screen's can't-load line or the element's own content, as in Chromium (tests/e2e/cdn.test.mjs).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { ENGINES, TEST_TIMEOUT, openEngine, widgetDrawn } from "./support.mjs";
import { startCdn } from "../e2e/cdn-servers.mjs";

const FAILED = "The troubleshooter couldn't load here.";
const HOST_CONTENT = "If you can read this, the troubleshooter has not started.";

const env = {};
before(async () => {
  Object.assign(env, await startCdn());
});
after(async () => {
  await env.close?.();
});

/** Opens a host page in `engine` and runs `check(browser)`, closing the browser after. */
async function onPage(engine, t, path, check) {
  const browser = await openEngine(engine, t);
  try {
    await browser.goto(`${env.host.url}${path}`);
    await check(browser);
  } finally {
    await browser.close();
  }
}

for (const engine of ENGINES) {
  test(`${engine}: from another origin with integrity, under a strict CSP: the widget draws, with no violation`, { timeout: TEST_TIMEOUT }, (t) =>
    onPage(engine, t, "/page/cdn.html", async (browser) => {
      assert.equal(await browser.waitFor(widgetDrawn), "drawn");
      await browser.click(await browser.find({ role: "radio", name: "Yes" }));
      await browser.click(await browser.find({ role: "button", name: "Continue" }));
      await browser.find({ role: "field", name: "Date the problem started" });
      assert.deepEqual(await browser.run(() => window.cspViolations), []);
      if (browser.consoleErrors) assert.deepEqual(browser.consoleErrors, []);
    }),
  );

  for (const [what, page] of [
    ["a wasm altered on the CDN", "/page/tampered-wasm.html"],
    ["a glue module altered on the CDN", "/page/tampered-glue.html"],
    // WebKit checks no modulepreload and asks again on import(), so it isn't caught there
    // (README, "Strict Content-Security-Policy").
    ...(engine === "firefox" ? [["a glue module the CDN alters only when it is imported", "/page/split-glue.html"]] : []),
  ]) {
    test(`${engine}: ${what} is refused: the first screen's Continue says it can't load`, { timeout: TEST_TIMEOUT }, (t) =>
      onPage(engine, t, page, async (browser) => {
        await browser.click(await browser.find({ role: "radio", name: "Yes" }));
        await browser.click(await browser.find({ role: "button", name: "Continue" }));
        await browser.find({ role: "text", name: FAILED });
        assert.equal(await browser.waitFor(widgetDrawn), "failed");
      }),
    );
  }

  test(`${engine}: the styles altered on the CDN are refused: the element's own content stays`, { timeout: TEST_TIMEOUT }, (t) =>
    onPage(engine, t, "/page/tampered-styles.html", async (browser) => {
      assert.equal(await browser.waitFor(widgetDrawn), "failed");
      await browser.find({ role: "text", name: HOST_CONTENT, inPage: true });
      assert.equal(await browser.run(() => document.querySelector("email-troubleshooter").shadowRoot.querySelector("input")), null);
    }),
  );
}
