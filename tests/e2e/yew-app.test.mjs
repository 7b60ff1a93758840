// The example Yew app (examples/yew-app/, built by `make test-example` into target/example/):
// the component as a Yew app uses it, drawn in its own shadow root with the widget's styles,
// answered as a user would, and its event heard by the app.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";
import { launchBrowser, openPage, QUESTIONS } from "./support.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const env = {};

before(async () => {
  env.server = await serve({ mounts: { "/": `${root}/target/example` } });
  env.browser = await launchBrowser();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
});

test("a Yew app's troubleshooter: question 1 answered with its guidance, styled by the widget's CSS, and the app hears the answer", async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(`${env.server.url}/`);
  await page.getByRole("heading", { level: 1, name: "Cannot connect to email" }).waitFor();
  const question = page.getByRole("group", { name: QUESTIONS[0] });
  await question.getByRole("radio", { name: "No", exact: true }).check();
  await page
    .getByText("If you can't sign in, or no new mail arrives in webmail, the problem is with the mailbox or your account, not with your mail app.")
    .waitFor();

  // The steps' list loses its numbers only by the widget's stylesheet (`.et-steps`), adopted in
  // the component's shadow root.
  const steps = page.getByRole("list", { name: "Questions" });
  assert.equal(await steps.evaluate((list) => getComputedStyle(list).listStyleType), "none");
  assert.equal(await steps.evaluate((list) => list.getRootNode() instanceof ShadowRoot), true, "drawn in a shadow root");

  await page.getByRole("status", { name: "Last answer" }).filter({ hasText: "Answered: webmail" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
