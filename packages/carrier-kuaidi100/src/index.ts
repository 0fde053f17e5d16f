/**
 * Parcelgate adapter for Kuaidi100. The gateway loads this package by name and uses its
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
const kuaidi100Carrier = defineCarrier({
  id: 'kuaidi100',
  displayName: 'Kuaidi100',
  contractVersion: CONTRACT_VERSION,
  capabilities: { proofOfDelivery: false, callbacks: false },
  credentials: [],
  track: () =>
    Promise.reject(
      new CarrierInvalidRequestError({
        carrierId: 'kuaidi100',
        message: 'Kuaidi100 adapter is being written',
      }),
    ),
});

export default kuaidi100Carrier;
