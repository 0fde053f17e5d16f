import { describe, expect, it } from 'vitest';
import { acceptedIntercept, interceptRequest } from './__fixtures__/resources.ts';
import { json, problem, scriptedFetch } from './__fixtures__/scripted-fetch.ts';
import { createParcelgateClient } from './create-client.ts';
import { isProblemError } from './errors/problem-error.ts';
import { isNotEligible, isValidationFailed } from './errors/problem-guards.ts';

function clientWith(fetch: (request: Request) => Promise<Response>) {
  return createParcelgateClient({
    baseUrl: 'https://gateway.test/',
    apiKey: 'key_1',
    fetch,
    headers: { 'x-trace': 't-1' },
  });
}

const emptyPage = { data: [], nextCursor: null };

describe('requests', () => {
  it('sends the API key, the extra headers and JSON to the right URL', async () => {
    const double = scriptedFetch(json(201, acceptedIntercept()));
    await clientWith(double.fetch).intercepts.create(interceptRequest, { preferWaitSeconds: 3 });
    const [sent] = double.sent;
    expect(sent?.method).toBe('POST');
    expect(sent?.url).toBe('https://gateway.test/v1/intercepts');
    expect(sent?.headers.get('authorization')).toBe('Bearer key_1');
    expect(sent?.headers.get('x-trace')).toBe('t-1');
    expect(sent?.headers.get('content-type')).toBe('application/json');
    expect(sent?.headers.get('prefer')).toBe('wait=3');
    expect(JSON.parse(sent?.body ?? '')).toEqual(interceptRequest);
  });

  it('sends a key with every POST, none with reads or the idempotent PUT', async () => {
    const double = scriptedFetch(json(200, {}));
    const client = clientWith(double.fetch);
    await client.intercepts.checkEligibility(interceptRequest);
    await client.redirects.create({
      carrier: 'sandbox',
      trackingNumber: 'SBX1',
      orderRef: 'TTS-1',
      reason: 'address_error',
      newAddress: {
        name: 'Li Lei',
        phone: '+8613800000000',
        line1: '1 Rd',
        city: 'Suzhou',
        country: 'CN',
      },
    });
    await client.policy.replace({ redirect: { whenFreeUsed: 'refuse' } });
    await client.policy.get();
    await client.policy.getAtCarrier('sandbox');
    await client.carriers.list();
    await client.intercepts.get('icp_1');
    await client.redirects.get('rdr_1');
    expect(
      double.sent.map((sent) => [
        sent.method,
        new URL(sent.url).pathname,
        sent.headers.has('idempotency-key'),
      ]),
    ).toEqual([
      ['POST', '/v1/intercepts/eligibility', true],
      ['POST', '/v1/redirects', true],
      ['PUT', '/v1/policy', false],
      ['GET', '/v1/policy', false],
      ['GET', '/v1/policy', false],
      ['GET', '/v1/carriers', false],
      ['GET', '/v1/intercepts/icp_1', false],
      ['GET', '/v1/redirects/rdr_1', false],
    ]);
    expect(new URL(double.sent[4]?.url ?? '').search).toBe('?carrier=sandbox');
  });

  it('escapes path parameters and serializes list filters', async () => {
    const double = scriptedFetch(json(200, emptyPage));
    const client = clientWith(double.fetch);
    await client.tracking.get('auto', 'A B/1', { preferWaitSeconds: 1 });
    await client.intercepts.listPage({ status: 'accepted', carrier: 'sandbox', limit: 5 });
    expect(double.sent[0]?.url).toBe('https://gateway.test/v1/tracking/auto/A%20B%2F1');
    expect(double.sent[0]?.headers.get('prefer')).toBe('wait=1');
    expect(double.sent[1]?.url).toBe(
      'https://gateway.test/v1/intercepts?status=accepted&carrier=sandbox&limit=5',
    );
  });

  it('sends a bulk tracking read and a detection as the API names them', async () => {
    const double = scriptedFetch(json(200, { data: [] }));
    const client = clientWith(double.fetch);
    await client.tracking.batch([{ carrier: 'auto', trackingNumber: 'JT1234567890123' }], {
      preferWaitSeconds: 2,
    });
    await client.carriers.detect('JT1234567890123');
    expect(double.sent[0]?.method).toBe('POST');
    expect(double.sent[0]?.url).toBe('https://gateway.test/v1/tracking/batch');
    expect(double.sent[0]?.headers.get('prefer')).toBe('wait=2');
    expect(JSON.parse(double.sent[0]?.body ?? '{}')).toEqual({
      items: [{ carrier: 'auto', trackingNumber: 'JT1234567890123' }],
    });
    expect(double.sent[1]?.url).toBe(
      'https://gateway.test/v1/carriers/detect?trackingNumber=JT1234567890123',
    );
  });

  it('refuses settings that could not work, when the client is made', () => {
    const base = { baseUrl: 'https://gateway.test', apiKey: 'k' };
    expect(() => createParcelgateClient({ ...base, baseUrl: 'gateway.test' })).toThrow(/baseUrl/);
    expect(() => createParcelgateClient({ ...base, apiKey: '' })).toThrow(/apiKey/);
    expect(() => createParcelgateClient({ ...base, timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createParcelgateClient({ ...base, maxRetries: 1.5 })).toThrow(/maxRetries/);
  });
});

describe('error answers', () => {
  it('throws a typed problem with every field of the document', async () => {
    const body = {
      type: 'https://parcelgate.dev/problems/not-eligible',
      title: 'The parcel cannot be intercepted or redirected now',
      status: 422,
      detail: 'The parcel cannot be intercepted now: delivered.',
      instance: '/v1/intercepts',
      requestId: 'req-9',
      carrier: 'sandbox',
      interceptId: 'icp_9',
      reasons: [{ code: 'delivered', message: 'The parcel was delivered.' }],
    };
    const double = scriptedFetch(
      new Response(JSON.stringify(body), {
        status: 422,
        headers: { 'content-type': 'application/problem+json' },
      }),
    );
    const error = await clientWith(double.fetch)
      .intercepts.create(interceptRequest, { idempotencyKey: 'k-9' })
      .catch((caught) => caught);
    expect(isNotEligible(error)).toBe(true);
    expect(isValidationFailed(error)).toBe(false);
    expect(error).toMatchObject({
      status: 422,
      type: body.type,
      problemType: 'not-eligible',
      title: body.title,
      detail: body.detail,
      requestId: 'req-9',
      carrier: 'sandbox',
      interceptId: 'icp_9',
      reasons: body.reasons,
      errors: [],
      idempotencyKey: 'k-9',
      problem: body,
    });
    expect(error.message).toContain('not-eligible');
  });

  it('turns a non-problem error page into an about:blank problem', async () => {
    const double = scriptedFetch(
      new Response('<html>502 Bad Gateway</html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'content-type': 'text/html' },
      }),
    );
    const error = await clientWith(double.fetch)
      .carriers.list()
      .catch((caught) => caught);
    expect(isProblemError(error)).toBe(true);
    expect(error).toMatchObject({
      status: 502,
      type: 'about:blank',
      problemType: undefined,
      title: 'Bad Gateway',
      detail: '<html>502 Bad Gateway</html>',
      problem: undefined,
    });
  });

  it('keeps the errors of a validation problem', async () => {
    const double = scriptedFetch(
      new Response(
        JSON.stringify({
          ...JSON.parse(await problem(400, 'validation-failed').text()),
          errors: [{ pointer: '/trackingNumber', detail: 'must match pattern' }],
        }),
        { status: 400, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    const error = await clientWith(double.fetch)
      .intercepts.checkEligibility(interceptRequest)
      .catch((caught) => caught);
    expect(isValidationFailed(error) && error.errors).toEqual([
      { pointer: '/trackingNumber', detail: 'must match pattern' },
    ]);
  });
});

describe('pagination', () => {
  const page = (ids: string[], nextCursor: string | null) =>
    json(200, { data: ids.map((id) => acceptedIntercept(id)), nextCursor });

  it('follows cursors item by item, passing the filters on every page', async () => {
    const double = scriptedFetch(page(['a', 'b'], 'c1'), page(['c'], 'c2'), page([], null));
    const client = clientWith(double.fetch);
    const ids: string[] = [];
    for await (const intercept of client.intercepts.list({ status: 'accepted', limit: 2 })) {
      ids.push(intercept.id);
    }
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(double.sent.map((sent) => new URL(sent.url).search)).toEqual([
      '?status=accepted&limit=2',
      '?status=accepted&limit=2&cursor=c1',
      '?status=accepted&limit=2&cursor=c2',
    ]);
  });

  it('requests no further page once the loop breaks', async () => {
    const double = scriptedFetch(page(['a', 'b'], 'c1'), page(['c'], null));
    for await (const intercept of clientWith(double.fetch).intercepts.list()) {
      expect(intercept.id).toBe('a');
      break;
    }
    expect(double.sent).toHaveLength(1);
  });

  it('walks whole pages with .pages()', async () => {
    const double = scriptedFetch(page(['a'], 'c1'), page(['b'], null));
    const sizes: number[] = [];
    for await (const current of clientWith(double.fetch).redirects.list().pages()) {
      sizes.push(current.data.length);
    }
    expect(sizes).toEqual([1, 1]);
  });
});
