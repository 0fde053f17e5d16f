import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJobBatch } from './job-batch.ts';

describe('createJobBatch', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stores the jobs added within the window in one insert, and resolves each once stored', async () => {
    const inserts: number[][] = [];
    const batch = createJobBatch<number>({
      windowMs: 10,
      maxSize: 100,
      insert: async (jobs) => {
        inserts.push(jobs);
      },
    });
    const added = [batch.add(1), batch.add(2), batch.add(3)];
    expect(inserts).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    await Promise.all(added);
    expect(inserts).toEqual([[1, 2, 3]]);
    const fourth = batch.add(4);
    await vi.advanceTimersByTimeAsync(10);
    await fourth;
    expect(inserts).toEqual([[1, 2, 3], [4]]);
  });

  it('sends a full batch at once, without waiting for the window', async () => {
    const inserts: number[][] = [];
    const batch = createJobBatch<number>({
      windowMs: 60_000,
      maxSize: 2,
      insert: async (jobs) => {
        inserts.push(jobs);
      },
    });
    await Promise.all([batch.add(1), batch.add(2)]);
    expect(inserts).toEqual([[1, 2]]);
  });

  it('rejects every job of a batch that could not be stored, and stores the next one', async () => {
    let fail = true;
    const inserts: number[][] = [];
    const batch = createJobBatch<number>({
      windowMs: 5,
      maxSize: 100,
      insert: async (jobs) => {
        if (fail) {
          throw new Error('database down');
        }
        inserts.push(jobs);
      },
    });
    const first = [batch.add(1), batch.add(2)].map((added) => added.catch((error: Error) => error));
    await vi.advanceTimersByTimeAsync(5);
    expect((await Promise.all(first)).map((error) => (error as Error).message)).toEqual([
      'database down',
      'database down',
    ]);
    fail = false;
    const next = batch.add(3);
    await vi.advanceTimersByTimeAsync(5);
    await next;
    expect(inserts).toEqual([[3]]);
  });

  it('stores what it holds when flushed (at shutdown)', async () => {
    const inserts: number[][] = [];
    const batch = createJobBatch<number>({
      windowMs: 60_000,
      maxSize: 100,
      insert: async (jobs) => {
        inserts.push(jobs);
      },
    });
    const added = batch.add(7);
    await batch.flush();
    await added;
    expect(inserts).toEqual([[7]]);
    await batch.flush();
    expect(inserts).toEqual([[7]]);
  });
});
