// The emailed report on a 390x844 phone, in each language: the longest realistic walk (every
// change ticked, answers pointing to as many causes as the questions allow, the webmail,
// records and registration checks run), and an "Email it" link that still names every cause.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { useBrowser, openPage, widget, ready } from "./support.mjs";
import { useServices } from "./services.mjs";

const env = useBrowser();
const services = useServices();

/** The widget's version, as the workspace declares it (Cargo.toml), for the report's last line. */
const VERSION = JSON.parse(
  execFileSync("cargo", ["metadata", "--no-deps", "--format-version", "1", "--offline"], { cwd: fileURLToPath(new URL("../..", import.meta.url)), encoding: "utf8" }),
).packages.find((crate) => crate.name === "email_troubleshooter").version;

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const WORDS = {
  en: {
    yes: "Yes",
    no: "No",
    next: "Continue",
    date: "Date the problem started",
    changes: ["I changed my mailbox password", "My office or home network changed", "I set up a new device or mail app, or installed an update"],
    portal: "Can this browser reach webmail?",
    portalNow: "Check webmail now",
    records: "Check your domain's mail records and registration",
    domainInput: "Your email address or domain",
    checkNow: "Check now",
    checked: "Checked ",
    summary: "What your answers point to",
    report: "A report for your administrator",
    email: "Email it to your administrator",
    preview: "The report",

    version: "Troubleshooter version",
  },
  es: {
    yes: "Sí",
    no: "No",
    next: "Continuar",
    date: "Fecha en que empezó el problema",
    changes: ["Cambié la contraseña de mi buzón", "Cambió la red de mi oficina o de mi casa", "Configuré un dispositivo o una aplicación de correo nuevos, o instalé una actualización"],
    portal: "¿Llega este navegador al correo web?",
    portalNow: "Comprobar el correo web ahora",
    records: "Compruebe los registros de correo y el registro de su dominio",
    domainInput: "Su dirección de correo o su dominio",
    checkNow: "Comprobar ahora",
    checked: "Comprobado el ",
    summary: "Qué indican sus respuestas",
    report: "Un informe para su administrador",
    email: "Enviarlo por correo a su administrador",
    preview: "El informe",

    version: "Versión del asistente",
  },
  de: {
    yes: "Ja",
    no: "Nein",
    next: "Weiter",
    date: "Datum, an dem das Problem begann",
    changes: ["Ich habe das Passwort meines Postfachs geändert", "Das Netz im Büro oder zu Hause hat sich geändert", "Ich habe ein neues Gerät oder E-Mail-Programm eingerichtet oder ein Update installiert"],
    portal: "Erreicht dieser Browser Webmail?",
    portalNow: "Webmail jetzt prüfen",
    records: "Mail-Einträge und Registrierung Ihrer Domain prüfen",
    domainInput: "Ihre E-Mail-Adresse oder Domain",
    checkNow: "Jetzt prüfen",
    checked: "Geprüft am ",
    summary: "Worauf Ihre Antworten hinweisen",
    report: "Ein Bericht für Ihren Administrator",
    email: "Per E-Mail an Ihren Administrator senden",
    preview: "Der Bericht",

    version: "Version des Assistenten",
  },
};

/** The phone host page with one troubleshooter in `lang`, using the stand-in services. */
async function openOnPhone(lang) {
  const opened = await openPage(env.browser, PHONE);
  await opened.page.goto(`${env.server.url}/host/phone.html`);
  await opened.page.evaluate(
    ({ lang, settings }) => {
      const element = document.createElement("email-troubleshooter");
      element.setAttribute("lang", lang);
      element.setAttribute("storage-key", `report-email-${lang}`);
      element.setAttribute("admin-contact", "it-helpdesk@northwind-traders.example");
      element.setAttribute("doh-url", settings.dohUrl);
      element.setAttribute("rdap-url", settings.rdapUrl);
      element.setAttribute("webmail-url", settings.webmailUrl);
      element.setAttribute("check-timeout", settings.checkTimeout);
      document.body.append(element);
    },
    { lang, settings: services.settings },
  );
  const troubleshooter = widget(opened.page);
  await troubleshooter.getByRole("button", { name: WORDS[lang].next }).waitFor();
  return { ...opened, troubleshooter };
}

/**
 * Webmail doesn't work for the user (though the portal answers the check), every change ticked, moved and
 * upgraded, and the records check finds mail going elsewhere: seven of the eight causes, the
 * most the questions allow without answers that contradict each other.
 */
