/**
 * Parcelgate adapter for USPS (APIs v3: OAuth, Tracking v3r2). The gateway loads this
 * package by name and uses its default export.
 *
 * @packageDocumentation
 */
export { USPS_STATUS_CODES } from './map-usps-status.ts';
export { uspsCarrier as default, uspsCarrier } from './usps-carrier.ts';
export type { UspsCredentials } from './usps-credentials.ts';
