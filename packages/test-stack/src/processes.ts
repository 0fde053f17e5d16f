/**
 * The simulator and the gateway as child processes, each awaited on its own readiness
 * signal: the simulator's "listening on <url>" line, the gateway's `/readyz`.
 */
import { SimControlClient } from '@parcelgate/carrier-sim';
import { type Launched, launch, waitForLine, waitUntilHealthy } from './child-process.ts';
import { GATEWAY_MAIN, GATEWAY_NODE_FLAGS, SIMULATOR_MAIN } from './paths.ts';

/** What both processes take besides their own settings. */
interface ProcessOptions {
  /** Interface to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** Leave the parent's stack settings out of the child's environment; default true. */
  readonly isolated?: boolean;
  /** Called with each chunk the process prints. */
  readonly onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
}

/** Options of {@link startSimulatorProcess}. */
export interface SimulatorProcessOptions extends ProcessOptions {
  /** TCP port; 0 (the default) lets the OS pick one, read back from the simulator's log. */
  readonly port?: number;
  /** Seed of the simulator's chance decisions; its default when absent. */
  readonly seed?: string;
}

/** A running simulator process. */
export interface SimulatorProcess extends Launched {
  /** Base URL without a trailing slash. */
  readonly url: string;
  /** A client of its control API. */
  readonly control: SimControlClient;
}

/** Starts the simulator and resolves once it listens and answers its health check. */
export async function startSimulatorProcess(
  options: SimulatorProcessOptions = {},
): Promise<SimulatorProcess> {
  const launched = launch('carrier-sim', SIMULATOR_MAIN, {
    env: {
      CARRIER_SIM_PORT: String(options.port ?? 0),
      CARRIER_SIM_HOST: options.host ?? '127.0.0.1',
      ...(options.seed === undefined ? {} : { CARRIER_SIM_SEED: options.seed }),
    },
    ...(options.isolated === undefined ? {} : { isolated: options.isolated }),
    ...(options.onOutput === undefined ? {} : { onOutput: options.onOutput }),
  });
  try {
    const url = await waitForLine(launched, /listening on (http:\/\/\S+)/);
    await waitUntilHealthy(launched, `${url}/__sim/health`);
    return { ...launched, url, control: new SimControlClient(url) };
  } catch (error) {
    await launched.stop();
    throw error;
  }
}

/** Options of {@link spawnGateway}. */
export interface GatewayProcessOptions extends ProcessOptions {
  /** TCP port (the gateway's public URL names it, so it is chosen before the start). */
  readonly port: number;
  /** The gateway's settings (database, simulator, keys, budgets, log level...). */
  readonly env: Readonly<Record<string, string>>;
  /** A file its stdout (the JSON log) goes to instead of a pipe. */
  readonly stdoutFile?: string;
  /** Its role (`serve`, `worker`); none runs the API and the jobs in one process. */
  readonly role?: 'serve' | 'worker';
}

/** A gateway process. */
export interface GatewayProcess extends Launched {
  /** Base URL without a trailing slash. */
  readonly url: string;
  /** Resolves once it answers `/readyz`; rejects if it exits first. */
  ready(): Promise<void>;
}

/** Starts the built gateway; await `ready()` before using it. */
export function spawnGateway(options: GatewayProcessOptions): GatewayProcess {
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host}:${options.port}`;
  const launched = launch(
    options.role === undefined ? 'gateway' : `gateway ${options.role}`,
    GATEWAY_MAIN,
    {
      env: { ...options.env, PORT: String(options.port), HOST: host },
      nodeFlags: GATEWAY_NODE_FLAGS,
      ...(options.role === undefined ? {} : { args: [options.role] }),
      ...(options.isolated === undefined ? {} : { isolated: options.isolated }),
      ...(options.onOutput === undefined ? {} : { onOutput: options.onOutput }),
      ...(options.stdoutFile === undefined ? {} : { stdoutFile: options.stdoutFile }),
    },
  );
  return { ...launched, url, ready: () => waitUntilHealthy(launched, `${url}/readyz`) };
}
