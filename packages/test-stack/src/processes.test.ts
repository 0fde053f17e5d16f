import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launch, waitForLine, waitUntilHealthy } from './child-process.ts';
import { withSearchPath } from './database.ts';
import { pollUntil } from './poll-until.ts';
import { startSimulatorProcess } from './processes.ts';

describe('startSimulatorProcess', () => {
  it('resolves once the simulator listens, with its URL and a control client', async () => {
    const simulator = await startSimulatorProcess({ seed: 'test-stack' });
    try {
      expect(simulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(simulator.output()).toContain(`listening on ${simulator.url} (seed test-stack)`);
      const trackingNumber = await simulator.control.createParcel({ status: 'in_transit' });
      expect((await simulator.control.parcel(trackingNumber)).status).toBe('in_transit');
    } finally {
      await simulator.stop();
    }
    expect(simulator.exited()).toBe(true);
  });
});

describe('readiness', () => {
  it('rejects at once, with the output, when the process exits before it is ready', async () => {
    const script = join(tmpdir(), `test-stack-exits-${process.pid}.mjs`);
    await writeFile(script, "console.error('no database'); process.exit(3);\n");
    const launched = launch('failing', script, { env: {} });
    await expect(waitForLine(launched, /listening/)).rejects.toThrow(
      /failing exited before it was ready:\nno database/,
    );
    await expect(waitUntilHealthy(launched, 'http://127.0.0.1:9/readyz')).rejects.toThrow(
      /failing exited before it was ready/,
    );
    expect(await launched.exit).toBe('exit code 3');
    await rm(script, { force: true });
  });
});

describe('withSearchPath', () => {
  it('selects the schema through libpq options, spaces escaped', () => {
    expect(withSearchPath('postgres://u@h:5432/db', 'e2e_1')).toBe(
      'postgres://u@h:5432/db?options=-c%20search_path%3De2e_1',
    );
  });
});

describe('pollUntil', () => {
  it('returns the first value that is done, or the last read when time runs out', async () => {
    let reads = 0;
    expect(
      await pollUntil(
        async () => ++reads,
        (value) => value === 3,
      ),
    ).toBe(3);
    expect(
      await pollUntil(
        async () => 'never',
        () => false,
        0,
      ),
    ).toBe('never');
  });
});
