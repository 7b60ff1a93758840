// The embed as other sites use it: from another path, beside the host's own CSS, twice on a page.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, openWidget, widget, ready } from "./support.mjs";
import { WASM, servedAs } from "../../scripts/dist-files.mjs";

const env = useBrowser();

test("the embed snippet works on another site's page with dist/ at a path of its own", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env, "/host/elsewhere.html");
  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();
  assert.equal(await page.locator("#fallback").isVisible(), false, "the fallback gives way to the widget");
  assert.ok(env.server.requests.some((path) => servedAs(WASM, "/cdn/v1/").test(path)), "the wasm is loaded from beside the script");

  // The host's CSS stays out of the widget, and the widget's stays out of the host.
  const fontInWidget = await troubleshooter.locator("h2").evaluate((h) => getComputedStyle(h).fontFamily);
  assert.doesNotMatch(fontInWidget, /Comic Sans/);
  const hostParagraph = await page.locator("body > p").evaluate((p) => getComputedStyle(p).fontSize);
  assert.equal(hostParagraph, "30px");
  assert.deepEqual(problems, []);
  await context.close();
});

test("two elements with different storage keys keep separate progress", async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/host/two-instances.html`);
  const sales = widget(page, "#sales email-troubleshooter");
  const support = widget(page, "#support email-troubleshooter");
  await ready(sales);
  await ready(support);
  await sales.getByRole("radio", { name: "No", exact: true }).check();
  await sales.getByRole("button", { name: "Continue" }).click();
  await sales.getByText("Step 2 of 7", { exact: true }).waitFor();
  await support.getByRole("radio", { name: "Not sure", exact: true }).check();

  await page.reload();
  await ready(sales);
  await ready(support);
  await sales.getByText("Step 2 of 7", { exact: true }).waitFor();
  await support.getByText("Step 1 of 7", { exact: true }).waitFor();
  assert.equal(await support.getByRole("radio", { name: "Not sure", exact: true }).isChecked(), true);
  assert.equal(await sales.getByText("Your answer: No").count(), 1);
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(keys, ["email-troubleshooter:sales", "email-troubleshooter:support"]);
  assert.deepEqual(problems, []);
  await context.close();
});
