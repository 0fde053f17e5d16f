import type {
  CarrierCallbackContext,
  CarrierContext,
  CarrierDefinition,
  CarrierLogger,
  LogFields,
} from '@parcelgate/carrier-kit';
import { createDispatcherHttpClient, createRedactingLogger } from '@parcelgate/carrier-kit/wire';
import type { FastifyBaseLogger } from 'fastify';
import { Agent } from 'undici';
import { ProblemError } from '../problems.ts';
import type { CarrierSettings } from './carrier-settings.ts';

/**
 * Which carrier account a call goes through: the deployment's shared one (configured from
 * `CARRIER_<ID>_*`) or a tenant's own connection.
 */
export interface CarrierAccount {
  /** `shared:<carrier>` or `connection:<id>`: keys the account's limiter, breakers and cache. */
  readonly key: string;
  /** The connection's id; null for the shared account. */
  readonly connectionId: string | null;
}

/** A loaded carrier bound to one account: its settings, connection pool and contexts. */
export interface RegisteredCarrier {
  readonly definition: CarrierDefinition;
  readonly settings: CarrierSettings;
  readonly account: CarrierAccount;
  /** Builds the context of one call: HTTP bound to the carrier, a redacting logger, the signal. */
  createContext(options: {
    readonly signal: AbortSignal;
    readonly requestId: string;
    readonly logger: FastifyBaseLogger;
    /**
     * Sent on every HTTP call of this context: the W3C trace context of the carrier
     * attempt when tracing is on. The adapter never sees them; it knows nothing of tracing.
     */
    readonly headers?: Readonly<Record<string, string>> | undefined;
  }): CarrierContext;
  /** What the adapter's callback handler may use: credentials, a redacting logger, a clock. */
  createCallbackContext(logger: FastifyBaseLogger): CarrierCallbackContext;
}

/** A tenant's connection, ready to be bound to its carrier. */
export interface ConnectionBinding {
  readonly id: string;
  readonly carrier: string;
  /** Bumped on every change: a binding of an older version is retired. */
  readonly version: number;
  /** Its settings; only called when this version is not bound yet (it opens sealed credentials). */
  settings(): CarrierSettings;
}

/** The carriers the gateway serves, by id, each bound to the shared account or to connections. */
export interface CarrierRegistry {
  /** Every loaded carrier, bound to the deployment's shared account. */
  list(): readonly RegisteredCarrier[];
  /** The carrier with this id on the shared account, or a 404 `unknown-carrier` problem. */
  resolve(carrierId: string): RegisteredCarrier;
  /**
   * The carrier bound to a tenant's connection: one pool per connection version, kept
   * while it is used, so each connection has its own keep-alive sockets and limits.
   */
  bind(connection: ConnectionBinding): RegisteredCarrier;
  /** Connection bindings made so far (tests, metrics). */
  bindings(): readonly RegisteredCarrier[];
  close(): Promise<void>;
}

/** Default connections per carrier when the adapter declares no concurrency limit. */
const DEFAULT_CONNECTIONS = 64;

/**
 * Registers carriers, each account with its own keep-alive connection pool (undici Agent)
 * sized from the adapter's declared concurrency, so one slow carrier or one tenant's
 * account cannot starve the others.
 */
