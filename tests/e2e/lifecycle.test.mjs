// The embed's life on a host page: a page that requires Trusted Types, attribute changes in
// quick succession, and the elements and pages it must refuse, saying why, without harm.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, openWidget, ready, finish } from "./support.mjs";

const env = useBrowser();

const HEADING = "Can't connect to your mailbox?";
// Question 3 names the provider; its heading is in the list of steps from the start.
const QUESTION_3 = (provider) => `Have you recently moved your mail to ${provider} from another provider?`;

/** A fresh page with nothing of the widget's yet; `setUp` runs in it before the script loads. */
async function openLifecyclePage(setUp = () => {}, arg) {
  const opened = await openPage(env.browser);
  await opened.page.goto(`${env.server.url}/host/lifecycle.html`);
  await opened.page.evaluate(setUp, arg);
  await opened.page.evaluate(async () => {
    window.api = await import("/cdn/v1/email-troubleshooter.js");
  });
  return opened;
}

/** Mounts with the page's script and waits for the widget: mount() still works. */
async function mountStillWorks(page) {
  await page.evaluate(async () => {
    const slot = document.createElement("div");
    slot.id = "scripted";
    document.body.append(slot);
    await window.api.mount(slot, { storageKey: "scripted" }).ready;
  });
  await ready(page.locator("#scripted"));
}

