import { Buffer } from 'node:buffer';
import { createCarrierTestServer } from '@parcelgate/carrier-testkit';
import { HttpResponse, http } from 'msw';
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
import { TOKEN_REFRESH_MARGIN_MS } from './ups-oauth.ts';
import { sendUpsRequest } from './ups-request.ts';
import { upsTokenCache } from './ups-token-cache.ts';

const server = createCarrierTestServer();
const TOKEN_URL = `${UPS_TEST_BASE_URL}/security/v1/oauth/token`;
const TRACK_URL = `${UPS_TEST_BASE_URL}/api/track/v1/details/1Z023E2X0214323462`;
const call = { method: 'GET', path: '/api/track/v1/details/1Z023E2X0214323462' } as const;

/** Answers tokens `token-1`, `token-2`, ... and counts them. */
function issueTokens(expiresIn = '14399') {
  const issued: string[] = [];
  server.use(
    http.post(TOKEN_URL, () => {
      const token = `token-${issued.length + 1}`;
      issued.push(token);
      return HttpResponse.json({ ...tokenSuccess, access_token: token, expires_in: expiresIn });
    }),
  );
  return issued;
}

/** The track endpoint, accepting only `accepted` tokens; records the ones it saw. */
function trackAccepting(accepted: (token: string) => boolean) {
  const seen: string[] = [];
  server.use(
    http.get(TRACK_URL, ({ request }) => {
      const token = request.headers.get('authorization')?.replace('Bearer ', '') ?? '';
      seen.push(token);
      return accepted(token)
        ? HttpResponse.json(trackInTransit)
        : HttpResponse.json(
            { response: { errors: [{ code: '251004', message: 'Bearer Token expired' }] } },
            { status: 401 },
          );
    }),
  );
  return seen;
}

beforeEach(() => upsTokenCache.clear());

