import { describe, expect, it } from 'vitest';
import { type ActionKind, CODE_LISTS, forwardOrder, isFinal, problemStatus } from './code-lists.ts';
import { codeSpans, readDoc, tableAfter } from './markdown-tables.ts';

/** Where each checked table is. */
const TABLE_DOCS: Readonly<Record<string, string>> = {
  'parcel-statuses': 'domain.md',
  'intercept-reasons': 'domain.md',
  'pickup-modes': 'domain.md',
  'policy-reasons': 'domain.md',
  'policy-warnings': 'domain.md',
  'next-actions': 'domain.md',
  'problem-types': 'domain.md',
  'intercept-statuses': 'lifecycle.md',
  'redirect-statuses': 'lifecycle.md',
  'transition-causes': 'lifecycle.md',
  'cancel-refusals': 'lifecycle.md',
  'event-types': 'events.md',
};

function documented(list: string): string[] {
  const doc = TABLE_DOCS[list];
  if (doc === undefined) {
    throw new Error(`say in TABLE_DOCS which document holds the table "${list}"`);
  }
  return tableAfter(readDoc(doc), `codes: ${list}`).map((row) => codeSpans(row[0])[0] ?? '');
}

describe('the codes in docs/', () => {
  it.each(Object.keys(CODE_LISTS))('list every code of %s, and no other', (list) => {
    const inCode = [...(CODE_LISTS[list] ?? [])].sort();
    expect(documented(list).sort()).toEqual(inCode);
  });

  it('give every problem type its HTTP status', () => {
    const rows = tableAfter(readDoc('domain.md'), 'codes: problem-types');
    const wrong = rows
      .map((row) => ({ type: codeSpans(row[0])[0] ?? '', status: Number(row[1]) }))
      .filter(({ type, status }) => problemStatus(type) !== status)
      .map(({ type, status }) => `${type}: ${status} in the docs, ${problemStatus(type)} in code`);
    expect(wrong).toEqual([]);
  });
});

describe('docs/lifecycle.md', () => {
  const kinds: readonly ActionKind[] = ['intercept', 'redirect'];

  it.each(kinds)('says which %s statuses are final', (kind) => {
    const rows = tableAfter(readDoc('lifecycle.md'), `codes: ${kind}-statuses`);
    const wrong = rows
      .map((row) => ({ status: codeSpans(row[0])[0] ?? '', final: row[1] === 'yes' }))
      .filter(({ status, final }) => isFinal(kind, status) !== final)
      .map(({ status, final }) => `${status}: ${final ? 'final' : 'open'} in the docs`);
    expect(wrong).toEqual([]);
  });

  it.each(kinds)('gives the forward order of %s statuses', (kind) => {
    const statuses = CODE_LISTS[`${kind}-statuses`] ?? [];
    const rows = tableAfter(readDoc('lifecycle.md'), `codes: ${kind}-forward`);
    expect(rows.map((row) => codeSpans(row[0])[0])).toEqual(forwardOrder(kind, statuses));
  });
});
