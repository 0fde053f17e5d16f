import { describe, expect, it } from 'vitest';
import { declaredWindow, shareOf, splitEvenly } from './limit-shares.ts';

describe('limit shares', () => {
  it('splits a limit in whole parts that add up to it, the first replicas taking the rest', () => {
    for (const total of [1, 2, 5, 6, 7, 20, 100]) {
      for (let count = 1; count <= 8; count += 1) {
        const parts = Array.from({ length: count }, (_, rank) =>
          splitEvenly(total, { rank, count }),
        );
        expect(parts.reduce((sum, part) => sum + part, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }
    }
    expect([0, 1, 2].map((rank) => splitEvenly(7, { rank, count: 3 }))).toEqual([3, 2, 2]);
  });

  it('never gives a replica more under a longer list of replicas, whatever its new place', () => {
    for (const total of [1, 3, 5, 7, 10, 33, 100]) {
      for (let count = 1; count <= 8; count += 1) {
        for (let rank = 0; rank < count; rank += 1) {
          const before = splitEvenly(total, { rank, count });
          // A joining replica sorts before or after: this one's place stays or moves down.
          for (const after of [rank, rank + 1]) {
            expect(splitEvenly(total, { rank: after, count: count + 1 })).toBeLessThanOrEqual(
              before,
            );
          }
        }
      }
    }
  });

  it('keeps the declared window and splits its cap and the concurrency', () => {
    const limits = { requestsPerSecond: 6, burst: 6, maxConcurrency: 3 };
    expect(declaredWindow(limits)).toEqual({ cap: 6, intervalMs: 1_000 });
    expect(shareOf(limits, { rank: 0, count: 3 })).toEqual({
      concurrency: 1,
      window: { cap: 2, intervalMs: 1_000 },
    });
    expect(shareOf(limits, { rank: 1, count: 2 })).toEqual({
      concurrency: 1,
      window: { cap: 3, intervalMs: 1_000 },
    });
    // The sandbox's 50/s with a burst of 100: 100 starts in any 2 s, split 34, 33, 33.
    const sandbox = { requestsPerSecond: 50, burst: 100 };
    expect([0, 1, 2].map((rank) => shareOf(sandbox, { rank, count: 3 }).window?.cap)).toEqual([
      34, 33, 33,
    ]);
    expect(shareOf(sandbox, { rank: 0, count: 3 }).window?.intervalMs).toBe(2_000);
  });

  it('gives nothing without a seat, and no limit where none is declared', () => {
    expect(shareOf({ requestsPerSecond: 6, maxConcurrency: 3 }, null)).toEqual({
      concurrency: 0,
      window: { cap: 0, intervalMs: 1_000 },
    });
    expect(shareOf(undefined, { rank: 0, count: 2 })).toEqual({
      concurrency: Number.POSITIVE_INFINITY,
      window: undefined,
    });
  });
});
