// The same walk-through in each language, chosen from the element, the page or the browser.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, widget, ready, takenOver, notices } from "./support.mjs";
import { plainName } from "../../scripts/dist-files.mjs";

const env = useBrowser();

/**
 * A page with one troubleshooter whose element and page carry the given `lang`s. `translation`,
 * if given, stands in for the server's answer to `locale-*.js` requests. `requested()` lists
 * the translation files the server was asked for, by their plain names. `bundle` is where the
 * embed script is loaded from: the release bundle, or the test build (whose files keep their
 * plain names and carry no SRI hashes, so a page can be given any translation).
 */
async function openIn(options, { element, page: pageLang, translation, bundle = "/cdn/v1/" }) {
  const opened = await openPage(env.browser, options);
  const from = env.server.requests.length;
  const requested = () =>
    env.server.requests
      .slice(from)
      .map((path) => path.split("/").pop())
      .filter((name) => name.startsWith("locale-"))
      .map(plainName);
  if (translation) await opened.page.route("**/locale-*.js", translation);
  await opened.page.goto(`${env.server.url}/host/api.html`);
  await opened.page.evaluate(
    async ({ element, pageLang, bundle }) => {
      if (pageLang !== undefined) document.documentElement.setAttribute("lang", pageLang);
      await import(`${bundle}email-troubleshooter.js`);
      const troubleshooter = document.createElement("email-troubleshooter");
      troubleshooter.setAttribute("storage-key", "languages");
      if (element) troubleshooter.setAttribute("lang", element);
      document.getElementById("slot").replaceChildren(troubleshooter);
    },
    { element, pageLang, bundle },
  );
  return { ...opened, requested, troubleshooter: widget(opened.page) };
}

const WALKS = {
  es: {
    title: "¿No puede conectarse a su buzón?",
    yes: "Sí",
    no: "No",
    next: "Continuar",
    date: "Fecha en que empezó el problema",
    change: "Cambié la contraseña de mi buzón",
    summary: "Qué indican sus respuestas",
    finding: "Cambió la contraseña de su buzón",
    began: /El problema empezó hace \d+ días, el 20 de noviembre de 2026\./,
    report: /^Informe de diagnóstico de la conexión de correo\n/,
    step: "Paso 3 de 7",
  },
  de: {
    title: "Keine Verbindung zu Ihrem Postfach?",
    yes: "Ja",
    no: "Nein",
    next: "Weiter",
    date: "Datum, an dem das Problem begann",
    change: "Ich habe das Passwort meines Postfachs geändert",
    summary: "Worauf Ihre Antworten hinweisen",
    finding: "Das Passwort Ihres Postfachs hat sich geändert",
    began: /Das Problem besteht seit \d+ Tagen, seit dem 20\. November 2026\./,
    report: /^Bericht zur Fehlersuche bei der E-Mail-Verbindung\n/,
    step: "Schritt 3 von 7",
  },
};

async function walk(troubleshooter, words) {
  await troubleshooter.getByRole("heading", { name: words.title }).waitFor();
  await troubleshooter.getByRole("radio", { name: words.yes, exact: true }).check();
  await troubleshooter.getByRole("button", { name: words.next }).click();
  await troubleshooter.getByLabel(words.date).fill("2026-11-20");
  await troubleshooter.getByRole("checkbox", { name: words.change }).check();
  await troubleshooter.getByRole("button", { name: words.next }).click();
  await troubleshooter.getByText(words.step, { exact: true }).waitFor();
  for (let step = 3; step <= 7; step++) {
    await troubleshooter.getByRole("radio", { name: words.no, exact: true }).check();
    await troubleshooter.getByRole("button", { name: words.next }).click();
  }
  const summary = troubleshooter.getByRole("region", { name: words.summary });
  await summary.getByRole("heading", { name: words.finding }).waitFor();
  await summary.getByText(words.began).waitFor();
  assert.match(await summary.locator("textarea").first().inputValue(), words.report, "the report is in the language too");
}

test("Spanish, from the element's lang attribute", async () => {
  const { context, problems, troubleshooter } = await openIn({}, { element: "es" });
  await walk(troubleshooter, WALKS.es);
  assert.equal(await troubleshooter.getByRole("region", { name: WALKS.es.title }).getAttribute("lang"), "es");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an English page downloads no translation; a Spanish one only Spanish", async () => {
  const english = await openIn({ locale: "en-GB" }, { page: "en" });
  await ready(english.troubleshooter);
  assert.deepEqual(english.requested(), []);
  await english.context.close();

  const spanish = await openIn({}, { element: "es" });
  await spanish.troubleshooter.getByRole("heading", { name: WALKS.es.title }).waitFor();
  await takenOver(spanish.page);
  assert.deepEqual(spanish.requested(), ["locale-es.js"]);
  await spanish.context.close();
});

const LANGUAGE_NOTICE = "The troubleshooter couldn't load your language just now, so it is shown in English.";

test("a translation that can't be fetched: English, with a notice saying so", async () => {
  const { context, troubleshooter } = await openIn({}, { element: "de", translation: (route) => route.abort() });
  await ready(troubleshooter);
  assert.equal(await notices(troubleshooter).innerText(), LANGUAGE_NOTICE);
  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await context.close();
});

// The release build refuses any file but its own (tests/e2e/cdn.test.mjs); a host serving the
// files without the map (the test build's embed script has none) still gets this check.
test("a translation made for other content (an old file from a cache): English, with the notice", async () => {
  const stale = (route) =>
    route.fulfill({ contentType: "text/javascript", body: 'export default {content: "0000000000000000", texts: ["de"]};' });
  const { context, problems, troubleshooter } = await openIn({}, { element: "de", translation: stale, bundle: "/panic/" });
  await ready(troubleshooter);
  assert.equal(await notices(troubleshooter).innerText(), LANGUAGE_NOTICE);
  assert.deepEqual(problems, []);
  await context.close();
});

test("German, from the page's lang, with the element saying nothing", async () => {
  const { context, problems, troubleshooter } = await openIn({}, { page: "de-AT" });
  await walk(troubleshooter, WALKS.de);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the browser's languages when neither the element nor the page says", async () => {
  const { context, problems, troubleshooter } = await openIn({ locale: "es-MX" }, { page: "" });
  await troubleshooter.getByRole("heading", { name: WALKS.es.title }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("English when no wanted language is built in", async () => {
  const { context, troubleshooter } = await openIn({ locale: "fr-FR" }, { element: "ja" });
  await troubleshooter.getByRole("heading", { name: "Can't connect to your mailbox?" }).waitFor();
  await context.close();
});
