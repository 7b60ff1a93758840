// The package's types as a TypeScript consumer gets them: the files in consumer/ compiled with
// --strict --noEmit in a project whose node_modules/email-troubleshooter is pkg/, so the types
// are found the way a consumer finds them, through package.json's `exports` and `types`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { PKG, ROOT } from "./support.mjs";

const CONSUMER = join(ROOT, "tests/package/consumer");

// Both resolutions a consumer is told to use; each reads `exports`.
const RESOLUTIONS = {
  bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  node16: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 },
};

/** Compiles one consumer file; its diagnostics as `line: TScode message`, line from 1. */
function compile(file, resolution) {
  assert.ok(existsSync(join(PKG, "package.json")), "pkg/ is written (make package)");
  const project = mkdtempSync(join(tmpdir(), "et-consumer-"));
  try {
    mkdirSync(join(project, "node_modules"));
    symlinkSync(PKG, join(project, "node_modules/email-troubleshooter"), "dir");
    writeFileSync(join(project, "package.json"), JSON.stringify({ type: "module", private: true }));
    copyFileSync(join(CONSUMER, file), join(project, file));
    const program = ts.createProgram([join(project, file)], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      types: [],
      ...RESOLUTIONS[resolution],
    });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file
        ? `${diagnostic.file.fileName === join(project, file) ? "" : `${diagnostic.file.fileName} `}${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1}`
        : "(no file)";
      return `${where}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`;
    });
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

for (const resolution of Object.keys(RESOLUTIONS)) {
  test(`correct use compiles with no diagnostic (moduleResolution ${resolution})`, () => {
    assert.deepEqual(compile("correct.ts", resolution), []);
  });

  test(`each wrong use fails with its own diagnostic at its line (moduleResolution ${resolution})`, () => {
    const marked = readFileSync(join(CONSUMER, "wrong.ts"), "utf8")
      .split("\n")
      .flatMap((line, index) => {
        const mark = /\/\/ error (TS\d+): (.+)$/.exec(line);
        return mark ? [{ at: `${index + 1}: ${mark[1]}`, words: mark[2] }] : [];
      });
    assert.ok(marked.length >= 15, "wrong.ts marks its mistakes");
    const found = compile("wrong.ts", resolution);
    const shown = `diagnostics:\n${found.join("\n")}`;
    assert.deepEqual(
      found.map((diagnostic) => diagnostic.replace(/^(\d+: TS\d+) .*/s, "$1")),
      marked.map(({ at }) => at),
      shown,
    );
    marked.forEach(({ at, words }, index) => assert.ok(found[index].includes(words), `${at} says ${JSON.stringify(words)}; ${shown}`));
  });
}
