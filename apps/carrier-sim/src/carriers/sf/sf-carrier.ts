import type { CarrierModule, CarrierRoute } from '../carrier-module.ts';
import { jsonResponse } from '../carrier-response.ts';
import { SF_EXCEPTION_SUB_STATUSES, sfCodeOf } from './sf-codes.ts';
import { sfFaultResponse, sfRateLimited } from './sf-envelope.ts';
import { handleSfGateway } from './sf-gateway.ts';
import { identifySfRequest } from './sf-identify.ts';
import { renderSfPushes } from './sf-push.ts';
import { sfTrackingNumber } from './sf-tracking-number.ts';

/**
 * SF's one route. The operation and the parcel are in the form body: `identify` names
 * them once the server has read it, so faults and counts work as on a path-routed
 * carrier. `service` with no parcel is what a body it cannot identify counts as.
 */
const SF_SERVICE_ROUTE: CarrierRoute = {
  operation: 'service',
  target: '/std/service',
  trackingNumber: undefined,
  hasBody: true,
  handle: handleSfGateway,
  identify: identifySfRequest,
};

const NOT_FOUND = jsonResponse(404, { status: 404, error: 'Not Found' });

/** SF Express: the signed form-post gateway of 丰桥 under `/sf/std/service`. */
export const sfCarrier: CarrierModule = {
  id: 'sf',
  issueTrackingNumber: sfTrackingNumber,
  exceptionSubStatuses: SF_EXCEPTION_SUB_STATUSES,
  route: (method, path) =>
    method === 'POST' && path === '/std/service' ? SF_SERVICE_ROUTE : undefined,
  notFound: () => NOT_FOUND,
  faultResponse: sfFaultResponse,
  rateLimitResponse: sfRateLimited,
  eventCode: sfCodeOf,
  renderPushes: renderSfPushes,
};
