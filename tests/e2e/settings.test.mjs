// A host's settings: the good ones take effect, the bad ones are named in the element.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, widget, ready, finish } from "./support.mjs";
import { HOST_CHECKLIST_WASM, WASM, servedAs } from "../../scripts/dist-files.mjs";

const env = useBrowser();

test("settings that can't be used are named in the element, with what was expected", async () => {
  const { context, page, problems } = await openPage(env.browser);
  const warnings = [];
  page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
  await page.goto(`${env.server.url}/host/settings.html`);
  const bad = widget(page, "#bad");
  await ready(bad);
  const listed = await bad.getByRole("listitem").filter({ hasText: "expected" }).allTextContents();
  assert.deepEqual(listed.sort(), [
    "adminContact: expected an email address, or an https:, http: or mailto: address",
    "colour: expected one of the documented setting names",
    "helpToolUrl: expected an https:, http: or mailto: address",
    "providerName: expected some text",
    "theme: expected light, dark or auto",
    "webmail-url: expected an https:, http: or mailto: address",
  ]);
  for (const line of listed) assert.ok(warnings.includes(`email-troubleshooter: ${line}`), `"${line}" is on the console too`);
  // The defaults apply instead: the webmail link is the article's, never the script URL.
  assert.equal(await bad.getByRole("link", { name: /Sign in to webmail/ }).getAttribute("href"), "https://apps.rackspace.com");
  await bad.getByRole("radio", { name: "Yes", exact: true }).check();
  await bad.getByText("Your mailbox is working").waitFor();

  const broken = widget(page, "#broken-json");
  await ready(broken);
  await broken.getByText("config: expected a JSON object of settings (not valid JSON)").waitFor();
  assert.equal(await page.locator("#host-text").textContent(), "The host page's own text.");
  assert.deepEqual(problems, []);
  await context.close();
});

