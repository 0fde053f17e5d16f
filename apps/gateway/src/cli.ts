// Operator commands: `migrate`, `keys create|revoke|list`. Reads process.env like main.ts.
import { parseArgs } from 'node:util';
import { type AdminSession, openAdmin } from './admin/open-admin.ts';
import { ConfigError, loadConfig } from './config/load-config.ts';
import { DataDirLockedError } from './store/lock/data-dir-lock.ts';

const USAGE = `Usage:
  parcelgate-admin migrate
  parcelgate-admin keys create --tenant <name> [--label <text>]
  parcelgate-admin keys revoke <key-id>
  parcelgate-admin keys list [--tenant <name>]

Uses DATABASE_URL (PostgreSQL) or PARCELGATE_DATA_DIR (embedded, default ./data). While a
gateway runs on that folder, the commands go through the gateway (its admin socket).`;

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
  const session = await openAdmin({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (session.gateway !== undefined) {
    // On stderr: stdout carries the answer (a new key is its last line) for scripts.
    console.error(
      `Through the running gateway (pid ${session.gateway.pid}, ${session.gateway.socket}).`,
    );
  }
  try {
    return await runCommand(session, command, action, target, values);
  } finally {
    await session.close();
  }
}

async function runCommand(
  { operations }: AdminSession,
  command: string,
  action: string | undefined,
  target: string | undefined,
  values: { readonly tenant?: string | undefined; readonly label?: string | undefined },
): Promise<number> {
  const applied = await operations.migrate();
  if (command === 'migrate') {
    console.log(
      applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`,
    );
    return 0;
  }
  if (command === 'keys' && action === 'create' && values.tenant !== undefined) {
    const created = await operations.createKey(values.tenant, values.label);
    console.log(
      `Created key ${created.id} for tenant "${created.tenant}". It is shown once; store it now:`,
    );
    console.log(created.key);
    return 0;
  }
  if (command === 'keys' && action === 'revoke' && target !== undefined) {
    const revoked = await operations.revokeKey(target);
    console.log(revoked ? `Revoked ${target}.` : `No live key ${target}.`);
    return revoked ? 0 : 1;
  }
  if (command === 'keys' && action === 'list') {
    for (const key of await operations.listKeys(values.tenant)) {
      const state = key.revokedAt === null ? 'live' : `revoked ${key.revokedAt}`;
      console.log(`${key.id}  ${key.prefix}…  ${key.label ?? ''}  ${state}`);
    }
    return 0;
  }
  console.error(USAGE);
  return 2;
}

function explain(error: unknown): string {
  if (error instanceof ConfigError) {
    return error.message;
  }
  if (error instanceof DataDirLockedError) {
    return `${error.message}\nIt has no admin channel: if it is a gateway still starting, try again once it answers.`;
  }
  return `Failed: ${error instanceof Error ? error.message : String(error)}`;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(explain(error));
    process.exit(1);
  },
);
