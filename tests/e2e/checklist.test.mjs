// A user works through the demo page: all seven steps, a reload, a changed answer, start again.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openWidget, ready, notices, QUESTIONS } from "./support.mjs";

const env = useBrowser();


/** The question of the step that is open now (the list item marked aria-current="step"). */
async function currentQuestion(scope) {
  return (await scope.locator('li[aria-current="step"] h3').textContent()).trim();
}

async function answer(scope, label) {
  await scope.getByRole("radio", { name: label, exact: true }).check();
  await scope.getByRole("button", { name: "Continue" }).click();
}

/** Step 1 "Yes", step 2 "Nothing that I know of": the quickest way to step 3. */
async function answerFirstTwo(scope) {
  await answer(scope, "Yes");
  await scope.getByRole("checkbox", { name: "Nothing that I know of" }).check();
  await scope.getByRole("button", { name: "Continue" }).click();
}

test("a user can work through all seven steps and read what their answers point to", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env);

  assert.equal(await currentQuestion(troubleshooter), QUESTIONS[0]);
  await troubleshooter.getByText("Step 1 of 7", { exact: true }).waitFor();
  const webmail = troubleshooter.getByRole("group", { name: QUESTIONS[0] });
  assert.deepEqual(
    await webmail.getByRole("radio").evaluateAll((radios) => radios.map((r) => r.labels[0].textContent)),
    ["Yes", "No", "Not sure"],
  );

  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await troubleshooter.getByText("Your mailbox is working, so the fault lies somewhere").waitFor();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();

  assert.equal(await currentQuestion(troubleshooter), QUESTIONS[1]);
  await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();
  await troubleshooter.getByLabel("Date the problem started").fill("2026-11-20");
  await troubleshooter.getByRole("checkbox", { name: "I changed my mailbox password" }).check();
  await troubleshooter.getByText("Your mail app is probably still trying the old password.").waitFor();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();

  await answer(troubleshooter, "No");
  await answer(troubleshooter, "Not sure");
  assert.equal(await currentQuestion(troubleshooter), QUESTIONS[4]);
  await answer(troubleshooter, "No");
  await answer(troubleshooter, "No");
  await answer(troubleshooter, "Yes");

  const summary = troubleshooter.getByRole("region", { name: "What your answers point to" });
  await summary.waitFor();
  await troubleshooter.getByText("All 7 questions answered", { exact: true }).first().waitFor();
  for (const question of QUESTIONS) await summary.getByText(question, { exact: true }).first().waitFor();
  await summary.getByText("20 November 2026: I changed my mailbox password").waitFor();
  await summary.getByRole("heading", { name: "Your mailbox password changed" }).waitFor();
  await summary.getByRole("heading", { name: "Your usual internet connection" }).waitFor();
  await summary.getByRole("heading", { name: "When to contact your administrator" }).waitFor();
  // One Change for each answer, and one beside the "Not sure" that is still to check.
  assert.equal(await summary.getByRole("button", { name: /^Change/ }).count(), 8);

  // At the summary the questions are folded away; a user opens them to see each status.
  await troubleshooter.getByText("Show all 7 questions", { exact: true }).click();
  const statuses = await troubleshooter.getByRole("list", { name: "Questions" }).locator(":scope > li .et-step-head strong").allTextContents();
  assert.deepEqual(statuses, [
    "Answered",
    "Points to a cause",
    "Answered",
    "Still to check",
    "Answered",
    "Answered",
    "Points to a cause",
  ]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("reloading the page finds everything as it was", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env);
  await answerFirstTwo(troubleshooter);
  await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();

  await page.reload();
  await ready(troubleshooter);
  assert.equal(await currentQuestion(troubleshooter), QUESTIONS[2]);
  assert.equal(await troubleshooter.getByRole("radio", { name: "No", exact: true }).isChecked(), true);
  await troubleshooter.getByText("A recent move from another provider is ruled out.").waitFor();
  await troubleshooter.getByText("Step 3 of 7", { exact: true }).waitFor();
  await troubleshooter.getByRole("progressbar", { name: "3 of 7 questions answered" }).waitFor();
  assert.equal(await notices(troubleshooter).textContent(), "", "no notice after a normal reload");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an answer can be changed from the summary, and the summary follows", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env);
  await answerFirstTwo(troubleshooter);
  for (const label of ["No", "No", "No", "No", "No"]) await answer(troubleshooter, label);
  const summary = troubleshooter.getByRole("region", { name: "What your answers point to" });
  await summary.getByText("Your answers don't point to any one cause.").waitFor();

  await summary.getByRole("button", { name: "Change your answer to question 5" }).click();
  assert.equal(await currentQuestion(troubleshooter), QUESTIONS[4]);
  await answer(troubleshooter, "Yes");
  await summary.getByRole("heading", { name: "Your domain's DNS records or its registration" }).waitFor();
  await summary.getByText("Who can fix this: your administrator.").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("start again asks first, then clears every answer, also after a reload", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env);
  await answer(troubleshooter, "No");
  await troubleshooter.getByRole("button", { name: "Start again" }).click();
  await troubleshooter.getByText("Clear all your answers and start again?").waitFor();
  await troubleshooter.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await currentQuestion(troubleshooter), QUESTIONS[1]);

  await troubleshooter.getByRole("button", { name: "Start again" }).click();
  await troubleshooter.getByRole("button", { name: "Yes, clear my answers" }).click();
  assert.equal(await currentQuestion(troubleshooter), QUESTIONS[0]);
  assert.equal(await troubleshooter.getByRole("radio", { name: "No", exact: true }).isChecked(), false);
  await page.reload();
  await ready(troubleshooter);
  assert.equal(await currentQuestion(troubleshooter), QUESTIONS[0]);
  await troubleshooter.getByRole("progressbar", { name: "0 of 7 questions answered" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
