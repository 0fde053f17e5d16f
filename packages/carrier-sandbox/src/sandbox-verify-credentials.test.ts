import { isCarrierErrorOfKind } from '@parcelgate/carrier-kit';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  sandboxJson,
  sandboxText,
  useSandboxMockServer,
} from '../test/support/sandbox-mock-server.ts';
import {
  createSandboxTestContext,
  SANDBOX_TEST_API_KEY,
} from '../test/support/sandbox-test-context.ts';
import error401 from './__fixtures__/error-401.json' with { type: 'json' };
import error403 from './__fixtures__/error-403.json' with { type: 'json' };
import error429 from './__fixtures__/error-429.json' with { type: 'json' };
import trackInTransit from './__fixtures__/track-in-transit.json' with { type: 'json' };
import trackNotFound from './__fixtures__/track-not-found.json' with { type: 'json' };
import { detectSandboxTrackingNumber } from './detect-sandbox-tracking-number.ts';
import { sandboxCarrier } from './sandbox-carrier.ts';
import {
  SANDBOX_PROBE_TRACKING_NUMBER,
  verifySandboxCredentials,
} from './sandbox-verify-credentials.ts';

const server = useSandboxMockServer();
const PROBE_PATH = `/v1/parcels/${SANDBOX_PROBE_TRACKING_NUMBER}`;

async function failure(ctx = createSandboxTestContext()): Promise<unknown> {
  return verifySandboxCredentials(ctx).then(
    () => {
      throw new Error('expected verifySandboxCredentials to reject');
    },
    (error: unknown) => error,
  );
}

describe('verifySandboxCredentials', () => {
  it('reads the probe parcel with the bearer key, and takes PARCEL_NOT_FOUND as accepted', async () => {
    server.answer('GET', PROBE_PATH, () => sandboxJson(trackNotFound, 404));
    await expect(verifySandboxCredentials(createSandboxTestContext())).resolves.toBeUndefined();
    expect(server.calls).toMatchInlineSnapshot(`
      [
        {
          "body": undefined,
          "headers": {
            "accept": "application/json",
            "authorization": "Bearer <api key>",
          },
          "method": "GET",
          "path": "/v1/parcels/SBX999999996",
        },
      ]
    `);
  });

  it('probes a well-formed number, so a sandbox that checks formats still looks it up', () => {
    expect(detectSandboxTrackingNumber(SANDBOX_PROBE_TRACKING_NUMBER)).toBe('verified');
  });

  it('is what the adapter declares as verifyCredentials', () => {
    expect(sandboxCarrier.verifyCredentials).toBe(verifySandboxCredentials);
  });

  it('takes a parcel that happens to exist as accepted too', async () => {
    server.answer('GET', PROBE_PATH, () => sandboxJson(trackInTransit));
    await expect(verifySandboxCredentials(createSandboxTestContext())).resolves.toBeUndefined();
  });

  it.each([
    [401, error401],
    [403, error403],
  ])(
    'refuses as authentication on HTTP %i, without the key in the message',
    async (status, body) => {
      server.answer('GET', PROBE_PATH, () => sandboxJson(body, status));
      const error = await failure();
      expect(error).toMatchObject({
        kind: 'authentication',
        httpStatus: status,
        requestSent: true,
      });
      expect(String(error)).not.toContain(SANDBOX_TEST_API_KEY);
    },
  );

  it('does not take a 404 from something else (no PARCEL_NOT_FOUND) as accepted', async () => {
    server.answer('GET', PROBE_PATH, () =>
      sandboxJson({ error: { code: 'NOT_FOUND', message: 'no such route' } }, 404),
    );
    expect(await failure()).toMatchObject({
      kind: 'invalid-request',
      carrierCode: 'NOT_FOUND',
      message: expect.stringContaining('is the base URL the sandbox API'),
    });
    server.answer('GET', PROBE_PATH, () => sandboxText('<h1>Not Found</h1>', 404, 'text/html'));
    expect(await failure()).toMatchObject({ kind: 'invalid-request', httpStatus: 404 });
  });

  it('cannot tell on 429 or 5xx: rate-limited and retryable', async () => {
    server.answer('GET', PROBE_PATH, () => sandboxJson(error429, 429, { 'retry-after': '3' }));
    expect(await failure()).toMatchObject({ kind: 'rate-limited', retryAfterMs: 3000 });
    server.answer('GET', PROBE_PATH, () => sandboxText('<html>502</html>', 502, 'text/html'));
    expect(await failure()).toMatchObject({ kind: 'retryable', httpStatus: 502 });
  });

  it('classifies a dropped connection as retryable', async () => {
    server.answer('GET', PROBE_PATH, () => HttpResponse.error());
    expect(isCarrierErrorOfKind(await failure(), 'retryable')).toBe(true);
  });

  it('rejects with the signal reason when the budget runs out', async () => {
    server.answer('GET', PROBE_PATH, () => sandboxJson(trackNotFound, 404));
    const budget = new Error('latency budget exhausted');
    const ctx = createSandboxTestContext({ signal: AbortSignal.abort(budget) });
    expect(await failure(ctx)).toBe(budget);
  });

  it('refuses without sending when no API key is configured', async () => {
    expect(await failure(createSandboxTestContext({ apiKey: '' }))).toMatchObject({
      kind: 'authentication',
      requestSent: false,
    });
    expect(server.calls).toEqual([]);
  });
});
