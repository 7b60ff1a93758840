// Lighthouse's mobile performance run (simulated slow 4G, CPU 4x slower: its defaults) of the
// demo page and of the plain article page, several times each, printing the medians. Not part
// of `make test` or `make bench`; run by hand to compare builds:
//
//   node scripts/lighthouse.mjs [dist] [port] [reports-dir]
//
// dist defaults to dist (build it first: `make dist`), port to 8090; the JSON reports are
// written to reports-dir (default: a new folder under the system's temporary folder).
// LIGHTHOUSE_RUNS sets the runs per page (default 3).
//
// Lighthouse is not one of the project's npm packages: install it outside the repository,
//   mkdir -p /work/tools/lighthouse && cd /work/tools/lighthouse && npm install lighthouse@12.8.2
// (Lighthouse 13 needs Node 22.19; 12.8.2 runs on Node 18 and 20), then point LIGHTHOUSE at its
// command, or put it on PATH:
//   LIGHTHOUSE=/work/tools/lighthouse/node_modules/.bin/lighthouse node scripts/lighthouse.mjs
// The browser is Debian's Chromium (CHROME_PATH, default /usr/bin/chromium), headless.

import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { serve } from "./serve.mjs";

const [dist = "dist", port = "8090", reportsArg] = process.argv.slice(2);
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
if (!(RUNS >= 1)) throw new Error("LIGHTHOUSE_RUNS must be a number of runs");
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync";
const PAGES = { demo: "index.html", "plain article": "article-en.html" };

const run = promisify(execFile);

async function lighthouseCommand() {
  const command = process.env.LIGHTHOUSE ?? "lighthouse";
  try {
    await run(command, ["--version"]);
    return command;
  } catch {
    console.error(`${command} can't be run. Install Lighthouse outside the repository:
  mkdir -p /work/tools/lighthouse && cd /work/tools/lighthouse && npm install lighthouse@12.8.2
then run LIGHTHOUSE=/work/tools/lighthouse/node_modules/.bin/lighthouse node scripts/lighthouse.mjs ${dist} ${port}`);
    process.exit(2);
  }
}

/** The figures this script reports, from one Lighthouse JSON report. */
export function figures(report) {
  const audit = (id) => report.audits[id];
  const value = (id) => audit(id)?.numericValue;
  const longTasks = audit("long-tasks")?.details?.items ?? [];
  const observedTasks = audit("main-thread-tasks")?.details?.items ?? [];
  return {
    score: Math.round((report.categories.performance?.score ?? NaN) * 100),
    fcp: value("first-contentful-paint"),
    lcp: value("largest-contentful-paint"),
    tbt: value("total-blocking-time"),
    speedIndex: value("speed-index"),
    interactive: value("interactive"),
    cls: value("cumulative-layout-shift"),
    // Lighthouse's own long-task list: tasks of 50 ms or more, in simulated (throttled) time.
    longestTask: Math.max(0, ...longTasks.map((task) => task.duration)),
    longestTaskUrl: longTasks.reduce((a, b) => (b.duration > (a?.duration ?? -1) ? b : a), undefined)?.url ?? "",
    // The same, as the trace recorded it (no simulation, so on this machine's CPU).
    longestObservedTask: Math.max(0, ...observedTasks.map((task) => task.duration)),
    maxPotentialFid: value("max-potential-fid"),
    totalBytes: value("total-byte-weight"),
    requests: (audit("network-requests")?.details?.items ?? []).map((item) => ({
      path: new URL(item.url).pathname,
      transferSize: item.transferSize,
    })),
  };
}

/** A URL's path, or the text itself where Lighthouse gives none ("Unattributable"). */
const shortUrl = (url) => (URL.canParse(url) ? new URL(url).pathname : url);

