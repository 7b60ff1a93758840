// Takes the README's screenshots of the demo page's summary, on a laptop and on a phone:
// `make screenshot` (after `make dist`).

import { fileURLToPath } from "node:url";
import { startServer, launchBrowser, openPage, widget, ready } from "../tests/e2e/support.mjs";

const SHOTS = [
  { file: "screenshot.png", viewport: { width: 760, height: 900 }, deviceScaleFactor: 1 },
  { file: "screenshot-phone.png", viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 },
];

/** A realistic walk: a changed password, and the mailbox works from another computer. */
async function walk(troubleshooter) {
  const answer = async (label) => {
    await troubleshooter.getByRole("radio", { name: label, exact: true }).check();
    await troubleshooter.getByRole("button", { name: "Continue" }).click();
  };
  await answer("Yes");
  await troubleshooter.getByLabel("Date the problem started").fill("2026-11-20");
  await troubleshooter.getByRole("checkbox", { name: "I changed my mailbox password" }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  for (const label of ["No", "No", "No", "Yes", "No"]) await answer(label);
}

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const { file, ...options } of SHOTS) {
    const out = fileURLToPath(new URL(`../docs/${file}`, import.meta.url));
    const { page, context } = await openPage(browser, { ...options, reducedMotion: "reduce", locale: "en-US" });
    await page.goto(`${server.url}/`);
    const troubleshooter = widget(page);
    await ready(troubleshooter);
    await walk(troubleshooter);
    // The summary's heading is brought to the top: the shot is what the user sees then.
    await troubleshooter.getByRole("heading", { name: "What your answers point to" }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: out });
    console.log(`wrote ${out}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
