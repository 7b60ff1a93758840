// Leading with the answer, as a user on a phone and on a laptop meets it: after every Continue
// the new question's heading is in view and focused; what to do next stays with each answer;
// "Not sure" is still to check; help can be had at any step; the summary's first screen names
// the most likely cause and its action; a conflict keeps the findings it doesn't touch.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, widget, axeViolations, focused, openOnHostPage, answer, QUESTIONS } from "./support.mjs";

const env = useBrowser();

// The laptop walk runs in dark mode, so the new summary is checked by axe in both schemes.
const DEVICES = {
  phone: { viewport: { width: 390, height: 844 } },
  laptop: { viewport: { width: 1280, height: 800 }, colorScheme: "dark" },
};

/** The phone-ready host page on `device`, in English, with motion reduced so scrolls end at once. */
function openHost(device, attributes = {}, options = {}) {
  return openOnHostPage(env, attributes, { ...DEVICES[device], reducedMotion: "reduce", ...options });
}

/** Where a heading with this name sits in the window: its top and bottom edges. */
function place(page, name) {
  return page.evaluate((name) => {
    const root = document.querySelector("email-troubleshooter").shadowRoot;
    const heading = [...root.querySelectorAll("h3")].find((h) => h.textContent.trim() === name);
    if (!heading) return null;
    const box = heading.getBoundingClientRect();
    return { top: Math.round(box.top), bottom: Math.round(box.bottom), height: innerHeight };
  }, name);
}

/** Waits until the heading is focused and near the top of the view, and says where it ended. */
async function cameIntoView(page, name) {
  await page.waitForFunction((name) => {
    const root = document.querySelector("email-troubleshooter").shadowRoot;
    const active = root.activeElement;
    if (active?.textContent.trim() !== name) return false;
    const box = active.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight / 2;
  }, name);
  const where = await place(page, name);
  assert.ok(where.top >= 0 && where.bottom <= where.height / 2, `${name} at the top: ${JSON.stringify(where)}`);
  const now = await focused(page);
  assert.deepEqual([now.tag, now.text], ["h3", name], "the heading has focus");
}

async function answerAndSee(troubleshooter, label, question) {
  await answer(troubleshooter, label);
  if (question) await cameIntoView(troubleshooter.page(), question);
}

