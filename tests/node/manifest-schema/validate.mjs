// Validates Teams app manifests and their language files against the JSON schemas bundled in
// @microsoft/app-manifest, offline.
//
//   node validate.mjs <file.json> [<file.json> ...]
//
// Each file names its schema in "$schema" (MicrosoftTeams.schema.json or MicrosoftTeams.Localization.schema.json).
// The schema is read from the package's own folder and handed to AppManifestUtils.validateAgainstSchema, so the
// package never falls back to downloading it; fetch is disabled as a second guard.
// Prints one JSON line per file ({ file, schema, valid, errors }) and exits 0 when all are valid, 1 when any is
// invalid, 2 when a file cannot be checked at all (unreadable, no $schema, schema not bundled).

import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

globalThis.fetch = () => {
  throw new Error("validate.mjs runs offline: a schema that is not bundled cannot be fetched.");
};

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require("@microsoft/app-manifest");
const packageRoot = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
const bundledSchemas = path.join(packageRoot, "build", "json-schemas", "teams");

// https://developer.microsoft.com[/en-us]/json-schemas/teams/v1.29/MicrosoftTeams[.Localization].schema.json
const schemaUrlPattern =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[0-9]+\.[0-9]+|vDevPreview)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/i;

// The published localization schemas (all versions bundled here) contain two patternProperties keys ending in
// "\\b]\\." (activities.activityTypes[n].description / .templateText). Ajv compiles patterns with the "u" flag, where a
// lone "]" is a syntax error, so the schema would not compile at all (reported upstream: MicrosoftDocs/msteams-docs#8858).
// Without the "u" flag the "]" is a literal bracket; escaping it keeps exactly that meaning and lets Ajv compile.
function repairLoneBrackets(schema) {
  if (!schema.patternProperties) {
    return schema;
  }
  const repaired = {};
  for (const [pattern, rule] of Object.entries(schema.patternProperties)) {
    let key = pattern;
    try {
      new RegExp(key, "u");
    } catch {
      key = key.replace(/\\b\](?=\\\.)/g, "\\b\\]");
      new RegExp(key, "u"); // still broken: fail loudly rather than validate against a changed schema
    }
    repaired[key] = rule;
  }
  return { ...schema, patternProperties: repaired };
}

async function check(file) {
  const text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
  const document = JSON.parse(text);
  const match = typeof document.$schema === "string" ? schemaUrlPattern.exec(document.$schema) : null;
  if (!match) {
    throw new Error(`"$schema" is missing or not a Teams schema URL: ${JSON.stringify(document.$schema)}`);
  }
  const schemaFile = path.join(bundledSchemas, match[1], match[2]);
  if (!existsSync(schemaFile)) {
    throw new Error(`@microsoft/app-manifest does not bundle ${match[1]}/${match[2]}`);
  }
  // The package cleans \a and \v escapes that some published schemas contain before parsing; do the same.
  const schemaText = (await readFile(schemaFile, "utf8")).replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b");
  const schema = repairLoneBrackets(JSON.parse(schemaText));
  const errors = await AppManifestUtils.validateAgainstSchema(document, schema);
  return { file, schema: `${match[1]}/${match[2]}`, valid: errors.length === 0, errors };
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.mjs <file.json> [<file.json> ...]");
  process.exit(2);
}

let exitCode = 0;
for (const file of files) {
  try {
    const result = await check(file);
    console.log(JSON.stringify(result));
    if (!result.valid) {
      exitCode = Math.max(exitCode, 1);
    }
  } catch (error) {
    console.log(JSON.stringify({ file, valid: false, errors: [String(error?.message ?? error)] }));
    exitCode = 2;
  }
}
process.exit(exitCode);
