// `make bench`: what the widget costs a visitor on a slow phone, beside the same checklist as
// a plain page (dist/article-en.html: static HTML, no script), measured in the same run.
//
// Headless Chromium, CPU slowed 4x (DevTools Emulation.setCPUThrottlingRate), every run in a
// fresh browser context (empty cache and storage), the widget's and the plain page's runs
// alternating. Figures are medians over RUNS runs (BENCH_RUNS, at least 9). Served from
// 127.0.0.1 without compression; the bytes a first visit downloads are printed separately.
// Timings are reported, never asserted: they vary with the machine.

import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
import { measure, table } from "./sizes.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
if (!(RUNS >= 1)) throw new Error("BENCH_RUNS must be a number of runs");
// Fewer runs are allowed for trying the script out, never for figures anyone quotes.
if (RUNS < 9) console.warn(`only ${RUNS} runs: medians of fewer than 9 runs are not the bench's figures`);
const CPU_SLOWDOWN = 4;
const INSTANCES = 20;
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
// The flags the end-to-end tests use, plus precise heap figures.
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--enable-precise-memory-info"];

// The host page: the element with its fallback content, and the one script tag.
const widgetPage = (count) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Widget</title><script type="module" src="/email-troubleshooter.js"></script></head><body>
${Array.from({ length: count }, (_, i) => `<email-troubleshooter storage-key="bench-${i}"><p><a href="/article-en.html">The checklist on one page</a></p></email-troubleshooter>`).join("\n")}
</body></html>`;

// Twenty plain checklists on one page: the article's <main>, repeated.
function plainPage(count) {
  const article = readFileSync("dist/article-en.html", "utf8");
  const main = article.slice(article.indexOf("<main>"), article.indexOf("</main>") + 7);
  return article.replace(main, main.repeat(count));
}

// Installed before any page script: records when the first question can be answered (every
// element's first radio button exists, checked once a frame) and, for every click, when the
// page had settled after it: every click listener has run, the DOM has stopped changing, and
// (for an answer) the progress is saved. Yew renders in microtasks after the click and may
// split long work across tasks (it yields every 16 ms), so the last DOM change and the save
// are what is watched. Painting is not included: no script can see when a frame is shown.
function instrument() {
  const marks = (window.__bench = { answerable: undefined, clicks: [], current: undefined });
  const answerable = () => {
    const elements = [...document.querySelectorAll("email-troubleshooter")];
    return elements.length > 0 && elements.every((el) => el.shadowRoot?.querySelector("input[type=radio]"));
  };
  const poll = (time) => {
    if (answerable()) marks.answerable = time;
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (...args) {
    if (marks.current && marks.current.savedAt === undefined) marks.current.savedAt = performance.now();
    return setItem.apply(this, args);
  };
  const observed = new WeakSet();
  const observer = new MutationObserver(() => {
    if (marks.current) marks.current.lastChange = performance.now();
  });
  const observe = (root) => {
    if (!root || observed.has(root)) return;
    observed.add(root);
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  addEventListener(
    "click",
    (event) => {
      observe(document.body);
      for (const element of document.querySelectorAll("email-troubleshooter")) observe(element.shadowRoot);
      const target = event.composedPath()[0];
      const record = {
        input: event.timeStamp, // when the browser took the click in
        dispatched: performance.now(), // when the page got it: the first listener to run
        answer: target.type === "radio" || target.type === "checkbox",
      };
      marks.current = record;
      marks.clicks.push(record);
    },
    true,
  );
  // Runs after every other listener (the widget's are on its element, inside the page).
  addEventListener("click", () => {
    if (marks.current) marks.current.dispatchEnd = performance.now();
  });
}

async function open(browser, url) {
  const context = await browser.newContext();
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await cdp.send("HeapProfiler.enable");
  const downloaded = [];
  page.on("response", (response) => downloaded.push(new URL(response.url()).pathname));
  await page.goto(url);
  return { context, page, cdp, downloaded };
}

// JS heap after a full garbage collection, and the widget's wasm memory (0 on the plain page).
async function memory({ page, cdp }) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(async () => {
    if (!document.querySelector("email-troubleshooter")) return 0;
    // The embed script's module instance: init() returns the already-running wasm's exports.
    const glue = await import("/email_troubleshooter.js");
    const exports = await glue.default();
    return exports.memory.buffer.byteLength;
  });
  return { heap: usedSize, wasm, total: usedSize + wasm };
}

/** The clicks since the last call: how long each took to settle, and whether it saved. */
/** When every widget on the page could first be answered (see `instrument`). */
async function answerable(page) {
  await page.waitForFunction(() => window.__bench.answerable !== undefined, null, { timeout: 120_000 });
  return page.evaluate(() => window.__bench.answerable);
}

/** The page's first contentful paint. */
function firstPaint(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) =>
        new PerformanceObserver((list, observer) => {
          const fcp = list.getEntriesByName("first-contentful-paint")[0];
          if (fcp) {
            observer.disconnect();
            resolve(fcp.startTime);
          }
        }).observe({ type: "paint", buffered: true }),
      ),
  );
}

async function clicks(page) {
  const records = await page.evaluate(() => window.__bench.clicks.splice(0));
  return records.map((r) => {
    const settled = Math.max(r.dispatchEnd ?? r.dispatched, r.savedAt ?? 0, r.lastChange ?? 0);
    return { ms: settled - r.dispatched, fromInput: settled - r.input, saved: r.savedAt !== undefined, answer: r.answer };
  });
}

// One visit to the widget: load, then answer all seven questions as a user would.
async function widgetRun(browser, base) {
  const opened = await open(browser, `${base}/bench/widget-1.html`);
  const { page } = opened;
  const answerableAt = await answerable(page);
  const afterLoad = await memory(opened);
  const widget = page.locator("email-troubleshooter");
  await clicks(page);
  await widget.getByRole("radio", { name: "Yes", exact: true }).click();
  await widget.getByRole("button", { name: "Continue" }).click();
  await widget.getByRole("checkbox", { name: "Nothing that I know of" }).click();
  await widget.getByRole("button", { name: "Continue" }).click();
  for (let step = 3; step <= 7; step++) {
    await widget.getByText(`Step ${step} of 7`, { exact: true }).waitFor();
    await widget.getByRole("radio", { name: "No", exact: true }).click();
    await widget.getByRole("button", { name: "Continue" }).click();
  }
  await widget.getByRole("region", { name: "What your answers point to" }).waitFor();
  const timed = await clicks(page);
  const answers = timed.filter((click) => click.answer);
  if (answers.length !== 7 || answers.some((click) => !click.saved)) {
    throw new Error(`expected 7 answer clicks, each saved: ${JSON.stringify(answers)}`);
  }
  const afterWalk = await memory(opened);
  const downloaded = opened.downloaded;
  await opened.context.close();
  return {
    answerable: answerableAt,
    clickMs: answers.map((click) => click.ms),
    inputMs: answers.map((click) => click.fromInput),
    continueMs: timed.filter((click) => !click.answer).map((click) => click.ms),
    afterLoad,
    afterWalk,
    downloaded,
  };
}

// The same visit to the plain page: its first contentful paint, then opening each answer's
// explanation (the plain page's nearest thing to answering).
async function plainRun(browser, base) {
  const opened = await open(browser, `${base}/article-en.html`);
  const { page } = opened;
  const painted = await firstPaint(page);
  const afterLoad = await memory(opened);
  await clicks(page);
  for (const step of await page.locator("ol.steps > li").all()) {
    await step.locator("summary").first().click();
  }
  const timed = await clicks(page);
  const afterWalk = await memory(opened);
  const downloaded = opened.downloaded;
  await opened.context.close();
  return {
    answerable: painted,
    clickMs: timed.map((click) => click.ms),
    inputMs: timed.map((click) => click.fromInput),
    afterLoad,
    afterWalk,
    downloaded,
  };
}

// Many on one page: until every one can be answered, and memory then.
async function manyRun(browser, base, kind) {
  const url = kind === "widget" ? `${base}/bench/widget-${INSTANCES}.html` : `${base}/bench/plain-${INSTANCES}.html`;
  const opened = await open(browser, url);
  const { page } = opened;
  const ready = kind === "widget" ? await answerable(page) : await firstPaint(page);
  const afterLoad = await memory(opened);
  await opened.context.close();
  return { ready, afterLoad };
}

const median = (values) => percentile(values, 50);
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}
const ms = (value) => `${value.toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}x` : "n/a");

function row(label, widget, plain, ratioText, target = "") {
  return `${label.padEnd(46)} ${widget.padStart(12)} ${plain.padStart(12)} ${ratioText.padStart(8)}  ${target}`;
}

async function main() {
  const plainMany = plainPage(INSTANCES);
  const bench = await serve({
    mounts: { "/": "dist" },
    override: (path) => {
      const widget = path.match(/^\/bench\/widget-(\d+)\.html$/);
      if (widget) return { status: 200, type: "text/html; charset=utf-8", body: widgetPage(Number(widget[1])) };
      if (path === `/bench/plain-${INSTANCES}.html`) return { status: 200, type: "text/html; charset=utf-8", body: plainMany };
      return undefined;
    },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const widget = [];
  const plain = [];
  const widgetMany = [];
  const plainManyRuns = [];
  try {
    // Warm the server and the browser's process once, unmeasured.
    await plainRun(browser, bench.url);
    for (let run = 1; run <= RUNS; run++) {
      process.stderr.write(`run ${run} of ${RUNS}\r`);
      widget.push(await widgetRun(browser, bench.url));
      plain.push(await plainRun(browser, bench.url));
      widgetMany.push(await manyRun(browser, bench.url, "widget"));
      plainManyRuns.push(await manyRun(browser, bench.url, "plain"));
    }
  } finally {
    await browser.close();
    await bench.close();
  }

  const w = {
    answerable: median(widget.map((r) => r.answerable)),
    clicks: widget.flatMap((r) => r.clickMs),
    inputs: widget.flatMap((r) => r.inputMs),
    continues: widget.flatMap((r) => r.continueMs),
    load: median(widget.map((r) => r.afterLoad.total)),
    loadHeap: median(widget.map((r) => r.afterLoad.heap)),
    loadWasm: median(widget.map((r) => r.afterLoad.wasm)),
    walk: median(widget.map((r) => r.afterWalk.total)),
    walkHeap: median(widget.map((r) => r.afterWalk.heap)),
    walkWasm: median(widget.map((r) => r.afterWalk.wasm)),
    growth: median(widget.map((r) => r.afterWalk.total - r.afterLoad.total)),
    manyReady: median(widgetMany.map((r) => r.ready)),
    manyMemory: median(widgetMany.map((r) => r.afterLoad.total)),
  };
  const p = {
    answerable: median(plain.map((r) => r.answerable)),
    clicks: plain.flatMap((r) => r.clickMs),
    inputs: plain.flatMap((r) => r.inputMs),
    load: median(plain.map((r) => r.afterLoad.total)),
    walk: median(plain.map((r) => r.afterWalk.total)),
    growth: median(plain.map((r) => r.afterWalk.total - r.afterLoad.total)),
    manyReady: median(plainManyRuns.map((r) => r.ready)),
    manyMemory: median(plainManyRuns.map((r) => r.afterLoad.total)),
  };
  const mark = (met) => (met ? "met" : "MISSED");

  const out = [];
  out.push(`Email Troubleshooter bench: Chromium, CPU ${CPU_SLOWDOWN}x slower, medians of ${RUNS} runs, each in a fresh context`);
  out.push(`(clicks: ${w.clicks.length} answer clicks and ${w.continues.length} Continue clicks over ${RUNS} walkthroughs;` +
    ` plain page: ${p.clicks.length} clicks opening an answer's explanation)`);
  out.push("");
  out.push(row("", "widget", "plain page", "ratio", "target"));
  out.push(row("first question answerable (plain: first paint)", ms(w.answerable), ms(p.answerable), ratio(w.answerable, p.answerable),
    `<= 1.5x: ${mark(w.answerable <= 1.5 * p.answerable)}`));
  for (const [label, widgetValues, plainValues, rank, goal] of [
    ["answer click to rendered and saved, p50", w.clicks, p.clicks, 50],
    ["answer click to rendered and saved, p95", w.clicks, p.clicks, 95, (value) => `< 16 ms: ${mark(value < 16)}`],
    ["  the same from the input event, p50", w.inputs, p.inputs, 50],
    ["  the same from the input event, p95", w.inputs, p.inputs, 95],
  ]) {
    const widgetValue = percentile(widgetValues, rank);
    const plainValue = percentile(plainValues, rank);
    out.push(row(label, ms(widgetValue), ms(plainValue), ratio(widgetValue, plainValue), goal?.(widgetValue) ?? ""));
  }
  out.push(row("Continue to the next question rendered, p50", ms(percentile(w.continues, 50)), "", ""));
  out.push(row("Continue to the next question rendered, p95", ms(percentile(w.continues, 95)), "", ""));
  out.push(row("memory after load (JS heap + wasm)", mb(w.load), mb(p.load), ratio(w.load, p.load)));
  out.push(row("  of which JS heap / wasm memory", `${mb(w.loadHeap)} / ${mb(w.loadWasm)}`.padStart(12), "", ""));
  out.push(row("memory after a full walkthrough", mb(w.walk), mb(p.walk), ratio(w.walk, p.walk)));
  out.push(row("  of which JS heap / wasm memory", `${mb(w.walkHeap)} / ${mb(w.walkWasm)}`.padStart(12), "", ""));
  out.push(row("  growth over the walkthrough", mb(w.growth), mb(p.growth), "", `<= 2 MB: ${mark(w.growth <= 2 * 1024 * 1024)}`));
  out.push(row(`${INSTANCES} on one page: all answerable (plain: paint)`, ms(w.manyReady), ms(p.manyReady), ratio(w.manyReady, p.manyReady),
    `<= 3x one: ${ratio(w.manyReady, w.answerable)}, ${mark(w.manyReady <= 3 * w.answerable)}`));
  out.push(row(`${INSTANCES} on one page: memory after load`, mb(w.manyMemory), mb(p.manyMemory), ratio(w.manyMemory, p.manyMemory)));
  out.push("");

  // The files each first visit downloaded, measured on disk.
  const firstWidget = [...new Set(widget[0].downloaded.filter((path) => !path.startsWith("/bench/")))].map((path) => path.slice(1));
  const firstPlain = [...new Set(plain[0].downloaded)].map((path) => path.slice(1));
  const widgetBytes = measure("dist", firstWidget);
  const plainBytes = measure("dist", firstPlain);
  out.push(table("bytes a first visit to the widget downloads (besides the host page itself):", widgetBytes));
  out.push(table("bytes a first visit to the plain page downloads:", plainBytes));
  out.push(`widget / plain page, gzip: ${ratio(widgetBytes.total.gzip, plainBytes.total.gzip)}; ` +
    `target <= 110 KB (110,000 bytes) gzip: ${mark(widgetBytes.total.gzip <= 110_000)} (${widgetBytes.total.gzip} bytes)`);
  console.log(out.join("\n"));
}

await main();
