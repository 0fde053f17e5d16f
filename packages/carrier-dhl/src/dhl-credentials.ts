import type { CredentialSpec } from '@parcelgate/carrier-kit';

/**
 * Settings the DHL adapter reads from `CARRIER_DHL_<env>`. The API key is a secret:
 * redacted from every log line and never part of a message. Without it set, the gateway
 * uses the sandbox default, which the simulator (apps/carrier-sim, `/dhl`) accepts.
 */
export const dhlCredentials = [
  {
    key: 'apiKey',
    env: 'API_KEY',
    description:
      'API key of the developer.dhl.com app subscribed to Shipment Tracking - Unified (sent as DHL-API-Key)',
    secret: true,
    required: true,
    sandboxDefault: 'dhl-sim-api-key',
  },
] as const satisfies CredentialSpec;

/** The values the DHL adapter reads from `ctx.credentials`, derived from {@link dhlCredentials}. */
export type DhlCredentials = {
  readonly [Field in (typeof dhlCredentials)[number] as Field['key']]: string;
};
