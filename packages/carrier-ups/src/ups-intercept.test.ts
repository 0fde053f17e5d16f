import { createCarrierTestServer } from '@parcelgate/carrier-testkit';
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createUpsTestContext, UPS_TEST_BASE_URL } from '../test/support/ups-test-context.ts';
import chargesSingle from './__fixtures__/charges-single.json' with { type: 'json' };
import eligibilityError from './__fixtures__/eligibility-error.json' with { type: 'json' };
import eligibilitySuccess from './__fixtures__/eligibility-success.json' with { type: 'json' };
import interceptError from './__fixtures__/intercept-error.json' with { type: 'json' };
import interceptError400 from './__fixtures__/intercept-error-400.json' with { type: 'json' };
import interceptSuccess from './__fixtures__/intercept-success.json' with { type: 'json' };
import tokenSuccess from './__fixtures__/token-success.json' with { type: 'json' };
import trackInTransit from './__fixtures__/track-in-transit.json' with { type: 'json' };
import { interceptUpsParcel } from './ups-intercept.ts';
import { UPS_RETURN_REASONS } from './ups-intercept-reason.ts';
import { redirectUpsParcel } from './ups-redirect.ts';
import { upsTokenCache } from './ups-token-cache.ts';

const server = createCarrierTestServer();
const NUMBER = '1Z023E2X0214323462';
const DI = `${UPS_TEST_BASE_URL}/api/deliveryintercept/v2`;
const request = {
  trackingNumber: NUMBER,
  reference: 'icp_unit_1',
  reason: 'buyer_cancelled',
} as const;

function answer(method: 'get' | 'post', path: string, body: JsonBodyType, status = 200) {
  server.use(http[method](`${DI}${path}`, () => HttpResponse.json(body, { status })));
}

beforeEach(() => {
  upsTokenCache.clear();
  server.use(
    http.post(`${UPS_TEST_BASE_URL}/security/v1/oauth/token`, () =>
      HttpResponse.json(tokenSuccess),
    ),
    http.get(`${UPS_TEST_BASE_URL}/api/track/v1/details/${NUMBER}`, () =>
      HttpResponse.json(trackInTransit),
    ),
  );
  answer('get', `/eligibility/intercept/${NUMBER}`, eligibilitySuccess);
  answer('post', `/charges/${NUMBER}`, chargesSingle);
});

function callTo(path: string) {
  return server.calls.find((call) => call.url.pathname === `/api/deliveryintercept/v2${path}`);
}

