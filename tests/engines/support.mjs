// Shared set-up for the tests in Firefox and WebKit (the end-to-end suite runs in Chromium):
// a local server for dist/, and each engine as Debian installs it (`make setup-engines`),
// driven as a user would. Nothing here reaches beyond 127.0.0.1, and nothing downloads a browser.
//
//   Firefox: firefox-esr over WebDriver BiDi, with puppeteer-core.
//   WebKit:  MiniBrowser (libwebkit2gtk-4.1-0) through WebKitWebDriver (webkit2gtk-driver), with
//            selenium-webdriver. MiniBrowser has no headless mode: it runs under its own Xvfb.

import { before, after } from "node:test";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";
import { Builder } from "selenium-webdriver";
import { serve } from "../../scripts/serve.mjs";
import { WASM, servedAs } from "../../scripts/dist-files.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));

export const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? "/usr/bin/WebKitWebDriver";
/** MiniBrowser lives in the multiarch folder, /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/ on amd64. */
export const MINIBROWSER =
  process.env.MINIBROWSER ??
  readdirSync("/usr/lib")
    .map((dir) => `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`)
    .find((path) => existsSync(path)) ??
  "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

export const ENGINES = ["firefox", "webkit"];

/** How long a test may take before node:test stops it (and `openEngine` kills its browser). */
export const TEST_TIMEOUT = 90_000;
/** How long one wait for something on the page may take. */
const WAIT = 15_000;

/** The wasm download that the server never answers. */
export const SLOW_WASM = servedAs(WASM, "/slow/");

/**
 * Serves the release bundle at / (the demo), again under /slow/ (where the wasm request is
 * never answered), and under /broken/ (where the wasm is a 404), and this suite's host pages
 * under /engines/. Requests for that wasm are numbered from 1 in the order they come; `cutOff`
 * lists the numbers of those the browser gave up on.
 */
export async function startServer() {
  const hanging = new Set();
  const cutOff = [];
  let slowRequests = 0;
  let holding = true;
  const server = await serve({
    mounts: {
      "/": `${root}/dist`,
      "/slow/": `${root}/dist`,
      "/broken/": `${root}/dist`,
      "/engines/": `${root}/tests/engines/hosts`,
    },
    override: (path) => (servedAs(WASM, "/broken/").test(path) ? { status: 404, body: "gone" } : undefined),
    route: (path, request, response) => {
      if (!SLOW_WASM.test(path) || !holding) return false;
      const number = ++slowRequests;
      hanging.add(response);
      response.on("close", () => {
        hanging.delete(response);
        if (!response.writableEnded) cutOff.push(number);
      });
      return true;
    },
  });
  return {
    ...server,
    cutOff,
    slowRequests: () => slowRequests,
    /** Whether the /slow/ wasm request hangs (the default) or is answered like any file. */
    holdWasm: (hold) => (holding = hold),
    close: async () => {
      for (const response of hanging) response.destroy();
      await server.close();
    },
  };
}

/** Starts the server once for a test file and stops it after its last test; `env.server` is it. */
export function useServer() {
  const env = {};
  before(async () => {
    env.server = await startServer();
  });
  after(async () => {
    await env.server?.close();
  });
  return env;
}

/** Waits, in the test, until `check()` is true (the server saw a request, say). */
export async function eventually(check, what, ms = WAIT) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((wake) => setTimeout(wake, 20));
  }
}

// Runs in the page. The first visible element with this role and accessible name, as a user would
// pick it out: a heading, button or link by its text (a button by its aria-label first), a radio,
// checkbox or field by its label; `text`: any element whose own text contains `name`. It looks
// inside the widget's (open) shadow root, or in the host page itself with `inPage: true`.
// Null while there is none.
function findInWidget({ role, name, inPage = false }) {
  const root = inPage ? document : document.querySelector("email-troubleshooter")?.shadowRoot;
  if (!root) return null;
  const clean = (text) => (text ?? "").replace(/\s+/g, " ").trim();
  const label = (input) => clean([...(input.labels ?? [])].map((l) => l.textContent).join(" "));
  const all = (selector) => [...root.querySelectorAll(selector)];
  const named = {
    heading: () => all("h1, h2, h3, h4, h5, h6, [role=heading]").filter((e) => clean(e.textContent) === name),
    button: () => all("button").filter((e) => clean(e.getAttribute("aria-label") ?? e.textContent) === name),
    link: () => all("a[href]").filter((e) => clean(e.textContent) === name),
    radio: () => all("input[type=radio]").filter((e) => label(e) === name),
    checkbox: () => all("input[type=checkbox]").filter((e) => label(e) === name),
    field: () => all("input, select, textarea").filter((e) => label(e) === name),
    text: () => all("*").filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && clean(n.textContent).includes(name))),
  }[role];
  if (!named) throw new Error(`no role ${role}`);
  return named().find((e) => e.getClientRects().length > 0) ?? null;
}

