import { readFileSync } from 'node:fs';
import { isCarrierErrorOfKind } from '@parcelgate/carrier-kit';
import {
  createCarrierTestServer,
  createTestContext,
  sampleRequests,
} from '@parcelgate/carrier-testkit';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { sfCarrier } from './sf-carrier.ts';
import { computeSfMsgDigest } from './sf-msg-digest.ts';

const BASE_URL = 'https://sfapi-sbox.sf-express.com';
const CREDENTIALS = {
  partnerId: 'UNIT_PARTNER',
  checkword: 'unit-checkword-77',
  monthlyCardNo: '7551234567',
  returnProvince: '广东省',
  returnCity: '深圳市',
  returnCounty: '南山区',
  returnAddress: '科技园南区1号仓',
  returnContact: '退货仓',
  returnPhone: '075500000000',
};
const server = createCarrierTestServer();

function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
}

function answerWith(name: string): void {
  server.use(
    http.post(
      `${BASE_URL}/std/service`,
      () => new HttpResponse(fixture(name), { headers: { 'content-type': 'application/json' } }),
    ),
  );
}

function context() {
  return createTestContext({ carrier: sfCarrier, baseUrl: BASE_URL, credentials: CREDENTIALS });
}

/** The form the adapter sent, with msgData parsed and the digest checked independently. */
function sentForm(): { fields: Record<string, string>; msgData: unknown } {
  const fields = Object.fromEntries(new URLSearchParams(server.lastCall().body));
  const { msgData = '', timestamp = '', msgDigest } = fields;
  expect(msgDigest).toBe(computeSfMsgDigest(msgData, timestamp, CREDENTIALS.checkword));
  return { fields, msgData: JSON.parse(msgData) };
}

