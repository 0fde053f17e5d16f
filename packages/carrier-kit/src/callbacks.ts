import type { CarrierLogger, Clock } from './carrier-context.ts';
import type { CarrierCredentials } from './credentials.ts';
import type { InterceptResult } from './intercept.ts';
import type { RedirectResult } from './redirect.ts';
import type { TrackingEvent } from './tracking.ts';

/** A push as the carrier sent it: the raw bytes matter, signatures are computed over them. */
export interface CarrierCallbackRequest {
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly rawBody: string;
}

/** What callback parsing may use: no HTTP client, callbacks only read what arrived. */
export interface CarrierCallbackContext {
  readonly credentials: CarrierCredentials;
  readonly logger: CarrierLogger;
  readonly clock: Clock;
}

/** A tracking event pushed for one parcel. */
export interface CallbackTrackingEvent {
  readonly trackingNumber: string;
  readonly event: TrackingEvent;
}

/** A later outcome of an intercept or redirect, pushed by the carrier. */
export type CallbackOutcome =
  | {
      readonly operation: 'intercept';
      readonly trackingNumber: string;
      readonly reference?: string;
      readonly result: InterceptResult;
    }
  | {
      readonly operation: 'redirect';
      readonly trackingNumber: string;
      readonly reference?: string;
      readonly result: RedirectResult;
    };

/** The body the carrier expects back; each carrier wants its own acknowledgement. */
export interface CallbackAcknowledgement {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** The normalized content of one verified push. */
export interface CarrierCallbackResult {
  readonly events: readonly CallbackTrackingEvent[];
  readonly outcomes: readonly CallbackOutcome[];
  readonly acknowledgement: CallbackAcknowledgement;
}

/** Verifies and parses a carrier's pushes. */
export interface CarrierCallbacks {
  /**
   * Verifies the push's signature or secret, then parses it. Throws
   * `CarrierAuthenticationError` for a bad signature (the gateway answers 401 and stores
   * nothing) and `CarrierInvalidRequestError` for a body it cannot read.
   */
  handle(
    ctx: CarrierCallbackContext,
    request: CarrierCallbackRequest,
  ): Promise<CarrierCallbackResult>;
}
