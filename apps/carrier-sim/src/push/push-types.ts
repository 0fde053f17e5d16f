import type { InterceptRecord, Parcel, ParcelEvent, RedirectRecord } from '../model/parcel.ts';

/**
 * Where a carrier's pushes go, set through the control API (`POST /__sim/push-targets`),
 * as a carrier's partner portal configures it. `secret` is what the carrier signs its
 * pushes with, when the carrier's scheme needs one the receiver also knows.
 */
export interface PushTarget {
  readonly url: string;
  readonly secret: string | undefined;
}

/** What changed on one parcel since the last push: only new things are pushed. */
export interface ParcelChange {
  readonly parcel: Parcel;
  /** Events added since the last push, oldest first. */
  readonly newEvents: readonly ParcelEvent[];
  /** The parcel's intercept, when it was created or changed state since the last push. */
  readonly intercept: InterceptRecord | undefined;
  /** Redirects created or changed state since the last push. */
  readonly redirects: readonly RedirectRecord[];
}

/** One HTTP POST a carrier sends to a receiver, body bytes exactly as signed. */
export interface PushMessage {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /**
   * Whether the receiver's answer is the acknowledgement the carrier expects (each carrier
   * wants its own); recorded in the push log so tests can assert it.
   */
  acknowledged(status: number, body: string): boolean;
}

/** One delivery attempt, as the control API lists it (`GET /__sim/pushes`). */
export interface PushRecord {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly url: string;
  readonly body: string;
  /** Simulated time the change happened, ISO 8601. */
  readonly at: string;
  /** The receiver's status, or undefined when the POST failed (`error` says why). */
  readonly status: number | undefined;
  readonly responseBody: string;
  readonly acknowledged: boolean;
  readonly error: string | undefined;
}
