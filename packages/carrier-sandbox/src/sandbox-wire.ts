import type { Location } from '@parcelgate/carrier-kit';
import { isIsoDateTimeWithOffset } from '@parcelgate/carrier-kit/wire';

/**
 * Runtime readers for the sandbox's JSON bodies (docs/carriers/sandbox-api.md). Each one
 * reads only the fields the adapter uses, ignores everything else (carriers add fields
 * without notice) and throws a TypeError naming the path when a field it needs has the
 * wrong shape. Callers run them inside `parseJsonResponse`, which turns that TypeError
 * into a classified carrier error. Messages name paths and expectations, never values,
 * so no personal data reaches a log.
 */

/** One event of GET /v1/parcels/{trackingNumber}, as sent. */
export interface SandboxEvent {
  readonly code: string;
  readonly description: string | undefined;
  /** ISO 8601 with an offset, as the spec requires. */
  readonly time: string;
  readonly location: Location | undefined;
}

/** The proof of delivery the sandbox attaches once a parcel is delivered. */
export interface SandboxProofOfDelivery {
  readonly signedBy: string | undefined;
  readonly photoUrl: string | undefined;
  readonly deliveredAt: string | undefined;
}

/** The 200 answer of GET /v1/parcels/{trackingNumber}, reduced to what tracking reads. */
export interface SandboxParcel {
  /** Newest first, as on the wire. */
  readonly events: readonly SandboxEvent[];
  readonly estimatedDelivery: string | undefined;
  readonly destination: Location | undefined;
  readonly proofOfDelivery: SandboxProofOfDelivery | undefined;
}

/** The states GET /v1/intercepts/{interceptId} reports. */
export const SANDBOX_INTERCEPT_STATES = [
  'ACCEPTED',
  'RETURNING',
  'RETURNED',
  'FAILED',
  'CANCELLED',
] as const;

/** One of {@link SANDBOX_INTERCEPT_STATES}. */
export type SandboxInterceptState = (typeof SANDBOX_INTERCEPT_STATES)[number];

/** The 200 answer of GET /v1/intercepts/{interceptId}, and each item of a lookup by reference. */
export interface SandboxInterceptRecord {
  readonly interceptId: string;
  readonly state: SandboxInterceptState;
  /** The client's reference, as the sandbox echoes it. */
  readonly reference: string | undefined;
}

/**
 * Reads the 200 body of GET /v1/parcels/{trackingNumber}/intercepts?reference=: each
 * intercept the sandbox has with that reference (none when the request never arrived).
 */
export function parseSandboxInterceptList(body: unknown): readonly SandboxInterceptRecord[] {
  const list = readObject(body, 'intercept list').intercepts;
  if (!Array.isArray(list)) {
    throw new TypeError('sandbox intercept list: intercepts must be an array');
  }
  return list.map((item: unknown) => parseSandboxInterceptRecord(item));
}

/** The `{ "error": { ... } }` envelope of every sandbox error answer. */
export interface SandboxErrorBody {
  readonly code: string | undefined;
  readonly message: string | undefined;
  /** Set on 400 answers: the request field the sandbox blamed. */
  readonly field: string | undefined;
}

type Fields = Readonly<Record<string, unknown>>;

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the 200 body of GET /v1/parcels/{trackingNumber}. */
export function parseSandboxParcel(body: unknown): SandboxParcel {
  const parcel = readObject(body, 'parcel');
  const events = parcel.events;
  if (!Array.isArray(events)) {
    throw new TypeError('sandbox parcel: events must be an array');
  }
  return {
    events: events.map((event: unknown, index) => readEvent(event, `events[${index}]`)),
    estimatedDelivery: readOptionalDeliveryDate(parcel.estimatedDelivery),
    destination: readOptionalLocation(parcel.destination, 'destination'),
    proofOfDelivery: readOptionalProofOfDelivery(parcel.proofOfDelivery),
  };
}

/** Reads the 201 body of POST /v1/parcels/{trackingNumber}/intercepts: its `interceptId`. */
export function parseSandboxInterceptCreated(body: unknown): { readonly interceptId: string } {
  const created = readObject(body, 'intercept');
  return { interceptId: readString(created.interceptId, 'interceptId') };
}

/** Reads the 200 body of GET /v1/intercepts/{interceptId}. */
export function parseSandboxInterceptRecord(body: unknown): SandboxInterceptRecord {
  const record = readObject(body, 'intercept');
  const state = record.state;
  if (!SANDBOX_INTERCEPT_STATES.some((known) => known === state)) {
    throw new TypeError(`sandbox intercept: state must be one of ${SANDBOX_INTERCEPT_STATES}`);
  }
  return {
    interceptId: readString(record.interceptId, 'interceptId'),
    state: state as SandboxInterceptState,
    reference: readOptionalString(record.reference, 'reference'),
  };
}

