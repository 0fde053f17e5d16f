// `pnpm start`: the carrier simulator and the gateway, wired together, with demo parcels in
// every status and a working API key, then the curl lines to try. Run after the build (the
// root `start` script builds first). Ctrl-C stops both; if either dies, the other is
// stopped and this exits non-zero.
//
// Settings: PORT (8080), CARRIER_SIM_PORT (4010), PARCELGATE_DATA_DIR (./data),
// DATABASE_URL (unset: the embedded database in the data folder), PARCELGATE_BOOTSTRAP_API_KEY
// (unset: a demo key generated once and kept in <data>/demo-api-key), LOG_LEVEL (warn).
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  GATEWAY_MAIN,
  GATEWAY_ROOT,
  type Launched,
  SIMULATOR_MAIN,
  spawnGateway,
  startSimulatorProcess,
} from '@parcelgate/test-stack';

const root = resolve(import.meta.dirname, '..');
const env = process.env;
const host = '127.0.0.1';
const port = readPort('PORT', 8080);
const simPort = readPort('CARRIER_SIM_PORT', 4010);
const dataDir = resolve(root, env.PARCELGATE_DATA_DIR?.trim() || 'data');
const keyFile = resolve(dataDir, 'demo-api-key');
const apiUrl = `http://${host}:${port}`;
const simUrl = `http://${host}:${simPort}`;
const gatewayLock = resolve(GATEWAY_ROOT, 'dist/store/lock/data-dir-lock.js');

/** Every normalized status the simulator can put a parcel in (all but `unknown`). */
const DEMO_STATUSES = [
  'label_created',
  'picked_up',
  'in_transit',
  'at_destination_facility',
  'out_for_delivery',
  'delivery_attempted',
  'available_for_pickup',
  'delivered',
  'exception',
  'return_in_transit',
  'returned',
  'cancelled',
] as const;

/** The two processes, started and stopped through @parcelgate/test-stack. */
const children: Launched[] = [];
let stopping = false;

function readPort(name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    console.error(`${name} must be a port number from 1 to 65535 (got "${raw}")`);
    process.exit(1);
  }
  return value;
}

/** The key to print: the configured one, else the demo key kept from an earlier start. */
async function apiKey(): Promise<{ key: string; source: string }> {
  const configured = env.PARCELGATE_BOOTSTRAP_API_KEY?.trim();
  if (configured !== undefined && configured !== '') {
    return { key: configured, source: 'PARCELGATE_BOOTSTRAP_API_KEY' };
  }
  if (existsSync(keyFile)) {
    const kept = (await readFile(keyFile, 'utf8')).trim();
    if (/^[A-Za-z0-9_-]{24,128}$/.test(kept)) {
      return { key: kept, source: keyFile };
    }
  }
  // Generated once and kept, so a restart prints the same key and old curl lines still work.
  const key = `pgk_demo_${randomBytes(24).toString('base64url')}`;
  await mkdir(dataDir, { recursive: true });
  await writeFile(keyFile, `${key}\n`, { mode: 0o600 });
  return { key, source: `${keyFile} (new)` };
}

/** Shows a child's output prefixed with its name, so the two logs stay apart. */
function prefixed(name: string) {
  return (chunk: string, stream: 'stdout' | 'stderr') => {
    const target = stream === 'stdout' ? process.stdout : process.stderr;
    for (const line of chunk.split('\n')) {
      if (line.trim() !== '') {
        target.write(`[${name}] ${line}\n`);
      }
    }
  };
}

/** Either child ending on its own takes the other down: half a stack is no use. */
function watch(child: Launched): void {
  children.push(child);
  child.exit.then((how) => {
    if (!stopping) {
      console.error(`\n${child.name} stopped unexpectedly (${how}); stopping the rest.`);
      void stopAll(1);
    }
  });
}

async function stopAll(exitCode: number): Promise<never> {
  stopping = true;
  await Promise.all(children.map((child) => child.stop()));
  process.exit(exitCode);
}

