// A date the browser couldn't read is an error, never "Date not known". Chromium leaves a date
// typed without its year invalid and empty, and fires no input event; the widget reads the
// field again at Continue. (The same scenario for Firefox and WebKit lives with the engine tests.)

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openWidget, focused } from "./support.mjs";

const env = useBrowser();
const BAD_DATE = "Enter a complete date, or leave the date empty if you don't know it.";

/** Opens the widget in a US-English browser (month, day, year) at question 2. */
async function atQuestion2() {
  const opened = await openWidget(env, "/", { locale: "en-US" });
  const { troubleshooter } = opened;
  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();
  return opened;
}

/** Types a month and a day, but no year, into the date field as a user would. */
async function typeWithoutYear(page, date) {
  // The month comes first in en-US; click near the field's start, where the month is.
  await date.click({ position: { x: 14, y: 12 } });
  await page.keyboard.type("11");
  await page.keyboard.type("20");
  assert.deepEqual(
    await date.evaluate((input) => [input.value, input.validity.badInput]),
    ["", true],
    "the browser holds an incomplete date that it reports as empty",
  );
}

/** The texts that describe the date field to assistive technology (aria-describedby). */
function description(date) {
  return date.evaluate((input) =>
    input
      .getAttribute("aria-describedby")
      .split(" ")
      .map((id) => input.getRootNode().getElementById(id)?.textContent.trim()),
  );
}

async function assertBadDate(page, troubleshooter, date) {
  const alert = troubleshooter.getByRole("alert");
  await alert.getByText(BAD_DATE).waitFor();
  assert.match(await alert.textContent(), /^There is a problem/);
  const active = await focused(page);
  assert.equal(active.tag, "div", "focus is on the error summary");
  assert.match(active.text, /^There is a problem/);
  assert.equal(await date.getAttribute("aria-invalid"), "true");
  assert.deepEqual(await description(date), ["Leave this empty if you don't know the date.", BAD_DATE]);
  await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();
  await troubleshooter.getByRole("group", { name: "When did the problem start?" }).waitFor();
  assert.equal(await troubleshooter.getByText("Date not known").count(), 0, "nothing was recorded");
}

test("a date typed without its year is a bad date at Continue, and the step waits for it", async () => {
  const { context, page, problems, troubleshooter } = await atQuestion2();
  const date = troubleshooter.getByLabel("Date the problem started");
  await typeWithoutYear(page, date);
  await troubleshooter.getByRole("checkbox", { name: "I changed my mailbox password" }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await assertBadDate(page, troubleshooter, date);

  // The summary's link leads to the field; the whole date typed there is taken.
  await troubleshooter.getByRole("alert").getByRole("button", { name: BAD_DATE }).click();
  assert.equal((await focused(page)).tag, "input");
  await page.keyboard.type("11");
  await page.keyboard.type("20");
  await page.keyboard.type("2025");
  assert.equal(await date.inputValue(), "2025-11-20");
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByText("Step 3 of 7", { exact: true }).waitFor();
  await troubleshooter.getByText("20 November 2025: I changed my mailbox password").waitFor();
  assert.equal(await troubleshooter.getByRole("alert").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Enter in a half-typed date field gives the same error", async () => {
  const { context, page, problems, troubleshooter } = await atQuestion2();
  await troubleshooter.getByRole("checkbox", { name: "Nothing that I know of" }).check();
  const date = troubleshooter.getByLabel("Date the problem started");
  await typeWithoutYear(page, date);
  await page.keyboard.press("Enter");
  await assertBadDate(page, troubleshooter, date);
  assert.deepEqual(problems, []);
  await context.close();
});
