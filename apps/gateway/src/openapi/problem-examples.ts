import {
  PROBLEM_TYPES,
  type ProblemDocument,
  ProblemError,
  type ProblemType,
  toProblemDocument,
} from '../problems.ts';

/** An OpenAPI Example Object holding one problem answer. */
export interface ProblemExample {
  readonly summary: string;
  readonly value: ProblemDocument;
}

/**
 * One sample per problem type, made by the same code that answers real requests, so an
 * example can never show a member the API does not send. Types that only Fastify's own
 * routing produces (405, 406, 500) have no operation to be listed under and are left out.
 */
const SAMPLES: Partial<Record<ProblemType, ProblemError>> = {
  'validation-failed': new ProblemError(
    'validation-failed',
    '/trackingNumber: must match pattern "^[A-Za-z0-9-]+$"',
    { errors: [{ pointer: '/trackingNumber', detail: 'must match pattern "^[A-Za-z0-9-]+$"' }] },
  ),
  'idempotency-key-missing': new ProblemError(
    'idempotency-key-missing',
    'Send an Idempotency-Key header with every intercept or redirect.',
  ),
  unauthorized: new ProblemError(
    'unauthorized',
    'Send a valid API key as "Authorization: Bearer <key>".',
  ),
  'not-found': new ProblemError('not-found', 'No intercept icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z.'),
  'unknown-carrier': new ProblemError('unknown-carrier', 'No carrier "acme" is loaded.', {
    carrier: 'acme',
  }),
  'parcel-not-found': new ProblemError(
    'parcel-not-found',
    'sandbox does not know this tracking number.',
    { carrier: 'sandbox', carrierCode: 'NOT_FOUND' },
  ),
  'parcel-not-registered': new ProblemError(
    'parcel-not-registered',
    'Register sandbox parcel SBX000123 (POST /v1/parcels) or connect your own Sandbox account (POST /v1/carrier-connections) before acting on it.',
    { carrier: 'sandbox' },
  ),
  'parcel-already-registered': new ProblemError(
    'parcel-already-registered',
    'sandbox parcel SBX000123 is registered by another tenant.',
    { carrier: 'sandbox' },
  ),
  'not-cancellable': new ProblemError(
    'not-cancellable',
    'Intercept icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z cannot be cancelled: the parcel is already on its way back.',
    {
      reasons: [{ code: 'already_returning', message: 'the parcel is already on its way back' }],
      interceptId: 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
      carrier: 'sandbox',
    },
  ),
  'connection-in-use': new ProblemError(
    'connection-in-use',
    '2 open intercepts or redirects go through this connection; delete it once they are settled.',
    { connectionId: 'con_01JD3K9V7Q8M2N4P6R8T0V2X4Z', openActions: 2 },
  ),
  'secret-key-required': new ProblemError(
    'secret-key-required',
    'This deployment has no PARCELGATE_SECRET_KEY: only test connections can be stored.',
  ),
  'idempotency-request-in-progress': new ProblemError(
    'idempotency-request-in-progress',
    'The first request with this Idempotency-Key has not finished; retry shortly.',
  ),
  'payload-too-large': new ProblemError('payload-too-large', 'Request body is too large'),
  'unsupported-media-type': new ProblemError(
    'unsupported-media-type',
    'Unsupported Media Type: text/plain',
  ),
  'not-eligible': new ProblemError(
    'not-eligible',
    'The parcel cannot be intercepted now: category_excluded, declared_value_over_limit.',
    {
      carrier: 'sandbox',
      interceptId: 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
      reasons: [
        { code: 'category_excluded', message: 'sandbox does not intercept fresh_food.' },
        {
          code: 'declared_value_over_limit',
          message: 'The declared value 1500.00 CNY is over the limit of 1000.00 CNY.',
        },
      ],
    },
  ),
  'operation-not-supported': new ProblemError(
    'operation-not-supported',
    'USPS offers no intercept API: Package Intercept is offered only on usps.com (https://www.usps.com/manage/package-intercept.htm).',
    {
      carrier: 'usps',
      capability: 'intercept',
      availability: {
        byApi: false,
        reason: 'Package Intercept is offered only on usps.com',
        url: 'https://www.usps.com/manage/package-intercept.htm',
      },
      errors: [{ pointer: '/carrier', detail: 'usps offers no intercept by API' }],
    },
  ),
  'idempotency-key-reused': new ProblemError(
    'idempotency-key-reused',
    'This Idempotency-Key was first used with another body; use a new key.',
  ),
  'order-event-id-reused': new ProblemError(
    'order-event-id-reused',
    'Order event tts-refund-5801-1 was received with another body (oev_01JD3K9V7Q8M2N4P6R8T0V2X4Z).',
    { orderEventId: 'oev_01JD3K9V7Q8M2N4P6R8T0V2X4Z' },
  ),
  'rate-limited': new ProblemError(
    'rate-limited',
    'Too many requests for the tenant limit; retry in 1 s.',
    { violatedPolicies: ['tenant'], retryAfterSeconds: 1 },
  ),
  'carrier-error': new ProblemError('carrier-error', 'The sandbox adapter failed unexpectedly.', {
    carrier: 'sandbox',
  }),
  'carrier-rejected-request': new ProblemError(
    'carrier-rejected-request',
    'sandbox rejected the request: the postal code does not match the city.',
    { carrier: 'sandbox', carrierCode: 'INVALID_ADDRESS' },
  ),
  'carrier-authentication-failed': new ProblemError(
    'carrier-authentication-failed',
    "sandbox refused the account's credentials: your carrier connection's (POST /v1/carrier-connections/{id}/test checks them), or for the deployment's shared account its CARRIER_SANDBOX_* settings.",
    { carrier: 'sandbox', carrierCode: 'UNAUTHORIZED' },
  ),
  'carrier-unavailable': new ProblemError(
    'carrier-unavailable',
    'sandbox is not answering properly right now.',
    { carrier: 'sandbox' },
  ),
  'carrier-rate-limited': new ProblemError(
    'carrier-rate-limited',
    'sandbox asked us to slow down; retry after 2 s.',
    { carrier: 'sandbox', retryAfterSeconds: 2 },
  ),
  'database-unavailable': new ProblemError(
    'database-unavailable',
    'The database cannot be reached; retry after 5 s.',
    { retryAfterSeconds: 5 },
  ),
  'carrier-timeout': new ProblemError(
    'carrier-timeout',
    'sandbox did not answer within the latency budget.',
    { carrier: 'sandbox' },
  ),
};

/** Sample `application/problem+json` bodies for a status, keyed by problem type. */
export function problemExamples(status: number): Record<string, ProblemExample> {
  const examples: Record<string, ProblemExample> = {};
  for (const [type, problem] of Object.entries(SAMPLES)) {
    if (problem === undefined || PROBLEM_TYPES[type as ProblemType].status !== status) {
      continue;
    }
    examples[type] = {
      summary: problem.title,
      value: toProblemDocument(problem, {
        requestId: '3f0c9a52-6d1e-4b8f-9c1a-7e2d4b6a8f10',
        instance: '/v1/intercepts',
      }),
    };
  }
  return examples;
}
