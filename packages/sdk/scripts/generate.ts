/**
 * Writes the SDK's types from the OpenAPI document: `node scripts/generate.ts` rewrites
 * src/generated/openapi.ts; `--check` only compares and exits 1 when the committed file
 * drifted from the document (CI runs it as `pnpm sdk:check`). `--input <file>` reads
 * another document, e.g. to try a change before regenerating the real one.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const output = fileURLToPath(new URL('../src/generated/openapi.ts', import.meta.url));

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    input: { type: 'string', default: resolve(repoRoot, 'openapi/parcelgate.yaml') },
  },
});
const input = resolve(values.input);

// Say where the file comes from and how to remake it, above openapi-typescript's own header.
const header = `${COMMENT_HEADER}// Source: openapi/parcelgate.yaml. Regenerate with \`pnpm sdk:generate\`.\n\n`;

const ast = await openapiTS(pathToFileURL(input), {
  // Absent optional fields stay optional, present ones keep the document's nullability.
  silent: true,
});
const generated = header + astToString(ast);

if (values.check) {
  const committed = await readFile(output, 'utf8').catch(() => '');
  if (committed !== generated) {
    console.error(
      `${relative(repoRoot, output)} is out of date with ${relative(repoRoot, input)}: run \`pnpm sdk:generate\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`${relative(repoRoot, output)} matches ${relative(repoRoot, input)}.`);
} else {
  await writeFile(output, generated);
  console.log(`wrote ${relative(repoRoot, output)} from ${relative(repoRoot, input)}.`);
}
