import { createHmac } from 'node:crypto';
import {
  CarrierAuthenticationError,
  type CarrierCallbacks,
  CarrierInvalidRequestError,
  defineCarrier,
} from '@parcelgate/carrier-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';

const SECRET = 'push-secret';
const sign = (body: string) => createHmac('sha256', SECRET).update(body).digest('hex');

/**
 * A carrier whose pushes are JSON (or a form with one `payload` field) signed with an
 * HMAC of the raw body: enough to drive the gateway's side of callbacks. Real carriers'
 * formats are tested in their packages and end to end.
 */
const callbacks: CarrierCallbacks = {
  async handle(ctx, request) {
    // The secret comes from the carrier's settings, as a real adapter's would.
    const expected = createHmac('sha256', ctx.credentials.secret ?? '')
      .update(request.rawBody)
      .digest('hex');
    if (request.headers['x-signature'] !== expected) {
      throw new CarrierAuthenticationError({ carrierId: 'pushy', message: 'bad signature' });
    }
    const text = request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')
      ? (new URLSearchParams(request.rawBody).get('payload') ?? '')
      : request.rawBody;
    try {
      const parsed = JSON.parse(text) as {
        events?: never[];
        outcomes?: never[];
      };
      return {
        events: parsed.events ?? [],
        outcomes: parsed.outcomes ?? [],
        acknowledgement: {
          status: 200,
          contentType: 'application/json; charset=utf-8',
          body: '{"result":true,"returnCode":"200","message":"成功"}',
        },
      };
    } catch {
      throw new CarrierInvalidRequestError({ carrierId: 'pushy', message: 'not JSON' });
    }
  },
};

const fake = createFakeCarrier('pushy');
const pushy = defineCarrier({
  ...fake.carrier,
  capabilities: { ...fake.carrier.capabilities, callbacks: true },
  credentials: [
    {
      key: 'secret',
      env: 'SECRET',
      description: 'push signing secret',
      secret: true,
      required: true,
      sandboxDefault: SECRET,
    },
  ],
  callbacks,
});
const plain = createFakeCarrier('plain');
const { script } = fake;
let gateway: TestGateway;
let seq = 0;

beforeAll(async () => {
  gateway = await createTestGateway([pushy, plain.carrier], {}, { database: 'from-env' });
});
afterAll(() => gateway.close());
beforeEach(() => {
  script.intercept = async () => ({ outcome: 'pending' });
  script.redirect = async () => ({ outcome: 'pending' });
});

function parcel(): string {
  seq += 1;
  const trackingNumber = `FKP${String(seq).padStart(6, '0')}`;
  script.parcels.set(trackingNumber, 'in_transit');
  return trackingNumber;
}

async function pendingIntercept(trackingNumber: string): Promise<string> {
  const response = await gateway.app.inject({
    method: 'POST',
    url: '/v1/intercepts',
    headers: { ...gateway.auth.acme, 'idempotency-key': `cb-${trackingNumber}` },
    payload: {
      carrier: 'pushy',
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
    },
  });
  expect(response.statusCode).toBe(202);
  return response.json<{ id: string }>().id;
}

function push(
  body: string,
  options: { signature?: string; contentType?: string; carrier?: string } = {},
) {
  return gateway.app.inject({
    method: 'POST',
    url: `/v1/carrier-callbacks/${options.carrier ?? 'pushy'}`,
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'x-signature': options.signature ?? sign(body),
    },
    payload: body,
  });
}

async function intercept(id: string) {
  const response = await gateway.app.inject({
    method: 'GET',
    url: `/v1/intercepts/${id}`,
    headers: gateway.auth.acme,
  });
  return response.json<{ status: string; transitions: { status: string; cause: string }[] }>();
}

const event = (status: string, at: string) => ({
  occurredAt: at,
  status,
  description: status,
  raw: { code: status.toUpperCase() },
});

async function storedEvents(trackingNumber: string): Promise<number> {
  const rows = await gateway.app.database.query<{ count: string }>(
    'SELECT count(*)::text AS count FROM carrier_events WHERE tracking_number = $1',
    [trackingNumber],
  );
  return Number(rows[0]?.count);
}

