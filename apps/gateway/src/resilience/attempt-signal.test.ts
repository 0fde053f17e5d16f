import { describe, expect, it } from 'vitest';
import { Deadline } from '../deadline/deadline.ts';
import { ATTEMPT_EXPIRED, attemptSignal } from './attempt-signal.ts';

const aborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

describe('attemptSignal', () => {
  it('aborts with a TimeoutError and settles `expired` when the deadline passes', async () => {
    const attempt = attemptSignal(Deadline.in(5), []);
    expect(await attempt.expired).toBe(ATTEMPT_EXPIRED);
    expect(attempt.signal.aborted).toBe(true);
    expect((attempt.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(attempt.timedOut()).toBe(true);
    attempt.dispose();
  });

  it('is aborted at once by a deadline already spent', () => {
    const attempt = attemptSignal(Deadline.in(0), []);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.timedOut()).toBe(true);
  });

  it('follows the signals it is given, with their reason, and is no timeout then', async () => {
    const client = new AbortController();
    const attempt = attemptSignal(Deadline.in(60_000), [undefined, client.signal]);
    const done = aborted(attempt.signal);
    client.abort(new Error('client left'));
    await done;
    expect((attempt.signal.reason as Error).message).toBe('client left');
    expect(attempt.timedOut()).toBe(false);
    attempt.dispose();
  });

  it('starts aborted when a followed signal already is', () => {
    const attempt = attemptSignal(Deadline.in(60_000), [AbortSignal.abort('gone')]);
    expect(attempt.signal.reason).toBe('gone');
  });

  it('once disposed, neither the deadline nor a followed signal aborts it', async () => {
    const client = new AbortController();
    const attempt = attemptSignal(Deadline.in(20), [client.signal]);
    attempt.dispose();
    client.abort();
    // A later deadline of the same length would have passed by the time this one resolves.
    const later = attemptSignal(Deadline.in(40), []);
    await later.expired;
    expect(attempt.signal.aborted).toBe(false);
    expect(attempt.timedOut()).toBe(false);
  });
});
