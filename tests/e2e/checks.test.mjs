// The checks the browser runs for the user, against stand-in services on 127.0.0.1: mail
// records, registration and the webmail portal, with every kind of answer and failure.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, axeViolations, openOnHostPage, answer, answerInOrder } from "./support.mjs";
import { useServices } from "./services.mjs";

const env = useBrowser();
const services = useServices();

/** A page that mounts the widget with the stand-in services, opened at question 5. */
async function atQuestion5(extra = {}, options = {}) {
  const opened = await openPage(env.browser, options);
  await opened.page.goto(`${env.server.url}/host/api.html`);
  await opened.page.evaluate(async (settings) => {
    const { mount } = await import("/cdn/v1/email-troubleshooter.js");
    await mount(document.getElementById("slot"), settings).ready;
  }, { storageKey: "checks", ...services.settings, ...extra });
  const troubleshooter = opened.page.locator("#slot");
  await answerInOrder(troubleshooter, "Yes", ["No", "No"]);
  await troubleshooter.getByText("Step 5 of 7", { exact: true }).waitFor();
  return { ...opened, troubleshooter, answer: (label) => answer(troubleshooter, label) };
}

/** Reloads the page and mounts the widget again, with the same storage key and services. */
async function reloadAndMount(page) {
  await page.reload();
  await page.evaluate(async (settings) => {
    const { mount } = await import("/cdn/v1/email-troubleshooter.js");
    await mount(document.getElementById("slot"), settings).ready;
  }, { storageKey: "checks", ...services.settings });
}

async function checkDomain(troubleshooter, input) {
  const check = troubleshooter.getByRole("region", { name: "Check your domain's mail records and registration" });
  await check.getByLabel("Your email address or domain").fill(input);
  await check.getByRole("button", { name: "Check now" }).click();
  await check.getByRole("button", { name: "Check now" }).waitFor();
  return check;
}

test("a matching domain: found and expected records agree, the registration is fine, only the domain is sent", async () => {
  const { context, page, problems, troubleshooter } = await atQuestion5();
  const check = troubleshooter.getByRole("region", { name: "Check your domain's mail records and registration" });
  await check.getByText(/sends the domain name, and nothing else: to 127\.0\.0\.1:\d+ for its mail \(MX\) and SPF records and its autodiscover record \(as autodiscover\.<domain>\), and to 127\.0\.0\.1:\d+ for its registration/).waitFor();
  const before = services.asked.length;
  await checkDomain(troubleshooter, "Jane.Doe@Match.test");
  await check.getByText("The mail records point to Rackspace Cloud Office, as they should").waitFor();
  await check.getByText("OK", { exact: true }).first().waitFor();
  // The hosts by name, one to a line, most preferred first: no raw MX priorities.
  await check.getByText("Found, most preferred first").waitFor();
  assert.deepEqual(await check.getByRole("listitem").allTextContents(), ["mx1.emailsrvr.com", "mx2.emailsrvr.com", "mx1.emailsrvr.com", "mx2.emailsrvr.com"]);
  assert.equal(await check.getByText(/\b10 mx1/).count(), 0);
  await check.getByText(/^The registration runs until \d+ [A-Z][a-z]+ \d{4}\.$/).waitFor();
  await check.getByText("Registrar: Example Registrar, Inc.").waitFor();
  const sent = services.asked.slice(before);
  assert.deepEqual(sent.map((r) => r.path + r.query).sort(), [
    "/dns-query?name=autodiscover.match.test&type=CNAME",
    "/dns-query?name=match.test&type=MX",
    "/dns-query?name=match.test&type=TXT",
    "/rdap/domain/match.test",
  ]);
  assert.ok(sent.filter((r) => r.path === "/dns-query").every((r) => r.accept === "application/dns-json"));
  assert.ok(!JSON.stringify(sent).includes("jane"), "the address's user part never leaves the browser");
  assert.deepEqual(await axeViolations(page), [], "the results pass axe");
  assert.deepEqual(problems, []);
  await context.close();
});

