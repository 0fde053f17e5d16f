/**
 * Parcelgate adapter for FedEx. The gateway loads this package by name and uses its
 * default export.
 *
 * @packageDocumentation
 */
export {
  detectFedexTrackingNumber,
  fedexExpressNumber,
  matchFedexFormat,
} from './detect-fedex-tracking-number.ts';
export { fedexCarrier as default, fedexCarrier } from './fedex-carrier.ts';
export type { FedexCredentials } from './fedex-credentials.ts';
export { FEDEX_DELIVERY_OPTIONS, FEDEX_MANAGE_DELIVERY_URL } from './fedex-delivery-options.ts';
export { FEDEX_MAX_PER_CALL } from './fedex-track.ts';
export { FEDEX_EXCEPTION_CODES, FEDEX_STATUS_CODES } from './map-fedex-status.ts';
