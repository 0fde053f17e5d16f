import type { CarrierFixtures, FixtureAnswer } from '@parcelgate/carrier-testkit';
import trackError404 from './track-error-404.json' with { type: 'json' };
import trackInTransit from './track-in-transit.json' with { type: 'json' };

/** Where msw plays DHL's host; nothing leaves the machine. */
export const DHL_CONFORMANCE_BASE_URL = 'https://api-eu.dhl.com';

const [template] = trackInTransit.shipments;

/** The in-transit example for `trackingNumber`, showing `statusCode` as its newest event. */
function trackAnswer(trackingNumber: string, statusCode: string | undefined): FixtureAnswer {
  const newest =
    statusCode === undefined
      ? []
      : [
          {
            timestamp: '2022-04-16T08:15:00Z',
            location: { address: { countryCode: 'DE', addressLocality: 'Bonn' } },
            statusCode,
            status: `Status ${statusCode}`,
          },
        ];
  return {
    shipments: [
      { ...template, id: trackingNumber, events: [...newest, ...(template?.events ?? [])] },
    ],
  };
}

/** The problem document, as DHL sends it. */
const problem = (body: unknown, status: number): FixtureAnswer =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

/** The n-th conformance number: nine digits and their mod-7 check digit (DHL Express). */
function dhlExpressNumber(sequence: number): string {
  const nine = String(400_000_000 + sequence);
  return `${nine}${Number(BigInt(nine) % 7n)}`;
}

/**
 * DHL as the conformance kit's msw environment plays it: `GET /track/shipments` names the
 * parcel in its query, so the track matcher reads `trackingNumber` from there.
 */
export const dhlConformanceFixtures: CarrierFixtures = {
  trackingNumber: dhlExpressNumber,
  track: {
    request: (request) => {
      const url = new URL(request.url);
      return request.method === 'GET' && url.pathname === '/track/shipments'
        ? (url.searchParams.get('trackingNumber') ?? undefined)
        : undefined;
    },
    success: (trackingNumber, statusCode) => trackAnswer(trackingNumber, statusCode),
    notFound: () => problem(trackError404, 404),
  },
};
