#!/usr/bin/env node
import { startSimulator } from './start-simulator.ts';

/** Default port of the simulator, also the one `start` and the gateway's config expect. */
const DEFAULT_PORT = 4010;

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') {
    return DEFAULT_PORT;
  }
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(
      `CARRIER_SIM_PORT must be an integer from 0 to 65535, got ${JSON.stringify(value)}`,
    );
  }
  return port;
}

function readClockStart(value: string | undefined): number | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  if (value === 'now') {
    return Date.now();
  }
  const start = Date.parse(value);
  if (Number.isNaN(start)) {
    throw new Error(
      `CARRIER_SIM_CLOCK_START must be "now" or an ISO 8601 instant, got ${JSON.stringify(value)}`,
    );
  }
  return start;
}

async function main(): Promise<void> {
  const env = process.env;
  const seed = env.CARRIER_SIM_SEED || undefined;
  const clockStart = readClockStart(env.CARRIER_SIM_CLOCK_START);
  const simulator = await startSimulator({
    port: readPort(env.CARRIER_SIM_PORT),
    host: env.CARRIER_SIM_HOST || '127.0.0.1',
    ...(seed === undefined ? {} : { seed }),
    ...(clockStart === undefined ? {} : { clockStart }),
  });
  console.log(`carrier-sim listening on ${simulator.url} (seed ${seed ?? 'parcelgate'})`);

  let closing = false;
  const shutdown = (): void => {
    if (closing) {
      return;
    }
    closing = true;
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('carrier-sim: error while closing', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`carrier-sim: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
