import type {
  CarrierCallbackContext,
  CarrierContext,
  CarrierDefinition,
  CarrierLogger,
  LogFields,
} from '@parcelgate/carrier-kit';
import { createFetchHttpClient, createRedactingLogger } from '@parcelgate/carrier-kit/wire';
import type { FastifyBaseLogger } from 'fastify';
import { Agent, fetch as undiciFetch } from 'undici';
import { ProblemError } from '../problems.ts';
import type { CarrierSettings } from './carrier-settings.ts';

/** A loaded carrier with its resolved settings and connection pool. */
export interface RegisteredCarrier {
  readonly definition: CarrierDefinition;
  readonly settings: CarrierSettings;
  /** Builds the context of one call: HTTP bound to the carrier, a redacting logger, the signal. */
  createContext(options: {
    readonly signal: AbortSignal;
    readonly requestId: string;
    readonly logger: FastifyBaseLogger;
  }): CarrierContext;
  /** What the adapter's callback handler may use: credentials, a redacting logger, a clock. */
  createCallbackContext(logger: FastifyBaseLogger): CarrierCallbackContext;
}

/** The carriers the gateway serves, by id. */
export interface CarrierRegistry {
  list(): readonly RegisteredCarrier[];
  /** The carrier with this id, or a 404 `unknown-carrier` problem. */
  resolve(carrierId: string): RegisteredCarrier;
  close(): Promise<void>;
}

/** Default connections per carrier when the adapter declares no concurrency limit. */
const DEFAULT_CONNECTIONS = 64;

/**
 * Registers carriers, each with its own keep-alive connection pool (undici Agent) sized
 * from the adapter's declared concurrency, so one slow carrier cannot starve the others.
 */
export function createCarrierRegistry(
  entries: readonly {
    readonly definition: CarrierDefinition;
    readonly settings: CarrierSettings;
  }[],
  options: { readonly publicUrl?: string | undefined } = {},
): CarrierRegistry {
  const agents: Agent[] = [];
  const carriers = new Map<string, RegisteredCarrier>();
  for (const { definition, settings } of entries) {
    const agent = new Agent({
      connections:
        settings.overrides.rateLimits.maxConcurrency ??
        definition.capabilities.rateLimits?.maxConcurrency ??
        DEFAULT_CONNECTIONS,
      keepAliveTimeout: 10_000,
    });
    agents.push(agent);
    const fetchThroughPool = ((url: string, init: RequestInit) =>
      undiciFetch(url, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch;
    const callbackUrl =
      options.publicUrl === undefined
        ? undefined
        : `${options.publicUrl}/v1/carrier-callbacks/${encodeURIComponent(definition.id)}`;
    carriers.set(definition.id, {
      definition,
      settings,
      createContext({ signal, requestId, logger }) {
        return {
          http: createFetchHttpClient({
            carrierId: definition.id,
            baseUrl: settings.baseUrl,
            // Every named host shares the carrier's pool: one carrier, one concurrency limit.
            ...(settings.hosts === undefined ? {} : { hosts: settings.hosts }),
            fetch: fetchThroughPool,
            signal,
          }),
          signal,
          credentials: settings.credentials,
          logger: createRedactingLogger(toCarrierLogger(logger, definition.id), settings.secrets),
          clock: { now: () => new Date() },
          requestId,
          ...(callbackUrl === undefined ? {} : { callbackUrl }),
        };
      },
      createCallbackContext(logger) {
        return {
          credentials: settings.credentials,
          logger: createRedactingLogger(toCarrierLogger(logger, definition.id), settings.secrets),
          clock: { now: () => new Date() },
        };
      },
    });
  }
  return {
    list: () => [...carriers.values()],
    resolve(carrierId) {
      const carrier = carriers.get(carrierId);
      if (carrier === undefined) {
        throw new ProblemError(
          'unknown-carrier',
          `No carrier "${carrierId}" is loaded; see GET /v1/carriers.`,
          {
            carrier: carrierId,
          },
        );
      }
      return carrier;
    },
    async close() {
      await Promise.all(agents.map((agent) => agent.close()));
    },
  };
}

function toCarrierLogger(logger: FastifyBaseLogger, carrierId: string): CarrierLogger {
  const child = logger.child({ carrier: carrierId });
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields?: LogFields): void => {
      child[level]({ ...fields }, message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
