/**
 * Writes openapi/parcelgate.yaml from the gateway's route schemas, or with `--check`
 * verifies that the committed file is what the schemas produce (exit 1 and a diff summary
 * when it is not). Runs directly under Node 24: `node scripts/generate-openapi.ts [--check]`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { compareDocuments } from '../src/openapi/document-drift.ts';
import { renderDocumentYaml } from '../src/openapi/render-document.ts';

const DOCUMENT_PATH = fileURLToPath(new URL('../../../openapi/parcelgate.yaml', import.meta.url));

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--check');
if (unknown.length > 0) {
  console.error(`Unknown argument ${unknown.join(' ')}. Usage: generate-openapi.ts [--check]`);
  process.exit(2);
}

const generated = await generateDocument();
if (args.includes('--check')) {
  const committed = await readFile(DOCUMENT_PATH, 'utf8').catch(() => '');
  const drift = compareDocuments(committed, generated);
  if (drift.identical) {
    console.log('openapi/parcelgate.yaml is up to date.');
  } else {
    console.error(drift.summary);
    process.exitCode = 1;
  }
} else {
  await writeFile(DOCUMENT_PATH, generated);
  console.log(`Wrote ${DOCUMENT_PATH}.`);
}

/**
 * Builds the app as a test would (in-memory database, no logger, no carriers: the document
 * depends on the routes only) from a fixed configuration, never the caller's environment,
 * so every machine produces the same bytes.
 */
async function generateDocument(): Promise<string> {
  const app = await buildApp({
    config: loadConfig({ PARCELGATE_DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }),
    carriers: [],
    logger: false,
  });
  try {
    await app.ready();
    return renderDocumentYaml(app.swagger());
  } finally {
    await app.close();
  }
}
