// Every record the provider's DNS article lists, read in parallel against the stand-in DoH
// service: MX, SPF (TXT) and autodiscover (CNAME), each with its own line, each failing alone.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, axeViolations, answer } from "./support.mjs";
import { useServices } from "./services.mjs";

const env = useBrowser();
const services = useServices();

const CHECK = "Check your domain's mail records and registration";

/** The widget with the stand-in services, its first questions answered as `answers` says
 * (question 1 Yes, question 2 "Nothing that I know of", then questions 3 and 4). */
async function atQuestion5(storageKey, [migrated, upgraded]) {
  const opened = await openPage(env.browser);
  await opened.page.goto(`${env.server.url}/host/api.html`);
  const mountWidget = () =>
    opened.page.evaluate(async (settings) => {
      const { mount } = await import("/cdn/v1/email-troubleshooter.js");
      await mount(document.getElementById("slot"), settings).ready;
    }, { storageKey, ...services.settings });
  await mountWidget();
  const troubleshooter = opened.page.locator("#slot");
  await answer(troubleshooter, "Yes");
  await troubleshooter.getByRole("checkbox", { name: "Nothing that I know of" }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await answer(troubleshooter, migrated);
  await answer(troubleshooter, upgraded);
  await troubleshooter.getByText("Step 5 of 7", { exact: true }).waitFor();
  const check = troubleshooter.getByRole("region", { name: CHECK });
  return { ...opened, troubleshooter, check, mountWidget };
}

async function checkDomain(check, input, domain = input.split("@").pop()) {
  await check.getByLabel("Your email address or domain").fill(input);
  await check.getByRole("button", { name: "Check now" }).click();
  await check.getByRole("button", { name: "Check now" }).waitFor();
  await check.getByRole("heading", { name: `Registration of ${domain}` }).waitFor();
}

/** Questions 5 to 7 answered No: the summary. */
async function finishWithNo(troubleshooter) {
  for (let i = 0; i < 3; i++) await answer(troubleshooter, "No");
  const summary = troubleshooter.getByRole("region", { name: "What your answers point to" });
  await summary.waitFor();
  return summary;
}

test("an autodiscover record left at the old provider after a move: named, a strong sign of the move, saved", async () => {
  const { context, page, problems, troubleshooter, check, mountWidget } = await atQuestion5("moved", ["Yes", "No"]);
  await check.getByText(/^Checking sends the domain name, and nothing else: to 127\.0\.0\.1:\d+ for its mail \(MX\) and SPF records and its autodiscover record \(as autodiscover\.<domain>\), and to 127\.0\.0\.1:\d+ for its registration\.$/).waitFor();
  const before = services.asked.length;
  await checkDomain(check, "someone@moved.test");
  const sent = services.asked.slice(before).map((r) => r.path + r.query).sort();
  assert.deepEqual(sent, [
    "/dns-query?name=autodiscover.moved.test&type=CNAME",
    "/dns-query?name=moved.test&type=MX",
    "/dns-query?name=moved.test&type=TXT",
    "/rdap/domain/moved.test",
  ]);
  await check.getByRole("heading", { name: "Autodiscover record for moved.test" }).waitFor();
  const line = check.getByText("autodiscover.moved.test points to autodiscover.outlook.com, not to autodiscover.emailsrvr.com.", { exact: false });
  await line.waitFor();
  assert.match(await line.locator("xpath=..").ariaSnapshot(), /strong: Problem/);
  await check.getByText("What to do next: Ask your administrator to point the autodiscover record (a CNAME) to the expected name shown here.").waitFor();
  assert.deepEqual(await axeViolations(page), [], "the results pass axe");

  const summary = await finishWithNo(troubleshooter);
  const mostLikely = summary.getByRole("heading", { name: "Your mail moved here from another provider" });
  await mostLikely.waitFor();
  await summary.getByText("Strong sign · from question 3 · from the autodiscover record check").waitFor();
  const report = await summary.getByLabel("The report").inputValue();
  assert.match(report, /- Autodiscover record for moved\.test: autodiscover\.moved\.test points to autodiscover\.outlook\.com, not to autodiscover\.emailsrvr\.com\./);
  const saved = await page.evaluate(() => localStorage.getItem("email-troubleshooter:moved"));
  assert.match(saved, /&check\.autodiscover=moved\.test\/elsewhere\/autodiscover\.outlook\.com@\d+/);
  assert.match(saved, /&check\.spf=moved\.test\/included@\d+/);

  await page.reload();
  await mountWidget();
  await troubleshooter.getByText("Strong sign · from question 3 · from the autodiscover record check").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the same record without a move or an upgrade says what it means and points to no cause", async () => {
  const { context, problems, troubleshooter, check } = await atQuestion5("not-moved", ["No", "No"]);
  await checkDomain(check, "moved.test");
  await check.getByText("When Outlook sets up your account, it may be sent there", { exact: false }).waitFor();
  const summary = await finishWithNo(troubleshooter);
  assert.equal(await summary.getByText("from the autodiscover record check", { exact: false }).count(), 0);
  assert.equal(await summary.getByRole("heading", { name: "Your mail moved here from another provider" }).count(), 0);
  assert.equal(await summary.getByText(/This doesn't fit your answer/).count(), 0, "no answer is said not to fit");
  assert.deepEqual(problems, []);
  await context.close();
});

/** The causes the summary lists (their titles), in order. */
async function causes(summary) {
  return summary.locator(".et-finding-title").allTextContents();
}

test("an SPF record naming other includes: not named directly, not followed, so no problem is claimed; the causes are unchanged", async () => {
  const plain = await atQuestion5("spf-plain", ["Yes", "No"]);
  const expected = await causes(await finishWithNo(plain.troubleshooter));
  await plain.context.close();

  const { context, page, problems, troubleshooter, check } = await atQuestion5("spf-other", ["Yes", "No"]);
  await checkDomain(check, "spf-other.test");
  await check.getByRole("heading", { name: "SPF record for spf-other.test" }).waitFor();
  const line = check.getByText("The SPF record doesn't name emailsrvr.com directly. It names other senders (_spf.google.com, mailgun.org), and one of them may cover Rackspace Cloud Office's servers: this check doesn't follow them. This affects sending, not connecting.");
  await line.waitFor();
  assert.match(await line.locator("xpath=..").ariaSnapshot(), /strong: Couldn't check/);
  assert.equal(await check.getByText("other mail servers may reject mail", { exact: false }).count(), 0, "no rejection is claimed");
  assert.equal(await check.getByText("What to do next: Ask your administrator to publish one SPF record", { exact: false }).count(), 0);
  await checkDomain(check, "spf-indirect.test");
  await check.getByText("The SPF record doesn't name emailsrvr.com directly. It names other senders (_spf.example.com)", { exact: false }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the results pass axe");
  const summary = await finishWithNo(troubleshooter);
  assert.deepEqual(await causes(summary), expected, "the SPF record adds no cause");
  assert.equal(await summary.getByText("from the SPF record check", { exact: false }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an SPF record that nothing in could cover the provider: tagged as affecting sending, not as a problem connecting", async () => {
  const { context, page, problems, check } = await atQuestion5("spf-bare", ["No", "No"]);
  await checkDomain(check, "spf-bare.test");
  const line = check.getByText("The SPF record doesn't name emailsrvr.com directly, and nothing else in it could cover Rackspace Cloud Office's servers. This affects sending, not connecting: other mail servers may reject mail your domain sends through Rackspace Cloud Office, or mark it as spam.");
  await line.waitFor();
  const said = await line.locator("xpath=..").ariaSnapshot();
  assert.match(said, /^- paragraph:\n\s+- strong: Affects sending\n/, said);
  assert.equal(await check.getByText("Problem", { exact: true }).count(), 0, "no result says Problem");
  await check.getByText("What to do next: Ask your administrator to publish one SPF record for the domain that includes the expected name shown here.").waitFor();
  assert.deepEqual(await axeViolations(page), [], "the results pass axe");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a CNAME chain longer than the check follows, ending at the provider: couldn't check, and no sign of the move", async () => {
  const { context, problems, troubleshooter, check } = await atQuestion5("long-chain", ["Yes", "No"]);
  await checkDomain(check, "long-chain.test");
  const line = check.getByText("autodiscover.long-chain.test leads on past a.long-chain.test → b.long-chain.test → c.long-chain.test → d.long-chain.test, through more than 4 names, further than this check follows: it can't tell where Outlook is sent.");
  await line.waitFor();
  assert.match(await line.locator("xpath=..").ariaSnapshot(), /strong: Couldn't check/);
  assert.equal(await check.getByText("not to autodiscover.emailsrvr.com", { exact: false }).count(), 0, "never said to point elsewhere");
  const summary = await finishWithNo(troubleshooter);
  await summary.getByRole("heading", { name: "Your mail moved here from another provider" }).waitFor();
  assert.equal(await summary.getByText("from the autodiscover record check", { exact: false }).count(), 0, "the chain is no sign either way");
  assert.deepEqual(problems, []);
  await context.close();
});

test("results made together say when once, after them all", async () => {
  const { context, problems, check } = await atQuestion5("checked-once", ["No", "No"]);
  await checkDomain(check, "match.test");
  assert.equal(await check.getByRole("heading").filter({ hasText: /match\.test$/ }).count(), 4, "four results");
  assert.equal(await check.getByText(/^Checked /).count(), 1, "one time for the four");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an SPF record split into quoted strings is read whole; two SPF records are an error in themselves", async () => {
  const { context, problems, check } = await atQuestion5("spf-split", ["No", "No"]);
  await checkDomain(check, "spf-split.test");
  await check.getByText("The SPF record includes emailsrvr.com, as it should", { exact: false }).waitFor();
  await checkDomain(check, "spf-two.test");
  await check.getByText("The domain has 2 SPF records, and may have only one", { exact: false }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a foreign MX record beside the provider's is named, with what it may mean", async () => {
  const { context, problems, check } = await atQuestion5("mx-extra", ["No", "No"]);
  await checkDomain(check, "mx-extra.test");
  const line = check.getByText("Besides Rackspace Cloud Office's servers, the mail records name other servers (mx.old-provider.example). Some mail for the domain may be delivered to them instead", { exact: false });
  await line.waitFor();
  assert.match(await line.locator("xpath=..").ariaSnapshot(), /strong: Problem/);
  await check.getByText("What to do next: Ask your administrator to remove the mail (MX) records that don't name the expected servers, unless they are meant to be there.").waitFor();
  // Which host isn't the provider's is said in words, not only by colour.
  assert.deepEqual(await check.getByRole("listitem").allTextContents(), [
    "mx1.emailsrvr.com", "mx2.emailsrvr.com", "mx.old-provider.example (not Rackspace Cloud Office's)",
    "mx1.emailsrvr.com", "mx2.emailsrvr.com",
  ]);
  assert.deepEqual(problems, []);
  await context.close();
});

const ALONE = [
  // [domain, what the failing query says, what the other two say]
  ["mx-garbled.test", /sent an answer that couldn't be read as one\.$/, [
    "The SPF record includes emailsrvr.com, as it should",
    "autodiscover.mx-garbled.test points to autodiscover.emailsrvr.com, as it should",
  ]],
  ["txt-slow.test", /didn't answer within 2 seconds\./, [
    "The mail records point to Rackspace Cloud Office, as they should",
    "autodiscover.txt-slow.test points to autodiscover.emailsrvr.com, as it should",
  ]],
  ["cname-servfail.test", "The DNS service couldn't answer for autodiscover.cname-servfail.test", [
    "The mail records point to Rackspace Cloud Office, as they should",
    "The SPF record includes emailsrvr.com, as it should",
  ]],
];

test("each DNS query failing alone leaves the other two answered and shown", async () => {
  const { context, problems, check } = await atQuestion5("alone", ["No", "No"]);
  for (const [domain, failing, others] of ALONE) {
    await checkDomain(check, domain);
    await check.getByText(failing).waitFor();
    assert.equal(await check.getByText("Couldn't check", { exact: true }).count(), 1, `${domain}: only the failing query couldn't check`);
    for (const other of others) await check.getByText(other, { exact: false }).waitFor();
  }
  assert.ok(problems.every((p) => /Failed to load resource/.test(p)), problems.join("\n"));
  await context.close();
});

test("a CNAME chain is followed to the provider's target; no record is said plainly", async () => {
  const { context, problems, check } = await atQuestion5("chain", ["No", "No"]);
  await checkDomain(check, "chain.test");
  await check.getByText("autodiscover.chain.test points to ad.chain.test → autodiscover.emailsrvr.com, as it should", { exact: false }).waitFor();
  await checkDomain(check, "unset.test");
  await check.getByText("autodiscover.unset.test has no autodiscover record, so Outlook looks for your settings elsewhere, or the account is set up by hand. That is no fault in itself.").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("an spf-include or autodiscover-target that isn't one host name is named, and the default applies", async () => {
  const opened = await openPage(env.browser);
  await opened.page.goto(`${env.server.url}/host/api.html`);
  await opened.page.evaluate(async (settings) => {
    const { mount } = await import("/cdn/v1/email-troubleshooter.js");
    await mount(document.getElementById("slot"), settings).ready;
  }, { storageKey: "bad-targets", ...services.settings, spfInclude: "https://emailsrvr.com", autodiscoverTarget: "a b.example" });
  const troubleshooter = opened.page.locator("#slot");
  const listed = await troubleshooter.getByRole("listitem").filter({ hasText: "expected" }).allTextContents();
  assert.deepEqual(listed.sort(), [
    "autodiscoverTarget: expected one host name, such as emailsrvr.com",
    "spfInclude: expected one host name, such as emailsrvr.com",
  ]);
  await answer(troubleshooter, "Yes");
  await troubleshooter.getByRole("checkbox", { name: "Nothing that I know of" }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await answer(troubleshooter, "No");
  await answer(troubleshooter, "No");
  const check = troubleshooter.getByRole("region", { name: CHECK });
  await checkDomain(check, "match.test");
  await check.getByText("The SPF record includes emailsrvr.com, as it should", { exact: false }).waitFor();
  await check.getByText("autodiscover.match.test points to autodiscover.emailsrvr.com, as it should", { exact: false }).waitFor();
  assert.deepEqual(opened.problems.filter((p) => !/spfInclude|autodiscoverTarget/.test(p)), []);
  await opened.context.close();
});