test("on a page that requires Trusted Types the widget draws, answers, sums up and starts again, with nothing blocked", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env, "/host/trusted-types.html");
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get("content-security-policy"));
  assert.match(csp, /require-trusted-types-for 'script'; trusted-types 'none'/, "the page really is served with the policy");
  assert.equal(await page.locator("#fallback").isVisible(), false, "the fallback gives way to the widget");

  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();

  await troubleshooter.getByRole("button", { name: "Start again" }).click();
  await troubleshooter.getByRole("button", { name: "Yes, clear my answers" }).click();
  await troubleshooter.getByText("Step 1 of 7", { exact: true }).waitFor();

  await finish(troubleshooter, ["Yes", "No", "No", "Yes", "No", "No"]);
  const summary = troubleshooter.getByRole("region", { name: "What your answers point to" });
  assert.equal(await summary.getByRole("button", { name: /^Change/ }).count(), 7);
  await summary.getByRole("link", { name: /How to set up DNS records for Typed Mail/ }).waitFor();
  const report = troubleshooter.getByRole("region", { name: "A report for your administrator" });
  assert.match(await report.getByLabel("The report").inputValue(), /^Email connection troubleshooting report\n/);
  await report.getByRole("radio", { name: "Markdown" }).check();
  assert.match(await report.getByLabel("The report").inputValue(), /^# Email connection troubleshooting report\n/);

  await troubleshooter.getByRole("button", { name: "Start again" }).click();
  await troubleshooter.getByRole("button", { name: "Yes, clear my answers" }).click();
  await troubleshooter.getByText("Step 1 of 7", { exact: true }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("attribute changes in quick succession end in one styled widget with the last values", async () => {
  const { context, page, problems } = await openLifecyclePage();
  // The second change in the same task as the first, then in a later task 0 to 3 ms after.
  const gaps = ["same task", 0, 1, 2, 3];
  for (let round = 0; round < 20; round++) {
    const gap = gaps[round % gaps.length];
    // Every other round changes the attributes before the first widget is drawn.
    const drawnFirst = round % 2 === 0;
    await page.evaluate(
      async ({ round, gap, drawnFirst }) => {
        const element = document.createElement("email-troubleshooter");
        element.id = `round-${round}`;
        element.setAttribute("storage-key", "lifecycle");
        element.setAttribute("provider-name", `First Mail ${round}`);
        const fallback = document.createElement("p");
        fallback.id = `fallback-${round}`;
        fallback.textContent = "If you can read this, the troubleshooter has not started.";
        element.append(fallback);
        document.getElementById("stage").replaceChildren(element);
        while (drawnFirst && !element.shadowRoot.querySelector("h2")) await new Promise((later) => setTimeout(later, 0));
        element.setAttribute("provider-name", `Second Mail ${round}`);
        if (gap !== "same task") await new Promise((later) => setTimeout(later, gap));
        element.setAttribute("provider-name", `Last Mail ${round}`);
      },
      { round, gap, drawnFirst },
    );
    const troubleshooter = page.locator(`#round-${round}`);
    await troubleshooter.getByRole("heading", { name: QUESTION_3(`Last Mail ${round}`) }).waitFor();
    // Long enough for any release an earlier widget had put off until it was drawn.
    await page.evaluate(() => new Promise((later) => setTimeout(later, 50)));

    const where = `round ${round} (${gap}${typeof gap === "number" ? " ms" : ""}, ${drawnFirst ? "after" : "before"} the first draw)`;
    assert.equal(await troubleshooter.getByRole("heading", { name: HEADING }).count(), 1, `one widget, ${where}`);
    assert.equal(await troubleshooter.getByRole("heading", { name: QUESTION_3(`Last Mail ${round}`) }).isVisible(), true, `the last name shows, ${where}`);
    assert.equal(await page.locator(`#fallback-${round}`).isVisible(), false, `the fallback is hidden, ${where}`);
    const look = await troubleshooter.getByRole("region", { name: HEADING }).evaluate((region) => ({
      sheets: region.getRootNode().adoptedStyleSheets.length,
      border: getComputedStyle(region).borderTopStyle,
    }));
    assert.deepEqual(look, { sheets: 1, border: "solid" }, `the widget is styled, ${where}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a page that took the element's name, or blocks customElements.define, is told once why; mount() still works", async () => {
  const cases = [
    {
      setUp: () => {
        customElements.define("email-troubleshooter", class extends HTMLElement {});
        document.getElementById("stage").innerHTML = "<email-troubleshooter><p id='own'>The page's own element</p></email-troubleshooter>";
      },
      message: "email-troubleshooter: can't define the element: the page defined it as something else; mount() still works.",
    },
    {
      setUp: () => {
        customElements.define = () => {};
        document.getElementById("stage").innerHTML = "<email-troubleshooter><p id='own'>The page's own element</p></email-troubleshooter>";
      },
      message: "email-troubleshooter: can't define the element: customElements.define had no effect; mount() still works.",
    },
    {
      setUp: () => {
        customElements.define = () => {
          throw new Error("not on this page");
        };
        document.getElementById("stage").innerHTML = "<email-troubleshooter><p id='own'>The page's own element</p></email-troubleshooter>";
      },
      message: "email-troubleshooter: can't define the element: Error: not on this page; mount() still works.",
    },
  ];
  for (const { setUp, message } of cases) {
    const { context, page, problems } = await openLifecyclePage(setUp);
    await mountStillWorks(page);
    assert.equal(await page.locator("#own").isVisible(), true, "the page's own element keeps its content");
    assert.equal(await page.locator("email-troubleshooter").evaluate((element) => element.shadowRoot), null, "and is not drawn in");
    assert.deepEqual(problems, [`console error: ${message}`]);
    await context.close();
  }
});

test("a second copy of the embed script, from another path, recognises the first one's element and shadow roots", async () => {
  const { context, page, problems } = await openLifecyclePage(() => {
    document.getElementById("stage").innerHTML = "<email-troubleshooter id='element' storage-key='copies'></email-troubleshooter><div id='slot'></div>";
  });
  await ready(page.locator("#element"));
  await page.evaluate(async () => {
    const copy = await import("/email-troubleshooter.js");
    const slot = document.getElementById("slot");
    // The first copy makes the shadow root, the second draws in it.
    const first = window.api.mount(slot, { storageKey: "copies" });
    await first.ready;
    first.destroy();
    await copy.mount(slot, { providerName: "Second Copy Mail" }).ready;
  });
  await ready(page.locator("#slot"));
  assert.deepEqual(problems, [], "nothing to complain about");
  await context.close();
});

test("an element that can't have a shadow root, or has a closed one, is left as it is; mount() returns a handle whose ready rejects", async () => {
  const { context, page, problems } = await openLifecyclePage(() => {
    // An <email-troubleshooter> the page gave a closed shadow root before the script came.
    const element = document.createElement("email-troubleshooter");
    window.closedRoot = element.attachShadow({ mode: "closed" });
    window.closedRoot.append("The page's own closed shadow root");
    document.getElementById("stage").append(element);
  });
  const settled = await page.evaluate(async () => {
    const input = document.createElement("input");
    input.id = "field";
    input.value = "typed by the user";
    const div = document.createElement("div");
    div.id = "closed";
    const closed = div.attachShadow({ mode: "closed" });
    closed.append("Another closed shadow root");
    document.getElementById("stage").append(input, div);
    const outcomes = [];
    for (const element of [input, div]) {
      const handle = window.api.mount(element); // must not throw
      outcomes.push(await handle.ready.then(() => "resolved", (error) => `rejected: ${error.message}`));
      handle.destroy();
    }
    return { outcomes, closed: closed.textContent, closedElement: window.closedRoot.textContent, nodes: closed.childNodes.length };
  });
  const refused = (cause) => `email-troubleshooter: NotSupportedError: ${cause}; the page's own content stays.`;
  const cause = "Failed to execute 'attachShadow' on 'Element': Shadow root cannot be created on a host which already hosts a shadow tree.";
  const noShadow = "Failed to execute 'attachShadow' on 'Element': This element does not support attachShadow";
  assert.deepEqual(settled, {
    outcomes: [`rejected: ${refused(noShadow)}`, `rejected: ${refused(cause)}`],
    closed: "Another closed shadow root",
    closedElement: "The page's own closed shadow root",
    nodes: 1,
  });
  assert.equal(await page.locator("#field").inputValue(), "typed by the user");
  assert.deepEqual(problems, [`console error: ${refused(cause)}`, `console error: ${refused(noShadow)}`, `console error: ${refused(cause)}`]);
  await context.close();
});

test("an element that hosts someone else's open shadow root is refused, and its content is never wiped", async () => {
  const { context, page, problems } = await openLifecyclePage(() => {
    const theirs = (id, text) => {
      const element = document.createElement(id === "theirs-element" ? "email-troubleshooter" : "div");
      element.id = id;
      const root = element.attachShadow({ mode: "open" });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync("p { color: rgb(0, 128, 0); }");
      root.adoptedStyleSheets = [sheet];
      const paragraph = document.createElement("p");
      paragraph.textContent = text;
      root.append(paragraph);
      document.getElementById("stage").append(element);
    };
    theirs("theirs-element", "Their element's own shadow root");
    theirs("theirs-div", "Their widget's own shadow root");
  });
  const outcome = await page.evaluate(async () => {
    const handle = window.api.mount(document.getElementById("theirs-div"));
    return handle.ready.then(() => "resolved", (error) => `rejected: ${error.message}`);
  });
  const message = "email-troubleshooter: the element already has another shadow root; the page's own content stays.";
  assert.equal(outcome, `rejected: ${message}`);
  for (const [id, text] of [["theirs-element", "Their element's own shadow root"], ["theirs-div", "Their widget's own shadow root"]]) {
    const paragraph = page.locator(`#${id}`).getByText(text, { exact: true });
    assert.equal(await paragraph.isVisible(), true, `${id} keeps its content`);
    assert.equal(await paragraph.evaluate((p) => getComputedStyle(p).color), "rgb(0, 128, 0)", `${id} keeps its styles`);
    assert.equal(await page.locator(`#${id}`).evaluate((element) => element.shadowRoot.childNodes.length), 1, `${id} gets nothing added`);
  }
  assert.deepEqual(problems, [`console error: ${message}`, `console error: ${message}`]);
  await context.close();
});
