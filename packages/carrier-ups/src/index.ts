/**
 * Parcelgate adapter for UPS. The gateway loads this package by name and uses its
 * default export.
 *
 * @packageDocumentation
 */
export { UPS_STATUS_CODES } from './map-ups-status.ts';
export { upsCarrier as default, upsCarrier } from './ups-carrier.ts';
export type { UpsCredentials } from './ups-credentials.ts';
