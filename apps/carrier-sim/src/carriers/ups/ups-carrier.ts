import { decodeSegment } from '../../http/decode-segment.ts';
import type {
  CarrierModule,
  CarrierRequest,
  CarrierRoute,
  CarrierWorld,
  RouteIdentity,
} from '../carrier-module.ts';
import type { CarrierResponse } from '../carrier-response.ts';
import { handleUpsToken } from './ups-auth.ts';
import { UPS_EXCEPTION_SUB_STATUSES, upsCodeOf } from './ups-codes.ts';
import { upsError, upsFaultResponse, upsRateLimited } from './ups-errors.ts';
import {
  handleUpsCancel,
  handleUpsCharges,
  handleUpsEligibility,
  handleUpsRedirect,
  handleUpsReturn,
} from './ups-intercept.ts';
import { renderUpsPushes } from './ups-push.ts';
import { handleUpsTrack } from './ups-track.ts';
import { upsTrackingNumber } from './ups-tracking-number.ts';

const NOT_FOUND = upsError(404, '404', 'The requested resource was not found.');
const TRACK_PREFIX = '/api/track/v1/details/';
const INTERCEPT_PREFIX = '/api/deliveryintercept/v2/';

type Handler = (request: CarrierRequest, world: CarrierWorld) => CarrierResponse;

/** Delivery Intercept routes: operation name, handler, whether a body comes. */
const INTERCEPT_ROUTES: Readonly<Record<string, readonly [string, 'GET' | 'POST', Handler]>> = {
  'eligibility/intercept': ['interceptEligibility', 'GET', handleUpsEligibility],
  charges: ['quoteFee', 'POST', handleUpsCharges],
  return: ['intercept', 'POST', handleUpsReturn],
  'redirect/address': ['redirect', 'POST', handleUpsRedirect],
  // `cancelIntercept` or `cancelRedirect` by the body's requestType (identifyUpsCancel).
  cancel: ['cancelIntercept', 'POST', handleUpsCancel],
};

/**
 * Routes UPS's three APIs on one host, as onlinetools.ups.com serves them: OAuth
 * (`/security/v1/oauth/token`), Track (`/api/track/v1/details/{n}`) and Delivery
 * Intercept v2 (`/api/deliveryintercept/v2/...`). Return is the `intercept` operation,
 * redirect/address the `redirect` one, charges `quoteFee` and cancel `cancelIntercept`
 * (`requestType: RS`) or `cancelRedirect` (`AA`), so faults and call counts work as for
 * any carrier; eligibility is reached only by `*` faults.
 */
function routeUps(method: string, path: string): CarrierRoute | undefined {
  if (path === '/security/v1/oauth/token' && method === 'POST') {
    return {
      operation: 'token',
      target: '',
      trackingNumber: undefined,
      hasBody: true,
      handle: handleUpsToken,
    };
  }
  if (path.startsWith(TRACK_PREFIX) && method === 'GET') {
    const target = decodeSegment(path.slice(TRACK_PREFIX.length));
    return target === '' || target.includes('/')
      ? undefined
      : {
          operation: 'track',
          target,
          trackingNumber: target,
          hasBody: false,
          handle: handleUpsTrack,
        };
  }
  if (!path.startsWith(INTERCEPT_PREFIX)) {
    return undefined;
  }
  const rest = path.slice(INTERCEPT_PREFIX.length);
  const slash = rest.lastIndexOf('/');
  const route = INTERCEPT_ROUTES[rest.slice(0, slash)];
  const target = decodeSegment(rest.slice(slash + 1));
  if (route === undefined || route[1] !== method || target === '') {
    return undefined;
  }
  return {
    operation: route[0],
    target,
    trackingNumber: target,
    hasBody: method === 'POST',
    handle: route[2],
    ...(route[2] === handleUpsCancel
      ? { identify: (body: Buffer) => identifyUpsCancel(body, target) }
      : {}),
  };
}

/**
 * A cancel names what it withdraws only in its body (`requestType`, the type being
 * cancelled): `AA` is a redirect's, anything else (RS, or an unreadable body) counts as
 * an intercept's.
 */
function identifyUpsCancel(body: Buffer, trackingNumber: string): RouteIdentity {
  let requestType: unknown;
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    requestType =
      typeof parsed === 'object' && parsed !== null
        ? (parsed as Record<string, unknown>).requestType
        : undefined;
  } catch {
    requestType = undefined;
  }
  return {
    operation: requestType === 'AA' ? 'cancelRedirect' : 'cancelIntercept',
    trackingNumber,
  };
}

/** UPS: OAuth, Track API v1, Delivery Intercept API v2 and Track Alert pushes. */
export const upsCarrier: CarrierModule = {
  id: 'ups',
  issueTrackingNumber: upsTrackingNumber,
  exceptionSubStatuses: UPS_EXCEPTION_SUB_STATUSES,
  route: routeUps,
  notFound: () => NOT_FOUND,
  faultResponse: upsFaultResponse,
  rateLimitResponse: upsRateLimited,
  eventCode: upsCodeOf,
  renderPushes: renderUpsPushes,
};
