import { createCarrierTestServer, type RecordedCall } from '@parcelgate/carrier-testkit';
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadUpsContract, type UpsContract } from '../test/support/ups-openapi.ts';
import { createUpsTestContext, UPS_TEST_BASE_URL } from '../test/support/ups-test-context.ts';
import chargesSingle from './__fixtures__/charges-single.json' with { type: 'json' };
import eligibilityError from './__fixtures__/eligibility-error.json' with { type: 'json' };
import eligibilitySuccess from './__fixtures__/eligibility-success.json' with { type: 'json' };
import interceptError from './__fixtures__/intercept-error.json' with { type: 'json' };
import interceptError400 from './__fixtures__/intercept-error-400.json' with { type: 'json' };
import interceptError401 from './__fixtures__/intercept-error-401.json' with { type: 'json' };
import interceptSuccess from './__fixtures__/intercept-success.json' with { type: 'json' };
import tokenError401 from './__fixtures__/token-error-401.json' with { type: 'json' };
import tokenError429 from './__fixtures__/token-error-429.json' with { type: 'json' };
import tokenSuccess from './__fixtures__/token-success.json' with { type: 'json' };
import trackAlertDelivered from './__fixtures__/track-alert-delivered.json' with { type: 'json' };
import trackAlertOutForDelivery from './__fixtures__/track-alert-out-for-delivery.json' with {
  type: 'json',
};
import trackDelivered from './__fixtures__/track-delivered.json' with { type: 'json' };
import trackError404 from './__fixtures__/track-error-404.json' with { type: 'json' };
import trackInTransit from './__fixtures__/track-in-transit.json' with { type: 'json' };
import trackNotFound from './__fixtures__/track-not-found.json' with { type: 'json' };
import { cancelUpsIntercept } from './ups-cancel.ts';
import { interceptUpsParcel } from './ups-intercept.ts';
import { redirectUpsParcel } from './ups-redirect.ts';
import { upsTokenCache } from './ups-token-cache.ts';
import { trackUpsParcel } from './ups-track.ts';

/**
 * Every request the adapter sends and every response fixture it reads, checked against
 * UPS's published OpenAPI files (openapi/) by openapi-backend's validator: a request that
 * lacks a header, parameter or body field UPS marks required fails here, before UPS
 * answers 400 (710) in production.
 */

const server = createCarrierTestServer();
const NUMBER = '1Z023E2X0214323462';
const DI = `${UPS_TEST_BASE_URL}/api/deliveryintercept/v2`;

let contract: UpsContract;

beforeAll(async () => {
  contract = await loadUpsContract();
});

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
  answer('post', `/return/${NUMBER}`, interceptSuccess);
  answer('post', `/redirect/address/${NUMBER}`, interceptSuccess);
  answer('post', `/cancel/${NUMBER}`, interceptSuccess);
});

/**
 * The operation and the validator's complaints of every call the server saw, by operation
 * (the adapter reads tracking and eligibility at the same time).
 */
function checkedCalls(): [string, readonly string[]][] {
  return server.calls
    .map((call): [string, readonly string[]] => {
      const check = contract.checkRequest(call);
      return [check.operationId, check.errors];
    })
    .sort(([left], [right]) => left.localeCompare(right));
}

const US_ADDRESS = {
  name: 'Jane Doe',
  phone: '+1 (404) 555-0111',
  line1: '12911 Fork Rd',
  city: 'Baldwin',
  region: 'MD',
  postalCode: '21013',
  country: 'US',
} as const;

describe('requests the adapter sends, against the published UPS specs', () => {
  it('track: token, then getSingleTrackResponseUsingGET', async () => {
    await trackUpsParcel(createUpsTestContext(), { trackingNumber: NUMBER });
    expect(checkedCalls()).toEqual([
      ['CreateToken', []],
      ['getSingleTrackResponseUsingGET', []],
    ]);
  });

  it('intercept: track, eligibility, charges and return', async () => {
    await interceptUpsParcel(createUpsTestContext(), {
      trackingNumber: NUMBER,
      reference: 'icp_contract_1',
      reason: 'buyer_cancelled',
    });
    expect(checkedCalls()).toEqual([
      ['CreateToken', []],
      ['getCharges', []],
      ['getEligibilityOptions', []],
      ['getSingleTrackResponseUsingGET', []],
      ['returnInterceptOption', []],
    ]);
  });

  it('redirect: track, charges and redirect/address', async () => {
    await redirectUpsParcel(createUpsTestContext(), {
      trackingNumber: NUMBER,
      reference: 'rdr_contract_1',
      newAddress: US_ADDRESS,
      note: 'Leave at the back door',
    });
    expect(checkedCalls()).toEqual([
      ['CreateToken', []],
      ['getCharges', []],
      ['getRedirectInterceptOptions', []],
      ['getSingleTrackResponseUsingGET', []],
    ]);
  });

  it('cancel: cancelInterceptOption', async () => {
    await cancelUpsIntercept(createUpsTestContext(), {
      trackingNumber: NUMBER,
      reference: 'icp_contract_1',
    });
    expect(checkedCalls()).toEqual([
      ['cancelInterceptOption', []],
      ['CreateToken', []],
    ]);
  });
});

