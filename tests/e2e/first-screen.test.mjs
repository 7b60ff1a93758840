// The first screen (issue 14): a first visit gets question 1 from first-screen-<lang>.js and
// widget-styles.js before the wasm is there, can answer it and read the guidance, and keeps what
// it did when the widget takes over. Everyone else (saved progress, a continue-link, settings
// that change the first screen) sees the host's own content until the widget is drawn.
//
// The wasm is blocked (a route that aborts it) or held (a route that answers only when the test
// releases it), so what shows before it is really shown without it.

import { test } from "node:test";
import assert from "node:assert/strict";
import { STRICT_CSP, useBrowser, openPage, widget, focused, focusReaches, axeViolations, drawnTree, QUESTIONS } from "./support.mjs";
import { GLUE, WASM as WASM_FILE, servedAs } from "../../scripts/dist-files.mjs";

const TRUSTED_TYPES = `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types 'none'`;
const env = useBrowser({
  headers: (path) =>
    ({
      "/host/first-screen-csp.html": { "content-security-policy": STRICT_CSP },
      "/host/first-screen-tt.html": { "content-security-policy": TRUSTED_TYPES },
    })[path] ?? {},
});

const WASM = servedAs(WASM_FILE);
const TITLE = "Can't connect to your mailbox?";
const GUIDANCE = {
  Yes: "Your mailbox is working, so the fault lies somewhere between your mail app and the mail server.",
  No: "If you can't sign in, or no new mail arrives in webmail, the problem is with the mailbox or your account, not with your mail app.",
  "Not sure": "This is the quickest way to rule the mailbox in or out.",
};
const LOADING = "Loading the rest of the troubleshooter…";
const FAILED = "The troubleshooter couldn't load here.";
const ARTICLE = "Read every question and what each answer means on one page";

/** What Chromium and the embed script say on the console when the wasm can't be fetched. */
const WASM_FAILURE = /could not start; the first screen stays|Failed to load resource|net::ERR_FAILED/;

/**
 * Opens a host page (the first-screen one unless `path` says; its query gives the settings) in a
 * fresh context with the wasm
 * "blocked" (every request aborted), "held" (answered when `release()` is called) or "free".
 */
async function openFirstScreen(path = "/host/first-screen.html", { wasm = "held", ...options } = {}) {
  const opened = await openPage(env.browser, options);
  const control = await controlWasm(opened.page, wasm);
  await opened.page.goto(`${env.server.url}${path}`);
  return { ...opened, ...control, troubleshooter: widget(opened.page) };
}

/** Routes the page's wasm requests as `how` says; `asked()` counts them. */
async function controlWasm(page, how) {
  let asked = 0;
  let release = () => {};
  const released = new Promise((resolve) => (release = resolve));
  if (how === "blocked") {
    await page.route(WASM, (route) => {
      asked++;
      return route.abort();
    });
  } else if (how === "held") {
    await page.route(WASM, async (route) => {
      asked++;
      await released;
      await route.continue().catch(() => {}); // the page may be gone by then
    });
  }
  return { release, asked: () => asked };
}

/** Waits for the first screen and remembers its container, to tell when the widget replaces it. */
async function firstScreen(page, troubleshooter, answerLabel = "Yes") {
  await troubleshooter.getByRole("radio", { name: answerLabel, exact: true }).waitFor();
  await page.evaluate(() => {
    window.firstScreen = document.querySelector("email-troubleshooter").shadowRoot.querySelector(".et-root");
  });
}

/** Waits until the widget has taken over the first screen and finished drawing. */
async function tookOver(page) {
  await page.waitForFunction(() => {
    const root = document.querySelector("email-troubleshooter").shadowRoot;
    return window.firstScreen && !window.firstScreen.isConnected && root.querySelector(".et-root h2");
  });
  // The element's handle (embed/email-troubleshooter.js) settles once the widget is drawn.
  await page.evaluate(() => document.querySelector("email-troubleshooter").handle.ready);
}

/** Waits, in the test, until `check()` is true. */
async function until(check, what, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((wake) => setTimeout(wake, 20));
  }
}

/** The saved progress under the host page's storage key. */
const saved = (page, key = "first-screen") => page.evaluate((key) => localStorage.getItem(`email-troubleshooter:${key}`), key);

/** Records the widget's events on the host page (as an analytics listener would). */
const LISTEN = () => {
  window.received = [];
  document.addEventListener("troubleshooter-answered", ({ detail }) => window.received.push({ step: detail.step, answer: detail.answer }));
};

