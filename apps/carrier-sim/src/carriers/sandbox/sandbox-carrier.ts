import { decodeSegment } from '../../http/decode-segment.ts';
import type { CarrierModule, CarrierRoute, CarrierWorld } from '../carrier-module.ts';
import { handleSandboxCancelIntercept, handleSandboxCancelRedirect } from './sandbox-cancel.ts';
import { SANDBOX_EXCEPTION_SUB_STATUSES, sandboxCodeOf } from './sandbox-codes.ts';
import { sandboxError, sandboxFaultResponse, sandboxRateLimited } from './sandbox-errors.ts';
import { handleSandboxFees } from './sandbox-fees.ts';
import { handleSandboxIntercept, handleSandboxInterceptStatus } from './sandbox-intercept.ts';
import { handleSandboxInterceptLookup, handleSandboxRedirectLookup } from './sandbox-lookup.ts';
import { handleSandboxRedirect } from './sandbox-redirect.ts';
import { handleSandboxTrack } from './sandbox-track.ts';
import { sandboxTrackingNumber } from './sandbox-tracking-number.ts';

const NOT_FOUND = sandboxError(404, 'NOT_FOUND', 'no such route');

/**
 * Routes the operations of docs/carriers/sandbox-api.md. Anything else (other
 * paths, other methods) gets the sandbox's 404.
 */
function routeSandbox(method: string, path: string, world: CarrierWorld): CarrierRoute | undefined {
  const segments = path.split('/');
  // segments[0] is the empty string before the leading slash.
  if (segments[1] !== 'v1' || segments.length < 4) {
    return undefined;
  }
  const target = decodeSegment(segments[3] ?? '');
  if (target.length === 0) {
    return undefined;
  }
  if (segments[2] === 'parcels') {
    if (segments.length === 4 && method === 'GET') {
      return {
        operation: 'track',
        target,
        trackingNumber: target,
        hasBody: false,
        handle: handleSandboxTrack,
      };
    }
    if (segments.length === 5 && method === 'GET') {
      // Lookups by our reference: how a client whose answer was lost learns what happened.
      // Not counted as intercepts or redirects; `*` faults apply to them.
      if (segments[4] === 'intercepts') {
        return {
          operation: 'interceptLookup',
          target,
          trackingNumber: target,
          hasBody: false,
          handle: handleSandboxInterceptLookup,
        };
      }
      if (segments[4] === 'redirects') {
        return {
          operation: 'redirectLookup',
          target,
          trackingNumber: target,
          hasBody: false,
          handle: handleSandboxRedirectLookup,
        };
      }
    }
    if (segments.length === 5 && method === 'POST') {
      if (segments[4] === 'intercepts') {
        return {
          operation: 'intercept',
          target,
          trackingNumber: target,
          hasBody: true,
          handle: handleSandboxIntercept,
        };
      }
      if (segments[4] === 'redirects') {
        return {
          operation: 'redirect',
          target,
          trackingNumber: target,
          hasBody: true,
          handle: handleSandboxRedirect,
        };
      }
      if (segments[4] === 'fees') {
        return {
          operation: 'quoteFee',
          target,
          trackingNumber: target,
          hasBody: true,
          handle: handleSandboxFees,
        };
      }
    }
    if (segments.length === 6 && method === 'POST' && segments[5] === 'cancel') {
      if (segments[4] === 'intercepts') {
        return {
          operation: 'cancelIntercept',
          target,
          trackingNumber: target,
          hasBody: true,
          handle: handleSandboxCancelIntercept,
        };
      }
      if (segments[4] === 'redirects') {
        return {
          operation: 'cancelRedirect',
          target,
          trackingNumber: target,
          hasBody: true,
          handle: handleSandboxCancelRedirect,
        };
      }
    }
    return undefined;
  }
  if (segments[2] === 'intercepts' && segments.length === 4 && method === 'GET') {
    return {
      operation: 'interceptStatus',
      target,
      trackingNumber: world.parcels.findByIntercept('sandbox', target)?.trackingNumber,
      hasBody: false,
      handle: handleSandboxInterceptStatus,
    };
  }
  return undefined;
}

/** The reference carrier: a clean JSON API, specified in docs/carriers/sandbox-api.md. */
export const sandboxCarrier: CarrierModule = {
  id: 'sandbox',
  issueTrackingNumber: sandboxTrackingNumber,
  exceptionSubStatuses: SANDBOX_EXCEPTION_SUB_STATUSES,
  route: routeSandbox,
  notFound: () => NOT_FOUND,
  faultResponse: sandboxFaultResponse,
  rateLimitResponse: sandboxRateLimited,
  eventCode: sandboxCodeOf,
};
