import type { CarrierDefinition, RateLimits } from '@parcelgate/carrier-kit';
import type { TProperties, TSchema } from 'typebox';
import type { Operation } from '../../deadline/budgets.ts';
import { type ConfigSection, httpUrl, readVariables, text, wholeNumber } from './variable-types.ts';

/** What the per-carrier variables are derived from: the adapter's declarations. */
export type CarrierVariableSource = Pick<CarrierDefinition, 'id' | 'credentials' | 'endpoints'>;

/** One carrier account's own budgets and limits, over the gateway's and the adapter's. */
export interface CarrierOverrides {
  /** `CARRIER_<ID>_BUDGET_{TRACK,INTERCEPT,REDIRECT}_MS`. */
  readonly budgetsMs: Partial<Record<Operation, number>>;
  /**
   * `CARRIER_<ID>_REQUESTS_PER_SECOND`, `_BURST`, `_MAX_CONCURRENCY`: an account may have
   * negotiated other limits than the ones the adapter declares for everyone.
   */
  readonly rateLimits: RateLimits;
}

/** A carrier's variables, read and checked: what was set, nothing resolved yet. */
export interface CarrierAccountValues {
  /** Credential values set, by the adapter's `key`. */
  readonly credentials: Readonly<Record<string, string>>;
  /** `CARRIER_<ID>_BASE_URL`. */
  readonly baseUrl: string | undefined;
  /** `CARRIER_<ID>_<HOST>_BASE_URL` set, by host name. */
  readonly hostBaseUrls: Readonly<Record<string, string>>;
  readonly overrides: CarrierOverrides;
}

/** `ups` → `CARRIER_UPS`; `carrier-x` → `CARRIER_CARRIER_X`. */
export function carrierEnvPrefix(carrierId: string): string {
  return `CARRIER_${toEnvSegment(carrierId)}`;
}

/** The variable moving one named host: (`kuaidi100`, `label`) → `CARRIER_KUAIDI100_LABEL_BASE_URL`. */
export function hostBaseUrlVariable(carrierId: string, hostName: string): string {
  return `${carrierEnvPrefix(carrierId)}_${toEnvSegment(hostName)}_BASE_URL`;
}

function toEnvSegment(name: string): string {
  return name.toUpperCase().replaceAll('-', '_');
}

const BUDGETS = {
  track: 'BUDGET_TRACK_MS',
  intercept: 'BUDGET_INTERCEPT_MS',
  redirect: 'BUDGET_REDIRECT_MS',
} as const satisfies Record<Operation, string>;

/** The limits the gateway enforces; a daily quota is the carrier's to count, declared for sizing. */
type EnforcedLimit = Exclude<keyof RateLimits, 'requestsPerDay'>;

const LIMITS = {
  requestsPerSecond: 'REQUESTS_PER_SECOND',
  burst: 'BURST',
  maxConcurrency: 'MAX_CONCURRENCY',
} as const satisfies Record<EnforcedLimit, string>;

/** The credential variables of a carrier, from its adapter's declared credential spec. */
export function credentialVariables(carrier: CarrierVariableSource): TProperties {
  const prefix = carrierEnvPrefix(carrier.id);
  return Object.fromEntries(
    carrier.credentials.map((field): [string, TSchema] => [
      `${prefix}_${field.env}`,
      text({
        secret: field.secret,
        defaultText:
          field.sandboxDefault === undefined ? 'unset' : "unset: the simulator's sandbox value",
        description: `${field.required ? 'required for a real account' : 'optional'}: ${field.description}`,
      }),
    ]),
  );
}

/** The variables moving a carrier's named hosts (`endpoints.hosts`). */
export function hostVariables(carrier: CarrierVariableSource): TProperties {
  return Object.fromEntries(
    Object.keys(carrier.endpoints?.hosts ?? {}).map((host): [string, TSchema] => [
      hostBaseUrlVariable(carrier.id, host),
      httpUrl({
        defaultText: `as \`${carrierEnvPrefix(carrier.id)}_BASE_URL\``,
        description: `where calls to the \`${host}\` host go, alone`,
      }),
    ]),
  );
}

