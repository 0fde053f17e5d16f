import { PROBLEM_BASE_URI, PROBLEM_TYPES, type ProblemType } from '../problems.ts';

/** Who receives a problem type: API clients, or carriers pushing to the callback endpoints. */
export type ProblemAudience = 'clients' | 'carriers';

/** What the document says about one problem type beyond the table's status and title. */
interface ProblemTypeNotes {
  readonly audience: ProblemAudience;
  /** When it is answered and which members it carries, for the reader of the document. */
  readonly description: string;
}

/**
 * The notes of every problem type: a `Record` over the table's keys, so a type added to
 * problems.ts does not compile until it is described here.
 */
const NOTES: Readonly<Record<ProblemType, ProblemTypeNotes>> = {
  'validation-failed': {
    audience: 'clients',
    description: 'The request is not valid; `errors` points at each bad field.',
  },
  'idempotency-key-missing': {
    audience: 'clients',
    description: 'A mutating call came without an Idempotency-Key.',
  },
  unauthorized: { audience: 'clients', description: 'No valid API key was sent.' },
  'callback-unreadable': {
    audience: 'carriers',
    description: "The carrier's push could not be read as its wire format.",
  },
  'callback-unauthenticated': {
    audience: 'carriers',
    description: "The push's signature or shared secret does not verify.",
  },
  'callbacks-not-supported': {
    audience: 'carriers',
    description: 'The carrier named in the path sends no callbacks.',
  },
  'not-found': {
    audience: 'clients',
    description: 'No such intercept, redirect, parcel, connection or route for this tenant.',
  },
  'unknown-carrier': {
    audience: 'clients',
    description: 'No carrier with this id is loaded (or `auto` detected none).',
  },
  'parcel-not-found': {
    audience: 'clients',
    description: 'The carrier does not know this tracking number.',
  },
  'parcel-not-registered': {
    audience: 'clients',
    description:
      'The tenant acts through the shared carrier account on a parcel it did not register: register it (`POST /v1/parcels`) or connect its own account.',
  },
  'method-not-allowed': {
    audience: 'clients',
    description: 'The route exists but not with this HTTP method.',
  },
  'not-acceptable': {
    audience: 'clients',
    description: 'The Accept header asks for a representation the API cannot give.',
  },
  'request-timeout': {
    audience: 'clients',
    description: 'The gateway did not receive the whole request in time.',
  },
  'idempotency-request-in-progress': {
    audience: 'clients',
    description: 'The first request with this Idempotency-Key is still running; retry shortly.',
  },
  'parcel-already-registered': {
    audience: 'clients',
    description: 'Another tenant registered this parcel.',
  },
  'not-cancellable': {
    audience: 'clients',
    description:
      'The intercept or redirect cannot be cancelled: `reasons[0].code` says why (`already_returning`, `final_status`, `carrier_cannot_cancel`, `carrier_refused`).',
  },
  'connection-in-use': {
    audience: 'clients',
    description:
      'Open intercepts or redirects still go through this carrier connection (`openActions`).',
  },
  'secret-key-required': {
    audience: 'clients',
    description:
      'The deployment has no PARCELGATE_SECRET_KEY, so it stores only `test` connections.',
  },
  'payload-too-large': { audience: 'clients', description: 'The request body is too large.' },
  'uri-too-long': {
    audience: 'clients',
    description: "The request target is over the gateway's limit (8192 characters).",
  },
  'unsupported-media-type': {
    audience: 'clients',
    description: 'The body was not sent as JSON.',
  },
  'not-eligible': {
    audience: 'clients',
    description: "Policy or the carrier's rules refuse it now; `reasons` lists every reason.",
  },
  'operation-not-supported': {
    audience: 'clients',
    description:
      'The carrier offers no API for this operation (`capability`); `availability` says why and, when the carrier offers it elsewhere, where (`url`). The carrier was not called.',
  },
  'idempotency-key-reused': {
    audience: 'clients',
    description: 'This Idempotency-Key was first used with a different request body.',
  },
  'order-event-id-reused': {
    audience: 'clients',
    description:
      'An order event with this `id` was received with a different body (`orderEventId` names it); a new event needs a new id.',
  },
  'carrier-rejected-request': {
    audience: 'clients',
    description: 'The carrier refused the request as invalid (`carrierCode`).',
  },
  'webhook-target-refused': {
    audience: 'clients',
    description:
      'The webhook URL is not https, carries credentials, or resolves to an address that is not public (`errors` points at `url`).',
  },
  'webhook-endpoint-limit': {
    audience: 'clients',
    description: 'The tenant already has 20 webhook endpoints.',
  },
  'rate-limited': {
    audience: 'clients',
    description:
      'Over a rate limit of the tenant, the API key or the address (`violatedPolicies`); retry after `retryAfterSeconds`.',
  },
  'request-header-fields-too-large': {
    audience: 'clients',
    description: 'The request headers are too large.',
  },
  'carrier-error': {
    audience: 'clients',
    description: 'The carrier answered with an error Parcelgate could not classify.',
  },
  'carrier-authentication-failed': {
    audience: 'clients',
    description:
      "The carrier refused the account's credentials: the tenant's connection or the deployment's shared account must be fixed.",
  },
  'carrier-unavailable': {
    audience: 'clients',
    description: 'The carrier is failing right now and did not act on the request; safe to retry.',
  },
  'carrier-rate-limited': {
    audience: 'clients',
    description: 'The carrier asked Parcelgate to slow down (`retryAfterSeconds`).',
  },
  'circuit-open': {
    audience: 'clients',
    description: 'Calls to the carrier are paused while it keeps failing; nothing was sent.',
  },
  'carrier-busy': {
    audience: 'clients',
    description: 'Too many calls to the carrier are queued; nothing was sent.',
  },
  'database-unavailable': {
    audience: 'clients',
    description: 'The gateway cannot reach its database; nothing was done; retry later.',
  },
  'carrier-timeout': {
    audience: 'clients',
    description:
      'The carrier did not answer within the latency budget (reads only: an action answers 202 pending instead).',
  },
  internal: {
    audience: 'clients',
    description: 'Something failed inside Parcelgate; `requestId` names it in the logs.',
  },
};

/** One entry of the document's `x-problem-types`. */
export interface ProblemTypeEntry {
  readonly type: string;
  readonly status: number;
  readonly title: string;
  readonly description: string;
  readonly audience: ProblemAudience;
}

/**
 * The document's `x-problem-types`: every problem type of problems.ts by slug, with its
 * URI, status, title, description and audience, in the table's order. Operations list only
 * the problems they answer; this is the whole table, so the SDK's problem guards are
 * generated from it (packages/sdk/scripts/generate.ts) instead of copied.
 */
export function problemTypesExtension(): Record<string, ProblemTypeEntry> {
  return Object.fromEntries(
    Object.entries(PROBLEM_TYPES).map(([slug, { status, title }]) => {
      const { audience, description } = NOTES[slug as ProblemType];
      return [slug, { type: PROBLEM_BASE_URI + slug, status, title, description, audience }];
    }),
  );
}
