// The package's descriptions of the element agree with the schema and with the README:
// custom-elements.json against the custom-elements-manifest schema, and its attributes,
// events and CSS custom properties, and the .d.ts's settings keys and events, against the
// README's tables.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import Ajv from "ajv";
import ts from "typescript";
import { PKG, ROOT, readJson, readmeTable, sorted } from "./support.mjs";

const manifest = () => readJson(join(PKG, "custom-elements.json"));
const element = () => {
  const found = manifest().modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement);
  assert.equal(found.length, 1, "the manifest declares one custom element");
  return found[0];
};

// The README's rows: settings (attribute, JSON key), events, theming properties.
const settingsRows = () => readmeTable("Settings");
const readmeAttributes = () => settingsRows().map(([attribute]) => attribute).filter((attribute) => attribute !== "(none)");
const readmeJsonKeys = () => settingsRows().map(([, key]) => key);
const readmeEvents = () => readmeTable("Events").map(([event]) => event);
const readmeProperties = () => readmeTable("Theming").map(([property]) => property);
const readme = () => readFileSync(join(ROOT, "README.md"), "utf8");

test("custom-elements.json is valid against the custom-elements-manifest schema", () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(createRequire(import.meta.url)("custom-elements-manifest/schema.json"), "cem");
  const check = (definition, value) => {
    const validate = ajv.getSchema(`cem${definition}`);
    assert.ok(validate(value), `${definition}: ${ajv.errorsText(validate.errors)}`);
  };
  check("", manifest());
  assert.match(manifest().schemaVersion, /^2\./);
  // A declaration is valid if it fits any kind, and a plain class takes any field: so the
  // element and mount() are checked as what they are, too.
  check("#/definitions/CustomElementDeclaration", element());
  const mount = manifest().modules[0].declarations.find((declaration) => declaration.kind === "function");
  check("#/definitions/FunctionDeclaration", mount);
});

test("the manifest describes <email-troubleshooter>, its default slot, mount() and the definition", () => {
  const declared = element();
  assert.equal(declared.tagName, "email-troubleshooter");
  assert.deepEqual(
    declared.slots.map((slot) => slot.name),
    [""],
  );
  const [module] = manifest().modules;
  assert.equal(module.path, "email-troubleshooter.js");
  assert.ok(module.declarations.some((declaration) => declaration.kind === "function" && declaration.name === "mount"));
  assert.deepEqual(
    sorted(module.exports.map((exported) => `${exported.kind} ${exported.name} -> ${exported.declaration.name}`)),
    ["custom-element-definition email-troubleshooter -> EmailTroubleshooter", "js mount -> mount"],
  );
});

test("the manifest's attributes are the README's settings table's, plus config", () => {
  // `config` takes JSON, so the table has no row for it; the README names it above the table.
  assert.match(readme(), /in a `config` attribute/);
  assert.ok(readmeAttributes().length >= 17, "the README's settings table is read");
  assert.deepEqual(sorted(element().attributes.map((attribute) => attribute.name)), sorted([...readmeAttributes(), "config"]));
});

test("the manifest's events are the README's events table's", () => {
  assert.deepEqual(sorted(element().events.map((event) => event.name)), sorted(readmeEvents()));
});

test("the manifest's CSS properties are the README's theming table's, plus --et-reserved-height", () => {
  // Documented under "No layout jump": the room kept while the widget loads.
  assert.match(readme(), /`--et-reserved-height` changes it/);
  assert.ok(readmeProperties().length >= 11, "the README's theming table is read");
  assert.deepEqual(sorted(element().cssProperties.map((property) => property.name)), sorted([...readmeProperties(), "--et-reserved-height"]));
});

// The .d.ts as the TypeScript compiler reads it: the members of an exported interface.
function interfaceMembers(name) {
  const file = join(PKG, "email-troubleshooter.d.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const found = source.statements.find((statement) => ts.isInterfaceDeclaration(statement) && statement.name.text === name);
  assert.ok(found, `the .d.ts declares ${name}`);
  return found.members.map((member) => {
    assert.ok(member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)), `${name} has only named members`);
    return member.name.text;
  });
}

test("the .d.ts settings keys are the README's JSON keys", () => {
  assert.ok(readmeJsonKeys().length >= 18, "the README's settings table is read");
  assert.deepEqual(sorted(interfaceMembers("TroubleshooterSettings")), sorted(readmeJsonKeys()));
});

test("the .d.ts events are the README's", () => {
  assert.deepEqual(sorted(interfaceMembers("TroubleshooterEventMap")), sorted(readmeEvents()));
});
