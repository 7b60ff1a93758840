// Takes the README's screenshot of the demo page: `make screenshot` (after `make dist`).

import { fileURLToPath } from "node:url";
import { startServer, launchBrowser, openPage, widget, ready } from "../tests/e2e/support.mjs";

const out = fileURLToPath(new URL("../docs/screenshot.png", import.meta.url));
const server = await startServer();
const browser = await launchBrowser();
try {
  const { page } = await openPage(browser, { viewport: { width: 760, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}/`);
  const troubleshooter = widget(page);
  await ready(troubleshooter);
  await troubleshooter.getByRole("radio", { name: "Yes", exact: true }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByLabel("Date the problem started").fill("2026-11-20");
  await troubleshooter.getByRole("checkbox", { name: "I changed my mailbox password" }).check();
  await troubleshooter.getByRole("button", { name: "Continue" }).click();
  await troubleshooter.getByRole("radio", { name: "No", exact: true }).check();
  await troubleshooter.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
