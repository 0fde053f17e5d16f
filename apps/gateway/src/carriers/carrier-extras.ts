import type { TrackingRequest } from '@parcelgate/carrier-kit';

/**
 * What some carriers need beside the tracking number: the last four digits of a phone (SF
 * Express shows a route only with them) and carrier options (Kuaidi100's `com`, the carrier
 * behind the parcel). Given by the API caller, stored with an intercept or redirect, and sent
 * on every carrier call about that parcel.
 */
export interface CarrierExtras {
  readonly phoneLastDigits?: string | null | undefined;
  readonly carrierOptions?: Readonly<Record<string, string>> | null | undefined;
}

/** The adapter's tracking request for a parcel, carrying only the extras that are set. */
export function trackingRequestFor(trackingNumber: string, extras: CarrierExtras): TrackingRequest {
  return {
    trackingNumber,
    ...(extras.phoneLastDigits == null ? {} : { phoneLastDigits: extras.phoneLastDigits }),
    ...(extras.carrierOptions == null || Object.keys(extras.carrierOptions).length === 0
      ? {}
      : { carrierOptions: extras.carrierOptions }),
  };
}

/** The options part of an action request (`InterceptRequest` / `RedirectRequest`). */
export function actionOptionsFor(extras: CarrierExtras): {
  readonly carrierOptions?: Readonly<Record<string, string>>;
} {
  return extras.carrierOptions == null || Object.keys(extras.carrierOptions).length === 0
    ? {}
    : { carrierOptions: extras.carrierOptions };
}

/**
 * The tracking cache's key: the tracking number alone when there are no extras, else with
 * them, since another `com` or phone is another question with another answer.
 */
export function trackingCacheKey(request: TrackingRequest): string {
  if (request.phoneLastDigits === undefined && request.carrierOptions === undefined) {
    return request.trackingNumber;
  }
  const options = Object.entries(request.carrierOptions ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `${request.trackingNumber}\u0000${request.phoneLastDigits ?? ''}\u0000${JSON.stringify(options)}`;
}
