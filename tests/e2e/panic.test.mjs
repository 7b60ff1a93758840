// A panic inside the widget: a short message in the element, and the host page carries on.
// Uses the test build from `make dist-test`, which exports panic_for_test().

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openWidget } from "./support.mjs";

const env = useBrowser();

test("a panic shows a message in the element and leaves the host page working", async () => {
  const { context, page, problems, troubleshooter } = await openWidget(env, "/host/panic.html");
  const outcome = await page.evaluate(async () => {
    const glue = await import("/panic/email_troubleshooter_embed.js");
    try {
      glue.panic_for_test();
      return "no panic";
    } catch (error) {
      return error.constructor.name;
    }
  });
  assert.equal(outcome, "RuntimeError", "the wasm stopped");
  await troubleshooter.getByText("Sorry, the troubleshooter stopped working. Reload the page to try again.").waitFor();
  assert.ok(problems.some((p) => p.includes("a panic the end-to-end tests asked for")), "the panic is on the console");
  await page.locator("#host-button").click();
  assert.equal(await page.evaluate(() => 1 + 1), 2, "the page's own script still runs");
  await context.close();
});
