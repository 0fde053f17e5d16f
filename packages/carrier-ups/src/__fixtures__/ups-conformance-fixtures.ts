import type { CarrierFixtures, FixtureAnswer } from '@parcelgate/carrier-testkit';
import { HttpResponse, http } from 'msw';
import { upsCheckDigit } from '../detect-ups-tracking-number.ts';
import chargesSingle from './charges-single.json' with { type: 'json' };
import eligibilitySuccess from './eligibility-success.json' with { type: 'json' };
import interceptSuccess from './intercept-success.json' with { type: 'json' };
import tokenSuccess from './token-success.json' with { type: 'json' };
import trackInTransit from './track-in-transit.json' with { type: 'json' };
import trackNotFound from './track-not-found.json' with { type: 'json' };

/** Where msw plays UPS's CIE host; nothing leaves the machine. */
export const UPS_CONFORMANCE_BASE_URL = 'https://wwwcie.ups.com';

const json = (body: unknown, status = 200): FixtureAnswer =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

const [templateShipment] = trackInTransit.trackResponse.shipment;
const [templatePackage] = templateShipment?.package ?? [];

/** The in-transit example for `trackingNumber`, showing `statusCode` as its newest scan. */
function trackAnswer(trackingNumber: string, statusCode: string | undefined): unknown {
  const activity = templatePackage?.activity ?? [];
  const newest =
    statusCode === undefined
      ? []
      : [
          {
            date: '20210211',
            time: '081500',
            gmtDate: '20210211',
            gmtTime: '131500',
            gmtOffset: '-05:00',
            location: { address: { city: 'Wayne', stateProvince: 'NJ', countryCode: 'US' } },
            status: { type: statusCode, code: 'ZZ', description: `Status ${statusCode}` },
          },
        ];
  return {
    trackResponse: {
      shipment: [
        {
          inquiryNumber: trackingNumber,
          package: [{ ...templatePackage, trackingNumber, activity: [...newest, ...activity] }],
        },
      ],
    },
  };
}

const CANCEL_PATH = `${UPS_CONFORMANCE_BASE_URL}/api/deliveryintercept/v2/cancel/`;

/**
 * Matches POST /cancel/{1Z} whose `requestType` is the type being cancelled: RS for the
 * kit's `cancelIntercept`, AA for `cancelRedirect` (one path, told apart by the body).
 */
function cancelOf(requestType: 'RS' | 'AA') {
  return async (request: Request): Promise<string | undefined> => {
    const url = new URL(request.url);
    if (request.method !== 'POST' || !url.href.startsWith(CANCEL_PATH)) {
      return undefined;
    }
    const body = (await request.json().catch(() => undefined)) as
      | { readonly requestType?: unknown }
      | undefined;
    return body?.requestType === requestType
      ? decodeURIComponent(url.pathname.split('/').at(-1) ?? '')
      : undefined;
  };
}

/**
 * UPS as the conformance kit's msw environment plays it, from the fixtures of UPS's own
 * examples: the token endpoint and eligibility answer every parcel; track, return,
 * redirect/address, cancel (by requestType) and charges are the operations the kit
 * stages faults on (an intercept's own best-effort quote goes to the charges fixture too).
 */
export const upsConformanceFixtures: CarrierFixtures = {
  trackingNumber: (sequence) => {
    const body = `PGCONF03${String(sequence).padStart(7, '0')}`;
    return `1Z${body}${upsCheckDigit(body)}`;
  },
  handlers: [
    http.post(`${UPS_CONFORMANCE_BASE_URL}/security/v1/oauth/token`, () =>
      HttpResponse.json(tokenSuccess),
    ),
    http.get(
      `${UPS_CONFORMANCE_BASE_URL}/api/deliveryintercept/v2/eligibility/intercept/:trackingNumber`,
      () => HttpResponse.json(eligibilitySuccess),
    ),
  ],
  track: {
    request: { method: 'GET', path: '/api/track/v1/details/:trackingNumber' },
    success: (trackingNumber, statusCode) =>
      trackAnswer(trackingNumber, statusCode) as FixtureAnswer,
    // UPS answers unknown numbers with HTTP 200 and warning TW0001.
    notFound: () => json(trackNotFound),
  },
  intercept: {
    request: { method: 'POST', path: '/api/deliveryintercept/v2/return/:trackingNumber' },
    success: () => interceptSuccess,
  },
  redirect: {
    request: { method: 'POST', path: '/api/deliveryintercept/v2/redirect/address/:trackingNumber' },
    success: () => interceptSuccess,
  },
  cancelIntercept: { request: cancelOf('RS'), success: () => interceptSuccess },
  cancelRedirect: { request: cancelOf('AA'), success: () => interceptSuccess },
  quoteFee: {
    request: { method: 'POST', path: '/api/deliveryintercept/v2/charges/:trackingNumber' },
    success: () => chargesSingle,
  },
};
