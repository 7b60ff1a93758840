// Where focus and the view go on a phone: an answer scrolls only the tab it is made in, the
// Start again confirm shows whole and Cancel gives focus back, and the last "Still not
// working" is read out. (Ignoring a link keeps focus in the widget: continue.test.mjs.)

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, openWidget, widget, ready, finish, focused, focusReaches, openOnHostPage } from "./support.mjs";

const env = useBrowser();

/** Points to the password (question 2) first, then the internet connection (question 7). */
const ANSWERS = ["Yes", "No", "No", "No", "No", "Yes"];
const WHEN = { date: "2026-11-20", changes: ["I changed my mailbox password"] };
const PASSWORD = "Your mailbox password changed";
const NETWORK = "Your usual internet connection";

/** Another page in `context` on the phone host page, with a troubleshooter given `attributes`. */
async function anotherTab(context, attributes) {
  const page = await context.newPage();
  await page.goto(`${env.server.url}/host/phone.html`);
  await page.evaluate((attributes) => {
    const element = document.createElement("email-troubleshooter");
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    document.body.append(element);
  }, attributes);
  const troubleshooter = widget(page);
  await troubleshooter.getByRole("radio").first().waitFor();
  return { page, troubleshooter };
}

/** Waits two frames: a scroll asked for by a change happens in the frame after it is drawn. */
function frames(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

const scrollY = (page) => page.evaluate(() => Math.round(window.scrollY));

/** Whether the element is wholly on screen. */
async function wholeInView(locator, page) {
  const box = await locator.boundingBox();
  const { height } = page.viewportSize();
  return box !== null && box.y >= -1 && box.y + box.height <= height + 1;
}

async function waitUntil(check, what) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail(`never happened: ${what}`);
}

test("on a phone, an answer brings its guidance into view only in its own tab: another with the same storage key keeps its place", async () => {
  const { context, page, problems, troubleshooter } = await openOnHostPage(env, { "storage-key": "two-tabs" });
  const other = await anotherTab(context, { "storage-key": "two-tabs" });
  assert.equal(await scrollY(other.page), 0);

  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  const whatToDo = troubleshooter.getByText("What to do next:", { exact: true });
  await whatToDo.waitFor();
  await frames(page);
  assert.ok(await scrollY(page) > 0, "here the guidance was below the fold");
  assert.ok(await wholeInView(whatToDo, page), "and is brought into view");

  // The other tab takes the answer in, guidance and all, and stays where its reader is.
  const followed = other.troubleshooter.getByRole("radio", { name: "Yes", exact: true });
  await waitUntil(() => followed.isChecked(), "the other tab takes the answer in");
  await frames(other.page);
  await frames(other.page);
  assert.ok(!(await wholeInView(other.troubleshooter.getByText("What to do next:", { exact: true }), other.page)), "its guidance is below the fold");
  assert.equal(await scrollY(other.page), 0, "the other tab didn't scroll");

  // The same for a tick on question 2.
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await other.troubleshooter.getByRole("checkbox", { name: "Nothing that I know of" }).waitFor();
  await frames(other.page);
  const before = await scrollY(other.page);
  await troubleshooter.getByRole("checkbox", { name: "Nothing that I know of" }).check();
  const ticked = other.troubleshooter.getByRole("checkbox", { name: "Nothing that I know of" });
  await waitUntil(() => ticked.isChecked(), "the other tab takes the tick in");
  await frames(other.page);
  await frames(other.page);
  assert.equal(await scrollY(other.page), before, "the other tab didn't scroll");
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a phone, Start again's confirm shows whole, and Cancel gives focus back to the button that opened it", async () => {
  const { context, page, problems, troubleshooter } = await openOnHostPage(env, { "storage-key": "confirm" });
  await finish(troubleshooter, ANSWERS, WHEN);

  for (const name of ["Start again", "Start again for another device"]) {
    if (name !== "Start again") {
      await troubleshooter.getByRole("group", { name: `${PASSWORD}: did this fix it?` }).getByRole("button", { name: "This fixed it" }).click();
      await focusReaches(page, `Fixed: ${PASSWORD}`);
    }
    const button = troubleshooter.getByRole("button", { name, exact: true });
    // The button at the foot of the screen, where a thumb finds it.
    await button.evaluate((element) => element.scrollIntoView({ block: "end" }));
    await frames(page);
    await button.click();
    await focusReaches(page, "Clear all your answers and start again?");
    await frames(page);
    const confirm = troubleshooter.getByRole("group", { name: "Clear all your answers and start again?" });
    assert.ok(await wholeInView(confirm.getByRole("button", { name: "Yes, clear my answers" }), page), `${name}: Yes is on screen`);
    assert.ok(await wholeInView(confirm.getByRole("button", { name: "Cancel" }), page), `${name}: Cancel is on screen`);
    assert.ok(await wholeInView(confirm.getByText("Clear all your answers and start again?"), page), `${name}: so is the question`);

    await confirm.getByRole("button", { name: "Cancel" }).click();
    const back = await focusReaches(page, name);
    assert.equal(back.tag, "button", `${name}: focus is back on its button`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a phone, the last Still not working reads out that nothing listed fixed it", async () => {
  const { context, page, problems, troubleshooter } = await openOnHostPage(env, { "storage-key": "all-tried" });
  await finish(troubleshooter, ANSWERS, WHEN);
  const nothingFixed = troubleshooter.getByRole("status").filter({ hasText: "Nothing listed here fixed it." });
  assert.equal(await nothingFixed.count(), 0, "not before everything is tried");
  await troubleshooter.getByRole("group", { name: `${PASSWORD}: did this fix it?` }).getByRole("button", { name: "Still not working" }).click();
  await focusReaches(page, NETWORK);
  await troubleshooter.getByRole("group", { name: `${NETWORK}: did this fix it?` }).getByRole("button", { name: "Still not working" }).click();
  await focusReaches(page, "When to contact your administrator");
  await nothingFixed.waitFor();
  assert.match(await nothingFixed.textContent(), /^Nothing listed here fixed it\. Contact your administrator/);
  assert.deepEqual(problems, []);
  await context.close();
});
