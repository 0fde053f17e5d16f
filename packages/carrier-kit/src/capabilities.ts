import type { FeeQuoteAction } from './fee-quote.ts';
import type { Money } from './money.ts';
import type { NormalizedStatus } from './status.ts';

/** The operations of the contract; `track` is mandatory for every carrier. */
export const CARRIER_OPERATIONS = ['track', 'intercept', 'redirect'] as const;

/** One of {@link CARRIER_OPERATIONS}. */
export type CarrierOperation = (typeof CARRIER_OPERATIONS)[number];

/** Statuses in which the carrier accepts an intercept or redirect, and how likely it succeeds. */
export interface OperationWindow {
  /** Statuses in which the carrier normally succeeds. */
  readonly highLikelihood: readonly NormalizedStatus[];
  /** Statuses in which the carrier accepts the request but often fails (the last-mile station). */
  readonly lowLikelihood: readonly NormalizedStatus[];
}

/**
 * Who pays for an intercept or redirect:
 * - `by_pickup_mode`: the domain default, free when the platform's pickup driver brings the
 *   parcel back, paid by the merchant as cash on delivery after a self drop-off;
 * - `carrier_quote`: the carrier quotes a fee per parcel (the adapter returns it);
 * - `flat`: a fixed fee charged to the merchant;
 * - `free`: the carrier never charges.
 */
export type FeePolicy =
  | { readonly kind: 'by_pickup_mode' }
  | { readonly kind: 'carrier_quote' }
  | { readonly kind: 'flat'; readonly amount: Money }
  | { readonly kind: 'free' };

/**
 * Whether the carrier answers an intercept or redirect in the same HTTP exchange
 * (`synchronous`) or accepts it and reports the outcome later by callback or tracking
 * (`asynchronous`).
 */
export type OutcomeTiming = 'synchronous' | 'asynchronous';

/** The carrier's published limits for one account; the gateway queues and spaces calls by them. */
export interface RateLimits {
  readonly requestsPerSecond?: number;
  /** How many requests may go over `requestsPerSecond` in a burst. */
  readonly burst?: number;
  /** At most this many calls in flight at once. */
  readonly maxConcurrency?: number;
  /**
   * The account's daily quota (FedEx, DHL), counted by the carrier from its own midnight.
   * Declared so operators can size accounts; past it the carrier answers 429 until the
   * quota resets.
   */
  readonly requestsPerDay?: number;
}

/**
 * An operation the carrier offers only outside its API (its website, a business portal):
 * the gateway answers that it cannot do it, with the carrier's reason and where it can be
 * done, and never calls the carrier.
 */
export interface OffApiOperation {
  /** Why the API cannot do it and where a person can, e.g. "only on fedex.com". */
  readonly reason: string;
  /** Where the operation can be done by hand, when the carrier publishes a page for it. */
  readonly url?: string;
}

/** How the carrier tracks several parcels in one call (`CarrierDefinition.trackMany`). */
export interface BulkTrackingCapability {
  /** The most tracking numbers one call may carry (FedEx: 30). */
  readonly maxPerCall: number;
}

/** What one mutating operation (intercept or redirect) can do at this carrier. */
export interface MutationCapability {
  readonly window: OperationWindow;
  readonly fees: FeePolicy;
  readonly outcome: OutcomeTiming;
  /**
   * True only when the carrier deduplicates by our `reference`, so sending the same
   * request twice cannot act twice. The gateway retries mutations only then (or when the
   * request provably never left).
   */
  readonly safeToRetry: boolean;
}

/** What a carrier's cancel of one kind of action can do. */
export interface CancelCapability {
  /**
   * True only when cancelling twice is harmless at the carrier (the second cancel of an
   * action already cancelled answers the same, and never undoes anything else). The
   * gateway retries a cancel whose answer was lost only then (or when the request
   * provably never left).
   */
  readonly safeToRetry: boolean;
}

/** Which actions a carrier quotes a fee for before they are asked for. */
export interface FeeQuoteCapability {
  /** Each must also be a declared capability. */
  readonly actions: readonly FeeQuoteAction[];
}

/** What a carrier supports, declared by its adapter and bounding every tenant's policy. */
export interface CarrierCapabilities {
  /** Present when the carrier can stop a parcel and return it to the sender. */
  readonly intercept?: MutationCapability & {
    /** Parcels above these values (one limit per currency) are usually refused. */
    readonly declaredValueLimits: readonly Money[];
    /** Merchant categories the carrier refuses to intercept. */
    readonly excludedCategories: readonly string[];
  };
  /** Present when the carrier can deliver a parcel to a new address. */
  readonly redirect?: MutationCapability & {
    /** Redirects per order that the platform pays for (domain: one). */
    readonly freePerOrder: number;
  };
  /**
   * Present when the carrier can withdraw an intercept it accepted (`cancelIntercept()`);
   * needs `intercept`.
   */
  readonly cancelIntercept?: CancelCapability;
  /**
   * Present when the carrier can withdraw a redirect it accepted (`cancelRedirect()`);
   * needs `redirect`.
   */
  readonly cancelRedirect?: CancelCapability;
  /** Present when the carrier quotes its fee for an action beforehand (`quoteFee()`). */
  readonly feeQuote?: FeeQuoteCapability;
  /**
   * Operations the carrier offers to people but not by API, with the reason. An operation
   * is either declared above or listed here, never both.
   */
  readonly offApi?: { readonly intercept?: OffApiOperation; readonly redirect?: OffApiOperation };
  /** Present when the carrier tracks several parcels per call (`trackMany()`). */
  readonly bulkTracking?: BulkTrackingCapability;
  /** Whether tracking returns proof of delivery (signature, photo). */
  readonly proofOfDelivery: boolean;
  /** Whether the adapter parses the carrier's pushes (see `CarrierDefinition.callbacks`). */
  readonly callbacks: boolean;
  readonly rateLimits?: RateLimits;
}

/** The operations a capability set supports, `track` first. */
export function supportedOperations(capabilities: CarrierCapabilities): CarrierOperation[] {
  return CARRIER_OPERATIONS.filter(
    (operation) => operation === 'track' || capabilities[operation] !== undefined,
  );
}
