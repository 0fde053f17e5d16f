/**
 * The SDK's own resilience against the real gateway: its retries (with the simulator's
 * faults making the gateway answer 503), Retry-After, the Idempotency-Key reused across
 * retries, deadlines, aborts and `Prefer: wait`. The simulator's `calls` counts what
 * reached the carrier, the witness that a retry never acted twice.
 */
import { pollUntil } from '@parcelgate/test-stack';
import { describe, expect, it } from 'vitest';
import {
  isCarrierUnavailable,
  isIdempotencyRequestInProgress,
  isTimeoutError,
  type RetryEvent,
} from '../../src/index.ts';
import { client, fault, interceptBody, rejection, sim, timed } from './support.ts';

/** A slow carrier's answer time: far past the budgets here, so an earlier answer was cut. */
const SLOW_CARRIER_MS = 10_000;

describe('retries', () => {
  it('retries a tracking read the gateway answered 503, until the carrier recovers', async () => {
    const trackingNumber = await sim().createParcel({ status: 'in_transit' });
    // The gateway tries 3 times within wait=1 and answers 503 carrier-unavailable; the SDK
    // then retries, and the gateway's next attempt finds the fault spent.
    await fault(trackingNumber, 'track', { type: 'status', code: 503 }, 3);
    const retries: RetryEvent[] = [];
    const tracking = await client({ onRetry: (event) => retries.push(event) }).tracking.get(
      'sandbox',
      trackingNumber,
      { preferWaitSeconds: 1 },
    );
    expect(tracking.status).toBe('in_transit');
    expect(retries.map((event) => event.status)).toEqual([503]);
    // carrier-unavailable says Retry-After: 1, the floor of the pause.
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(1_000);
    expect((await sim().parcel(trackingNumber)).calls.track).toBe(4);
  });

  it('without retries, the same 503 is a typed carrier-unavailable problem', async () => {
    const trackingNumber = await sim().createParcel({ status: 'in_transit' });
    await fault(trackingNumber, 'track', { type: 'status', code: 503 }, 3);
    const error = await rejection(
      client({ maxRetries: 0 }).tracking.get('sandbox', trackingNumber, { preferWaitSeconds: 1 }),
    );
    expect(isCarrierUnavailable(error)).toBe(true);
    expect(error).toMatchObject({ status: 503, carrier: 'sandbox', retryAfterSeconds: 1 });
  });

  it('waits out a rate limit the gateway passes on as Retry-After', async () => {
    const trackingNumber = await sim().createParcel({ status: 'in_transit' });
    // 2 s does not fit the gateway's 1 s budget: it answers 503 carrier-rate-limited at once.
    await fault(trackingNumber, 'track', { type: 'rate_limit', retryAfter: 2 }, 1);
    const retries: RetryEvent[] = [];
    const { value, elapsedMs } = await timed(() =>
      client({ onRetry: (event) => retries.push(event) }).tracking.get('sandbox', trackingNumber, {
        preferWaitSeconds: 1,
      }),
    );
    expect(value.trackingNumber).toBe(trackingNumber);
    expect(retries).toHaveLength(1);
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(2_000);
    expect(elapsedMs).toBeGreaterThanOrEqual(2_000);
    expect((await sim().parcel(trackingNumber)).calls.track).toBe(2);
  });

  it('retries an intercept refused with 503 under the same Idempotency-Key: one intercept', async () => {
    const trackingNumber = await sim().createParcel({ status: 'in_transit' });
    await fault(trackingNumber, 'intercept', { type: 'status', code: 503 }, 1);
    const keys: (string | null)[] = [];
    const intercept = await client({
      fetch: (request) => {
        keys.push(request.headers.get('idempotency-key'));
        return fetch(request);
      },
    }).intercepts.create(interceptBody(trackingNumber));

    expect(intercept.status).toBe('accepted');
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const parcel = await sim().parcel(trackingNumber);
    expect(parcel.calls.intercept).toBe(2);
    expect(parcel.interceptAttempts).toBe(1);
    expect(parcel.intercept).toMatchObject({ reference: intercept.id });
  });

  it('after a lost answer, the retry is replayed by the gateway: the carrier is called once', async () => {
    const trackingNumber = await sim().createParcel({ status: 'in_transit' });
    let attempts = 0;
    // The first answer is lost on the way back (the gateway did the work): a broken connection.
    const losesFirstAnswer = async (request: Request) => {
      attempts += 1;
      const response = await fetch(request);
      if (attempts === 1) {
        await response.body?.cancel();
        throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
      }
      return response;
    };
    const first = await client({ fetch: losesFirstAnswer }).intercepts.create(
      interceptBody(trackingNumber),
    );
    expect(attempts).toBe(2);
    expect(first.status).toBe('accepted');
    const parcel = await sim().parcel(trackingNumber);
    expect(parcel.calls.intercept).toBe(1);
    expect(parcel.intercept).toMatchObject({ reference: first.id });
  });

  it('waits for the first request with its key instead of failing with 409', async () => {
    const trackingNumber = await sim().createParcel({ status: 'in_transit' });
    await fault(trackingNumber, 'intercept', { type: 'latency', ms: 1_500 }, 1);
    const body = interceptBody(trackingNumber);
    const idempotencyKey = crypto.randomUUID();
    const first = client().intercepts.create(body, { idempotencyKey });
    // Once the carrier has the first request (its key is in progress), not after a guessed pause.
    await pollUntil(
      () => sim().parcel(trackingNumber),
      (parcel) => parcel.calls.intercept > 0,
    );

    const impatient = await rejection(
      client({ maxRetries: 0 }).intercepts.create(body, { idempotencyKey }),
    );
    expect(isIdempotencyRequestInProgress(impatient)).toBe(true);

    const retries: RetryEvent[] = [];
    const patient = await client({
      maxRetries: 4,
      onRetry: (event) => retries.push(event),
    }).intercepts.create(body, { idempotencyKey });
    expect(retries[0]?.status).toBe(409);
    const original = await first;
    expect(patient).toEqual(original);
    expect((await sim().parcel(trackingNumber)).calls.intercept).toBe(1);
  });
});