test("with the wasm blocked, question 1 is answerable with its guidance, and Continue says the rest can't load, linking the article", async () => {
  const { context, page, problems, troubleshooter, asked } = await openFirstScreen(undefined, { wasm: "blocked" });
  await troubleshooter.getByRole("heading", { name: TITLE, level: 2 }).waitFor();
  // The whole first screen: intro, prerequisites, progress, question 1, the rest of the steps.
  await troubleshooter.getByText(/^If your mail app can't connect to your mailbox, work through these 7 questions/).waitFor();
  await troubleshooter.getByText("Takes about an hour.", { exact: false }).waitFor();
  await troubleshooter.getByText("Before you start", { exact: true }).waitFor();
  await troubleshooter.getByText("Step 1 of 7", { exact: true }).waitFor();
  await troubleshooter.getByRole("progressbar", { name: "0 of 7 questions answered" }).waitFor();
  await troubleshooter.getByRole("heading", { name: QUESTIONS[0], level: 3 }).waitFor();
  const steps = troubleshooter.getByRole("list", { name: "Questions" });
  assert.equal(await steps.getByRole("listitem").count(), 7);
  for (const question of QUESTIONS.slice(1)) await steps.getByText(question, { exact: true }).waitFor();
  for (const label of ["Yes", "No", "Not sure"]) await troubleshooter.getByRole("radio", { name: label, exact: true }).waitFor();
  assert.equal(await page.locator("#host-content").isVisible(), false, "the first screen, not the host's content");

  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await troubleshooter.getByText(GUIDANCE.Yes).waitFor();
  await troubleshooter.getByRole("progressbar", { name: "1 of 7 questions answered" }).waitFor();
  // The idle fetch or the answer asked for the wasm, and was refused.
  await until(() => asked() >= 1, "the wasm to be asked for");

  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  const alert = troubleshooter.getByRole("alert");
  await alert.getByText(FAILED).waitFor();
  assert.equal(await troubleshooter.getByRole("alert").count(), 1, "one line");
  const link = alert.getByRole("link", { name: ARTICLE });
  assert.equal(await link.evaluate((a) => a.href), `${env.server.url}/cdn/v1/article-en.html`, "the article beside the embed script");
  assert.equal(await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).isChecked(), true, "the answer stays");
  await troubleshooter.getByText(GUIDANCE.Yes).waitFor();
  assert.ok(problems.length > 0 && problems.every((p) => WASM_FAILURE.test(p)), problems.join("\n"));

  await Promise.all([page.waitForURL(`${env.server.url}/cdn/v1/article-en.html`), link.click()]);
  await page.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
  await page.getByText(QUESTIONS[0], { exact: false }).first().waitFor();
  await context.close();
});

// Runs in the page before its scripts: a requestIdleCallback that notes what it was asked and
// never calls back, so that only an interaction can start the widget.
const NEVER_IDLE = () => {
  window.idleAsks = [];
  window.requestIdleCallback = (work, options) => window.idleAsks.push(options);
};

