/**
 * Bad input of every kind, sent to the running gateway: each is answered 4xx with an
 * RFC 9457 problem (`type`, `status`, `requestId`, and for validation every bad field as
 * a JSON pointer), never a 500, and none reaches the carrier.
 */
import { createHash } from 'node:crypto';
import {
  type HttpAnswer,
  newKey,
  pollUntil,
  type RequestOptions,
  type Stack,
  startStack,
} from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRaw } from '../support/raw-http.ts';
import type { Problem } from './api-types.ts';

let stack: Stack;
let inTransit: string;

beforeAll(async () => {
  stack = await startStack();
  inTransit = await stack.sim.createParcel({ status: 'in_transit' });
});

afterAll(async () => {
  await stack?.stop();
});

const PROBLEM = 'https://parcelgate.dev/problems/';

/** Checks the answer is a well-formed problem of `type` and `status`; returns it. */
function expectProblem(answer: HttpAnswer<unknown>, type: string, status: number): Problem {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  const problem = answer.body as Problem;
  expect(problem).toMatchObject({ type: PROBLEM + type, status });
  expect(problem.title).toEqual(expect.any(String));
  expect(problem.detail).toEqual(expect.any(String));
  expect(problem.requestId).toBe(answer.headers.get('x-request-id'));
  return problem;
}

/**
 * The fields a validation problem points at, sorted, each once (a field failing several
 * keywords, e.g. every branch of a union, may be reported once per keyword).
 */
function pointers(problem: Problem): string[] {
  return [...new Set((problem.errors ?? []).map((error) => error.pointer))].sort();
}

const ADDRESS = {
  name: 'Li Lei',
  phone: '+8613800000000',
  line1: '1 Renmin Rd',
  city: 'Suzhou',
  country: 'CN',
};

function valid(): Record<string, unknown> {
  return {
    carrier: 'sandbox',
    trackingNumber: inTransit,
    reason: 'buyer_cancelled',
    pickupMode: 'platform_pickup',
  };
}

describe('authentication', () => {
  it.each([
    ['no Authorization header', undefined],
    ['an unknown key', 'pgk_this_key_does_not_exist_at_all'],
    ['a key too short to be one', 'short'],
  ])('%s is a 401 on every /v1 route', async (_name, key) => {
    const client = stack.client(key);
    for (const answer of [
      await client.get('/v1/carriers'),
      await client.get(`/v1/tracking/sandbox/${inTransit}`),
      await client.post('/v1/intercepts', valid(), { idempotencyKey: newKey() }),
      await client.get('/v1/intercepts'),
    ]) {
      expectProblem(answer, 'unauthorized', 401);
      expect(answer.headers.get('www-authenticate')).toContain('Bearer');
    }
  });

  it('a key in another scheme than Bearer is a 401', async () => {
    const answer = await stack
      .client(undefined)
      .get('/v1/carriers', { headers: { authorization: `Basic ${stack.apiKey}` } });
    expectProblem(answer, 'unauthorized', 401);
  });

  it('health checks need no key', async () => {
    expect((await stack.client(undefined).get('/healthz')).status).toBe(200);
    expect((await stack.client(undefined).get('/readyz')).status).toBe(200);
  });
});

describe('the Idempotency-Key header', () => {
  it.each([
    ['/v1/intercepts', valid],
    [
      '/v1/redirects',
      () => ({
        carrier: 'sandbox',
        trackingNumber: inTransit,
        orderRef: 'ORD-1',
        reason: 'address_error',
        newAddress: ADDRESS,
      }),
    ],
  ])('is required on POST %s', async (path, body) => {
    const problem = expectProblem(
      await stack.api.post(path, body()),
      'idempotency-key-missing',
      400,
    );
    expect(pointers(problem)).toEqual(['/headers/idempotency-key']);
  });

  it.each([
    ['longer than 255 characters', 'k'.repeat(256)],
    ['with a space', 'two words'],
  ])('is refused %s', async (_name, key) => {
    const problem = expectProblem(
      await stack.api.post('/v1/intercepts', valid(), { idempotencyKey: key }),
      'validation-failed',
      400,
    );
    expect(pointers(problem)).toEqual(['/headers/idempotency-key']);
  });
});

