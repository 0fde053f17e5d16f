import type { CarrierFixtures, FixtureAnswer } from '@parcelgate/carrier-testkit';
import { sandboxCheckDigit } from '../detect-sandbox-tracking-number.ts';
import cancelInterceptCancelled from './cancel-intercept-cancelled.json' with { type: 'json' };
import cancelRedirectCancelled from './cancel-redirect-cancelled.json' with { type: 'json' };
import feesRedirect from './fees-redirect.json' with { type: 'json' };
import interceptAccepted from './intercept-accepted.json' with { type: 'json' };
import redirectAccepted from './redirect-accepted.json' with { type: 'json' };
import trackInTransit from './track-in-transit.json' with { type: 'json' };
import trackNotFound from './track-not-found.json' with { type: 'json' };

/** Where the msw conformance environment plays the sandbox; nothing leaves the machine. */
export const SANDBOX_CONFORMANCE_BASE_URL = 'https://sandbox.conformance.test/sandbox';

/** A 201 with a JSON body, the way the sandbox accepts intercepts and redirects. */
function created(body: Readonly<Record<string, unknown>>): FixtureAnswer {
  return new Response(JSON.stringify(body), {
    status: 201,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

/** The reference the adapter sent, echoed back as the sandbox does. */
async function referenceOf(request: Request): Promise<unknown> {
  const body = (await request.json()) as { reference?: unknown };
  return body.reference;
}

/**
 * The sandbox as the conformance kit's msw environment plays it, built from the same
 * wire fixtures as the unit tests (docs/carriers/sandbox-api.md). A parcel asked to show
 * a status code gets that code as its newest event, on top of the spec's example.
 */
export const sandboxConformanceFixtures: CarrierFixtures = {
  // Real sandbox numbers with a valid check digit, from SBX20000001x upwards.
  trackingNumber: (sequence) => {
    const firstEight = String(20_000_000 + sequence);
    return `SBX${firstEight}${sandboxCheckDigit(firstEight)}`;
  },
  track: {
    request: { method: 'GET', path: '/v1/parcels/:trackingNumber' },
    success: (trackingNumber, statusCode) => ({
      ...trackInTransit,
      trackingNumber,
      statusCode: statusCode ?? trackInTransit.statusCode,
      events:
        statusCode === undefined
          ? trackInTransit.events
          : [
              {
                code: statusCode,
                description: `Status ${statusCode}`,
                time: '2026-11-26T11:30:00+08:00',
                location: { city: 'Hangzhou', country: 'CN' },
              },
              ...trackInTransit.events,
            ],
    }),
    notFound: () => trackNotFound,
  },
  intercept: {
    request: { method: 'POST', path: '/v1/parcels/:trackingNumber/intercepts' },
    success: async (_trackingNumber, _statusCode, request) =>
      created({ ...interceptAccepted, reference: await referenceOf(request) }),
    notFound: () => trackNotFound,
  },
  redirect: {
    request: { method: 'POST', path: '/v1/parcels/:trackingNumber/redirects' },
    success: async (_trackingNumber, _statusCode, request) =>
      created({ ...redirectAccepted, reference: await referenceOf(request) }),
    notFound: () => trackNotFound,
  },
  cancelIntercept: {
    request: { method: 'POST', path: '/v1/parcels/:trackingNumber/intercepts/cancel' },
    success: async (trackingNumber, _statusCode, request) => ({
      ...cancelInterceptCancelled,
      trackingNumber,
      reference: await referenceOf(request),
    }),
    notFound: () => trackNotFound,
  },
  cancelRedirect: {
    request: { method: 'POST', path: '/v1/parcels/:trackingNumber/redirects/cancel' },
    success: async (trackingNumber, _statusCode, request) => ({
      ...cancelRedirectCancelled,
      trackingNumber,
      reference: await referenceOf(request),
    }),
    notFound: () => trackNotFound,
  },
  quoteFee: {
    request: { method: 'POST', path: '/v1/parcels/:trackingNumber/fees' },
    // The kit quotes the first declared action, an intercept: the sandbox's price list.
    success: (trackingNumber) => ({
      ...feesRedirect,
      trackingNumber,
      action: 'INTERCEPT',
      total: '8.00',
      lines: [{ code: 'HANDLING', description: 'Intercept handling', amount: '8.00' }],
    }),
    notFound: () => trackNotFound,
  },
};
