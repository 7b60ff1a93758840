// In Firefox and WebKit, the first screen (issue 14): question 1 and its guidance before the
// wasm is there, the bundle fetched when the browser is idle (a timer in WebKit, which has no
// requestIdleCallback), the widget taking over with the answer kept, a wasm that can't load,
// and a full walk that starts on the first screen.
//
// The wasm is held by this file's own server (answered only when the test releases it) or a
// 404, the same way in both engines: WebKitWebDriver can't intercept requests.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { ENGINES, TEST_TIMEOUT, eventually, openEngine } from "./support.mjs";
import { serve } from "../../scripts/serve.mjs";
import { QUESTIONS, drawnTree } from "../e2e/support.mjs";
import { WASM, builtName, servedAs } from "../../scripts/dist-files.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const HELD_WASM = servedAs(WASM, "/held/");

const GUIDANCE_YES = "Your mailbox is working, so the fault lies somewhere";
const GUIDANCE_NO = "the problem is with the mailbox or your account";

/**
 * The release bundle at / , again under /held/ (whose wasm is answered only after `release()`)
 * and /broken/ (whose wasm is a 404), and the engine host pages under /engines/.
 */
const env = {};
before(async () => {
  let pending = [];
  let holding = true;
  let held = 0;
  const wasm = () => readFile(`${root}/dist/${builtName(`${root}/dist`, WASM)}`);
  const answer = async (response) => {
    const body = await wasm();
    if (response.destroyed) return;
    response.writeHead(200, { "content-type": "application/wasm", "cache-control": "no-store" });
    response.end(body);
  };
  const server = await serve({
    mounts: {
      "/": `${root}/dist`,
      "/held/": `${root}/dist`,
      "/broken/": `${root}/dist`,
      "/engines/": `${root}/tests/engines/hosts`,
    },
    override: (path) => (servedAs(WASM, "/broken/").test(path) ? { status: 404, body: "gone" } : undefined),
    route: (path, request, response) => {
      if (!HELD_WASM.test(path)) return false;
      held++;
      if (holding) pending.push(response);
      else answer(response);
      return true;
    },
  });
  env.server = {
    ...server,
    /** How many times the held wasm was asked for. */
    held: () => held,
    /** Answers the held wasm requests, and those to come, until `hold()`. */
    release: () => {
      holding = false;
      for (const response of pending) answer(response);
      pending = [];
    },
    hold: () => {
      holding = true;
      held = 0;
    },
    close: async () => {
      for (const response of pending) response.destroy();
      await server.close();
    },
  };
});
after(() => env.server?.close());

// Runs in the page: remembers the first screen's container, to tell when the widget replaces it.
function markFirstScreen() {
  window.firstScreen = document.querySelector("email-troubleshooter").shadowRoot.querySelector(".et-root");
  return Boolean(window.firstScreen);
}

// Runs in the page: whether the widget has replaced the first screen and drawn its heading.
function tookOver() {
  const root = document.querySelector("email-troubleshooter").shadowRoot;
  return Boolean(window.firstScreen && !window.firstScreen.isConnected && root.querySelector(".et-root h2"));
}


// Runs in the page: which of question 1's radios is checked ("" if none).
function checkedAnswer() {
  const radio = document.querySelector("email-troubleshooter").shadowRoot.querySelector('input[name="et-step-0"]:checked');
  return radio ? radio.labels[0].textContent.trim() : "";
}

// Runs in the page: whether focus is on the heading `question`, inside the widget.
function focusOnHeading(question) {
  const active = document.activeElement;
  return active?.localName === "email-troubleshooter" && active.shadowRoot.activeElement?.textContent.trim() === question;
}

// Runs in the page: whether the open step's question is `question`.
function openStepIs(question) {
  return document.querySelector("email-troubleshooter").shadowRoot.querySelector('li[aria-current="step"] h3')?.textContent.trim() === question;
}

