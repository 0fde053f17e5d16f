import { STAGE_INTERVAL_MS } from '@parcelgate/carrier-sim';
import { describe, expect, it } from 'vitest';
import { sandboxCarrier } from '../src/sandbox-carrier.ts';
import { useSimulator } from './support/simulator-client.ts';

/**
 * The adapter against the real simulator, in process, over real sockets: the wire
 * format both sides took from docs/carriers/sandbox-api.md has to agree.
 */
const sim = useSimulator();

const newAddress = {
  name: 'Li Lei',
  phone: '+8613800000000',
  line1: '1 Renmin Rd',
  city: 'Suzhou',
  region: 'JS',
  postalCode: '215000',
  country: 'CN',
};

function intercept(trackingNumber: string, reference = 'icp_integration_1') {
  return sandboxCarrier.intercept(sim.context(), {
    trackingNumber,
    reference,
    reason: 'buyer_cancelled',
  });
}

describe('sandbox adapter against carrier-sim', () => {
  it('tracks a parcel in transit, events oldest first', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    expect(sandboxCarrier.detect(trackingNumber)).toBe('verified');

    const snapshot = await sandboxCarrier.track(sim.context(), { trackingNumber });
    expect(snapshot).toMatchObject({ carrierId: 'sandbox', trackingNumber, status: 'in_transit' });
    expect(snapshot.events.length).toBeGreaterThan(1);
    const times = snapshot.events.map((event) => Date.parse(event.occurredAt));
    expect(times).toEqual([...times].sort((left, right) => left - right));
    expect(snapshot.events[0]?.raw.code).toBe('CR');
    expect(snapshot.destination?.country).toBe('CN');
  });

  it('tracks a delivered parcel with its proof of delivery', async () => {
    const trackingNumber = await sim.createParcel({ status: 'delivered' });
    const snapshot = await sandboxCarrier.track(sim.context(), { trackingNumber });
    expect(snapshot.status).toBe('delivered');
    expect(snapshot.events.at(-1)?.raw.code).toBe('DL');
    expect(snapshot.proofOfDelivery?.deliveredAt).toBeDefined();
  });

  it('tracks an exception with its sub-status', async () => {
    const trackingNumber = await sim.createParcel({ status: 'exception', subStatus: 'damaged' });
    const snapshot = await sandboxCarrier.track(sim.context(), { trackingNumber });
    expect(snapshot).toMatchObject({ status: 'exception', subStatus: 'damaged' });
  });

  it('intercepts a parcel in transit and follows it back to the sender', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const accepted = await intercept(trackingNumber);
    expect(accepted).toEqual({
      outcome: 'accepted',
      carrierReference: expect.stringMatching(/^SIC-/),
    });

    const statusRequest = {
      trackingNumber,
      reference: 'icp_integration_1',
      carrierReference: accepted.carrierReference ?? '',
    };
    const ctx = sim.context();
    expect((await sandboxCarrier.interceptStatus(ctx, statusRequest)).outcome).toBe('accepted');
    const registered = await sandboxCarrier.track(ctx, { trackingNumber });
    expect(registered.events.at(-1)?.raw.code).toBe('IR');
    expect(registered.status).toBe('in_transit');

    await sim.advance(STAGE_INTERVAL_MS);
    expect((await sandboxCarrier.interceptStatus(ctx, statusRequest)).outcome).toBe('returning');
    expect((await sandboxCarrier.track(ctx, { trackingNumber })).status).toBe('return_in_transit');

    await sim.advance(STAGE_INTERVAL_MS);
    expect((await sandboxCarrier.interceptStatus(ctx, statusRequest)).outcome).toBe('returned');
    expect((await sandboxCarrier.track(ctx, { trackingNumber })).status).toBe('returned');
  });

  it('finds an intercept by its reference when the answer that named it was lost', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const ctx = sim.context();
    const lookup = { trackingNumber, reference: 'icp_integration_lost' };
    await expect(sandboxCarrier.interceptStatus(ctx, lookup)).rejects.toMatchObject({
      kind: 'not-found',
    });
    const accepted = await intercept(trackingNumber, 'icp_integration_lost');
    await expect(sandboxCarrier.interceptStatus(ctx, lookup)).resolves.toEqual({
      outcome: 'accepted',
      carrierReference: accepted.carrierReference,
    });
    await sim.advance(STAGE_INTERVAL_MS);
    expect((await sandboxCarrier.interceptStatus(ctx, lookup)).outcome).toBe('returning');
  });

  it('is refused for a parcel out for delivery', async () => {
    const trackingNumber = await sim.createParcel({ status: 'out_for_delivery' });
    await expect(intercept(trackingNumber)).rejects.toMatchObject({
      kind: 'not-eligible',
      reason: 'out_for_delivery',
      carrierCode: 'OUT_FOR_DELIVERY',
    });
  });

  it('is refused a second time: the sandbox does not deduplicate by reference', async () => {
    const trackingNumber = await sim.createParcel({ status: 'picked_up' });
    await expect(intercept(trackingNumber)).resolves.toMatchObject({ outcome: 'accepted' });
    await expect(intercept(trackingNumber)).rejects.toMatchObject({
      kind: 'not-eligible',
      reason: 'already_intercepted',
    });
  });

  it.each([
    [{ category: 'fresh_food' }, 'category_excluded'],
    [{ declaredValue: { amount: '1000.01', currency: 'CNY' } }, 'declared_value_over_limit'],
  ])('refuses %j with %s', async (parcel, reason) => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit', ...parcel });
    await expect(intercept(trackingNumber)).rejects.toMatchObject({ kind: 'not-eligible', reason });
  });

  it('redirects a parcel in transit to a new address', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const ctx = sim.context();
    const result = await sandboxCarrier.redirect(ctx, {
      trackingNumber,
      reference: 'rdr_integration_1',
      newAddress,
    });
    expect(result).toEqual({
      outcome: 'accepted',
      carrierReference: expect.stringMatching(/^SRD-/),
    });

    const snapshot = await sandboxCarrier.track(ctx, { trackingNumber });
    expect(snapshot.events.at(-1)?.raw.code).toBe('RD');
    expect(snapshot.destination).toMatchObject({ city: 'Suzhou', postalCode: '215000' });
  });

  it('is refused a redirect once delivered', async () => {
    const trackingNumber = await sim.createParcel({ status: 'delivered' });
    await expect(
      sandboxCarrier.redirect(sim.context(), {
        trackingNumber,
        reference: 'rdr_integration_2',
        newAddress,
      }),
    ).rejects.toMatchObject({ kind: 'not-eligible', reason: 'delivered' });
  });

  it('reports unknown parcels and intercepts as not-found', async () => {
    const ctx = sim.context();
    await expect(
      sandboxCarrier.track(ctx, { trackingNumber: 'SBX999999996' }),
    ).rejects.toMatchObject({ kind: 'not-found', carrierCode: 'PARCEL_NOT_FOUND' });
    await expect(
      sandboxCarrier.interceptStatus(ctx, {
        trackingNumber: 'SBX999999996',
        reference: 'icp_missing',
        carrierReference: 'SIC-MISSING',
      }),
    ).rejects.toMatchObject({ kind: 'not-found', carrierCode: 'INTERCEPT_NOT_FOUND' });
  });

  it.each([
    ['a bad key', 'not_a_sandbox_key', 401],
    ['a forbidden key', 'sbx_forbidden', 403],
  ])('fails authentication with %s', async (_case, apiKey, httpStatus) => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    const failure = sandboxCarrier.track(sim.context({ apiKey }), { trackingNumber });
    await expect(failure).rejects.toMatchObject({ kind: 'authentication', httpStatus });
    await expect(failure).rejects.not.toHaveProperty('message', expect.stringContaining(apiKey));
  });
});

