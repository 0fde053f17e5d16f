import type { CredentialSpec } from '@parcelgate/carrier-kit';

/**
 * The sandbox's one credential: an API key sent as `Authorization: Bearer <apiKey>`
 * (docs/carriers/sandbox-api.md, "Authentication"). The gateway reads it from
 * `CARRIER_SANDBOX_API_KEY`; the simulator accepts any key starting with `sbx_`.
 */
export const sandboxCredentials = [
  {
    key: 'apiKey',
    env: 'API_KEY',
    description: 'Sandbox API key, sent as a bearer token; the simulator accepts any sbx_ key',
    secret: true,
    required: true,
    sandboxDefault: 'sbx_local_dev',
  },
] as const satisfies CredentialSpec;

/**
 * The values the sandbox adapter reads from `ctx.credentials`, derived from
 * {@link sandboxCredentials} so the two cannot drift apart.
 */
export type SandboxCredentials = {
  readonly [Field in (typeof sandboxCredentials)[number] as Field['key']]: string;
};
