// A reload or a followed link that cuts off the wasm download is not a failure: the page that
// goes away must log nothing (host pages watch the console for errors). A wasm that really can't
// be loaded must still say why. Firefox and WebKit reject the cut-off download while the old page
// is still running its scripts (after `beforeunload`, before `pagehide`); Chromium doesn't.

import { test } from "node:test";
import assert from "node:assert/strict";
import { ENGINES, TEST_TIMEOUT, eventually, openEngine, useServer } from "./support.mjs";

const env = useServer();

const LEAVE = {
  "a reload": (browser) => browser.reload(),
  "a followed link": async (browser) => browser.follow(await browser.find({ role: "link", name: "Another help page", inPage: true })),
};

for (const engine of ENGINES) {
  for (const [how, leave] of Object.entries(LEAVE)) {
    test(`${engine}: ${how} while the wasm downloads logs nothing`, { timeout: TEST_TIMEOUT }, async (t) => {
      const browser = await openEngine(engine, t);
      try {
        // This page's wasm request is the server's next one.
        const first = env.server.slowRequests() + 1;
        await browser.goto(`${env.server.url}/engines/slow.html`);
        await eventually(() => env.server.slowRequests() >= first, "the wasm request");
        // The widget's own content is still what shows: the wasm is pending, nothing is drawn.
        assert.equal(await browser.run(() => document.querySelector("email-troubleshooter").shadowRoot.childElementCount), 1);

        await leave(browser);
        // The next page has loaded (record-console.js counts the documents of this tab): the
        // first one is gone, and had its last chance to log.
        await browser.waitFor(() => Number(sessionStorage.getItem("engines:documents")) >= 2 && document.readyState === "complete");
        // Its download was really cut off, not left running or answered.
        await eventually(() => env.server.cutOff.includes(first), "the browser to give up the first page's wasm download");

        assert.deepEqual(await browser.recorded(), [], "the page that went away logged nothing");
        if (browser.consoleErrors) assert.deepEqual(browser.consoleErrors, [], "the driver heard no console error");
      } finally {
        await browser.close();
      }
    });
  }

  test(`${engine}: back to a page whose load a link cut off, the widget starts after all`, { timeout: TEST_TIMEOUT }, async (t) => {
    const browser = await openEngine(engine, t);
    try {
      const first = env.server.slowRequests() + 1;
      await browser.goto(`${env.server.url}/engines/slow.html`);
      await eventually(() => env.server.slowRequests() >= first, "the wasm request");
      await LEAVE["a followed link"](browser);
      await eventually(() => env.server.cutOff.includes(first), "the browser to give up the first page's wasm download");
      env.server.holdWasm(false);
      // WebKit shows the page from its back/forward cache; Firefox loads it again.
      await browser.back();
      await browser.find({ role: "heading", name: "Can't connect to your mailbox?" });
      await browser.find({ role: "radio", name: "Yes" });
      assert.deepEqual(await browser.recorded(), [], "nothing logged on the way");
      if (browser.consoleErrors) assert.deepEqual(browser.consoleErrors, []);
    } finally {
      env.server.holdWasm(true);
      await browser.close();
    }
  });

  test(`${engine}: a wasm that can't be loaded (404) still says why on the console`, { timeout: TEST_TIMEOUT }, async (t) => {
    const browser = await openEngine(engine, t);
    try {
      // A returning visitor, for whom the widget is wanted at once (a first visit gets the first
      // screen, which stays: first-screen.test.mjs).
      await browser.goto(`${env.server.url}/engines/other.html`);
      await browser.run(() => localStorage.setItem("email-troubleshooter:broken", "v=2&at=when&started=1795719196&webmail=no@1795719196"));
      await browser.goto(`${env.server.url}/engines/broken.html`);
      const recorded = await browser
        .waitFor(() => {
          const lines = JSON.parse(sessionStorage.getItem("engines:problems") ?? "[]");
          return lines.length > 0 && lines;
        })
        .catch(() => assert.fail("nothing on the console: a wasm that can't be loaded must say why"));
      t.diagnostic(recorded[0]);
      assert.equal(recorded.length, 1, recorded.join("\n"));
      // The embed's sentence, then the error the browser gave, with its name and message.
      assert.match(recorded[0], /^document 2 \(\/engines\/broken\.html\): console error: email-troubleshooter: could not start; the page's own content stays\. \w+: \S/);
      // The host's own content stays on show.
      assert.equal(await browser.run(() => document.querySelector("email-troubleshooter h2").getClientRects().length > 0), true);
      if (browser.consoleErrors) {
        assert.equal(browser.consoleErrors.length, 1, browser.consoleErrors.join("\n"));
        assert.match(browser.consoleErrors[0], /could not start/);
      }
    } finally {
      await browser.close();
    }
  });
}
