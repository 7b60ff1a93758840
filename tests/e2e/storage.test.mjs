// Storage that can't be trusted: a corrupt saved value, and a localStorage that throws.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openWidget, ready, notices } from "./support.mjs";

const env = useBrowser();

/** An init script that saves `value` as the demo's progress once, before its first load. */
const seeded = (value) =>
  `if (!sessionStorage.getItem("seeded")) { localStorage.setItem("email-troubleshooter:help-article", ${JSON.stringify(value)}); sessionStorage.setItem("seeded", "1"); }`;

test("a corrupt saved value gives a working widget and a one-line notice", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env, "/", {
    init: seeded("v=1&at=webmail&webmail=%%%"),
  });
  assert.equal(
    await notices(troubleshooter).textContent(),
    "Your saved answers couldn't be read, so the troubleshooter has started again.",
  );
  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();
  const kept = await page.evaluate(() => localStorage.getItem("email-troubleshooter:help-article:unreadable"));
  assert.equal(kept, "v=1&at=webmail&webmail=%%%", "the unreadable value is kept aside, not lost");

  await page.reload();
  await ready(troubleshooter);
  await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();
  assert.equal(await notices(troubleshooter).textContent(), "");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a localStorage that throws gives a working widget that says progress won't be kept", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env, "/", {
    init: () => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    },
  });
  assert.equal(
    await notices(troubleshooter).textContent(),
    "This browser isn't letting the troubleshooter save, so your answers will be lost if you leave this page.",
  );
  for (const label of ["Yes"]) {
    await troubleshooter.getByRole("radio", { name: label, exact: true }).check();
    await troubleshooter.getByRole("button", { name: "Continue" }).click();
  }
  await troubleshooter.getByRole("checkbox", { name: "Nothing that I know of" }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByText("Step 3 of 7", { exact: true }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a localStorage that refuses writes is treated the same way", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env, "/", {
    init: () => {
      Storage.prototype.setItem = () => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    },
  });
  await troubleshooter.getByText("This browser isn't letting the troubleshooter save").waitFor();
  await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
  await troubleshooter.getByText("the problem is with the mailbox or your account").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

/** Fills this origin's localStorage until it refuses another byte. */
async function fillStorage(page) {
  return page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`host-filler-${n++}`, "x".repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
    try {
      localStorage.setItem("host-filler-probe", "1");
      return false;
    } catch {
      return true;
    }
  });
}

test("with storage full, saved answers still show and the widget says new ones won't be kept, on a phone too", async () => {
  // The demo page has a device-width viewport, so this is how a 390px phone lays it out.
  const { context, page, problems, troubleshooter } = await openWidget(env, "/", { viewport: { width: 390, height: 844 } });
  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByRole("checkbox", { name: "My office or home network changed" }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByText("Step 3 of 7", { exact: true }).waitFor();
  const saved = await page.evaluate(() => localStorage.getItem("email-troubleshooter:help-article"));
  assert.match(saved, /webmail=yes.*when=\/network/);
  assert.equal(await fillStorage(page), true, "storage is really full");

  await page.reload();
  await ready(troubleshooter);
  await troubleshooter.getByText("Step 3 of 7", { exact: true }).waitFor();
  await troubleshooter.getByText("Your answer: Yes").waitFor();
  assert.equal(
    await notices(troubleshooter).textContent(),
    "Your saved answers are back, but this browser won't save changes now (its storage may be full), so new answers will be lost if you leave this page.",
  );
  const fits = await page.evaluate(() => {
    const line = document.querySelector("email-troubleshooter").shadowRoot.querySelector('[role="status"] p').getBoundingClientRect();
    return { page: document.documentElement.scrollWidth <= innerWidth, line: line.left >= 0 && line.right <= innerWidth };
  });
  assert.deepEqual(fits, { page: true, line: true }, "the notice wraps within a phone's width");
  await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByText("Step 4 of 7", { exact: true }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("email-troubleshooter:help-article")), saved, "what was saved is untouched");
  assert.deepEqual(problems, []);
  await context.close();
});