async function longestWalk(troubleshooter, words) {
  const answer = async (label) => {
    await troubleshooter.getByRole("radio", { name: label, exact: true }).check();
    await troubleshooter.getByRole("button", { name: words.next }).click();
  };
  const portal = troubleshooter.getByRole("region", { name: words.portal });
  await portal.getByRole("button", { name: words.portalNow }).click();
  await portal.getByText(words.checked).first().waitFor();
  await answer(words.no);
  await troubleshooter.getByLabel(words.date).fill("2026-11-20");
  for (const change of words.changes) await troubleshooter.getByRole("checkbox", { name: change }).check();
  await troubleshooter.getByRole("button", { name: words.next }).click();
  await answer(words.yes);
  await answer(words.yes);
  const records = troubleshooter.getByRole("region", { name: words.records });
  await records.getByLabel(words.domainInput).fill("someone@foreign.test");
  await records.getByRole("button", { name: words.checkNow }).click();
  // The results come together and say when once, after them all.
  await records.getByText(words.checked).first().waitFor();
  await answer(words.no);
  await answer(words.no);
  await answer(words.no);
  await troubleshooter.getByRole("region", { name: words.summary }).waitFor();
}

for (const lang of ["en", "es", "de"]) {
  test(`${lang}: on a phone, the email of the longest walk names every cause the summary shows`, async () => {
    const words = WORDS[lang];
    const { context, problems, troubleshooter } = await openOnPhone(lang);
    await longestWalk(troubleshooter, words);
    const summary = troubleshooter.getByRole("region", { name: words.summary });
    const titles = await summary.locator(".et-finding-title").allTextContents();
    assert.ok(titles.length >= 7, `the walk reaches ${titles.length} causes: ${titles}`);

    const report = troubleshooter.getByRole("region", { name: words.report });
    const href = await report.getByRole("link", { name: words.email }).getAttribute("href");
    assert.ok(href.length <= 1900, `${href.length} characters`);
    const url = new URL(href);
    assert.equal(url.protocol, "mailto:");
    assert.equal(url.pathname, "it-helpdesk@northwind-traders.example");
    const body = decodeURIComponent(href.slice(href.indexOf("&body=") + "&body=".length));
    for (const title of titles) assert.ok(body.includes(title), `${title} is in the email:\n${body}`);
    // However short the email, it says which troubleshooter made it: the help desk asks first.
    assert.ok(body.includes(`${words.version}: ${VERSION}`), `the version is in the email:\n${body}`);
    const shown = await report.getByLabel(words.preview).inputValue();
    assert.ok(shown.includes(body.split("\r\n").slice(0, 4).join("\n")), "the email starts as the report does");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("on a 390px phone the report panel fits, has no rule to wrap, and Email it is a button like the others", async () => {
  const words = WORDS.en;
  const { context, page, problems, troubleshooter } = await openOnPhone("en");
  await longestWalk(troubleshooter, words);
  const report = troubleshooter.getByRole("region", { name: words.report });
  const shown = await report.getByLabel(words.preview).inputValue();
  assert.ok(!/^=+$/m.test(shown), "no ==== underline");
  assert.ok(shown.trimEnd().endsWith(`\n${words.version}: ${VERSION}`), `the report ends with the version:\n${shown}`);

  const copy = report.getByRole("button", { name: "Copy the report" });
  const email = report.getByRole("link", { name: words.email });
  await email.scrollIntoViewIfNeeded();
  const look = (locator) =>
    locator.evaluate((element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        underline: style.textDecorationLine,
        border: `${style.borderTopStyle} ${style.borderTopWidth}`,
        radius: style.borderTopLeftRadius,
        weight: style.fontWeight,
        height: Math.round(box.height),
        right: box.right,
      };
    });
  const [copyLook, emailLook] = [await look(copy), await look(email)];
  assert.equal(emailLook.underline, "none", "not underlined like a link");
  for (const key of ["border", "radius", "weight"]) assert.equal(emailLook[key], copyLook[key], key);
  assert.ok(emailLook.height >= 44, `a full-size target (${emailLook.height}px)`);
  assert.ok(emailLook.right <= 390, "inside the screen");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.equal(overflow, 0, "nothing sticks out sideways");
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a phone, This fixed it on the longest walk leads the emailed report with Fixed by, and every cause stays", async () => {
  const words = WORDS.en;
  const { context, problems, troubleshooter } = await openOnPhone("en");
  await longestWalk(troubleshooter, words);
  const summary = troubleshooter.getByRole("region", { name: words.summary });
  const titles = await summary.locator(".et-finding-title").allTextContents();
  const lead = titles[0];
  await summary.getByRole("group", { name: `${lead}: did this fix it?` }).getByRole("button", { name: "This fixed it" }).click();
  await troubleshooter.getByRole("heading", { name: `Fixed: ${lead}` }).waitFor();

  const report = troubleshooter.getByRole("region", { name: words.report });
  const href = await report.getByRole("link", { name: words.email }).getAttribute("href");
  assert.ok(href.length <= 1900, `${href.length} characters`);
  const body = decodeURIComponent(href.slice(href.indexOf("&body=") + "&body=".length));
  const fixedBy = `Fixed by: ${lead}`;
  assert.ok(body.includes(fixedBy), `the email says what fixed it:\n${body}`);
  assert.ok(body.indexOf(fixedBy) < body.indexOf(titles[1]), "before the other causes");
  for (const title of titles) assert.ok(body.includes(title), `${title} is still in the email`);
  assert.ok((await report.getByLabel(words.preview).inputValue()).includes(fixedBy), "and in the report shown");
  assert.deepEqual(problems, []);
  await context.close();
});