describe('sandbox adapter under injected faults', () => {
  it('reads Retry-After from a 429, in seconds and as an HTTP date', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({
      operation: 'track',
      count: 1,
      fault: { type: 'rate_limit', retryAfter: 3 },
    });
    await expect(sandboxCarrier.track(sim.context(), { trackingNumber })).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 3000,
    });

    const retryAt = new Date(Date.now() + 60_000).toUTCString();
    await sim.addFault({
      operation: 'track',
      count: 1,
      fault: { type: 'rate_limit', retryAfter: retryAt },
    });
    const error: unknown = await sandboxCarrier
      .track(sim.context(), { trackingNumber })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'rate-limited' });
    const { retryAfterMs } = error as { retryAfterMs: number };
    expect(retryAfterMs).toBeGreaterThan(50_000);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it("classifies a proxy's HTML 502 as retryable", async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({ operation: 'track', fault: { type: 'status', code: 502, html: true } });
    await expect(sandboxCarrier.track(sim.context(), { trackingNumber })).rejects.toMatchObject({
      kind: 'retryable',
      httpStatus: 502,
    });
  });

  it('reports a malformed answer to an intercept as an unknown outcome', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({ operation: 'intercept', fault: { type: 'malformed' } });
    await expect(intercept(trackingNumber)).rejects.toMatchObject({ kind: 'outcome-unknown' });
  });

  it('reports a connection reset after the sandbox read an intercept as an unknown outcome', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({ operation: 'intercept', fault: { type: 'reset', when: 'after_read' } });
    await expect(intercept(trackingNumber)).rejects.toMatchObject({ kind: 'outcome-unknown' });
  });

  it('reports a malformed tracking answer as retryable', async () => {
    const trackingNumber = await sim.createParcel({ status: 'in_transit' });
    await sim.addFault({ operation: 'track', fault: { type: 'malformed' } });
    await expect(sandboxCarrier.track(sim.context(), { trackingNumber })).rejects.toMatchObject({
      kind: 'retryable',
      requestSent: true,
    });
  });
});
