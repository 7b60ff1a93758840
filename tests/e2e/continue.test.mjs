// Carrying progress to another computer: the link, its QR code, and links that can't be used.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, openWidget, widget, ready, finish } from "./support.mjs";

const env = useBrowser();

async function linkFrom(troubleshooter) {
  await troubleshooter.getByText("Continue on another computer or network").first().click();
  return troubleshooter.getByLabel("Link to your answers", { exact: true }).inputValue();
}

test("a link opened in a fresh browser shows what it holds and continues from it on request", async () => {
  const first = await openWidget(env);
  await first.troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await first.troubleshooter.getByRole("button", { name: "Continue" }).click();
  await first.troubleshooter.getByRole("checkbox", { name: "My office or home network changed" }).check();
  await first.troubleshooter.getByRole("button", { name: "Continue" }).click();
  const link = await linkFrom(first.troubleshooter);
  assert.match(link, new RegExp(`^${env.server.url}/#troubleshooter:help-article:v=1&`));
  const qr = first.troubleshooter.getByRole("img", { name: "QR code of the link to your answers" });
  assert.ok((await qr.boundingBox()).width > 100, "a QR code a phone can scan");
  await first.context.close();

  // Another computer: its own storage, with answers of its own.
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/`);
  const other = widget(page);
  await ready(other);
  await other.getByRole("radio", { name: "No", exact: true }).check();
  await page.goto(link);
  await ready(other);
  const offer = other.getByRole("region", { name: "Answers from a link" });
  await offer.getByText(/holds answers to 2 of 7 questions/).waitFor();
  await offer.getByText("My office or home network changed", { exact: false }).waitFor();
  await offer.getByText("Continuing replaces the answers saved in this browser.").waitFor();
  const before = await page.evaluate(() => localStorage.getItem("email-troubleshooter:help-article"));
  assert.match(before, /webmail=no/, "nothing is replaced before the user says so");

  await offer.getByRole("button", { name: "Continue with these answers" }).click();
  await other.getByText("Step 3 of 7", { exact: true }).waitFor();
  await other.getByText("The answers from the link are in place.").waitFor();
  assert.equal(await other.getByRole("region", { name: "Answers from a link" }).count(), 0);
  assert.match(await page.evaluate(() => localStorage.getItem("email-troubleshooter:help-article")), /webmail=yes.*when=\/network/);
  assert.equal(new URL(page.url()).hash, "", "the used link is taken off the address");
  await page.reload();
  await ready(other);
  assert.equal(await other.getByRole("region", { name: "Answers from a link" }).count(), 0, "and not offered again");
  assert.deepEqual(problems, []);
  await context.close();
});

test("ignoring a link keeps this browser's answers", async () => {
  const first = await openWidget(env);
  await finish(first.troubleshooter, ["No", "No", "No", "No", "No", "No"]);
  const link = await first.troubleshooter.getByLabel("Link to your answers", { exact: true }).inputValue();
  await first.context.close();

  const { context, page, problems } = await openPage(env.browser);
  await page.goto(link);
  const other = widget(page);
  await ready(other);
  await other.getByRole("region", { name: "Answers from a link" }).getByRole("button", { name: "Ignore the link" }).click();
  await other.getByText("Step 1 of 7", { exact: true }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("email-troubleshooter:help-article")), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test("broken links are refused with a clear message, and saved answers stay exactly as they were", async () => {
  const first = await openWidget(env);
  await first.troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await first.troubleshooter.getByRole("button", { name: "Continue" }).click();
  const link = await linkFrom(first.troubleshooter);
  await first.context.close();

  const cases = [
    [link.slice(0, link.length - 12), "it is damaged or incomplete"],
    [link.replace("webmail=yes", "webmail=no"), "it is damaged or incomplete"],
    [`${env.server.url}/#troubleshooter:help-article:v=1&at=webmail&webmail=maybe`, "it is damaged or incomplete"],
    [`${link}${"x".repeat(2100)}`, "it is too long"],
    [`${env.server.url}/#troubleshooter:help-article:v=4&at=webmail&sum=12345678`, "it was made by another version of this troubleshooter"],
  ];
  for (const [broken, why] of cases) {
    const { context, page, problems } = await openPage(env.browser);
    await page.goto(`${env.server.url}/`);
    const other = widget(page);
    await ready(other);
    await other.getByRole("radio", { name: "Not sure", exact: true }).check();
    const saved = await page.evaluate(() => localStorage.getItem("email-troubleshooter:help-article"));
    await page.goto(broken);
    await ready(other);
    await other.getByRole("status").getByText(`The link to your answers couldn't be used, because ${why}. Nothing saved in this browser has changed.`).waitFor();
    assert.equal(await other.getByRole("region", { name: "Answers from a link" }).count(), 0);
    assert.equal(await page.evaluate(() => localStorage.getItem("email-troubleshooter:help-article")), saved);
    assert.equal(await other.getByRole("radio", { name: "Not sure", exact: true }).isChecked(), true);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

/** The link's checksum, FNV-1a over the fragment before `&sum=`: anyone can make one. */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
}

test("a crafted link with a valid checksum brings answers, never text of its own", async () => {
  const body =
    "troubleshooter:help-article:v=1&at=summary&webmail=yes&when=/nothing&migrated=no&upgraded=no&domain=no&computer=no&network=no" +
    "&check.reg=example.com/found:2020-01-01:Your~20mailbox~20is~20locked.~20Call~20~2B1~20555~200100@1";
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/#${body}&sum=${fnv1a(body)}`);
  const troubleshooter = widget(page);
  await ready(troubleshooter);
  const offer = troubleshooter.getByRole("region", { name: "Answers from a link" });
  await offer.getByText(/holds answers to 7 of 7 questions/).waitFor();
  await offer.getByRole("button", { name: "Continue with these answers" }).click();
  const summary = troubleshooter.getByRole("region", { name: "What your answers point to" });
  await summary.waitFor();
  assert.equal(await troubleshooter.getByText("Your mailbox is locked", { exact: false }).count(), 0);
  assert.doesNotMatch(await summary.getByLabel("The report").inputValue(), /locked|555/);
  assert.doesNotMatch(await page.evaluate(() => localStorage.getItem("email-troubleshooter:help-article")), /check\./);
  assert.deepEqual(problems, []);
  await context.close();
});

test("links pasted one after another leave one line about the latest, and a good one replaces a refusal", async () => {
  const first = await openWidget(env);
  await first.troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await first.troubleshooter.getByRole("button", { name: "Continue" }).click();
  const link = await linkFrom(first.troubleshooter);
  await first.context.close();

  const { context, page, problems, troubleshooter } = await openWidget(env);
  const status = troubleshooter.getByRole("status").first();
  const paste = (address) => page.evaluate((hash) => (location.hash = hash), new URL(address).hash);
  await paste(link.slice(0, link.length - 12));
  await status.getByText(/because it is damaged or incomplete/).waitFor();
  await paste(`${link}${"x".repeat(2100)}`);
  await status.getByText(/because it is too long/).waitFor();
  await paste(`${env.server.url}/#troubleshooter:help-article:v=4&at=webmail&sum=12345678`);
  await status.getByText(/because it was made by another version/).waitFor();
  assert.equal(await status.locator("p").count(), 1, "one line about links, the latest");
  await paste(link);
  await troubleshooter.getByRole("region", { name: "Answers from a link" }).waitFor();
  assert.equal(await status.getByText("couldn't be used", { exact: false }).count(), 0, "the refusal is gone once a good link is offered");
  assert.deepEqual(problems, []);
  await context.close();
});
