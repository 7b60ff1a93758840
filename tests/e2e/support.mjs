// Shared set-up for the end-to-end tests: a local server for dist/, and a headless Chromium
// that the tests drive as a user would. Nothing here reaches beyond 127.0.0.1.

import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";
import { WASM, builtName, servedAs } from "../../scripts/dist-files.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The release bundle the tests load. */
export const DIST = `${root}/dist`;

/** A file's name in the release bundle (content-hashed): `distName(GLUE)`, say. */
export const distName = (name) => builtName(DIST, name);

/** Chromium as installed by `make setup`; never a browser downloaded by a test tool. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The policy the strict-CSP host page is served with. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * Serves the release bundle at / (the demo) and again under /cdn/v1/ (as another site would
 * host it), the test host pages under /host/, a copy of the bundle whose wasm is missing under
 * /broken/, and the test build with a panic export (`make dist-test`) under /panic/.
 */
export function startServer(options = {}) {
  return serve({
    mounts: {
      "/": `${root}/dist`,
      "/cdn/v1/": `${root}/dist`,
      "/broken/": `${root}/dist`,
      "/panic/": `${root}/target/dist-test`,
      "/host/": `${root}/tests/e2e/hosts`,
    },
    headers: (path) => ({ "/host/strict-csp.html": { "content-security-policy": STRICT_CSP }, "/host/trusted-types.html": { "content-security-policy": `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types 'none'` } })[path] ?? {},
    override: (path) => (servedAs(WASM, "/broken/").test(path) ? { status: 404, body: "gone" } : undefined),
    ...options,
  });
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A fresh page in a fresh context (its own storage), recording every console error and
 * uncaught exception so that a test can assert there were none.
 */
export async function openPage(browser, { init, ...contextOptions } = {}) {
  const context = await browser.newContext(contextOptions);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  return { context, page, problems };
}

/** The widget inside one <email-troubleshooter> element (its shadow root is open). */
export function widget(page, selector = "email-troubleshooter") {
  return page.locator(selector);
}

/**
 * Waits until the widget has replaced the fallback content with its first question, and, where
 * a first screen stood in for it, until the widget itself has taken over (each element's
 * documented `handle.ready`): the tests that use this are about the widget, not the first
 * screen (tests/e2e/first-screen.test.mjs is).
 */
export async function ready(scope) {
  await scope.getByRole("heading", { name: "Can't connect to your mailbox?" }).waitFor();
  await takenOver(typeof scope.page === "function" ? scope.page() : scope);
}

/** Waits until every element's widget is drawn (or has failed): each one's `handle.ready`. */
export async function takenOver(page) {
  await page.evaluate(() =>
    Promise.all([...document.querySelectorAll("email-troubleshooter")].map((element) => element.handle?.ready.catch(() => {}))),
  );
}

/**
 * Starts the server and the browser once for a test file, and stops them after its last test.
 * Returns an object whose `server` and `browser` are set by the time the tests run.
 */
export function useBrowser(serverOptions) {
  const env = {};
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Opens a page of the test server in a fresh context and waits for the widget to be ready. */
export async function openWidget(env, path = "/", options = {}) {
  const opened = await openPage(env.browser, options);
  await opened.page.goto(`${env.server.url}${path}`);
  const troubleshooter = widget(opened.page);
  await ready(troubleshooter);
  return { ...opened, troubleshooter };
}

/**
 * Works through every step as a user: `answers` gives Yes / No / Not sure for the six choice
 * questions; step 2 is answered with `when` (a date and the changes to tick).
 */
export async function finish(scope, answers, when = { date: "", changes: ["Nothing that I know of"] }) {
  const [first, ...rest] = answers;
  await scope.getByRole("radio", { name: first, exact: true }).check();
  await scope.getByRole("button", { name: "Continue" }).click();
  if (when.date) await scope.getByLabel("Date the problem started").fill(when.date);
  for (const change of when.changes) await scope.getByRole("checkbox", { name: change }).check();
  await scope.getByRole("button", { name: "Continue" }).click();
  for (const label of rest) {
    await scope.getByRole("radio", { name: label, exact: true }).check();
    await scope.getByRole("button", { name: "Continue" }).click();
  }
  await scope.getByRole("region", { name: "What your answers point to" }).waitFor();
}

const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe-core over the page, open shadow roots included, for the WCAG 2.2 AA rules; returns
 * each violation as "rule: selector" lines, so a failing assertion says what and where.
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }).then((r) => r.violations),
    WCAG_22_AA,
  );
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" >>> ")} (${n.failureSummary.split("\n")[1]?.trim()})`));
}

/** The element that has focus, looking inside shadow roots: its tag, text and role. */
/** Waits for focus to land on an element whose text is `text` (focus moves in a microtask). */
export async function focusReaches(page, text) {
  await page.waitForFunction((text) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent.trim() === text;
  }, text);
  return focused(page);
}

export function focused(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const style = active ? getComputedStyle(active) : null;
    return {
      tag: active?.localName ?? "",
      text: (active?.getAttribute("aria-label") ?? active?.labels?.[0]?.textContent ?? active?.textContent ?? "").trim(),
      type: active?.getAttribute("type") ?? "",
      outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : "",
    };
  });
}

/** The widget's notice line: its first status region (checks and copy buttons have their own). */
export function notices(scope) {
  return scope.getByRole("status").first();
}

/** The seven questions of the built-in English checklist, in order. */
export const QUESTIONS = [
  "Can you sign in to webmail and see new mail arriving?",
  "When did the problem start?",
  "Have you recently moved your mail to Rackspace Cloud Office from another provider?",
  "Has your mailbox been upgraded at Rackspace Cloud Office?",
  "Is everyone who uses your domain having this problem?",
  "Can you connect to your mailbox from another computer?",
  "Can you connect to your mailbox using a different internet connection?",
];

/**
 * The phone-ready host page (it has a device-width viewport meta, so a 390px viewport really
 * lays out 390px wide) with one troubleshooter given `attributes`, in a fresh context with
 * `contextOptions` (390x844 in English unless they say otherwise). Waits for the first answer.
 */
export async function openOnHostPage(env, attributes = {}, contextOptions = {}) {
  const opened = await openPage(env.browser, { viewport: { width: 390, height: 844 }, locale: "en-US", ...contextOptions });
  await opened.page.goto(`${env.server.url}/host/phone.html`);
  await opened.page.evaluate((attributes) => {
    const element = document.createElement("email-troubleshooter");
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    document.body.append(element);
  }, attributes);
  const troubleshooter = widget(opened.page);
  await troubleshooter.getByRole("radio").first().waitFor();
  await takenOver(opened.page);
  return { ...opened, troubleshooter };
}

/** Chooses an answer by its label and presses Continue. */
export async function answer(scope, label) {
  await scope.getByRole("radio", { name: label, exact: true }).check();
  await scope.getByRole("button", { name: "Continue" }).click();
}

/** Answers question 1 with `first`, question 2 with "Nothing that I know of", then `rest` in order. */
export async function answerInOrder(scope, first, rest = []) {
  await answer(scope, first);
  await scope.getByRole("checkbox", { name: "Nothing that I know of" }).check();
  await scope.getByRole("button", { name: "Continue" }).click();
  for (const label of rest) await answer(scope, label);
}

// Runs in the page: the widget's (or the first screen's) DOM as a tree of [tag, sorted
// attributes, ...children], with the texts of adjacent text nodes joined (as normalize() would)
// and comments left out. A radio's `checked` is its state, not its attribute: the first screen
// marks the chosen one with the attribute, Yew sets the property, and either is the same to a user.
export function drawnTree() {
  const container = document.querySelector("email-troubleshooter").shadowRoot.querySelector(".et-root");
  const tree = (node) => {
    const attributes = [...node.attributes].filter(({ name }) => name !== "checked").map(({ name, value }) => `${name}=${value}`);
    if (node.checked) attributes.push("(checked)");
    const children = [];
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (typeof children.at(-1) === "string") children[children.length - 1] += child.data;
        else if (child.data) children.push(child.data);
      } else if (child.nodeType === Node.ELEMENT_NODE) children.push(tree(child));
    }
    return [node.localName, attributes.sort(), ...children];
  };
  return tree(container);
}
