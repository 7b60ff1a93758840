// Text from outside can't break the host page: a long unbroken name or domain wraps inside the
// widget on a phone, and a right-to-left name (or one carrying a direction override) can't
// reorder the sentence it stands in.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, ready, openOnHostPage, answer } from "./support.mjs";
import { useServices } from "./services.mjs";

const env = useBrowser();
const services = useServices();

const PHONES = [320, 390];
const CHECK_REGION = "Check your domain's mail records and registration";

/**
 * The phone host page (it has a viewport meta, so the layout is really `width` pixels wide)
 * with one troubleshooter given `attributes`.
 */
async function openHost(width, attributes) {
  const opened = await openOnHostPage(env, attributes, { viewport: { width, height: 800 } });
  await ready(opened.troubleshooter);
  return opened;
}

/** How far the host page, and the widget inside its element, stick out sideways. */
function overflow(page) {
  return page.evaluate(() => {
    const host = document.querySelector("email-troubleshooter");
    const inner = host.shadowRoot.querySelector(".et");
    const box = host.getBoundingClientRect();
    const innerBox = inner.getBoundingClientRect();
    return {
      page: Math.max(0, document.documentElement.scrollWidth - innerWidth),
      element: Math.max(0, host.scrollWidth - host.clientWidth),
      widget: Math.max(0, inner.scrollWidth - inner.clientWidth, innerBox.right - box.right, box.left - innerBox.left),
    };
  });
}

const NONE = { page: 0, element: 0, widget: 0 };


/** The phone page with the stand-in services as attributes, answered up to question 5. */
async function atQuestion5(width, attributes) {
  for (const [key, value] of Object.entries(services.settings)) attributes[key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)] = value;
  const opened = await openHost(width, attributes);
  const { troubleshooter } = opened;
  await answer(troubleshooter, "Yes");
  await troubleshooter.getByRole("checkbox", { name: "Nothing that I know of" }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await answer(troubleshooter, "No");
  await answer(troubleshooter, "No");
  await troubleshooter.getByText("Step 5 of 7", { exact: true }).waitFor();
  return opened;
}

