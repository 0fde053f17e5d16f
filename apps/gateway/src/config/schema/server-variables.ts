import { defineSection, flag, oneOf, text, wholeNumber } from './variable-types.ts';

/** Where the gateway listens and keeps its data, what it logs, and what kind of deployment it is. */
export const serverSection = defineSection({
  id: 'server',
  title: 'Where it listens, where it keeps its data',
  variables: {
    PARCELGATE_ENV: oneOf(['development', 'production'], {
      default: 'development',
      essential: true,
      description:
        '`production` refuses to start on the embedded database or on the carrier simulator unless `PARCELGATE_ALLOW_EMBEDDED_DATABASE` or `PARCELGATE_ALLOW_SIMULATOR` says so, listing every such problem at once',
    }),
    PORT: wholeNumber({
      default: 8080,
      minimum: 0,
      maximum: 65_535,
      essential: true,
      description: 'the port the gateway listens on',
    }),
    HOST: text({
      default: '127.0.0.1',
      essential: true,
      description:
        'the address the gateway listens on: the loopback by default, so nothing outside the machine reaches a gateway started by mistake. A container sets `0.0.0.0`',
    }),
    DATABASE_URL: text({
      pattern: '^postgres(ql)?://',
      expectation: 'a postgres:// or postgresql:// URL',
      secret: true,
      essential: true,
      defaultText:
        'unset: the embedded PGlite in `PARCELGATE_DATA_DIR`, run in a worker thread so its queries never stop the event loop',
      description:
        'PostgreSQL (`postgres://...`; a Unix socket, `?host=/var/run/postgresql`, is faster than TCP). Many gateways may share one database. Never logged: the start banner shows its host and database only',
    }),
    PARCELGATE_DATABASE_POOL_SIZE: wholeNumber({
      default: 10,
      minimum: 1,
      maximum: 500,
      description:
        "how many PostgreSQL connections one gateway process keeps for its queries. Each process also opens one connection to hear change notices and, with the job queue (every role but `migrate`), up to 4 of the queue's own: budget `replicas × (this + 5)` connections against the server's `max_connections` ([deploy.md](deploy.md#pool-sizes-and-connections))",
    }),
    PARCELGATE_ALLOW_EMBEDDED_DATABASE: flag({
      description:
        '`true` lets `PARCELGATE_ENV=production` run on the embedded database (one process, data in one folder)',
    }),
    PARCELGATE_DATA_DIR: text({
      default: './data',
      description:
        "the embedded database's folder: one process at a time, which holds its lock and serves the [admin channel](admin-cli.md)",
    }),
    PARCELGATE_BOOTSTRAP_API_KEY: text({
      pattern: '^[A-Za-z0-9_-]{24,128}$',
      expectation: '24 to 128 characters of letters, digits, _ or -',
      secret: true,
      essential: true,
      defaultText: 'unset',
      description:
        'an API key for the tenant `default`, created at start (24 to 128 letters, digits, `_` or `-`)',
    }),
    LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      default: 'info',
      description: 'the pino log level',
    }),
    PARCELGATE_RECORD_CACHE_TTL_MS: wholeNumber({
      default: 60_000,
      minimum: 0,
      maximum: 3_600_000,
      description:
        "how long rows every request reads are kept in memory while no one changes them: an API key with its tenant and policy, a tenant's default carrier connections, whether a parcel has an intercept under way. Any change, by any process on the database (another replica, the admin CLI, SQL), drops them as it commits, through the database's change notices (`LISTEN parcelgate_changes`); while those cannot be heard (a lost connection) every request reads the database. `0` reads it every time",
    }),
  },
});