describe('intercept bodies', () => {
  const cases: {
    name: string;
    body: (base: Record<string, unknown>) => unknown;
    pointers: string[];
  }[] = [
    {
      name: 'an empty object',
      body: () => ({}),
      pointers: ['/carrier', '/pickupMode', '/reason', '/trackingNumber'],
    },
    {
      name: 'a missing reason',
      body: ({ reason: _reason, ...rest }) => rest,
      pointers: ['/reason'],
    },
    {
      name: 'an unknown field',
      body: (base) => ({ ...base, priority: 'high' }),
      pointers: ['/priority'],
    },
    {
      name: 'an unknown nested field',
      body: (base) => ({ ...base, parcel: { category: 'apparel', colour: 'red' } }),
      pointers: ['/parcel/colour'],
    },
    {
      name: 'an unknown reason',
      body: (base) => ({ ...base, reason: 'changed_my_mind' }),
      pointers: ['/reason'],
    },
    {
      name: 'an unknown pickup mode',
      body: (base) => ({ ...base, pickupMode: 'drone' }),
      pointers: ['/pickupMode'],
    },
    {
      name: 'a tracking number with other characters',
      body: (base) => ({ ...base, trackingNumber: 'SBX 1000/0016' }),
      pointers: ['/trackingNumber'],
    },
    {
      name: 'a tracking number too long',
      body: (base) => ({ ...base, trackingNumber: 'X'.repeat(41) }),
      pointers: ['/trackingNumber'],
    },
    {
      name: 'a carrier id in capitals',
      body: (base) => ({ ...base, carrier: 'SANDBOX' }),
      pointers: ['/carrier'],
    },
    {
      name: 'parcel as a string',
      body: (base) => ({ ...base, parcel: 'fragile' }),
      pointers: ['/parcel'],
    },
    {
      name: 'an amount with a thousands separator',
      body: (base) => ({
        ...base,
        parcel: { declaredValue: { amount: '1,000.00', currency: 'CNY' } },
      }),
      pointers: ['/parcel/declaredValue/amount'],
    },
    {
      name: 'a negative amount',
      body: (base) => ({
        ...base,
        parcel: { declaredValue: { amount: '-1.00', currency: 'CNY' } },
      }),
      pointers: ['/parcel/declaredValue/amount'],
    },
    {
      name: 'a lower-case currency',
      body: (base) => ({ ...base, parcel: { declaredValue: { amount: '1.00', currency: 'cny' } } }),
      pointers: ['/parcel/declaredValue/currency'],
    },
    {
      name: 'money without a currency',
      body: (base) => ({ ...base, parcel: { declaredValue: { amount: '1.00' } } }),
      pointers: ['/parcel/declaredValue/currency'],
    },
    {
      name: 'an empty category',
      body: (base) => ({ ...base, parcel: { category: '' } }),
      pointers: ['/parcel/category'],
    },
    {
      name: 'a note too long',
      body: (base) => ({ ...base, note: 'n'.repeat(501) }),
      pointers: ['/note'],
    },
    {
      name: 'an order reference too long',
      body: (base) => ({ ...base, orderRef: 'o'.repeat(65) }),
      pointers: ['/orderRef'],
    },
    {
      name: 'an array instead of an object',
      body: (base) => [base],
      pointers: [''],
    },
  ];

  it.each(cases)('$name: 400 with every bad field pointed at', async (testCase) => {
    for (const path of ['/v1/intercepts/eligibility', '/v1/intercepts']) {
      const answer = await stack.api.post(path, testCase.body(valid()), {
        idempotencyKey: newKey(),
      });
      const problem = expectProblem(answer, 'validation-failed', 400);
      expect(pointers(problem)).toEqual(testCase.pointers);
      for (const error of problem.errors ?? []) {
        expect(error.detail).toEqual(expect.any(String));
      }
    }
  });

  // The contract says money is a decimal string, never a float: a JSON number loses
  // precision before the gateway sees it, so it must be refused, not coerced.
  it.each([
    ['a JSON number as the amount', { declaredValue: { amount: 1000.01, currency: 'CNY' } }],
    ['a JSON number as the category', { category: 42 }],
  ])('%s: 400, not coerced to a string', async (_name, parcel) => {
    const answer = await stack.api.post('/v1/intercepts/eligibility', { ...valid(), parcel });
    expectProblem(answer, 'validation-failed', 400);
  });

  it('a number as the tracking number: 400, not coerced to a string', async () => {
    const answer = await stack.api.post('/v1/intercepts/eligibility', {
      ...valid(),
      trackingNumber: 100000016,
    });
    expectProblem(answer, 'validation-failed', 400);
  });
});

