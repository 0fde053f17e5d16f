/**
 * Every eligibility rule through the running gateway: the status window, excluded
 * categories, the declared value limit and its currencies, an intercept already under way,
 * a carrier without the operation, several reasons at once, who pays, and what to do next.
 * The dry run, the tracking answer and the refusal of `POST /v1/intercepts` must agree.
 * The tenant's policy: severities per rule, list overrides that merge, and the source of
 * every value, over HTTP.
 */

import { fileURLToPath } from 'node:url';
import { newKey, type Stack, startStack, TRACK_ONLY_CARRIER } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CarrierEntry,
  Eligibility,
  Intercept,
  InterceptRequestBody,
  Problem,
  Tracking,
} from './api-types.ts';

/** The sandbox's API without refusals of its own for categories or values. */
const OPEN_CARRIER = fileURLToPath(new URL('./fixtures/open-carrier.ts', import.meta.url));

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    carriers: ['@parcelgate/carrier-sandbox', TRACK_ONLY_CARRIER, OPEN_CARRIER],
    gatewayEnv: (simUrl) => ({
      CARRIER_TRACKONLY_BASE_URL: `${simUrl}/sandbox`,
      CARRIER_OPEN_BASE_URL: `${simUrl}/sandbox`,
    }),
  });
});

afterAll(async () => {
  await stack?.stop();
});

const PROBLEM = 'https://parcelgate.dev/problems/';

function body(
  trackingNumber: string,
  extra: Partial<InterceptRequestBody> = {},
): InterceptRequestBody {
  return {
    carrier: 'sandbox',
    trackingNumber,
    reason: 'buyer_cancelled',
    pickupMode: 'platform_pickup',
    ...extra,
  };
}

async function eligibility(request: InterceptRequestBody): Promise<Eligibility> {
  const answer = await stack.api.post<Eligibility>('/v1/intercepts/eligibility', request);
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
}

const codes = (reasons: readonly { code: string }[]) => reasons.map((reason) => reason.code);

describe('the status window', () => {
  const cases: {
    status: string;
    subStatus?: string;
    reasons: string[];
    likelihood: 'high' | 'low' | 'none';
    warnings: string[];
    nextActions: string[];
  }[] = [
    {
      status: 'label_created',
      reasons: ['not_picked_up'],
      likelihood: 'none',
      warnings: [],
      nextActions: ['cancel_shipment'],
    },
    {
      status: 'picked_up',
      reasons: [],
      likelihood: 'high',
      warnings: [],
      nextActions: ['refund_buyer'],
    },
    {
      status: 'in_transit',
      reasons: [],
      likelihood: 'high',
      warnings: [],
      nextActions: ['refund_buyer'],
    },
    {
      status: 'at_destination_facility',
      reasons: [],
      likelihood: 'low',
      warnings: ['last_mile_low_success'],
      nextActions: ['refund_buyer'],
    },
    {
      status: 'out_for_delivery',
      reasons: ['out_for_delivery'],
      likelihood: 'none',
      warnings: [],
      nextActions: ['ask_buyer_to_refuse_delivery'],
    },
    {
      status: 'delivery_attempted',
      reasons: ['out_for_delivery'],
      likelihood: 'none',
      warnings: [],
      nextActions: ['ask_buyer_to_refuse_delivery'],
    },
    {
      status: 'available_for_pickup',
      reasons: ['out_for_delivery'],
      likelihood: 'none',
      warnings: [],
      nextActions: ['ask_buyer_to_refuse_delivery'],
    },
    {
      status: 'delivered',
      reasons: ['delivered'],
      likelihood: 'none',
      warnings: [],
      nextActions: ['file_return'],
    },
    {
      // Already coming back: what the intercept would have achieved is happening.
      status: 'return_in_transit',
      reasons: ['returning_or_returned'],
      likelihood: 'none',
      warnings: [],
      nextActions: ['refund_buyer'],
    },
    {
      status: 'returned',
      reasons: ['returning_or_returned'],
      likelihood: 'none',
      warnings: [],
      nextActions: ['refund_buyer'],
    },
    {
      status: 'cancelled',
      reasons: ['cancelled'],
      likelihood: 'none',
      warnings: [],
      nextActions: ['refund_buyer'],
    },
    {
      // The sandbox declares no exception window, and the carrier bounds the tenant.
      status: 'exception',
      subStatus: 'held',
      reasons: ['outside_intercept_window'],
      likelihood: 'none',
      warnings: [],
      nextActions: ['ask_buyer_to_refuse_delivery', 'file_return'],
    },
  ];

  it.each(cases)('$status: dry run, tracking and intercept agree', async (expected) => {
    const trackingNumber = await stack.sim.createParcel({
      status: expected.status,
      ...(expected.subStatus === undefined ? {} : { subStatus: expected.subStatus }),
    });
    const dryRun = await eligibility(body(trackingNumber));
    expect(dryRun.parcelStatus).toBe(expected.status);
    expect(dryRun.eligible).toBe(expected.reasons.length === 0);
    expect(codes(dryRun.reasons)).toEqual(expected.reasons);
    expect(codes(dryRun.warnings)).toEqual(expected.warnings);
    expect(dryRun.likelihood).toBe(expected.likelihood);
    expect(dryRun.nextActions).toEqual(expected.nextActions);
    for (const reason of [...dryRun.reasons, ...dryRun.warnings]) {
      expect(reason.message.length).toBeGreaterThan(10);
    }

    const tracking = await stack.api.get<Tracking>(`/v1/tracking/sandbox/${trackingNumber}`);
    expect(tracking.status).toBe(200);
    expect(tracking.body.status).toBe(expected.status);
    expect(tracking.body.interception).toMatchObject({
      possible: expected.reasons.length === 0,
      likelihood: expected.likelihood,
    });
    expect(codes(tracking.body.interception.reasons)).toEqual(expected.reasons);

    // The dry run never reaches the carrier's intercept.
    expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(0);

    if (expected.reasons.length > 0) {
      const refused = await stack.api.post<Problem>('/v1/intercepts', body(trackingNumber), {
        idempotencyKey: newKey(),
      });
      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.type).toBe(`${PROBLEM}not-eligible`);
      expect(codes(refused.body.reasons ?? [])).toEqual(expected.reasons);
      // Nothing is stored for a refusal by policy.
      expect(refused.body.interceptId).toBeUndefined();
      // Policy refused it: the carrier was never asked.
      expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(0);
    }
  });
});