describe('the OAuth token call', () => {
  it('sends Basic client_id:client_secret and grant_type=client_credentials', async () => {
    issueTokens();
    trackAccepting(() => true);
    await sendUpsRequest(createUpsTestContext(), call);
    const tokenCall = server.calls.find((recorded) => recorded.url.href === TOKEN_URL);
    // Computed independently from RFC 7617 and pasted: base64("unit-client:unit-secret-4f9c2a7e").
    const expected = `Basic ${Buffer.from('unit-client:unit-secret-4f9c2a7e').toString('base64')}`;
    expect(expected).toBe('Basic dW5pdC1jbGllbnQ6dW5pdC1zZWNyZXQtNGY5YzJhN2U=');
    expect(tokenCall?.headers.authorization).toBe(expected);
    expect(tokenCall?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(tokenCall?.body).toBe('grant_type=client_credentials');
    expect(tokenCall?.headers['x-merchant-id']).toBeUndefined();
  });

  it('sends x-merchant-id when an account number is configured', async () => {
    issueTokens();
    trackAccepting(() => true);
    const ctx = createUpsTestContext({
      credentials: { ...UPS_TEST_CREDENTIALS, merchantId: '123456' },
    });
    await sendUpsRequest(ctx, call);
    expect(server.calls[0]?.headers['x-merchant-id']).toBe('123456');
  });

  it('sends the API call with the bearer token, transId and transactionSrc', async () => {
    issueTokens();
    trackAccepting(() => true);
    await sendUpsRequest(createUpsTestContext(), call);
    const apiCall = server.lastCall();
    expect(apiCall.headers.authorization).toBe('Bearer token-1');
    expect(apiCall.headers.transid).toBe('equnittest0001');
    expect(apiCall.headers.transactionsrc).toBe('parcelgate');
  });
});

describe('the token cache', () => {
  it('reuses a token until shortly before expires_in runs out, on ctx.clock', async () => {
    const issued = issueTokens('3600');
    trackAccepting(() => true);
    const ctx = createUpsTestContext();
    await sendUpsRequest(ctx, call);
    ctx.clock.advance(3_600_000 - TOKEN_REFRESH_MARGIN_MS - 1);
    await sendUpsRequest(ctx, call);
    expect(issued).toEqual(['token-1']);
    ctx.clock.advance(1);
    await sendUpsRequest(ctx, call);
    expect(issued).toEqual(['token-1', 'token-2']);
  });

  it('fetches one token for many concurrent callers', async () => {
    const issued = issueTokens();
    trackAccepting(() => true);
    const ctx = createUpsTestContext();
    await Promise.all(Array.from({ length: 8 }, () => sendUpsRequest(ctx, call)));
    expect(issued).toEqual(['token-1']);
  });

  it('keeps tokens apart per credential, keyed by a hash of the secret', async () => {
    const issued = issueTokens();
    trackAccepting(() => true);
    await sendUpsRequest(createUpsTestContext(), call);
    const rotated = { ...UPS_TEST_CREDENTIALS, clientSecret: 'rotated-secret-77aa' };
    await sendUpsRequest(createUpsTestContext({ credentials: rotated }), call);
    expect(issued).toEqual(['token-1', 'token-2']);
  });

  it('renews a token UPS refused with a 401 once, and sends the call again', async () => {
    const issued = issueTokens();
    const seen = trackAccepting((token) => token !== 'token-1');
    const response = await sendUpsRequest(createUpsTestContext(), call);
    expect(response.status).toBe(200);
    expect(issued).toEqual(['token-1', 'token-2']);
    expect(seen).toEqual(['token-1', 'token-2']);
  });

  it('renews once for many callers refused with the same token', async () => {
    const issued = issueTokens();
    trackAccepting((token) => token !== 'token-1');
    const ctx = createUpsTestContext();
    await sendUpsRequest(ctx, call);
    upsTokenCache.clear();
    issued.length = 0;
    const responses = await Promise.all(Array.from({ length: 5 }, () => sendUpsRequest(ctx, call)));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(issued).toEqual(['token-1', 'token-2']);
  });

  it('hands a second 401 to the caller instead of looping', async () => {
    const issued = issueTokens();
    const seen = trackAccepting(() => false);
    const response = await sendUpsRequest(createUpsTestContext(), call);
    expect(response.status).toBe(401);
    expect(issued).toHaveLength(2);
    expect(seen).toHaveLength(2);
  });
});

describe('token failures', () => {
  it.each([
    [401, tokenError401, 'authentication', '250002'],
    [
      403,
      { response: { errors: [{ code: '250003', message: 'Blocked Merchant' }] } },
      'authentication',
      '250003',
    ],
    [
      400,
      { response: { errors: [{ code: '10400', message: 'Invalid grant' }] } },
      'authentication',
      '10400',
    ],
    [429, tokenError429, 'rate-limited', '250011'],
    [
      503,
      { response: { errors: [{ code: '10003', message: 'Service Unavailable' }] } },
      'retryable',
      '10003',
    ],
  ])('classifies HTTP %i as %s, the call not sent', async (status, body, kind, carrierCode) => {
    server.use(
      http.post(TOKEN_URL, () =>
        HttpResponse.json(body, { status, headers: { 'retry-after': '9' } }),
      ),
    );
    const failure = sendUpsRequest(createUpsTestContext(), call);
    await expect(failure).rejects.toMatchObject({ kind, carrierCode, requestSent: false });
    await expect(failure).rejects.not.toHaveProperty(
      'message',
      expect.stringContaining('unit-secret'),
    );
    if (kind === 'rate-limited') {
      await expect(failure).rejects.toMatchObject({ retryAfterMs: 9000 });
    }
  });

  it('refuses to call without client credentials', async () => {
    const ctx = createUpsTestContext({ credentials: { clientId: 'unit-client' } });
    await expect(sendUpsRequest(ctx, call)).rejects.toMatchObject({
      kind: 'authentication',
      requestSent: false,
    });
    expect(server.calls).toHaveLength(0);
  });
});
