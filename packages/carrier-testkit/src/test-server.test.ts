import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createCarrierTestServer } from './test-server.ts';

const carrier = createCarrierTestServer([
  http.get('https://api.acme.test/v1/shipments/:number', ({ params }) =>
    HttpResponse.json({ number: params.number }),
  ),
]);

describe('createCarrierTestServer', () => {
  it('answers with its handlers and records every call, body included', async () => {
    await fetch('https://api.acme.test/v1/shipments/ACM1', { headers: { 'x-api-key': 'k1' } });
    carrier.use(
      http.post('https://api.acme.test/v1/intercepts', () => HttpResponse.json({ ok: true })),
    );
    const response = await fetch('https://api.acme.test/v1/intercepts', {
      method: 'POST',
      body: JSON.stringify({ reference: 'icp_1' }),
    });
    expect(await response.json()).toEqual({ ok: true });
    expect(carrier.calls.map((call) => [call.method, call.url.pathname])).toEqual([
      ['GET', '/v1/shipments/ACM1'],
      ['POST', '/v1/intercepts'],
    ]);
    expect(carrier.calls[0]?.headers['x-api-key']).toBe('k1');
    expect(carrier.lastCall()).toMatchObject({
      body: '{"reference":"icp_1"}',
      json: { reference: 'icp_1' },
    });
  });

  it('forgets per-test handlers and calls after each test', async () => {
    expect(carrier.calls).toEqual([]);
    expect(() => carrier.lastCall()).toThrow('the carrier test server received no request');
    await expect(
      fetch('https://api.acme.test/v1/intercepts', { method: 'POST' }),
    ).rejects.toThrow();
  });

  it('keeps a non-JSON body as text', async () => {
    carrier.use(
      http.post('https://api.acme.test/v1/form', () => new HttpResponse(null, { status: 204 })),
    );
    await fetch('https://api.acme.test/v1/form', {
      method: 'POST',
      body: new URLSearchParams({ a: '1' }),
    });
    expect(carrier.lastCall()).toMatchObject({ body: 'a=1', json: undefined });
  });
});