const RECORD_CASES = [
  ["partial.test", "Some of Rackspace Cloud Office's mail records are missing (mx2.emailsrvr.com), so some mail may not arrive."],
  ["foreign.test", "None of the mail records point to Rackspace Cloud Office: mail for this domain is delivered somewhere else."],
  ["nx.test", "The domain nx.test doesn't exist in DNS: no mail can be delivered to it."],
  ["servfail.test", "The DNS service couldn't answer for servfail.test: the domain's DNS may be broken."],
  ["empty.test", "The domain has no mail records at all, so no mail can be delivered to it."],
  ["malformed.test", /sent an answer that couldn't be read as one\.$/],
  ["slow.test", /didn't answer within 2 seconds\./],
  ["nocors.test", /doesn't allow web pages to read its answers \(it sends no CORS headers\)/],
];

test("every kind of DNS answer and failure is said in plain words", async () => {
  const { context, problems, troubleshooter } = await atQuestion5();
  for (const [domain, expected] of RECORD_CASES) {
    const check = await checkDomain(troubleshooter, domain);
    await check.getByText(expected).first().waitFor();
  }
  // The stand-in sends no CORS headers for nocors.test, and the browser says so on its console.
  assert.ok(problems.every((p) => /CORS|Failed to load resource/.test(p)), problems.join("\n"));
  await context.close();
});

test("expired, expiring and unlisted registrations", async () => {
  const { context, troubleshooter } = await atQuestion5();
  let check = await checkDomain(troubleshooter, "expired.test");
  await check.getByText(/^The registration expired on \d+ [A-Z][a-z]+ \d{4}\. A domain stops receiving mail/).waitFor();
  check = await checkDomain(troubleshooter, "expiring.test");
  await check.getByText(/^The registration expires on \d+ [A-Z][a-z]+ \d{4}, in 10 days\./).waitFor();
  check = await checkDomain(troubleshooter, "unknown.test");
  await check.getByText("The registration couldn't be checked: the registry for this domain doesn't publish it over RDAP.").waitFor();
  await context.close();
});

test("international names are sent as punycode, and what isn't a domain is never sent", async () => {
  const { context, troubleshooter } = await atQuestion5();
  await checkDomain(troubleshooter, "info@bücher.test");
  assert.ok(services.asked.some((r) => r.query === "?name=xn--bcher-kva.test&type=MX"));
  const before = services.asked.length;
  const check = await checkDomain(troubleshooter, "not a domain");
  await check.getByText("Enter an email address such as name@example.com, or a domain such as example.com.").waitFor();
  assert.equal(services.asked.length, before, "nothing was sent");
  await context.close();
});

test("Enter in the check's field runs the check and leaves the question open", async () => {
  const { context, problems, troubleshooter } = await atQuestion5();
  await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
  const field = troubleshooter.getByLabel("Your email address or domain");
  await field.fill("foreign.test");
  await field.press("Enter");
  await troubleshooter.getByRole("heading", { name: "Mail records for foreign.test" }).waitFor();
  assert.equal(await troubleshooter.getByText("Step 5 of 7", { exact: true }).count(), 1, "still at question 5");
  assert.equal(await troubleshooter.getByRole("radio", { name: "No", exact: true }).isChecked(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a check can be cancelled, the last results are hidden while it runs, and an offline browser sends nothing", async () => {
  const { context, troubleshooter } = await atQuestion5();
  const check = troubleshooter.getByRole("region", { name: "Check your domain's mail records and registration" });
  await checkDomain(troubleshooter, "match.test");
  await check.getByRole("heading", { name: "Mail records for match.test" }).waitFor();
  await check.getByLabel("Your email address or domain").fill("slow.test");
  await check.getByRole("button", { name: "Check now" }).click();
  await check.getByText("Checking…").waitFor();
  // match.test's results can't be taken for slow.test's while it runs.
  assert.equal(await check.getByRole("heading", { name: "Mail records for match.test" }).count(), 0);
  await check.getByRole("button", { name: "Cancel the check" }).click();
  await check.getByText("The check was cancelled; nothing was kept.").waitFor();
  assert.equal(await check.getByRole("heading", { name: "Mail records for slow.test" }).count(), 0);
  await check.getByRole("heading", { name: "Mail records for match.test" }).waitFor();

  await context.setOffline(true);
  await checkDomain(troubleshooter, "match.test");
  await check.getByText("Not checked: this browser says it is offline.", { exact: false }).first().waitFor();
  await context.setOffline(false);
  await context.close();
});

test("results are saved, feed the findings and appear in the report with their time", async () => {
  const { context, page, troubleshooter, answer } = await atQuestion5();
  await checkDomain(troubleshooter, "foreign.test");
  await answer("No");
  await answer("No");
  await answer("No");
  const summary = troubleshooter.getByRole("region", { name: "What your answers point to" });
  await summary.getByRole("heading", { name: "Your domain's DNS records or its registration" }).waitFor();
  await summary.getByText("Strong sign · from the mail records check").waitFor();
  await summary.getByRole("heading", { name: "What the checks found" }).waitFor();
  const report = await summary.getByLabel("The report").inputValue();
  assert.match(report, /What the checks found\n\n- Mail records for foreign\.test: None of the mail records point to Rackspace Cloud Office.*Found: aspmx\.l\.google\.com, alt1\.aspmx\.l\.google\.com\. Expected: mx1\.emailsrvr\.com, mx2\.emailsrvr\.com\. Checked \d/);
  assert.match(await page.evaluate(() => localStorage.getItem("email-troubleshooter:checks")), /&check\.mx=foreign\.test\/none\//);
  await reloadAndMount(page);
  await troubleshooter.getByText("Strong sign · from the mail records check").waitFor();
  await context.close();
});

test("the webmail portal: reachable with its time, or not reachable, and nothing more claimed", async () => {
  const opened = await openPage(env.browser);
  await opened.page.goto(`${env.server.url}/host/api.html`);
  await opened.page.evaluate(async (settings) => {
    const { mount } = await import("/cdn/v1/email-troubleshooter.js");
    await mount(document.getElementById("slot"), settings).ready;
  }, { storageKey: "portal-up", ...services.settings });
  const troubleshooter = opened.page.locator("#slot");
  const portal = troubleshooter.getByRole("region", { name: "Can this browser reach webmail?" });
  await portal.getByText(/asks 127\.0\.0\.1:\d+ for its page and times the answer\. It shows whether webmail can be reached from this network, not whether your mail app can connect\./).waitFor();
  await portal.getByRole("button", { name: "Check webmail now" }).click();
  await portal.getByText(/^This browser reached 127\.0\.0\.1:\d+ in \d+ milliseconds: the portal is up/).waitFor();
  await portal.getByText("OK", { exact: true }).waitFor();
  await opened.context.close();

  const down = await openPage(env.browser);
  await down.page.goto(`${env.server.url}/host/api.html`);
  await down.page.evaluate(async (settings) => {
    const { mount } = await import("/cdn/v1/email-troubleshooter.js");
    await mount(document.getElementById("slot"), settings).ready;
  }, { storageKey: "portal-down", ...services.settings, webmailUrl: services.downUrl });
  const downPortal = down.page.locator("#slot").getByRole("region", { name: "Can this browser reach webmail?" });
  await downPortal.getByRole("button", { name: "Check webmail now" }).click();
  await downPortal.getByText(/^This browser couldn't reach 127\.0\.0\.1:\d+\. Either the portal is down, or this network can't reach it/).waitFor();
  await downPortal.getByText("What to do next: Try again on another network, such as a mobile hotspot; if it fails there too, contact your administrator.").waitFor();
  await down.context.close();
});

test("a DNS answer that tries to add answers is refused, and the user's answers stay their own", async () => {
  const { context, page, problems, troubleshooter, answer } = await atQuestion5();
  const check = await checkDomain(troubleshooter, "planted.test");
  await check.getByText(/sent an answer that couldn't be read as one\.$/).waitFor();
  await answer("No");
  await troubleshooter.getByText("Step 6 of 7", { exact: true }).waitFor();
  const saved = await page.evaluate(() => localStorage.getItem("email-troubleshooter:checks"));
  assert.doesNotMatch(saved, /computer=|network=/, saved);
  await reloadAndMount(page);
  await troubleshooter.getByText("Step 6 of 7", { exact: true }).waitFor();
  assert.equal(await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).isChecked(), false, "question 6 is open, unanswered");
  assert.deepEqual(problems, []);
  await context.close();
});

test("answers of the wrong shape can't be read; a null MX means the domain accepts no mail", async () => {
  const { context, problems, troubleshooter } = await atQuestion5();
  for (const domain of ["answer-string.test", "answer-object.test", "type-string.test", "nested.test"]) {
    const check = await checkDomain(troubleshooter, domain);
    await check.getByText(/sent an answer that couldn't be read as one\.$/).waitFor();
    assert.equal(await check.getByText("The domain has no mail records at all").count(), 0, domain);
  }
  let check = await checkDomain(troubleshooter, "nullmx.test");
  await check.getByText("The domain nullmx.test says it accepts no mail at all", { exact: false }).waitFor();
  check = await checkDomain(troubleshooter, "year-zero.test");
  await check.getByRole("heading", { name: "Registration of year-zero.test" }).waitFor();
  await check.getByText(/127\.0\.0\.1:\d+ sent an answer that couldn't be read as one\./).nth(0).waitFor();
  assert.equal(await check.getByText(/expired on/).count(), 0, "a year-0 expiry is no finding");
  assert.deepEqual(problems, []);
  await context.close();
});

test("ten thousand records and a 3,000-character registrar: a short result, and progress still reads after a reload", async () => {
  const { context, page, problems, troubleshooter } = await atQuestion5();
  let check = await checkDomain(troubleshooter, "huge.test");
  // Every expected host is there, and thousands of others, the most preferred few named.
  await check.getByText("Besides Rackspace Cloud Office's servers, the mail records name other servers (relay0.example.net, relay100.example.net, relay1000.example.net, 9995 more records).", { exact: false }).waitFor();
  const hosts = await check.getByRole("listitem").allTextContents();
  assert.deepEqual(hosts.slice(0, 3), ["mx1.emailsrvr.com", "mx2.emailsrvr.com", "relay0.example.net (not Rackspace Cloud Office's)"]);
  assert.equal(hosts[20], "9980 more records", "the 20 kept, then how many more");
  check = await checkDomain(troubleshooter, "long-registrar.test");
  const registrar = await check.getByText(/^Registrar: /).textContent();
  assert.ok(registrar.length < 100, `cut to a fixed length: ${registrar.length} characters`);
  assert.doesNotMatch(registrar, /\u202e/, "direction overrides are dropped");
  const saved = await page.evaluate(() => localStorage.getItem("email-troubleshooter:checks"));
  assert.ok(saved.length < 4000, `the saved line stays short: ${saved.length}`);
  await reloadAndMount(page);
  await troubleshooter.getByText("Step 5 of 7", { exact: true }).waitFor();
  assert.equal(await troubleshooter.getByText("couldn't be read", { exact: false }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * The phone host page (a device-width viewport) at 390x844 in `theme`, with the stand-in
 * services as attributes, answered up to question 5.
 */
async function onPhoneAtQuestion5(theme) {
  const attributes = { "storage-key": `phone-${theme}`, theme };
  for (const [key, value] of Object.entries(services.settings)) attributes[key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)] = value;
  const opened = await openOnHostPage(env, attributes);
  const { troubleshooter } = opened;
  await answerInOrder(troubleshooter, "Yes", ["No", "No"]);
  await troubleshooter.getByText("Step 5 of 7", { exact: true }).waitFor();
  return { ...opened, answer: (label) => answer(troubleshooter, label) };
}

const QUESTION_5 = "Is everyone who uses your domain having this problem?";
const CLASH = `This doesn't fit your answer: you answered No to question 5, "${QUESTION_5}"`;

for (const theme of ["light", "dark"]) {
  test(`on a 390px phone in the ${theme} theme, a problem result says so in words with its next step, and the answer it contradicts`, async () => {
    const { context, page, problems, troubleshooter, answer } = await onPhoneAtQuestion5(theme);
    await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
    const check = await checkDomain(troubleshooter, "foreign.test");
    const verdict = check.getByText("None of the mail records point to Rackspace Cloud Office: mail for this domain is delivered somewhere else.");
    await verdict.waitFor();
    // Read as a screen reader reads it: the word first, the icon left out.
    const said = await verdict.locator("xpath=..").ariaSnapshot();
    assert.match(said, /^- paragraph:\n\s+- strong: Problem\n\s+- text: ": None of the mail records point to Rackspace Cloud Office/, said);
    assert.ok(!said.includes("!"), `the icon is hidden from screen readers: ${said}`);
    await check.getByText("What to do next: Ask your administrator to set the domain's mail (MX) records to the expected servers.").waitFor();
    await check.getByText(CLASH).waitFor();
    // The hosts the records name, one to a line, none sharing a line with another.
    await check.getByText("Found, most preferred first").waitFor();
    const tops = await check.getByRole("listitem").evaluateAll((items) => items.map((item) => item.getBoundingClientRect()).map((box) => [box.top, box.bottom]));
    for (let i = 1; i < tops.length; i++) assert.ok(tops[i][0] >= tops[i - 1][1] - 0.5, `host ${i} starts below host ${i - 1}: ${JSON.stringify(tops)}`);
    assert.deepEqual(await axeViolations(page), [], `a problem result passes axe in the ${theme} theme`);

    // "Yes" agrees with the records, so nothing is said; "No" again, and the summary says it too.
    await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
    await check.getByText("None of the mail records point to").waitFor();
    assert.equal(await check.getByText(CLASH).count(), 0);
    await answer("No");
    await answer("No");
    await answer("No");
    const summary = troubleshooter.getByRole("region", { name: "Your answers" });
    await summary.getByText(CLASH).waitFor();
    await summary.getByText("What to do next: Ask your administrator to set the domain's mail (MX) records").waitFor();
    assert.deepEqual(await axeViolations(page), [], `the summary with a problem result passes axe in the ${theme} theme`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("on a 390px phone, a long foreign MX host wraps between its labels, never inside one, and is marked as not the provider's", async () => {
  const { context, problems, troubleshooter } = await onPhoneAtQuestion5("light");
  const check = await checkDomain(troubleshooter, "long-mx.test");
  const host = check.getByRole("listitem").filter({ hasText: "moved-test.mail.protection.outlook.com" });
  assert.equal(await host.textContent(), "moved-test.mail.protection.outlook.com (not Rackspace Cloud Office's)");
  // The characters either side of each line break: after a dot, or at a space, never
  // between two letters of a label.
  const breaks = await host.evaluate((item) => {
    const chars = [];
    const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        // A space that ends a line has no box: it stays on the line it ends.
        chars.push([node.data[i], box ? box.top : chars.at(-1)?.[1] ?? 0]);
      }
    }
    return chars.flatMap((c, i) => (i > 0 && c[1] > chars[i - 1][1] + 1 ? [chars[i - 1][0] + c[0]] : []));
  });
  assert.ok(breaks.length > 1, `the name wraps on a phone: ${JSON.stringify(breaks)}`);
  assert.ok(breaks.every((pair) => pair.startsWith(".") || pair.includes(" ")), `breaks: ${JSON.stringify(breaks)}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("each outcome has its own word: OK, Problem with a next step, or Couldn't check", async () => {
  const { context, troubleshooter } = await atQuestion5();
  let check = await checkDomain(troubleshooter, "expired.test");
  await check.getByText("What to do next: Ask your administrator to renew the domain's registration now.").waitFor();
  check = await checkDomain(troubleshooter, "expiring.test");
  await check.getByText("What to do next: Make sure your administrator renews the domain's registration before then.").waitFor();
  check = await checkDomain(troubleshooter, "nx.test");
  await check.getByText("What to do next: Check the domain's spelling; if it is right, ask your administrator whether it has expired.").waitFor();
  check = await checkDomain(troubleshooter, "unknown.test");
  await check.getByText("Couldn't check", { exact: true }).waitFor();
  assert.equal(await check.getByText("What to do next", { exact: false }).count(), 0, "no next step for what wasn't checked");
  check = await checkDomain(troubleshooter, "slow.test");
  assert.equal(await check.getByText("Couldn't check", { exact: true }).count(), 2, "a check that timed out proves nothing either way");
  assert.equal(await check.getByText(/Problem$/).count(), 0, "and no problem");
  await context.close();
});
