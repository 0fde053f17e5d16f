import type { CarrierFixtures, FixtureAnswer } from '@parcelgate/carrier-testkit';
import { HttpResponse, http } from 'msw';
import tokenSuccess from './token-success.json' with { type: 'json' };
import trackInTransit from './track-in-transit.json' with { type: 'json' };

/** Where msw plays USPS's TEM host; nothing leaves the machine. */
export const USPS_CONFORMANCE_BASE_URL = 'https://apis-tem.usps.com';

const [template] = trackInTransit;

/** The in-transit example for `trackingNumber`, showing `eventCode` as its newest scan. */
function trackAnswer(trackingNumber: string, eventCode: string | undefined): FixtureAnswer {
  const newest =
    eventCode === undefined
      ? []
      : [
          {
            eventType: `Event ${eventCode}`,
            eventTimestamp: '2026-11-26T08:15:00-05:00',
            eventCity: 'WASHINGTON',
            eventState: 'DC',
            eventZIPCode: '20500',
            eventCode,
          },
        ];
  return [
    {
      ...template,
      trackingNumber,
      trackingEvents: [...newest, ...(template?.trackingEvents ?? [])],
    },
  ];
}

/** The first tracking number of a v3r2 request body, for matching the operation. */
async function trackedNumber(request: Request): Promise<string | undefined> {
  const url = new URL(request.url);
  if (request.method !== 'POST' || url.pathname !== '/tracking/v3r2/tracking') {
    return undefined;
  }
  const body: unknown = await request.json().catch(() => undefined);
  const first: unknown = Array.isArray(body) ? body[0] : undefined;
  const number =
    typeof first === 'object' && first !== null
      ? (first as { readonly trackingNumber?: unknown }).trackingNumber
      : undefined;
  return typeof number === 'string' ? number : undefined;
}

/** The n-th conformance number: a 22-digit IMpb number with its mod-10 check digit. */
function impbNumber(sequence: number): string {
  const serial = `9400111${String(sequence).padStart(14, '0')}`;
  let sum = 0;
  for (let index = 0; index < serial.length; index++) {
    sum += Number(serial[index]) * (index % 2 === 0 ? 3 : 1);
  }
  return `${serial}${(10 - (sum % 10)) % 10}`;
}

/**
 * USPS as the conformance kit's msw environment plays it: the token endpoint answers every
 * client; tracking names its parcels in the JSON array body, so the matcher reads the
 * first number there. An unknown number is USPS's per-number error inside a 200.
 */
export const uspsConformanceFixtures: CarrierFixtures = {
  trackingNumber: impbNumber,
  handlers: [
    http.post(`${USPS_CONFORMANCE_BASE_URL}/oauth2/v3/token`, () =>
      HttpResponse.json(tokenSuccess),
    ),
  ],
  track: {
    request: trackedNumber,
    success: (trackingNumber, eventCode) => trackAnswer(trackingNumber, eventCode),
    notFound: (trackingNumber) =>
      HttpResponse.json(
        [
          {
            trackingNumber,
            error: {
              code: '404',
              message:
                'The Postal Service could not locate the tracking information for your request.',
            },
          },
        ],
        { status: 200 },
      ),
  },
};
