// The mail app's settings where a cause says to set it up again: the settings card with copy
// buttons, the choice of mail app, and the set-up profile for Apple devices.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useBrowser, openOnHostPage, axeViolations, finish } from "./support.mjs";

const env = useBrowser();

/** What the tests look for, in each language. */
const WORDS = {
  en: {
    yes: "Yes", no: "No", next: "Continue", nothing: "Nothing that I know of",
    summary: "What your answers point to",
    card: "Settings for your mail app",
    imap: "Incoming mail server (IMAP)", pop: "Incoming mail server (POP), instead of IMAP", smtp: "Outgoing mail server (SMTP)",
    server: "Server", port: "Port", security: "Security",
    user: "your full email address",
    apps: "Which mail app do you use?",
    moved: "Your mail moved here from another provider",
    upgraded: "Your mailbox was upgraded to a new server",
  },
  es: {
    yes: "Sí", no: "No", next: "Continuar", nothing: "Nada, que yo sepa",
    summary: "Qué indican sus respuestas",
    card: "Configuración para su aplicación de correo",
    imap: "Servidor de correo entrante (IMAP)", pop: "Servidor de correo entrante (POP), en lugar de IMAP", smtp: "Servidor de correo saliente (SMTP)",
    server: "Servidor", port: "Puerto", security: "Seguridad",
    user: "su dirección de correo completa",
    apps: "¿Qué aplicación de correo usa?",
  },
  de: {
    yes: "Ja", no: "Nein", next: "Weiter", nothing: "Nichts, soweit ich weiß",
    summary: "Worauf Ihre Antworten hinweisen",
    card: "Einstellungen für Ihr E-Mail-Programm",
    imap: "Posteingangsserver (IMAP)", pop: "Posteingangsserver (POP), statt IMAP", smtp: "Postausgangsserver (SMTP)",
    server: "Hostname", port: "Portnummer", security: "Sicherheit",
    user: "Ihre vollständige E-Mail-Adresse",
    apps: "Welches E-Mail-Programm verwenden Sie?",
  },
};

/** Answers all seven questions: Yes to question 1, nothing changed, then `choices` (Yes/No per question 3-7). */
async function walk(scope, words, choices) {
  const pick = async (label) => {
    await scope.getByRole("radio", { name: label, exact: true }).check();
    await scope.getByRole("button", { name: words.next }).click();
  };
  await pick(words.yes);
  await scope.getByRole("checkbox", { name: words.nothing }).check();
  await scope.getByRole("button", { name: words.next }).click();
  for (const choice of choices) await pick(choice ? words.yes : words.no);
  return scope.getByRole("region", { name: words.summary });
}

const MOVED = [true, false, false, false, false];
const UPGRADED = [false, true, false, false, false];

/** The settings card, after checking its three groups of values. */
async function checkCard(summary, words, servers = {}, user = words.user) {
  const card = summary.getByRole("region", { name: words.card });
  await card.waitFor();
  assert.equal(await summary.getByRole("region", { name: words.card }).count(), 1, "one card");
  const expected = {
    imap: ["secure.emailsrvr.com", "993", "SSL/TLS"],
    pop: ["secure.emailsrvr.com", "995", "SSL/TLS"],
    smtp: ["secure.emailsrvr.com", "465", "SSL/TLS"],
    ...servers,
  };
  // POP, the alternative, is folded away until asked for.
  const pop = card.getByRole("group", { name: words.pop });
  if (!(await pop.getByRole("textbox").isVisible())) await card.getByText(words.pop, { exact: true }).click();
  for (const [key, [host, port, security]] of Object.entries(expected)) {
    const group = card.getByRole("group", { name: words[key] });
    assert.equal(await group.getByRole("textbox", { name: words.server }).inputValue(), host, `${key} host`);
    // Port and security are read, not copied: plain text on one line.
    await group.getByText(`${words.port} ${port} · ${security}`, { exact: true }).waitFor();
    assert.equal(await group.getByRole("button").count(), 1, `${key}: one copy button, for the server name`);
  }
  await card.getByText(user).waitFor();
  await card.getByRole("group", { name: words.apps }).waitFor();
  return card;
}