describe('redirect bodies', () => {
  const base = () => ({
    carrier: 'sandbox',
    trackingNumber: inTransit,
    orderRef: 'ORD-BAD',
    reason: 'address_error',
    newAddress: ADDRESS,
  });

  it.each([
    {
      name: 'a missing address and order',
      body: () => {
        const { newAddress: _address, orderRef: _order, ...rest } = base();
        return rest;
      },
      pointers: ['/newAddress', '/orderRef'],
    },
    {
      name: 'an address with a bad phone and country',
      body: () => ({ ...base(), newAddress: { ...ADDRESS, phone: 'call me', country: 'China' } }),
      pointers: ['/newAddress/country', '/newAddress/phone'],
    },
    {
      name: 'an address with an unknown field',
      body: () => ({ ...base(), newAddress: { ...ADDRESS, floor: 3 } }),
      pointers: ['/newAddress/floor'],
    },
    {
      name: 'an address without a city',
      body: () => {
        const { city: _city, ...address } = ADDRESS;
        return { ...base(), newAddress: address };
      },
      pointers: ['/newAddress/city'],
    },
  ])('$name: 400 with every bad field pointed at', async (testCase) => {
    const problem = expectProblem(
      await stack.api.post('/v1/redirects', testCase.body(), { idempotencyKey: newKey() }),
      'validation-failed',
      400,
    );
    expect(pointers(problem)).toEqual(testCase.pointers);
  });
});

