/**
 * The gateway's own protections seen through the SDK, on a stack of its own: one call at a
 * time to the sandbox with no queue (so a second concurrent call is `carrier-busy`), and a
 * circuit breaker that opens for 1 s when half of at least 3 calls failed (`circuit-open`). Both answer 503
 * with Retry-After without calling the carrier, so the SDK waits and retries them.
 */
import { pollUntil, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createParcelgateClient,
  isCarrierBusy,
  isCircuitOpen,
  type ParcelgateClientOptions,
  type RetryEvent,
} from '../../src/index.ts';
import { rejection } from './support.ts';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    seed: 'sdk-e2e-protection',
    gatewayEnv: () => ({
      CARRIER_SANDBOX_MAX_CONCURRENCY: '1',
      PARCELGATE_CARRIER_QUEUE_LIMIT: '0',
      PARCELGATE_BREAKER_MIN_CALLS: '3',
      PARCELGATE_BREAKER_FAILURE_PERCENT: '50',
      PARCELGATE_BREAKER_OPEN_MS: '1000',
      LOG_LEVEL: 'warn',
    }),
  });
});

afterAll(async () => {
  await stack?.stop();
});

function client(options: Partial<ParcelgateClientOptions> = {}) {
  return createParcelgateClient({ baseUrl: stack.gatewayUrl, apiKey: stack.apiKey, ...options });
}

describe('carrier-busy', () => {
  it('is a typed problem without retries, and a short wait with them', async () => {
    const slow = await stack.sim.createParcel({ status: 'in_transit' });
    const other = await stack.sim.createParcel({ status: 'in_transit' });
    await stack.sim.addFault({
      carrier: 'sandbox',
      operation: 'track',
      trackingNumber: slow,
      count: 1,
      fault: { type: 'latency', ms: 1_200 },
    });
    const holdingTheSlot = client().tracking.get('sandbox', slow);
    // Once the carrier holds the call (the slot is taken), not after a guessed pause.
    await pollUntil(
      () => stack.sim.parcel(slow),
      (parcel) => parcel.calls.track > 0,
    );

    const busy = await rejection(client({ maxRetries: 0 }).tracking.get('sandbox', other));
    expect(isCarrierBusy(busy)).toBe(true);
    expect(busy).toMatchObject({ status: 503, retryAfterSeconds: 1 });

    const retries: RetryEvent[] = [];
    const tracking = await client({ onRetry: (event) => retries.push(event) }).tracking.get(
      'sandbox',
      other,
    );
    expect(tracking.trackingNumber).toBe(other);
    expect(retries.map((event) => event.status)).toEqual([503]);
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(1_000);
    expect((await holdingTheSlot).trackingNumber).toBe(slow);
  });
});

describe('circuit-open', () => {
  it('is a typed problem without retries, and the SDK waits for the half-open probe with them', async () => {
    const failing = await stack.sim.createParcel({ status: 'in_transit' });
    const healthy = await stack.sim.createParcel({ status: 'in_transit' });
    await stack.sim.addFault({
      carrier: 'sandbox',
      operation: 'track',
      trackingNumber: failing,
      fault: { type: 'status', code: 503 },
    });
    // Failed attempts (the gateway's own retries count too) open the circuit once they are
    // most of the window's calls; the successes of the test above are in it as well.
    let answer: unknown;
    for (let tries = 0; tries < 6 && !isCircuitOpen(answer); tries += 1) {
      answer = await rejection(client({ maxRetries: 0 }).tracking.get('sandbox', failing));
    }
    expect(isCircuitOpen(answer)).toBe(true);

    const open = await rejection(client({ maxRetries: 0 }).tracking.get('sandbox', healthy));
    expect(isCircuitOpen(open)).toBe(true);
    expect(open).toMatchObject({ status: 503, retryAfterSeconds: 1 });
    expect((await stack.sim.parcel(healthy)).calls.track).toBe(0);

    const retries: RetryEvent[] = [];
    const tracking = await client({ onRetry: (event) => retries.push(event) }).tracking.get(
      'sandbox',
      healthy,
    );
    expect(tracking.status).toBe('in_transit');
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries.every((event) => event.status === 503 && event.delayMs >= 1_000)).toBe(true);
    expect((await stack.sim.parcel(healthy)).calls.track).toBe(1);
  });
});