describe('excluded categories at a carrier that refuses them itself (the sandbox)', () => {
  let trackingNumber: string;
  beforeAll(async () => {
    trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
  });

  it.each([
    'fresh_food',
    'virtual_goods',
    'jewelry',
    'antiques',
    'second_hand',
    'tea',
    'large_appliances',
    'custom_made',
  ])('%s is category_excluded', async (category) => {
    const dryRun = await eligibility(body(trackingNumber, { parcel: { category } }));
    expect(dryRun).toMatchObject({ eligible: false, likelihood: 'none' });
    expect(codes(dryRun.reasons)).toEqual(['category_excluded']);
    expect(dryRun.nextActions).toEqual(['ask_buyer_to_refuse_delivery', 'file_return']);
  });

  it('compares categories case-insensitively, and any other category is eligible', async () => {
    expect(
      codes((await eligibility(body(trackingNumber, { parcel: { category: 'Tea' } }))).reasons),
    ).toEqual(['category_excluded']);
    const apparel = await eligibility(body(trackingNumber, { parcel: { category: 'apparel' } }));
    expect(apparel).toMatchObject({
      eligible: true,
      likelihood: 'high',
      reasons: [],
      warnings: [],
    });
  });
});

describe('the declared value at a carrier that refuses over 1,000 CNY itself (the sandbox)', () => {
  let trackingNumber: string;
  beforeAll(async () => {
    trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
  });

  const value = (amount: string, currency: string) => ({
    parcel: { declaredValue: { amount, currency } },
  });

  it('1000.00 CNY is at the limit and eligible; 1000.01 CNY is over it', async () => {
    const atLimit = await eligibility(body(trackingNumber, value('1000.00', 'CNY')));
    expect(atLimit).toMatchObject({ eligible: true, reasons: [], warnings: [] });
    const over = await eligibility(body(trackingNumber, value('1000.01', 'CNY')));
    expect(over.eligible).toBe(false);
    expect(codes(over.reasons)).toEqual(['declared_value_over_limit']);
    expect(over.reasons[0]?.message).toContain('1000.01 CNY');
  });

  it('a currency without a limit or rate is reported unchecked, never silently converted', async () => {
    const usd = await eligibility(body(trackingNumber, value('5000.00', 'USD')));
    expect(usd).toMatchObject({ eligible: true, likelihood: 'high', reasons: [] });
    expect(codes(usd.warnings)).toEqual(['declared_value_unchecked']);
    expect(usd.warnings[0]?.message).toContain('USD');
  });

  it('an accepted intercept keeps the unchecked warning', async () => {
    const parcel = await stack.sim.createParcel({ status: 'in_transit' });
    const created = await stack.api.post<Intercept>(
      '/v1/intercepts',
      body(parcel, value('5000.00', 'USD')),
      { idempotencyKey: newKey() },
    );
    expect(created.status, created.text).toBe(201);
    expect(created.body.status).toBe('accepted');
    expect(codes(created.body.warnings)).toEqual(['declared_value_unchecked']);
  });
});