for (const width of PHONES) {
  test(`a long unbroken provider name wraps at ${width}px, in the steps list and as the open question`, async () => {
    const name = "W".repeat(80);
    const { context, page, problems, troubleshooter } = await openHost(width, { "provider-name": name, "storage-key": "long-name" });
    await troubleshooter.getByRole("heading", { name: `Have you recently moved your mail to ${name} from another provider?` }).waitFor();
    assert.deepEqual(await overflow(page), NONE, "steps list");
    await answer(troubleshooter, "Yes");
    await troubleshooter.getByRole("checkbox", { name: "Nothing that I know of" }).check();
    await troubleshooter.getByRole("button", { name: "Continue" }).click();
    await troubleshooter.getByRole("group", { name: `Have you recently moved your mail to ${name} from another provider?` }).waitFor();
    assert.deepEqual(await overflow(page), NONE, "the open question");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`a 10,000-character provider name is refused as a settings problem, and nothing is too wide at ${width}px`, async () => {
    const { context, page, problems, troubleshooter } = await openHost(width, { "provider-name": "W".repeat(10_000), "storage-key": "huge-name" });
    assert.deepEqual(await overflow(page), NONE);
    await troubleshooter.getByRole("listitem").filter({ hasText: "provider-name: expected a name of at most 80 characters" }).waitFor();
    await troubleshooter.getByRole("heading", { name: "Have you recently moved your mail to Rackspace Cloud Office from another provider?" }).waitFor();
    assert.equal(await troubleshooter.getByText("WWWWWWWWWW").count(), 0, "the name is shown nowhere");
    // A warning on the console is expected (the settings problem); errors are not.
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`a 253-character domain wraps in the check's headings and results at ${width}px`, async () => {
    const { context, page, problems, troubleshooter } = await atQuestion5(width, { "storage-key": "long-domain" });
    const domain = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(56)}.test`;
    assert.equal(domain.length, 253);
    const check = troubleshooter.getByRole("region", { name: CHECK_REGION });
    await check.getByLabel("Your email address or domain").fill(domain);
    await check.getByRole("button", { name: "Check now" }).click();
    await check.getByRole("heading", { name: `Mail records for ${domain}` }).waitFor();
    await check.getByRole("heading", { name: `Registration of ${domain}` }).waitFor();
    assert.deepEqual(await overflow(page), NONE);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`a 3,000-character registrar and ten thousand mail records fit at ${width}px, and the records reach the report bounded`, async () => {
    const { context, page, problems, troubleshooter } = await atQuestion5(width, { "storage-key": "huge-answers", "admin-contact": "it@acme.test" });
    const check = troubleshooter.getByRole("region", { name: CHECK_REGION });
    const run = async (domain) => {
      await check.getByLabel("Your email address or domain").fill(domain);
      await check.getByRole("button", { name: "Check now" }).click();
      await check.getByRole("heading", { name: `Mail records for ${domain}` }).waitFor();
    };
    await run("long-registrar.test");
    const registrar = await check.getByText(/^Registrar: /).textContent();
    assert.ok(registrar.length < 100 && !registrar.includes("\u202e"), registrar);
    assert.deepEqual(await overflow(page), NONE, "the registrar's name");
    // The next check's results replace these, as a user running it again would see.
    await run("huge.test");
    await check.getByText("9980 more records", { exact: true }).waitFor();
    assert.deepEqual(await overflow(page), NONE, "the mail records");
    await answer(troubleshooter, "No");
    await answer(troubleshooter, "No");
    await answer(troubleshooter, "No");
    const summary = troubleshooter.getByRole("region", { name: "What your answers point to" });
    await summary.waitFor();
    assert.deepEqual(await overflow(page), NONE, "the summary");
    const report = await summary.getByLabel("The report").inputValue();
    assert.match(report, /Found: mx1\.emailsrvr\.com, mx2\.emailsrvr\.com, relay0\.example\.net, .*, 9980 more records\./);
    const found = report.match(/Found: mx1\.emailsrvr\.com[^\n]*/)[0];
    assert.equal(found.match(/relay\d+\.example\.net/g).length, 18, "18 relays and the provider's 2: the 20 kept");
    // The verdict names the most preferred few of the others, and counts the rest.
    assert.match(report, /the mail records name other servers \(relay0\.example\.net, relay100\.example\.net, relay1000\.example\.net, 9995 more records\)/);
    const email = decodeURIComponent(await summary.getByRole("link", { name: "Email it to your administrator" }).getAttribute("href"));
    assert.ok(email.startsWith("mailto:it@acme.test?subject="), email.slice(0, 80));
    assert.ok(email.length < 2_500, `the emailed report stays within what mail programs take: ${email.length}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/**
 * Where each letter of `words` is drawn, in the one text node of the widget that holds
 * `sentence` (the step's title as rendered), found with ranges over the characters.
 */
function letterBoxes(page, sentence, words) {
  return page.evaluate(([sentence, words]) => {
    const root = document.querySelector("email-troubleshooter").shadowRoot;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) if (walker.currentNode.data.includes(sentence)) nodes.push(walker.currentNode);
    if (nodes.length !== 1) return { error: `${nodes.length} text nodes hold "${sentence}"` };
    const [node] = nodes;
    const start = node.data.indexOf(words);
    if (start < 0) return { error: `"${words}" is not in "${node.data}"` };
    const range = document.createRange();
    const boxes = [];
    for (let i = start; i < start + words.length; i++) {
      if (node.data[i] === " ") continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const [box] = range.getClientRects();
      boxes.push({ letter: node.data[i], left: box.left, top: box.top });
    }
    return { text: node.data, boxes };
  }, [sentence, words]);
}

for (const [kind, name, shown] of [
  ["a Hebrew provider name", "דואר ישראל", "דואר ישראל"],
  ["a provider name with a right-to-left override (U+202E)", "Acme\u202EMail", "AcmeMail"],
]) {
  test(`with ${kind}, the words after the name still read left to right`, async () => {
    const { context, page, problems, troubleshooter } = await openHost(1280, { "provider-name": name, "storage-key": "rtl-name" });
    await troubleshooter.getByRole("heading", { name: /^Have you recently moved your mail to/ }).waitFor();
    const { error, text, boxes } = await letterBoxes(page, "from another provider?", "from another provider?");
    assert.equal(error, undefined, error);
    assert.equal(new Set(boxes.map((b) => b.top)).size, 1, "the words are on one line, so their order can be compared");
    for (let i = 1; i < boxes.length; i++) {
      assert.ok(boxes[i].left > boxes[i - 1].left, `"${boxes[i].letter}" is drawn after "${boxes[i - 1].letter}": ${JSON.stringify(boxes)}`);
    }
    assert.ok(text.includes(shown), `the name is shown: ${text}`);
    assert.ok(!text.includes("\u202E"), "no override reaches the page");
    // The name itself stays whole between "to" and "from", in its own direction.
    const before = await letterBoxes(page, "from another provider?", "mail to");
    const nameBoxes = (await letterBoxes(page, "from another provider?", shown)).boxes;
    const lefts = nameBoxes.map((b) => b.left);
    assert.ok(Math.min(...lefts) > before.boxes.at(-1).left && Math.max(...lefts) < boxes[0].left, "the name stands between the words around it");
    if (kind.startsWith("a Hebrew")) {
      assert.ok(nameBoxes[0].left > nameBoxes[1].left, "Hebrew still reads right to left");
      // Isolated, so neutral text or digits next to it (in another language's sentence, say)
      // can't join its run either.
      assert.ok(text.includes(`\u2068${shown}\u2069`), `the name stands between isolate marks: ${JSON.stringify(text)}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
