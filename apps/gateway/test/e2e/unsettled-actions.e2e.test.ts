/**
 * No intercept left pending: for every carrier, an intercept whose request hangs at the
 * carrier (it never answers, and never acts) is answered 202 pending, then settled by
 * reconciliation within the configured window (failed, or flagged for a person), after
 * which a new attempt on the same parcel is accepted.
 */
import { newKey, pollUntil, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intercept } from './api-types.ts';
import { companyOf } from './kuaidi100-company.ts';

/** The window under test: short, so the file stays quick. */
const UNKNOWN_OUTCOME_MS = 3_000;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    seed: 'unsettled-actions',
    carriers: [
      '@parcelgate/carrier-sandbox',
      '@parcelgate/carrier-ups',
      '@parcelgate/carrier-sf',
      '@parcelgate/carrier-kuaidi100',
    ],
    gatewayEnv: () => ({
      PARCELGATE_RECONCILE_INTERVAL_MS: '200',
      PARCELGATE_RECONCILE_UNKNOWN_OUTCOME_MS: String(UNKNOWN_OUTCOME_MS),
    }),
  });
});

afterAll(async () => {
  await stack?.stop();
});

/** What each carrier needs besides the parcel. */
function extrasFor(carrier: string, trackingNumber: string): Record<string, unknown> {
  return carrier === 'kuaidi100' ? { carrierOptions: { com: companyOf(trackingNumber) } } : {};
}

function intercept(carrier: string, trackingNumber: string) {
  return stack.api.post<Intercept>(
    '/v1/intercepts',
    {
      carrier,
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
      ...extrasFor(carrier, trackingNumber),
    },
    { idempotencyKey: newKey(), headers: { prefer: 'wait=1' } },
  );
}

describe.each(['sandbox', 'ups', 'sf', 'kuaidi100'])('%s: a hang at the carrier', (carrier) => {
  it('is settled within the window, and a new attempt is accepted', async () => {
    const trackingNumber = await stack.sim.createParcel({ carrier, status: 'in_transit' });
    await stack.sim.addFault({
      carrier,
      operation: 'intercept',
      trackingNumber,
      count: 1,
      fault: { type: 'hang' },
    });
    const hung = await intercept(carrier, trackingNumber);
    expect(hung.status, hung.text).toBe(202);
    expect(hung.body.status).toBe('pending');
    const requestedAt = Date.parse(hung.body.createdAt);

    const settled = await pollUntil(
      () => stack.api.get<Intercept>(`/v1/intercepts/${hung.body.id}`),
      (answer) => answer.body.status === 'failed' || answer.body.needsAttention === true,
    );
    // Settled once the window had passed, and not left for the long deadline (48 h).
    expect(Date.now() - requestedAt).toBeGreaterThanOrEqual(UNKNOWN_OUTCOME_MS);
    expect(settled.body.status === 'failed' || settled.body.needsAttention === true).toBe(true);

    // Not blocked as already intercepted: a new intercept, sent to the carrier (which then
    // decides as it does for any intercept).
    const again = await intercept(carrier, trackingNumber);
    expect([201, 202], again.text).toContain(again.status);
    expect(again.body.id).not.toBe(hung.body.id);
    expect(again.body.attempts.map((attempt) => attempt.operation)).toContain('intercept');
  });
});
