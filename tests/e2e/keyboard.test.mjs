// The whole checklist with the keyboard alone: where focus goes, what is read out, and that
// the focus ring always shows.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openWidget, focused } from "./support.mjs";

const env = useBrowser();

/** Presses Tab until focus is on something matching `wanted`; fails after 40 presses. */
async function tabTo(page, wanted, shift = false) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(shift ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    if (wanted(now)) return now;
  }
  assert.fail(`Tab never reached the element (${wanted})`);
}

async function assertRing(page) {
  const { outline } = await focused(page);
  assert.match(outline, /^solid [3-9]px$/, `the focus ring shows (${outline})`);
}

test("a keyboard user completes, changes and resets the checklist, with focus where it should be", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env);
  const live = troubleshooter.locator("[aria-live=polite][aria-atomic=true]");
  assert.equal(await live.textContent(), "", "the announcer is there, and quiet, before anything happens");

  // From the top of the page, Tab reaches the first answer of question 1.
  const first = await tabTo(page, (f) => f.type === "radio");
  assert.equal(first.text, "Yes");
  await assertRing(page);
  await page.keyboard.press("ArrowDown");
  assert.equal((await focused(page)).text, "No", "arrow keys move through the answers");
  await troubleshooter.getByText("the problem is with the mailbox or your account").waitFor();
  await page.keyboard.press("ArrowUp");
  await tabTo(page, (f) => f.text === "Continue");
  await assertRing(page);
  await page.keyboard.press("Enter");

  let now = await focused(page);
  assert.deepEqual([now.tag, now.text], ["h3", "When did the problem start?"], "focus moves to the new step's heading");
  assert.equal(await live.textContent(), "Step 2 of 7: When did the problem start?");
  assert.equal(await troubleshooter.locator('li[aria-current="step"] h3').textContent(), "When did the problem start?");

  await tabTo(page, (f) => f.tag === "input" && f.type === "date");
  await page.keyboard.type("11202026");
  await tabTo(page, (f) => f.text === "I changed my mailbox password");
  await page.keyboard.press("Space");
  await tabTo(page, (f) => f.text === "Continue");
  await page.keyboard.press("Enter");

  for (const [question, number] of [
    ["Have you recently moved your mail to Rackspace Cloud Office from another provider?", 3],
    ["Has your mailbox been upgraded at Rackspace Cloud Office?", 4],
    ["Is everyone who uses your domain having this problem?", 5],
    ["Can you connect to your mailbox from another computer?", 6],
    ["Can you connect to your mailbox using a different internet connection?", 7],
  ]) {
    now = await focused(page);
    assert.deepEqual([now.tag, now.text], ["h3", question]);
    assert.equal(await live.textContent(), `Step ${number} of 7: ${question}`);
    await tabTo(page, (f) => f.type === "radio");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter"); // Enter in a radio group submits the step's form
  }

  now = await focused(page);
  assert.deepEqual([now.tag, now.text], ["h3", "What your answers point to"], "the summary's heading takes focus");
  assert.equal(await live.textContent(), "All 7 questions answered");

  // Change an answer from the summary, and come back to it.
  await tabTo(page, (f) => f.text === "Change your answer to question 5");
  await assertRing(page);
  await page.keyboard.press("Enter");
  now = await focused(page);
  assert.deepEqual([now.tag, now.text], ["h3", "Is everyone who uses your domain having this problem?"]);
  await tabTo(page, (f) => f.type === "radio");
  await page.keyboard.press("ArrowUp"); // from No to Yes
  await page.keyboard.press("Enter");
  now = await focused(page);
  assert.deepEqual([now.tag, now.text], ["h3", "What your answers point to"]);
  await troubleshooter.getByRole("heading", { name: "Your domain's DNS records or its registration" }).waitFor();

  // Start again, confirmed with the keyboard.
  await tabTo(page, (f) => f.text === "Start again");
  await page.keyboard.press("Enter");
  now = await focused(page);
  assert.equal(now.text, "Clear all your answers and start again?", "the question takes focus");
  await tabTo(page, (f) => f.text === "Yes, clear my answers");
  await page.keyboard.press("Enter");
  now = await focused(page);
  assert.deepEqual([now.tag, now.text], ["h3", "Can you sign in to webmail and see new mail arriving?"]);
  assert.equal(await troubleshooter.getByRole("radio", { name: "No", exact: true }).isChecked(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test("loading the page never takes focus away from the host page", async () => {
  const { context, page } = await openWidget(env);
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  await context.close();
});
