/**
 * The start as an operator sees it (issue 16, item 5): `PARCELGATE_ENV=production` on the
 * embedded database and the simulator stops with one message listing every problem, and
 * a start logs what it runs on (one structured line, and the same for people on stderr).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type GatewayProcess, spawnGateway } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dataRoot: string;
const started: GatewayProcess[] = [];

beforeAll(async () => {
  dataRoot = await mkdtemp(join(tmpdir(), 'parcelgate-start-'));
});

afterAll(async () => {
  for (const gateway of started) {
    await gateway.stop();
  }
  await rm(dataRoot, { recursive: true, force: true });
});

async function start(name: string, env: Record<string, string>): Promise<GatewayProcess> {
  const gateway = spawnGateway({
    port: await freePort(),
    // Isolated: the parent's DATABASE_URL or carrier credentials must not leak in.
    isolated: true,
    env: { PARCELGATE_DATA_DIR: join(dataRoot, name), ...env },
  });
  started.push(gateway);
  return gateway;
}

describe('a production start', () => {
  it('refuses the embedded database and every carrier on the simulator, in one message', async () => {
    const gateway = await start('refused', {
      PARCELGATE_ENV: 'production',
      PARCELGATE_SECRET_KEY: 'not-a-key-s3cr3t',
    });
    expect(await gateway.exit).toBe('exit code 1');
    const output = gateway.output();
    expect(output).toContain('Invalid configuration:');
    expect(output).toContain('PARCELGATE_SECRET_KEY must be 32 bytes');
    expect(output).toContain('DATABASE_URL is required when PARCELGATE_ENV=production');
    for (const carrier of ['kuaidi100', 'sandbox', 'sf', 'ups']) {
      expect(output).toContain(`carrier "${carrier}" would be sent to the simulator`);
    }
    expect(output).not.toContain('s3cr3t');
  });
});

describe('a start', () => {
  it('logs what it runs on: roles, address, database and carrier targets', async () => {
    const gateway = await start('banner', {
      LOG_LEVEL: 'info',
      CARRIER_UPS_BASE_URL: 'https://user:pw-9f3@ups.proxy.example/api',
    });
    await gateway.ready();
    const line = gateway
      .output()
      .split('\n')
      .find((text) => text.includes('"banner"'));
    expect(line).toBeDefined();
    const banner = JSON.parse(line ?? '{}').banner;
    expect(banner).toMatchObject({
      environment: 'development',
      roles: ['all'],
      listen: gateway.url,
      database: { engine: 'embedded', dataDir: join(dataRoot, 'banner') },
    });
    expect(banner.carriers).toContainEqual({
      id: 'ups',
      target: 'custom',
      url: 'https://ups.proxy.example/api',
    });
    expect(gateway.output()).toContain('Parcelgate gateway, development, roles: all');
    expect(gateway.output()).not.toContain('pw-9f3');
  });
});
