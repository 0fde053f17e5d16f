import { HttpResponse, http } from 'msw';
import type { CarrierFixtures } from '../environments/carrier-fixtures.ts';
import { ACME_CREDENTIALS } from './acme-carrier.ts';

/** Where the msw environment plays Acme in the testkit's tests. */
export const ACME_BASE_URL = 'https://api.acme.test/api';

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  CR: 'Label created',
  PU: 'Picked up',
  TR: 'In transit',
  AR: 'At destination facility',
  OD: 'Out for delivery',
  DL: 'Delivered',
  EX: 'Held by customs',
};

/**
 * Acme's journey ending in `statusCode` (in transit by default): one event an hour from
 * 08:00 China time, listed newest first as Acme does.
 */
export function acmeJourney(statusCode = 'TR'): { code: string; text: string; time: string }[] {
  const codes = ['CR', 'PU', 'TR', 'AR', 'OD', 'DL'];
  const end = codes.indexOf(statusCode);
  const journey = end === -1 ? ['CR', 'PU', statusCode] : codes.slice(0, end + 1);
  return journey
    .map((code, index) => ({
      code,
      text: DESCRIPTIONS[code] ?? code,
      time: `2026-11-25 ${String(8 + index).padStart(2, '0')}:00:00`,
    }))
    .reverse();
}

/**
 * msw fixtures for Acme: track, intercept and redirect by method and path, and a 401 for
 * any request without the conformance API key, as Acme refuses it (so the environment may
 * claim `refusesWrongCredentials`).
 */
export const acmeFixtures: CarrierFixtures = {
  handlers: [
    http.all(`${ACME_BASE_URL}/*`, ({ request }) =>
      request.headers.get('authorization') === `Bearer ${ACME_CREDENTIALS.apiKey}`
        ? undefined
        : HttpResponse.json(
            { error: { code: 'UNAUTHORIZED', message: 'invalid api key' } },
            { status: 401 },
          ),
    ),
  ],
  trackingNumber: (sequence) => `ACM${String(sequence).padStart(9, '0')}`,
  track: {
    request: { method: 'GET', path: '/v1/shipments/:trackingNumber' },
    success: (trackingNumber, statusCode) => ({
      shipment: { number: trackingNumber, events: acmeJourney(statusCode) },
    }),
  },
  intercept: {
    request: { method: 'POST', path: '/v1/shipments/:trackingNumber/intercepts' },
    success: async (trackingNumber, _statusCode, request) => {
      const body = (await request.json()) as { reference?: string };
      return { interceptId: `ICP-${trackingNumber}`, reference: body.reference ?? null };
    },
  },
  redirect: {
    request: { method: 'POST', path: '/v1/shipments/:trackingNumber/redirects' },
    success: (trackingNumber) => ({ redirectId: `RDR-${trackingNumber}` }),
  },
  cancelIntercept: {
    request: { method: 'POST', path: '/v1/shipments/:trackingNumber/intercepts/cancel' },
    success: () => ({ cancelled: true }),
  },
  quoteFee: {
    request: { method: 'GET', path: '/v1/shipments/:trackingNumber/fees' },
    success: () => ({ fen: 1200 }),
  },
};
