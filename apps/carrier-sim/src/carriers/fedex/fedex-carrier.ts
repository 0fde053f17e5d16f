import type { CarrierModule, CarrierRoute } from '../carrier-module.ts';
import { handleFedexToken } from './fedex-auth.ts';
import { FEDEX_EXCEPTION_SUB_STATUSES, fedexCodeOf } from './fedex-codes.ts';
import { fedexError, fedexFaultResponse, fedexRateLimited } from './fedex-errors.ts';
import { handleFedexTrack, identifyFedexTrack } from './fedex-track.ts';
import { fedexTrackingNumber } from './fedex-tracking-number.ts';

const NOT_FOUND = fedexError(
  404,
  'NOT.FOUND.ERROR',
  'The resource you requested is no longer available. Please modify your request and try again.',
);

const TOKEN_ROUTE: CarrierRoute = {
  operation: 'token',
  target: '',
  trackingNumber: undefined,
  hasBody: true,
  handle: handleFedexToken,
};

/**
 * Track by Tracking Number names its parcels only in the body: `identify` counts and
 * faults the call under its first number (`track`), so single-number calls behave as on a
 * path-routed carrier.
 */
const TRACK_ROUTE: CarrierRoute = {
  operation: 'track',
  target: '/track/v1/trackingnumbers',
  trackingNumber: undefined,
  hasBody: true,
  handle: handleFedexTrack,
  identify: identifyFedexTrack,
};

/** FedEx: OAuth (`/oauth/token`) and the Track API (`/track/v1/trackingnumbers`), on one host. */
export const fedexCarrier: CarrierModule = {
  id: 'fedex',
  issueTrackingNumber: fedexTrackingNumber,
  exceptionSubStatuses: FEDEX_EXCEPTION_SUB_STATUSES,
  route: (method, path) => {
    if (method !== 'POST') {
      return undefined;
    }
    if (path === '/oauth/token') {
      return TOKEN_ROUTE;
    }
    return path === '/track/v1/trackingnumbers' ? TRACK_ROUTE : undefined;
  },
  notFound: () => NOT_FOUND,
  faultResponse: fedexFaultResponse,
  rateLimitResponse: fedexRateLimited,
  eventCode: fedexCodeOf,
};
