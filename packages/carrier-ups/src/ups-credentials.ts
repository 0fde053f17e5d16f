import type { CredentialSpec } from '@parcelgate/carrier-kit';

/**
 * Settings the UPS adapter reads from `CARRIER_UPS_<env>`. Without any of them set, the
 * gateway uses the sandbox defaults, which the simulator (apps/carrier-sim, `/ups`)
 * accepts. The client secret and the webhook credential are secrets: redacted from every
 * log line, never part of a message, and never used as a cache key (a hash is).
 */
export const upsCredentials = [
  {
    key: 'clientId',
    env: 'CLIENT_ID',
    description:
      'OAuth client id of the UPS developer-portal app (Basic auth user on the token call)',
    secret: false,
    required: true,
    sandboxDefault: 'ups-sim-client',
  },
  {
    key: 'clientSecret',
    env: 'CLIENT_SECRET',
    description: 'OAuth client secret of the UPS app (Basic auth password on the token call)',
    secret: true,
    required: true,
    sandboxDefault: 'ups-sim-secret',
  },
  {
    key: 'merchantId',
    env: 'MERCHANT_ID',
    description: 'Optional 6-digit UPS account number, sent as x-merchant-id on the token call',
    secret: false,
    required: false,
  },
  {
    key: 'requesterName',
    env: 'REQUESTER_NAME',
    description:
      'Who asks for intercepts and redirects (requesterContactInfo.name, 1-30 characters)',
    secret: false,
    required: true,
    sandboxDefault: 'Parcelgate Merchant',
  },
  {
    key: 'requesterPhone',
    env: 'REQUESTER_PHONE',
    description: 'Their phone in UPS form, + and up to 13 digits (requesterContactInfo.telephone)',
    secret: false,
    required: true,
    sandboxDefault: '+14045550100',
  },
  {
    key: 'requesterEmail',
    env: 'REQUESTER_EMAIL',
    description: 'Optional email of the requester (requesterContactInfo.emailAddress)',
    secret: false,
    required: false,
  },
  {
    key: 'webhookCredential',
    env: 'WEBHOOK_CREDENTIAL',
    description:
      'What Track Alert pushes must present: the bearer token (v2) or `credential` header (v1); without it every push is refused',
    secret: true,
    required: false,
    sandboxDefault: 'ups-sim-webhook-credential',
  },
  {
    key: 'webhookClientId',
    env: 'WEBHOOK_CLIENT_ID',
    description: 'Optional: the x-api-key (client id) Track Alert v2 pushes must carry',
    secret: false,
    required: false,
  },
] as const satisfies CredentialSpec;

/**
 * The values the UPS adapter reads from `ctx.credentials`, derived from
 * {@link upsCredentials} so the two cannot drift apart. Optional fields may be absent.
 */
export type UpsCredentials = {
  readonly [Field in (typeof upsCredentials)[number] as Field['key']]: string;
};
