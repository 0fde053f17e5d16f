import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PROBLEM_TYPE_BASE, PROBLEM_TYPES } from './problem-types.ts';

/** Operations the SDK never calls: the carriers' callbacks (their problems answer carriers). */
const NOT_FOR_CLIENTS = /^\/v1\/carrier-callbacks\//;

/**
 * Every problem example of the OpenAPI document, by the path that answers it. The document
 * is YAML as the gateway writes it: paths at two spaces, each example's `type`, `title` and
 * `status` on consecutive lines.
 */
async function documentedProblems(): Promise<{ path: string; slug: string; status: number }[]> {
  const document = await readFile(
    new URL('../../../../openapi/parcelgate.yaml', import.meta.url),
    'utf8',
  );
  const paths = document.slice(document.indexOf('\npaths:\n'), document.indexOf('\ncomponents:\n'));
  const found: { path: string; slug: string; status: number }[] = [];
  for (const section of paths.split(/\n(?= {2}\/)/).slice(1)) {
    const path = section.slice(2, section.indexOf(':'));
    const examples = section.matchAll(
      new RegExp(
        `type: ${PROBLEM_TYPE_BASE}([a-z-]+)\\n\\s+title: .*\\n\\s+status: (\\d+)\\n`,
        'g',
      ),
    );
    for (const [, slug = '', status = ''] of examples) {
      found.push({ path, slug, status: Number(status) });
    }
  }
  return found;
}

describe('PROBLEM_TYPES', () => {
  it('has every problem type an operation of the document answers, with its status', async () => {
    const documented = await documentedProblems();
    // The parse found the document's examples (a format change must not pass silently).
    expect(documented.length).toBeGreaterThan(50);
    expect(documented.map((problem) => problem.path)).toContain('/v1/parcels');

    const table: Readonly<Record<string, number>> = PROBLEM_TYPES;
    const mismatches = documented
      .filter((problem) => !NOT_FOR_CLIENTS.test(problem.path))
      .filter((problem) => table[problem.slug] !== problem.status)
      .map((problem) => `${problem.path}: ${problem.slug} ${problem.status}`);
    expect([...new Set(mismatches)]).toEqual([]);
  });
});
