// Operator commands: `migrate`, `keys create|revoke|list`. Reads process.env like main.ts.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/load-config.ts';
import { openDatabase } from './store/database.ts';
import { migrate } from './store/migrate.ts';
import { createApiKey, ensureTenant, listApiKeys, revokeApiKey } from './store/tenants.ts';

const USAGE = `Usage:
  parcelgate-admin migrate
  parcelgate-admin keys create --tenant <name> [--label <text>]
  parcelgate-admin keys revoke <key-id>
  parcelgate-admin keys list [--tenant <name>]

Uses DATABASE_URL (PostgreSQL) or PARCELGATE_DATA_DIR (embedded, default ./data).`;

async function run(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { tenant: { type: 'string' }, label: { type: 'string' }, help: { type: 'boolean' } },
  });
  const [command, action, target] = positionals;
  if (values.help === true || command === undefined) {
    console.log(USAGE);
    return command === undefined && values.help !== true ? 2 : 0;
  }
  const config = loadConfig(process.env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(database);
    if (command === 'migrate') {
      console.log(
        applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`,
      );
      return 0;
    }
    if (command === 'keys' && action === 'create' && values.tenant !== undefined) {
      const tenant = await ensureTenant(database, values.tenant);
      const created = await createApiKey(database, {
        tenantId: tenant.id,
        ...(values.label === undefined ? {} : { label: values.label }),
      });
      console.log(
        `Created key ${created.id} for tenant "${tenant.name}". It is shown once; store it now:`,
      );
      console.log(created.key);
      return 0;
    }
    if (command === 'keys' && action === 'revoke' && target !== undefined) {
      const revoked = await revokeApiKey(database, target);
      console.log(revoked ? `Revoked ${target}.` : `No live key ${target}.`);
      return revoked ? 0 : 1;
    }
    if (command === 'keys' && action === 'list') {
      for (const key of await listApiKeys(database, values.tenant)) {
        const state = key.revokedAt === null ? 'live' : `revoked ${key.revokedAt.toISOString()}`;
        console.log(`${key.id}  ${key.prefix}…  ${key.label ?? ''}  ${state}`);
      }
      return 0;
    }
    console.error(USAGE);
    return 2;
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError ? error.message : `Failed: ${(error as Error).message}`,
    );
    process.exit(1);
  },
);
