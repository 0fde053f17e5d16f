import type { CarrierContext } from '@parcelgate/carrier-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../../test/support/test-app.ts';

// The dry run reads tracking under the request's deadline: the carrier's own track budget,
// tightened by `Prefer: wait=N`. Here the gateway's default track budget and per-try
// timeout are a minute, so only the carrier's budget (3 s) or the client's Prefer can end
// a read that hangs; before the deadline had one owner, the dry run waited the minute.
const { carrier, script } = createFakeCarrier();
let gateway: TestGateway;
/** Lets every hanging read go, so the gateway can close. */
let releaseReads = () => {};
const released = new Promise<void>((resolve) => {
  releaseReads = resolve;
});

/** A carrier that answers only when the gateway gives up on it (or the test ends). */
function hangUntilAborted(ctx: CarrierContext): Promise<void> {
  return new Promise((resolve, reject) => {
    ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
    void released.then(resolve);
  });
}

beforeAll(async () => {
  gateway = await createTestGateway([carrier], {
    PARCELGATE_BUDGET_TRACK_MS: '60000',
    PARCELGATE_ATTEMPT_TIMEOUT_TRACK_MS: '60000',
    PARCELGATE_RETRY_MAX_ATTEMPTS: '1',
    CARRIER_FAKE_BUDGET_TRACK_MS: '3000',
  });
  script.beforeTrack = hangUntilAborted;
});
afterAll(async () => {
  releaseReads();
  await gateway.close();
});

function checkEligibility(headers: Record<string, string> = {}) {
  script.parcels.set('FK900001', 'in_transit');
  return gateway.app.inject({
    method: 'POST',
    url: '/v1/intercepts/eligibility',
    headers: { ...gateway.auth.acme, ...headers },
    payload: {
      carrier: 'fake',
      trackingNumber: 'FK900001',
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
    },
  });
}

describe('POST /v1/intercepts/eligibility under its deadline', () => {
  it('honours Prefer: wait=N and says so', async () => {
    const response = await checkEligibility({ prefer: 'wait=1' });
    expect(response.statusCode).toBe(504);
    expect(response.headers['preference-applied']).toBe('wait=1');
    expect(response.json()).toMatchObject({
      type: 'https://parcelgate.dev/problems/carrier-timeout',
    });
  });

  it("uses the carrier's own track budget, not the gateway's default", async () => {
    const response = await checkEligibility();
    expect(response.statusCode).toBe(504);
    expect(response.headers['preference-applied']).toBeUndefined();
  });

  it('applies no preference that would widen the budget', async () => {
    const response = await checkEligibility({ prefer: 'wait=30' });
    expect(response.statusCode).toBe(504);
    expect(response.headers['preference-applied']).toBeUndefined();
  });
});
