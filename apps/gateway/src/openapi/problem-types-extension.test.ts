import { describe, expect, it } from 'vitest';
import { PROBLEM_BASE_URI, PROBLEM_TYPES } from '../problems.ts';
import { problemTypesExtension } from './problem-types-extension.ts';

describe('problemTypesExtension', () => {
  it('is the whole problem table, in its order, with each URI, status and title', () => {
    const extension = problemTypesExtension();
    expect(Object.keys(extension)).toEqual(Object.keys(PROBLEM_TYPES));
    for (const [slug, { status, title }] of Object.entries(PROBLEM_TYPES)) {
      expect(extension[slug]).toMatchObject({ type: PROBLEM_BASE_URI + slug, status, title });
      expect(extension[slug]?.description).toMatch(/\S\.$/);
    }
  });

  it("tells the carriers' callback problems from the clients' ones", () => {
    const forCarriers = Object.entries(problemTypesExtension())
      .filter(([, entry]) => entry.audience === 'carriers')
      .map(([slug]) => slug);
    expect(forCarriers).toEqual([
      'callback-unreadable',
      'callback-unauthenticated',
      'callbacks-not-supported',
    ]);
  });
});
