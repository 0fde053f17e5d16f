/**
 * Parcelgate adapter for UPS. The gateway loads this package by name and uses its
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
const upsCarrier = defineCarrier({
  id: 'ups',
  displayName: 'UPS',
  contractVersion: CONTRACT_VERSION,
  capabilities: { proofOfDelivery: false, callbacks: false },
  credentials: [],
  track: () =>
    Promise.reject(
      new CarrierInvalidRequestError({ carrierId: 'ups', message: 'UPS adapter is being written' }),
    ),
});

export default upsCarrier;