describe('interceptUpsParcel', () => {
  it('sends RS with the mapped reason, required headers, and answers accepted with the fee', async () => {
    answer('post', `/return/${NUMBER}`, interceptSuccess);
    const result = await interceptUpsParcel(createUpsTestContext(), request);
    expect(result).toEqual({
      outcome: 'accepted',
      carrierReference: 'ASR1212',
      fee: { amount: '40.00', currency: 'USD' },
      message: 'UPS accepted the return to sender; it is carried out on the delivery day',
    });
    const sent = callTo(`/return/${NUMBER}`);
    expect(sent?.headers).toMatchObject({
      transid: 'equnittest0001',
      platformtype: 'XOLT',
      inquirytype: 'U',
      'content-type': 'application/json',
    });
    expect(sent?.json).toEqual({
      requestType: 'RS',
      reasonForReturn: 'AM',
      requesterContactInfo: {
        name: 'Unit Merchant',
        telephone: '+14045550100',
        displayPhoneNumber: false,
      },
      specialInstructions: null,
    });
    expect(callTo(`/charges/${NUMBER}`)?.json).toEqual({
      ratingRequest: [
        {
          fromAddress: {
            addressLine1: '1899',
            city: 'Baltimore',
            state: 'MD',
            postalCode: '21230-3410',
            countryCode: 'US',
            firstName: 'Sears',
            phoneNumber: '+14045550100',
          },
          toAddress: {
            addressLine1: '12911 FORK RD',
            city: 'BALDWIN',
            state: 'MD',
            postalCode: '21013',
            countryCode: 'US',
            firstName: 'Sam Carren',
            phoneNumber: '+14045550100',
          },
          trackInfo: { interceptOption: 'RS' },
        },
      ],
    });
  });

  it('maps every intercept reason to a UPS return reason', () => {
    expect(UPS_RETURN_REASONS).toEqual({
      buyer_cancelled: 'AM',
      address_error: 'FA',
      merchant_error: 'KV',
      logistics_exception: 'KV',
      other: 'KV',
    });
  });

  it('reads a 200 with success:false and System Error as retryable, nothing placed', async () => {
    answer('post', `/return/${NUMBER}`, interceptError);
    await expect(interceptUpsParcel(createUpsTestContext(), request)).rejects.toMatchObject({
      kind: 'retryable',
      carrierCode: '500',
      httpStatus: 200,
    });
  });

  it('reads a 200 with success:false and another code as a refusal, reason from the parcel', async () => {
    answer('post', `/return/${NUMBER}`, {
      ...interceptError,
      errors: [{ errorCode: '9103', errorMessage: 'Too late' }],
    });
    await expect(interceptUpsParcel(createUpsTestContext(), request)).rejects.toMatchObject({
      kind: 'not-eligible',
      carrierCode: '9103',
      // The example parcel shows a customs exception: nothing in the status explains it.
      reason: 'carrier_refused',
      requestSent: true,
    });
  });

  it('refuses without sending when eligibility says NOT_ELIGIBLE', async () => {
    const notEligible = structuredClone(eligibilitySuccess);
    for (const entry of notEligible.response.commonEligibilityMap) {
      entry.eligibilityValue.createEligibility = 'NOT_ELIGIBLE';
    }
    answer('get', `/eligibility/intercept/${NUMBER}`, notEligible);
    await expect(interceptUpsParcel(createUpsTestContext(), request)).rejects.toMatchObject({
      kind: 'not-eligible',
      carrierCode: 'NOT_ELIGIBLE',
      requestSent: false,
    });
    expect(callTo(`/return/${NUMBER}`)).toBeUndefined();
  });

  it('reads an eligibility 200 with success:false as retryable, the intercept not sent', async () => {
    answer('get', `/eligibility/intercept/${NUMBER}`, eligibilityError);
    await expect(interceptUpsParcel(createUpsTestContext(), request)).rejects.toMatchObject({
      kind: 'retryable',
      carrierCode: '500',
      requestSent: false,
    });
  });

  it('goes on without a fee when the quote fails', async () => {
    answer('post', `/charges/${NUMBER}`, interceptError400, 400);
    answer('post', `/return/${NUMBER}`, interceptSuccess);
    const ctx = createUpsTestContext();
    const result = await interceptUpsParcel(ctx, request);
    expect(result.fee).toBeUndefined();
    expect(ctx.logs.some((line) => line.level === 'warn')).toBe(true);
  });

  it('classifies a wrapped 400 (710) as invalid-request', async () => {
    answer('post', `/return/${NUMBER}`, interceptError400, 400);
    await expect(interceptUpsParcel(createUpsTestContext(), request)).rejects.toMatchObject({
      kind: 'invalid-request',
      carrierCode: '710',
    });
  });

  it('refuses numbers Delivery Intercept cannot take, before any call', async () => {
    await expect(
      interceptUpsParcel(createUpsTestContext(), { ...request, trackingNumber: '1Z123' }),
    ).rejects.toMatchObject({
      kind: 'invalid-request',
      field: 'trackingNumber',
      requestSent: false,
    });
    expect(server.calls).toHaveLength(0);
  });
});

describe('redirectUpsParcel', () => {
  const newAddress = {
    name: 'Jane Doe',
    phone: '+1 (404) 555-0111',
    line1: '12911 Fork Rd',
    city: 'Baldwin',
    region: 'md',
    postalCode: '21013',
    country: 'us',
  };

  it('sends AA with newDeliveryAddress and the note as special instructions', async () => {
    answer('post', `/redirect/address/${NUMBER}`, interceptSuccess);
    const result = await redirectUpsParcel(createUpsTestContext(), {
      trackingNumber: NUMBER,
      reference: 'rdr_unit_1',
      newAddress,
      note: 'Leave at the back door',
    });
    expect(result).toMatchObject({
      outcome: 'accepted',
      fee: { amount: '40.00', currency: 'USD' },
    });
    expect(callTo(`/redirect/address/${NUMBER}`)?.json).toMatchObject({
      requestType: 'AA',
      specialInstructions: 'Leave at the back door',
      newDeliveryAddress: {
        addressNickName: 'Parcelgate redirect',
        addressInfo: {
          addressLine1: '12911 Fork Rd',
          city: 'Baldwin',
          state: 'MD',
          postalCode: '21013',
          countryCode: 'US',
        },
        nameOrCompanyName: 'Jane Doe',
        phoneNumber: '+14045550111',
      },
    });
    expect(callTo(`/charges/${NUMBER}`)?.json).toMatchObject({
      ratingRequest: [
        { trackInfo: { interceptOption: 'AA' }, redirectAddress: { addressInfo: { state: 'MD' } } },
      ],
    });
  });

  it.each([
    [{ country: 'CN' }, 'newAddress.country'],
    [{ region: 'Shanghai' }, 'newAddress.region'],
    [{ postalCode: '200120x' }, 'newAddress.postalCode'],
    [{ phone: '12345678901234567' }, 'newAddress.phone'],
  ])('refuses %j before sending, naming %s', async (change, field) => {
    await expect(
      redirectUpsParcel(createUpsTestContext(), {
        trackingNumber: NUMBER,
        reference: 'rdr_unit_2',
        newAddress: { ...newAddress, ...change },
      }),
    ).rejects.toMatchObject({ kind: 'invalid-request', field, requestSent: false });
    expect(server.calls).toHaveLength(0);
  });
});