/** The variables every carrier has, whatever it declares. */
export function commonCarrierVariables(carrierId: string): TProperties {
  const prefix = carrierEnvPrefix(carrierId);
  const budgets = Object.entries(BUDGETS).map(([operation, suffix]): [string, TSchema] => [
    `${prefix}_${suffix}`,
    wholeNumber({
      minimum: 50,
      maximum: 60_000,
      defaultText: `\`PARCELGATE_${suffix}\``,
      description: `this carrier's ${operation} budget`,
    }),
  ]);
  const limits = Object.entries(LIMITS).map(([field, suffix]): [string, TSchema] => [
    `${prefix}_${suffix}`,
    wholeNumber({
      minimum: 1,
      maximum: 100_000,
      defaultText: `the adapter's declared \`rateLimits.${field}\``,
      description:
        "this account's own limit, for an account that negotiated other limits; on PostgreSQL it holds for all the replicas together",
    }),
  ]);
  return {
    [`${prefix}_BASE_URL`]: httpUrl({
      defaultText:
        "the simulator (`CARRIER_SIM_URL` and `/<id>`), or the carrier's production host with real credentials",
      description:
        "where all of a carrier's calls go (a proxy, a test server), every named host included",
    }),
    ...Object.fromEntries(budgets),
    ...Object.fromEntries(limits),
  };
}

/**
 * Every variable of one carrier, derived from its adapter's declarations so that a new
 * adapter (or a new credential field) is validated and documented with no list to edit.
 */
export function carrierAccountSection(carrier: CarrierVariableSource): ConfigSection {
  return {
    id: `carrier-${carrier.id}`,
    title: `Carrier \`${carrier.id}\``,
    variables: {
      ...credentialVariables(carrier),
      ...commonCarrierVariables(carrier.id),
      ...hostVariables(carrier),
    },
  };
}

/**
 * Reads and checks one carrier's variables, adding a problem per invalid one. Whether its
 * credentials are complete is decided later, with the simulator fallback
 * (carriers/carrier-settings.ts).
 */
export function readCarrierAccountVariables(
  carrier: CarrierVariableSource,
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
): CarrierAccountValues {
  const prefix = carrierEnvPrefix(carrier.id);
  const values = readVariables(carrierAccountSection(carrier).variables, env, problems) as Record<
    string,
    string | number | undefined
  >;
  const pick = <Value>(name: string): Value | undefined => values[name] as Value | undefined;
  const credentials: Record<string, string> = {};
  for (const field of carrier.credentials) {
    const value = pick<string>(`${prefix}_${field.env}`);
    if (value !== undefined) {
      credentials[field.key] = value;
    }
  }
  const hostBaseUrls: Record<string, string> = {};
  for (const host of Object.keys(carrier.endpoints?.hosts ?? {})) {
    const value = pick<string>(hostBaseUrlVariable(carrier.id, host));
    if (value !== undefined) {
      hostBaseUrls[host] = value;
    }
  }
  const budgetsMs: Partial<Record<Operation, number>> = {};
  for (const [operation, suffix] of Object.entries(BUDGETS)) {
    const value = pick<number>(`${prefix}_${suffix}`);
    if (value !== undefined) {
      budgetsMs[operation as Operation] = value;
    }
  }
  const rateLimits: { -readonly [Key in EnforcedLimit]?: number } = {};
  for (const [field, suffix] of Object.entries(LIMITS)) {
    const value = pick<number>(`${prefix}_${suffix}`);
    if (value !== undefined) {
      rateLimits[field as EnforcedLimit] = value;
    }
  }
  return {
    credentials,
    baseUrl: pick<string>(`${prefix}_BASE_URL`),
    hostBaseUrls,
    overrides: { budgetsMs, rateLimits },
  };
}
