/**
 * Carrier operations a fault can target, named as the contract names them; `*` also covers
 * status queries such as intercept lookups.
 */
export const FAULT_OPERATIONS = [
  'track',
  'intercept',
  'redirect',
  'cancelIntercept',
  'cancelRedirect',
  'quoteFee',
  '*',
] as const;

/** One of {@link FAULT_OPERATIONS}. */
export type FaultOperation = (typeof FAULT_OPERATIONS)[number];

/**
 * What goes wrong. Faults act like a proxy in front of the carrier: some answer instead
 * of it (status, rate_limit, hang, reset before_read), others let it process the request
 * and spoil the way back (latency, reset after_read, slow_body, malformed).
 */
export type Fault =
  | { readonly type: 'latency'; readonly ms: number; readonly jitterMs: number }
  | {
      readonly type: 'status';
      readonly code: number;
      readonly rate: number;
      readonly html: boolean;
    }
  | { readonly type: 'rate_limit'; readonly retryAfter: number | string }
  | { readonly type: 'hang' }
  | { readonly type: 'reset'; readonly when: 'before_read' | 'after_read' }
  | { readonly type: 'slow_body'; readonly bytesPerSecond: number }
  | { readonly type: 'malformed' };

/** The fault type names, for validation messages. */
export const FAULT_TYPES = [
  'latency',
  'status',
  'rate_limit',
  'hang',
  'reset',
  'slow_body',
  'malformed',
] as const satisfies readonly Fault['type'][];

/** A registered fault and the requests it applies to. */
export interface FaultRule {
  readonly id: string;
  readonly carrier: string;
  readonly operation: FaultOperation;
  /** Null: every parcel of the carrier. */
  readonly trackingNumber: string | null;
  readonly fault: Fault;
  /** Requests it still applies to; null: no limit. */
  remaining: number | null;
  /** Requests it was applied to. */
  hits: number;
  /** Matching requests seen, including those a `rate` below 1 let through (seeds the rate). */
  seen: number;
}