test("the bundle is asked for when the page is idle (with a time-out) or at the first interaction, glue and wasm together", async () => {
  const from = env.server.requests.length;
  const { context, page, problems, troubleshooter, asked, release } = await openFirstScreen(undefined, { init: NEVER_IDLE });
  await firstScreen(page, troubleshooter);
  await page.waitForFunction(() => document.readyState === "complete" && window.idleAsks.length > 0);
  assert.deepEqual(await page.evaluate(() => window.idleAsks), [{ timeout: 2000 }], "once, after load, with a time-out");
  // The glue reaches the server; the wasm is held by the test's route before it does.
  const glue = () => env.server.requests.slice(from).filter((path) => servedAs(GLUE).test(path));
  assert.deepEqual(glue(), [], "no glue before the browser is idle or the visitor acts");
  assert.equal(asked(), 0, "no wasm either");

  await troubleshooter.getByText("Step 1 of 7", { exact: true }).click();
  await until(() => glue().length === 1 && asked() === 1, "the glue and the wasm");
  release();
  await tookOver(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a choice and a Continue made before a delayed wasm are kept: step 2 opens with focus on its heading, and the answer is saved and sent", async () => {
  const { context, page, problems, troubleshooter, asked, release } = await openFirstScreen(undefined, { init: LISTEN });
  await firstScreen(page, troubleshooter);
  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await troubleshooter.getByText(GUIDANCE.Yes).waitFor();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByRole("status").filter({ hasText: LOADING }).waitFor();
  await until(() => asked() >= 1, "the wasm to be asked for");
  assert.equal(await saved(page), null, "nothing saved before the widget is there");

  release();
  await tookOver(page);
  await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();
  await troubleshooter.getByLabel("Date the problem started").waitFor();
  await troubleshooter.getByText("Your answer: Yes", { exact: true }).waitFor();
  assert.equal(await troubleshooter.getByText(LOADING).count(), 0, "the loading line is gone");
  const now = await focusReaches(page, QUESTIONS[1]);
  assert.equal(now.tag, "h3", "focus is on step 2's heading");
  assert.equal(await page.evaluate(() => document.activeElement?.localName), "email-troubleshooter", "inside the widget");
  assert.match(await saved(page), /webmail=yes/);
  assert.deepEqual(await page.evaluate(() => window.received), [{ step: "webmail", answer: "yes" }]);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const continued of [false, true]) {
  const what = continued ? "a choice and a Continue" : "a choice";
  test(`${what} made before a delayed wasm ${continued ? "leave" : "leaves"} focus where the visitor has moved it since: typing in the host page goes on`, async () => {
    const { context, page, problems, troubleshooter, release } = await openFirstScreen(undefined);
    await firstScreen(page, troubleshooter);
    await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
    if (continued) {
      await troubleshooter.getByRole("button", { name: "Continue" }).click();
      await troubleshooter.getByRole("status").filter({ hasText: LOADING }).waitFor();
    }
    // While the widget loads, the visitor turns to the host page's search field.
    const search = page.getByRole("searchbox", { name: "Search the help pages" });
    await search.click();
    await page.keyboard.type("smtp");
    release();
    await tookOver(page);
    if (continued) await troubleshooter.getByLabel("Date the problem started").waitFor();
    await page.keyboard.type(" port");
    assert.equal(await search.inputValue(), "smtp port", "the keys typed after the take-over still reach the search field");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "search", "focus stays in the host page");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("each button the first screen can't act on says, beside it, that the rest is loading (or can't load), whole on a 390px phone", async () => {
  const { context, page, troubleshooter, release } = await openFirstScreen(undefined, { wasm: "blocked", viewport: { width: 390, height: 844 } });
  await firstScreen(page, troubleshooter);
  await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
  for (const name of ["Continue", "Get help now", "Check webmail now"]) {
    const button = troubleshooter.getByRole("button", { name, exact: true }).first();
    await button.click();
    // The line is in the same box as the button pressed, not in another part of the screen.
    const box = button.locator("xpath=..");
    await box.getByRole("alert").filter({ hasText: FAILED }).waitFor();
    await box.getByRole("link", { name: ARTICLE }).waitFor();
    assert.equal(await troubleshooter.getByRole("alert").count(), 1, `one line at a time (${name})`);
    const line = await troubleshooter.getByRole("alert").boundingBox();
    assert.ok(line.x >= 0 && line.x + line.width <= 390, `the line fits the phone's width (${name}: ${JSON.stringify(line)})`);
  }
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), "nothing wider than the phone");
  release();
  await context.close();
});

test("a press under way when the widget is ready ends in its click: the take-over waits for the finger to lift", async () => {
  const { context, page, problems, troubleshooter, release, asked } = await openFirstScreen();
  await firstScreen(page, troubleshooter);
  const no = troubleshooter.getByRole("radio", { name: "No", exact: true });
  const box = await no.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // The press asked for the widget; it arrives and is ready while the button is still down.
  await until(() => asked() >= 1, "the wasm to be asked for");
  release();
  await page.waitForFunction(
    (wasm) => performance.getEntriesByType("resource").some((entry) => new RegExp(wasm).test(entry.name) && entry.responseEnd > 0),
    WASM.source,
  );
  await page.waitForTimeout(500);
  await page.mouse.up();
  await tookOver(page);
  assert.equal(await no.isChecked(), true, "the click the press ended in chose No");
  await troubleshooter.getByText(GUIDANCE.No).waitFor();
  await page.waitForFunction(() => localStorage.getItem("email-troubleshooter:first-screen")?.includes("webmail=no"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("an answer chosen on the first screen survives a setting changed before the take-over", async () => {
  const { context, page, problems, troubleshooter, release } = await openFirstScreen(undefined, { init: LISTEN });
  await firstScreen(page, troubleshooter);
  await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
  await troubleshooter.getByText(GUIDANCE.No).waitFor();
  await page.evaluate(() => document.querySelector("email-troubleshooter").setAttribute("theme", "dark"));
  // The element starts again (with the new theme): still the first screen, still No.
  await troubleshooter.locator("[data-theme=dark]").waitFor();
  assert.equal(await troubleshooter.getByRole("radio", { name: "No", exact: true }).isChecked(), true);
  await troubleshooter.getByText(GUIDANCE.No).waitFor();
  release();
  await page.waitForFunction(() => localStorage.getItem("email-troubleshooter:first-screen")?.includes("webmail=no"));
  assert.equal(await troubleshooter.getByRole("radio", { name: "No", exact: true }).isChecked(), true);
  assert.deepEqual(await page.evaluate(() => window.received), [{ step: "webmail", answer: "no" }]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("answers another tab saved while the first screen waited stand: the first screen's are not forced on them", async () => {
  const { context, page, problems, troubleshooter, release } = await openFirstScreen();
  await firstScreen(page, troubleshooter);
  await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  // Meanwhile, another tab with the same storage key answers Yes and moves on to question 2.
  const other = await context.newPage();
  await other.goto(`${env.server.url}/host/first-screen.html`);
  const there = widget(other);
  await there.getByRole("radio", { name: "Yes", exact: true }).check();
  await there.getByRole("button", { name: "Continue" }).click();
  release();
  await other.waitForFunction(() => localStorage.getItem("email-troubleshooter:first-screen")?.includes("webmail=yes"));
  await tookOver(page);
  await troubleshooter.getByText("Your answer: Yes", { exact: true }).waitFor();
  assert.equal(await troubleshooter.getByRole("alert").count(), 0, "no error for a question the visitor never saw");
  assert.match(await saved(page), /webmail=yes/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a choice made before a delayed wasm keeps focus on the chosen radio, and an opened section stays open", async () => {
  const { context, page, problems, troubleshooter, release } = await openFirstScreen(undefined, { init: LISTEN });
  await firstScreen(page, troubleshooter);
  await troubleshooter.getByText("Before you start", { exact: true }).click();
  await troubleshooter.getByText("Mailbox users", { exact: true }).waitFor();
  await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
  await troubleshooter.getByText(GUIDANCE.No).waitFor();
  const chosen = await focused(page);
  assert.deepEqual([chosen.tag, chosen.type, chosen.text], ["input", "radio", "No"]);

  release();
  await tookOver(page);
  const now = await focused(page);
  assert.deepEqual([now.tag, now.type, now.text], ["input", "radio", "No"], "focus stays on the chosen radio");
  assert.equal(await troubleshooter.getByRole("radio", { name: "No", exact: true }).isChecked(), true);
  await troubleshooter.getByText(GUIDANCE.No).waitFor();
  assert.equal(await troubleshooter.getByText("Mailbox users", { exact: true }).isVisible(), true, "the prerequisites stay open");
  await troubleshooter.getByText("Step 1 of 7", { exact: true }).waitFor();
  await page.waitForFunction(() => window.received.length === 1);
  assert.deepEqual(await page.evaluate(() => window.received), [{ step: "webmail", answer: "no" }]);
  assert.match(await saved(page), /webmail=no/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("by keyboard alone before a delayed wasm: an answer chosen with the arrow keys and Enter to continue are kept", async () => {
  const { context, page, problems, troubleshooter, release } = await openFirstScreen(undefined, { init: LISTEN });
  await firstScreen(page, troubleshooter);
  // Tab to question 1's first answer, as a keyboard user would.
  for (let presses = 0; presses < 10; presses++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (now.type === "radio") break;
  }
  assert.deepEqual(Object.values(await focused(page)).slice(0, 3), ["input", "Yes", "radio"], "Tab reaches the first answer");
  await page.keyboard.press("ArrowDown");
  assert.equal(await troubleshooter.getByRole("radio", { name: "No", exact: true }).isChecked(), true);
  await troubleshooter.getByText(GUIDANCE.No).waitFor();
  await page.keyboard.press("Enter");
  await troubleshooter.getByRole("status").filter({ hasText: LOADING }).waitFor();
  release();
  await tookOver(page);
  await troubleshooter.getByText("Your answer: No", { exact: true }).waitFor();
  const now = await focusReaches(page, QUESTIONS[1]);
  assert.equal(now.tag, "h3");
  assert.deepEqual(await page.evaluate(() => window.received), [{ step: "webmail", answer: "no" }]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Continue pressed with no answer before a delayed wasm ends as in the widget: the error, with focus on it", async () => {
  const { context, page, problems, troubleshooter, release } = await openFirstScreen(undefined);
  await firstScreen(page, troubleshooter);
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  release();
  await tookOver(page);
  await troubleshooter.getByText("Select an answer to continue.").first().waitFor();
  await troubleshooter.getByText("Step 1 of 7", { exact: true }).waitFor();
  assert.equal(await troubleshooter.getByText(LOADING).count(), 0);
  assert.equal((await focused(page)).text, "There is a problemSelect an answer to continue.", "focus on the error, as the widget puts it");
  assert.equal(await saved(page), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a button pressed on the first screen before the wasm (Check webmail now) is pressed again by the widget, once", async () => {
  const { context, page, problems, troubleshooter, release } = await openFirstScreen(undefined);
  // The webmail portal answers from here: nothing leaves 127.0.0.1.
  const portalRequests = [];
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    portalRequests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/html", body: "<title>webmail</title>" });
  });
  await firstScreen(page, troubleshooter);
  const portal = troubleshooter.getByRole("region", { name: "Can this browser reach webmail?" });
  await portal.getByRole("button", { name: "Check webmail now" }).click();
  assert.deepEqual(portalRequests, [], "the first screen itself checks nothing");
  release();
  await tookOver(page);
  await portal.getByText(/^This browser reached apps\.rackspace\.com in \d+ milliseconds: the portal is up/).waitFor();
  assert.equal(portalRequests.length, 1, portalRequests.join("\n"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("changing the answer on the first screen (Yes, No, Not sure) shows only the last one's guidance, and the take-over keeps it", async () => {
  const { context, page, problems, troubleshooter, release } = await openFirstScreen(undefined, { init: LISTEN });
  await firstScreen(page, troubleshooter);
  const onlyGuidanceOf = async (label, when) => {
    await troubleshooter.getByText(GUIDANCE[label]).waitFor();
    for (const [other, text] of Object.entries(GUIDANCE)) {
      if (other !== label) assert.equal(await troubleshooter.getByText(text).count(), 0, `${when}: no guidance of ${other}`);
    }
    assert.equal(await troubleshooter.getByText("What this means:", { exact: true }).count(), 1, `${when}: one guidance`);
  };
  for (const label of ["Yes", "No", "Not sure"]) {
    await troubleshooter.getByRole("radio", { name: label, exact: true }).check();
    await onlyGuidanceOf(label, `on the first screen, ${label}`);
  }
  release();
  await tookOver(page);
  assert.equal(await troubleshooter.getByRole("radio", { name: "Not sure", exact: true }).isChecked(), true);
  await onlyGuidanceOf("Not sure", "after the take-over");
  await page.waitForFunction(() => window.received.length === 1);
  assert.deepEqual(await page.evaluate(() => window.received), [{ step: "webmail", answer: "unsure" }], "one answer, the last");
  assert.match(await saved(page), /webmail=unsure/);
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Runs in the page before its scripts: wraps attachShadow so that every shadow root the page
 * makes is watched, noting the open step's question at every mutation batch and every frame
 * (only when it changes), and whether the first screen's module was fetched.
 */
const WATCH_OPEN_STEP = () => {
  window.openSteps = [];
  const note = (root, how) => {
    const text = root.querySelector('li[aria-current="step"] h3')?.textContent.trim() ?? null;
    // A continue-link's offer, shown above the open step.
    const offer = root.textContent.includes("Answers from a link");
    const last = window.openSteps.at(-1);
    if (last?.text !== text || last?.offer !== offer) window.openSteps.push({ how, text, offer });
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver(() => note(root, "mutation")).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const frame = () => {
      note(root, "frame");
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    return root;
  };
};

/** The first-screen modules the server sent since `from` (an index into its request log). */
const firstScreenRequests = (from) => env.server.requests.slice(from).filter((path) => /first-screen-\w+\.js$/.test(path));

/** Walks a fresh visitor on the first-screen host page to step 3, as a user. */
async function walkToStep3(troubleshooter) {
  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByRole("checkbox", { name: "Nothing that I know of" }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByText("Step 3 of 7", { exact: true }).waitFor();
}

test("storage that refuses to save gets no first screen: the widget at once, which says answers won't be kept", async () => {
  const refuse = () => {
    Storage.prototype.setItem = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  };
  const { context, page, troubleshooter, release } = await openFirstScreen(undefined, { init: refuse });
  const from = env.server.requests.length;
  await page.waitForFunction(() => document.readyState === "complete");
  await page.locator("#host-content").waitFor();
  assert.equal(await troubleshooter.getByRole("radio").count(), 0, "the host's content while the wasm is on its way");
  release();
  await troubleshooter.getByText("This browser isn't letting the troubleshooter save", { exact: false }).waitFor();
  assert.deepEqual(firstScreenRequests(from), [], "no first screen fetched");
  await context.close();
});

test("an address whose fragment isn't valid percent-encoding still gets the first screen; an encoded link doesn't", async () => {
  for (const [fragment, shown] of [
    ["#%E0%A4%A", true],
    ["#troubleshooter%3Asomething", false],
  ]) {
    const { context, page, troubleshooter } = await openFirstScreen(`/host/first-screen.html${fragment}`, { wasm: "blocked" });
    await page.waitForFunction(() => document.readyState === "complete");
    if (shown) await firstScreen(page, troubleshooter);
    else {
      await page.locator("#host-content").waitFor();
      // Long enough for a first screen to have come, had it been wanted.
      await page.waitForTimeout(500);
    }
    assert.equal(await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).count(), shown ? 1 : 0, fragment);
    await context.close();
  }
});

test("a returning visitor saved at step 3 never sees step 1 as the open step, not even for a frame, with the wasm on time or delayed", async () => {
  const { context, page, problems, troubleshooter } = await openFirstScreen(undefined, { wasm: "free", init: WATCH_OPEN_STEP });
  await walkToStep3(troubleshooter);

  for (const delayed of [false, true]) {
    const control = delayed ? await controlWasm(page, "held") : { release() {}, asked: () => 0 };
    const from = env.server.requests.length;
    await page.reload();
    if (delayed) {
      await page.waitForFunction(() => document.readyState === "complete");
      await page.locator("#host-content").waitFor();
      assert.equal(await troubleshooter.getByRole("radio").count(), 0, "the host's content, no first screen, while the wasm is on its way");
      control.release();
    }
    await troubleshooter.getByText("Step 3 of 7", { exact: true }).waitFor();
    // A few more frames, for anything drawn late.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const seen = await page.evaluate(() => window.openSteps);
    const how = delayed ? "with the wasm delayed" : "with the wasm on time";
    assert.deepEqual(
      seen.map(({ text }) => text).filter((text) => text !== null),
      [QUESTIONS[2]],
      `${how}: the open steps seen were ${JSON.stringify(seen)}`,
    );
    assert.deepEqual(firstScreenRequests(from), [], `${how}: no first screen fetched`);
    if (delayed) await page.unroute(WASM);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a continue-link never shows the first screen: the offer of its answers comes with the first step ever shown, with the wasm on time or delayed", async () => {
  const first = await openFirstScreen(undefined, { wasm: "free" });
  await walkToStep3(first.troubleshooter);
  await first.troubleshooter.getByText("Continue on another computer or network", { exact: true }).click();
  const link = await first.troubleshooter.getByLabel("Link to your answers", { exact: true }).inputValue();
  assert.match(link, /\/host\/first-screen\.html#troubleshooter:first-screen:v=\d+&/);
  await first.context.close();

  for (const delayed of [false, true]) {
    const how = delayed ? "with the wasm delayed" : "with the wasm on time";
    const { context, page, problems } = await openPage(env.browser, { init: WATCH_OPEN_STEP });
    const control = await controlWasm(page, delayed ? "held" : "free");
    const from = env.server.requests.length;
    await page.goto(link);
    const troubleshooter = widget(page);
    if (delayed) {
      await page.waitForFunction(() => document.readyState === "complete");
      await page.locator("#host-content").waitFor();
      assert.equal(await troubleshooter.getByRole("radio").count(), 0, `${how}: the host's content, no first screen`);
      control.release();
    }
    const offer = troubleshooter.getByRole("region", { name: "Answers from a link" });
    await offer.getByText(/holds answers to 2 of 7 questions/).waitFor();
    await offer.getByRole("button", { name: "Continue with these answers" }).click();
    await troubleshooter.getByText("Step 3 of 7", { exact: true }).waitFor();
    const seen = await page.evaluate(() => window.openSteps);
    const shown = seen.filter(({ text }) => text !== null);
    assert.ok(shown.length > 0 && shown.every(({ text, offer }) => offer || text === QUESTIONS[2]), `${how}: a step open without the link's offer: ${JSON.stringify(seen)}`);
    assert.deepEqual(firstScreenRequests(from), [], `${how}: no first screen fetched`);
    assert.deepEqual(problems, [], how);
    await context.close();
  }
});

const LANGUAGES = {
  es: {
    title: "¿No puede conectarse a su buzón?",
    step: "Paso 1 de 7",
    question: "¿Puede entrar en el correo web y ver que llega correo nuevo?",
    answers: ["Sí", "No", "No estoy seguro"],
    guidance: "Su buzón funciona, así que el fallo está en algún punto entre su aplicación de correo y el servidor de correo.",
    next: "¿Cuándo empezó el problema?",
    continue: "Continuar",
    failed: "El asistente no se ha podido cargar aquí.",
    article: "Lea todas las preguntas y lo que significa cada respuesta en una sola página",
  },
  de: {
    title: "Keine Verbindung zu Ihrem Postfach?",
    step: "Schritt 1 von 7",
    question: "Können Sie sich bei Webmail anmelden und sehen, dass neue E-Mails ankommen?",
    answers: ["Ja", "Nein", "Weiß nicht"],
    guidance: "Ihr Postfach funktioniert; der Fehler liegt also irgendwo zwischen Ihrem E-Mail-Programm und dem Mailserver.",
    next: "Seit wann besteht das Problem?",
    continue: "Weiter",
    failed: "Der Assistent konnte hier nicht geladen werden.",
    article: "Alle Fragen und was jede Antwort bedeutet auf einer Seite lesen",
  },
};

for (const [lang, words] of Object.entries(LANGUAGES)) {
  for (const [how, query] of [
    ["the page's language", `?page-lang=${lang}`],
    ["the lang attribute", `?lang=${lang}`],
  ]) {
    test(`the ${lang} first screen before the wasm, chosen by ${how}, with its texts, guidance and failure line`, async () => {
      const { context, page, problems, troubleshooter } = await openFirstScreen(`/host/first-screen.html${query}`, { wasm: "blocked" });
      await troubleshooter.getByRole("heading", { name: words.title, level: 2 }).waitFor();
      await troubleshooter.getByText(words.step, { exact: true }).waitFor();
      await troubleshooter.getByRole("heading", { name: words.question, level: 3 }).waitFor();
      await troubleshooter.getByText(words.next, { exact: true }).waitFor();
      for (const label of words.answers) await troubleshooter.getByRole("radio", { name: label, exact: true }).waitFor();
      assert.equal(await troubleshooter.getByText(TITLE).count(), 0, "nothing in English");
      await troubleshooter.getByRole("radio", { name: words.answers[0], exact: true }).check();
      await troubleshooter.getByText(words.guidance).waitFor();
      await troubleshooter.getByRole("button", { name: words.continue }).click();
      const alert = troubleshooter.getByRole("alert");
      await alert.getByText(words.failed).waitFor();
      const href = await alert.getByRole("link", { name: words.article }).evaluate((a) => a.href);
      assert.equal(href, `${env.server.url}/cdn/v1/article-${lang}.html`);
      assert.ok(problems.every((p) => WASM_FAILURE.test(p)), problems.join("\n"));
      await context.close();
    });
  }
}

for (const [name, path] of [
  ["a strict Content-Security-Policy", "/host/first-screen-csp.html"],
  ["a page that requires Trusted Types", "/host/first-screen-tt.html"],
]) {
  test(`under ${name}: the first screen, an answer and the take-over, with no violation and no console error`, async () => {
    const { context, page, problems, troubleshooter, release } = await openFirstScreen(path);
    const policy = await page.evaluate(async () => (await fetch(location.href)).headers.get("content-security-policy"));
    assert.equal(policy, path.endsWith("tt.html") ? TRUSTED_TYPES : STRICT_CSP, "the page really is served with the policy");
    await firstScreen(page, troubleshooter);
    await troubleshooter.getByRole("heading", { name: TITLE }).waitFor();
    assert.equal(await page.locator("#host-content").isVisible(), false);
    await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
    await troubleshooter.getByText(GUIDANCE.No).waitFor();
    release();
    await tookOver(page);
    assert.equal(await troubleshooter.getByRole("radio", { name: "No", exact: true }).isChecked(), true);
    await troubleshooter.getByRole("button", { name: "Continue" }).click();
    await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();
    if (path.endsWith("csp.html")) {
      const background = await troubleshooter.getByRole("region", { name: TITLE }).evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(background, "rgb(22, 25, 29)", "the widget's own stylesheet applied (dark theme)");
    }
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("axe-core finds nothing on the first screen with the wasm blocked: as drawn, answered, and saying it can't load", async () => {
  const { context, page, troubleshooter } = await openFirstScreen(undefined, { wasm: "blocked" });
  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "as drawn");
  await troubleshooter.getByRole("radio", { name: "Not sure", exact: true }).check();
  await troubleshooter.getByText(GUIDANCE["Not sure"]).waitFor();
  assert.deepEqual(await axeViolations(page), [], "answered");
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByRole("alert").getByText(FAILED).waitFor();
  assert.deepEqual(await axeViolations(page), [], "saying it can't load");
  await context.close();
});


test("the first screen's language is the one the widget then chooses, for tags in any case, with regions, spaces, or none built in", async () => {
  for (const [query, locale, expected] of [
    ["?page-lang=pt", "de-DE", "de"],
    ["?lang=es-MX", "en-US", "es"],
    ["?page-lang=", "es-ES", "es"],
    ["?lang=DE", "en-US", "de"],
    ["?lang=%20es%20", "en-US", "es"],
    ["?page-lang=de_AT", "en-US", "de"],
    ["?lang=pt&page-lang=es", "en-US", "es"],
    ["?page-lang=x", "pt-BR", "en"],
  ]) {
    const how = `${query} in a ${locale} browser`;
    const { context, page, problems, troubleshooter, release } = await openFirstScreen(`/host/first-screen.html${query}`, { locale });
    await troubleshooter.getByRole("radio").first().waitFor();
    await page.evaluate(() => {
      window.firstScreen = document.querySelector("email-troubleshooter").shadowRoot.querySelector(".et-root");
    });
    const language = () => page.evaluate(() => document.querySelector("email-troubleshooter").shadowRoot.querySelector("section").lang);
    assert.equal(await language(), expected, `${how}: the first screen`);
    release();
    await tookOver(page);
    assert.equal(await language(), expected, `${how}: the widget`);
    assert.deepEqual(problems, [], how);
    await context.close();
  }
});

for (const [how, query, answer] of [
  ["in English", "", null],
  ["in English, with Yes chosen", "", "Yes"],
  ["in Spanish", "?lang=es", null],
  ["in German", "?lang=de", null],
  ['with theme="dark"', "?theme=dark", null],
]) {
  test(`the first screen's DOM is the widget's right after the take-over, ${how}`, async () => {
    const { context, page, problems, troubleshooter, release } = await openFirstScreen(`/host/first-screen.html${query}`);
    await troubleshooter.getByRole("radio").first().waitFor();
    await page.evaluate(() => {
      window.firstScreen = document.querySelector("email-troubleshooter").shadowRoot.querySelector(".et-root");
    });
    if (answer) {
      await troubleshooter.getByRole("radio", { name: answer, exact: true }).check();
      await troubleshooter.getByText(GUIDANCE[answer]).waitFor();
    }
    const before = await page.evaluate(drawnTree);
    release();
    await tookOver(page);
    const after = await page.evaluate(drawnTree);
    assert.deepEqual(after, before);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// Runs in the page: how the widget (or the first screen) looks: the computed styles that set
// its colours, fonts and sizes, for the section, its title, question 1, a radio and Continue.
function looks() {
  const root = document.querySelector("email-troubleshooter").shadowRoot;
  const picked = { section: "section.et", title: "h2", question: "li[aria-current] h3", radio: "input[type=radio]", continue: "button[type=submit]" };
  const properties = ["color", "background-color", "color-scheme", "font-family", "font-size", "padding-top", "width", "height"];
  return Object.fromEntries(
    Object.entries(picked).map(([name, selector]) => {
      const style = getComputedStyle(root.querySelector(selector));
      return [name, Object.fromEntries(properties.map((property) => [property, style.getPropertyValue(property)]))];
    }),
  );
}

for (const [how, query, options] of [
  ["in the light theme", "", {}],
  ['with theme="dark"', "?theme=dark", {}],
  ["in a system in dark mode", "", { colorScheme: "dark" }],
  ['with theme="light" in a system in dark mode', "?theme=light", { colorScheme: "dark" }],
]) {
  test(`the first screen looks as the widget right after the take-over does, ${how}`, async () => {
    const { context, page, problems, troubleshooter, release } = await openFirstScreen(`/host/first-screen.html${query}`, options);
    await firstScreen(page, troubleshooter);
    const before = await page.evaluate(looks);
    release();
    await tookOver(page);
    assert.deepEqual(await page.evaluate(looks), before);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const [setting, query] of [
  ["provider-name", "?provider-name=Example%20Mail"],
  ["webmail-url", "?webmail-url=https%3A%2F%2Fmail.example.com%2F"],
  ["a config attribute", `?config=${encodeURIComponent('{"theme":"dark"}')}`],
  ["a JSON settings script", `?json=${encodeURIComponent('{"theme":"dark"}')}`],
  ["an invalid theme", "?theme=purple"],
]) {
  test(`${setting} changes the first screen: the host's content shows instead while the wasm is blocked`, async () => {
    const from = env.server.requests.length;
    const { context, page, problems, troubleshooter, asked } = await openFirstScreen(`/host/first-screen.html${query}`, { wasm: "blocked" });
    await page.locator("#host-content").waitFor();
    // The widget is wanted at once, and its wasm refused: what shows is what stays.
    await until(() => asked() >= 1, "the wasm to be asked for");
    await until(() => problems.some((p) => p.includes("could not start")), "the failure to be said");
    assert.equal(await page.locator("#host-content").isVisible(), true);
    assert.equal(await troubleshooter.getByRole("radio").count(), 0, "no first screen");
    assert.equal(await troubleshooter.getByRole("heading", { name: TITLE }).count(), 0);
    assert.deepEqual(firstScreenRequests(from), [], "its module is not even fetched");
    assert.ok(problems.every((p) => /could not start; the page's own content stays|Failed to load resource/.test(p)), problems.join("\n"));
    await context.close();
  });
}

test("mount() with settings takes the widget at once: the element's own content shows while the wasm is blocked", async () => {
  const from = env.server.requests.length;
  const { context, page, problems, troubleshooter, asked } = await openFirstScreen("/host/phone.html", { wasm: "blocked" });
  const failed = await page.evaluate(async () => {
    const { mount } = await import("/cdn/v1/email-troubleshooter.js");
    const element = document.createElement("div");
    element.id = "mounted";
    element.innerHTML = "<p>The host's own words, in a mounted element.</p>";
    document.body.append(element);
    return mount(element, { storageKey: "mounted", theme: "dark" }).ready.then(() => false, () => true);
  });
  assert.equal(failed, true, "the widget, wanted at once, couldn't start");
  assert.ok(asked() >= 1);
  const mounted = page.locator("#mounted");
  assert.equal(await mounted.getByText("The host's own words, in a mounted element.").isVisible(), true);
  assert.equal(await mounted.getByRole("radio").count(), 0, "no first screen");
  assert.deepEqual(firstScreenRequests(from), []);
  assert.equal(await troubleshooter.count(), 0);
  assert.ok(problems.every((p) => /could not start; the page's own content stays|Failed to load resource/.test(p)), problems.join("\n"));
  await context.close();
});

// Sums the layout shifts the page has had (each not caused by input), from the first one.
const WATCH_SHIFTS = () => {
  window.layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
};

const frames = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

// The take-over's shift is asserted (it was 0 in 5 runs of 5 of these). The load's is only
// reported: most of it is the host's own fallback, painted before the embed script runs and
// keeps room for the widget, which no first screen can change.
for (const [size, viewport] of [
  ["a laptop", { width: 1280, height: 720 }],
  ["a phone", { width: 390, height: 844 }],
]) {
  test(`on ${size}, the take-over shifts no layout (the cumulative layout shift over load and take-over is reported)`, async (t) => {
    const { context, page, problems, troubleshooter, release } = await openFirstScreen(undefined, { viewport, init: WATCH_SHIFTS });
    await firstScreen(page, troubleshooter);
    await frames(page);
    const load = await page.evaluate(() => window.layoutShift);
    release();
    await tookOver(page);
    await frames(page);
    const total = await page.evaluate(() => window.layoutShift);
    t.diagnostic(`layout shift on ${size}: ${total.toFixed(4)} over load and take-over, of which the take-over ${(total - load).toFixed(4)}`);
    assert.ok(total - load <= 0.01, `the take-over shifted the layout by ${total - load}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("the cumulative layout shift over load and an idle take-over (reported only)", async (t) => {
  const { context, page, problems } = await openFirstScreen(undefined, { wasm: "free", init: WATCH_SHIFTS });
  // The idle fetch may be done before a test could mark the first screen: the element's handle
  // settles once the widget is drawn.
  await page.waitForFunction(() => document.querySelector("email-troubleshooter")?.handle);
  await page.evaluate(() => document.querySelector("email-troubleshooter").handle.ready);
  await frames(page);
  t.diagnostic(`layout shift over load and an idle take-over: ${(await page.evaluate(() => window.layoutShift)).toFixed(4)}`);
  assert.deepEqual(problems, []);
  await context.close();
});