test("when another tab leaves an unreadable value, this tab writes its answers back and keeps the other aside", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env);
  await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();

  const other = await context.newPage();
  await other.goto(`${env.server.url}/host/api.html`);
  await other.evaluate(() => localStorage.setItem("email-troubleshooter:help-article", "v=1&at=webmail&webmail=%%%"));
  await page.waitForFunction(() => /webmail=no/.test(localStorage.getItem("email-troubleshooter:help-article")));
  assert.equal(await page.evaluate(() => localStorage.getItem("email-troubleshooter:help-article:unreadable")), "v=1&at=webmail&webmail=%%%");
  await other.close();

  await page.reload();
  await ready(troubleshooter);
  await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();
  await troubleshooter.getByText("Your answer: No").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a saved check result that can't be read is left out on its own: every answer stays", async () => {
  const line = "v=1&at=upgraded&started=1795497000&webmail=yes@1795497000&when=/nothing@1795497060&migrated=no@1795497120&check.mx=example.com/none/10:x@1&check.reg=example.com/found:-:%%%@1795497200";
  const { context, page, problems, troubleshooter } = await openWidget(env, "/", {
    init: seeded(line),
  });
  await troubleshooter.getByText("Step 4 of 7", { exact: true }).waitFor();
  assert.equal(
    await notices(troubleshooter).textContent(),
    "A check result saved here couldn't be read, so it was left out. All your answers are here; you can run the check again.",
  );
  await troubleshooter.getByText("Your answer: Yes").waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("email-troubleshooter:help-article:unreadable")), line, "the whole value is kept aside");
  await page.reload();
  await ready(troubleshooter);
  await troubleshooter.getByText("Step 4 of 7", { exact: true }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("two tabs that can't read each other's progress don't take turns overwriting it for ever", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env);
  await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();
  await page.evaluate(() => {
    window.writesSeen = 0;
    addEventListener("storage", (event) => event.key === "email-troubleshooter:help-article" && window.writesSeen++);
  });

  // Another tab with the same storage key but a checklist of its own (another version of the
  // content, say): neither can read what the other saves.
  const other = await context.newPage();
  await other.goto(`${env.server.url}/host/api.html`);
  const checklist = await (await fetch(`${env.server.url}/host/custom-checklist.json`)).json();
  await other.evaluate(async (checklist) => {
    const { mount } = await import("/cdn/v1/email-troubleshooter.js");
    await mount(document.getElementById("slot"), { checklist, storageKey: "help-article" }).ready;
  }, checklist);
  const custom = other.locator("#slot");
  await custom.getByText("Step 1 of 2", { exact: true }).waitFor();
  await custom.getByRole("radio", { name: "Yes", exact: true }).check();
  await custom.getByRole("button", { name: "Continue" }).click();
  await custom.getByText("Step 2 of 2", { exact: true }).waitFor();

  await page.waitForFunction(() => window.writesSeen > 0);
  await page.waitForTimeout(1000);
  const settled = await page.evaluate(() => window.writesSeen);
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => window.writesSeen), settled, "the tabs stopped writing");
  assert.ok(settled <= 3, `${settled} writes seen`);
  await troubleshooter.getByText("Your answer: No").waitFor();
  await custom.getByText("Step 2 of 2", { exact: true }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a value another tab's newer version saved is left in place, and this tab keeps its answers on screen", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env);
  await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();

  const newer = "v=9&at=somewhere&format=of-the-future";
  const other = await context.newPage();
  await other.goto(`${env.server.url}/host/api.html`);
  await other.evaluate((newer) => localStorage.setItem("email-troubleshooter:help-article", newer), newer);
  await page.waitForFunction(() => localStorage.getItem("email-troubleshooter:help-article:unreadable") !== null);
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => localStorage.getItem("email-troubleshooter:help-article")), newer, "not written over");
  await troubleshooter.getByText("Your answer: No").waitFor();
  await troubleshooter.getByText("Step 2 of 7", { exact: true }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
