import { Buffer } from 'node:buffer';
import { createCarrierTestServer } from '@parcelgate/carrier-testkit';
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createUpsTestContext,
  UPS_TEST_BASE_URL,
  UPS_TEST_CREDENTIALS,
} from '../test/support/ups-test-context.ts';
import tokenError401 from './__fixtures__/token-error-401.json' with { type: 'json' };
import tokenError429 from './__fixtures__/token-error-429.json' with { type: 'json' };
import tokenSuccess from './__fixtures__/token-success.json' with { type: 'json' };
import trackInTransit from './__fixtures__/track-in-transit.json' with { type: 'json' };
import { upsCarrier } from './ups-carrier.ts';
import { upsTokenCache } from './ups-token-cache.ts';
import { trackUpsParcel } from './ups-track.ts';
import { verifyUpsCredentials } from './ups-verify-credentials.ts';

const server = createCarrierTestServer();
const TOKEN_URL = `${UPS_TEST_BASE_URL}/security/v1/oauth/token`;
const NUMBER = '1Z023E2X0214323462';
const TRACK_URL = `${UPS_TEST_BASE_URL}/api/track/v1/details/${NUMBER}`;

/** The token endpoint answering `status` with `body`; counts the requests. */
function tokenAnswers(body: JsonBodyType, status = 200, headers: Record<string, string> = {}) {
  const requests: Request[] = [];
  server.use(
    http.post(TOKEN_URL, ({ request }) => {
      requests.push(request);
      return HttpResponse.json(body, { status, headers });
    }),
  );
  return requests;
}

async function failure(ctx = createUpsTestContext()): Promise<unknown> {
  return verifyUpsCredentials(ctx).then(
    () => {
      throw new Error('expected verifyUpsCredentials to reject');
    },
    (error: unknown) => error,
  );
}

beforeEach(() => upsTokenCache.clear());

describe('verifyUpsCredentials', () => {
  it('asks for a token with the client credentials, and resolves when one is issued', async () => {
    tokenAnswers(tokenSuccess);
    const ctx = createUpsTestContext({
      credentials: { ...UPS_TEST_CREDENTIALS, merchantId: '123456' },
    });
    await expect(verifyUpsCredentials(ctx)).resolves.toBeUndefined();
    const [call] = server.calls;
    expect(server.calls).toHaveLength(1);
    expect(call?.url.href).toBe(TOKEN_URL);
    expect(call?.headers.authorization).toBe(
      `Basic ${Buffer.from('unit-client:unit-secret-4f9c2a7e').toString('base64')}`,
    );
    expect(call?.headers['x-merchant-id']).toBe('123456');
    expect(call?.body).toBe('grant_type=client_credentials');
  });

  it('is what the adapter declares as verifyCredentials', () => {
    expect(upsCarrier.verifyCredentials).toBe(verifyUpsCredentials);
  });

  it('asks UPS even when a token for these credentials is cached, and keeps that token', async () => {
    const issued = tokenAnswers({ ...tokenSuccess, access_token: 'cached-token' });
    const seen: string[] = [];
    server.use(
      http.get(TRACK_URL, ({ request }) => {
        seen.push(request.headers.get('authorization') ?? '');
        return HttpResponse.json(trackInTransit);
      }),
    );
    await trackUpsParcel(createUpsTestContext(), { trackingNumber: NUMBER });
    expect(issued).toHaveLength(1);

    // UPS now refuses the client (a revoked secret): the test must say so at once...
    tokenAnswers(tokenError401, 401);
    expect(await failure()).toMatchObject({ kind: 'authentication' });
    // ...without taking away the token operations still hold.
    await trackUpsParcel(createUpsTestContext(), { trackingNumber: NUMBER });
    expect(seen).toEqual(['Bearer cached-token', 'Bearer cached-token']);
  });

  it('does not put its fresh token in the cache', async () => {
    tokenAnswers({ ...tokenSuccess, access_token: 'verify-token' });
    await verifyUpsCredentials(createUpsTestContext());
    const issued = tokenAnswers({ ...tokenSuccess, access_token: 'operation-token' });
    server.use(http.get(TRACK_URL, () => HttpResponse.json(trackInTransit)));
    await trackUpsParcel(createUpsTestContext(), { trackingNumber: NUMBER });
    expect(issued).toHaveLength(1);
  });

  it('refuses as authentication on 401, sent, with UPS code and no secret in the message', async () => {
    tokenAnswers(tokenError401, 401);
    const error = await failure();
    expect(error).toMatchObject({
      kind: 'authentication',
      httpStatus: 401,
      requestSent: true,
      carrierCode: '250002',
      message: 'ups token endpoint answered HTTP 401 (250002): Invalid Authentication Information.',
    });
    expect(String(error)).not.toContain(UPS_TEST_CREDENTIALS.clientSecret);
  });

  it.each([
    [403, { response: { errors: [{ code: '250003', message: 'Blocked Merchant' }] } }],
    [400, { response: { errors: [{ code: '10400', message: 'Invalid or missing grant_type' }] } }],
  ])('refuses as authentication on %i', async (status, body) => {
    tokenAnswers(body, status);
    expect(await failure()).toMatchObject({ kind: 'authentication', httpStatus: status });
  });

  it('cannot tell on a quota 429, a 5xx or an unreadable token', async () => {
    tokenAnswers(tokenError429, 429, { 'retry-after': '30' });
    expect(await failure()).toMatchObject({ kind: 'rate-limited', retryAfterMs: 30_000 });
    server.use(http.post(TOKEN_URL, () => new HttpResponse('<html>503</html>', { status: 503 })));
    expect(await failure()).toMatchObject({ kind: 'retryable', httpStatus: 503 });
    tokenAnswers({ token_type: 'Bearer' });
    expect(await failure()).toMatchObject({ kind: 'retryable', httpStatus: 200 });
  });

  it('classifies a dropped connection as retryable', async () => {
    server.use(http.post(TOKEN_URL, () => HttpResponse.error()));
    expect(await failure()).toMatchObject({ kind: 'retryable' });
  });

  it('rejects with the signal reason when the budget runs out', async () => {
    tokenAnswers(tokenSuccess);
    const budget = new Error('latency budget exhausted');
    expect(await failure(createUpsTestContext({ signal: AbortSignal.abort(budget) }))).toBe(budget);
  });

  it('refuses without sending when no client is configured', async () => {
    const ctx = createUpsTestContext({ credentials: { clientId: 'unit-client' } });
    expect(await failure(ctx)).toMatchObject({ kind: 'authentication', requestSent: false });
    expect(server.calls).toEqual([]);
  });
});