describe('an intercept already under way', () => {
  it('is already_intercepted in the dry run, and a second intercept is refused by policy', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const first = await stack.api.post<Intercept>('/v1/intercepts', body(trackingNumber), {
      idempotencyKey: newKey(),
    });
    expect(first.status, first.text).toBe(201);
    expect(first.body.status).toBe('accepted');

    const dryRun = await eligibility(body(trackingNumber));
    expect(codes(dryRun.reasons)).toEqual(['already_intercepted']);
    expect(dryRun.nextActions).toEqual(['await_carrier_outcome']);

    const second = await stack.api.post<Problem>('/v1/intercepts', body(trackingNumber), {
      idempotencyKey: newKey(),
    });
    expect(second.status).toBe(422);
    expect(second.body.type).toBe(`${PROBLEM}not-eligible`);
    expect(codes(second.body.reasons ?? [])).toEqual(['already_intercepted']);
    // The refusal names the intercept under way, and stores nothing of its own.
    expect(second.body.reasons?.[0]?.message).toContain(first.body.id);
    expect(second.body.interceptId).toBeUndefined();
    // One intercept reached the carrier, not two.
    expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(1);
  });
});

describe('a carrier without the operation', () => {
  it('is listed with track only', async () => {
    const carriers = await stack.api.get<{ data: CarrierEntry[] }>('/v1/carriers');
    expect(carriers.status).toBe(200);
    const trackOnly = carriers.body.data.find((carrier) => carrier.id === 'trackonly');
    expect(trackOnly?.operations).toEqual(['track']);
    expect(trackOnly?.capabilities.intercept).toBeUndefined();
    const sandbox = carriers.body.data.find((carrier) => carrier.id === 'sandbox');
    expect(sandbox?.operations).toEqual(['track', 'intercept', 'redirect']);
    expect(sandbox?.target).toBe('simulator');
    expect(sandbox?.capabilities.redirect?.freePerOrder).toBe(1);
  });

  it('reports operation_not_supported in the dry run, with every other reason', async () => {
    const inTransit = await stack.sim.createParcel({ status: 'in_transit' });
    const dryRun = await eligibility(body(inTransit, { carrier: 'trackonly' }));
    expect(dryRun).toMatchObject({ eligible: false, likelihood: 'none' });
    expect(codes(dryRun.reasons)).toEqual(['operation_not_supported']);
    expect(dryRun.nextActions).toEqual(['ask_buyer_to_refuse_delivery', 'file_return']);

    const delivered = await stack.sim.createParcel({ status: 'delivered' });
    const both = await eligibility(body(delivered, { carrier: 'trackonly' }));
    expect(codes(both.reasons)).toEqual(['operation_not_supported', 'delivered']);
    expect(both.nextActions).toEqual(['file_return']);
  });

  it('answers intercepts and redirects with an operation-not-supported problem', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const intercept = await stack.api.post<Problem>(
      '/v1/intercepts',
      body(trackingNumber, { carrier: 'trackonly' }),
      { idempotencyKey: newKey() },
    );
    expect(intercept.status).toBe(422);
    expect(intercept.body).toMatchObject({
      type: `${PROBLEM}operation-not-supported`,
      status: 422,
      carrier: 'trackonly',
      capability: 'intercept',
    });
    const redirect = await stack.api.post<Problem>(
      '/v1/redirects',
      {
        carrier: 'trackonly',
        trackingNumber,
        orderRef: 'ORD-NOT-SUPPORTED',
        reason: 'address_error',
        newAddress: {
          name: 'Li Lei',
          phone: '+8613800000000',
          line1: '1 Renmin Rd',
          city: 'Suzhou',
          country: 'CN',
        },
      },
      { idempotencyKey: newKey() },
    );
    expect(redirect.status).toBe(422);
    expect(redirect.body).toMatchObject({
      type: `${PROBLEM}operation-not-supported`,
      capability: 'redirect',
    });
    expect((await stack.sim.parcel(trackingNumber)).calls).toMatchObject({
      intercept: 0,
      redirect: 0,
    });
  });
});

