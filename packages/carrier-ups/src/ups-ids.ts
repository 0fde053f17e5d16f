import { createHash } from 'node:crypto';

/** The adapter's id: the `ups` in URLs, config keys (`CARRIER_UPS_*`) and metrics. */
export const UPS_CARRIER_ID = 'ups';

/** Who we are in UPS's `transactionSrc` header (Track API, `^[a-zA-Z0-9-.]{1,36}$`). */
export const UPS_TRANSACTION_SOURCE = 'parcelgate';

/** What the Delivery Intercept API allows in `transId` (DeliveryIntercept.yaml, parameters.transId). */
const TRANS_ID_PATTERN = /^[a-zA-Z0-9-.]{3,14}$/;
const TRANS_ID_MAX = 14;
const DISALLOWED = /[^a-zA-Z0-9-.]/g;

/**
 * UPS's `transId` for one call, derived from the gateway's request id so a UPS support
 * ticket can be matched to our logs. Delivery Intercept allows only 3 to 14 characters of
 * `[a-zA-Z0-9-.]` (the Track API 36): the request id's allowed characters are kept and the
 * last 14 taken, since ids carry their randomness at the end (`req_01J...`); an id with
 * fewer than 3 usable characters falls back to 14 hex digits of its SHA-256.
 */
export function upsTransId(requestId: string): string {
  const kept = requestId.replace(DISALLOWED, '').slice(-TRANS_ID_MAX);
  if (TRANS_ID_PATTERN.test(kept)) {
    return kept;
  }
  return createHash('sha256').update(requestId).digest('hex').slice(0, TRANS_ID_MAX);
}
