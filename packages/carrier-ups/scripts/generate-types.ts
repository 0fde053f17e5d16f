/**
 * Writes src/generated/*.ts from UPS's OpenAPI files in openapi/ with openapi-typescript:
 * `node scripts/generate-types.ts`. test/generated-types.test.ts fails when the committed
 * files drift from what this writes.
 */
import { writeFile } from 'node:fs/promises';
import { GENERATED_FOLDER, renderSpecTypes, UPS_SPECS } from './ups-spec-types.ts';

for (const spec of UPS_SPECS) {
  const target = new URL(spec.output, GENERATED_FOLDER);
  await writeFile(target, await renderSpecTypes(spec));
  console.log(`wrote src/generated/${spec.output} from openapi/${spec.source}`);
}