describe('several reasons at once', () => {
  it('reports every reason in the dry run and in the refusal, not only the first', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'delivered' });
    const request = body(trackingNumber, {
      parcel: { category: 'jewelry', declaredValue: { amount: '1500.00', currency: 'CNY' } },
    });
    const dryRun = await eligibility(request);
    expect(codes(dryRun.reasons)).toEqual([
      'delivered',
      'category_excluded',
      'declared_value_over_limit',
    ]);
    // The parcel's status is the physical truth: it decides what to do next.
    expect(dryRun.nextActions).toEqual(['file_return']);

    const refused = await stack.api.post<Problem>('/v1/intercepts', request, {
      idempotencyKey: newKey(),
    });
    expect(refused.status).toBe(422);
    expect(codes(refused.body.reasons ?? [])).toEqual(codes(dryRun.reasons));
  });

  it('reports blocking reasons and warnings together', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'at_destination_facility' });
    const dryRun = await eligibility(
      body(trackingNumber, {
        parcel: { category: 'tea', declaredValue: { amount: '20.00', currency: 'EUR' } },
      }),
    );
    expect(codes(dryRun.reasons)).toEqual(['category_excluded']);
    expect(codes(dryRun.warnings)).toEqual(['last_mile_low_success', 'declared_value_unchecked']);
    expect(dryRun.likelihood).toBe('none');
  });
});

describe('who pays', () => {
  it('the carrier with the platform pickup, the merchant after a self drop-off', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const platform = await eligibility(body(trackingNumber, { pickupMode: 'platform_pickup' }));
    expect(platform.fee.payer).toBe('carrier');
    expect(platform.fee.note).toContain('pickup driver');
    const selfDropoff = await eligibility(body(trackingNumber, { pickupMode: 'self_dropoff' }));
    expect(selfDropoff.fee.payer).toBe('merchant');
    expect(selfDropoff.fee.note).toContain('cash on delivery');

    const created = await stack.api.post<Intercept>(
      '/v1/intercepts',
      body(trackingNumber, { pickupMode: 'self_dropoff' }),
      { idempotencyKey: newKey() },
    );
    expect(created.status, created.text).toBe(201);
    expect(created.body.fee).toEqual(selfDropoff.fee);
    expect(created.body.pickupMode).toBe('self_dropoff');
  });
});

describe('next actions by intercept reason', () => {
  it.each([
    ['buyer_cancelled', ['refund_buyer']],
    ['merchant_error', ['reship']],
    ['logistics_exception', ['reship', 'refund_buyer']],
    ['address_error', ['redirect_parcel', 'reship']],
    ['other', ['refund_buyer']],
  ])('%s leads to %j', async (reason, nextActions) => {
    const trackingNumber = await stack.sim.createParcel({ status: 'picked_up' });
    const dryRun = await eligibility(body(trackingNumber, { reason }));
    expect(dryRun.eligible).toBe(true);
    expect(dryRun.nextActions).toEqual(nextActions);
  });
});

