// Any screen: 320 CSS pixels wide, 200% and 400% zoom, with no sideways scrolling, and targets
// of at least 24 by 24 pixels.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openWidget, finish } from "./support.mjs";

const env = useBrowser();

/** How far the page and the widget's own box stick out sideways (0 means they don't). */
function overflow(page) {
  return page.evaluate(() => {
    const host = document.querySelector("email-troubleshooter");
    const inner = host.shadowRoot.querySelector(".et");
    return Math.max(document.documentElement.scrollWidth - innerWidth, inner.scrollWidth - inner.clientWidth);
  });
}

// 400% zoom of a 1280x1024 window lays out in 320x256 CSS pixels; 200%, in 640x512.
for (const [name, viewport] of [
  ["a 320px phone", { width: 320, height: 640 }],
  ["400% zoom", { width: 320, height: 256 }],
  ["200% zoom", { width: 640, height: 512 }],
]) {
  test(`nothing scrolls sideways at ${name}, from the first question to the summary`, async () => {
    const { context, page, problems, troubleshooter } = await openWidget(env, "/", { viewport });
    assert.equal(await overflow(page), 0, "first question");
    await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
    await troubleshooter.getByRole("button", { name: "Continue" }).click();
    await troubleshooter.getByRole("button", { name: "Continue" }).click();
    assert.equal(await overflow(page), 0, "the when step with its error");
    await troubleshooter.getByRole("button", { name: "Back" }).click();
    await finish(troubleshooter, ["Yes", "No", "No", "Yes", "No", "Yes"]);
    assert.equal(await overflow(page), 0, "summary, report, link and QR code");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("every control is at least 24 by 24 pixels", async () => {
  const { context, page, troubleshooter } = await openWidget(env, "/", { viewport: { width: 320, height: 640 } });
  await finish(troubleshooter, ["Yes", "No", "No", "Yes", "No", "Yes"]);
  const small = await page.evaluate(() => {
    const root = document.querySelector("email-troubleshooter").shadowRoot;
    return [...root.querySelectorAll("button, input, summary, a, textarea")]
      .filter((el) => el.offsetParent !== null)
      .map((el) => [el.localName, el.textContent.trim().slice(0, 30), el.getBoundingClientRect()])
      .filter(([, , box]) => box.width < 24 || box.height < 24)
      .map(([tag, text, box]) => `${tag} "${text}" ${box.width}x${box.height}`);
  });
  assert.deepEqual(small, []);
  await context.close();
});
