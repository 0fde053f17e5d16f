import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeGateway, json } from './__fixtures__/fake-gateway.ts';
import { tracking } from './__fixtures__/resources.ts';
import { runTestCli } from './__fixtures__/test-io.ts';
import { configFilePath } from './config.ts';
import { EXIT_CODES } from './exit-codes.ts';

async function configFile(content: string): Promise<{ home: string; path: string }> {
  const home = await mkdtemp(join(tmpdir(), 'parcelgate-cli-'));
  const path = join(home, '.config', 'parcelgate', 'config.json');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(join(home, '.config', 'parcelgate'), { recursive: true });
  await writeFile(path, content);
  return { home, path };
}

describe('configuration', () => {
  it('takes flags over the environment over the config file', async () => {
    const { home } = await configFile(
      JSON.stringify({ url: 'https://file.test', apiKey: 'pk_file' }),
    );
    const gateway = fakeGateway(() => json(200, tracking()));
    const argv = ['track', 'sandbox', 'SBX1'];
    await runTestCli(argv, { fetch: gateway.fetch, env: { HOME: home } });
    await runTestCli(argv, {
      fetch: gateway.fetch,
      env: { HOME: home, PARCELGATE_URL: 'https://env.test', PARCELGATE_API_KEY: 'pk_env' },
    });
    await runTestCli(['--url', 'https://flag.test', '--api-key', 'pk_flag', ...argv], {
      fetch: gateway.fetch,
      env: { HOME: home, PARCELGATE_URL: 'https://env.test', PARCELGATE_API_KEY: 'pk_env' },
    });
    expect(
      gateway.sent.map((sent) => [sent.headers.get('authorization'), sent.headers.get('host')]),
    ).toHaveLength(3);
    expect(gateway.sent.map((sent) => sent.headers.get('authorization'))).toEqual([
      'Bearer pk_file',
      'Bearer pk_env',
      'Bearer pk_flag',
    ]);
  });

  it('reads --config and PARCELGATE_CONFIG, and refuses a missing or malformed file with exit 2', async () => {
    const { path } = await configFile('{"apiKey": 42}');
    const bad = await runTestCli(['--config', path, 'track', 'sandbox', 'SBX1'], { env: {} });
    expect(bad.code).toBe(EXIT_CODES.usage);
    expect(bad.stderr).toContain('"apiKey" must be a string');
    const missing = await runTestCli(['track', 'sandbox', 'SBX1'], {
      env: { PARCELGATE_CONFIG: '/nonexistent/parcelgate.json' },
    });
    expect(missing.code).toBe(EXIT_CODES.usage);
    expect(missing.stderr).toContain('/nonexistent/parcelgate.json');
  });

  it('says how to give a key when there is none, and never prints one', async () => {
    const none = await runTestCli(['track', 'sandbox', 'SBX1'], { env: { HOME: '/nonexistent' } });
    expect(none.code).toBe(EXIT_CODES.usage);
    expect(none.stderr).toContain('set PARCELGATE_API_KEY');
    const failing = await runTestCli(['track', 'sandbox', 'SBX1', '--json'], {
      env: { PARCELGATE_API_KEY: 'pk_live_very_secret', PARCELGATE_URL: 'ftp://x' },
    });
    expect(failing.code).toBe(EXIT_CODES.usage);
    expect(failing.stdout + failing.stderr).not.toContain('pk_live_very_secret');
  });

  it('looks for the file under XDG_CONFIG_HOME, else ~/.config', () => {
    expect(configFilePath({}, { XDG_CONFIG_HOME: '/x' })).toBe('/x/parcelgate/config.json');
    expect(configFilePath({}, { HOME: '/home/op' })).toBe(
      '/home/op/.config/parcelgate/config.json',
    );
    expect(configFilePath({}, {})).toBeUndefined();
  });
});