export function createCarrierRegistry(
  entries: readonly {
    readonly definition: CarrierDefinition;
    readonly settings: CarrierSettings;
  }[],
  options: { readonly publicUrl?: string | undefined } = {},
): CarrierRegistry {
  const agents = new Set<Agent>();
  const carriers = new Map<string, RegisteredCarrier>();
  const bound = new Map<
    string,
    { readonly version: number; readonly carrier: RegisteredCarrier; readonly agent: Agent }
  >();
  const callbackUrlOf = (path: string) =>
    options.publicUrl === undefined
      ? undefined
      : `${options.publicUrl}/v1/carrier-callbacks/${path}`;
  for (const { definition, settings } of entries) {
    const agent = createAgent(definition, settings);
    agents.add(agent);
    carriers.set(
      definition.id,
      bindAccount(
        definition,
        settings,
        { key: `shared:${definition.id}`, connectionId: null },
        agent,
        callbackUrlOf(encodeURIComponent(definition.id)),
      ),
    );
  }
  const resolve = (carrierId: string): RegisteredCarrier => {
    const carrier = carriers.get(carrierId);
    if (carrier === undefined) {
      throw new ProblemError(
        'unknown-carrier',
        `No carrier "${carrierId}" is loaded; see GET /v1/carriers.`,
        { carrier: carrierId },
      );
    }
    return carrier;
  };
  return {
    list: () => [...carriers.values()],
    resolve,
    bind(connection) {
      const existing = bound.get(connection.id);
      if (existing !== undefined && existing.version >= connection.version) {
        return existing.carrier;
      }
      const { definition } = resolve(connection.carrier);
      const settings = connection.settings();
      const agent = createAgent(definition, settings);
      agents.add(agent);
      const carrier = bindAccount(
        definition,
        settings,
        { key: `connection:${connection.id}`, connectionId: connection.id },
        agent,
        callbackUrlOf(`${encodeURIComponent(definition.id)}/${encodeURIComponent(connection.id)}`),
      );
      bound.set(connection.id, { version: connection.version, carrier, agent });
      if (existing !== undefined) {
        // Calls still running on the old credentials finish; the pool then closes.
        agents.delete(existing.agent);
        void existing.agent.close().catch(() => {});
      }
      return carrier;
    },
    bindings: () => [...bound.values()].map((entry) => entry.carrier),
    async close() {
      await Promise.all([...agents].map((agent) => agent.close()));
    },
  };
}

function createAgent(definition: CarrierDefinition, settings: CarrierSettings): Agent {
  return new Agent({
    connections:
      settings.overrides.rateLimits.maxConcurrency ??
      definition.capabilities.rateLimits?.maxConcurrency ??
      DEFAULT_CONNECTIONS,
    keepAliveTimeout: 10_000,
  });
}

function bindAccount(
  definition: CarrierDefinition,
  settings: CarrierSettings,
  account: CarrierAccount,
  agent: Agent,
  callbackUrl: string | undefined,
): RegisteredCarrier {
  return {
    definition,
    settings,
    account,
    createContext({ signal, requestId, logger, headers }) {
      return {
        // undici's request(), not fetch: a carrier call through fetch cost several times
        // the gateway's own work per tracking read (bench/overhead.ts).
        http: createDispatcherHttpClient({
          carrierId: definition.id,
          baseUrl: settings.baseUrl,
          // Every named host shares the account's pool: one account, one concurrency limit.
          hosts: settings.hosts,
          dispatcher: agent,
          signal,
          ...(headers === undefined ? {} : { headers }),
        }),
        signal,
        credentials: settings.credentials,
        logger: createRedactingLogger(
          toCarrierLogger(logger, definition.id, account.connectionId),
          settings.secrets,
        ),
        clock: { now: () => new Date() },
        requestId,
        ...(callbackUrl === undefined ? {} : { callbackUrl }),
      };
    },
    createCallbackContext(logger) {
      return {
        credentials: settings.credentials,
        logger: createRedactingLogger(
          toCarrierLogger(logger, definition.id, account.connectionId),
          settings.secrets,
        ),
        clock: { now: () => new Date() },
      };
    },
  };
}

function toCarrierLogger(
  logger: FastifyBaseLogger,
  carrierId: string,
  connectionId: string | null,
): CarrierLogger {
  // Made on the first line logged: most calls log nothing, and a pino child per carrier
  // call was a visible share of a tracking read.
  let child: FastifyBaseLogger | undefined;
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields?: LogFields): void => {
      child ??= logger.child(
        connectionId === null
          ? { carrier: carrierId }
          : { carrier: carrierId, connection: connectionId },
      );
      child[level]({ ...fields }, message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