describe("the tenant's own policy", () => {
  afterAll(async () => {
    await stack.api.request('PUT', '/v1/policy', { json: {} });
  });

  it('judges another currency through a configured rate, and narrows the window', async () => {
    const updated = await stack.api.request('PUT', '/v1/policy', {
      json: {
        intercept: {
          exchangeRates: { 'USD/CNY': '7.10' },
          window: { lowLikelihood: [] },
          excludedCategories: ['electronics'],
        },
      },
    });
    expect(updated.status, updated.text).toBe(200);

    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const usd = (amount: string) =>
      eligibility(body(trackingNumber, { parcel: { declaredValue: { amount, currency: 'USD' } } }));
    // 140.00 USD is 994.00 CNY; 141.00 USD is 1001.10 CNY.
    expect(await usd('140.00')).toMatchObject({ eligible: true, warnings: [] });
    const over = await usd('141.00');
    expect(codes(over.reasons)).toEqual(['declared_value_over_limit']);
    expect(over.reasons[0]?.message).toContain('1001.1');

    // A plain list replaces the default one whole; the tenant's categories only warn by default.
    const electronics = await eligibility(
      body(trackingNumber, { parcel: { category: 'electronics' } }),
    );
    expect(electronics).toMatchObject({ eligible: true, likelihood: 'low', reasons: [] });
    expect(codes(electronics.warnings)).toEqual(['category_excluded']);
    const tea = await eligibility(body(trackingNumber, { parcel: { category: 'tea' } }));
    // ... but the carrier still excludes tea: a tenant can only be stricter than its carrier.
    expect(codes(tea.reasons)).toEqual(['category_excluded']);

    const lastMile = await stack.sim.createParcel({ status: 'at_destination_facility' });
    const narrowed = await eligibility(body(lastMile));
    expect(codes(narrowed.reasons)).toEqual(['outside_intercept_window']);
  });
});

describe("the guide's likelihood rules at a carrier that refuses nothing itself", () => {
  const open = (trackingNumber: string, parcel?: InterceptRequestBody['parcel']) =>
    body(trackingNumber, { carrier: 'open', ...(parcel === undefined ? {} : { parcel }) });
  const cny = (amount: string) => ({ amount, currency: 'CNY' });

  afterAll(async () => {
    await stack.api.request('PUT', '/v1/policy', { json: {} });
  });

  it('warns by default: the hard categories and a value over 1,000 CNY lower the odds', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const tea = await eligibility(open(trackingNumber, { category: 'tea' }));
    expect(tea).toMatchObject({ eligible: true, likelihood: 'low', reasons: [] });
    expect(codes(tea.warnings)).toEqual(['category_excluded']);
    expect(tea.nextActions).toEqual(['refund_buyer']);

    const valuable = await eligibility(open(trackingNumber, { declaredValue: cny('1500.00') }));
    expect(valuable).toMatchObject({ eligible: true, likelihood: 'low', reasons: [] });
    expect(codes(valuable.warnings)).toEqual(['declared_value_over_limit']);

    const both = await eligibility(
      open(trackingNumber, { category: 'Jewelry', declaredValue: cny('1000.01') }),
    );
    expect(codes(both.warnings)).toEqual(['category_excluded', 'declared_value_over_limit']);

    const ordinary = await eligibility(
      open(trackingNumber, { category: 'apparel', declaredValue: cny('1000.00') }),
    );
    expect(ordinary).toMatchObject({ likelihood: 'high', warnings: [] });

    const tracking = await stack.api.get<Tracking>(`/v1/tracking/open/${trackingNumber}`);
    expect(tracking.status, tracking.text).toBe(200);
    expect(tracking.body.interception).toMatchObject({ possible: true, likelihood: 'high' });
  });

  it('an intercept the policy only warns about is sent, and keeps its warnings', async () => {
    const declaredValue = cny('1200.00');
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit', declaredValue });
    const created = await stack.api.post<Intercept>(
      '/v1/intercepts',
      open(trackingNumber, { declaredValue }),
      { idempotencyKey: newKey() },
    );
    expect(created.status, created.text).toBe(201);
    expect(codes(created.body.warnings)).toContain('declared_value_over_limit');
    // The simulator's sandbox refuses above 1,000 CNY: the lowered odds were real.
    expect(created.body).toMatchObject({ status: 'rejected', carrierReason: 'VALUE_OVER_LIMIT' });
    expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(1);
  });

  it('refuses where the tenant says refuse, rule by rule', async () => {
    const updated = await stack.api.request('PUT', '/v1/policy', {
      json: {
        intercept: { severity: { excludedCategories: 'refuse', declaredValueLimits: 'refuse' } },
      },
    });
    expect(updated.status, updated.text).toBe(200);
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const request = open(trackingNumber, { category: 'tea', declaredValue: cny('1500.00') });
    const dryRun = await eligibility(request);
    expect(dryRun).toMatchObject({ eligible: false, likelihood: 'none', warnings: [] });
    expect(codes(dryRun.reasons)).toEqual(['category_excluded', 'declared_value_over_limit']);
    expect(dryRun.nextActions).toEqual(['ask_buyer_to_refuse_delivery', 'file_return']);

    const refused = await stack.api.post<Problem>('/v1/intercepts', request, {
      idempotencyKey: newKey(),
    });
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.type).toBe(`${PROBLEM}not-eligible`);
    expect(codes(refused.body.reasons ?? [])).toEqual(codes(dryRun.reasons));
    expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(0);
  });

  it('the last-mile rule warns by default and refuses where the tenant says so', async () => {
    const station = await stack.sim.createParcel({ status: 'at_destination_facility' });
    await stack.api.request('PUT', '/v1/policy', { json: {} });
    const warned = await eligibility(open(station));
    expect(warned).toMatchObject({ eligible: true, likelihood: 'low' });
    expect(codes(warned.warnings)).toEqual(['last_mile_low_success']);

    const updated = await stack.api.request('PUT', '/v1/policy', {
      json: { intercept: { severity: { lastMile: 'refuse' } } },
    });
    expect(updated.status, updated.text).toBe(200);
    const refused = await eligibility(open(station));
    expect(refused).toMatchObject({ eligible: false, likelihood: 'none', warnings: [] });
    expect(codes(refused.reasons)).toEqual(['last_mile_low_success']);
  });

  it('the window rule may only warn outside a narrowed window, never outside the carrier', async () => {
    const updated = await stack.api.request('PUT', '/v1/policy', {
      json: {
        intercept: {
          window: { highLikelihood: { remove: ['picked_up'] } },
          severity: { statusWindow: 'warn' },
        },
      },
    });
    expect(updated.status, updated.text).toBe(200);
    const pickedUp = await stack.sim.createParcel({ status: 'picked_up' });
    const early = await eligibility(open(pickedUp));
    expect(early).toMatchObject({ eligible: true, likelihood: 'low', reasons: [] });
    expect(codes(early.warnings)).toEqual(['outside_intercept_window']);
    const late = await stack.sim.createParcel({ status: 'out_for_delivery' });
    expect(codes((await eligibility(open(late))).reasons)).toEqual(['out_for_delivery']);
  });
});