// Runs in the page: resolves once `element` has stayed in place for two frames. A step opened
// by Continue is scrolled to after it is drawn; a driver's click (at the element's centre, as
// it was) can miss it while that happens.
function steady(element) {
  return new Promise((done) => {
    let last = "";
    let still = 0;
    const check = () => {
      const now = JSON.stringify(element.getBoundingClientRect());
      still = now === last ? still + 1 : 0;
      last = now;
      if (still >= 2) done(true);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Finds what `query` names, waits until it stays in place, and clicks it. */
async function clickSteady(browser, query) {
  const element = await browser.find(query);
  await browser.run(steady, element);
  await browser.click(element);
}

for (const engine of ENGINES) {
  test(`${engine}: the first screen before the wasm, an answer's guidance on it, and the take-over keeping the answer`, { timeout: TEST_TIMEOUT }, async (t) => {
    env.server.hold();
    const browser = await openEngine(engine, t);
    try {
      await browser.goto(`${env.server.url}/engines/first-screen.html`);
      await browser.find({ role: "heading", name: "Can't connect to your mailbox?" });
      const yes = await browser.find({ role: "radio", name: "Yes" });
      assert.equal(await browser.run(markFirstScreen), true);
      assert.deepEqual(await browser.state(), { open: QUESTIONS[0], answers: [] });
      assert.equal(await browser.run(() => document.getElementById("host-content").getClientRects().length), 0, "the first screen, not the host's content");

      await browser.click(yes);
      await browser.find({ role: "text", name: GUIDANCE_YES });
      await eventually(() => env.server.held() >= 1, "the wasm to be asked for");
      assert.equal(await browser.run(tookOver), false, "still the first screen: the wasm is held");

      env.server.release();
      await browser.waitFor(tookOver);
      assert.equal(await browser.run(checkedAnswer), "Yes", "the answer is kept");
      await browser.find({ role: "text", name: GUIDANCE_YES });
      await browser.waitFor(() => /webmail=yes/.test(localStorage.getItem("email-troubleshooter:first-screen") ?? ""));
      await browser.click(await browser.find({ role: "button", name: "Continue" }));
      await browser.find({ role: "field", name: "Date the problem started" });
      assert.deepEqual(await browser.state(), { open: QUESTIONS[1], answers: ["Your answer: Yes"] });
      assert.deepEqual(await browser.recorded(), [], "no console error or uncaught error");
      if (browser.consoleErrors) assert.deepEqual(browser.consoleErrors, []);
    } finally {
      await browser.close();
    }
  });

  test(`${engine}: with no interaction, the bundle is fetched once the page is idle (a timer where requestIdleCallback is missing), and the widget draws the same DOM`, { timeout: TEST_TIMEOUT }, async (t) => {
    env.server.hold();
    const browser = await openEngine(engine, t);
    try {
      await browser.goto(`${env.server.url}/engines/first-screen.html`);
      await browser.find({ role: "radio", name: "No" });
      assert.equal(await browser.run(markFirstScreen), true);
      const before = await browser.run(drawnTree);
      t.diagnostic(`requestIdleCallback: ${await browser.run(() => typeof requestIdleCallback)}`);
      await eventually(() => env.server.held() >= 1, "the idle fetch of the wasm");
      env.server.release();
      await browser.waitFor(tookOver);
      assert.deepEqual(await browser.state(), { open: QUESTIONS[0], answers: [] });
      assert.deepEqual(await browser.run(drawnTree), before, "the widget draws the first screen's DOM");
      assert.deepEqual(await browser.recorded(), []);
      if (browser.consoleErrors) assert.deepEqual(browser.consoleErrors, []);
    } finally {
      await browser.close();
    }
  });

  test(`${engine}: when the wasm can't load (404), the first screen still answers, and Continue says so with a link to the article`, { timeout: TEST_TIMEOUT }, async (t) => {
    const browser = await openEngine(engine, t);
    try {
      await browser.goto(`${env.server.url}/engines/first-screen-broken.html`);
      await browser.click(await browser.find({ role: "radio", name: "No" }));
      await browser.find({ role: "text", name: GUIDANCE_NO });
      await browser.click(await browser.find({ role: "button", name: "Continue" }));
      await browser.find({ role: "text", name: "The troubleshooter couldn't load here." });
      const link = await browser.find({ role: "link", name: "Read every question and what each answer means on one page" });
      assert.equal(await browser.run((a) => a.href, link), `${env.server.url}/broken/article-en.html`);
      assert.equal(await browser.run(() => document.querySelector("email-troubleshooter").shadowRoot.querySelector('[role="alert"]')?.textContent.includes("couldn't load")), true, "said as an alert");
      assert.equal(await browser.run(checkedAnswer), "No", "the answer stays");
      const recorded = await browser.recorded();
      assert.ok(recorded.length >= 1, "the reason is on the console");
      for (const line of recorded) assert.match(line, /console error: email-troubleshooter: could not start; the first screen stays\. /);
    } finally {
      await browser.close();
    }
  });

  test(`${engine}: a full walk that starts on the first screen, with Continue pressed before the wasm is there`, { timeout: TEST_TIMEOUT }, async (t) => {
    env.server.hold();
    const browser = await openEngine(engine, t);
    try {
      await browser.goto(`${env.server.url}/engines/first-screen.html`);
      await browser.click(await browser.find({ role: "radio", name: "Yes" }));
      assert.equal(await browser.run(markFirstScreen), true);
      await browser.click(await browser.find({ role: "button", name: "Continue" }));
      await browser.find({ role: "text", name: "Loading the rest of the troubleshooter…" });
      await eventually(() => env.server.held() >= 1, "the wasm to be asked for");
      env.server.release();
      await browser.waitFor(tookOver);
      await browser.find({ role: "field", name: "Date the problem started" });
      assert.deepEqual(await browser.state(), { open: QUESTIONS[1], answers: ["Your answer: Yes"] });
      // Focus went to step 2's heading, inside the widget.
      await browser.waitFor(focusOnHeading, QUESTIONS[1]);
      await clickSteady(browser, { role: "checkbox", name: "Nothing that I know of" });
      await clickSteady(browser, { role: "button", name: "Continue" });
      for (const [index, label] of ["No", "No", "Yes", "No", "No"].entries()) {
        await browser.waitFor(openStepIs, QUESTIONS[index + 2]);
        await clickSteady(browser, { role: "radio", name: label });
        await clickSteady(browser, { role: "button", name: "Continue" });
      }
      await browser.find({ role: "heading", name: "What your answers point to" });
      // Every one of the 7 answers can be changed from the summary.
      const changes = await browser.run(() =>
        [...document.querySelector("email-troubleshooter").shadowRoot.querySelectorAll("button[aria-label]")]
          .map((b) => b.getAttribute("aria-label"))
          .filter((label) => /^Change your answer to question \d$/.test(label)),
      );
      assert.equal(new Set(changes).size, 7, changes.join("\n"));
      assert.deepEqual(await browser.recorded(), []);
      if (browser.consoleErrors) assert.deepEqual(browser.consoleErrors, []);
    } finally {
      await browser.close();
    }
  });
}
