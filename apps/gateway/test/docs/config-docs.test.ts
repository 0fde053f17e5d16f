import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultCarrierPackages, loadCarriers } from '../../src/carriers/load-carriers.ts';
import { GENERATED_DOCS, renderConfigDocs, spliceGenerated } from '../../src/config/config-docs.ts';
import { CONFIG_SCHEMA } from '../../src/config/config-schema.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

// The drift check of `pnpm config:check`, as a test: the committed tables are what the
// schema and the installed adapters' declarations produce.
describe('the generated variables tables', () => {
  it.each(GENERATED_DOCS)(
    'in $path are up to date (run `pnpm config:docs`)',
    async ({ path, block }) => {
      const committed = readFileSync(`${ROOT}${path}`, 'utf8');
      const blocks = renderConfigDocs(await loadCarriers(await defaultCarrierPackages()));
      expect(spliceGenerated(committed, block, blocks[block])).toBe(committed);
    },
  );

  it('name every variable of the schema and every installed carrier credential', async () => {
    const text = readFileSync(`${ROOT}docs/configuration.md`, 'utf8');
    const carriers = await loadCarriers(await defaultCarrierPackages());
    const names = [
      ...Object.keys(CONFIG_SCHEMA.properties),
      ...carriers.flatMap((carrier) =>
        carrier.credentials.map(
          (field) => `CARRIER_${carrier.id.toUpperCase().replaceAll('-', '_')}_${field.env}`,
        ),
      ),
    ];
    expect(names.length).toBeGreaterThan(60);
    expect(names.filter((name) => !text.includes(`| \`${name}\` |`))).toEqual([]);
  });
});
