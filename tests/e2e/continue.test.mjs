// Carrying progress to another computer: the link, Share and Copy, its QR code on a laptop but
// not on a phone, and links that can't be used.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, openWidget, widget, ready, finish, focusReaches, axeViolations, openOnHostPage, answer, answerInOrder, QUESTIONS } from "./support.mjs";

const env = useBrowser();

const HEADING = "Continue on another computer or network";

async function linkFrom(troubleshooter) {
  await troubleshooter.getByText(HEADING, { exact: true }).click();
  return troubleshooter.getByLabel("Link to your answers", { exact: true }).inputValue();
}

/** The same walk's fragment as the first version wrote it (full timestamps), measured. */
const FIRST_VERSION_FRAGMENT = 245;

/**
 * A `navigator.share` that records what it was given and ends as `outcome` says: "done", a
 * DOMException name ("AbortError" when the user closes the sheet), or absent.
 */
function shareStub(outcome) {
  if (outcome === "absent") return "delete Navigator.prototype.share;";
  const ending = outcome === "done" ? "Promise.resolve()" : `Promise.reject(new DOMException("no", ${JSON.stringify(outcome)}))`;
  return `window.shared = [];
    Object.defineProperty(Navigator.prototype, "share", { configurable: true, value(data) { window.shared.push({ title: data.title, url: data.url }); return ${ending}; } });`;
}

/** The phone host page (390x844, device-width viewport, touch as the main pointer) with one troubleshooter. */
async function openPhone(share) {
  const opened = await openOnHostPage(env, { id: "help" }, { isMobile: true, hasTouch: true, init: shareStub(share) });
  await ready(opened.troubleshooter);
  return opened;
}

/**
 * The QR code's dark modules, read back from its path, as rows of "#" and ".", checked for
 * what every QR code has: the three finder squares and the timing lines between them.
 */
async function assertQrShape(qr) {
  const size = Number((await qr.getAttribute("viewBox")).split(" ")[2]) - 8;
  const rows = Array.from({ length: size }, () => Array(size).fill("."));
  const path = await qr.locator("path").getAttribute("d");
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1H\d+z/g)) {
    for (let i = 0; i < Number(run); i++) rows[Number(y)][Number(x) + i] = "#";
  }
  const finder = ["#######", "#.....#", "#.###.#", "#.###.#", "#.###.#", "#.....#", "#######"];
  const at = (x, y) => rows.slice(y, y + 7).map((row) => row.slice(x, x + 7).join(""));
  assert.deepEqual(at(0, 0), finder, "top left");
  assert.deepEqual(at(size - 7, 0), finder, "top right");
  assert.deepEqual(at(0, size - 7), finder, "bottom left");
  const timing = rows[6].slice(8, size - 8).join("");
  assert.equal(timing, "#.".repeat(size).slice(0, size - 16), "timing line");
}

/** How many CSS pixels wide one module of the QR code is drawn. */
async function pixelsPerModule(qr) {
  const side = Number((await qr.getAttribute("viewBox")).split(" ")[2]);
  return (await qr.boundingBox()).width / side;
}

