import type { CredentialSpec } from '@parcelgate/carrier-kit';

/**
 * Settings the USPS adapter reads from `CARRIER_USPS_<env>`. The client secret is a
 * secret: redacted from every log line, never part of a message, and never used as a
 * cache key (a hash is). Without them set, the gateway uses the sandbox defaults, which
 * the simulator (apps/carrier-sim, `/usps`) accepts.
 */
export const uspsCredentials = [
  {
    key: 'clientId',
    env: 'CLIENT_ID',
    description: 'Consumer key of the USPS developer-portal app (OAuth client_id)',
    secret: false,
    required: true,
    sandboxDefault: 'usps-sim-client',
  },
  {
    key: 'clientSecret',
    env: 'CLIENT_SECRET',
    description: 'Consumer secret of the USPS app (OAuth client_secret)',
    secret: true,
    required: true,
    sandboxDefault: 'usps-sim-secret',
  },
] as const satisfies CredentialSpec;

/** The values the USPS adapter reads from `ctx.credentials`, derived from {@link uspsCredentials}. */
export type UspsCredentials = {
  readonly [Field in (typeof uspsCredentials)[number] as Field['key']]: string;
};
