/**
 * Outcome reconciliation on a real queue: a gateway with its jobs running on an in-memory
 * PGlite (pg-boss through its PGlite adapter), driven by the scripted fake carrier.
 */
import { CarrierOutcomeUnknownError, type InterceptResult } from '@parcelgate/carrier-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reconcileAction } from '../../src/jobs/reconcile-action.ts';
import { NOT_SENT_DETAIL } from '../../src/lifecycle/judge-unsettled.ts';
import { insertIntercept } from '../../src/store/intercepts.ts';
import { ensureTenant } from '../../src/store/tenants.ts';
import { createFakeCarrier } from '../support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../support/test-app.ts';

const { carrier, script } = createFakeCarrier();
// The same carrier without a status query: reconciled from tracking alone.
const trackOnly = createFakeCarrier('trackonly');
const { interceptStatus: _unused, ...trackOnlyCarrier } = trackOnly.carrier;
// Another, for the windows' tests: no status query, and a circuit no other test opens.
const quiet = createFakeCarrier('quiet');
const { interceptStatus: _none, ...quietCarrier } = quiet.carrier;
let gateway: TestGateway;
let parcelSeq = 0;

beforeAll(async () => {
  gateway = await createTestGateway(
    [carrier, trackOnlyCarrier, quietCarrier],
    {
      PARCELGATE_RECONCILE_INTERVAL_MS: '100',
      // "No record of it" is believed after twice this: 2 s.
      PARCELGATE_BUDGET_INTERCEPT_MS: '1000',
    },
    { jobs: true },
  );
}, 120_000);
afterAll(() => gateway.close());
beforeEach(() => {
  script.intercept = lostAnswer;
  trackOnly.script.intercept = lostAnswer;
  script.interceptStatus = async () => ({ outcome: 'pending' });
});

async function lostAnswer(): Promise<InterceptResult> {
  throw new CarrierOutcomeUnknownError({ carrierId: 'fake', message: 'connection reset' });
}

function parcel(scripted = script): string {
  parcelSeq += 1;
  const trackingNumber = `FK${String(parcelSeq).padStart(6, '0')}`;
  scripted.parcels.set(trackingNumber, 'in_transit');
  return trackingNumber;
}

interface Action {
  readonly id: string;
  readonly status: string;
  readonly parcelStatus: string | null;
  readonly parcelStatusAtRequest: string | null;
  readonly needsAttention: boolean;
  readonly attentionReason: string | null;
  readonly carrierReference: string | null;
  readonly transitions: readonly { status: string; cause: string }[];
  readonly attempts: readonly { operation: string; outcome: string }[];
}

async function post(path: string, payload: Record<string, unknown>) {
  const response = await gateway.app.inject({
    method: 'POST',
    url: path,
    headers: { ...gateway.auth.acme, 'idempotency-key': `key-${Math.random()}` },
    payload,
  });
  return { status: response.statusCode, body: response.json<Action>() };
}

function intercept(trackingNumber: string, carrierId = 'fake') {
  return post('/v1/intercepts', {
    carrier: carrierId,
    trackingNumber,
    reason: 'buyer_cancelled',
    pickupMode: 'platform_pickup',
  });
}

async function get(path: string): Promise<Action> {
  const response = await gateway.app.inject({
    method: 'GET',
    url: path,
    headers: gateway.auth.acme,
  });
  return response.json<Action>();
}

