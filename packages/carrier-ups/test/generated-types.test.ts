import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { GENERATED_FOLDER, renderSpecTypes, UPS_SPECS } from '../scripts/ups-spec-types.ts';

/**
 * The committed src/generated/*.ts must be exactly what openapi-typescript makes of the
 * UPS files in openapi/ today: an edited spec or a hand-edited type fails here until
 * `pnpm --filter @parcelgate/carrier-ups generate:types` is run and committed.
 */
describe('generated UPS wire types', () => {
  it.each(UPS_SPECS.map((spec) => [spec.output, spec] as const))(
    'src/generated/%s matches its spec',
    async (_name, spec) => {
      const committed = await readFile(new URL(spec.output, GENERATED_FOLDER), 'utf8');
      expect(committed === (await renderSpecTypes(spec))).toBe(true);
    },
  );
});
