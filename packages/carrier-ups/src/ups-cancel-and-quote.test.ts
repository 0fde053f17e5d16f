import { createCarrierTestServer } from '@parcelgate/carrier-testkit';
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { US_ADDRESS } from '../test/support/conformance-options.ts';
import { createUpsTestContext, UPS_TEST_BASE_URL } from '../test/support/ups-test-context.ts';
import chargesSingle from './__fixtures__/charges-single.json' with { type: 'json' };
import interceptError from './__fixtures__/intercept-error.json' with { type: 'json' };
import interceptSuccess from './__fixtures__/intercept-success.json' with { type: 'json' };
import tokenSuccess from './__fixtures__/token-success.json' with { type: 'json' };
import trackInTransit from './__fixtures__/track-in-transit.json' with { type: 'json' };
import { cancelUpsIntercept, cancelUpsRedirect } from './ups-cancel.ts';
import { quoteUpsFee } from './ups-fee-quote.ts';
import { upsTokenCache } from './ups-token-cache.ts';

const server = createCarrierTestServer();
const NUMBER = '1Z023E2X0214323462';
const DI = `${UPS_TEST_BASE_URL}/api/deliveryintercept/v2`;

/**
 * What DeliveryIntercept.yaml requires of every Delivery Intercept call: the `transId`
 * (3-14 of `[a-zA-Z0-9-.]`), `platformType`, `Content-Type` and `inquiryType` headers.
 */
const REQUIRED_HEADERS = {
  transid: expect.stringMatching(/^[a-zA-Z0-9-.]{3,14}$/),
  platformtype: 'XOLT',
  inquirytype: 'U',
  'content-type': 'application/json',
};

function answer(method: 'get' | 'post', path: string, body: JsonBodyType, status = 200) {
  server.use(http[method](`${DI}${path}`, () => HttpResponse.json(body, { status })));
}

function callTo(path: string) {
  return server.calls.find((call) => call.url.pathname === `/api/deliveryintercept/v2${path}`);
}

/** The first rating request of the charges call sent for the package. */
function sentRating(): Record<string, unknown> | undefined {
  const body = callTo(`/charges/${NUMBER}`)?.json as
    | { readonly ratingRequest?: readonly Record<string, unknown>[] }
    | undefined;
  return body?.ratingRequest?.[0];
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
});

describe('cancelUpsIntercept and cancelUpsRedirect', () => {
  it('cancel RS with every field and header the spec requires, answering cancelled', async () => {
    answer('post', `/cancel/${NUMBER}`, interceptSuccess);
    const result = await cancelUpsIntercept(createUpsTestContext(), {
      trackingNumber: NUMBER,
      reference: 'icp_unit_1',
    });
    expect(result).toMatchObject({ outcome: 'cancelled', carrierReference: 'ASR1212' });
    const sent = callTo(`/cancel/${NUMBER}`);
    expect(sent?.headers).toMatchObject(REQUIRED_HEADERS);
    expect(sent?.url.searchParams.get('loc')).toBe('en_US');
    // DeliveryInterceptRequestV2: requesterContactInfo (name, telephone) and
    // specialInstructions are required, requestType is the type being cancelled.
    expect(sent?.json).toEqual({
      requestType: 'RS',
      requesterContactInfo: {
        name: 'Unit Merchant',
        telephone: '+14045550100',
        displayPhoneNumber: false,
      },
      specialInstructions: null,
    });
  });

  it('cancel AA for a redirect', async () => {
    answer('post', `/cancel/${NUMBER}`, interceptSuccess);
    const result = await cancelUpsRedirect(createUpsTestContext(), {
      trackingNumber: NUMBER,
      reference: 'rdr_unit_1',
    });
    expect(result.outcome).toBe('cancelled');
    expect(callTo(`/cancel/${NUMBER}`)?.json).toMatchObject({ requestType: 'AA' });
  });

  it('answer a refusal (success: false) as rejected with the code, never as an error', async () => {
    answer('post', `/cancel/${NUMBER}`, {
      ...interceptError,
      errors: [
        {
          errorCode: '9110',
          errorMessage: 'The delivery change is already under way and cannot be cancelled.',
        },
      ],
    });
    const result = await cancelUpsIntercept(createUpsTestContext(), {
      trackingNumber: NUMBER,
      reference: 'icp_unit_1',
    });
    expect(result).toEqual({
      outcome: 'rejected',
      carrierReference: 'ASR1212',
      carrierReason: '9110',
      message: 'The delivery change is already under way and cannot be cancelled.',
    });
  });

  it("throw UPS's System Error as retryable: UPS did not decide", async () => {
    answer('post', `/cancel/${NUMBER}`, interceptError);
    await expect(
      cancelUpsIntercept(createUpsTestContext(), { trackingNumber: NUMBER, reference: 'icp_1' }),
    ).rejects.toMatchObject({ kind: 'retryable', carrierCode: '500', requestSent: true });
  });

  it('refuse a number Delivery Intercept cannot take, before sending', async () => {
    await expect(
      cancelUpsIntercept(createUpsTestContext(), { trackingNumber: 'SF123', reference: 'icp_1' }),
    ).rejects.toMatchObject({ kind: 'invalid-request', requestSent: false });
    expect(server.calls).toHaveLength(0);
  });
});

