// The summary and the report for the administrator: copied, downloaded and emailed.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useBrowser, openPage, openWidget, ready, finish } from "./support.mjs";

const env = useBrowser();

const WHEN = { date: "2026-11-20", changes: ["I changed my mailbox password"] };

test("the summary checks every answer and ranks what they point to", async () => {
  const { context, problems, troubleshooter } = await openWidget(env, "/", {});
  await finish(troubleshooter, ["Yes", "No", "No", "Yes", "No", "No"], WHEN);
  const summary = troubleshooter.getByRole("region", { name: "What your answers point to" });
  assert.equal(await summary.getByRole("button", { name: /^Change/ }).count(), 7);
  const findings = await summary.locator(".et-finding-title").allTextContents();
  assert.deepEqual(findings, ["Your domain's DNS records or its registration", "Your mailbox password changed"], "strong signs first");
  await summary.getByText("Strong sign · from question 5").waitFor();
  await summary.getByText(/^You started troubleshooting on \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d \(UTC[^)]*\)\.$/).waitFor();
  await summary.getByText(/^The problem began \d+ days ago, on 20 November 2026\.$/).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("contradicting answers get an honest 'not enough to say'", async () => {
  const { context, problems, troubleshooter } = await openWidget(env);
  await finish(troubleshooter, ["Yes", "No", "No", "Yes", "Yes", "No"]);
  const summary = troubleshooter.getByRole("region", { name: "What your answers point to" });
  await summary.getByText("Some of your answers don't fit together", { exact: false }).waitFor();
  await summary.getByText("If everyone at your domain has this problem", { exact: false }).waitFor();
  assert.equal(await summary.locator(".et-finding-title").count(), 0, "no cause is claimed");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the report can be copied, and reads back from the clipboard exactly as shown", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env, "/", { permissions: ["clipboard-read", "clipboard-write"] });
  await finish(troubleshooter, ["Yes", "No", "No", "No", "No", "Yes"], WHEN);
  const report = troubleshooter.getByRole("region", { name: "A report for your administrator" });
  const shown = await report.getByLabel("The report").inputValue();
  assert.match(shown, /^Email connection troubleshooting report\n\nWhat your answers point to\n/, "the cause comes first");
  assert.match(shown, /Browser and system: Chrome \d+ on Linux/);
  assert.match(shown, /2\. When did the problem start\?\n   20 November 2026: I changed my mailbox password \(given \d{1,2} [A-Z]/);
  assert.match(shown, /- Likely: Your usual internet connection \(from question 7\)\n  Contact your network administrator/);
  assert.match(shown, /\nYour to-do list\n\n- Type the new password into your mail app on every device\. \(from question 2\)\n/);
  await report.getByRole("button", { name: "Copy the report" }).click();
  await report.getByRole("status").getByText("The report has been copied.").waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown);

  await report.getByRole("radio", { name: "Markdown" }).check();
  const markdown = await report.getByLabel("The report").inputValue();
  assert.match(markdown, /^# Email connection troubleshooting report\n/);
  await report.getByRole("button", { name: "Copy the report" }).click();
  await page.waitForFunction((expected) => navigator.clipboard.readText().then((text) => text === expected), markdown);
  assert.deepEqual(problems, []);
  await context.close();
});

test("where the Clipboard API is refused, the report is copied the old way or left selected", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env, "/", {
    init: () => {
      Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) } });
    },
  });
  await finish(troubleshooter, ["Yes", "No", "No", "No", "No", "No"]);
  const report = troubleshooter.getByRole("region", { name: "A report for your administrator" });
  await report.getByRole("button", { name: "Copy the report" }).click();
  await report.getByRole("status").getByText(/copied|selected/).waitFor();
  const selected = await page.evaluate(() => {
    const field = document.querySelector("email-troubleshooter").shadowRoot.querySelector("textarea");
    return field.value.slice(field.selectionStart, field.selectionEnd);
  });
  assert.match(selected, /^Email connection troubleshooting report/, "the whole report is selected for the user");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the report downloads as a text file with what is shown", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env, "/", { acceptDownloads: true });
  await finish(troubleshooter, ["Yes", "No", "No", "No", "No", "No"]);
  const report = troubleshooter.getByRole("region", { name: "A report for your administrator" });
  const shown = await report.getByLabel("The report").inputValue();
  const [download] = await Promise.all([page.waitForEvent("download"), report.getByRole("button", { name: "Download it" }).click()]);
  assert.equal(download.suggestedFilename(), "mail-troubleshooting-report.txt");
  assert.equal(await readFile(await download.path(), "utf8"), shown);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the email link goes to the administrator with the report as its body", async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/host/settings.html`);
  const good = page.locator("#good");
  await ready(good);
  await finish(good, ["Yes", "No", "No", "No", "No", "No"]);
  const report = good.getByRole("region", { name: "A report for your administrator" });
  const href = await report.getByRole("link", { name: "Email it to your administrator" }).getAttribute("href");
  const url = new URL(href);
  assert.equal(url.protocol, "mailto:");
  assert.equal(url.pathname, "it@acme.test");
  assert.equal(url.searchParams.get("subject"), "My mail app can't connect: troubleshooting report");
  const body = url.searchParams.get("body").replace(/\r\n/g, "\n");
  const shown = await report.getByLabel("The report").inputValue();
  assert.ok(href.length <= 1900, `${href.length} characters`);
  if (body !== shown) {
    assert.ok(body.endsWith("(Shortened. Ask me for the full report.)"), "a shortened email says so");
    assert.ok(shown.startsWith(body.split("\n").slice(0, 4).join("\n")), "it starts with the findings, as the report does");
    await report.getByText("The email is shortened to fit what mail programs accept").waitFor();
  }
  assert.deepEqual(problems, []);
  await context.close();
});
