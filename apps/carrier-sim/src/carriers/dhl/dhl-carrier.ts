import type { CarrierModule, CarrierRoute } from '../carrier-module.ts';
import { DHL_EXCEPTION_SUB_STATUSES, dhlCodeOf } from './dhl-codes.ts';
import { dhlFaultResponse, dhlProblem, dhlRateLimited } from './dhl-errors.ts';
import { handleDhlTrack, identifyDhlTrack } from './dhl-track.ts';
import { dhlTrackingNumber } from './dhl-tracking-number.ts';

const NOT_FOUND = dhlProblem(404, 'Not Found', 'The requested resource was not found.');

/**
 * The one route: the parcel is named in the query (`trackingNumber`), so `identify` reads
 * it there; faults and counts then work as on a path-routed carrier.
 */
const TRACK_ROUTE: CarrierRoute = {
  operation: 'track',
  target: '/track/shipments',
  trackingNumber: undefined,
  hasBody: false,
  handle: handleDhlTrack,
  identify: identifyDhlTrack,
};

/** DHL: Shipment Tracking - Unified (`GET /track/shipments`), problem+json errors, no pushes. */
export const dhlCarrier: CarrierModule = {
  id: 'dhl',
  issueTrackingNumber: dhlTrackingNumber,
  exceptionSubStatuses: DHL_EXCEPTION_SUB_STATUSES,
  route: (method, path) =>
    method === 'GET' && path === '/track/shipments' ? TRACK_ROUTE : undefined,
  notFound: () => NOT_FOUND,
  faultResponse: dhlFaultResponse,
  rateLimitResponse: dhlRateLimited,
  eventCode: dhlCodeOf,
};