// Runs in the page: the question of the open step (the list item marked aria-current="step"),
// and the answers shown for the steps before it.
/**
 * Runs in the page: "drawn" (or "failed") once the element's widget has settled (its documented
 * `handle.ready`), false until then. Tests about the widget wait for it: a first visit sees the
 * first screen before the widget takes over, and an element found there is gone after.
 */
export function widgetDrawn() {
  const handle = document.querySelector("email-troubleshooter")?.handle;
  if (!handle) return false;
  if (!window.widgetSettled) {
    window.widgetSettled = "waiting";
    handle.ready.then(
      () => (window.widgetSettled = "drawn"),
      () => (window.widgetSettled = "failed"),
    );
  }
  return window.widgetSettled !== "waiting" && window.widgetSettled;
}

function widgetState() {
  const root = document.querySelector("email-troubleshooter")?.shadowRoot;
  const clean = (text) => (text ?? "").replace(/\s+/g, " ").trim();
  return {
    open: clean(root?.querySelector('li[aria-current="step"] h3')?.textContent) || null,
    answers: [...(root?.querySelectorAll("li:not([aria-current]) p") ?? [])]
      .map((p) => clean(p.textContent))
      .filter((text) => text.startsWith("Your answer")),
  };
}

// Runs in the page: what record-console.js wrote down, in this tab, across reloads.
function recordedProblems() {
  return JSON.parse(sessionStorage.getItem("engines:problems") ?? "[]");
}

/**
 * One engine, one fresh browser with its own profile, one page. The same calls for both:
 * `goto(url)`, `reload()`, `back()`, `find({ role, name, inPage })` (waits for it), `click(element)`,
 * `follow(element)` (clicks a link and waits for the next page), `type(element, text)` (focuses
 * it and types keys), `run(fn, ...args)` (in the page), `waitFor(fn, ...args)` (until fn returns
 * something truthy in the page; returns it), `recorded()` (what record-console.js wrote down),
 * `state()` (the open step's question and the answers shown), `close()`. Pass node:test's `t`: if the test times out, the browser is killed at once.
 */
export async function openEngine(engine, t) {
  const session = engine === "firefox" ? await openFirefox() : await openWebKit();
  open.add(session);
  t?.signal?.addEventListener("abort", () => session.kill(), { once: true });
  const close = session.close;
  session.close = async () => {
    open.delete(session);
    try {
      await close();
    } finally {
      session.kill();
    }
  };
  session.recorded = () => session.run(recordedProblems);
  session.state = () => session.run(widgetState);
  return session;
}

/** Sessions still open: a test that failed or timed out before closing its own. */
const open = new Set();
after(() => {
  for (const session of open) session.kill();
});

