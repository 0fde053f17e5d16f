/**
 * The container recipes (Dockerfile, compose.yaml, .dockerignore) cannot be run here: these
 * machines have no container daemon. So they are kept to what the tests do run: the
 * commands and Node flags the e2e suites start the gateway and the simulator with, the
 * roles the gateway accepts, files that exist, variables the configuration schema (or the
 * simulator) reads, and ports that agree with each other.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GATEWAY_MAIN, GATEWAY_NODE_FLAGS, SIMULATOR_MAIN } from '@parcelgate/test-stack';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_SCHEMA } from '../../src/config/config-schema.ts';
import { PROCESS_ROLES, readProcessPlan } from '../../src/config/process-role.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

/** One instruction of a Dockerfile: its keyword and the rest of its line(s). */
interface Instruction {
  readonly keyword: string;
  readonly rest: string;
}

/** The Dockerfile's stages by name, each with its instructions. */
function dockerStages(text: string): Map<string, Instruction[]> {
  const stages = new Map<string, Instruction[]>();
  let current: Instruction[] | undefined;
  const lines = text
    .replaceAll(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  for (const line of lines) {
    const [keyword = '', ...words] = line.split(/\s+/);
    const rest = words.join(' ');
    if (keyword.toUpperCase() === 'FROM') {
      const name = /\bAS\s+(\S+)$/i.exec(rest)?.[1] ?? `stage${stages.size}`;
      current = [{ keyword: 'FROM', rest }];
      stages.set(name, current);
    } else {
      current?.push({ keyword: keyword.toUpperCase(), rest });
    }
  }
  return stages;
}

const all = (stage: readonly Instruction[], keyword: string) =>
  stage.filter((instruction) => instruction.keyword === keyword).map(({ rest }) => rest);
const lastJson = (stage: readonly Instruction[], keyword: string): unknown =>
  JSON.parse(all(stage, keyword).at(-1) ?? 'null');
const envOf = (stage: readonly Instruction[]) =>
  Object.fromEntries(
    all(stage, 'ENV').map((rest) => {
      const [name = '', ...value] = rest.split('=');
      return [name, value.join('=')];
    }),
  );

const manifest = (path: string) =>
  JSON.parse(read(`${path}/package.json`)) as {
    readonly name: string;
    readonly packageManager?: string;
    readonly files?: readonly string[];
    readonly parcelgate?: { readonly nodeFlags: readonly string[] };
  };
const WORKSPACE_PACKAGES = new Map(
  ['apps/gateway', 'apps/carrier-sim', 'packages/carrier-sandbox'].map((path) => [
    manifest(path).name,
    path,
  ]),
);
const SCHEMA_VARIABLES = new Set(Object.keys(CONFIG_SCHEMA.properties));
/** The variables the simulator's own start reads (`env.NAME` in its main.ts). */
const SIMULATOR_VARIABLES = new Set(
  [...read('apps/carrier-sim/src/main.ts').matchAll(/env\.(CARRIER_SIM_[A-Z_]+)/g)].map(
    (match) => match[1],
  ),
);
const isGatewayVariable = (name: string) =>
  SCHEMA_VARIABLES.has(name) || /^CARRIER_[A-Z0-9_]+_[A-Z0-9_]+$/.test(name);

const stages = dockerStages(read('Dockerfile'));
const stage = (name: string) => {
  const found = stages.get(name);
  if (found === undefined) {
    throw new Error(`the Dockerfile has no stage ${name}`);
  }
  return found;
};

describe('the Dockerfile', () => {
  it('builds on node:24-slim and installs the pnpm the repository pins', () => {
    for (const [name, instructions] of stages) {
      expect(all(instructions, 'FROM')[0], name).toMatch(/^node:24-slim AS /);
    }
    const pinned = manifest('.').packageManager?.replace(/^pnpm@/, '');
    expect(all(stage('build'), 'RUN')).toContain(`npm install -g pnpm@${pinned}`);
  });

  it('copies only files that exist, and deploys workspace packages that exist', () => {
    for (const rest of all(stage('build'), 'COPY').filter((copy) => !copy.startsWith('--'))) {
      const sources = rest.split(/\s+/).slice(0, -1);
      for (const source of sources.filter((path) => path !== '.')) {
        expect(existsSync(`${ROOT}${source}`), source).toBe(true);
      }
    }
    const runs = all(stage('build'), 'RUN');
    const deployed = new Map<string, string>();
    for (const run of runs) {
      const deploy = /^pnpm --filter (\S+) --prod deploy (\S+)$/.exec(run);
      if (deploy?.[1] !== undefined && deploy[2] !== undefined) {
        expect(WORKSPACE_PACKAGES.has(deploy[1]), deploy[1]).toBe(true);
        deployed.set(deploy[2], deploy[1]);
      }
      for (const filter of run.matchAll(/--filter=(\S+?)(?:\.\.\.)?(?=\s|$)/g)) {
        expect(WORKSPACE_PACKAGES.has(filter[1] ?? ''), filter[1]).toBe(true);
      }
    }
    for (const name of ['gateway', 'simulator']) {
      for (const copy of all(stage(name), 'COPY')) {
        const from = /--from=build .*?(\/deploy\/\S+)/.exec(copy)?.[1];
        expect(from !== undefined && deployed.has(from), copy).toBe(true);
      }
    }
  });

  it('runs the gateway as the tests do: dist/main.js with its Node flags, a role as command', () => {
    const gateway = stage('gateway');
    const flags = manifest('apps/gateway').parcelgate?.nodeFlags ?? [];
    expect(GATEWAY_NODE_FLAGS).toEqual(flags);
    expect(GATEWAY_MAIN.endsWith('apps/gateway/dist/main.js')).toBe(true);
    expect(lastJson(gateway, 'ENTRYPOINT')).toEqual(['node', ...flags, 'dist/main.js']);
    // What `pnpm deploy` copies into the image: the built code and the migrations.
    expect(manifest('apps/gateway').files).toEqual(['dist', 'migrations']);
    expect(existsSync(`${ROOT}apps/gateway/migrations/0001_initial.sql`)).toBe(true);
    const command = lastJson(gateway, 'CMD') as string[];
    expect(command).toEqual(['serve']);
    expect(() => readProcessPlan(command, {})).not.toThrow();
  });

  it('sets only variables the gateway reads, listens on every interface, as a non-root user', () => {
    const gateway = stage('gateway');
    const env = envOf(gateway);
    expect(Object.keys(env).filter((name) => !isGatewayVariable(name))).toEqual([]);
    expect(env).toMatchObject({ HOST: '0.0.0.0', PARCELGATE_ENV: 'production' });
    expect(all(gateway, 'EXPOSE')).toEqual([env.PORT]);
    expect(all(gateway, 'USER')).toEqual(['node']);
  });

  it('runs the simulator as the tests do, on the port it exposes, as a non-root user', () => {
    const simulator = stage('simulator');
    expect(SIMULATOR_MAIN.endsWith('apps/carrier-sim/src/main.ts')).toBe(true);
    expect(lastJson(simulator, 'ENTRYPOINT')).toEqual(['node', 'src/main.ts']);
    const env = envOf(simulator);
    expect(Object.keys(env).filter((name) => !SIMULATOR_VARIABLES.has(name))).toEqual([]);
    expect(all(simulator, 'EXPOSE')).toEqual([env.CARRIER_SIM_PORT]);
    expect(all(simulator, 'USER')).toEqual(['node']);
  });

  it('has a .dockerignore that keeps installed and built files and local data out', () => {
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toEqual(
      expect.arrayContaining(['**/node_modules', '**/dist', '**/data', '.git']),
    );
  });
});

interface ComposeService {
  readonly build?: { readonly target?: string };
  readonly image?: string;
  readonly command?: readonly string[];
  readonly environment?: Readonly<Record<string, string>>;
  readonly ports?: readonly string[];
  readonly healthcheck?: { readonly test?: readonly string[]; readonly disable?: boolean };
  readonly depends_on?: Readonly<Record<string, { readonly condition: string }>>;
  readonly stop_grace_period?: string;
}

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml'), { merge: true }) as {
    readonly services: Readonly<Record<string, ComposeService>>;
  };
  const services = Object.entries(compose.services);
  const gateways = services.filter(([, service]) => service.build?.target === 'gateway');
  const imageEnv = envOf(stage('gateway'));
  const roleOf = ([, service]: [string, ComposeService]) => service.command?.[0];

  it('builds only stages the Dockerfile has', () => {
    for (const [name, service] of services) {
      if (service.build !== undefined) {
        expect(stages.has(service.build.target ?? ''), name).toBe(true);
      }
    }
  });

  it('runs migrate once, two serve replicas and a worker: roles the gateway has and the e2e suite runs', () => {
    const scaleOut = read('apps/gateway/test/e2e/scale-out.e2e.test.ts');
    for (const entry of gateways) {
      const [name, service] = entry;
      expect(service.command?.length, name).toBe(1);
      const role = roleOf(entry) ?? '';
      expect(
        PROCESS_ROLES.filter((known) => known !== 'all'),
        name,
      ).toContain(role);
      expect(() => readProcessPlan([role], service.environment ?? {})).not.toThrow();
      expect(scaleOut).toContain(`'${role}'`);
    }
    const roles = gateways.map(roleOf).sort();
    expect(roles).toEqual(['migrate', 'serve', 'serve', 'worker']);
  });

  it('starts serve and worker only once migrate has exited 0', () => {
    for (const entry of gateways.filter((gateway) => roleOf(gateway) !== 'migrate')) {
      const migrate = entry[1].depends_on?.migrate;
      expect(migrate?.condition, entry[0]).toBe('service_completed_successfully');
    }
  });

  it('sets only variables the gateway reads, pointing at the services that exist', () => {
    const postgres = compose.services.postgres?.environment ?? {};
    for (const [name, service] of gateways) {
      const env = service.environment ?? {};
      expect(
        Object.keys(env).filter((variable) => !isGatewayVariable(variable)),
        name,
      ).toEqual([]);
      const database = new URL(env.DATABASE_URL ?? '');
      expect(compose.services[database.hostname], name).toBeDefined();
      expect(database.username).toBe(postgres.POSTGRES_USER);
      expect(database.password).toBe(postgres.POSTGRES_PASSWORD);
      expect(database.pathname).toBe(`/${postgres.POSTGRES_DB}`);
      const simulatorUrl = new URL(env.CARRIER_SIM_URL ?? '');
      expect(compose.services[simulatorUrl.hostname]?.build?.target).toBe('simulator');
      expect(simulatorUrl.port).toBe(envOf(stage('simulator')).CARRIER_SIM_PORT);
      // SIGTERM drains within the grace: compose must wait longer before it kills.
      const graceS = Number(env.PARCELGATE_SHUTDOWN_GRACE_MS) / 1000;
      expect(Number.parseInt(service.stop_grace_period ?? '10', 10)).toBeGreaterThan(graceS);
    }
    const simulatorEnv = compose.services.simulator?.environment ?? {};
    expect(Object.keys(simulatorEnv).filter((name) => !SIMULATOR_VARIABLES.has(name))).toEqual([]);
  });

  it('checks readiness on /readyz at the port the gateway listens on, and publishes that port', () => {
    for (const entry of gateways) {
      const [name, service] = entry;
      const port = service.environment?.PORT ?? imageEnv.PORT;
      if (roleOf(entry) === 'migrate') {
        expect(service.healthcheck?.disable, name).toBe(true);
        continue;
      }
      expect(service.healthcheck?.test?.join(' '), name).toContain(
        `http://127.0.0.1:${port}/readyz`,
      );
      for (const published of service.ports ?? []) {
        expect(published.split(':').at(-1), name).toBe(port);
      }
    }
    const simulatorPort = envOf(stage('simulator')).CARRIER_SIM_PORT;
    expect(compose.services.simulator?.healthcheck?.test?.join(' ')).toContain(
      `http://127.0.0.1:${simulatorPort}/__sim/health`,
    );
  });
});
