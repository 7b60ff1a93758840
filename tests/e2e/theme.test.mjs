// Colours, fonts and print: the documented custom properties, light and dark, and paper.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, ready } from "./support.mjs";

const env = useBrowser();

async function mountWith(page, attributes, css = "") {
  await page.goto(`${env.server.url}/host/api.html`);
  await page.evaluate(
    async ({ attributes, css }) => {
      if (css) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [sheet];
      }
      await import("/cdn/v1/email-troubleshooter.js");
      const element = document.createElement("email-troubleshooter");
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      document.getElementById("slot").replaceChildren(element);
    },
    { attributes, css },
  );
  const troubleshooter = page.locator("email-troubleshooter");
  await ready(troubleshooter);
  return troubleshooter;
}

const colours = (troubleshooter) =>
  troubleshooter.getByRole("region", { name: "Can't connect to your mailbox?" }).evaluate((section) => {
    const style = getComputedStyle(section);
    return { text: style.color, background: style.backgroundColor, font: style.fontFamily };
  });

test("the scheme follows the system unless the host sets theme", async () => {
  const { context, page, problems } = await openPage(env.browser, { colorScheme: "dark" });
  let troubleshooter = await mountWith(page, {});
  assert.equal((await colours(troubleshooter)).background, "rgb(22, 25, 29)", "dark, as the system prefers");
  troubleshooter = await mountWith(page, { theme: "light" });
  assert.equal((await colours(troubleshooter)).background, "rgb(255, 255, 255)");
  await page.emulateMedia({ colorScheme: "light" });
  troubleshooter = await mountWith(page, { theme: "dark" });
  assert.deepEqual(await colours(troubleshooter), {
    text: "rgb(232, 234, 237)",
    background: "rgb(22, 25, 29)",
    font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  });
  assert.deepEqual(problems, []);
  await context.close();
});

test("the documented custom properties pass into the shadow root", async () => {
  const { context, page, problems } = await openPage(env.browser);
  const troubleshooter = await mountWith(
    page,
    {},
    "email-troubleshooter { --et-accent: rgb(120, 0, 90); --et-text: rgb(10, 20, 30); --et-background: rgb(250, 245, 235); --et-font: Georgia, serif; --et-radius: 0px; }",
  );
  assert.deepEqual(await colours(troubleshooter), { text: "rgb(10, 20, 30)", background: "rgb(250, 245, 235)", font: "Georgia, serif" });
  const button = await troubleshooter.getByRole("button", { name: "Continue" }).evaluate((b) => {
    const style = getComputedStyle(b);
    return [style.backgroundColor, style.borderTopLeftRadius];
  });
  assert.deepEqual(button, ["rgb(120, 0, 90)", "0px"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("printed, it keeps the questions and answers and drops the buttons", async () => {
  const { context, page, problems } = await openPage(env.browser);
  const troubleshooter = await mountWith(page, { "storage-key": "print" });
  await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await page.emulateMedia({ media: "print" });
  assert.equal(await troubleshooter.getByRole("button", { name: "Continue" }).isVisible(), false);
  assert.equal(await troubleshooter.getByRole("button", { name: "Start again" }).isVisible(), false);
  assert.equal(await troubleshooter.getByText("Your answer: No").isVisible(), true);
  assert.equal(await troubleshooter.getByText("Can you sign in to webmail and see new mail arriving?").isVisible(), true);
  assert.deepEqual(problems, []);
  await context.close();
});