async function openFirefox() {
  const browser = await puppeteer.launch({
    browser: "firefox",
    protocol: "webDriverBiDi",
    executablePath: FIREFOX,
    headless: true,
    timeout: 30_000,
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(WAIT);
  page.setDefaultNavigationTimeout(WAIT);
  // What the driver itself heard, beside what record-console.js wrote down.
  const consoleErrors = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message}`));
  const firefox = browser.process();
  return {
    engine: "firefox",
    consoleErrors,
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    back: () => page.goBack(),
    find: async (query) => {
      const handle = await page.waitForFunction(findInWidget, { timeout: WAIT, polling: 50 }, query);
      return handle.asElement();
    },
    click: (element) => element.click(),
    follow: (element) => Promise.all([page.waitForNavigation(), element.click()]),
    type: async (element, text) => {
      await element.focus();
      await page.keyboard.type(text, { delay: 30 });
    },
    run: (fn, ...args) => page.evaluate(fn, ...args),
    waitFor: async (fn, ...args) => (await page.waitForFunction(fn, { timeout: WAIT, polling: 50 }, ...args)).jsonValue(),
    close: () => browser.close(),
    kill: () => {
      if (firefox && firefox.exitCode === null && firefox.signalCode === null) firefox.kill("SIGKILL");
    },
  };
}

async function openWebKit() {
  const children = [];
  const kill = () => {
    // Each child leads its own process group: MiniBrowser and its web processes go with the driver.
    for (const child of children.reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {}
      }
    }
    children.length = 0;
  };
  try {
    // Xvfb chooses a free display itself and writes its number on file descriptor 3.
    const xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {
      stdio: ["ignore", "ignore", "pipe", "pipe"],
      detached: true,
    });
    children.push(xvfb);
    const xvfbLog = collect(xvfb.stderr);
    const display = await within(10_000, "Xvfb to start", xvfbLog, async () => {
      let text = "";
      for await (const chunk of xvfb.stdio[3]) {
        text += chunk;
        if (text.includes("\n")) return `:${text.trim()}`;
      }
      throw new Error("Xvfb exited");
    });

    const port = await freePort();
    const driverProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
      env: { ...process.env, DISPLAY: display },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    children.push(driverProcess);
    const driverLog = collect(driverProcess.stdout, driverProcess.stderr);
    const server = `http://127.0.0.1:${port}`;
    await within(10_000, "WebKitWebDriver to listen", driverLog, async () => {
      for (;;) {
        if (driverProcess.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${driverProcess.exitCode}`);
        const up = await fetch(`${server}/status`).then((r) => r.ok, () => false);
        if (up) return;
        await new Promise((wake) => setTimeout(wake, 50));
      }
    });
    const driver = await within(30_000, "a MiniBrowser session", driverLog, () =>
      new Builder()
        .usingServer(server)
        .withCapabilities({
          browserName: "MiniBrowser",
          "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
        })
        .build(),
    );
    await driver.manage().setTimeouts({ pageLoad: WAIT, script: WAIT });
    const find = (query) => driver.executeScript(`return (${findInWidget})(arguments[0]);`, query);
    return {
      engine: "webkit",
      consoleErrors: null, // WebDriver classic has no console log: record-console.js is the record
      goto: (url) => driver.get(url),
      reload: () => driver.navigate().refresh(),
      back: () => driver.navigate().back(),
      find: (query) => driver.wait(() => find(query), WAIT, `no ${query.role} "${query.name}" in the widget`),
      click: (element) => element.click(),
      // WebKitWebDriver's click doesn't wait for the navigation it starts.
      follow: async (element) => {
        const from = await driver.getCurrentUrl();
        await element.click();
        await driver.wait(async () => {
          try {
            return (await driver.getCurrentUrl()) !== from && (await driver.executeScript("return document.readyState")) === "complete";
          } catch {
            return false; // between two pages
          }
        }, WAIT, "the next page");
      },
      type: (element, text) => element.sendKeys(text),
      run: (fn, ...args) => driver.executeScript(`return (${fn})(...arguments);`, ...args),
      waitFor: (fn, ...args) =>
        driver.wait(() => driver.executeScript(`return (${fn})(...arguments);`, ...args), WAIT, `waiting for ${fn.name}`),
      close: async () => {
        await driver.quit();
        // MiniBrowser and its web processes end after the session; killed before they have,
        // they would outlive WebKitWebDriver, their parent, and stay as zombies.
        await groupEmpty(driverProcess.pid, 5_000);
      },
      kill,
    };
  } catch (error) {
    kill();
    throw error;
  }
}

/** Waits until the process group led by `leader` has no process but the leader (Linux's /proc). */
async function groupEmpty(leader, ms) {
  const end = Date.now() + ms;
  const others = () =>
    readdirSync("/proc").filter((pid) => {
      if (!/^\d+$/.test(pid) || Number(pid) === leader) return false;
      try {
        // Fields after the command's closing parenthesis: state, parent, process group, ...
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ").pop().split(" ");
        return Number(fields[2]) === leader && fields[0] !== "Z";
      } catch {
        return false; // ended meanwhile
      }
    });
  while (others().length > 0 && Date.now() < end) await new Promise((wake) => setTimeout(wake, 50));
}

/** Keeps the last 4 KB a child process printed, to explain a failure to start. */
function collect(...streams) {
  let text = "";
  for (const stream of streams) stream.on("data", (chunk) => (text = (text + chunk).slice(-4096)));
  return () => text;
}

async function within(ms, what, log, work) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([work(), timeout]);
  } catch (error) {
    error.message += `\n${log()}`;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}
