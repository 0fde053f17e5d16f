import type { CredentialSpec } from '@parcelgate/carrier-kit';

/**
 * Settings the FedEx adapter reads from `CARRIER_FEDEX_<env>`. Without any of them set,
 * the gateway uses the sandbox defaults, which the simulator (apps/carrier-sim, `/fedex`)
 * accepts. The client secret is redacted from every log line, never part of a message,
 * and never used as a cache key (a hash is).
 */
export const fedexCredentials = [
  {
    key: 'clientId',
    env: 'CLIENT_ID',
    description: 'API key of the FedEx Developer Portal project (`client_id` of the token call)',
    secret: false,
    required: true,
    sandboxDefault: 'fedex-sim-client',
  },
  {
    key: 'clientSecret',
    env: 'CLIENT_SECRET',
    description: 'Secret key of the FedEx project (`client_secret` of the token call)',
    secret: true,
    required: true,
    sandboxDefault: 'fedex-sim-secret',
  },
  {
    key: 'accountNumber',
    env: 'ACCOUNT_NUMBER',
    description:
      'Optional 9-digit FedEx account number of the shipper; tracking works without it, it only names the account in support tickets',
    secret: false,
    required: false,
  },
] as const satisfies CredentialSpec;

/**
 * The values the FedEx adapter reads from `ctx.credentials`, derived from
 * {@link fedexCredentials} so the two cannot drift apart. Optional fields may be absent.
 */
export type FedexCredentials = {
  readonly [Field in (typeof fedexCredentials)[number] as Field['key']]: string;
};
