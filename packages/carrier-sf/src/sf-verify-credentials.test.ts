import { readFileSync } from 'node:fs';
import { createCarrierTestServer, createTestContext } from '@parcelgate/carrier-testkit';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { sfAnswer, sfOk } from './__fixtures__/sf-conformance-fixtures.ts';
import { sfCarrier } from './sf-carrier.ts';
import { computeSfMsgDigest } from './sf-msg-digest.ts';
import { SF_PROBE_WAYBILL, verifySfCredentials } from './sf-verify-credentials.ts';

const BASE_URL = 'https://sfapi-sbox.sf-express.com';
const CREDENTIALS = { partnerId: 'UNIT_PARTNER', checkword: 'unit-checkword-77' };
const server = createCarrierTestServer();

function answer(response: () => Response): void {
  server.use(http.post(`${BASE_URL}/std/service`, response));
}

function answerFixture(name: string): void {
  const body = readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
  answer(() => new HttpResponse(body, { headers: { 'content-type': 'application/json' } }));
}

function context(init: { credentials?: Record<string, string>; signal?: AbortSignal } = {}) {
  return createTestContext({
    carrier: sfCarrier,
    baseUrl: BASE_URL,
    credentials: init.credentials ?? CREDENTIALS,
    ...(init.signal === undefined ? {} : { signal: init.signal }),
  });
}

async function failure(ctx = context()): Promise<unknown> {
  return verifySfCredentials(ctx).then(
    () => {
      throw new Error('expected verifySfCredentials to reject');
    },
    (error: unknown) => error,
  );
}

const noRoutes = () => sfOk({ routeResps: [{ mailNo: SF_PROBE_WAYBILL, routes: [] }] });

describe('verifySfCredentials', () => {
  it('sends a signed route query for the probe waybill and resolves on "no routes"', async () => {
    answer(noRoutes);
    await expect(verifySfCredentials(context())).resolves.toBeUndefined();
    const fields = Object.fromEntries(new URLSearchParams(server.lastCall().body));
    const { msgData = '', timestamp = '' } = fields;
    expect(fields).toMatchObject({
      partnerID: 'UNIT_PARTNER',
      serviceCode: 'EXP_RECE_SEARCH_ROUTES',
      msgDigest: computeSfMsgDigest(msgData, timestamp, CREDENTIALS.checkword),
    });
    expect(JSON.parse(msgData)).toEqual({
      language: '0',
      trackingType: '1',
      trackingNumber: [SF_PROBE_WAYBILL],
      methodType: '1',
    });
    expect(server.calls).toHaveLength(1);
  });

  it('is what the adapter declares as verifyCredentials', () => {
    expect(sfCarrier.verifyCredentials).toBe(verifySfCredentials);
  });

  it.each([
    ['运单不存在', '8018', '运单不存在'],
    ['a field the route service rejects', '1010', '参数校验失败'],
  ])(
    'resolves when past the gateway the service answers %s, logging it at debug',
    async (_label, errorCode, errorMsg) => {
      answer(() => sfAnswer({ success: false, errorCode, errorMsg, msgData: null }));
      const ctx = context();
      await expect(verifySfCredentials(ctx)).resolves.toBeUndefined();
      expect(ctx.logs).toEqual([
        {
          level: 'debug',
          message: 'sf took the credentials; the probe route query itself was refused',
          fields: { errorCode, errorMsg },
        },
      ]);
    },
  );

  it.each([
    ['error-a1006.json', 'A1006'],
    ['error-a1004.json', 'A1004'],
  ])('refuses %s as authentication, sent', async (name, code) => {
    answerFixture(name);
    expect(await failure()).toMatchObject({
      kind: 'authentication',
      carrierCode: code,
      httpStatus: 200,
      requestSent: true,
    });
  });

  it('refuses A1001 (a required field SF found empty) as authentication', async () => {
    answer(() => sfAnswer(undefined, 'A1001', '必传参数不可为空: partnerID'));
    expect(await failure()).toMatchObject({ kind: 'authentication', carrierCode: 'A1001' });
  });

  it('cannot tell on throttling, system errors, proxies and garbled answers', async () => {
    answerFixture('error-a1005.json');
    expect(await failure()).toMatchObject({ kind: 'rate-limited', carrierCode: 'A1005' });
    answerFixture('error-a1099.json');
    expect(await failure()).toMatchObject({ kind: 'retryable', carrierCode: 'A1099' });
    answer(() => new HttpResponse('<html>502 Bad Gateway</html>', { status: 502 }));
    expect(await failure()).toMatchObject({ kind: 'retryable', httpStatus: 502 });
    answerFixture('track-malformed-inner.json');
    expect(await failure()).toMatchObject({ kind: 'retryable', httpStatus: 200 });
  });

  it('classifies a dropped connection as retryable: the probe is a read', async () => {
    answer(() => HttpResponse.error());
    expect(await failure()).toMatchObject({ kind: 'retryable' });
  });

  it('rejects with the signal reason when the budget runs out', async () => {
    answer(noRoutes);
    const budget = new Error('latency budget exhausted');
    expect(await failure(context({ signal: AbortSignal.abort(budget) }))).toBe(budget);
  });

  it('refuses without sending when the checkword is not configured', async () => {
    const error = await failure(context({ credentials: { partnerId: 'UNIT_PARTNER' } }));
    expect(error).toMatchObject({ kind: 'authentication', requestSent: false });
    expect(server.calls).toEqual([]);
  });
});