test("on a laptop the summary offers a short link, one heading, Copy and a QR code of at least 4px a module", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env, "/", { viewport: { width: 1280, height: 800 }, init: shareStub("absent") });
  await finish(troubleshooter, ["Yes", "No", "No", "No", "No", "No"], { date: "2026-01-05", changes: ["I changed my mailbox password"] });
  const section = troubleshooter.getByRole("region", { name: HEADING });
  assert.equal(await troubleshooter.getByText(HEADING, { exact: true }).count(), 1, "one heading");
  assert.equal(await section.getByRole("heading", { name: HEADING }).count(), 1);
  const link = await section.getByLabel("Link to your answers", { exact: true }).inputValue();
  const fragment = new URL(link).hash.slice(1);
  assert.match(fragment, /^troubleshooter:help-article:v=3&/);
  console.log(`a 7-answer walk's link: ${link.length} characters, fragment ${fragment.length} (the first version's: ${FIRST_VERSION_FRAGMENT})`);
  assert.ok(fragment.length < 100, `${fragment.length} characters: ${fragment}`);
  assert.equal(await section.getByRole("button", { name: "Share the link" }).count(), 0, "no share sheet in this browser");
  await section.getByRole("button", { name: "Copy the link" }).waitFor();
  await section.getByText("Or scan this code with a phone's camera:").waitFor();
  const qr = section.getByRole("img", { name: "QR code of the link to your answers" });
  await assertQrShape(qr);
  const perModule = await pixelsPerModule(qr);
  assert.ok(perModule >= 4, `${perModule}px a module`);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a laptop with a share sheet, Share passes the link on and the QR code stays", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env, "/", { init: shareStub("done") });
  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  const link = await linkFrom(troubleshooter);
  const section = troubleshooter.getByRole("region", { name: HEADING });
  await section.getByRole("button", { name: "Share the link" }).click();
  await page.waitForFunction(() => window.shared.length === 1);
  assert.deepEqual(await page.evaluate(() => window.shared), [{ title: "Can't connect to your mailbox?", url: link }]);
  await section.getByRole("img", { name: "QR code of the link to your answers" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a phone: Share and Copy instead of a QR code, and the shared link opens on another device", async () => {
  const { context, page, problems, troubleshooter } = await openPhone("done");
  assert.equal(await page.evaluate(() => matchMedia("(pointer: coarse)").matches), true, "the phone is emulated");
  await finish(troubleshooter, ["Yes", "No", "No", "No", "No", "No"]);
  const section = troubleshooter.getByRole("region", { name: HEADING });
  const link = await section.getByLabel("Link to your answers", { exact: true }).inputValue();
  assert.match(link, /\/host\/phone\.html#troubleshooter:default:v=3&/);
  assert.ok(new URL(link).hash.length < 100, link);
  await section.getByRole("button", { name: "Share the link" }).click();
  await page.waitForFunction(() => window.shared.length === 1);
  assert.deepEqual(await page.evaluate(() => window.shared), [{ title: "Can't connect to your mailbox?", url: link }]);
  await section.getByRole("button", { name: "Copy the link" }).waitFor();
  assert.equal(await troubleshooter.getByRole("img", { name: "QR code of the link to your answers" }).count(), 0, "no QR code on a phone");
  assert.equal(await troubleshooter.getByText(/scan this code/i).count(), 0, "nothing about scanning");
  assert.equal(await section.getByRole("status").textContent(), "", "a share that worked needs no message");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();

  // The link opened on a laptop offers the answers it holds.
  await offeredElsewhere(link, /holds answers to 7 of 7 questions/);
});

test("on a phone a cancelled share says nothing, and a refused one points to Copy", async () => {
  for (const [outcome, message] of [["AbortError", ""], ["NotAllowedError", "This browser couldn't share the link. Copy it instead."]]) {
    const { context, page, problems, troubleshooter } = await openPhone(outcome);
    await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
    await troubleshooter.getByRole("button", { name: "Continue" }).click();
    await troubleshooter.getByText(HEADING, { exact: true }).click();
    const section = troubleshooter.getByRole("region", { name: HEADING });
    await section.getByRole("button", { name: "Share the link" }).click();
    const status = section.getByRole("status");
    if (message) await status.getByText(message).waitFor();
    else await page.waitForFunction(() => window.shared.length === 1);
    assert.equal(await status.textContent(), message, outcome);
    assert.deepEqual(await axeViolations(page), [], `the folded section, opened, after ${outcome}`);
    assert.equal(await troubleshooter.getByRole("img", { name: "QR code of the link to your answers" }).count(), 0);
    assert.deepEqual(problems, [], outcome);
    await context.close();
  }
});

test("a link opened in a fresh browser shows what it holds and continues from it on request", async () => {
  const first = await openWidget(env);
  await first.troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await first.troubleshooter.getByRole("button", { name: "Continue" }).click();
  await first.troubleshooter.getByRole("checkbox", { name: "My office or home network changed" }).check();
  await first.troubleshooter.getByRole("button", { name: "Continue" }).click();
  const link = await linkFrom(first.troubleshooter);
  assert.match(link, new RegExp(`^${env.server.url}/#troubleshooter:help-article:v=3&`));
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
  const now = await focusReaches(page, QUESTIONS[0]);
  assert.equal(now.tag, "h3", "focus is on the open step's heading, not the page");
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
    [typo(link), "it is damaged or incomplete"],
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

/** The link with its first answer changed from Yes to No, as a mistyped one might be. */
function typo(link) {
  const changed = link.replace(/(v=3&\w\w\.\w+\.\w*\.)1/, (_, before) => `${before}2`);
  assert.notEqual(changed, link);
  return changed;
}

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

test("questions 6 and 7 offer the link in place, a tap away, with Share on a phone; the answers so far travel", async () => {
  const { context, page, problems, troubleshooter } = await openPhone("done");
  await answerInOrder(troubleshooter, "Yes", ["No", "No", "No"]);
  // Question 6: the offer is there in the step, once, a tap away.
  const step6 = troubleshooter.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Can you connect to your mailbox from another computer?" }) });
  const section = step6.getByRole("region", { name: HEADING });
  assert.equal(await troubleshooter.getByText(HEADING, { exact: true }).count(), 1, "offered once at a time");
  await section.getByText(HEADING, { exact: true }).click();
  await section.getByRole("button", { name: "Share the link" }).click();
  await page.waitForFunction(() => window.shared.length === 1);
  const shared = await page.evaluate(() => window.shared[0].url);
  assert.match(shared, /#troubleshooter:default:v=3&/);
  assert.deepEqual(await axeViolations(page), []);
  await answer(troubleshooter, "Not sure");
  const step7 = troubleshooter.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Can you connect to your mailbox using a different internet connection?" }) });
  await step7.getByRole("region", { name: HEADING }).getByText(HEADING, { exact: true }).click();
  await step7.getByRole("region", { name: HEADING }).getByRole("button", { name: "Share the link" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();

  // The shared link holds the five answers given before question 6.
  await offeredElsewhere(shared, /holds answers to 5 of 7 questions/);
});

/** Opens `link` in a fresh browser, as on another device, and waits for its offer to say `holds`. */
async function offeredElsewhere(link, holds) {
  const other = await openPage(env.browser);
  await other.page.goto(`${env.server.url}/host/phone.html`);
  await other.page.evaluate(() => document.body.append(document.createElement("email-troubleshooter")));
  await ready(widget(other.page));
  await other.page.goto(link);
  await widget(other.page).getByRole("region", { name: "Answers from a link" }).getByText(holds).waitFor();
  assert.deepEqual(other.problems, []);
  await other.context.close();
}
