import type { CarrierModule, CarrierRoute } from '../carrier-module.ts';
import { handleUspsToken } from './usps-auth.ts';
import { USPS_EXCEPTION_SUB_STATUSES, uspsCodeOf } from './usps-codes.ts';
import { uspsError, uspsFaultResponse, uspsRateLimited } from './usps-errors.ts';
import { handleUspsTrack, identifyUspsTrack } from './usps-track.ts';
import { uspsTrackingNumber } from './usps-tracking-number.ts';

const NOT_FOUND = uspsError(404, 'The requested resource was not found.');

const TOKEN_ROUTE: CarrierRoute = {
  operation: 'token',
  target: '',
  trackingNumber: undefined,
  hasBody: true,
  handle: handleUspsToken,
};

/** The parcels are named in the body: `identify` reads the first so faults and counts reach it. */
const TRACK_ROUTE: CarrierRoute = {
  operation: 'track',
  target: '/tracking/v3r2/tracking',
  trackingNumber: undefined,
  hasBody: true,
  handle: handleUspsTrack,
  identify: identifyUspsTrack,
};

/** USPS APIs v3: OAuth (`/oauth2/v3/token`, JSON body) and Tracking v3r2; no pushes. */
export const uspsCarrier: CarrierModule = {
  id: 'usps',
  issueTrackingNumber: uspsTrackingNumber,
  exceptionSubStatuses: USPS_EXCEPTION_SUB_STATUSES,
  route(method, path) {
    if (method !== 'POST') {
      return undefined;
    }
    if (path === '/oauth2/v3/token') {
      return TOKEN_ROUTE;
    }
    return path === '/tracking/v3r2/tracking' ? TRACK_ROUTE : undefined;
  },
  notFound: () => NOT_FOUND,
  faultResponse: uspsFaultResponse,
  rateLimitResponse: uspsRateLimited,
  eventCode: uspsCodeOf,
};
