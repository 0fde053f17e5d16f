import type { CarrierDefinition } from '@parcelgate/carrier-kit';
import { ProblemError } from '../problems.ts';

/** Where the tracking number sits in a JSON body; tracking's path uses `/params/trackingNumber`. */
export const BODY_TRACKING_NUMBER = '/trackingNumber';

/** Where tracking's path parameter is pointed at. */
export const PATH_TRACKING_NUMBER = '/params/trackingNumber';

/**
 * Refuses, as a 400 `validation-failed` at `at`, a tracking number that cannot be one of the
 * named carrier's: its adapter's `detect` recognises neither its format nor its check digit.
 * A number the carrier might have issued goes on to the carrier, which says whether it
 * knows it (404 `parcel-not-found`); one it never could is the client's mistake, found
 * without a call. Carriers that declare no `detect` (aggregators: any number) pass.
 */
export function checkTrackingNumber(
  carrier: Pick<CarrierDefinition, 'displayName' | 'detect'>,
  trackingNumber: string,
  at: string = BODY_TRACKING_NUMBER,
): void {
  if (carrier.detect === undefined || carrier.detect(trackingNumber) !== undefined) {
    return;
  }
  const detail = `is not a ${carrier.displayName} tracking number`;
  throw new ProblemError('validation-failed', `${at}: ${detail}`, {
    errors: [{ pointer: at, detail }],
  });
}
