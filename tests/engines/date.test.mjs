// Question 2's date, half typed: a month and a day but no year, as a user types it in each
// engine's date field. The field is then invalid and its value empty; Continue must show the
// bad-date error and keep question 2 open, not move on with "Date not known".

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ENGINES, TEST_TIMEOUT, openEngine, useServer, widgetDrawn } from "./support.mjs";

const env = useServer();

const QUESTION_2 = "When did the problem start?";
const content = readFileSync(new URL("../../content/en.toml", import.meta.url), "utf8");
const textOf = (key) => JSON.parse(content.match(new RegExp(`^${key} = (".*")$`, "m"))[1]);
const BAD_DATE = textOf("error_bad_date");
const NO_DATE = textOf("no_date");

// Firefox (like Chromium) moves from month to day on "/"; WebKit's field takes digits only.
const HALF_TYPED = { firefox: "11/20", webkit: "1120" };

// Runs in the page: the date field's state, and whether the widget shows the bad-date error.
// Given `waitingAt` (a question), null while that question is open and shows no error.
function dateState(badDate, waitingAt = null) {
  const root = document.querySelector("email-troubleshooter").shadowRoot;
  const input = root.querySelector('li[aria-current="step"] input[type="date"]');
  const open = root.querySelector('li[aria-current="step"] h3')?.textContent.trim() ?? null;
  const shown = [...root.querySelectorAll("*")].some(
    (e) => e.getClientRects().length > 0 && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.includes(badDate)),
  );
  if (waitingAt && open === waitingAt && !shown) return null;
  return { open, value: input?.value ?? null, valid: input?.validity.valid ?? null, shown };
}

for (const engine of ENGINES) {
  test(`${engine}: a date with no year is refused with the bad-date error`, { timeout: TEST_TIMEOUT }, async (t) => {
    const browser = await openEngine(engine, t);
    try {
      await browser.goto(`${env.server.url}/engines/help.html`);
      // The widget itself (tests/engines/first-screen.test.mjs walks from the first screen).
      assert.equal(await browser.waitFor(widgetDrawn), "drawn");
      await browser.click(await browser.find({ role: "radio", name: "Yes" }));
      await browser.click(await browser.find({ role: "button", name: "Continue" }));

      const date = await browser.find({ role: "field", name: "Date the problem started" });
      await browser.type(date, HALF_TYPED[engine]);
      // What the engine made of it: a date it can't read, so an empty value and an invalid field.
      const typed = await browser.run(dateState, BAD_DATE);
      assert.deepEqual({ value: typed.value, valid: typed.valid }, { value: "", valid: false }, `after typing ${HALF_TYPED[engine]}`);

      await browser.click(await browser.find({ role: "checkbox", name: "Nothing that I know of" }));
      await browser.click(await browser.find({ role: "button", name: "Continue" }));
      // Either the error shows or the widget moves on; whichever comes first, then both are checked.
      const after = await browser.waitFor(dateState, BAD_DATE, QUESTION_2);
      const answers = (await browser.state()).answers;
      assert.ok(!answers.some((a) => a.includes(NO_DATE)), `recorded "${NO_DATE}": ${answers.join(" | ")}`);
      assert.equal(after.open, QUESTION_2, "question 2 stays open");
      assert.equal(after.shown, true, `the widget shows "${BAD_DATE}"`);
      assert.deepEqual(await browser.recorded(), []);
    } finally {
      await browser.close();
    }
  });
}