/** The `GET /v1/policy` document, as far as these tests read it. */
interface PolicyDocument {
  readonly overrides: Record<string, unknown>;
  readonly effective: {
    readonly intercept: {
      readonly excludedCategories: string[];
      readonly declaredValueLimits: { amount: string; currency: string }[];
      readonly severity: Record<string, string>;
    };
    readonly redirect: { readonly whenFreeUsed: string };
  };
  readonly sources: {
    readonly intercept: {
      readonly excludedCategories: Record<string, string>;
      readonly declaredValueLimits: Record<string, string>;
      readonly severity: Record<string, string>;
    };
  };
  readonly atCarrier?: {
    readonly carrier: string;
    readonly effective: { readonly intercept?: { readonly excludedCategories: string[] } };
    readonly sources: {
      readonly intercept?: {
        readonly excludedCategories: Record<string, string>;
        readonly declaredValueLimits: Record<string, string>;
      };
      readonly redirect?: Record<string, unknown>;
    };
  };
}

describe('GET and PUT /v1/policy', () => {
  afterAll(async () => {
    await stack.api.request('PUT', '/v1/policy', { json: {} });
  });

  const pointers = (problem: Problem) => (problem.errors ?? []).map((error) => error.pointer);

  it('shows the defaults, their severities and their sources', async () => {
    await stack.api.request('PUT', '/v1/policy', { json: {} });
    const policy = await stack.api.get<PolicyDocument>('/v1/policy');
    expect(policy.status, policy.text).toBe(200);
    expect(policy.body.overrides).toEqual({});
    expect(policy.body.effective.intercept.excludedCategories).toContain('tea');
    expect(policy.body.effective.intercept.severity).toEqual({
      statusWindow: 'refuse',
      lastMile: 'warn',
      alreadyIntercepted: 'refuse',
      excludedCategories: 'warn',
      declaredValueLimits: 'warn',
    });
    expect(policy.body.sources.intercept.excludedCategories.tea).toBe('default');
    expect(policy.body.sources.intercept.severity.excludedCategories).toBe('default');
    expect(policy.body.atCarrier).toBeUndefined();
  });

  it('merges { add, remove } with the default lists instead of dropping them', async () => {
    const updated = await stack.api.request('PUT', '/v1/policy', {
      json: {
        intercept: {
          excludedCategories: { add: ['electronics'], remove: ['tea'] },
          declaredValueLimits: { add: [{ amount: '500.00', currency: 'CNY' }] },
          severity: { excludedCategories: 'refuse' },
        },
      },
    });
    expect(updated.status, updated.text).toBe(200);
    const policy = await stack.api.get<PolicyDocument>('/v1/policy');
    const { effective, sources } = policy.body;
    expect(effective.intercept.excludedCategories).toContain('jewelry');
    expect(effective.intercept.excludedCategories).toContain('electronics');
    expect(effective.intercept.excludedCategories).not.toContain('tea');
    expect(sources.intercept.excludedCategories).toMatchObject({
      electronics: 'tenant',
      jewelry: 'default',
    });
    expect(effective.intercept.declaredValueLimits).toEqual([
      { amount: '500.00', currency: 'CNY' },
    ]);
    expect(sources.intercept.declaredValueLimits).toEqual({ CNY: 'tenant' });
    expect(sources.intercept.severity).toMatchObject({
      excludedCategories: 'tenant',
      lastMile: 'default',
    });

    // The merged policy is the one applied.
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const electronics = await eligibility(
      body(trackingNumber, { carrier: 'open', parcel: { category: 'electronics' } }),
    );
    expect(codes(electronics.reasons)).toEqual(['category_excluded']);
    const tea = await eligibility(
      body(trackingNumber, { carrier: 'open', parcel: { category: 'tea' } }),
    );
    expect(tea).toMatchObject({ eligible: true, likelihood: 'high' });
  });

  it('shows the rules at a carrier, naming what the carrier bounds', async () => {
    const atSandbox = await stack.api.get<PolicyDocument>('/v1/policy?carrier=sandbox');
    expect(atSandbox.status, atSandbox.text).toBe(200);
    const atCarrier = atSandbox.body.atCarrier;
    expect(atCarrier?.carrier).toBe('sandbox');
    // The tenant removed tea, but the sandbox refuses it itself.
    expect(atCarrier?.effective.intercept?.excludedCategories).toContain('tea');
    expect(atCarrier?.sources.intercept?.excludedCategories).toMatchObject({
      tea: 'carrier',
      electronics: 'tenant',
    });
    expect(atCarrier?.sources.intercept?.declaredValueLimits).toEqual({ CNY: 'tenant' });

    const trackOnly = await stack.api.get<PolicyDocument>('/v1/policy?carrier=trackonly');
    expect(trackOnly.status).toBe(200);
    expect(trackOnly.body.atCarrier?.effective).toEqual({});

    const unknown = await stack.api.get<Problem>('/v1/policy?carrier=nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe(`${PROBLEM}unknown-carrier`);
  });

  it('a plain list still replaces the default list whole', async () => {
    const updated = await stack.api.request('PUT', '/v1/policy', {
      json: { intercept: { excludedCategories: ['electronics'] } },
    });
    expect(updated.status, updated.text).toBe(200);
    const policy = await stack.api.get<PolicyDocument>('/v1/policy');
    expect(policy.body.effective.intercept.excludedCategories).toEqual(['electronics']);
  });

  it.each([
    [{ intercept: { severity: { lastMile: 'block' } } }, ['/intercept/severity/lastMile']],
    [
      { intercept: { severity: { alreadyIntercepted: 'warn' } } },
      ['/intercept/severity/alreadyIntercepted'],
    ],
    [
      { intercept: { window: { highLikelihood: { add: ['exception'] } } } },
      ['/intercept/window/highLikelihood/add/0'],
    ],
    [
      { intercept: { declaredValueLimits: { remove: ['cny'] } } },
      ['/intercept/declaredValueLimits/remove/0'],
    ],
  ])('a bad policy is a 400 problem naming the field: %j', async (json, expected) => {
    const answer = await stack.api.request<Problem>('PUT', '/v1/policy', { json });
    expect(answer.status, answer.text).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    const problem = answer.body;
    expect(problem.type).toBe(`${PROBLEM}validation-failed`);
    for (const pointer of expected) {
      expect(pointers(problem)).toContain(pointer);
    }
  });
});