async function rejection(promise: Promise<unknown> | undefined): Promise<unknown> {
  return Promise.resolve(promise).then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('track (EXP_RECE_SEARCH_ROUTES)', () => {
  it('posts the signed form and reads routes in China time', async () => {
    answerWith('track-delivered.json');
    const snapshot = await sfCarrier.track(context(), {
      trackingNumber: 'SF7444407228423',
      phoneLastDigits: '8000',
    });
    const { fields, msgData } = sentForm();
    expect(server.lastCall().headers['content-type']).toBe(
      'application/x-www-form-urlencoded;charset=UTF-8',
    );
    expect(fields).toMatchObject({
      partnerID: 'UNIT_PARTNER',
      serviceCode: 'EXP_RECE_SEARCH_ROUTES',
      timestamp: String(Math.floor(context().clock.now().getTime() / 1000)),
    });
    expect(fields.requestID).toMatch(/^[0-9a-f-]{36}$/);
    expect(msgData).toEqual({
      language: '0',
      trackingType: '1',
      trackingNumber: ['SF7444407228423'],
      methodType: '1',
      checkPhoneNo: '8000',
    });
    expect(snapshot.status).toBe('delivered');
    expect(snapshot.events[0]).toMatchObject({
      occurredAt: '2026-11-24T18:32:10+08:00',
      status: 'picked_up',
      raw: { code: '50' },
    });
  });

  it('no routes is not-found, naming phoneLastDigits', async () => {
    answerWith('track-no-routes.json');
    const error = await rejection(
      sfCarrier.track(context(), { trackingNumber: 'SF7444407228423' }),
    );
    expect(isCarrierErrorOfKind(error, 'not-found')).toBe(true);
    expect(String(error)).toContain('phoneLastDigits');
  });

  it('malformed apiResultData is retryable for a read', async () => {
    answerWith('track-malformed-inner.json');
    const error = await rejection(
      sfCarrier.track(context(), { trackingNumber: 'SF7444407228423' }),
    );
    expect(isCarrierErrorOfKind(error, 'retryable')).toBe(true);
  });

  it.each([
    ['error-a1006.json', 'authentication'],
    ['error-a1004.json', 'authentication'],
    ['error-a1005.json', 'rate-limited'],
    ['error-a1099.json', 'retryable'],
  ])('%s is %s', async (name, kind) => {
    answerWith(name);
    const error = await rejection(
      sfCarrier.track(context(), { trackingNumber: 'SF7444407228423' }),
    );
    expect(isCarrierErrorOfKind(error, kind as 'retryable')).toBe(true);
  });
});

describe('wanted intercept (EXP_RECE_WANTED_INTERCEPT)', () => {
  it('returns to sender with serviceCode 2 and the configured return address', async () => {
    answerWith('intercept-accepted.json');
    const result = await sfCarrier.intercept?.(
      context(),
      sampleRequests.intercept('SF7444407228423'),
    );
    expect(sentForm().msgData).toEqual({
      waybillNo: 'SF7444407228423',
      serviceCode: '2',
      role: '1',
      payMode: '4',
      monthlyCardNo: '7551234567',
      newDestAddress: {
        province: '广东省',
        city: '深圳市',
        county: '南山区',
        address: '科技园南区1号仓',
        contact: '退货仓',
        phone: '075500000000',
      },
    });
    expect(result).toEqual({ outcome: 'accepted', carrierReference: 'SFI000000017' });
  });

  it('takes payMode and the return address from the connection, never from carrierOptions', async () => {
    answerWith('intercept-accepted-null.json');
    const result = await sfCarrier.intercept?.(
      createTestContext({
        carrier: sfCarrier,
        baseUrl: BASE_URL,
        credentials: { ...CREDENTIALS, payMode: '1', returnCity: '广州市', returnCounty: '天河区' },
      }),
      sampleRequests.intercept('SF7444407228423', {
        // Undeclared: the gateway refuses these; an adapter called directly ignores them.
        carrierOptions: {
          payMode: '2',
          monthlyCardNo: '7559999999',
          returnCity: '北京市',
          returnAddress: '别处',
        },
      }),
    );
    expect(sentForm().msgData).toMatchObject({
      payMode: '1',
      monthlyCardNo: '7551234567',
      newDestAddress: { city: '广州市', county: '天河区', address: '科技园南区1号仓' },
    });
    expect(result).toEqual({ outcome: 'accepted' });
  });

  it('redirects with serviceCode 1 and the new address, keeping the quoted fee', async () => {
    answerWith('redirect-accepted.json');
    const result = await sfCarrier.redirect?.(
      context(),
      sampleRequests.redirect('SF7444407228423', { carrierOptions: { county: '浦东新区' } }),
    );
    expect(sentForm().msgData).toMatchObject({
      serviceCode: '1',
      newDestAddress: {
        province: '上海市',
        city: '上海市',
        county: '浦东新区',
        address: '浦东新区世纪大道100号8楼801室',
        contact: '李雷',
        phone: '13800138000',
      },
    });
    expect(result).toEqual({
      outcome: 'accepted',
      carrierReference: 'SFI000000018',
      fee: { amount: '12.00', currency: 'CNY' },
    });
  });

  it.each([
    [
      'intercept-duplicate.json',
      { kind: 'not-eligible', reason: 'already_intercepted', carrierCode: '8016' },
    ],
    ['intercept-delivered.json', { kind: 'not-eligible', reason: 'delivered' }],
    ['intercept-unknown-waybill.json', { kind: 'not-found' }],
    ['intercept-invalid.json', { kind: 'invalid-request', carrierCode: '1010' }],
    ['error-a1099.json', { kind: 'outcome-unknown' }],
  ])('%s is classified', async (name, expected) => {
    answerWith(name);
    const error = await rejection(
      sfCarrier.intercept?.(context(), sampleRequests.intercept('SF7444407228423')),
    );
    expect(error).toMatchObject(expected);
  });

  it('without a return address nothing is sent: invalid-request on newDestAddress', async () => {
    const error = await rejection(
      sfCarrier.intercept?.(
        createTestContext({
          carrier: sfCarrier,
          baseUrl: BASE_URL,
          credentials: { partnerId: 'P', checkword: 'C', monthlyCardNo: '1' },
        }),
        sampleRequests.intercept('SF7444407228423'),
      ),
    );
    expect(error).toMatchObject({
      kind: 'invalid-request',
      field: 'newDestAddress',
      requestSent: false,
    });
    expect(server.calls).toHaveLength(0);
  });

  it('cancels a return instruction by its cusId', async () => {
    answerWith('intercept-accepted-null.json');
    const result = await sfCarrier.cancelIntercept(context(), {
      trackingNumber: 'SF7444407228423',
      reference: 'icp_1',
      carrierReference: 'SFI000000017',
    });
    expect(sentForm().msgData).toEqual({
      waybillNo: 'SF7444407228423',
      serviceCode: '2',
      role: '1',
      cancel: true,
      cusId: 'SFI000000017',
    });
    expect(result).toMatchObject({ outcome: 'cancelled', carrierReference: 'SFI000000017' });
  });

  it('cancels a redirect instruction with serviceCode 1', async () => {
    answerWith('intercept-accepted-null.json');
    await sfCarrier.cancelRedirect(context(), {
      trackingNumber: 'SF7444407228423',
      reference: 'rdr_1',
      carrierReference: 'SFI000000018',
    });
    expect(sentForm().msgData).toMatchObject({ serviceCode: '1', cancel: true });
  });

  it('answers a refusal to cancel as rejected, and an unknown waybill as not-found', async () => {
    answerWith('intercept-delivered.json');
    const result = await sfCarrier.cancelIntercept(context(), {
      trackingNumber: 'SF7444407228423',
      reference: 'icp_1',
    });
    expect(result).toMatchObject({ outcome: 'rejected', carrierReason: expect.any(String) });
    answerWith('intercept-unknown-waybill.json');
    await expect(
      sfCarrier.cancelIntercept(context(), { trackingNumber: 'SF7444407228423', reference: 'i' }),
    ).rejects.toMatchObject({ kind: 'not-found' });
  });
});
