/**
 * Parcelgate adapter for DHL (Shipment Tracking - Unified). The gateway loads this
 * package by name and uses its default export.
 *
 * @packageDocumentation
 */
export { dhlCarrier as default, dhlCarrier } from './dhl-carrier.ts';
export type { DhlCredentials } from './dhl-credentials.ts';
export { DHL_STATUS_CODES } from './map-dhl-status.ts';