describe('quoteUpsFee', () => {
  it('rates RS from the tracked addresses with what the spec requires, answering totalCharge', async () => {
    answer('post', `/charges/${NUMBER}`, chargesSingle);
    const quote = await quoteUpsFee(createUpsTestContext(), {
      trackingNumber: NUMBER,
      action: 'intercept',
    });
    expect(quote).toEqual({
      amount: { amount: '40.00', currency: 'USD' },
      lines: [
        { label: 'interceptCharge', amount: { amount: '5.00', currency: 'USD' } },
        { label: 'accessorialCharge', amount: { amount: '10.00', currency: 'USD' } },
        { label: 'transportationCharge', amount: { amount: '25.00', currency: 'USD' } },
        { label: 'totalTax', amount: { amount: '7.00', currency: 'USD' } },
      ],
    });
    const sent = callTo(`/charges/${NUMBER}`);
    expect(sent?.headers).toMatchObject(REQUIRED_HEADERS);
    // DeliveryInterceptChargesRequestV2: ratingRequest[] with fromAddress, toAddress and
    // trackInfo.interceptOption; each address with addressLine1, city, state, postalCode,
    // countryCode (DeliveryInterceptAddressV2) and firstName, phoneNumber (Additional...).
    const rating = sentRating();
    expect(rating?.trackInfo).toEqual({ interceptOption: 'RS' });
    for (const party of [rating?.fromAddress, rating?.toAddress]) {
      expect(party).toMatchObject({
        addressLine1: expect.any(String),
        city: expect.any(String),
        state: expect.stringMatching(/^[A-Z]{2}$/),
        postalCode: expect.any(String),
        countryCode: expect.stringMatching(/^[A-Z]{2}$/),
        firstName: expect.any(String),
        phoneNumber: expect.stringMatching(/^\+\d{1,13}$/),
      });
    }
    expect(rating).not.toHaveProperty('redirectAddress');
  });

  it('rates AA with the new address as redirectAddress, with its required fields', async () => {
    answer('post', `/charges/${NUMBER}`, chargesSingle);
    await quoteUpsFee(createUpsTestContext(), {
      trackingNumber: NUMBER,
      action: 'redirect',
      newAddress: US_ADDRESS,
    });
    const rating = sentRating();
    expect(rating?.trackInfo).toEqual({ interceptOption: 'AA' });
    expect(rating?.redirectAddress).toMatchObject({
      addressNickName: expect.stringMatching(/^.{2,20}$/),
      addressInfo: { city: 'Baldwin', state: 'MD', postalCode: '21013', countryCode: 'US' },
      nameOrCompanyName: expect.any(String),
      contactName: expect.any(String),
      phoneNumber: expect.stringMatching(/^\+\d{1,13}$/),
    });
  });

  it('throws not-eligible when UPS quotes nothing, and a classified error on failure', async () => {
    answer('post', `/charges/${NUMBER}`, {
      response: { success: false, errors: [{ code: '9107', message: 'Not eligible' }] },
    });
    await expect(
      quoteUpsFee(createUpsTestContext(), { trackingNumber: NUMBER, action: 'intercept' }),
    ).rejects.toMatchObject({ kind: 'not-eligible', carrierCode: '9107' });
    answer('post', `/charges/${NUMBER}`, { response: { errors: [{ code: '710' }] } }, 400);
    await expect(
      quoteUpsFee(createUpsTestContext(), { trackingNumber: NUMBER, action: 'intercept' }),
    ).rejects.toMatchObject({ kind: 'invalid-request' });
  });

  it('refuses a redirect quote to an address UPS cannot take, before sending', async () => {
    await expect(
      quoteUpsFee(createUpsTestContext(), {
        trackingNumber: NUMBER,
        action: 'redirect',
        newAddress: { ...US_ADDRESS, country: 'CN' },
      }),
    ).rejects.toMatchObject({ kind: 'invalid-request', requestSent: false });
    expect(callTo(`/charges/${NUMBER}`)).toBeUndefined();
  });
});
