// Storage that can't be trusted: a corrupt saved value, and a localStorage that throws.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openWidget, ready, notices } from "./support.mjs";

const env = useBrowser();

test("a corrupt saved value gives a working widget and a one-line notice", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env, "/", {
    init: () => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem("email-troubleshooter:help-article", "v=1&at=webmail&webmail=%%%");
        sessionStorage.setItem("seeded", "1");
      }
    },
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