/** Polls until the action satisfies `done`, or fails with the last state seen. */
async function until(
  path: string,
  done: (action: Action) => boolean,
  timeoutMs = 60_000,
): Promise<Action> {
  const deadline = Date.now() + timeoutMs;
  let last = await get(path);
  while (!done(last)) {
    if (Date.now() > deadline) {
      throw new Error(`timed out; last state ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await get(path);
  }
  return last;
}

const history = (action: Action) =>
  action.transitions.map((step) => `${step.status}:${step.cause}`);

describe('reconciliation of intercepts', () => {
  it('follows a lost answer to accepted, then returning and returned, one transition each', async () => {
    const created = await intercept(parcel());
    expect(created).toMatchObject({ status: 202, body: { status: 'pending' } });
    const path = `/v1/intercepts/${created.body.id}`;

    script.interceptStatus = async (_ctx, request) => {
      // Asked by our reference: the lost answer never gave us the carrier's id.
      expect(request).toMatchObject({ reference: created.body.id });
      return { outcome: 'accepted', carrierReference: 'F-77' };
    };
    const accepted = await until(path, (action) => action.status === 'accepted');
    expect(accepted.carrierReference).toBe('F-77');
    expect(accepted.attempts.map((attempt) => attempt.operation)).toContain('interceptStatus');

    script.interceptStatus = async () => ({ outcome: 'returning', carrierReference: 'F-77' });
    await until(path, (action) => action.status === 'returning');
    script.interceptStatus = async () => ({ outcome: 'returned', carrierReference: 'F-77' });
    const returned = await until(path, (action) => action.status === 'returned');
    expect(history(returned)).toEqual([
      'pending:request',
      'pending:outcome_unknown',
      'accepted:reconciliation',
      'returning:reconciliation',
      'returned:reconciliation',
    ]);
    expect(returned.needsAttention).toBe(false);
  });

  it('fails a pending intercept the carrier has no record of, after the grace', async () => {
    script.interceptStatus = async () => {
      throw new Error('adapter bug');
    };
    const created = await intercept(parcel());
    // An adapter defect is no answer: asked again, nothing stored.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await get(`/v1/intercepts/${created.body.id}`)).status).toBe('pending');

    const fresh = createFakeCarrier();
    script.interceptStatus = fresh.script.interceptStatus; // not found
    const failed = await until(
      `/v1/intercepts/${created.body.id}`,
      (action) => action.status === 'failed',
    );
    expect(failed.transitions.at(-1)).toMatchObject({
      status: 'failed',
      cause: 'reconciliation',
      detail: 'the carrier has no record of it: the request never reached the carrier',
    });
  });

  it('follows a carrier without a status query through tracking', async () => {
    const trackingNumber = parcel(trackOnly.script);
    const created = await intercept(trackingNumber, 'trackonly');
    expect(created.body.status).toBe('pending');
    const path = `/v1/intercepts/${created.body.id}`;
    trackOnly.script.parcels.set(trackingNumber, 'return_in_transit');
    await until(path, (action) => action.status === 'returning');
    trackOnly.script.parcels.set(trackingNumber, 'returned');
    const returned = await until(path, (action) => action.status === 'returned');
    expect(history(returned).slice(2)).toEqual([
      'accepted:tracking',
      'returning:tracking',
      'returned:tracking',
    ]);
    // The parcel's latest status is kept apart from the one at the request.
    expect(returned).toMatchObject({
      parcelStatus: 'returned',
      parcelStatusAtRequest: 'in_transit',
    });
    expect(returned.attempts.some((attempt) => attempt.operation === 'track')).toBe(true);
  });

  it('follows an intercept the carrier accepted at once until it is back', async () => {
    script.intercept = async () => ({ outcome: 'accepted', carrierReference: 'F-9' });
    script.interceptStatus = async (_ctx, request) => {
      expect(request.carrierReference).toBe('F-9');
      return { outcome: 'returned', carrierReference: 'F-9' };
    };
    const created = await intercept(parcel());
    expect(created).toMatchObject({ status: 201, body: { status: 'accepted' } });
    const returned = await until(
      `/v1/intercepts/${created.body.id}`,
      (action) => action.status === 'returned',
    );
    expect(history(returned)).toEqual([
      'pending:request',
      'accepted:carrier_answer',
      'returning:reconciliation',
      'returned:reconciliation',
    ]);
  });

  it('flags an action still unsettled at its deadline, leaving its status', async () => {
    const created = await intercept(parcel());
    const twoDaysLater = () => Date.now() + 49 * 3_600_000;
    const next = await reconcileAction(
      gateway.app,
      { table: 'intercepts', id: created.body.id, run: 3 },
      twoDaysLater,
    );
    expect(next).toEqual({ kind: 'done', why: 'needs_attention' });
    const flagged = await get(`/v1/intercepts/${created.body.id}`);
    expect(flagged).toMatchObject({
      status: 'pending',
      needsAttention: true,
      attentionReason: 'no final outcome after 48 h',
    });
    // Nothing more to do for it.
    expect(
      await reconcileAction(gateway.app, { table: 'intercepts', id: created.body.id, run: 0 }),
    ).toEqual({ kind: 'done', why: 'needs_attention' });
  });

  it('stores one outcome when two checks of one action race: the second finds it moved', async () => {
    const created = await intercept(parcel());
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let asked = 0;
    let bothAsked: () => void = () => {};
    const bothAsking = new Promise<void>((resolve) => {
      bothAsked = resolve;
    });
    script.interceptStatus = async () => {
      asked += 1;
      if (asked === 2) {
        bothAsked();
      }
      await gate;
      return { outcome: 'accepted', carrierReference: 'F-5' };
    };
    const job = { table: 'intercepts', id: created.body.id, run: 0 } as const;
    const both = Promise.all([
      reconcileAction(gateway.app, job),
      reconcileAction(gateway.app, job),
    ]);
    // Both checks read the action and asked the carrier: the race is on, whatever the load.
    await bothAsking;
    release();
    const outcomes = await both;
    expect(outcomes).toContainEqual({ kind: 'again', run: 0 });
    const action = await until(
      `/v1/intercepts/${created.body.id}`,
      (current) => current.status === 'accepted',
    );
    expect(history(action).filter((step) => step === 'accepted:reconciliation')).toHaveLength(1);
  });
});

describe('reconciliation of redirects', () => {
  it('infers accepted, then redirected, from tracking at the new address', async () => {
    script.redirect = async () => {
      throw new CarrierOutcomeUnknownError({ carrierId: 'fake', message: 'connection reset' });
    };
    const trackingNumber = parcel();
    const created = await post('/v1/redirects', {
      carrier: 'fake',
      trackingNumber,
      orderRef: `ORDER-${trackingNumber}`,
      reason: 'address_error',
      newAddress: {
        name: 'Li Lei',
        phone: '+8613800000000',
        line1: '1 Renmin Rd',
        city: 'Suzhou',
        postalCode: '215000',
        country: 'CN',
      },
    });
    expect(created).toMatchObject({ status: 202, body: { status: 'pending' } });
    const path = `/v1/redirects/${created.body.id}`;
    script.destinations.set(trackingNumber, {
      city: 'Suzhou',
      postalCode: '215000',
      country: 'CN',
    });
    await until(path, (action) => action.status === 'accepted');
    script.parcels.set(trackingNumber, 'delivered');
    const redirected = await until(path, (action) => action.status === 'redirected');
    expect(history(redirected).slice(2)).toEqual(['accepted:tracking', 'redirected:tracking']);
  });
});

describe('the sweep', () => {
  it('queues a job for an open action that has none, and the job settles it', async () => {
    // A refused intercept is final: no job follows it. Reopening it behind the gateway's
    // back leaves an open action without a job, as a crash between storing and queueing would.
    script.intercept = async () => ({ outcome: 'rejected', carrierReason: 'NO' });
    const created = await intercept(parcel());
    expect(created.body.status).toBe('rejected');
    await gateway.app.database.query(`UPDATE intercepts SET status = 'pending' WHERE id = $1`, [
      created.body.id,
    ]);
    expect(await gateway.app.reconciler.sweep()).toBeGreaterThanOrEqual(1);
    script.interceptStatus = async () => ({ outcome: 'returned', carrierReference: 'F-3' });
    await until(`/v1/intercepts/${created.body.id}`, (action) => action.status === 'returned');
  });

  it('does not ask a carrier whose read circuit is open, and asks again later', async () => {
    const trackingNumber = parcel(trackOnly.script);
    const created = await intercept(trackingNumber, 'trackonly');
    expect(created.body.status).toBe('pending');
    const breaker = gateway.app.resilience.of(gateway.app.carriers.resolve('trackonly')).breakers
      .track;
    // Reads failing past the breaker's threshold open it.
    for (let call = 0; call < 40; call++) {
      const decision = breaker.acquire();
      if (decision.allowed) {
        breaker.record(decision.permit, 'failure');
      }
    }
    expect(breaker.state()).toBe('open');
    const before = trackOnly.script.calls.track;
    const next = await reconcileAction(gateway.app, {
      table: 'intercepts',
      id: created.body.id,
      run: 0,
    });
    expect(next).toMatchObject({ kind: 'again', run: 1 });
    expect(trackOnly.script.calls.track).toBe(before);
  });
});

describe('no action left pending for days', () => {
  const threeMinutesLater = () => Date.now() + 3 * 60_000;

  it('fails an action that was stored but never sent, and a new attempt is accepted', async () => {
    const trackingNumber = parcel(quiet.script);
    // A crash between storing the intercept and calling the carrier leaves just this.
    const tenant = await ensureTenant(gateway.app.database, 'acme');
    const now = new Date();
    const id = 'icp_01JDNEVERSENT0000000000000';
    await insertIntercept(
      gateway.app.database,
      {
        id,
        tenantId: tenant.id,
        carrier: 'quiet',
        trackingNumber,
        reason: 'buyer_cancelled',
        orderRef: null,
        pickupMode: 'platform_pickup',
        parcel: null,
        note: null,
        phoneLastDigits: null,
        carrierOptions: null,
        connectionId: null,
        status: 'pending',
        likelihood: 'high',
        parcelStatus: 'in_transit',
        fee: { payer: 'carrier', note: 'the platform pickup is free' },
        policyReasons: [],
        warnings: [],
        carrierReference: null,
        carrierReason: null,
        statusDetail: null,
        createdAt: now,
        updatedAt: now,
      },
      { status: 'pending', cause: 'request', detail: null },
    );
    const blocked = await intercept(trackingNumber, 'quiet');
    expect(blocked.status).toBe(422);
    const next = await reconcileAction(
      gateway.app,
      { table: 'intercepts', id, run: 0 },
      threeMinutesLater,
    );
    expect(next).toEqual({ kind: 'done', why: 'final' });
    const failed = await get(`/v1/intercepts/${id}`);
    expect(failed).toMatchObject({ status: 'failed', needsAttention: false });
    expect(history(failed)).toEqual(['pending:request', 'failed:reconciliation']);
    expect(failed.transitions.at(-1)).toMatchObject({ detail: NOT_SENT_DETAIL });
    quiet.script.intercept = async () => ({ outcome: 'accepted', carrierReference: 'Q-NEW' });
    expect((await intercept(trackingNumber, 'quiet')).status).toBe(201);
  });

  it('flags a sent action whose fate stays unknown within minutes, and a new attempt is accepted', async () => {
    quiet.script.intercept = lostAnswer;
    const trackingNumber = parcel(quiet.script);
    const created = await intercept(trackingNumber, 'quiet');
    expect(created.body.status).toBe('pending');
    expect((await intercept(trackingNumber, 'quiet')).status).toBe(422);
    const next = await reconcileAction(
      gateway.app,
      { table: 'intercepts', id: created.body.id, run: 0 },
      threeMinutesLater,
    );
    expect(next).toEqual({ kind: 'done', why: 'needs_attention' });
    const flagged = await get(`/v1/intercepts/${created.body.id}`);
    expect(flagged).toMatchObject({ status: 'pending', needsAttention: true });
    expect(flagged.attentionReason).toContain('outcome unknown 2 min after the request');
    // What needs a person is listed, and counted on /metrics.
    const listed = await gateway.app.inject({
      method: 'GET',
      url: '/v1/intercepts?needsAttention=true&carrier=quiet',
      headers: gateway.auth.acme,
    });
    expect(listed.json<{ data: Action[] }>().data.map((action) => action.id)).toEqual([
      created.body.id,
    ]);
    const metrics = await gateway.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/parcelgate_actions_needing_attention\{kind="intercept"\} [1-9]/);
    quiet.script.intercept = async () => ({ outcome: 'accepted', carrierReference: 'Q-NEW' });
    expect((await intercept(trackingNumber, 'quiet')).status).toBe(201);
  });
});
