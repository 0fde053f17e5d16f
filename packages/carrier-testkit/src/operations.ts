import {
  type CarrierCapabilities,
  type CarrierOperation,
  type FeeQuoteAction,
  supportedOperations,
} from '@parcelgate/carrier-kit';

/**
 * Every operation the conformance checks run: the contract's `track`, `intercept` and
 * `redirect`, and the optional cancels and fee quote. Environments stage parcels and
 * faults and count calls by these names (carrier-sim's fault operations are the same).
 */
export const CONFORMANCE_OPERATIONS = [
  'track',
  'intercept',
  'redirect',
  'cancelIntercept',
  'cancelRedirect',
  'quoteFee',
] as const;

/** One of {@link CONFORMANCE_OPERATIONS}. */
export type ConformanceOperation = (typeof CONFORMANCE_OPERATIONS)[number];

/** The operations that change something at the carrier; a lost answer is an unknown outcome. */
export type MutatingOperation = Exclude<ConformanceOperation, ReadOperation>;

/** The operations that only read: a lost answer is simply retried. */
export type ReadOperation = 'track' | 'quoteFee';

/** Whether an operation only reads (track, fee quote). */
export function isReadOperation(operation: ConformanceOperation): operation is ReadOperation {
  return operation === 'track' || operation === 'quoteFee';
}

/** The action a cancel undoes: its parcel is prepared and the action placed first. */
export function cancelledAction(
  operation: 'cancelIntercept' | 'cancelRedirect',
): Exclude<CarrierOperation, 'track'> {
  return operation === 'cancelIntercept' ? 'intercept' : 'redirect';
}

/**
 * The operations a capability set claims, `track` first, then the actions, then the
 * cancels and the fee quote.
 */
export function claimedOperations(capabilities: CarrierCapabilities): ConformanceOperation[] {
  const extra: ConformanceOperation[] = [];
  if (capabilities.cancelIntercept !== undefined) {
    extra.push('cancelIntercept');
  }
  if (capabilities.cancelRedirect !== undefined) {
    extra.push('cancelRedirect');
  }
  if (capabilities.feeQuote !== undefined) {
    extra.push('quoteFee');
  }
  return [...supportedOperations(capabilities), ...extra];
}

/** The action the checks ask a fee quote for: the first the capabilities list. */
export function quotedAction(capabilities: CarrierCapabilities): FeeQuoteAction {
  return capabilities.feeQuote?.actions[0] ?? 'intercept';
}

/**
 * Whether sending the operation twice is harmless at the carrier, as its capability
 * declares (reads always are).
 */
export function declaredSafeToRetry(
  capabilities: CarrierCapabilities,
  operation: ConformanceOperation,
): boolean {
  switch (operation) {
    case 'track':
    case 'quoteFee':
      return true;
    case 'intercept':
    case 'redirect':
    case 'cancelIntercept':
    case 'cancelRedirect':
      return capabilities[operation]?.safeToRetry === true;
  }
}
