// The widget on other people's pages: hostile CSS, a strict CSP, a wasm that won't load,
// several instances sharing a key, and the webmail portal's dialog.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, openWidget, widget, ready } from "./support.mjs";

const env = useBrowser();

async function answerFirst(scope, label) {
  await scope.getByRole("radio", { name: label, exact: true }).check();
  await scope.getByRole("button", { name: "Continue" }).click();
}

test("hostile host CSS neither hides nor restyles the widget", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env, "/host/hostile.html");
  const section = troubleshooter.getByRole("region", { name: "Can't connect to your mailbox?" });
  const look = await section.evaluate((el) => {
    const style = getComputedStyle(el);
    const host = el.getRootNode().host.getBoundingClientRect();
    return { display: getComputedStyle(el.getRootNode().host).display, font: style.fontFamily, size: style.fontSize, color: style.color, width: host.width };
  });
  assert.equal(look.display, "block");
  assert.doesNotMatch(look.font, /fantasy/);
  assert.equal(look.size, "16px");
  assert.notEqual(look.color, "rgb(0, 255, 0)");
  assert.ok(look.width > 300, `the widget keeps its width (${look.width})`);
  await answerFirst(troubleshooter, "Yes");
  await troubleshooter.getByRole("checkbox", { name: "Nothing that I know of" }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByText("Step 3 of 7", { exact: true }).waitFor();
  const margin = await troubleshooter.locator("h3").first().evaluate((h) => getComputedStyle(h).marginTop);
  assert.notEqual(margin, "300px");
  assert.deepEqual(problems, []);
  await context.close();
});

test("under a strict Content-Security-Policy the embed works and nothing is blocked", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env, "/host/strict-csp.html");
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get("content-security-policy"));
  assert.match(csp, /style-src 'self'/, "the page really is served with the policy");
  await answerFirst(troubleshooter, "No");
  await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();
  await troubleshooter.getByText("Strict Mail", { exact: false }).first().waitFor();
  const background = await troubleshooter.getByRole("region", { name: "Can't connect to your mailbox?" }).evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(background, "rgb(22, 25, 29)", "the widget's own stylesheet applied (dark theme from JSON)");
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("when the wasm can't be loaded, the host's own content stays, with no gap kept for the widget", async () => {
  // A returning visitor: the widget is wanted at once (a first visit gets the first screen
  // instead, which stays: tests/e2e/first-screen.test.mjs).
  const { context, page, problems } = await openPage(env.browser, {
    init: () => localStorage.setItem("email-troubleshooter:broken", "v=2&at=when&started=1795719196&webmail=no@1795719196"),
  });
  await page.goto(`${env.server.url}/host/broken.html`);
  await page.getByRole("heading", { name: "Work through these questions in order" }).waitFor();
  await page.waitForFunction(() => document.querySelector("email-troubleshooter").shadowRoot?.adoptedStyleSheets.length === 0);
  await page.waitForFunction(() => document.querySelector("email-troubleshooter").getBoundingClientRect().height < 200);
  assert.equal(await page.locator("#fallback-heading").isVisible(), true);
  assert.ok(problems.some((p) => p.includes("could not start")), "the reason is on the console");
  await context.close();
});

test("two elements with the same storage key stay in step on one page", async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/host/same-key.html`);
  const top = widget(page, "#top email-troubleshooter");
  const bottom = widget(page, "#bottom email-troubleshooter");
  await ready(top);
  await ready(bottom);
  await answerFirst(top, "No");
  await bottom.getByText("Your answer: No").waitFor();
  assert.equal(await bottom.getByRole("radio", { name: "No", exact: true }).count(), 0, "the answered step is closed there too");
  await bottom.getByRole("checkbox", { name: "I changed my mailbox password" }).check();
  await bottom.getByRole("button", { name: "Continue" }).click();
  await top.getByText("I changed my mailbox password").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("two tabs with the same storage key stay in step, without losing an answer", async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/`);
  const first = widget(page);
  await ready(first);
  const other = await context.newPage();
  await other.goto(`${env.server.url}/`);
  const second = widget(other);
  await ready(second);

  await answerFirst(first, "Yes");
  await second.getByText("Your answer: Yes").waitFor();
  await second.getByRole("checkbox", { name: "My office or home network changed" }).check();
  await second.getByRole("button", { name: "Continue" }).click();
  await first.getByText("My office or home network changed").waitFor();
  await answerFirst(first, "No");
  await second.getByText("Your answer: No").waitFor();
  const saved = await page.evaluate(() => localStorage.getItem("email-troubleshooter:help-article"));
  assert.match(saved, /webmail=yes/);
  assert.match(saved, /when=\/network/);
  assert.match(saved, /migrated=no/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the webmail portal opens the troubleshooter in a dialog, set up with the portal's values", async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/portal.html`);
  assert.equal(
    await page.evaluate(() => performance.getEntriesByType("resource").some((r) => r.name.includes("email_troubleshooter"))),
    false,
    "the inbox loads nothing of the widget until help is asked for",
  );
  await page.getByRole("link", { name: "Can't connect your mail app?" }).click();
  const dialog = page.getByRole("dialog", { name: "Help with your mail app" });
  await dialog.waitFor();
  const troubleshooter = dialog.locator("email-troubleshooter");
  await ready(troubleshooter);
  assert.equal(
    await troubleshooter.getByRole("link", { name: /Sign in to webmail/ }).getAttribute("href"),
    "https://mail.example.com/",
  );
  await answerFirst(troubleshooter, "Yes");
  await troubleshooter.getByRole("checkbox", { name: "Nothing that I know of" }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByText("Have you recently moved your mail to Example Mail from another provider?").first().waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await page.getByRole("link", { name: "Can't connect your mail app?" }).click();
  await troubleshooter.getByText("Step 3 of 7", { exact: true }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the demo page doesn't jump when the widget appears, at phone and desktop widths", async () => {
  for (const width of [1280, 800, 375]) {
    const { context, page, problems } = await openPage(env.browser, { viewport: { width, height: 900 } });
    await page.addInitScript(() => {
      window.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`${env.server.url}/`);
    await ready(widget(page));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const shift = await page.evaluate(() => window.layoutShift);
    assert.ok(shift < 0.01, `cumulative layout shift ${shift} at ${width}px`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
