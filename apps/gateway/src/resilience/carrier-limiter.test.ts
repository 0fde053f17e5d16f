import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CarrierLimiter, LimiterRejectedError } from './carrier-limiter.ts';

/** A task that runs until released. */
function blocker() {
  let release: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { task: () => done.then(() => 'done'), release };
}

async function rejection(promise: Promise<unknown>): Promise<LimiterRejectedError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LimiterRejectedError);
  return error as LimiterRejectedError;
}

describe('CarrierLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at most maxConcurrency at once and refuses past the queue bound', async () => {
    const limiter = new CarrierLimiter({
      rateLimits: { maxConcurrency: 2, requestsPerSecond: 10 },
      queueLimit: 1,
    });
    const first = blocker();
    const running = [limiter.run(first.task, 5_000), limiter.run(first.task, 5_000)];
    const queued = limiter.run(async () => 'queued', 5_000);
    expect(limiter.running).toBe(2);
    expect(limiter.waiting).toBe(1);
    const refused = await rejection(limiter.run(async () => 'refused', 5_000));
    expect(refused.reason).toBe('queue-full');
    // Two waiting calls drain in 0.2 s at 10/s; the client is told at least 1 s.
    expect(refused.retryAfterMs).toBe(1_000);
    first.release();
    await expect(Promise.all([...running, queued])).resolves.toEqual(['done', 'done', 'queued']);
  });

  it('takes a waiting call out of the queue when its deadline passes, without running it', async () => {
    const limiter = new CarrierLimiter({ rateLimits: { maxConcurrency: 1 }, queueLimit: 10 });
    const first = blocker();
    const running = limiter.run(first.task, 5_000);
    const ran = vi.fn(async () => 'late');
    const waiting = rejection(limiter.run(ran, 300));
    await vi.advanceTimersByTimeAsync(299);
    expect(limiter.waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await waiting).reason).toBe('deadline');
    expect(limiter.waiting).toBe(0);
    first.release();
    await running;
    expect(ran).not.toHaveBeenCalled();
  });

  it('never abandons a call that started, even past its wait limit', async () => {
    const limiter = new CarrierLimiter({ rateLimits: { maxConcurrency: 1 }, queueLimit: 10 });
    const slow = blocker();
    const result = limiter.run(slow.task, 100);
    await vi.advanceTimersByTimeAsync(1_000);
    slow.release();
    await expect(result).resolves.toBe('done');
  });

  it('refuses at once when no time is left', async () => {
    const limiter = new CarrierLimiter({ rateLimits: undefined, queueLimit: 10 });
    expect((await rejection(limiter.run(async () => 'x', 0))).reason).toBe('deadline');
  });

  it('spaces calls by the declared rate: at most `burst` per burst/rate seconds', async () => {
    const limiter = new CarrierLimiter({
      rateLimits: { requestsPerSecond: 2, burst: 2 },
      queueLimit: 10,
    });
    const started: number[] = [];
    const calls = Array.from({ length: 4 }, () =>
      limiter.run(async () => {
        started.push(Date.now());
      }, 10_000),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(calls);
    expect(started).toHaveLength(4);
  });
});
