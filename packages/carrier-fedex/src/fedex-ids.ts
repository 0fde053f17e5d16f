/** The adapter's id: the `fedex` in URLs, config keys (`CARRIER_FEDEX_*`) and metrics. */
export const FEDEX_CARRIER_ID = 'fedex';

/** FedEx's `x-customer-transaction-id` is free text FedEx echoes back; ours is the request id. */
export const FEDEX_TRANSACTION_ID_MAX = 64;

/**
 * The `x-customer-transaction-id` of one call: the gateway's request id (FedEx echoes it
 * as `customerTransactionId`, so a FedEx support ticket can be matched to our logs),
 * trimmed to a length any gateway accepts.
 */
export function fedexTransactionId(requestId: string): string {
  return requestId.slice(-FEDEX_TRANSACTION_ID_MAX);
}