describe('bodies that are not JSON objects', () => {
  const send = (options: RequestOptions) =>
    stack.api.request('POST', '/v1/intercepts', { idempotencyKey: newKey(), ...options });

  it('malformed JSON is a 400', async () => {
    const problem = expectProblem(
      await send({
        body: '{"carrier": "sandbox",',
        headers: { 'content-type': 'application/json' },
      }),
      'validation-failed',
      400,
    );
    expect(pointers(problem)).toEqual(['']);
  });

  it('an empty JSON body is a 400', async () => {
    expectProblem(
      await send({ body: '', headers: { 'content-type': 'application/json' } }),
      'validation-failed',
      400,
    );
  });

  it('no body at all is a 400', async () => {
    expectProblem(await send({}), 'validation-failed', 400);
  });

  it('a __proto__ key is refused, not merged', async () => {
    const body = `{"__proto__": {"admin": true}, ${JSON.stringify(valid()).slice(1)}`;
    const answer = await send({ body, headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  });

  it.each([
    ['text/plain', JSON.stringify({ carrier: 'sandbox' })],
    ['application/x-www-form-urlencoded', 'carrier=sandbox&trackingNumber=SBX100000016'],
    ['application/xml', '<intercept/>'],
  ])('%s is a 415', async (contentType, body) => {
    expectProblem(
      await send({ body, headers: { 'content-type': contentType } }),
      'unsupported-media-type',
      415,
    );
  });

  it('a body over the limit (64 KiB) is a 413', async () => {
    const body = JSON.stringify({ ...valid(), note: 'n'.repeat(100 * 1024) });
    expectProblem(
      await send({ body, headers: { 'content-type': 'application/json' } }),
      'payload-too-large',
      413,
    );
  });
});

describe('unknown carriers, parcels and ids', () => {
  it('an unknown carrier is a 404 unknown-carrier everywhere', async () => {
    const body = { ...valid(), carrier: 'nope' };
    for (const answer of [
      await stack.api.get(`/v1/tracking/nope/${inTransit}`),
      await stack.api.post('/v1/intercepts/eligibility', body),
      await stack.api.post('/v1/intercepts', body, { idempotencyKey: newKey() }),
      await stack.api.post(
        '/v1/redirects',
        {
          ...body,
          pickupMode: undefined,
          orderRef: 'ORD-1',
          reason: 'address_error',
          newAddress: ADDRESS,
        },
        { idempotencyKey: newKey() },
      ),
    ]) {
      expectProblem(answer, 'unknown-carrier', 404);
    }
  });

  it('a tracking number no carrier recognises is a 404 with carrier=auto', async () => {
    expectProblem(await stack.api.get('/v1/tracking/auto/ZZ123456'), 'unknown-carrier', 404);
  });

  it('carrier=auto finds the sandbox by its check digit', async () => {
    const answer = await stack.api.get<{ carrier: string }>(`/v1/tracking/auto/${inTransit}`);
    expect(answer.status).toBe(200);
    expect(answer.body.carrier).toBe('sandbox');
  });

  it('a parcel the carrier does not know is a 404 parcel-not-found, and nothing is stored', async () => {
    const unknown = 'SBX999999990';
    const body = { ...valid(), trackingNumber: unknown };
    for (const answer of [
      await stack.api.get(`/v1/tracking/sandbox/${unknown}`),
      await stack.api.post('/v1/intercepts/eligibility', body),
      await stack.api.post('/v1/intercepts', body, { idempotencyKey: newKey() }),
    ]) {
      const problem = expectProblem(answer, 'parcel-not-found', 404);
      expect(problem.carrier).toBe('sandbox');
    }
    const listed = await stack.api.get<{ data: unknown[] }>(
      `/v1/intercepts?trackingNumber=${unknown}`,
    );
    expect(listed.body.data).toEqual([]);
  });

  it.each([
    ['/v1/intercepts/123', '/params/id'],
    ['/v1/intercepts/icp_lowercase0000000000000000', '/params/id'],
    ['/v1/intercepts/rdr_01M8B70PM59AKE3HVVHZRNFWN6', '/params/id'],
    ['/v1/redirects/icp_01M8B70PM59AKE3HVVHZRNFWN6', '/params/id'],
    ['/v1/tracking/sandbox/ab', '/params/trackingNumber'],
    ['/v1/tracking/sandbox/SBX%2F100000016', '/params/trackingNumber'],
    ['/v1/tracking/Sandbox/SBX100000016', '/params/carrier'],
  ])('GET %s: 400 pointing at %s', async (path, pointer) => {
    const problem = expectProblem(await stack.api.get(path), 'validation-failed', 400);
    expect(pointers(problem)).toEqual([pointer]);
  });

  it.each([
    '/v1/intercepts/icp_01M8B70PM59AKE3HVVHZRNFWN6',
    '/v1/redirects/rdr_01M8B70PM59AKE3HVVHZRNFWN6',
  ])('GET %s that does not exist: 404', async (path) => {
    expectProblem(await stack.api.get(path), 'not-found', 404);
  });

  it('an unknown route is a 404 problem', async () => {
    expectProblem(await stack.api.get('/v1/shipments'), 'not-found', 404);
    expectProblem(await stack.api.request('DELETE', '/v1/intercepts'), 'not-found', 404);
  });
});

describe('list queries', () => {
  it.each([
    ['cursor=abc', ['/query/cursor']],
    [`cursor=${Buffer.from('["yesterday","icp_x"]').toString('base64url')}`, ['/query/cursor']],
    [`cursor=${Buffer.from('[1,2]').toString('base64url')}`, ['/query/cursor']],
    ['limit=0', ['/query/limit']],
    ['limit=101', ['/query/limit']],
    ['limit=ten', ['/query/limit']],
    ['createdFrom=last-week', ['/query/createdFrom']],
    ['sort=oldest', ['/query/sort']],
    ['carrier=NOPE!', ['/query/carrier']],
  ])('GET /v1/intercepts?%s: 400', async (query, expected) => {
    for (const resource of ['intercepts', 'redirects']) {
      const problem = expectProblem(
        await stack.api.get(`/v1/${resource}?${query}`),
        'validation-failed',
        400,
      );
      expect(pointers(problem)).toEqual(expected);
    }
  });

  // Date.parse accepts more than PostgreSQL does: a cursor that passes the first must
  // still be refused cleanly, not fail in the database.
  it('a forged cursor holding only a year is a 400, not a database error', async () => {
    const cursor = Buffer.from('["2026","icp_01M8B70PM59AKE3HVVHZRNFWN6"]').toString('base64url');
    for (const resource of ['intercepts', 'redirects']) {
      const problem = expectProblem(
        await stack.api.get(`/v1/${resource}?cursor=${cursor}`),
        'validation-failed',
        400,
      );
      expect(pointers(problem)).toEqual(['/query/cursor']);
    }
  });

  it('a forged cursor with a date PostgreSQL can read is answered, never a 500', async () => {
    const cursor = Buffer.from('["Thu Nov 26 2026","icp_01M8B70PM59AKE3HVVHZRNFWN6"]').toString(
      'base64url',
    );
    const answer = await stack.api.get(`/v1/intercepts?cursor=${cursor}`);
    expect(answer.status, answer.text).toBeLessThan(500);
  });
});

describe('control characters in any string', () => {
  let untouched: string;

  beforeAll(async () => {
    // A parcel of its own: none of these requests may reach the carrier, not even to track.
    untouched = await stack.sim.createParcel({ status: 'in_transit' });
  });

  const intercept = () => ({ ...valid(), trackingNumber: untouched });
  const redirect = () => ({
    carrier: 'sandbox',
    trackingNumber: untouched,
    orderRef: 'ORD-NUL',
    reason: 'address_error',
    newAddress: ADDRESS,
  });

  it.each([
    ['a NUL in orderRef', () => ({ ...intercept(), orderRef: 'ORD\u00001' }), '/orderRef'],
    ['a NUL in note', () => ({ ...intercept(), note: 'call first\u0000' }), '/note'],
    [
      'a NUL in the parcel category',
      () => ({ ...intercept(), parcel: { category: 'app\u0000arel' } }),
      '/parcel/category',
    ],
    [
      'a NUL in a carrierOptions value',
      () => ({ ...intercept(), carrierOptions: { com: 'zhong\u0000tong' } }),
      '/carrierOptions/com',
    ],
    ['a bell character in note', () => ({ ...intercept(), note: 'ring\u0007' }), '/note'],
    ['a lone surrogate in note', () => ({ ...intercept(), note: 'half \ud800' }), '/note'],
  ])('%s of an intercept: 400 naming the field', async (_name, body, pointer) => {
    for (const path of ['/v1/intercepts/eligibility', '/v1/intercepts']) {
      const problem = expectProblem(
        await stack.api.post(path, body(), { idempotencyKey: newKey() }),
        'validation-failed',
        400,
      );
      expect(pointers(problem)).toEqual([pointer]);
    }
  });

  it.each([
    ['orderRef', () => ({ ...redirect(), orderRef: '\u0000' }), '/orderRef'],
    ['note', () => ({ ...redirect(), note: 'a\u0000b' }), '/note'],
    [
      'the address line',
      () => ({ ...redirect(), newAddress: { ...ADDRESS, line1: '1 Renmin\u0000 Rd' } }),
      '/newAddress/line1',
    ],
    [
      'the address name',
      () => ({ ...redirect(), newAddress: { ...ADDRESS, name: 'Li\u0000' } }),
      '/newAddress/name',
    ],
    [
      'the city, as a lone surrogate',
      () => ({ ...redirect(), newAddress: { ...ADDRESS, city: '\udc00' } }),
      '/newAddress/city',
    ],
  ])('a NUL in the redirect %s: 400 naming the field', async (_name, body, pointer) => {
    const problem = expectProblem(
      await stack.api.post('/v1/redirects', body(), { idempotencyKey: newKey() }),
      'validation-failed',
      400,
    );
    expect(pointers(problem)).toEqual([pointer]);
  });

  it('tabs and new lines in a note are free text, not control characters', async () => {
    const answer = await stack.api.post('/v1/intercepts/eligibility', {
      ...valid(),
      note: 'ring twice\n\tthen wait\r\n',
    });
    expect(answer.status, answer.text).toBe(200);
  });

  it('a body nested 20 000 arrays deep: 400, not a stack overflow', async () => {
    const body = `${'['.repeat(20_000)}"\u0000"${']'.repeat(20_000)}`;
    const answer = await stack.api.request('POST', '/v1/intercepts/eligibility', {
      body,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(answer, 'validation-failed', 400);
  });

  it('a NUL in the policy: 400 naming the field', async () => {
    const problem = expectProblem(
      await stack.api.request('PUT', '/v1/policy', {
        json: { intercept: { excludedCategories: ['fresh\u0000food'] } },
      }),
      'validation-failed',
      400,
    );
    expect(pointers(problem)).toEqual(['/intercept/excludedCategories/0']);
  });

  it.each([
    ['orderRef=ORD%001', '/query/orderRef'],
    ['status=pending%00', '/query/status'],
    ['reason=%00', '/query/reason'],
    ['createdFrom=2026-01-01T00:00:00Z%00', '/query/createdFrom'],
  ])('GET /v1/intercepts?%s: 400 naming the field', async (query, pointer) => {
    for (const resource of ['intercepts', 'redirects']) {
      const problem = expectProblem(
        await stack.api.get(`/v1/${resource}?${query}`),
        'validation-failed',
        400,
      );
      expect(pointers(problem)).toEqual([pointer]);
    }
  });

  it('a NUL in carrierOptions[com] of a tracking read: 400, and the carrier is not called', async () => {
    const problem = expectProblem(
      await stack.api.get(`/v1/tracking/sandbox/${untouched}?carrierOptions[com]=zto%00`),
      'validation-failed',
      400,
    );
    expect(pointers(problem)).toEqual(['/query/carrierOptions/com']);
  });

  it.each([
    ['/v1/intercepts/icp_01M8B70PM59AKE3HVVHZRN%00WN6', '/params/id'],
    ['/v1/redirects/%00', '/params/id'],
    ['/v1/tracking/sandbox/SBX1000%0000016', '/params/trackingNumber'],
    ['/v1/tracking/sand%00box/SBX100000016', '/params/carrier'],
    ['/v1/tracking/sandbox/SBX%E0%A4%A', '/params'],
  ])('GET %s: 400 naming %s', async (path, pointer) => {
    const problem = expectProblem(await stack.api.get(path), 'validation-failed', 400);
    expect(pointers(problem)).toEqual([pointer]);
  });

  it('a cursor whose id holds a NUL: 400 on cursor', async () => {
    const cursor = Buffer.from('["2026-11-26T05:00:00.000Z","icp_\\u0000"]').toString('base64url');
    for (const resource of ['intercepts', 'redirects']) {
      const problem = expectProblem(
        await stack.api.get(`/v1/${resource}?cursor=${cursor}`),
        'validation-failed',
        400,
      );
      expect(pointers(problem)).toEqual(['/query/cursor']);
    }
  });

  it('none of it reached the carrier, nor was anything stored', async () => {
    expect((await stack.sim.parcel(untouched)).calls).toEqual({
      track: 0,
      intercept: 0,
      redirect: 0,
    });
    for (const resource of ['intercepts', 'redirects']) {
      const listed = await stack.api.get<{ data: unknown[] }>(
        `/v1/${resource}?trackingNumber=${untouched}`,
      );
      expect(listed.body.data).toEqual([]);
    }
  });
});

describe('dates out of range or off the calendar', () => {
  it.each([
    ['createdFrom=0000-01-01T00:00:00Z', '/query/createdFrom'],
    ['createdFrom=0000-01-01', '/query/createdFrom'],
    ['createdFrom=2026-02-30T00:00:00Z', '/query/createdFrom'],
    ['createdTo=2026-01-01T00:00:00%2B23:59', '/query/createdTo'],
    ['createdTo=2026-01-01T00:00:00-14:01', '/query/createdTo'],
    ['createdTo=10000-01-01T00:00:00Z', '/query/createdTo'],
    [`createdTo=2026-01-01T00:00:00.${'1'.repeat(1000)}Z`, '/query/createdTo'],
  ])('GET ?%s: 400 naming the field', async (query, pointer) => {
    for (const resource of ['intercepts', 'redirects']) {
      const problem = expectProblem(
        await stack.api.get(`/v1/${resource}?${query}`),
        'validation-failed',
        400,
      );
      expect(pointers(problem)).toEqual([pointer]);
    }
  });

  it.each([
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2026-01-01T00:00:00%2B14:00',
    '2028-02-29T00:00:00-14:00',
  ])('createdFrom=%s is in range: 200', async (date) => {
    const answer = await stack.api.get(`/v1/intercepts?createdFrom=${date}`);
    expect(answer.status, answer.text).toBe(200);
  });

  it.each([
    ['a calendar-impossible day', '2026-02-30T00:00:00.000Z'],
    ['the year 0', '0000-01-01T00:00:00.000Z'],
  ])('a cursor holding %s: 400 on cursor', async (_name, date) => {
    const cursor = Buffer.from(JSON.stringify([date, 'icp_01M8B70PM59AKE3HVVHZRNFWN6'])).toString(
      'base64url',
    );
    for (const resource of ['intercepts', 'redirects']) {
      const problem = expectProblem(
        await stack.api.get(`/v1/${resource}?cursor=${cursor}`),
        'validation-failed',
        400,
      );
      expect(pointers(problem)).toEqual(['/query/cursor']);
    }
  });
});

describe('carrier pushes with control characters', () => {
  /** SF's sandbox checkword, as the adapter defaults to it. */
  const SF_CHECKWORD = 'sfsim-checkword-0001';
  /** Kuaidi100's sandbox salt. */
  const KUAIDI100_SALT = 'simkd100salt';

  function sfDigest(msgData: string, timestamp: string): string {
    const encoded = encodeURIComponent(msgData + timestamp + SF_CHECKWORD)
      .replace(/[!'()~]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%20/g, '+');
    return createHash('md5').update(encoded, 'utf8').digest('base64');
  }

  /** How many events the gateway logged as stored for the push answered with `answer`. */
  async function storedBy(answer: HttpAnswer<unknown>): Promise<number | undefined> {
    const requestId = answer.headers.get('x-request-id') ?? '';
    const line = await pollUntil(
      async () =>
        stack
          .gatewayLogs()
          .split('\n')
          .find((text) => text.includes('"carrier callback"') && text.includes(requestId)),
      (found) => found !== undefined,
    );
    return line === undefined
      ? undefined
      : (JSON.parse(line) as { events: { stored: number } }).events.stored;
  }

  it('a signed SF route push with a NUL in its remark is stored, replaced, and acknowledged', async () => {
    const mailno = 'SF1000000000901';
    const msgData = JSON.stringify({
      Body: {
        WaybillRoute: [
          {
            mailno,
            acceptTime: '2026-11-26 10:00:00',
            acceptAddress: 'Shen\u0000zhen',
            opCode: '50',
            remark: '已收取\u0000\u0001',
          },
        ],
      },
    });
    const timestamp = '1795660800';
    const body = new URLSearchParams({
      timestamp,
      msgDigest: sfDigest(msgData, timestamp),
      msgData,
    }).toString();
    const answer = await stack.client(undefined).request('POST', '/v1/carrier-callbacks/sf', {
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({ return_code: '0000', return_msg: '成功' });
    expect(await storedBy(answer)).toBe(1);
  });

  it('a signed SF route push in the year 0000 is acknowledged, that route dropped', async () => {
    const msgData = JSON.stringify({
      Body: {
        WaybillRoute: [
          { mailno: 'SF1000000000902', acceptTime: '0000-01-01 10:00:00', opCode: '50' },
          { mailno: 'SF1000000000902', acceptTime: '2026-11-26 10:00:00', opCode: '50' },
        ],
      },
    });
    const timestamp = '1795660800';
    const answer = await stack.client(undefined).request('POST', '/v1/carrier-callbacks/sf', {
      body: new URLSearchParams({
        timestamp,
        msgDigest: sfDigest(msgData, timestamp),
        msgData,
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({ return_code: '0000', return_msg: '成功' });
    expect(await storedBy(answer)).toBe(1);
  });

  it('a signed Kuaidi100 push with a NUL in an event is stored, replaced, and acknowledged', async () => {
    const nu = '73100000000901';
    const param = JSON.stringify({
      status: 'polling',
      billstatus: 'got',
      message: '',
      lastResult: {
        message: 'ok',
        state: '0',
        status: '200',
        ischeck: '0',
        com: 'zhongtong',
        nu,
        data: [
          {
            context: '快件已到达\u0000【杭州】',
            time: '2026-11-26 10:00:00',
            ftime: '2026-11-26 10:00:00',
            areaName: '浙江\u0000杭州',
          },
        ],
      },
    });
    const sign = createHash('md5')
      .update(param + KUAIDI100_SALT, 'utf8')
      .digest('hex')
      .toUpperCase();
    const answer = await stack
      .client(undefined)
      .request('POST', '/v1/carrier-callbacks/kuaidi100', {
        body: new URLSearchParams({ param, sign }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({ result: true, returnCode: '200', message: '成功' });
    expect(await storedBy(answer)).toBe(1);
  });
});

describe('URIs and headers too large for the server', () => {
  it('a URI over 8 KiB is a 414 problem', async () => {
    const answer = await sendRaw(
      stack.gatewayUrl,
      `GET /v1/intercepts?orderRef=${'o'.repeat(9 * 1024)} HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer ${stack.apiKey}`,
    );
    expect(answer.status, answer.body).toBe(414);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ type: `${PROBLEM}uri-too-long`, status: 414 });
  });

  it('a path parameter longer than the router keeps is a 400 naming it, not a 404', async () => {
    const problem = expectProblem(
      await stack.api.get(`/v1/tracking/sandbox/${'X'.repeat(200)}`),
      'validation-failed',
      400,
    );
    expect(pointers(problem)).toEqual(['/params/trackingNumber']);
  });

  it('headers over 16 KiB are a 431 problem', async () => {
    const answer = await sendRaw(
      stack.gatewayUrl,
      `GET /v1/carriers HTTP/1.1\r\nHost: gateway\r\nX-Padding: ${'p'.repeat(20 * 1024)}`,
    );
    expect(answer.status, answer.body).toBe(431);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({
      type: `${PROBLEM}request-header-fields-too-large`,
      status: 431,
    });
  });

  it('a request Node cannot parse is a 400 problem', async () => {
    const answer = await sendRaw(stack.gatewayUrl, 'GET /v1/carriers HTTP/1.1\r\nHost gateway');
    expect(answer.status, answer.body).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({
      type: `${PROBLEM}validation-failed`,
      status: 400,
    });
  });
});

describe('after all of it', () => {
  it('nothing reached the carrier but tracking reads, and the gateway logged no error', async () => {
    expect((await stack.sim.parcel(inTransit)).calls).toMatchObject({ intercept: 0, redirect: 0 });
    const errors = stack
      .gatewayLogs()
      .split('\n')
      .filter((line) => /"level":(50|60)/.test(line));
    expect(errors).toEqual([]);
  });
});
