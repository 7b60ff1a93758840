// The DOM events a host page can listen to for its own analytics.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openWidget } from "./support.mjs";

const env = useBrowser();

test("answers, changes, finishing and resetting reach a listener on the host page", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env, "/host/events.html");
  const answer = async (label) => {
    await troubleshooter.getByRole("radio", { name: label, exact: true }).check();
    await troubleshooter.getByRole("button", { name: "Continue" }).click();
  };
  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByLabel("Date the problem started").fill("2026-11-02");
  await troubleshooter.getByRole("checkbox", { name: "I changed my mailbox password" }).check();
  await troubleshooter.getByRole("checkbox", { name: "My office or home network changed" }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  for (const label of ["No", "No", "Yes", "No", "No"]) await answer(label);
  await troubleshooter.getByRole("region", { name: "What your answers point to" }).waitFor();
  await troubleshooter.getByRole("button", { name: "Start again" }).click();
  await troubleshooter.getByRole("button", { name: "Yes, clear my answers" }).click();
  await troubleshooter.getByText("Step 1 of 7", { exact: true }).waitFor();

  const received = await page.evaluate(() => window.received);
  assert.ok(received.every((event) => event.target === "email-troubleshooter" && event.composed), "they leave the shadow root at the element");
  const summary = received.map(({ name, detail }) => [name.replace("troubleshooter-", ""), detail.step ?? "", detail.answer ?? ""]);
  assert.deepEqual(summary, [
    ["answered", "webmail", "yes"],
    ["changed", "webmail", "no"],
    ["answered", "when", "password,network"],
    ["answered", "migrated", "no"],
    ["answered", "upgraded", "no"],
    ["answered", "domain", "yes"],
    ["answered", "computer", "no"],
    ["answered", "network", "no"],
    ["finished", "", ""],
    ["reset", "", ""],
  ]);
  assert.deepEqual(received[1].detail, { step: "webmail", number: 1, answer: "no", previous: "yes", pointsTo: ["mailbox"] });
  assert.deepEqual(received[2].detail, { step: "when", number: 2, answer: "password,network", date: "2026-11-02", pointsTo: ["password", "network"] });
  assert.deepEqual(received[8].detail, { findings: ["mailbox", "domain", "password", "network"], answered: 7 }, "most likely first");
  assert.deepEqual(received[9].detail, {});
  assert.deepEqual(problems, []);
  await context.close();
});

test("nothing is reported for answers restored from storage", async () => {
  const { context, page, troubleshooter } = await openWidget(env, "/host/events.html");
  await troubleshooter.getByRole("radio", { name: "Not sure", exact: true }).check();
  await page.reload();
  await troubleshooter.getByRole("heading", { name: "Can't connect to your mailbox?" }).waitFor();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.received), []);
  await context.close();
});