describe('POST /v1/carrier-callbacks/{carrier}', () => {
  it('needs no API key, moves a pending intercept by the pushed outcome, and acknowledges verbatim', async () => {
    const trackingNumber = parcel();
    const id = await pendingIntercept(trackingNumber);
    const response = await push(
      JSON.stringify({
        outcomes: [
          {
            operation: 'intercept',
            trackingNumber,
            reference: id,
            result: { outcome: 'returning', carrierReference: 'PX-9' },
          },
        ],
      }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body).toBe('{"result":true,"returnCode":"200","message":"成功"}');
    const after = await intercept(id);
    expect(after.status).toBe('returning');
    expect(after.transitions.slice(-2)).toMatchObject([
      { status: 'accepted', cause: 'callback' },
      { status: 'returning', cause: 'callback' },
    ]);
  });

  it("moves only what went through the pushed connection: a tenant's own secret cannot forge another account's outcome", async () => {
    const trackingNumber = parcel();
    const id = await pendingIntercept(trackingNumber);
    const ownSecret = 'globex-own-push-secret-0001';
    const created = await gateway.app.inject({
      method: 'POST',
      url: '/v1/carrier-connections',
      headers: gateway.auth.globex,
      payload: { carrier: 'pushy', label: 'own', mode: 'test', credentials: { secret: ownSecret } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const connection = created.json<{ id: string }>().id;
    const body = JSON.stringify({
      outcomes: [{ operation: 'intercept', trackingNumber, result: { outcome: 'failed' } }],
    });
    const forged = await gateway.app.inject({
      method: 'POST',
      url: `/v1/carrier-callbacks/pushy/${connection}`,
      headers: {
        'content-type': 'application/json',
        'x-signature': createHmac('sha256', ownSecret).update(body).digest('hex'),
      },
      payload: body,
    });
    // Verified with globex's own secret, so acknowledged; but acme's intercept went through
    // the shared account and does not move.
    expect(forged.statusCode).toBe(200);
    expect((await intercept(id)).status).toBe('pending');
    const unknown = await gateway.app.inject({
      method: 'POST',
      url: '/v1/carrier-callbacks/pushy/con_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
      headers: { 'content-type': 'application/json', 'x-signature': sign(body) },
      payload: body,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses a bad signature with 401 and stores nothing', async () => {
    const trackingNumber = parcel();
    const id = await pendingIntercept(trackingNumber);
    const body = JSON.stringify({
      events: [{ trackingNumber, event: event('returned', '2026-11-26T10:00:00+08:00') }],
      outcomes: [{ operation: 'intercept', trackingNumber, result: { outcome: 'returned' } }],
    });
    const response = await push(body, { signature: sign(`${body} `) });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      type: 'https://parcelgate.dev/problems/callback-unauthenticated',
      carrier: 'pushy',
    });
    expect(await storedEvents(trackingNumber)).toBe(0);
    expect((await intercept(id)).status).toBe('pending');
  });

  it('stores each pushed event once and settles an intercept from events alone', async () => {
    const trackingNumber = parcel();
    const id = await pendingIntercept(trackingNumber);
    const body = JSON.stringify({
      events: [
        { trackingNumber, event: event('return_in_transit', '2026-11-26T10:00:00+08:00') },
        { trackingNumber, event: event('returned', '2026-11-27T09:00:00+08:00') },
      ],
    });
    expect((await push(body)).statusCode).toBe(200);
    expect((await push(body)).statusCode).toBe(200);
    expect(await storedEvents(trackingNumber)).toBe(2);
    const after = await intercept(id);
    expect(after.status).toBe('returned');
    expect(
      after.transitions.filter((step) => step.cause === 'callback').map((step) => step.status),
    ).toEqual(['accepted', 'returning', 'returned']);
  });

  it('stores a verified push holding NUL and lone surrogates with them replaced, and acknowledges it', async () => {
    const trackingNumber = parcel();
    const id = await pendingIntercept(trackingNumber);
    const body = JSON.stringify({
      events: [
        {
          trackingNumber,
          event: {
            ...event('return_in_transit', '2026-11-26T10:00:00+08:00'),
            description: 'Back\u0000 to sender \ud800',
            raw: { code: 'RT\u0000', description: '\udc00\u0000' },
            location: { city: 'Su\u0000zhou', country: 'CN' },
          },
        },
      ],
      outcomes: [
        {
          operation: 'intercept',
          trackingNumber,
          reference: id,
          result: { outcome: 'rejected', carrierReason: 'LATE\u0000', message: 'too late\u0000' },
        },
      ],
    });
    const response = await push(body);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toBe('{"result":true,"returnCode":"200","message":"成功"}');
    const [row] = await gateway.app.database.query<{ event: Record<string, unknown> }>(
      'SELECT event FROM carrier_events WHERE tracking_number = $1',
      [trackingNumber],
    );
    expect(row?.event).toMatchObject({
      description: 'Back\uFFFD to sender \uFFFD',
      raw: { code: 'RT\uFFFD', description: '\uFFFD\uFFFD' },
      location: { city: 'Su\uFFFDzhou' },
    });
    const after = await gateway.app.inject({
      method: 'GET',
      url: `/v1/intercepts/${id}`,
      headers: gateway.auth.acme,
    });
    expect(after.json()).toMatchObject({ status: 'rejected', carrierReason: 'LATE\uFFFD' });
    // The same push again is the same event: stored once.
    expect((await push(body)).statusCode).toBe(200);
    expect(await storedEvents(trackingNumber)).toBe(1);
  });

  it('acknowledges a verified push with a time the database cannot hold, dropping that event', async () => {
    const trackingNumber = parcel();
    const body = JSON.stringify({
      events: [
        { trackingNumber, event: event('in_transit', '2026-02-30T10:00:00+08:00') },
        { trackingNumber, event: event('in_transit', '0000-01-01T10:00:00+08:00') },
        { trackingNumber, event: event('in_transit', '2026-11-26T10:00:00+23:59') },
        { trackingNumber, event: event('picked_up', '2026-11-25T10:00:00+08:00') },
      ],
    });
    const response = await push(body);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toBe('{"result":true,"returnCode":"200","message":"成功"}');
    expect(await storedEvents(trackingNumber)).toBe(1);
  });

  it('ignores an outcome that names another intercept of the parcel', async () => {
    const trackingNumber = parcel();
    const id = await pendingIntercept(trackingNumber);
    await push(
      JSON.stringify({
        outcomes: [
          {
            operation: 'intercept',
            trackingNumber,
            reference: 'icp_someone_else',
            result: { outcome: 'rejected' },
          },
        ],
      }),
    );
    expect((await intercept(id)).status).toBe('pending');
  });

  it('ends a redirect by its pushed outcome, and reads a signed form post byte for byte', async () => {
    const trackingNumber = parcel();
    const created = await gateway.app.inject({
      method: 'POST',
      url: '/v1/redirects',
      headers: { ...gateway.auth.acme, 'idempotency-key': `cb-r-${trackingNumber}` },
      payload: {
        carrier: 'pushy',
        trackingNumber,
        orderRef: `order-${trackingNumber}`,
        reason: 'address_error',
        newAddress: {
          name: 'Li Lei',
          phone: '+8613800000000',
          line1: '1 Renmin Rd',
          city: 'Suzhou',
          region: 'JS',
          postalCode: '215000',
          country: 'CN',
        },
      },
    });
    expect(created.statusCode).toBe(202);
    const { id } = created.json<{ id: string }>();
    const payload = JSON.stringify({
      outcomes: [
        {
          operation: 'redirect',
          trackingNumber,
          result: { outcome: 'redirected', message: 'ok + done' },
        },
      ],
    });
    const form = `payload=${encodeURIComponent(payload).replaceAll('%20', '+')}`;
    const response = await push(form, { contentType: 'application/x-www-form-urlencoded' });
    expect(response.statusCode).toBe(200);
    const redirect = await gateway.app.inject({
      method: 'GET',
      url: `/v1/redirects/${id}`,
      headers: gateway.auth.acme,
    });
    expect(redirect.json()).toMatchObject({ status: 'redirected' });
  });

  it('answers 400 for an unreadable push and 404 for an unknown or non-pushing carrier', async () => {
    const unreadable = await push('not json');
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json()).toMatchObject({
      type: 'https://parcelgate.dev/problems/callback-unreadable',
    });
    expect((await push('{}', { carrier: 'nobody' })).json()).toMatchObject({
      type: 'https://parcelgate.dev/problems/unknown-carrier',
    });
    const plainPush = await push('{}', { carrier: 'plain' });
    expect(plainPush.statusCode).toBe(404);
    expect(plainPush.json()).toMatchObject({
      type: 'https://parcelgate.dev/problems/callbacks-not-supported',
    });
  });
});