/**
 * Reads the 200 body of POST /v1/parcels/{trackingNumber}/intercepts/cancel (or
 * redirects/cancel): the id of the action withdrawn, under `idField`, and its state, which
 * must be `CANCELLED`.
 */
export function parseSandboxCancelled(
  body: unknown,
  idField: 'interceptId' | 'redirectId',
): { readonly id: string } {
  const cancelled = readObject(body, 'cancel');
  if (cancelled.state !== 'CANCELLED') {
    throw new TypeError('sandbox cancel: state must be CANCELLED');
  }
  return { id: readString(cancelled[idField], idField) };
}

/** The 200 body of POST /v1/parcels/{trackingNumber}/fees: total, currency and lines. */
export interface SandboxFeeQuote {
  readonly currency: string;
  readonly total: string;
  readonly lines: readonly { readonly label: string; readonly amount: string }[];
}

/** Reads the 200 body of POST /v1/parcels/{trackingNumber}/fees. */
export function parseSandboxFeeQuote(body: unknown): SandboxFeeQuote {
  const quote = readObject(body, 'fee quote');
  const lines = quote.lines ?? [];
  if (!Array.isArray(lines)) {
    throw new TypeError('sandbox fee quote: lines must be an array');
  }
  return {
    currency: readString(quote.currency, 'currency'),
    total: readString(quote.total, 'total'),
    lines: lines.map((item: unknown, index) => {
      const line = readObject(item, `lines[${index}]`);
      return {
        label:
          readOptionalString(line.description, `lines[${index}].description`) ??
          readString(line.code, `lines[${index}].code`),
        amount: readString(line.amount, `lines[${index}].amount`),
      };
    }),
  };
}

/** Reads the 201 body of POST /v1/parcels/{trackingNumber}/redirects: its `redirectId`. */
export function parseSandboxRedirectCreated(body: unknown): { readonly redirectId: string } {
  const created = readObject(body, 'redirect');
  return { redirectId: readString(created.redirectId, 'redirectId') };
}

/**
 * Reads an error envelope without ever throwing: error bodies are best effort (a proxy's
 * HTML page, an empty body), and the HTTP status alone still classifies the failure.
 */
export function parseSandboxErrorBody(json: unknown): SandboxErrorBody {
  const error = isFields(json) && isFields(json.error) ? json.error : {};
  return {
    code: nonEmptyString(error.code),
    message: nonEmptyString(error.message),
    field: nonEmptyString(error.field),
  };
}

function readEvent(value: unknown, path: string): SandboxEvent {
  const event = readObject(value, path);
  const time = event.time;
  if (!isIsoDateTimeWithOffset(time)) {
    throw new TypeError(`sandbox parcel: ${path}.time must be ISO 8601 with an offset`);
  }
  return {
    code: readString(event.code, `${path}.code`),
    description: readOptionalString(event.description, `${path}.description`),
    time,
    location: readOptionalLocation(event.location, `${path}.location`),
  };
}

function readOptionalLocation(value: unknown, path: string): Location | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const location = readObject(value, path);
  // The wire names match the contract's Location, so the fields copy across one to one.
  const fields = ['city', 'region', 'postalCode', 'country'] as const;
  const entries = fields.flatMap((name) => {
    const text = readOptionalString(location[name], `${path}.${name}`);
    return text === undefined ? [] : [[name, text] as const];
  });
  return Object.fromEntries(entries) as Location;
}

function readOptionalProofOfDelivery(value: unknown): SandboxProofOfDelivery | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const proof = readObject(value, 'proofOfDelivery');
  const deliveredAt = proof.deliveredAt ?? undefined;
  if (deliveredAt !== undefined && !isIsoDateTimeWithOffset(deliveredAt)) {
    throw new TypeError('sandbox parcel: proofOfDelivery.deliveredAt must be ISO 8601');
  }
  return {
    signedBy: readOptionalString(proof.signedBy, 'proofOfDelivery.signedBy'),
    photoUrl: readOptionalString(proof.photoUrl, 'proofOfDelivery.photoUrl'),
    deliveredAt,
  };
}

/** The contract allows a date-time with offset or, when a carrier gives only a day, a date. */
function readOptionalDeliveryDate(value: unknown): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (isIsoDateTimeWithOffset(value) || (typeof value === 'string' && PLAIN_DATE.test(value))) {
    return value;
  }
  throw new TypeError('sandbox parcel: estimatedDelivery must be an ISO 8601 date or date-time');
}

function readObject(value: unknown, path: string): Fields {
  if (!isFields(value)) {
    throw new TypeError(`sandbox: ${path} must be an object`);
  }
  return value;
}

function readString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`sandbox: ${path} must be a non-empty string`);
  }
  return value;
}

function readOptionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new TypeError(`sandbox: ${path} must be a string`);
  }
  return value === '' ? undefined : value;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
