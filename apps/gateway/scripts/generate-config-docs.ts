/**
 * Writes the variables tables of docs/configuration.md and the README from the
 * configuration schema (src/config/config-schema.ts) and the installed adapters' declared
 * credentials, or with `--check` fails (exit 1) when a committed file drifted from them.
 * Runs directly under Node 24: `node scripts/generate-config-docs.ts [--check]`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defaultCarrierPackages, loadCarriers } from '../src/carriers/load-carriers.ts';
import { GENERATED_DOCS, renderConfigDocs, spliceGenerated } from '../src/config/config-docs.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--check');
if (unknown.length > 0) {
  console.error(`Unknown argument ${unknown.join(' ')}. Usage: generate-config-docs.ts [--check]`);
  process.exit(2);
}

const blocks = renderConfigDocs(await loadCarriers(await defaultCarrierPackages()));
for (const { path, block } of GENERATED_DOCS) {
  const file = `${ROOT}${path}`;
  const committed = await readFile(file, 'utf8');
  const generated = spliceGenerated(committed, block, blocks[block]);
  if (!args.includes('--check')) {
    if (generated !== committed) {
      await writeFile(file, generated);
      console.log(`Wrote ${path}.`);
    }
  } else if (generated === committed) {
    console.log(`${path} is up to date.`);
  } else {
    console.error(
      `${path} drifted from the configuration schema: run \`pnpm config:docs\` and commit it.`,
    );
    process.exitCode = 1;
  }
}
