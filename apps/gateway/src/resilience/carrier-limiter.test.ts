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

  it("lets tenants take turns: one tenant's burst does not starve another's call", async () => {
    const limiter = new CarrierLimiter({ rateLimits: { maxConcurrency: 1 }, queueLimit: 100 });
    const first = blocker();
    const order: string[] = [];
    const record = (name: string) => async () => {
      order.push(name);
      return name;
    };
    const running = limiter.run(first.task, 5_000, 'burst');
    const burst = Array.from({ length: 5 }, (_, index) =>
      limiter.run(record(`burst-${index}`), 5_000, 'burst'),
    );
    const other = limiter.run(record('other-0'), 5_000, 'other');
    first.release();
    await Promise.all([running, ...burst, other]);
    // The other tenant's only call runs second, not after the whole burst.
    expect(order.slice(0, 2)).toEqual(['burst-0', 'other-0']);
    expect(order).toHaveLength(6);
  });

  it("caps one tenant's share of the queue, leaving room for the others", async () => {
    const limiter = new CarrierLimiter({
      rateLimits: { maxConcurrency: 1 },
      queueLimit: 4,
      tenantShare: 0.5,
    });
    const first = blocker();
    const running = limiter.run(first.task, 5_000, 'burst');
    const queued = [
      limiter.run(first.task, 5_000, 'burst'),
      limiter.run(first.task, 5_000, 'burst'),
    ];
    expect((await rejection(limiter.run(first.task, 5_000, 'burst'))).reason).toBe('queue-full');
    const other = limiter.run(async () => 'other', 5_000, 'other');
    expect(limiter.waiting).toBe(3);
    first.release();
    await expect(Promise.all([running, ...queued, other])).resolves.toEqual([
      'done',
      'done',
      'done',
      'other',
    ]);
  });
});

describe('CarrierLimiter shares', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds every call while it has no seat, and starts them once a seat applies', async () => {
    const limiter = new CarrierLimiter({
      rateLimits: { requestsPerSecond: 6, burst: 6, maxConcurrency: 3 },
      queueLimit: 10,
      seat: null,
    });
    const started: number[] = [];
    const calls = Array.from({ length: 3 }, () =>
      limiter.run(async () => {
        started.push(Date.now());
      }, 10_000),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    expect(started).toHaveLength(0);
    limiter.setSeat({ rank: 0, count: 3 }, true);
    await vi.advanceTimersByTimeAsync(0);
    // Its share of 6 per second among 3 replicas: 2 now, the third a window later.
    expect(started).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(calls);
    expect(started).toHaveLength(3);
  });

  it('shrinks at once, counting the starts already in the window, and grows a window later', async () => {
    const limiter = new CarrierLimiter({
      rateLimits: { requestsPerSecond: 6, burst: 6 },
      queueLimit: 100,
    });
    let started = 0;
    const call = () =>
      limiter.run(async () => {
        started += 1;
      }, 60_000);
    const first = Array.from({ length: 4 }, call);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toBe(4);
    // Two more replicas: 2 per second, and 4 already started in this window.
    limiter.setSeat({ rank: 2, count: 3 });
    const second = Array.from({ length: 4 }, call);
    await vi.advanceTimersByTimeAsync(999);
    expect(started).toBe(4);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toBe(6);
    // Alone again: the larger share waits one window, so others' starts have left it.
    limiter.setSeat({ rank: 0, count: 1 });
    expect(limiter.share.window?.cap).toBe(2);
    expect(limiter.growing).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(limiter.share.window?.cap).toBe(6);
    await Promise.all([...first, ...second]);
    expect(started).toBe(8);
  });

  it('is settled only once its running calls fit a smaller concurrency', async () => {
    const limiter = new CarrierLimiter({ rateLimits: { maxConcurrency: 2 }, queueLimit: 10 });
    const slow = blocker();
    const running = [limiter.run(slow.task, 5_000), limiter.run(slow.task, 5_000)];
    limiter.setSeat({ rank: 1, count: 2 });
    expect(limiter.share.concurrency).toBe(1);
    expect(limiter.settled).toBe(false);
    slow.release();
    await Promise.all(running);
    expect(limiter.settled).toBe(true);
  });

  it('refuses the calls still waiting when cleared', async () => {
    const limiter = new CarrierLimiter({
      rateLimits: { maxConcurrency: 1 },
      queueLimit: 10,
      seat: null,
    });
    const waiting = rejection(limiter.run(async () => 'never', 5_000));
    limiter.clear();
    expect((await waiting).reason).toBe('queue-full');
  });
});
