/** One secret or setting an adapter needs from the gateway's configuration. */
export interface CredentialField {
  /** Key in `ctx.credentials`, camelCase, e.g. `clientId`. */
  readonly key: string;
  /**
   * Suffix of the environment variable the gateway reads it from:
   * `CARRIER_<ID>_<env>`, e.g. `CLIENT_ID` gives `CARRIER_UPS_CLIENT_ID`.
   */
  readonly env: string;
  readonly description: string;
  /** Secrets are redacted from every log line and error message. */
  readonly secret: boolean;
  /** When false the gateway starts without it (and the adapter must cope). */
  readonly required: boolean;
  /** Used by the simulator set-up and tests when no value is configured. */
  readonly sandboxDefault?: string;
}

/** Everything an adapter needs from configuration. */
export type CredentialSpec = readonly CredentialField[];

/** The values the gateway resolved for a {@link CredentialSpec}, by `key`. */
export type CarrierCredentials = Readonly<Record<string, string>>;

/** The base URLs of one carrier host, per environment. */
export interface CarrierHostUrls {
  /** Production base URL, used when real credentials are configured. */
  readonly production: string;
  /** The carrier's own test environment, when it has one (UPS CIE). */
  readonly test?: string;
}

/**
 * Where the carrier's real API lives. `production` and `test` are the default host, the
 * one requests go to unless they name another. Carriers that serve operations from
 * several hosts (Kuaidi100: queries on poll.kuaidi100.com, its label API on
 * api.kuaidi100.com) declare the others in `hosts`, and requests pick one by name
 * (`CarrierHttpRequest.host`).
 *
 * @example
 * ```ts
 * endpoints: {
 *   production: 'https://poll.kuaidi100.com',
 *   hosts: { label: { production: 'https://api.kuaidi100.com' } },
 * }
 * ```
 */
export interface CarrierEndpoints extends CarrierHostUrls {
  /**
   * Further hosts by name. Names are kebab-case (`label`, `number-recognition`): the
   * gateway derives configuration keys from them (`CARRIER_<ID>_<NAME>_BASE_URL`).
   */
  readonly hosts?: Readonly<Record<string, CarrierHostUrls>>;
}