for (const device of Object.keys(DEVICES)) {
  test(`on a ${device}: each new question and the summary come into view, focused, and what to do stays`, async () => {
    const { context, page, problems, troubleshooter } = await openHost(device);
    await answerAndSee(troubleshooter, "Yes", QUESTIONS[1]);
    await troubleshooter.getByRole("checkbox", { name: "I changed my mailbox password" }).check();
    await troubleshooter.getByRole("button", { name: "Continue" }).click();
    await cameIntoView(page, QUESTIONS[2]);
    // The answered step keeps its next step, not only what the answer means.
    const answered = troubleshooter.getByRole("listitem").filter({ has: page.getByRole("heading", { name: QUESTIONS[1] }) });
    await answered.getByText("What to do next: Type the new password into your mail app on every device.").waitFor();

    await answerAndSee(troubleshooter, "Not sure", QUESTIONS[3]);
    const third = troubleshooter.getByRole("listitem").filter({ has: page.getByRole("heading", { name: QUESTIONS[2] }) });
    await third.getByText("Still to check", { exact: true }).waitFor();
    await third.getByText("What to do next: Ask your administrator whether your mail was moved.").waitFor();
    assert.equal(await troubleshooter.getByText("2 of 7 answered, 1 still to check").count(), 1, "Not sure is counted apart");

    await answerAndSee(troubleshooter, "No", QUESTIONS[4]);
    await answerAndSee(troubleshooter, "Yes", QUESTIONS[5]);
    await answerAndSee(troubleshooter, "Yes", QUESTIONS[6]);
    await answer(troubleshooter, "No");
    await cameIntoView(page, "What your answers point to");

    // The first screen from the summary's heading holds the most likely cause and its action.
    const summary = troubleshooter.getByRole("region", { name: "What your answers point to" });
    const title = summary.getByRole("heading", { name: "Your mailbox password changed" });
    const action = summary.getByText("Type the new password into the account settings of your mail app, on every device that collects this mailbox.");
    for (const part of [summary.getByText("Most likely cause", { exact: true }), title, action]) {
      const box = await part.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= DEVICES[device].viewport.height, `in the first screen: ${JSON.stringify(box)}`);
    }
    // Everyone affected, yet another computer works: named, each with its Change, and the
    // password finding stays; the clashing answers add nothing to the to-do list.
    await summary.getByText("You answered Yes to question 5, Yes to question 6.").waitFor();
    for (const [n, question] of [[5, QUESTIONS[4]], [6, QUESTIONS[5]]]) {
      const recheck = summary.getByRole("listitem").filter({ hasText: question });
      await recheck.getByRole("button", { name: `Change your answer to question ${n}` }).waitFor();
    }
    assert.equal(await summary.getByRole("heading", { name: "Something on your usual computer" }).count(), 0, "the doubted cause is left out");
    // The to-do list gathers every answer's next step; Not sure says how to find out, marked
    // still to check, with its Change.
    const todo = summary.getByRole("list").filter({ hasText: "from question 2" });
    assert.match(await todo.innerText(), /Type the new password[\s\S]*Ask your administrator whether your mail was moved\. \(from question 3, still to check\)[\s\S]*If nothing else has helped/);
    assert.doesNotMatch(await todo.innerText(), /domain's DNS|usual computer/, "nothing from the answers that clash");
    await todo.getByRole("button", { name: "Change your answer to question 3" }).waitFor();
    // Once the summary leads, the questions fold away; on a phone the answers fold too.
    assert.equal(await troubleshooter.getByRole("group").filter({ hasText: "Show all 7 questions" }).evaluate((d) => d.open), false);
    const answers = troubleshooter.getByRole("group").filter({ hasText: "Check your answers" });
    assert.equal(await answers.evaluate((d) => d.open), device === "laptop", "the answers are folded on a phone");

    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("Get help now at question 1: the report and the open questions, without answering the rest", async () => {
  const { context, page, problems, troubleshooter } = await openHost("phone");
  // Offered once something is answered; where the answer says the rest won't help, prominently.
  assert.equal(await troubleshooter.getByRole("button", { name: "Get help now" }).count(), 0, "nothing to show yet");
  await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
  const guidance = troubleshooter.locator(".et-help-now");
  await guidance.getByText("You don't need to answer the other questions first.", { exact: false }).waitFor();
  assert.equal(await troubleshooter.getByRole("button", { name: "Get help now" }).count(), 1, "offered once");
  // The guidance that answer brought up is scrolled into view: on a phone it starts below the fold.
  await page.waitForFunction(() => {
    const root = document.querySelector("email-troubleshooter").shadowRoot;
    const box = root.querySelector(".et-help-now button").getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  });
  assert.deepEqual(await axeViolations(page), []);
  await troubleshooter.getByRole("button", { name: "Get help now" }).click();
  await cameIntoView(page, "What your answers point to");

  const summary = troubleshooter.getByRole("region", { name: "What your answers point to" });
  await summary.getByRole("heading", { name: "The mailbox or the account itself" }).waitFor();
  await summary.getByText("Who can fix this: your administrator.").waitFor();
  const report = await summary.getByRole("textbox", { name: "The report" }).inputValue();
  assert.match(report, /The mailbox or the account itself/);
  const open = summary.getByRole("list").filter({ hasText: QUESTIONS[6] });
  assert.equal(await open.getByRole("listitem").count(), 6, "the six open questions are listed");
  assert.equal(await troubleshooter.getByText(/^All 7 questions answered$/).count(), 0, "nothing claims all are answered");

  // Still there after a reload; the open questions wait to be answered.
  await page.reload();
  await page.evaluate(() => document.body.append(document.createElement("email-troubleshooter")));
  await summary.getByRole("heading", { name: "The mailbox or the account itself" }).waitFor();
  await summary.getByRole("button", { name: "Answer the remaining questions" }).click();
  await cameIntoView(page, QUESTIONS[1]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("help at a later step, before answering it, keeps what was answered", async () => {
  const { context, troubleshooter } = await openHost("laptop");
  await answer(troubleshooter, "Yes");
  await troubleshooter.getByRole("checkbox", { name: "I changed my mailbox password" }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByRole("heading", { name: QUESTIONS[2] }).waitFor();
  await troubleshooter.getByRole("button", { name: "Get help now" }).click();
  const summary = troubleshooter.getByRole("region", { name: "What your answers point to" });
  await summary.getByRole("heading", { name: "Your mailbox password changed" }).waitFor();
  assert.equal(await summary.getByRole("list").filter({ hasText: QUESTIONS[6] }).getByRole("listitem").count(), 5);
  await context.close();
});

test("the heading setting leaves out the widget's own heading and intro; the one line up front stays", async () => {
  const { context, page, problems, troubleshooter } = await openHost("phone", { heading: "hide" });
  assert.equal(await troubleshooter.getByRole("heading", { name: "Can't connect to your mailbox?" }).count(), 0);
  assert.equal(await troubleshooter.getByText(/work through these 7 questions/).count(), 0);
  await troubleshooter.getByRole("region", { name: "Can't connect to your mailbox?" }).waitFor();
  await troubleshooter.getByText("Takes about an hour. Questions 6 and 7 need a second computer and a second internet connection.").waitFor();
  // The first answer is on the phone's first screen.
  const radio = await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).boundingBox();
  assert.ok(radio.y + radio.height <= 844, `the first answer is on the first screen: ${radio.y}`);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();

  const shown = await openHost("phone", { heading: "show" });
  await shown.troubleshooter.getByRole("heading", { name: "Can't connect to your mailbox?" }).waitFor();
  await shown.troubleshooter.getByText(/work through these 7 questions in order/).waitFor();
  await shown.context.close();

  const wrong = await openHost("phone", { heading: "none" });
  await wrong.troubleshooter.getByText("heading: expected show or hide").waitFor();
  await wrong.troubleshooter.getByRole("heading", { name: "Can't connect to your mailbox?" }).waitFor();
  await wrong.context.close();
});

for (const [how, attributes, options] of [
  ["the dark theme", { theme: "dark" }, {}],
  ["a system in dark mode", {}, { colorScheme: "dark" }],
]) {
  test(`native controls follow ${how}: color-scheme dark, and axe is clean`, async () => {
    const { context, page, troubleshooter } = await openHost("phone", attributes, options);
    const scheme = await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).evaluate((radio) => getComputedStyle(radio).colorScheme);
    assert.equal(scheme, "dark");
    await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
    assert.deepEqual(await axeViolations(page), []);
    await troubleshooter.getByRole("button", { name: "Get help now" }).click();
    await troubleshooter.getByRole("heading", { name: "The mailbox or the account itself" }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
}

test("light stays light: color-scheme light with the light theme in a dark system", async () => {
  const { context, troubleshooter } = await openHost("phone", { theme: "light" }, { colorScheme: "dark" });
  const scheme = await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).evaluate((radio) => getComputedStyle(radio).colorScheme);
  assert.equal(scheme, "light");
  await context.close();
});

test("in the portal's dialog on a phone, each new question comes into view too", async () => {
  const opened = await openPage(env.browser, { ...DEVICES.phone, reducedMotion: "reduce" });
  const { page, context } = opened;
  await page.goto(`${env.server.url}/portal.html`);
  await page.getByRole("link", { name: "Can't connect your mail app?" }).click();
  const troubleshooter = widget(page);
  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await cameIntoView(page, QUESTIONS[1]);
  await troubleshooter.getByRole("checkbox", { name: "Nothing that I know of" }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await cameIntoView(page, QUESTIONS[2].replace("Rackspace Cloud Office", "Example Mail"));
  await context.close();
});

test("on a phone, two equally likely causes: the first says why it leads, and the email keeps that order", async () => {
  const { context, page, problems, troubleshooter } = await openHost("phone");
  await answer(troubleshooter, "Yes");
  await troubleshooter.getByRole("checkbox", { name: "I changed my mailbox password" }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  for (const label of ["No", "No", "No", "Yes", "No"]) await answer(troubleshooter, label);
  await cameIntoView(page, "What your answers point to");
  const summary = troubleshooter.getByRole("region", { name: "What your answers point to" });
  // Password (question 2) and the usual computer (question 6) are both likely: the answer that
  // names its cause leads, and says so on the first screen.
  const why = summary.getByText("As likely as the next cause, and first because your answer names it.");
  const box = await why.boundingBox();
  assert.ok(box && box.y + box.height <= 844, `the reason is on the first screen: ${JSON.stringify(box)}`);
  await summary.getByRole("heading", { name: "Other possible causes" }).waitFor();
  const href = await summary.getByRole("link", { name: "Email it" }).getAttribute("href");
  const body = decodeURIComponent(href.slice(href.indexOf("body=") + "body=".length));
  const first = body.indexOf("Your mailbox password changed");
  const second = body.indexOf("Something on your usual computer");
  assert.ok(first >= 0 && second > first, `the email lists the leading cause first:\n${body}`);
  assert.deepEqual(problems, []);
  await context.close();
});