const median = (values) => {
  const sorted = values.filter((v) => typeof v === "number" && !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};

const ROWS = [
  ["performance score", "score", (v) => `${v}`],
  ["first contentful paint", "fcp", (v) => `${Math.round(v)} ms`],
  ["largest contentful paint", "lcp", (v) => `${Math.round(v)} ms`],
  ["total blocking time", "tbt", (v) => `${Math.round(v)} ms`],
  ["speed index", "speedIndex", (v) => `${Math.round(v)} ms`],
  ["time to interactive", "interactive", (v) => `${Math.round(v)} ms`],
  ["cumulative layout shift", "cls", (v) => v.toFixed(3)],
  ["longest main-thread task (simulated, >= 50 ms)", "longestTask", (v) => (v > 0 ? `${Math.round(v)} ms` : "none")],
  ["longest main-thread task (observed, unthrottled)", "longestObservedTask", (v) => `${Math.round(v)} ms`],
  ["max potential first input delay", "maxPotentialFid", (v) => `${Math.round(v)} ms`],
  ["total bytes (as served by scripts/serve.mjs)", "totalBytes", (v) => `${v}`],
];

async function main() {
  const lighthouse = await lighthouseCommand();
  if (!existsSync(join(dist, "index.html"))) throw new Error(`${dist}/index.html is missing: run make dist`);
  const reports = resolve(reportsArg ?? mkdtempSync(join(tmpdir(), "lighthouse-")));
  mkdirSync(reports, { recursive: true });
  const server = await serve({ mounts: { "/": dist }, port: Number(port) });
  const results = {};
  try {
    for (let n = 1; n <= RUNS; n++) {
      // Alternating the pages, so a change in the machine's load falls on both.
      for (const [name, path] of Object.entries(PAGES)) {
        const output = join(reports, `${name.replace(/ /g, "-")}-${n}.json`);
        process.stderr.write(`${name}, run ${n} of ${RUNS}\n`);
        await run(
          lighthouse,
          [`${server.url}/${path}`, "--output=json", `--output-path=${output}`, "--only-categories=performance",
            `--chrome-flags=${CHROME_FLAGS}`, "--quiet"],
          { env: { ...process.env, CHROME_PATH }, maxBuffer: 1 << 26 },
        );
        const report = JSON.parse(readFileSync(output, "utf8"));
        if (report.runtimeError) throw new Error(`${name}: ${report.runtimeError.message}`);
        for (const warning of report.runWarnings ?? []) console.warn(`${name}, run ${n}: ${warning}`);
        (results[name] ??= []).push(figures(report));
      }
    }
  } finally {
    await server.close();
  }

  const version = JSON.parse(readFileSync(join(reports, "demo-1.json"), "utf8")).lighthouseVersion;
  const names = Object.keys(PAGES);
  const out = [`Lighthouse ${version}, mobile (simulated slow 4G, CPU 4x slower), ${CHROME_PATH}; medians of ${RUNS} runs`];
  out.push(`${"".padEnd(50)}${names.map((n) => n.padStart(16)).join("")}`);
  for (const [label, key, format] of ROWS) {
    const cells = names.map((name) => {
      const value = median(results[name].map((r) => r[key]));
      return (Number.isNaN(value) ? "n/a" : format(value)).padStart(16);
    });
    out.push(`${label.padEnd(50)}${cells.join("")}`);
  }
  for (const name of names) {
    const runs = results[name];
    out.push("");
    out.push(`${name}, each run: score ${runs.map((r) => r.score).join(", ")}; interactive ${runs.map((r) => Math.round(r.interactive)).join(", ")} ms; ` +
      `longest task ${runs.map((r) => `${Math.round(r.longestTask)} ms${r.longestTaskUrl ? ` (${shortUrl(r.longestTaskUrl)})` : ""}`).join(", ")}`);
    out.push(`  requests: ${runs[0].requests.map((r) => `${r.path} ${r.transferSize}`).join(", ")}`);
  }
  out.push("");
  out.push(`JSON reports: ${reports}`);
  console.log(out.join("\n"));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
