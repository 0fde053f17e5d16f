import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';

const { carrier } = createFakeCarrier();
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway([carrier], { PARCELGATE_BODY_LIMIT_BYTES: '2048' });
});
afterAll(() => gateway.close());

function post(payload: string, contentType = 'application/json') {
  return gateway.app.inject({
    method: 'POST',
    url: '/v1/intercepts/eligibility',
    headers: { ...gateway.auth.acme, 'content-type': contentType },
    payload,
  });
}

function expectProblem(response: Awaited<ReturnType<typeof post>>, status: number, type: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json');
  const problem = response.json();
  expect(problem).toMatchObject({ type: `https://parcelgate.dev/problems/${type}`, status });
  expect(problem.requestId).toBe(response.headers['x-request-id']);
  return problem;
}

describe('problems', () => {
  it('locates every bad field with a JSON pointer, unknown fields included', async () => {
    const response = await post(
      JSON.stringify({
        carrier: 'fake',
        trackingNumber: 'FK1',
        reason: 'bored',
        pickupMode: 'platform_pickup',
        parcel: { declaredValue: { amount: '12,5', currency: 'CNY' }, colour: 'red' },
        surprise: true,
      }),
    );
    const problem = expectProblem(response, 400, 'validation-failed');
    const pointers = problem.errors.map((error: { pointer: string }) => error.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/trackingNumber',
        '/reason',
        '/parcel/declaredValue/amount',
        '/parcel/colour',
        '/surprise',
      ]),
    );
  });

  it('answers malformed JSON, a wrong media type and an oversized body as problems', async () => {
    expectProblem(await post('{"carrier": '), 400, 'validation-failed');
    expectProblem(
      await post('carrier=fake', 'application/x-www-form-urlencoded'),
      415,
      'unsupported-media-type',
    );
    expectProblem(await post(JSON.stringify({ note: 'x'.repeat(4096) })), 413, 'payload-too-large');
  });

  it('answers unknown routes and bad path parameters as problems', async () => {
    const route = await gateway.app.inject({
      method: 'GET',
      url: '/v1/nothing-here',
      headers: gateway.auth.acme,
    });
    expectProblem(route, 404, 'not-found');
    const badId = await gateway.app.inject({
      method: 'GET',
      url: '/v1/intercepts/42',
      headers: gateway.auth.acme,
    });
    const problem = expectProblem(badId, 400, 'validation-failed');
    expect(problem.errors[0].pointer).toBe('/params/id');
    const badCursor = await gateway.app.inject({
      method: 'GET',
      url: '/v1/intercepts?cursor=garbage',
      headers: gateway.auth.acme,
    });
    expect(expectProblem(badCursor, 400, 'validation-failed').errors).toEqual([
      { pointer: '/query/cursor', detail: 'is not a cursor this API returned' },
    ]);
    const badLimit = await gateway.app.inject({
      method: 'GET',
      url: '/v1/intercepts?limit=500',
      headers: gateway.auth.acme,
    });
    expect(expectProblem(badLimit, 400, 'validation-failed').errors[0].pointer).toBe(
      '/query/limit',
    );
  });
});