describe('deadlines, aborts and Prefer: wait', () => {
  it('gives up at timeoutMs while the gateway still waits on a hanging carrier', async () => {
    const trackingNumber = await sim().createParcel({ status: 'in_transit' });
    await fault(trackingNumber, 'track', { type: 'hang' });
    const { value: error, elapsedMs } = await timed(() =>
      rejection(client().tracking.get('sandbox', trackingNumber, { timeoutMs: 400 })),
    );
    // The SDK's own timeout error, not the gateway's 504 at its 2 s budget: the client gave up.
    expect(isTimeoutError(error)).toBe(true);
    expect(elapsedMs).toBeGreaterThanOrEqual(390);
  });

  it('keeps the Idempotency-Key on a timed-out intercept, so the same call can be replayed', async () => {
    const trackingNumber = await sim().createParcel({ status: 'in_transit' });
    await fault(trackingNumber, 'intercept', { type: 'latency', ms: 800 }, 1);
    const body = interceptBody(trackingNumber);
    const error = await rejection(client().intercepts.create(body, { timeoutMs: 200 }));
    expect(isTimeoutError(error)).toBe(true);
    const idempotencyKey = (error as { idempotencyKey: string }).idempotencyKey;
    expect(idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);

    // Sent again with the key from the error, the gateway answers the first request's outcome.
    const again = await client({ maxRetries: 5 }).intercepts.create(body, { idempotencyKey });
    expect(again.status).toBe('accepted');
    expect((await sim().parcel(trackingNumber)).calls.intercept).toBe(1);
  });

  it('stops at once when the caller aborts, with the caller’s reason', async () => {
    const trackingNumber = await sim().createParcel({ status: 'in_transit' });
    await fault(trackingNumber, 'track', { type: 'hang' });
    const controller = new AbortController();
    const reason = new Error('the user closed the page');
    setTimeout(() => controller.abort(reason), 200);
    const { value: error, elapsedMs } = await timed(() =>
      rejection(client().tracking.get('sandbox', trackingNumber, { signal: controller.signal })),
    );
    // The caller's reason, not the gateway's 504 at its budget: the abort ended the call.
    expect(error).toBe(reason);
    expect(elapsedMs).toBeGreaterThanOrEqual(190);
  });

  it('asks the gateway to answer within preferWaitSeconds: a slow intercept comes back pending', async () => {
    const trackingNumber = await sim().createParcel({ status: 'in_transit' });
    await fault(trackingNumber, 'intercept', { type: 'latency', ms: SLOW_CARRIER_MS }, 1);
    const { value: intercept, elapsedMs } = await timed(() =>
      client().intercepts.create(interceptBody(trackingNumber), { preferWaitSeconds: 1 }),
    );
    expect(intercept.status).toBe('pending');
    expect(intercept.nextActions).toContain('await_carrier_outcome');
    // Before the carrier's answer: the gateway's 1 s budget ended the wait.
    expect(elapsedMs).toBeLessThan(SLOW_CARRIER_MS);
    expect((await client().intercepts.get(intercept.id)).id).toBe(intercept.id);
  });
});
