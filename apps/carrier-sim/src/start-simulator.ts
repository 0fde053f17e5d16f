import type { AddressInfo } from 'node:net';
import { createSimulatorServer } from './server.ts';
import { Simulator } from './simulator.ts';

/** Options of {@link startSimulator}. */
export interface StartSimulatorOptions {
  /** TCP port; 0 (the default) picks a free one, which is what tests want. */
  readonly port?: number;
  /** Interface to listen on; default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** Seed of every chance decision; default `parcelgate`. */
  readonly seed?: string;
  /** Epoch milliseconds simulated time starts at; default 2026-11-26T08:00:00+08:00. */
  readonly clockStart?: number;
}

/** A running simulator. */
export interface RunningSimulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4010`; carriers live under `${url}/<id>`. */
  readonly url: string;
  readonly port: number;
  /** Stops the server; hung and trickling requests are ended too. */
  close(): Promise<void>;
}

/**
 * Starts the simulator's HTTP server and resolves once it listens. For tests, benches
 * and `src/main.ts`; everything else is driven over HTTP through the control API.
 */
export async function startSimulator(
  options: StartSimulatorOptions = {},
): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const simulator = new Simulator({
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.clockStart === undefined ? {} : { clockStart: options.clockStart }),
  });
  const { server, close } = createSimulatorServer(simulator);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${urlHost}:${port}`, port, close };
}
