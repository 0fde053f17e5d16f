import { assertCarrierDefinition } from './assert-carrier-definition.ts';
import type { CarrierCallbacks } from './callbacks.ts';
import type { CancelRequest, CancelResult } from './cancel.ts';
import type { CarrierCapabilities } from './capabilities.ts';
import type { CarrierContext } from './carrier-context.ts';
import type { ContractVersion } from './contract-version.ts';
import type { CarrierEndpoints, CredentialSpec } from './credentials.ts';
import type { FeeQuote, FeeQuoteRequest } from './fee-quote.ts';
import type { InterceptRequest, InterceptResult, InterceptStatusRequest } from './intercept.ts';
import type { RedirectRequest, RedirectResult } from './redirect.ts';
import type { RequestOptionSpec } from './request-options.ts';
import type { BulkTrackingResult, TrackingRequest, TrackingSnapshot } from './tracking.ts';

/**
 * How sure an offline tracking-number match is: `verified` when the format and its check
 * digit agree, `format` when only the shape matches (formats overlap between carriers).
 */
export type DetectionConfidence = 'verified' | 'format';

/**
 * One offline match with what the adapter needs to track the number: an aggregator names
 * the carrier behind it (Kuaidi100's `carrierOptions.com`). The options must be keys the
 * adapter declares in `requestOptions` for `track`; the gateway passes them to `track()`
 * when it tracks the number with `carrier=auto`.
 */
export interface CarrierDetection {
  readonly confidence: DetectionConfidence;
  readonly carrierOptions?: Readonly<Record<string, string>>;
}

/**
 * What `detect()` may answer: a bare confidence (no options needed), one detection, or
 * several (an aggregator whose carriers' formats overlap), most likely first; undefined or
 * an empty list when the number is not this carrier's.
 */
export type DetectionAnswer = DetectionConfidence | CarrierDetection | readonly CarrierDetection[];

/**
 * The detections of an answer of `detect()` as a list, whatever its shape, so callers
 * read one form: a bare confidence becomes one detection without options.
 */
export function detectionsOf(answer: DetectionAnswer | undefined): readonly CarrierDetection[] {
  if (answer === undefined) {
    return [];
  }
  if (typeof answer === 'string') {
    return [{ confidence: answer }];
  }
  return isDetectionList(answer) ? answer : [answer];
}

function isDetectionList(
  answer: CarrierDetection | readonly CarrierDetection[],
): answer is readonly CarrierDetection[] {
  return Array.isArray(answer);
}

/**
 * What a carrier package default-exports.
 *
 * Operations translate the contract to one carrier's wire format and classify every
 * failure with a carrier error. They never retry, sleep or read the environment: the
 * gateway owns all three.
 */
export interface CarrierDefinition {
  /** Stable kebab-case id used in URLs, config keys and metrics, e.g. `ups`. */
  readonly id: string;
  readonly displayName: string;
  readonly contractVersion: ContractVersion;
  readonly capabilities: CarrierCapabilities;
  /** Settings the gateway must supply in `ctx.credentials`; checked at start. */
  readonly credentials: CredentialSpec;
  readonly endpoints?: CarrierEndpoints;
  /**
   * What requests may set in `carrierOptions`, per operation; absent or empty means
   * nothing. The gateway refuses any other key with a 400 before calling the adapter, and
   * the adapter reads no other. Settings that move money or parcels (payer, billing
   * account, return address) belong in `credentials`, never here.
   */
  readonly requestOptions?: RequestOptionSpec;

  /** Reads a parcel's normalized status and events. */
  track(ctx: CarrierContext, request: TrackingRequest): Promise<TrackingSnapshot>;
  /**
   * Tracks up to `capabilities.bulkTracking.maxPerCall` parcels in one carrier call, one
   * result per request in the order asked. Required when `capabilities.bulkTracking` is
   * declared. A failure of the whole call (authentication, an outage) throws; a number the
   * carrier could not find is that number's `error`.
   */
  trackMany?(
    ctx: CarrierContext,
    requests: readonly TrackingRequest[],
  ): Promise<readonly BulkTrackingResult[]>;
  /** Required when `capabilities.intercept` is declared. */
  intercept?(ctx: CarrierContext, request: InterceptRequest): Promise<InterceptResult>;
  /** Required when `capabilities.redirect` is declared. */
  redirect?(ctx: CarrierContext, request: RedirectRequest): Promise<RedirectResult>;
  /** For carriers that decide later: asks how an earlier intercept went. */
  interceptStatus?(ctx: CarrierContext, request: InterceptStatusRequest): Promise<InterceptResult>;
  /**
   * Withdraws an intercept the carrier accepted and has not carried out yet. Required when
   * `capabilities.cancelIntercept` is declared. A carrier's "too late" is a `rejected`
   * result, not an error (see `CancelResult`).
   */
  cancelIntercept?(ctx: CarrierContext, request: CancelRequest): Promise<CancelResult>;
  /**
   * Withdraws a redirect the carrier accepted, so the parcel goes to its earlier address.
   * Required when `capabilities.cancelRedirect` is declared; rules as `cancelIntercept`.
   */
  cancelRedirect?(ctx: CarrierContext, request: CancelRequest): Promise<CancelResult>;
  /**
   * Asks what the carrier would charge for an intercept or a redirect, changing nothing.
   * Required when `capabilities.feeQuote` is declared, and called only for its `actions`.
   * A carrier that cannot quote this parcel throws a classified error (`not-eligible` when
   * it refuses the action itself); it never answers a made-up amount.
   */
  quoteFee?(ctx: CarrierContext, request: FeeQuoteRequest): Promise<FeeQuote>;
  /**
   * Proves the context's credentials with the carrier's cheapest authenticated call (a
   * token request, or a query the carrier signs-checks), for the gateway's "test this
   * connection". Resolves when the carrier accepted them; throws a
   * `CarrierAuthenticationError` when it refused them, and another classified error when
   * it could not tell. Never changes anything at the carrier.
   */
  verifyCredentials?(ctx: CarrierContext): Promise<void>;
  /**
   * Offline guess used by `carrier=auto` and `GET /v1/carriers/detect`; never calls the
   * network. A bare confidence is enough for a carrier that needs no options to track;
   * an aggregator answers {@link CarrierDetection}s carrying the options that name the
   * carrier behind the number.
   */
  detect?(trackingNumber: string): DetectionAnswer | undefined;
  /** Present when the carrier pushes route updates or outcomes. */
  readonly callbacks?: CarrierCallbacks;
}

/**
 * Returns the definition unchanged after checking its shape, so a broken adapter fails
 * when it is loaded, with a message naming the adapter and the missing piece.
 *
 * @example
 * ```ts
 * export const acmeCarrier = defineCarrier({
 *   id: 'acme', displayName: 'Acme Express', contractVersion: CONTRACT_VERSION,
 *   capabilities: { proofOfDelivery: false, callbacks: false },
 *   credentials: [], track: trackAcmeParcel,
 * });
 * ```
 */
export function defineCarrier<const Definition extends CarrierDefinition>(
  definition: Definition,
): Definition {
  assertCarrierDefinition(definition);
  return definition;
}