async function json<Body>(url: string, init: RequestInit = {}): Promise<Body> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${text}`);
  }
  return JSON.parse(text) as Body;
}

async function createParcel(status: string): Promise<string> {
  const created = await json<{ trackingNumber: string }>(`${simUrl}/__sim/parcels`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ carrier: 'sandbox', status }),
  });
  return created.trackingNumber;
}

interface Interception {
  readonly possible: boolean;
  readonly likelihood: string;
  readonly reasons: readonly { readonly code: string }[];
  readonly warnings: readonly { readonly code: string }[];
}

/** What the gateway says about intercepting the parcel now, in a few words. */
async function interception(key: string, trackingNumber: string): Promise<Interception> {
  const tracking = await json<{ interception: Interception }>(
    `${apiUrl}/v1/tracking/sandbox/${trackingNumber}`,
    { headers: { authorization: `Bearer ${key}` } },
  );
  return tracking.interception;
}

function summarize(answer: Interception): string {
  const codes = (items: readonly { code: string }[]) => items.map((item) => item.code).join(', ');
  if (!answer.possible) {
    return `no: ${codes(answer.reasons)}`;
  }
  return answer.warnings.length === 0
    ? `yes, ${answer.likelihood} likelihood`
    : `yes, ${answer.likelihood} likelihood (${codes(answer.warnings)})`;
}

/** The admin CLI on this data folder, as a shell line run from the repository's root. */
function adminCommand(args: string): string {
  return `PARCELGATE_DATA_DIR=${shellQuote(dataDir)} node apps/gateway/dist/cli.js ${args}`;
}

/** Single quotes for a POSIX shell: the printed lines must run as they are. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * Stops here when a gateway already runs on the data folder (its lock names it), before the
 * simulator fails on its port: one process per embedded database, see the gateway's README.
 */
async function refuseBusyDataDir(): Promise<void> {
  const { LOCK_FILE_NAME, liveHolder } = (await import(pathToFileURL(gatewayLock).href)) as {
    LOCK_FILE_NAME: string;
    liveHolder(
      file: string,
    ): Promise<{ pid: number; command: string; startedAt: string } | undefined>;
  };
  const holder = await liveHolder(resolve(dataDir, LOCK_FILE_NAME));
  if (holder === undefined) {
    return;
  }
  console.error(
    [
      `Parcelgate is already running on ${dataDir}: pid ${holder.pid} (${holder.command}), since ${holder.startedAt}.`,
      'Its embedded database allows one process. Stop it first (Ctrl-C where it runs), or start',
      'another one on its own folder and ports:',
      '',
      '  PARCELGATE_DATA_DIR=data2 PORT=8081 CARRIER_SIM_PORT=4011 pnpm start',
      '',
      'API keys while it runs (through the running gateway):',
      '',
      `  ${adminCommand('keys create --tenant <name>')}`,
    ].join('\n'),
  );
  process.exit(1);
}

async function main(): Promise<void> {
  for (const [file, hint] of [
    [GATEWAY_MAIN, 'pnpm build'],
    [SIMULATOR_MAIN, 'a complete checkout'],
  ] as const) {
    if (!existsSync(file)) {
      console.error(`${file} is missing: run ${hint} first (pnpm start does).`);
      process.exit(1);
    }
  }
  const usesPostgres = (env.DATABASE_URL?.trim() ?? '') !== '';
  if (!usesPostgres) {
    await refuseBusyDataDir();
  }
  const { key, source } = await apiKey();

  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  // The user's settings (PARCELGATE_*, DATABASE_URL, ...) reach both processes: not isolated.
  const simulator = await startSimulatorProcess({
    port: simPort,
    host,
    isolated: false,
    onOutput: prefixed('carrier-sim'),
  });
  watch(simulator);
  const gateway = spawnGateway({
    port,
    host,
    isolated: false,
    onOutput: prefixed('gateway'),
    env: {
      CARRIER_SIM_URL: simUrl,
      PARCELGATE_DATA_DIR: dataDir,
      PARCELGATE_BOOTSTRAP_API_KEY: key,
      LOG_LEVEL: env.LOG_LEVEL?.trim() || 'warn',
      // The demo's receivers run on this machine: allow http and loopback targets here only.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: env.WEBHOOK_ALLOW_PRIVATE_TARGETS?.trim() || 'true',
    },
  });
  watch(gateway);
  await gateway.ready();

  // The simulator keeps parcels in memory: the demo parcels are made again at each start.
  const demo: { status: string; trackingNumber: string; now: string }[] = [];
  for (const status of DEMO_STATUSES) {
    const trackingNumber = await createParcel(status);
    demo.push({ status, trackingNumber, now: summarize(await interception(key, trackingNumber)) });
  }
  // The database outlives the simulator, whose tracking numbers restart at each start: an
  // intercept made in an earlier run may still hold a number, so pick one that is free now.
  let target = demo.find((parcel) => parcel.status === 'in_transit')?.trackingNumber ?? '';
  for (let tries = 0; tries < 50 && !(await interception(key, target)).possible; tries += 1) {
    target = await createParcel('in_transit');
  }

  // Only printed where this build serves it, so every printed URL works.
  const hasDocs = await fetch(`${apiUrl}/docs`, { signal: AbortSignal.timeout(5_000) }).then(
    (response) => response.ok,
    () => false,
  );
  const auth = `-H ${shellQuote(`Authorization: Bearer ${key}`)}`;
  const body = JSON.stringify({
    carrier: 'sandbox',
    trackingNumber: target,
    reason: 'buyer_cancelled',
    orderRef: 'DEMO-1',
    pickupMode: 'platform_pickup',
  });
  const post = `-H 'Content-Type: application/json' -d ${shellQuote(body)}`;
  const width = Math.max(...demo.map((parcel) => parcel.status.length)) + 2;
  const lines = [
    '',
    'Parcelgate is running.',
    '',
    `  API key     ${key}`,
    `              (from ${source})`,
    `  API         ${apiUrl}/v1`,
    ...(hasDocs ? [`  Docs        ${apiUrl}/docs   (OpenAPI: ${apiUrl}/openapi.json)`] : []),
    `  Simulator   ${simUrl}   (control API: ${simUrl}/__sim/health)`,
    `  Database    ${usesPostgres ? 'PostgreSQL (DATABASE_URL)' : `embedded, in ${dataDir}`}`,
    '',
    'Demo parcels of carrier sandbox, one per status (made again at each start):',
    '',
    `  ${'status'.padEnd(width)}${'tracking number'.padEnd(17)}intercept now?`,
    ...demo.map(
      (parcel) =>
        `  ${parcel.status.padEnd(width)}${parcel.trackingNumber.padEnd(17)}${parcel.now}`,
    ),
    ...(demo.some((parcel) => parcel.now.includes('already_intercepted'))
      ? [
          '',
          '  (already_intercepted: an earlier run intercepted that number; the simulator',
          '   issues the same numbers at each start, the database remembers.)',
        ]
      : []),
    '',
    'Try it:',
    '',
    '# track a parcel',
    `curl -s ${apiUrl}/v1/tracking/sandbox/${target} ${auth}`,
    '',
    '# can it be intercepted now? (dry run: reasons, likelihood, who pays)',
    `curl -s -X POST ${apiUrl}/v1/intercepts/eligibility ${auth} ${post}`,
    '',
    '# intercept it (the same Idempotency-Key replays the answer, never intercepting twice)',
    `curl -s -X POST ${apiUrl}/v1/intercepts ${auth} -H 'Idempotency-Key: ${randomUUID()}' ${post}`,
    '',
    '# get every event pushed to a receiver on this machine (keep the `secret` it answers:',
    '# deliveries are signed with it); this demo allows http and localhost targets, a',
    '# deployment only https to public addresses (WEBHOOK_ALLOW_PRIVATE_TARGETS)',
    `curl -s -X POST ${apiUrl}/v1/webhook-endpoints ${auth} -H 'Content-Type: application/json' -d '{"url":"http://127.0.0.1:3000/webhooks"}'`,
    '',
    '# send it a test event now and see what the receiver answered (<id> from the line above)',
    `curl -s -X POST ${apiUrl}/v1/webhook-endpoints/<id>/test ${auth}`,
    '',
    '# what happened, newest first (the same events the receiver gets)',
    `curl -s ${apiUrl}/v1/events ${auth}`,
    '',
    ...(usesPostgres
      ? []
      : [
          '# another API key, for tenant acme (the admin CLI goes through the running gateway)',
          adminCommand('keys create --tenant acme'),
          '',
        ]),
    'Ctrl-C stops the gateway and the simulator.',
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch(async (error: unknown) => {
  console.error(`pnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
});
