import type { IncomingHttpHeaders } from 'node:http';
import type { CarrierResponse } from '../carrier-response.ts';
import { sandboxError } from './sandbox-errors.ts';

const UNAUTHORIZED = sandboxError(401, 'UNAUTHORIZED', 'invalid api key');
const FORBIDDEN = sandboxError(403, 'FORBIDDEN', 'api key sbx_forbidden may not act on parcels');
const BEARER_SCHEME = /^bearer /i;

/**
 * Checks `Authorization: Bearer <apiKey>`: any key starting with `sbx_` is valid, and
 * `sbx_forbidden` is valid but may do nothing (403 on every route, reads included).
 * Answers the account, which is the whole API key, or the error to send (a string is
 * the account, so the hot path allocates nothing).
 */
export function authenticateSandbox(headers: IncomingHttpHeaders): string | CarrierResponse {
  const authorization = headers.authorization;
  // Only the scheme is case-insensitive (RFC 9110); the key itself is compared exactly.
  if (
    authorization === undefined ||
    !BEARER_SCHEME.test(authorization) ||
    !authorization.startsWith('sbx_', 7)
  ) {
    return UNAUTHORIZED;
  }
  const apiKey = authorization.slice(7);
  return apiKey === 'sbx_forbidden' ? FORBIDDEN : apiKey;
}
