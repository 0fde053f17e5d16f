import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';

describe('security headers on answers', () => {
  const { carrier } = createFakeCarrier();
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await createTestGateway([carrier], {}, { database: 'from-env' });
  });
  afterAll(() => gateway?.close());

  it('sends nosniff and no-store on API answers, problems and unknown paths', async () => {
    const answers = [
      await gateway.app.inject({ method: 'GET', url: '/v1/carriers', headers: gateway.auth.acme }),
      await gateway.app.inject({ method: 'GET', url: '/v1/carriers' }),
      await gateway.app.inject({ method: 'GET', url: '/v1/nope', headers: gateway.auth.acme }),
      await gateway.app.inject({
        method: 'POST',
        url: '/v1/intercepts',
        headers: { ...gateway.auth.acme, 'idempotency-key': 'headers-1' },
        payload: { carrier: 'fake' },
      }),
      await gateway.app.inject({ method: 'GET', url: '/healthz' }),
      await gateway.app.inject({ method: 'GET', url: '/openapi.json' }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 401, 404, 400, 200, 200]);
    for (const answer of answers) {
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['cache-control']).toBe('no-store');
    }
  });

  it("keeps the API reference's own caching of its static files", async () => {
    const asset = await gateway.app.inject({ method: 'GET', url: '/docs/static/swagger-ui.css' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    expect(asset.headers['cache-control']).not.toBe('no-store');
  });
});
