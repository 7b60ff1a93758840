// WCAG 2.2 AA, measured with axe-core on every state of the widget, in light and dark.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, openWidget, widget, ready, finish, axeViolations } from "./support.mjs";

const env = useBrowser();

async function clean(page, state) {
  assert.deepEqual(await axeViolations(page), [], `axe violations in ${state}`);
}

for (const colorScheme of ["light", "dark"]) {
  test(`every step, every answer's guidance, errors and the summary pass axe (${colorScheme})`, async () => {
    const { context, page, problems, troubleshooter } = await openWidget(env, "/", { colorScheme });
    await clean(page, "the first question");
    await troubleshooter.getByRole("button", { name: "Continue" }).click();
    await troubleshooter.getByRole("alert").waitFor();
    await clean(page, "the error for no answer");
    for (const label of ["Yes", "No", "Not sure"]) {
      await troubleshooter.getByRole("radio", { name: label, exact: true }).check();
      await clean(page, `question 1 answered ${label}`);
    }
    await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
    await troubleshooter.getByRole("button", { name: "Continue" }).click();
    await troubleshooter.getByRole("button", { name: "Continue" }).click();
    await troubleshooter.getByRole("alert").waitFor();
    await clean(page, "the error for no change");
    await troubleshooter.getByLabel("Date the problem started").fill("2099-01-01");
    await troubleshooter.getByRole("checkbox", { name: "I changed my mailbox password" }).check();
    await troubleshooter.getByRole("checkbox", { name: "My office or home network changed" }).check();
    await troubleshooter.getByRole("button", { name: "Continue" }).click();
    await troubleshooter.getByText("can't be in the future").first().waitFor();
    await clean(page, "the error for a future date, with guidance for two changes");
    await troubleshooter.getByLabel("Date the problem started").fill("2026-11-02");
    await troubleshooter.getByRole("button", { name: "Continue" }).click();
    for (let step = 3; step <= 7; step++) {
      for (const label of ["Yes", "Not sure", "No"]) {
        await troubleshooter.getByRole("radio", { name: label, exact: true }).check();
        await clean(page, `question ${step} answered ${label}`);
      }
      await troubleshooter.getByRole("button", { name: "Continue" }).click();
    }
    await troubleshooter.getByRole("region", { name: "What your answers point to" }).waitFor();
    await clean(page, "the summary with its findings, report and continue-link");
    await troubleshooter.getByRole("button", { name: "Start again" }).click();
    await clean(page, "the start-again question");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("the other summaries, notices, settings problems and the link offer pass axe", async () => {
  let opened = await openWidget(env, "/", { colorScheme: "dark" });
  await finish(opened.troubleshooter, ["Yes", "No", "No", "Yes", "Yes", "No"]);
  await clean(opened.page, "a summary with contradicting answers");
  await opened.context.close();

  opened = await openWidget(env);
  await finish(opened.troubleshooter, ["Not sure", "No", "No", "No", "No", "Not sure"]);
  await clean(opened.page, "a summary with not enough to say");
  const link = await opened.troubleshooter.getByLabel("Link to your answers", { exact: true }).inputValue();
  await opened.context.close();

  opened = await openWidget(env, "/", {
    init: () => Object.defineProperty(window, "localStorage", { get: () => { throw new DOMException("no", "SecurityError"); } }),
  });
  await clean(opened.page, "the notice that progress won't be kept");
  await opened.context.close();

  const { context, page } = await openPage(env.browser);
  await page.goto(link);
  await ready(widget(page));
  await clean(page, "the offer of answers from a link");
  await page.goto(`${env.server.url}/#troubleshooter:help-article:v=1&at=webmail&sum=00000000`);
  await page.reload();
  await ready(widget(page));
  await widget(page).getByText("couldn't be used").waitFor();
  await clean(page, "the notice for a broken link");
  await page.goto(`${env.server.url}/host/settings.html`);
  await ready(widget(page, "#bad"));
  await clean(page, "settings that can't be used");
  await context.close();
});
