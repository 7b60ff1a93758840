// The JavaScript API: mount(element, settings) and its handle's reset() and destroy().

import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, distName } from "./support.mjs";
import { GLUE } from "../../scripts/dist-files.mjs";

const env = useBrowser();

async function openApiPage() {
  const opened = await openPage(env.browser);
  await opened.page.goto(`${env.server.url}/host/api.html`);
  await opened.page.evaluate(async () => {
    window.api = await import("/cdn/v1/email-troubleshooter.js");
  });
  return opened;
}

/** Event listeners on window and document, counted by DevTools. */
async function listenerCount(page) {
  const cdp = await page.context().newCDPSession(page);
  let total = 0;
  for (const expression of ["window", "document"]) {
    const { result } = await cdp.send("Runtime.evaluate", { expression });
    const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
    total += listeners.length;
  }
  await cdp.detach();
  return total;
}

async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  return usedSize;
}

/**
 * Mounts and destroys a troubleshooter in #slot `times` times, every other time before it is
 * drawn; returns the wasm memory size.
 */
function cycle(page, times) {
  return page.evaluate(async ({ times, glueName }) => {
    const slot = document.getElementById("slot");
    for (let i = 0; i < times; i++) {
      const handle = window.api.mount(slot, { storageKey: "cycles" });
      if (i % 2) {
        // Destroyed before it was ever drawn.
        handle.destroy();
        await handle.ready;
      } else {
        await handle.ready;
        if (!slot.shadowRoot.querySelector("h2")) throw new Error(`cycle ${i}: nothing drawn`);
        handle.destroy();
      }
      if (slot.shadowRoot.querySelector("h2")) throw new Error(`cycle ${i}: still there after destroy()`);
    }
    const glue = await import(`/cdn/v1/${glueName}`);
    return (await glue.default()).memory.buffer.byteLength;
  }, { times, glueName: distName(GLUE) });
}

test("mount() renders into any element, and destroy() puts the element's own content back", async () => {
  const { context, page, problems } = await openApiPage();
  await page.evaluate(async () => {
    window.handle = window.api.mount(document.getElementById("slot"), { providerName: "Scripted Mail" });
    await window.handle.ready;
  });
  const slot = page.locator("#slot");
  await slot.getByRole("heading", { name: "Can't connect to your mailbox?" }).waitFor();
  assert.equal(await page.locator("#fallback").isVisible(), false);
  await slot.getByRole("radio", { name: "No", exact: true }).check();
  await slot.getByRole("button", { name: "Continue" }).click();
  await slot.getByText("Step 2 of 7", { exact: true }).waitFor();

  await page.evaluate(() => window.handle.reset());
  await slot.getByText("Step 1 of 7", { exact: true }).waitFor();
  assert.equal(await slot.getByRole("radio", { name: "No", exact: true }).isChecked(), false, "reset() clears the answers");

  await page.evaluate(() => window.handle.destroy());
  assert.equal(await slot.getByRole("heading", { name: "Can't connect to your mailbox?" }).count(), 0);
  assert.equal(await page.locator("#fallback").isVisible(), true, "the host's content shows again");
  await page.locator("#host-button").click();
  assert.deepEqual(problems, []);
  await context.close();
});

test("mounting and destroying a hundred times leaves no listeners and no memory behind", async () => {
  const { context, page, problems } = await openApiPage();
  const listenersBefore = await listenerCount(page);
  await cycle(page, 10);
  const heapBefore = await heapAfterGc(page);
  const wasmBefore = await cycle(page, 1);
  const wasmAfter = await cycle(page, 100);
  const heapAfter = await heapAfterGc(page);
  assert.equal(await listenerCount(page), listenersBefore, "window and document have the listeners they started with");
  assert.equal(wasmAfter, wasmBefore, "wasm memory did not grow");
  assert.ok(heapAfter - heapBefore < 256 * 1024, `JS heap grew by ${heapAfter - heapBefore} bytes over 100 cycles`);
  assert.equal(await page.locator("#slot").locator("h2").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
