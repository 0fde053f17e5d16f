import type { ConformanceOperation } from './operations.ts';

/**
 * How a carrier misbehaves, in the simulator's own vocabulary (`POST /__sim/faults`), so
 * one set of checks stages the same faults through msw and through the real simulator.
 */
export type Fault =
  /** Answers normally, this many milliseconds late. */
  | { readonly type: 'latency'; readonly ms: number }
  /** Answers this HTTP status; `html` asks for a proxy's HTML error page instead of JSON. */
  | { readonly type: 'status'; readonly code: number; readonly html?: boolean }
  /** Answers 429 with `Retry-After` sent verbatim: seconds, or an HTTP date. */
  | { readonly type: 'rate_limit'; readonly retryAfter: number | string }
  /** Never answers; the request stays open until the client gives up. */
  | { readonly type: 'hang' }
  /**
   * Drops the connection after the request was sent: `before_read` before the carrier
   * processed it, `after_read` after (either way the client cannot tell which).
   */
  | { readonly type: 'reset'; readonly when?: 'before_read' | 'after_read' }
  /** Trickles the normal answer at this rate. */
  | { readonly type: 'slow_body'; readonly bytesPerSecond: number }
  /** Answers 200 with a truncated JSON body. */
  | { readonly type: 'malformed' };

/**
 * Things an environment may be unable to stage. A check that needs one the environment
 * lacks is reported as skipped with the reason, never as passed.
 */
export type EnvironmentFeature =
  /** Show a parcel with a given carrier status code (the simulator only takes normalized statuses). */
  | 'statusCodes'
  /** Answer "unknown parcel" the way the carrier does. */
  | 'notFound'
  /** Answer a 5xx with a proxy's HTML page. */
  | 'htmlErrorPage'
  /** Answer 200 with a body that is not the JSON it promises. */
  | 'malformedBody'
  /** Drop the connection after the request was sent. */
  | 'reset'
  /** Hold a request open until the client aborts. */
  | 'hang'
  /**
   * Refuse a request made with wrong credentials, as the carrier does (the simulator checks
   * keys and signatures; msw fixtures answer whatever the credentials, unless told).
   */
  | 'wrongCredentials';

/** What the harness asks for when it needs a parcel. */
export interface ParcelRequest {
  /** For a cancel: a parcel on which the cancelled action succeeds, and then its cancel. */
  readonly operation: ConformanceOperation;
  /** A documented carrier status code the parcel must show (track only; needs `statusCodes`). */
  readonly statusCode?: string;
}

/** A fault for one parcel's next requests of one operation. */
export interface FaultRequest {
  readonly operation: ConformanceOperation;
  readonly trackingNumber: string;
  readonly fault: Fault;
}

/**
 * Where the carrier under test lives for a conformance run: msw handlers answering from
 * the adapter's fixtures (unit tests), or the carrier simulator (integration tests). The
 * checks only talk to this interface, so the same suite runs in both.
 */
export interface ConformanceEnvironment {
  /** Shown in test titles and messages, e.g. `msw` or `carrier-sim`. */
  readonly name: string;
  /** The carrier base URL the adapter's `ctx.http` is bound to. */
  readonly baseUrl: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Forgets faults and parcels staged by a check, so the next one starts clean. */
  reset(): Promise<void>;
  /** A parcel on which `operation` succeeds (for track, optionally showing `statusCode`). */
  prepareParcel(request: ParcelRequest): Promise<{ readonly trackingNumber: string }>;
  /** Makes the carrier misbehave for this parcel's next requests of `operation`. */
  injectFault(request: FaultRequest): Promise<void>;
  /** How many requests of `operation` the carrier received for this parcel. */
  countCalls(request: {
    readonly operation: ConformanceOperation;
    readonly trackingNumber: string;
  }): Promise<number>;
  /** Whether this environment can stage `feature`. */
  supports(feature: EnvironmentFeature): boolean;
  /**
   * Hints for a failing check, e.g. requests no fixture matched. Optional: the simulator
   * has nothing to add.
   */
  diagnose?(): readonly string[];
}

/**
 * Thrown by `prepareParcel` or `injectFault` for one request the environment cannot stage
 * (e.g. a status code no simulated journey produces); the check reports that scenario as
 * skipped with this message instead of failing.
 */
export class StagingUnsupportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StagingUnsupportedError';
  }
}

/** Whether `error` is a {@link StagingUnsupportedError} (by name, across copies of the kit). */
export function isStagingUnsupported(error: unknown): error is StagingUnsupportedError {
  return error instanceof Error && error.name === 'StagingUnsupportedError';
}
