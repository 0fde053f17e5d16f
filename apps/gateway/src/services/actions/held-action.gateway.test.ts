import { CarrierNotEligibleError, CarrierRetryableError } from '@parcelgate/carrier-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../../test/support/test-app.ts';
import type { Database, Queryable } from '../../store/database.ts';

/**
 * An intercept is stored, evented and answered from what its request wrote (HeldAction),
 * not read back: these tests count its statements, and compare what it answered and the
 * events it wrote with what the database holds (`GET`), on both engines, including when
 * someone else changed the intercept while the carrier was being asked.
 */
const { carrier, script } = createFakeCarrier();
let gateway: TestGateway;
/** The statements run while set, `BEGIN` for a transaction. */
let statements: string[] | undefined;
let parcelSeq = 0;

function counting(database: Database): Database {
  const note = (sql: string) => statements?.push(sql.replace(/\s+/g, ' ').trim());
  const inTransaction = (tx: Queryable): Queryable => ({
    query: (text, params) => {
      note(text);
      return tx.query(text, params);
    },
  });
  return {
    ...database,
    query: (text, params) => {
      note(text);
      return database.query(text, params);
    },
    exec: (sql) => {
      note(sql);
      return database.exec(sql);
    },
    transaction: (work) => {
      note('BEGIN');
      return database.transaction((tx) => work(inTransaction(tx)));
    },
  };
}

beforeAll(async () => {
  gateway = await createTestGateway(
    [carrier],
    {},
    { database: 'from-env', wrapDatabase: counting },
  );
});
afterAll(() => gateway.close());
beforeEach(() => {
  script.intercept = async () => ({ outcome: 'accepted', carrierReference: 'F-1' });
});

function parcel(): string {
  parcelSeq += 1;
  const trackingNumber = `FK${String(700_000 + parcelSeq)}`;
  script.parcels.set(trackingNumber, 'in_transit');
  return trackingNumber;
}

async function intercept(trackingNumber: string) {
  const response = await gateway.app.inject({
    method: 'POST',
    url: '/v1/intercepts',
    headers: { ...gateway.auth.acme, 'idempotency-key': `held-${trackingNumber}` },
    payload: {
      carrier: 'fake',
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
    },
  });
  return { status: response.statusCode, body: response.json() };
}

async function stored(id: string) {
  const response = await gateway.app.inject({
    method: 'GET',
    url: `/v1/intercepts/${id}`,
    headers: gateway.auth.acme,
  });
  return response.json();
}

async function eventsOf(id: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const response = await gateway.app.inject({
    method: 'GET',
    url: `/v1/events?objectId=${id}`,
    headers: gateway.auth.acme,
  });
  // Newest first: oldest first reads as the story.
  return response.json().data.reverse();
}

/** The fields the outcome changes: the `created` event showed them before it. */
const CHANGED_BY_OUTCOME = [
  'status',
  'statusDetail',
  'carrierReference',
  'carrierReason',
  'fee',
  'reasons',
  'nextActions',
  'transitions',
  'attempts',
  'updatedAt',
];

function without(object: Record<string, unknown>, fields: readonly string[]) {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !fields.includes(key)));
}

describe('an intercept presented from what its request stored', () => {
  it('takes five statements and no transaction once its key and connection are known', async () => {
    await intercept(parcel());
    statements = [];
    const { status } = await intercept(parcel());
    const seen = statements;
    statements = undefined;
    expect(status).toBe(201);
    // The key's claim, the active-intercept check (beside the tracking read), the insert
    // with its transition and `created` event, the outcome with its attempts and event,
    // and the key's stored answer. Batched writers (attempts of reads, parcel statuses)
    // are not on the request's path.
    const onPath = seen.filter(
      (sql) => !sql.startsWith('INSERT INTO carrier_attempts') && !sql.startsWith('WITH seen AS'),
    );
    expect(onPath).not.toContain('BEGIN');
    expect(onPath.map((sql) => sql.slice(0, 40))).toEqual([
      expect.stringMatching(/^INSERT INTO idempotency_keys/),
      expect.stringMatching(/^SELECT id FROM intercepts/),
      expect.stringMatching(/^WITH created AS \(INSERT INTO intercepts/),
      expect.stringMatching(/^WITH moved AS \( UPDATE intercepts/),
      expect.stringMatching(/^UPDATE idempotency_keys/),
    ]);
  });

  it.each([
    [
      'accepted by the carrier',
      async () => ({ outcome: 'accepted' as const, carrierReference: 'F-9' }),
      201,
    ],
    ['decided later', async () => ({ outcome: 'pending' as const }), 202],
    [
      'refused by the carrier',
      async () => {
        throw new CarrierNotEligibleError({
          carrierId: 'fake',
          message: 'already out for delivery',
          httpStatus: 200,
          requestSent: true,
          carrierCode: 'TOO_LATE',
          reason: 'carrier_refused',
        });
      },
      201,
    ],
    [
      'not placed: the carrier answered 503',
      async () => {
        throw new CarrierRetryableError({
          carrierId: 'fake',
          message: 'service unavailable',
          httpStatus: 503,
          requestSent: false,
        });
      },
      503,
    ],
  ])('answers and events it exactly as GET shows it when %s', async (_, answer, httpStatus) => {
    script.intercept = answer;
    const { status, body } = await intercept(parcel());
    expect(status).toBe(httpStatus);
    const id = body.id ?? body.interceptId;
    const now = await stored(id);
    if (status < 300) {
      expect(body).toEqual(now);
    }
    const events = await eventsOf(id);
    expect(events[0]?.type).toBe('intercept.created');
    const created = events[0]?.data ?? {};
    expect(without(created, CHANGED_BY_OUTCOME)).toEqual(without(now, CHANGED_BY_OUTCOME));
    expect(created).toMatchObject({ status: 'pending', attempts: [] });
    expect(created.transitions).toEqual([now.transitions[0]]);
    if (now.status !== 'pending') {
      expect(events.map((event) => event.type)).toEqual([
        'intercept.created',
        `intercept.${now.status}`,
      ]);
      expect(events[1]?.data).toEqual(now);
    }
  });

  it('reads back instead when the intercept changed while the carrier was asked', async () => {
    const trackingNumber = parcel();
    script.intercept = async () => {
      // A tracking read elsewhere moved the parcel's status meanwhile.
      await gateway.app.database.query(
        `UPDATE intercepts SET parcel_status = 'out_for_delivery' WHERE tracking_number = $1`,
        [trackingNumber],
      );
      return { outcome: 'accepted', carrierReference: 'F-2' };
    };
    const { status, body } = await intercept(trackingNumber);
    expect(status).toBe(201);
    const now = await stored(body.id);
    expect(body).toEqual(now);
    expect(now).toMatchObject({ parcelStatus: 'out_for_delivery', status: 'accepted' });
    expect(now.attempts).toHaveLength(1);
    expect(now.transitions.map((transition: { status: string }) => transition.status)).toEqual([
      'pending',
      'accepted',
    ]);
    const events = await eventsOf(body.id);
    expect(events.map((event) => event.type)).toEqual(['intercept.created', 'intercept.accepted']);
    expect(events[1]?.data).toEqual(now);
  });
});
