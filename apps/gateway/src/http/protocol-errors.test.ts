import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { sendRaw } from '../../test/support/raw-http.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';
import { MAX_URL_LENGTH } from './protocol-errors.ts';

const { carrier, script } = createFakeCarrier();
let gateway: TestGateway;
let url: string;

beforeAll(async () => {
  gateway = await createTestGateway([carrier]);
  url = await gateway.app.listen({ port: 0, host: '127.0.0.1' });
  script.parcels.set('FK800001', 'in_transit');
});
afterAll(() => gateway.close());

const PROBLEM = 'https://parcelgate.dev/problems/';

describe('what the router and the HTTP parser refuse, as problems', () => {
  it('a request target over 8 KiB is a 414, read before the API key', async () => {
    const response = await gateway.app.inject({
      method: 'GET',
      url: `/v1/intercepts?orderRef=${'o'.repeat(MAX_URL_LENGTH)}`,
    });
    expect(response.statusCode).toBe(414);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.json()).toMatchObject({
      type: `${PROBLEM}uri-too-long`,
      requestId: response.headers['x-request-id'],
    });
  });

  it('a path parameter longer than Fastify keeps by default is a 400 naming it', async () => {
    const response = await gateway.app.inject({
      method: 'GET',
      url: `/v1/tracking/fake/${'X'.repeat(101)}`,
      headers: gateway.auth.acme,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      type: `${PROBLEM}validation-failed`,
      errors: [{ pointer: '/params/trackingNumber' }],
    });
  });

  it('a path that does not percent-decode is a 400 problem with its request id', async () => {
    const response = await gateway.app.inject({
      method: 'GET',
      url: '/v1/tracking/fake/FK%E0%A4%A',
      headers: gateway.auth.acme,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.json()).toMatchObject({
      type: `${PROBLEM}validation-failed`,
      errors: [{ pointer: '/params' }],
      requestId: response.headers['x-request-id'],
    });
    expect(script.calls.track).toBe(0);
  });

  it('headers over Node’s limit are a 431 problem', async () => {
    const answer = await sendRaw(
      url,
      `GET /v1/carriers HTTP/1.1\r\nHost: gateway\r\nX-Padding: ${'p'.repeat(20_000)}`,
    );
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({
      type: `${PROBLEM}request-header-fields-too-large`,
      status: 431,
      requestId: answer.headers['x-request-id'],
    });
  });

  it('a request line and headers Node cannot parse are a 400 problem', async () => {
    const answer = await sendRaw(url, 'GET /v1/carriers HTTP/1.1\r\nHost gateway');
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ type: `${PROBLEM}validation-failed` });
  });
});
