/**
 * Parcelgate adapter for `sandbox`, the simulator's reference carrier. The gateway loads
 * this package by name and uses its default export.
 *
 * @packageDocumentation
 */
export { SANDBOX_STATUS_CODES } from './map-sandbox-status.ts';
export { sandboxCarrier as default, sandboxCarrier } from './sandbox-carrier.ts';
export type { SandboxCredentials } from './sandbox-credentials.ts';
