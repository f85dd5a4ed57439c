#!/usr/bin/env node
// Validates add-in manifests against the vendored XSDs in schemas/manifest/ with xmllint-wasm,
// so it works offline (`npm run validate` needs Microsoft's web service).
// Usage: node scripts/validate-manifest.js [manifest.xml ...]   — exits 1 on any error.
'use strict';

const fs = require('fs');
const path = require('path');
const { validateXML } = require('xmllint-wasm');

const SCHEMA_DIR = path.join(__dirname, '..', 'schemas', 'manifest');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';

function loadSchemas() {
  const others = fs
    .readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.xsd') && name !== MAIN_SCHEMA)
    .map((name) => ({ fileName: name, contents: fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8') }));
  const main = { fileName: MAIN_SCHEMA, contents: fs.readFileSync(path.join(SCHEMA_DIR, MAIN_SCHEMA), 'utf8') };
  return { main, others };
}

/**
 * @param {string} xml manifest text
 * @param {string} [fileName] name used in messages
 * @returns {Promise<{ valid: boolean, errors: { line: number | null, message: string }[] }>}
 */
async function validateManifest(xml, fileName = 'manifest.xml') {
  const { main, others } = loadSchemas();
  // The schemas import each other by bare file name, so every one must sit in xmllint's in-memory FS.
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [main],
    preload: others,
  });
  const errors = result.errors.map((e) => ({
    line: e.loc ? e.loc.lineNumber : null,
    message: e.message,
  }));
  return { valid: result.valid, errors };
}

async function main(files) {
  let failed = false;
  for (const file of files) {
    const { valid, errors } = await validateManifest(fs.readFileSync(file, 'utf8'), path.basename(file));
    if (valid) {
      console.log(`${file}: valid (schemas/manifest/${MAIN_SCHEMA})`);
      continue;
    }
    failed = true;
    // Unlocated lines are xmllint's echo of the offending source text; show them only if nothing else.
    const located = errors.filter((e) => e.line !== null);
    for (const e of located.length > 0 ? located : errors) console.error(`${file}:${e.line ?? '?'}: ${e.message}`);
    if (errors.length === 0) console.error(`${file}: invalid (xmllint gave no details)`);
  }
  process.exitCode = failed ? 1 : 0;
}

module.exports = { validateManifest, SCHEMA_DIR };

if (require.main === module) {
  const files = process.argv.slice(2);
  main(files.length > 0 ? files : ['manifest.xml']).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 2;
  });
}
