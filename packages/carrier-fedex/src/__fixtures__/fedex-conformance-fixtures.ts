import type { CarrierFixtures, FixtureAnswer } from '@parcelgate/carrier-testkit';
import { HttpResponse, http } from 'msw';
import { fedexExpressNumber } from '../detect-fedex-tracking-number.ts';
import tokenSuccess from './token-success.json' with { type: 'json' };
import trackInTransit from './track-in-transit.json' with { type: 'json' };
import trackNotFound from './track-not-found.json' with { type: 'json' };

/** Where msw plays FedEx's sandbox host; nothing leaves the machine. */
export const FEDEX_CONFORMANCE_BASE_URL = 'https://apis-sandbox.fedex.com';

const [templateComplete] = trackInTransit.output.completeTrackResults;
const [templateResult] = templateComplete?.trackResults ?? [];

/** The in-transit example for `trackingNumber`, showing `statusCode` as its newest scan. */
export function fedexTrackAnswer(trackingNumber: string, statusCode?: string): unknown {
  const scans = templateResult?.scanEvents ?? [];
  const newest =
    statusCode === undefined
      ? []
      : [
          {
            date: '2018-02-03T08:15:00-07:00',
            eventType: statusCode,
            eventDescription: `Status ${statusCode}`,
            derivedStatusCode: statusCode,
            scanLocation: { city: 'SEATTLE', stateOrProvinceCode: 'WA', countryCode: 'US' },
          },
        ];
  return {
    transactionId: 'conformance',
    output: {
      completeTrackResults: [
        {
          trackingNumber,
          trackResults: [
            {
              ...templateResult,
              trackingNumberInfo: { trackingNumber, carrierCode: 'FDXE' },
              scanEvents: [...newest, ...scans],
            },
          ],
        },
      ],
    },
  };
}

/** The number a track body asks for (its first), or undefined for any other request. */
async function trackedNumber(request: Request): Promise<string | undefined> {
  const url = new URL(request.url);
  if (request.method !== 'POST' || url.pathname !== '/track/v1/trackingnumbers') {
    return undefined;
  }
  const body = (await request
    .clone()
    .json()
    .catch(() => undefined)) as
    | { trackingInfo?: { trackingNumberInfo?: { trackingNumber?: string } }[] }
    | undefined;
  return body?.trackingInfo?.[0]?.trackingNumberInfo?.trackingNumber;
}

/**
 * FedEx as the conformance kit's msw environment plays it: the token endpoint answers
 * every request; track is the operation the kit stages faults on, its number read from
 * the POST body. Unknown numbers are a 200 with the number's `error`, as FedEx answers.
 */
export const fedexConformanceFixtures: CarrierFixtures = {
  trackingNumber: (sequence) => fedexExpressNumber(`7711${String(sequence).padStart(7, '0')}`),
  handlers: [
    http.post(`${FEDEX_CONFORMANCE_BASE_URL}/oauth/token`, () => HttpResponse.json(tokenSuccess)),
  ],
  track: {
    request: trackedNumber,
    success: (trackingNumber, statusCode) =>
      fedexTrackAnswer(trackingNumber, statusCode) as FixtureAnswer,
    notFound: (trackingNumber) =>
      new Response(
        JSON.stringify({
          ...trackNotFound,
          output: {
            completeTrackResults: [
              {
                ...trackNotFound.output.completeTrackResults[0],
                trackingNumber,
              },
            ],
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      ),
  },
};
