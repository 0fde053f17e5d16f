/**
 * Parcelgate adapter for SF Express. The gateway loads this package by name and uses its
 * default export.
 *
 * @packageDocumentation
 */
import {
  CarrierInvalidRequestError,
  CONTRACT_VERSION,
  defineCarrier,
} from '@parcelgate/carrier-kit';

/** Scaffold only: replaced by the real adapter in the same session. */
const sfCarrier = defineCarrier({
  id: 'sf',
  displayName: 'SF Express',
  contractVersion: CONTRACT_VERSION,
  capabilities: { proofOfDelivery: false, callbacks: false },
  credentials: [],
  track: () =>
    Promise.reject(
      new CarrierInvalidRequestError({
        carrierId: 'sf',
        message: 'SF Express adapter is being written',
      }),
    ),
});

export default sfCarrier;
