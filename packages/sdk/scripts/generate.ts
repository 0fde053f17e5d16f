/**
 * Writes the SDK's generated sources from the OpenAPI document: `node scripts/generate.ts`
 * rewrites src/generated/openapi.ts (the types) and src/generated/problem-types.ts and
 * problem-guards.ts (the problem table and its `is<Type>` guards, from the document's
 * `x-problem-types`); `--check` only compares and exits 1 when a committed file drifted
 * from the document (CI runs it as `pnpm sdk:check`). `--input <file>` reads
 * another document, e.g. to try a change before regenerating the real one.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { parse } from 'yaml';
import {
  documentedProblemTypes,
  renderProblemGuards,
  renderProblemTypes,
} from './problem-sources.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const generatedFolder = new URL('../src/generated/', import.meta.url);

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
const problemTypes = documentedProblemTypes(parse(await readFile(input, 'utf8')));
const outputs = new Map([
  [fileURLToPath(new URL('openapi.ts', generatedFolder)), header + astToString(ast)],
  [fileURLToPath(new URL('problem-types.ts', generatedFolder)), renderProblemTypes(problemTypes)],
  [fileURLToPath(new URL('problem-guards.ts', generatedFolder)), renderProblemGuards(problemTypes)],
]);

let drifted = false;
for (const [output, generated] of outputs) {
  if (values.check) {
    const committed = await readFile(output, 'utf8').catch(() => '');
    if (committed !== generated) {
      drifted = true;
      console.error(
        `${relative(repoRoot, output)} is out of date with ${relative(repoRoot, input)}: run \`pnpm sdk:generate\` and commit the result.`,
      );
    } else {
      console.log(`${relative(repoRoot, output)} matches ${relative(repoRoot, input)}.`);
    }
  } else {
    await writeFile(output, generated);
    console.log(`wrote ${relative(repoRoot, output)} from ${relative(repoRoot, input)}.`);
  }
}
if (drifted) {
  process.exit(1);
}
