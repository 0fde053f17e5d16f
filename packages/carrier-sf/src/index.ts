/**
 * Parcelgate adapter for SF Express (顺丰). The gateway loads this package by name and
 * uses its default export.
 *
 * @packageDocumentation
 */
export { SF_SECONDARY_STATUS_CODES, SF_STATUS_CODES } from './map-sf-status.ts';
export { sfCarrier as default, sfCarrier } from './sf-carrier.ts';
export type { SfCredentials } from './sf-credentials.ts';
