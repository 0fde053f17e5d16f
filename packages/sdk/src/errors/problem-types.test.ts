import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { guardName } from '../../scripts/problem-sources.ts';
import * as guards from './problem-guards.ts';
import { PROBLEM_TYPE_BASE, PROBLEM_TYPES, problemTypeOf } from './problem-types.ts';

/** Operations the SDK never calls: the carriers' callbacks (their problems answer carriers). */
const NOT_FOR_CLIENTS = /^\/v1\/carrier-callbacks\//;

/**
 * Every problem example of the OpenAPI document, by the path that answers it. The document
 * is YAML as the gateway writes it: paths at two spaces, each example's `type`, `title` and
 * `status` on consecutive lines.
 */
async function readDocument(): Promise<string> {
  return readFile(new URL('../../../../openapi/parcelgate.yaml', import.meta.url), 'utf8');
}

async function documentedProblems(): Promise<{ path: string; slug: string; status: number }[]> {
  const document = await readDocument();
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

/** An entry of the document's `x-problem-types`, as far as this test reads it. */
interface Entry {
  readonly type: string;
  readonly status: number;
  readonly audience: string;
}

describe('the generated problem table and guards', () => {
  it("are the document's x-problem-types for clients, and none of the carriers'", async () => {
    const table = (parse(await readDocument()) as { 'x-problem-types': Record<string, Entry> })[
      'x-problem-types'
    ];
    const forClients = Object.entries(table).filter(([, entry]) => entry.audience === 'clients');
    expect(forClients.length).toBeGreaterThan(30);
    expect(PROBLEM_TYPES).toEqual(
      Object.fromEntries(forClients.map(([slug, entry]) => [slug, entry.status])),
    );
    for (const [slug, entry] of forClients) {
      expect(problemTypeOf(entry.type)).toBe(slug);
      expect(typeof (guards as Record<string, unknown>)[guardName(slug)]).toBe('function');
    }
    expect(problemTypeOf(`${PROBLEM_TYPE_BASE}callback-unreadable`)).toBeUndefined();
  });
});
