/**
 * Type tests (checked by tsc through Vitest's typecheck, never run): wrong inputs fail to
 * compile, and every output is a precise type from the document, never `any`.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CarrierConnection,
  type CarrierConnectionList,
  type CarrierConnectionTest,
  type CarrierList,
  type ConnectionMode,
  createClient,
  createParcelgateClient,
  type Eligibility,
  type Intercept,
  type InterceptList,
  type InterceptStatus,
  isCarrierRateLimited,
  isConnectionInUse,
  isNotEligible,
  isProblem,
  isValidationFailed,
  type NextAction,
  type PageIterable,
  type ParcelgateProblemError,
  type Policy,
  type PolicyReason,
  type Redirect,
  type RegisteredParcel,
  type RegisteredParcelList,
  type TrackingSnapshot,
} from './index.ts';
import type { paths } from './openapi.ts';

const client = createParcelgateClient({ baseUrl: 'https://gateway.test', apiKey: 'k' });
const body = {
  carrier: 'sandbox',
  trackingNumber: 'SBX100000016',
  reason: 'buyer_cancelled',
  pickupMode: 'platform_pickup',
} as const;
const connectionBody = {
  carrier: 'sandbox',
  label: 'own account',
  mode: 'test',
  credentials: { apiKey: 'sbx_key_0123456789' },
} as const;

describe('inputs', () => {
  it('takes a valid intercept request', () => {
    expectTypeOf(client.intercepts.create).toBeCallableWith(body);
    expectTypeOf(client.intercepts.create).toBeCallableWith(
      { ...body, parcel: { declaredValue: { amount: '129.00', currency: 'CNY' } } },
      {
        idempotencyKey: 'k',
        preferWaitSeconds: 3,
        timeoutMs: 5_000,
        signal: AbortSignal.timeout(1),
      },
    );
  });

  it('refuses an unknown reason, a missing pickupMode, a wrong money shape, unknown fields', () => {
    // @ts-expect-error: not one of the InterceptReason values
    void client.intercepts.create({ ...body, reason: 'changed_my_mind' });
    const { pickupMode: _omitted, ...withoutPickupMode } = body;
    // @ts-expect-error: pickupMode is required
    void client.intercepts.create(withoutPickupMode);
    // @ts-expect-error: pickupMode is platform_pickup or self_dropoff
    void client.intercepts.checkEligibility({ ...body, pickupMode: 'courier' });
    void client.intercepts.create({
      ...body,
      // @ts-expect-error: money is a decimal string, never a number
      parcel: { declaredValue: { amount: 129, currency: 'CNY' } },
    });
    void client.intercepts.create({
      ...body,
      // @ts-expect-error: currency is required
      parcel: { declaredValue: { amount: '129.00' } },
    });
    // @ts-expect-error: no such field in InterceptRequest
    void client.intercepts.create({ ...body, priority: 'high' });
  });

  it('refuses a redirect without its new address, and a bad policy override', () => {
    // @ts-expect-error: newAddress is required
    void client.redirects.create({
      carrier: 'sandbox',
      trackingNumber: 'SBX1',
      orderRef: 'o',
      reason: 'address_error',
    });
    // @ts-expect-error: whenFreeUsed is charge or refuse
    void client.policy.replace({ redirect: { whenFreeUsed: 'sometimes' } });
  });

  it('narrows list filters: status is a lifecycle status', () => {
    void client.intercepts.list({ status: 'accepted', carrier: 'sandbox', limit: 50 });
    // @ts-expect-error: not an intercept status
    void client.intercepts.list({ status: 'acepted' });
    // @ts-expect-error: `redirected` is a redirect status only
    void client.intercepts.list({ status: 'redirected' });
    void client.redirects.list({ status: 'redirected' });
    // @ts-expect-error: limit is a number
    void client.intercepts.listPage({ limit: '10' });
  });

  it('takes carrier connections as the document describes them', () => {
    const connection = connectionBody;
    expectTypeOf(client.carrierConnections.create).toBeCallableWith(connection, {
      timeoutMs: 5_000,
    });
    // @ts-expect-error: mode is test or live
    void client.carrierConnections.create({ ...connection, mode: 'sandbox' });
    // @ts-expect-error: credentials are strings
    void client.carrierConnections.create({ ...connection, credentials: { apiKey: 1 } });
    // @ts-expect-error: creating takes no Idempotency-Key: the API has none for it
    void client.carrierConnections.create(connection, { idempotencyKey: 'k' });
    expectTypeOf(client.carrierConnections.update).toBeCallableWith('con_1', {
      credentials: { apiKey: 'rotated', note: null },
    });
    // @ts-expect-error: isDefault can only be made true (make another connection the default)
    void client.carrierConnections.update('con_1', { isDefault: false });
    // @ts-expect-error: no such field in CarrierConnectionChanges
    void client.carrierConnections.update('con_1', { carrier: 'ups' });
    void client.carrierConnections.list({ carrier: 'sandbox' });
  });

  it('takes a parcel registration and its list filters', () => {
    expectTypeOf(client.parcels.register).toBeCallableWith({
      carrier: 'sandbox',
      trackingNumber: 'SBX1',
      orderRef: 'TTS-1',
    });
    // @ts-expect-error: trackingNumber is required
    void client.parcels.register({ carrier: 'sandbox' });
    void client.parcels.list({ carrier: 'sandbox', orderRef: 'TTS-1', limit: 10 });
    // @ts-expect-error: parcels have no status filter
    void client.parcels.list({ status: 'accepted' });
  });

  it('takes a string tracking number and carrier, and CallOptions', () => {
    expectTypeOf(client.tracking.get).toBeCallableWith('auto', 'SBX1', { preferWaitSeconds: 1 });
    // @ts-expect-error: an idempotency key means nothing to a read
    void client.tracking.get('auto', 'SBX1', { idempotencyKey: 'k' });
    // @ts-expect-error: the base URL is required
    createParcelgateClient({ apiKey: 'k' });
  });
});

describe('outputs', () => {
  it('resolves each call to its document type', () => {
    expectTypeOf(client.carriers.list()).resolves.toEqualTypeOf<CarrierList>();
    expectTypeOf(client.tracking.get('auto', 'x')).resolves.toEqualTypeOf<TrackingSnapshot>();
    expectTypeOf(client.intercepts.checkEligibility(body)).resolves.toEqualTypeOf<Eligibility>();
    expectTypeOf(client.intercepts.create(body)).resolves.toEqualTypeOf<Intercept>();
    expectTypeOf(client.intercepts.get('icp_1')).resolves.toEqualTypeOf<Intercept>();
    expectTypeOf(client.intercepts.listPage()).resolves.toEqualTypeOf<InterceptList>();
    expectTypeOf(client.intercepts.list()).toEqualTypeOf<PageIterable<Intercept, InterceptList>>();
    expectTypeOf(client.redirects.get('rdr_1')).resolves.toEqualTypeOf<Redirect>();
    expectTypeOf(client.policy.get()).resolves.toEqualTypeOf<Policy>();
    expectTypeOf(createClient).toEqualTypeOf(createParcelgateClient);
    const connections = client.carrierConnections;
    expectTypeOf(connections.create(connectionBody)).resolves.toEqualTypeOf<CarrierConnection>();
    expectTypeOf(connections.list()).resolves.toEqualTypeOf<CarrierConnectionList>();
    expectTypeOf(connections.get('con_1')).resolves.toEqualTypeOf<CarrierConnection>();
    expectTypeOf(connections.delete('con_1')).resolves.toEqualTypeOf<void>();
    expectTypeOf(connections.test('con_1')).resolves.toEqualTypeOf<CarrierConnectionTest>();
    expectTypeOf(client.parcels.get('pcl_1')).resolves.toEqualTypeOf<RegisteredParcel>();
    expectTypeOf(client.parcels.listPage()).resolves.toEqualTypeOf<RegisteredParcelList>();
    expectTypeOf(client.parcels.list()).toEqualTypeOf<
      PageIterable<RegisteredParcel, RegisteredParcelList>
    >();
  });

  it('never shows a secret: a stored credential is a value or a hint', async () => {
    const connection = await client.carrierConnections.get('con_1');
    expectTypeOf(connection.mode).toEqualTypeOf<ConnectionMode>();
    expectTypeOf(connection.mode).toEqualTypeOf<'test' | 'live'>();
    const stored = connection.credentials.apiKey;
    if (stored?.secret === true) {
      expectTypeOf(stored).toEqualTypeOf<{ secret: true; hint: string }>();
    }
    const test = await client.carrierConnections.test('con_1');
    expectTypeOf(test.outcome).toEqualTypeOf<
      'ok' | 'authentication_failed' | 'unreachable' | 'carrier_error'
    >();
  });

  it('has no any anywhere a user reads', async () => {
    const intercept = await client.intercepts.create(body);
    expectTypeOf(intercept).not.toBeAny();
    expectTypeOf(intercept.status).toEqualTypeOf<InterceptStatus>();
    expectTypeOf(intercept.nextActions).toEqualTypeOf<NextAction[]>();
    expectTypeOf(intercept.orderRef).toEqualTypeOf<string | null>();
    expectTypeOf(intercept.needsAttention).toEqualTypeOf<boolean>();
    const tracking = await client.tracking.get('auto', 'x');
    expectTypeOf(tracking.events).not.toBeAny();
    expectTypeOf(tracking.interception.possible).toEqualTypeOf<boolean>();
    for await (const item of client.intercepts.list()) {
      expectTypeOf(item).toEqualTypeOf<Intercept>();
    }
    for await (const page of client.redirects.list().pages()) {
      expectTypeOf(page.data).toEqualTypeOf<Redirect[]>();
    }
  });

  it('narrows errors with the guards', (error: unknown) => {
    if (isNotEligible(error)) {
      expectTypeOf(error).toExtend<ParcelgateProblemError>();
      expectTypeOf(error.problemType).toEqualTypeOf<'not-eligible'>();
      expectTypeOf(error.reasons).toEqualTypeOf<readonly PolicyReason[]>();
    }
    if (isValidationFailed(error)) {
      expectTypeOf(error.errors[0]?.pointer).toEqualTypeOf<string | undefined>();
    }
    if (isCarrierRateLimited(error)) {
      expectTypeOf(error.retryAfterSeconds).toEqualTypeOf<number | undefined>();
    }
    if (isConnectionInUse(error)) {
      expectTypeOf(error.openActions).toEqualTypeOf<number | undefined>();
    }
    if (isProblem(error, 'carrier-busy', 'circuit-open')) {
      expectTypeOf(error.problemType).toEqualTypeOf<'carrier-busy' | 'circuit-open'>();
    }
    // @ts-expect-error: not a problem type of the API
    isProblem(error, 'teapot');
  });

  it('exposes the raw generated types on the openapi subpath', () => {
    expectTypeOf<paths['/v1/intercepts']['post']['requestBody']>().not.toBeAny();
  });
});
