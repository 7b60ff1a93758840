// In Firefox and WebKit, a user's first steps: the widget draws, question 1 is answered,
// Continue opens question 2, and a reload finds both as they were.

import { test } from "node:test";
import assert from "node:assert/strict";
import { ENGINES, TEST_TIMEOUT, openEngine, useServer, widgetDrawn } from "./support.mjs";

const env = useServer();

const QUESTION_1 = "Can you sign in to webmail and see new mail arriving?";
const QUESTION_2 = "When did the problem start?";

for (const engine of ENGINES) {
  test(`${engine}: answer question 1, continue to question 2, reload: the answer is kept`, { timeout: TEST_TIMEOUT }, async (t) => {
    const browser = await openEngine(engine, t);
    try {
      await browser.goto(`${env.server.url}/engines/help.html`);
      // The widget itself (tests/engines/first-screen.test.mjs walks from the first screen).
      assert.equal(await browser.waitFor(widgetDrawn), "drawn");
      await browser.find({ role: "heading", name: "Can't connect to your mailbox?" });
      assert.deepEqual(await browser.state(), { open: QUESTION_1, answers: [] });

      await browser.click(await browser.find({ role: "radio", name: "Yes" }));
      await browser.find({ role: "text", name: "Your mailbox is working, so the fault lies somewhere" });
      await browser.click(await browser.find({ role: "button", name: "Continue" }));
      await browser.find({ role: "field", name: "Date the problem started" });
      assert.deepEqual(await browser.state(), { open: QUESTION_2, answers: ["Your answer: Yes"] });

      await browser.reload();
      // A new document (record-console.js counts them), not the old one still on show.
      await browser.waitFor(() => sessionStorage.getItem("engines:documents") === "2");
      await browser.find({ role: "heading", name: "Can't connect to your mailbox?" });
      await browser.find({ role: "field", name: "Date the problem started" });
      assert.deepEqual(await browser.state(), { open: QUESTION_2, answers: ["Your answer: Yes"] });
      assert.deepEqual(await browser.recorded(), [], "no console error or uncaught error on either load");
      if (browser.consoleErrors) assert.deepEqual(browser.consoleErrors, []);
    } finally {
      await browser.close();
    }
  });
}