test("good settings change the links, the provider's name and the administrator's contact", async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/host/settings.html`);
  const good = widget(page, "#good");
  await ready(good);
  assert.equal(await good.getByText("expected", { exact: false }).count(), 0, "no problems listed");
  assert.equal(await good.getByRole("link", { name: /Sign in to webmail/ }).getAttribute("href"), "https://webmail.acme.test/");
  await good.getByRole("radio", { name: "Yes", exact: true }).check();
  await good.getByRole("button", { name: "Continue" }).click();
  await good.getByRole("checkbox", { name: "I set up a new device or mail app, or installed an update" }).check();
  assert.equal(await good.getByRole("link", { name: /Email Help Tool/ }).first().getAttribute("href"), "https://acme.test/settings");
  await good.getByRole("button", { name: "Continue" }).click();
  await good.getByRole("group", { name: "Have you recently moved your mail to Acme Mail from another provider?" }).waitFor();
  for (const label of ["No", "No", "Yes", "No", "No"]) {
    await good.getByRole("radio", { name: label, exact: true }).check();
    await good.getByRole("button", { name: "Continue" }).click();
  }
  const summary = good.getByRole("region", { name: "What your answers point to" });
  assert.equal(await summary.getByRole("link", { name: /How to set up DNS records for Acme Mail/ }).getAttribute("href"), "https://acme.test/dns");
  assert.equal(await summary.getByRole("link", { name: "Contact your administrator" }).getAttribute("href"), "mailto:it@acme.test");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an address with a login, or a mailto: contact with more after the address, is named; no mail link gets a second ?", async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/host/api.html`);
  await page.evaluate(async () => {
    await import("/cdn/v1/email-troubleshooter.js");
    const add = (id, attributes) => {
      const element = document.createElement("email-troubleshooter");
      element.id = id;
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      document.body.append(element);
    };
    add("hidden-recipient", {
      "storage-key": "hidden-recipient",
      "admin-contact": "mailto:a@b.c?bcc=evil@x.y",
      "webmail-url": "https://user:pass@mail.example.com/",
      "doh-url": "https://user:pass@dns.example/dns-query",
    });
    add("plain-contact", { "storage-key": "plain-contact", "admin-contact": "mailto:it@acme.test" });
  });
  const bad = widget(page, "#hidden-recipient");
  await ready(bad);
  const listed = await bad.getByRole("listitem").filter({ hasText: "expected" }).allTextContents();
  assert.deepEqual(listed.sort(), [
    "admin-contact: expected one email address and nothing after it (no ?subject=, ?cc= or ?bcc=)",
    "doh-url: expected an address without a user name or password in it",
    "webmail-url: expected an address without a user name or password in it",
  ]);
  assert.equal(await bad.getByRole("link", { name: /Sign in to webmail/ }).getAttribute("href"), "https://apps.rackspace.com");
  await finish(bad, ["Yes", "No", "No", "Yes", "No", "Yes"]);
  const badSummary = bad.getByRole("region", { name: "What your answers point to" });
  assert.equal(await badSummary.getByRole("link", { name: "Contact your administrator" }).count(), 0, "no contact is offered");
  const nobody = await badSummary.getByRole("link", { name: "Email it", exact: true }).getAttribute("href");
  assert.ok(nobody.startsWith("mailto:?subject="), nobody);
  assert.equal(nobody.split("?").length, 2, `one ? only: ${nobody}`);
  assert.ok(!nobody.includes("evil"), nobody);

  const good = widget(page, "#plain-contact");
  await ready(good);
  await finish(good, ["Yes", "No", "No", "Yes", "No", "Yes"]);
  const summary = good.getByRole("region", { name: "What your answers point to" });
  assert.equal(await summary.getByRole("link", { name: "Contact your administrator" }).getAttribute("href"), "mailto:it@acme.test");
  const email = await summary.getByRole("link", { name: "Email it to your administrator" }).getAttribute("href");
  assert.ok(email.startsWith("mailto:it@acme.test?subject="), email);
  assert.equal(email.split("?").length, 2, `one ? only: ${email}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a host's own checklist replaces the built-in one, and loads the bundle that reads it", async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/host/api.html`);
  const checklist = await (await fetch(`${env.server.url}/host/custom-checklist.json`)).json();
  await page.evaluate(async (checklist) => {
    const { mount } = await import("/cdn/v1/email-troubleshooter.js");
    await mount(document.getElementById("slot"), { checklist, storageKey: "custom" }).ready;
  }, checklist);
  const troubleshooter = page.locator("#slot");
  await troubleshooter.getByRole("heading", { name: "Mail not reaching your phone?" }).waitFor();
  await troubleshooter.getByText("Step 1 of 2").waitFor();
  const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((r) => new URL(r.name).pathname));
  assert.ok(loaded.some((path) => servedAs(HOST_CHECKLIST_WASM, "/cdn/v1/").test(path)), loaded.join(" "));
  assert.ok(!loaded.some((path) => servedAs(WASM, "/cdn/v1/").test(path)), "the lean bundle isn't fetched as well");

  const broken = { ...checklist, steps: [{ ...checklist.steps[0], options: [] }] };
  await page.evaluate(async (broken) => {
    const { mount } = await import("/cdn/v1/email-troubleshooter.js");
    const div = document.createElement("div");
    div.id = "broken";
    document.body.append(div);
    await mount(div, { checklist: broken, storageKey: "broken" }).ready;
  }, broken);
  const fallback = page.locator("#broken");
  await fallback.getByText("checklist: expected a checklist in the schema of the built-in content (steps[0] (phone): must offer at least Yes and No)").waitFor();
  await fallback.getByRole("heading", { name: "Can't connect to your mailbox?" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("checkTimeout in JSON may be a number, as JSON writes one; a fraction is named as a problem", async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/host/api.html`);
  await page.evaluate(async () => {
    const { mount } = await import("/cdn/v1/email-troubleshooter.js");
    for (const [id, checkTimeout] of [["whole", 5], ["fraction", 2.5], ["text", "5"]]) {
      const div = document.createElement("div");
      div.id = id;
      document.body.append(div);
      await mount(div, { checkTimeout, storageKey: `timeout-${id}` }).ready;
    }
  });
  for (const id of ["whole", "text"]) {
    const accepted = page.locator(`#${id}`);
    await accepted.getByRole("radio", { name: "Yes", exact: true }).waitFor();
    assert.equal(await accepted.getByText("expected", { exact: false }).count(), 0, `${id}: no problem listed`);
  }
  const fraction = page.locator("#fraction");
  await fraction.getByRole("listitem").filter({ hasText: /^checkTimeout: expected / }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