describe('the validator itself', () => {
  /** A recorded call of the intercept flow, by operation. */
  async function recordedIntercept(): Promise<Map<string, RecordedCall>> {
    await interceptUpsParcel(createUpsTestContext(), {
      trackingNumber: NUMBER,
      reference: 'icp_contract_2',
      reason: 'buyer_cancelled',
    });
    return new Map(server.calls.map((call) => [contract.checkRequest(call).operationId, call]));
  }

  function withoutHeader(call: RecordedCall, name: string): RecordedCall {
    const headers = Object.fromEntries(
      Object.entries(call.headers).filter(([key]) => key !== name),
    );
    return { ...call, headers };
  }

  function withoutField(call: RecordedCall, field: string): RecordedCall {
    const body: object = typeof call.json === 'object' && call.json !== null ? call.json : {};
    const json = Object.fromEntries(Object.entries(body).filter(([key]) => key !== field));
    return { ...call, json, body: JSON.stringify(json) };
  }

  it.each([
    ['returnInterceptOption', 'transid'],
    ['returnInterceptOption', 'platformtype'],
    ['returnInterceptOption', 'inquirytype'],
    ['returnInterceptOption', 'content-type'],
    ['returnInterceptOption', 'authorization'],
    ['getEligibilityOptions', 'content-type'],
    ['getEligibilityOptions', 'platformtype'],
    ['getSingleTrackResponseUsingGET', 'transid'],
    ['getSingleTrackResponseUsingGET', 'transactionsrc'],
    ['CreateToken', 'authorization'],
  ])('fails %s without the required header %s', async (operationId, header) => {
    const call = (await recordedIntercept()).get(operationId);
    expect(call).toBeDefined();
    if (call === undefined) {
      return;
    }
    expect(contract.checkRequest(call).errors).toEqual([]);
    expect(contract.checkRequest(withoutHeader(call, header)).errors).not.toEqual([]);
  });

  it.each([
    ['returnInterceptOption', 'requesterContactInfo'],
    ['returnInterceptOption', 'specialInstructions'],
    ['getCharges', 'ratingRequest'],
  ])('fails %s without the required body field %s', async (operationId, field) => {
    const call = (await recordedIntercept()).get(operationId);
    expect(call).toBeDefined();
    if (call === undefined) {
      return;
    }
    expect(contract.checkRequest(withoutField(call, field)).errors).not.toEqual([]);
  });

  it('fails a path that breaks the published pattern', async () => {
    const call = (await recordedIntercept()).get('returnInterceptOption');
    if (call === undefined) {
      throw new Error('no return call recorded');
    }
    const url = new URL(call.url.href.replace(NUMBER, '1Z123'));
    expect(contract.checkRequest({ ...call, url }).errors).not.toEqual([]);
  });
});

describe('response fixtures, against the published UPS specs', () => {
  it.each([
    ['token-success.json', 'CreateToken', 200, tokenSuccess],
    ['token-error-401.json', 'CreateToken', 401, tokenError401],
    ['token-error-429.json', 'CreateToken', 429, tokenError429],
    ['track-in-transit.json', 'getSingleTrackResponseUsingGET', 200, trackInTransit],
    ['track-delivered.json', 'getSingleTrackResponseUsingGET', 200, trackDelivered],
    ['track-not-found.json', 'getSingleTrackResponseUsingGET', 200, trackNotFound],
    ['track-error-404.json', 'getSingleTrackResponseUsingGET', 404, trackError404],
    ['eligibility-success.json', 'getEligibilityOptions', 200, eligibilitySuccess],
    ['eligibility-error.json', 'getEligibilityOptions', 200, eligibilityError],
    ['charges-single.json', 'getCharges', 200, chargesSingle],
    ['intercept-success.json', 'returnInterceptOption', 200, interceptSuccess],
    ['intercept-error.json', 'returnInterceptOption', 200, interceptError],
    ['intercept-error-400.json', 'returnInterceptOption', 400, interceptError400],
    ['intercept-error-401.json', 'returnInterceptOption', 401, interceptError401],
  ])('%s is a valid %s %i', (_file, operationId, status, body) => {
    expect(contract.checkResponse(operationId, status, body).errors).toEqual([]);
  });
});

describe('Track Alert pushes the adapter reads, against UPSTrackAlert.yaml webhooks', () => {
  const headers = { 'user-agent': 'UPSPubSubTrackingService', 'x-api-key': 'unit-client' };

  it.each([
    ['track-alert-delivered.json', trackAlertDelivered],
    ['track-alert-out-for-delivery.json', trackAlertOutForDelivery],
  ])('%s is a valid TrackingEvent', (_file, body) => {
    expect(contract.checkWebhook('TrackingEvent', headers, body).errors).toEqual([]);
  });

  it('fails a push without the User-Agent UPS marks required', () => {
    expect(
      contract.checkWebhook('TrackingEvent', { 'x-api-key': 'unit-client' }, trackAlertDelivered)
        .errors,
    ).not.toEqual([]);
  });
});