for (const lang of ["en", "es", "de"]) {
  for (const [cause, choices] of [["move", MOVED], ["upgrade", UPGRADED]]) {
    test(`after ${cause === "move" ? "a move (question 3: Yes)" : "an upgrade (question 4: Yes)"}, the settings card in ${lang}`, async () => {
      const words = WORDS[lang];
      const { context, problems, troubleshooter } = await openOnHostPage(env, { lang }, { viewport: { width: 1280, height: 900 } });
      const summary = await walk(troubleshooter, words, choices);
      const pop = summary.getByRole("group", { name: words.pop });
      await pop.waitFor();
      assert.equal(await pop.getByRole("textbox").isVisible(), false, "POP, the alternative, is folded");
      await checkCard(summary, words);
      if (lang === "en") await summary.getByRole("heading", { name: cause === "move" ? words.moved : words.upgraded }).waitFor();
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test("each value copies on its own, and the status line says which", async () => {
  const { context, page, problems, troubleshooter } = await openOnHostPage(env, {}, { viewport: { width: 1280, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });
  const words = WORDS.en;
  const card = await checkCard(await walk(troubleshooter, words, MOVED), words);
  const smtp = card.getByRole("group", { name: words.smtp });
  const imap = card.getByRole("group", { name: words.imap });
  await smtp.getByRole("button", { name: "Copy: Outgoing mail server (SMTP), Server" }).click();
  // The feedback is at the button: its label, and the status line in the same row.
  await smtp.getByRole("button", { name: "Copied: Outgoing mail server (SMTP), Server" }).waitFor();
  await smtp.getByRole("status").getByText("Copied: Outgoing mail server (SMTP), Server.").waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "secure.emailsrvr.com");
  assert.equal(await imap.getByRole("status").textContent(), "", "the other row says nothing yet");
  await imap.getByRole("button", { name: "Copy: Incoming mail server (IMAP), Server" }).click();
  await imap.getByRole("status").getByText("Copied: Incoming mail server (IMAP), Server.").waitFor();
  const row = await imap.getByRole("button", { name: /^Copied/ }).boundingBox();
  const status = await imap.getByRole("status").boundingBox();
  assert.ok(Math.abs(status.y - (row.y + row.height)) < 60, `the status line is next to its button: ${JSON.stringify({ row, status })}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("where the Clipboard API is refused, the value is copied the old way or left selected", async () => {
  const { context, page, problems, troubleshooter } = await openOnHostPage(env, {}, {
    viewport: { width: 1280, height: 900 },
  });
  await page.evaluate(() => {
    Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) } });
  });
  const words = WORDS.en;
  const card = await checkCard(await walk(troubleshooter, words, MOVED), words);
  const pop = card.getByRole("group", { name: words.pop });
  await pop.getByRole("button", { name: /^Copy: .*, Server$/ }).click();
  await pop.getByRole("status").getByText(/^Copied: |selected/).waitFor();
  const selected = await page.evaluate(() => {
    const field = document.querySelector("email-troubleshooter").shadowRoot.activeElement;
    return field?.value.slice(field.selectionStart, field.selectionEnd);
  });
  assert.equal(selected, "secure.emailsrvr.com", "the value is selected for the user");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the mail app chosen changes the set-up lines and survives a reload", async () => {
  const { context, page, problems, troubleshooter } = await openOnHostPage(env, { "storage-key": "setup" }, { viewport: { width: 1280, height: 900 } });
  const words = WORDS.en;
  const card = await checkCard(await walk(troubleshooter, words, UPGRADED), words);
  const apps = card.getByRole("group", { name: words.apps });
  assert.equal(await apps.getByRole("radio").count(), 6);
  assert.equal(await card.getByRole("listitem").count(), 0, "no lines before a choice");
  await apps.getByRole("radio", { name: "Thunderbird" }).check();
  await card.getByRole("listitem").filter({ hasText: "If Thunderbird doesn't find the settings itself" }).waitFor();
  await apps.getByRole("radio", { name: "Outlook for Windows" }).check();
  await card.getByRole("listitem").filter({ hasText: "Create a new Outlook profile" }).waitFor();
  assert.equal(await card.getByText("If Thunderbird doesn't find").count(), 0, "the other app's lines are gone");
  assert.equal(await card.getByRole("button", { name: "Download a set-up profile" }).count(), 0, "no profile for Outlook");

  await page.reload();
  // The host page makes its element in script (see openOnHostPage): make it again.
  await page.evaluate(() => {
    const element = document.createElement("email-troubleshooter");
    element.setAttribute("storage-key", "setup");
    document.body.append(element);
  });
  const again = troubleshooter.getByRole("region", { name: words.card });
  await again.waitFor();
  assert.equal(await again.getByRole("radio", { name: "Outlook for Windows" }).isChecked(), true);
  await again.getByRole("listitem").filter({ hasText: "Create a new Outlook profile" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Reads an XML property list as the profile writes it: the elements dict, key, string,
 * integer, true, false and array, entities decoded. Throws on anything else, so it doubles as
 * a check that the file is well-formed.
 */
function readPlist(xml) {
  let rest = xml;
  const expect = (token) => {
    rest = rest.trimStart();
    if (!rest.startsWith(token)) throw new Error(`expected ${token} at ${rest.slice(0, 60)}`);
    rest = rest.slice(token.length);
  };
  const entities = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  const text = (end) => {
    const stop = rest.indexOf("<");
    const raw = rest.slice(0, stop);
    rest = rest.slice(stop);
    expect(end);
    return raw.replace(/&([a-z]+);|&/g, (match, name) => {
      if (!(name in entities)) throw new Error(`bad entity ${match}`);
      return entities[name];
    });
  };
  const value = () => {
    rest = rest.trimStart();
    for (const [tag, read] of [
      ["<dict>", () => {
        const dict = {};
        while (!(rest = rest.trimStart()).startsWith("</dict>")) {
          expect("<key>");
          const key = text("</key>");
          if (key in dict) throw new Error(`${key} twice`);
          dict[key] = value();
        }
        expect("</dict>");
        return dict;
      }],
      ["<array>", () => {
        const items = [];
        while (!(rest = rest.trimStart()).startsWith("</array>")) items.push(value());
        expect("</array>");
        return items;
      }],
      ["<string>", () => text("</string>")],
      ["<integer>", () => Number.parseInt(text("</integer>"), 10)],
      ["<true/>", () => true],
      ["<false/>", () => false],
    ]) {
      if (rest.startsWith(tag)) {
        expect(tag);
        return read();
      }
    }
    throw new Error(`unexpected ${rest.slice(0, 60)}`);
  };
  expect('<?xml version="1.0" encoding="UTF-8"?>');
  expect('<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">');
  expect('<plist version="1.0">');
  const plist = value();
  expect("</plist>");
  if (rest.trim()) throw new Error("text after the plist");
  return plist;
}

test("Apple Mail gets a set-up profile: checked address, a property list with the settings, no password, then what to do", async () => {
  const { context, page, problems, troubleshooter } = await openOnHostPage(
    env,
    { domain: "example.com", servers: "smtp=smtp.example.com:2465:ssl" },
    { viewport: { width: 1280, height: 900 }, acceptDownloads: true },
  );
  await page.evaluate(() => {
    const create = URL.createObjectURL;
    window.blobTypes = [];
    URL.createObjectURL = (blob) => (window.blobTypes.push(blob.type), create(blob));
  });
  const words = WORDS.en;
  const card = await checkCard(await walk(troubleshooter, words, MOVED), words, { smtp: ["smtp.example.com", "2465", "SSL/TLS"] });
  await card.getByRole("radio", { name: "Apple Mail on Mac, iPhone or iPad" }).check();
  const address = card.getByRole("textbox", { name: "Your email address" });
  assert.equal(await address.inputValue(), "", "a domain alone doesn't prefill the address");
  await card.getByText("The profile holds no password: your device asks for it").waitFor();
  await card.getByText("shows the profile as unsigned (not verified)", { exact: false }).waitFor();
  const download = card.getByRole("button", { name: "Download a set-up profile" });

  // Each wrong address says what is wrong with it.
  for (const [typed, says] of [
    ["not an address", "Enter your whole email address, with the part before and after the @"],
    ["sam@moved", "\u201cmoved\u201d has no domain ending such as .com or .de"],
    ["jörg@example.com", "The part before the @ can only hold the letters a to z"],
    ["jo@\u202emoc.elpmaxe", "The address holds an invisible formatting character"],
  ]) {
    await address.fill(typed);
    await download.click();
    await card.getByText(says).waitFor();
    assert.equal(await address.getAttribute("aria-invalid"), "true", typed);
    assert.match(await address.getAttribute("aria-describedby"), /et-profile-error/);
  }
  assert.deepEqual(await axeViolations(page), [], "the error state is accessible");
  const status = card.locator(".et-profile").getByRole("status");
  assert.equal(await status.textContent(), "", "nothing said before a download");

  // An international domain: folded by the browser, in its xn-- form, trailing dot dropped.
  await address.fill(" jo@Bücher.example. ");
  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  assert.equal(file.suggestedFilename(), "mail-settings.mobileconfig");
  assert.deepEqual(await page.evaluate(() => window.blobTypes), ["application/x-apple-aspen-config"]);
  const profile = readPlist(await readFile(await file.path(), "utf8"));
  assert.equal(profile.PayloadType, "Configuration");
  assert.equal(profile.PayloadVersion, 1);
  assert.equal(profile.PayloadDisplayName, "Mail settings for jo@xn--bcher-kva.example");
  assert.equal(profile.PayloadContent.length, 1);
  const [mail] = profile.PayloadContent;
  assert.equal(mail.PayloadType, "com.apple.mail.managed");
  assert.equal(mail.PayloadVersion, 1);
  assert.equal(mail.EmailAccountType, "EmailTypeIMAP");
  assert.equal(mail.EmailAddress, "jo@xn--bcher-kva.example");
  assert.equal("EmailAccountName" in mail, false, "the device asks for the sender's name");
  assert.equal(mail.IncomingMailServerHostName, "secure.emailsrvr.com");
  assert.equal(mail.IncomingMailServerPortNumber, 993);
  assert.equal(mail.IncomingMailServerUseSSL, true);
  assert.equal(mail.IncomingMailServerUsername, "jo@xn--bcher-kva.example", "sent byte for byte when signing in");
  assert.equal(mail.OutgoingMailServerHostName, "smtp.example.com");
  assert.equal(mail.OutgoingMailServerPortNumber, 2465);
  assert.equal(mail.OutgoingMailServerUseSSL, true);
  assert.equal(mail.OutgoingPasswordSameAsIncomingPassword, true);
  const keys = [...Object.keys(profile), ...Object.keys(mail)];
  assert.deepEqual(keys.filter((key) => /password/i.test(key)), ["OutgoingPasswordSameAsIncomingPassword"], "no password key");
  assert.match(profile.PayloadUUID, /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
  assert.match(mail.PayloadUUID, /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
  assert.notEqual(profile.PayloadUUID, mail.PayloadUUID);
  assert.equal(await card.getByText("Enter your whole email address").count(), 0, "the error is gone");
  // What to do next, said where the download happened.
  await status.getByText("The profile (mail-settings.mobileconfig) was downloaded. To install it:").waitFor();
  await status.getByRole("listitem").filter({ hasText: "open Settings, tap \u201cProfile Downloaded\u201d, then tap Install" }).filter({ hasText: "within 8 minutes" }).waitFor();
  await status.getByRole("listitem").filter({ hasText: "System Settings \u2192 Privacy & Security \u2192 Profiles" }).waitFor();

  // A second download installs over the first rather than adding a second account.
  const [again] = await Promise.all([page.waitForEvent("download"), download.click()]);
  const second = readPlist(await readFile(await again.path(), "utf8"));
  assert.equal(second.PayloadIdentifier, profile.PayloadIdentifier);
  assert.equal(second.PayloadContent[0].PayloadIdentifier, mail.PayloadIdentifier);
  assert.deepEqual(problems, []);
  await context.close();
});

test("with STARTTLS settings no profile is offered: the account is set up by hand", async () => {
  const { context, problems, troubleshooter } = await openOnHostPage(
    env,
    { servers: "smtp=smtp.example.com:587:starttls" },
    { viewport: { width: 1280, height: 900 } },
  );
  const words = WORDS.en;
  const card = await checkCard(await walk(troubleshooter, words, MOVED), words, { smtp: ["smtp.example.com", "587", "STARTTLS"] });
  await card.getByRole("radio", { name: "Apple Mail on Mac, iPhone or iPad" }).check();
  await card.getByText("These settings use STARTTLS, which a set-up profile can't ask for safely.").waitFor();
  assert.equal(await card.getByRole("button", { name: "Download a set-up profile" }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Outlook for Windows says what to do when its automatic set-up finds the old provider", async () => {
  for (const [lang, app, says] of [
    ["en", "Outlook for Windows", "choose the manual or advanced set-up"],
    ["es", "Outlook para Windows", "elija la configuración manual o avanzada"],
    ["de", "Outlook für Windows", "wählen Sie die manuelle oder erweiterte Einrichtung"],
  ]) {
    const { context, problems, troubleshooter } = await openOnHostPage(env, { lang }, { viewport: { width: 1280, height: 900 } });
    const words = WORDS[lang];
    const card = await checkCard(await walk(troubleshooter, words, MOVED), words);
    await card.getByRole("radio", { name: app }).check();
    await card.getByRole("listitem").filter({ hasText: says }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("a cause tried without luck hands the card to the next cause that sets up; it shows nothing itself", async () => {
  const { context, problems, troubleshooter } = await openOnHostPage(env, {}, { viewport: { width: 1280, height: 900 } });
  const words = WORDS.en;
  // Moved (question 3) and upgraded (question 4): two causes that say to set the app up.
  const summary = await walk(troubleshooter, words, [true, true, false, false, false]);
  const cause = (title) => summary.getByRole("group", { name: `${title}: did this fix it?` });
  // The most likely cause's title is the summary's first h4.
  const first = await summary.getByRole("heading", { level: 4 }).first().textContent();
  const next = first === words.moved ? words.upgraded : words.moved;
  await checkCard(summary, words);
  await summary.getByText("The settings for your mail app are shown above").waitFor();
  await cause(first).getByRole("button", { name: "Still not working" }).click();
  await summary.getByRole("heading", { level: 4, name: next }).first().waitFor();
  assert.equal(await summary.getByRole("heading", { level: 4 }).first().textContent(), next, "the other leads now");
  const card = await checkCard(summary, words);
  assert.equal(await card.getByRole("heading", { level: 5 }).count(), 1, "the card is with the new lead cause");
  assert.equal(await summary.getByText("The settings for your mail app are shown above").count(), 0, "the tried cause points nowhere");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the domain setting prefills the address when it is one", async () => {
  const { context, problems, troubleshooter } = await openOnHostPage(env, { domain: "sam@example.com" }, { viewport: { width: 1280, height: 900 } });
  const words = WORDS.en;
  const card = await checkCard(await walk(troubleshooter, words, MOVED), words);
  await card.getByRole("radio", { name: "Apple Mail on Mac, iPhone or iPad" }).check();
  assert.equal(await card.getByRole("textbox", { name: "Your email address" }).inputValue(), "sam@example.com");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a hostile servers setting is named, and the card shows the defaults", async () => {
  for (const [servers, named] of [
    ["imap=https://evil.example:993:ssl", "imap: the server must be a host name such as mail.example.com, without https:// or spaces"],
    ["smtp=mail.example.com:70000:ssl", "smtp: the port must be a whole number from 1 to 65535"],
    ["pop=mail.example.com:995:plain", "pop: the security must be ssl or starttls"],
    ["imap=mail.example.com:993:ssl; password=hunter2", "only imap, pop, smtp and user can be given, each once, as name=value"],
    ['imap=<img src=x onerror=alert(1)>:993:ssl', "imap: the server must be a host name"],
  ]) {
    const { context, page, problems, troubleshooter } = await openOnHostPage(env, { servers }, { viewport: { width: 1280, height: 900 } });
    const warnings = [];
    page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
    const problem = troubleshooter.getByRole("listitem").filter({ hasText: "servers: expected the mail app's servers as imap=" });
    await problem.filter({ hasText: named }).waitFor();
    assert.equal(await troubleshooter.locator("img").count(), 0, "no outside text becomes an element");
    await checkCard(await walk(troubleshooter, WORDS.en, MOVED), WORDS.en);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("servers given as a JSON object are read field by field", async () => {
  const config = JSON.stringify({
    servers: { imap: { host: "imap.example.com", port: 143, security: "starttls" }, smtp: "smtp.example.com:587:starttls", user: "local-part" },
  });
  const { context, problems, troubleshooter } = await openOnHostPage(env, { config }, { viewport: { width: 1280, height: 900 } });
  const words = WORDS.en;
  await checkCard(
    await walk(troubleshooter, words, MOVED),
    words,
    { imap: ["imap.example.com", "143", "STARTTLS"], smtp: ["smtp.example.com", "587", "STARTTLS"] },
    "the part of your email address before the @",
  );
  await context.close();

  const bad = JSON.stringify({ servers: { imap: { host: "imap.example.com", port: 143, security: "starttls", password: "x" } } });
  const opened = await openOnHostPage(env, { config: bad }, { viewport: { width: 1280, height: 900 } });
  await opened.troubleshooter.getByRole("listitem").filter({ hasText: "servers: expected" }).filter({ hasText: "only imap, pop, smtp and user" }).waitFor();
  assert.deepEqual([...problems, ...opened.problems], []);
  await opened.context.close();
});

/** Every settings field shows its whole value: nothing scrolls inside it. */
async function fieldsFit(card, where) {
  for (const field of await card.getByRole("textbox").all()) {
    if (!(await field.isVisible())) continue;
    const { scrollWidth, clientWidth, value } = await field.evaluate((f) => ({ scrollWidth: f.scrollWidth, clientWidth: f.clientWidth, value: f.value }));
    assert.ok(scrollWidth <= clientWidth, `${where}: "${value}" is cut (${scrollWidth} > ${clientWidth})`);
  }
}

/** The card's copy buttons are beside or beneath their own field, never under another's label. */
async function buttonsByTheirFields(card, where) {
  for (const group of await card.getByRole("group").all()) {
    const field = group.getByRole("textbox", { name: "Server" });
    if ((await field.count()) === 0 || !(await field.isVisible())) continue;
    const [box, button] = [await field.boundingBox(), await group.getByRole("button", { name: /^Copy/ }).boundingBox()];
    const beside = Math.abs(button.y + button.height / 2 - (box.y + box.height / 2)) < box.height / 2 && button.x >= box.x + box.width;
    const beneath = button.y >= box.y + box.height && button.y - (box.y + box.height) < 24;
    assert.ok(beside || beneath, `${where}: the button is away from its field ${JSON.stringify({ box, button })}`);
  }
}

for (const width of [390, 430]) {
  test(`at ${width}px wide no server name is cut, in the lead cause and in another cause`, async () => {
    const { context, problems, troubleshooter } = await openOnHostPage(env, {
      servers: "imap=a-long-incoming-server-name.mail.example.com:993:ssl; smtp=secure.emailsrvr.com:465:ssl",
    }, { viewport: { width, height: 844 } });
    const words = WORDS.en;
    const lead = await checkCard(await walk(troubleshooter, words, MOVED), words, { imap: ["a-long-incoming-server-name.mail.example.com", "993", "SSL/TLS"] });
    assert.equal(await lead.getByRole("heading", { level: 5 }).count(), 1, "in the lead cause");
    await fieldsFit(lead, "lead cause");
    await buttonsByTheirFields(lead, "lead cause");
    await context.close();

    // The password first (question 2), the move after it: the card sits in an other cause.
    const other = await openOnHostPage(env, {}, { viewport: { width, height: 844 }, permissions: ["clipboard-read", "clipboard-write"] });
    await finish(other.troubleshooter, ["Yes", "Yes", "No", "No", "No", "No"], { date: "2026-11-20", changes: ["I changed my mailbox password"] });
    const summary = other.troubleshooter.getByRole("region", { name: words.summary });
    const card = await checkCard(summary, words);
    assert.equal(await card.getByRole("heading", { level: 6 }).count(), 1, "in another cause");
    await fieldsFit(card, "other cause");
    await buttonsByTheirFields(card, "other cause");
    // "Copied" takes the place of "Copy": nothing grows, wraps or jumps under the thumb.
    const smtp = card.getByRole("group", { name: words.smtp });
    const before = await smtp.getByRole("button", { name: /^Copy: .*Server$/ }).boundingBox();
    await smtp.getByRole("button", { name: /^Copy: .*Server$/ }).click();
    const after = await smtp.getByRole("button", { name: /^Copied: .*Server$/ }).boundingBox();
    assert.deepEqual([after.x, after.y, after.width], [before.x, before.y, before.width], `the button stays put at ${width}px`);
    assert.deepEqual([...problems, ...other.problems], []);
    await other.context.close();
  });
}

test("on a 390x844 phone the card is usable without sideways scrolling, and axe finds nothing", async () => {
  const { context, page, problems, troubleshooter } = await openOnHostPage(env, { domain: "a-rather-long-mailbox-name@an-even-longer-example-domain.example" });
  const words = WORDS.en;
  const card = await checkCard(await walk(troubleshooter, words, UPGRADED), words);
  await card.getByRole("radio", { name: "Apple Mail on Mac, iPhone or iPad" }).check();
  const copy = card.getByRole("group", { name: words.smtp }).getByRole("button", { name: /Server$/ });
  await copy.scrollIntoViewIfNeeded();
  const box = await copy.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, `the copy button fits: ${JSON.stringify(box)}`);
  assert.ok(box.height >= 24 && box.width >= 24, "big enough to tap");
  const field = await card.getByRole("textbox", { name: "Your email address" }).boundingBox();
  assert.ok(field.x + field.width <= 390, "the address field fits");
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scroll");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
