import { type RunningSimulator, startSimulator } from './start-simulator.ts';

/** A parcel as `POST /__sim/parcels` takes it, less the carrier. */
export interface SimParcelSpec {
  readonly status: string;
  /**
   * The carrier account that owns the parcel, as the carrier identifies a caller (sandbox:
   * the API key; UPS: the OAuth client id; SF: the partnerID; Kuaidi100: the customer).
   * Absent: every account may act on it.
   */
  readonly account?: string;
}

/**
 * The simulator of one test file, for one carrier, driven through its control API. Its
 * lifecycle is the caller's to hook into its test runner (this module imports none).
 */
export interface CarrierSimulatorClient {
  /** Starts the simulator on a free loopback port. */
  start(): Promise<void>;
  /** Clears parcels, faults, pushes and the clock; the seed stays. */
  reset(): Promise<void>;
  /** Stops the simulator. */
  stop(): Promise<void>;
  /** Base URL without a trailing slash; the carrier lives under `${url()}/<carrier>`. */
  url(): string;
  /** Calls the control API (`/__sim<path>`); throws with the answer when it is not 2xx. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  /** Creates a parcel of this carrier; resolves with its tracking number. */
  createParcel(spec: SimParcelSpec): Promise<string>;
  /** Adds a fault for this carrier (`POST /__sim/faults`). */
  addFault(spec: object): Promise<void>;
  /** Moves the simulated clock; journeys play forward. */
  advance(ms: number): Promise<void>;
}

/** Options of {@link createCarrierSimulatorClient}. */
export interface CarrierSimulatorClientOptions {
  /** The carrier whose parcels and faults the helpers create. */
  readonly carrier: string;
  /** Seed of the simulator's chance decisions, kept across resets. */
  readonly seed: string;
}

/**
 * The simulator as adapter packages' integration tests drive it: the part every such
 * package shares. Each adds its carrier's context and hooks `start`, `reset` and `stop`
 * into its test file.
 */
export function createCarrierSimulatorClient(
  options: CarrierSimulatorClientOptions,
): CarrierSimulatorClient {
  const { carrier, seed } = options;
  let simulator: RunningSimulator | undefined;
  const url = (): string => {
    if (simulator === undefined) {
      throw new Error('the simulator is not running');
    }
    return simulator.url;
  };
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${url()}/__sim${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const answer: unknown = await response.json();
    if (!response.ok) {
      throw new Error(`control ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    }
    return answer;
  };

  return {
    async start() {
      simulator = await startSimulator({ port: 0, seed });
    },
    async reset() {
      await control('POST', '/reset', { seed });
    },
    async stop() {
      await simulator?.close();
      simulator = undefined;
    },
    url,
    control,
    async createParcel(spec) {
      const created = (await control('POST', '/parcels', { carrier, ...spec })) as {
        trackingNumber: string;
      };
      return created.trackingNumber;
    },
    async addFault(spec) {
      await control('POST', '/faults', { carrier, ...spec });
    },
    async advance(ms) {
      await control('POST', '/clock/advance', { ms });
    },
  };
}
