import type { ResolvedCarrier } from '../carriers/deployment-problems.ts';
import type { GatewayConfig } from '../config/gateway-config.ts';

/** Where the gateway's data lives, without a password or any query parameter. */
export type BannerDatabase =
  | {
      readonly engine: 'postgresql';
      readonly host: string;
      readonly port: string;
      readonly database: string;
      readonly user: string;
    }
  | { readonly engine: 'embedded'; readonly dataDir: string };

/** Where one carrier's shared account sends its calls: a host, never credentials. */
export interface BannerCarrier {
  readonly id: string;
  /** `simulator`, `production`, `test` or `custom` (a `..._BASE_URL` moved it). */
  readonly target: string;
  readonly url: string;
  /** The carrier's named hosts, when it declares some. */
  readonly hosts?: Readonly<Record<string, string>>;
}

/** What a start prints: the fields of one structured log line, and the same for people. */
export interface StartBanner {
  readonly fields: {
    readonly environment: GatewayConfig['environment'];
    readonly roles: readonly string[];
    readonly listen: string;
    readonly database: BannerDatabase;
    readonly carriers: readonly BannerCarrier[];
    /** Where spans go (OTLP), or `off`. */
    readonly tracing: string;
  };
  /** One line, the log line's message. */
  readonly summary: string;
  /** Several lines, for a person watching the start. */
  readonly text: string;
}

/**
 * Describes what this process runs on: its roles (`all` unless told), where it listens,
 * the database (PostgreSQL's host and database, or the embedded one's folder) and each
 * carrier's target. Built only from addresses: passwords, credentials, keys and query
 * strings (which may carry a password) never reach it.
 */
export function startBanner(options: {
  readonly config: GatewayConfig;
  readonly carriers: readonly ResolvedCarrier[];
  readonly roles?: readonly string[];
  /** The address listened on, e.g. `http://127.0.0.1:8080`; from the config by default. */
  readonly listen?: string;
}): StartBanner {
  const { config } = options;
  const roles = options.roles ?? ['all'];
  const listen = options.listen ?? `http://${config.host}:${config.port}`;
  const database = describeDatabase(config);
  const carriers = options.carriers.map(({ definition, settings }) => ({
    id: definition.id,
    target: settings.target,
    url: withoutSecrets(settings.baseUrl),
    ...(settings.hosts === undefined
      ? {}
      : {
          hosts: Object.fromEntries(
            Object.entries(settings.hosts).map(([name, url]) => [name, withoutSecrets(url)]),
          ),
        }),
  }));
  const databaseText =
    database.engine === 'postgresql'
      ? `PostgreSQL ${database.database} on ${database.host}${database.port === '' ? '' : `:${database.port}`}${database.user === '' ? '' : ` as ${database.user}`}`
      : `embedded PGlite in ${database.dataDir}`;
  const carrierLines = carriers.map(
    (carrier) =>
      `carrier ${carrier.id}: ${carrier.target} ${carrier.url}${Object.entries(carrier.hosts ?? {})
        .map(([name, url]) => `, ${name} ${url}`)
        .join('')}`,
  );
  const tracing =
    config.tracing === undefined
      ? 'off'
      : `${withoutSecrets(config.tracing.tracesUrl)} (${config.tracing.protocol}, ${config.tracing.sampler})`;
  const summary = `parcelgate gateway (${config.environment}, roles: ${roles.join(', ')}) on ${listen}; database: ${databaseText}; carriers: ${carriers.map((carrier) => `${carrier.id} → ${carrier.target}`).join(', ') || 'none'}`;
  const text = [
    `Parcelgate gateway, ${config.environment}, roles: ${roles.join(', ')}`,
    `  listening on ${listen}`,
    `  database: ${databaseText}`,
    ...carrierLines.map((line) => `  ${line}`),
    `  tracing: ${tracing}`,
  ].join('\n');
  return {
    fields: { environment: config.environment, roles, listen, database, carriers, tracing },
    summary,
    text: `${text}\n`,
  };
}

function describeDatabase(config: GatewayConfig): BannerDatabase {
  if (config.databaseUrl === undefined) {
    return { engine: 'embedded', dataDir: config.dataDir };
  }
  try {
    const url = new URL(config.databaseUrl);
    return {
      engine: 'postgresql',
      // A Unix socket is named by `?host=`; nothing else of the query is shown.
      host: url.hostname || (url.searchParams.get('host') ?? 'localhost'),
      port: url.port,
      database: decodeURIComponent(url.pathname.replace(/^\//, '')),
      user: decodeURIComponent(url.username),
    };
  } catch {
    return { engine: 'postgresql', host: 'unknown', port: '', database: 'unknown', user: '' };
  }
}

/** A URL's scheme, host and path: user, password, query and fragment dropped. */
function withoutSecrets(value: string): string {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return 'unparsed URL';
  }
}
