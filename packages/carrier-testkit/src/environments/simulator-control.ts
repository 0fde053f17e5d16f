import type { NormalizedStatus } from '@parcelgate/carrier-kit';
import type { Fault } from '../environment.ts';
import type { ConformanceOperation } from '../operations.ts';

/** A parcel to create in the simulator (`POST /__sim/parcels`). */
export interface ParcelSpec {
  readonly carrier: string;
  readonly status: Exclude<NormalizedStatus, 'unknown'>;
  readonly subStatus?: string;
}

/** The slice of carrier-sim's control API the simulator environment uses. */
export interface SimulatorControl {
  /** The carriers the simulator serves (`GET /__sim/health`). */
  health(): Promise<string[]>;
  createParcel(spec: ParcelSpec): Promise<{ readonly trackingNumber: string }>;
  /** Registers a fault and answers its id. */
  addFault(request: {
    readonly carrier: string;
    readonly operation: ConformanceOperation;
    readonly trackingNumber: string;
    readonly fault: Fault;
  }): Promise<string>;
  /** Removes one fault; one already gone is fine. */
  deleteFault(id: string): Promise<void>;
  /** How many requests of each operation reached the parcel. */
  parcelCalls(
    carrier: string,
    trackingNumber: string,
  ): Promise<Partial<Record<ConformanceOperation, number>>>;
  /** The carrier codes of the parcel's events, newest first. */
  parcelEventCodes(carrier: string, trackingNumber: string): Promise<string[]>;
}

/** A typed client of carrier-sim's `/__sim/*` routes; the only thing the kit knows of it. */
export function createSimulatorControl(options: {
  readonly simulatorUrl: string;
  readonly fetch?: typeof fetch;
}): SimulatorControl {
  const root = `${options.simulatorUrl.replace(/\/+$/, '')}/__sim`;
  // Looked up per call: msw's listen() replaces the global fetch after this was built.
  const fetchFunction: typeof fetch =
    options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  const call = async (
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
    allowed: readonly number[] = [],
  ): Promise<Record<string, unknown>> => {
    let response: Response;
    try {
      response = await fetchFunction(`${root}${path}`, {
        method,
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      });
    } catch (error) {
      throw new Error(
        `carrier-sim control API at ${root} did not answer ${method} ${path}: is the simulator running?`,
        {
          cause: error,
        },
      );
    }
    const text = await response.text();
    if (!response.ok && !allowed.includes(response.status)) {
      throw new Error(`carrier-sim ${method} ${path} answered HTTP ${response.status}: ${text}`);
    }
    const parsed: unknown = text === '' ? {} : JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  };

  const parcelView = (carrier: string, trackingNumber: string) =>
    call('GET', `/parcels/${encodeURIComponent(carrier)}/${encodeURIComponent(trackingNumber)}`);

  return {
    async health() {
      const { carriers } = await call('GET', '/health');
      return Array.isArray(carriers) ? carriers.map(String) : [];
    },
    async createParcel(spec) {
      const { trackingNumber } = await call('POST', '/parcels', spec);
      if (typeof trackingNumber !== 'string') {
        throw new Error('carrier-sim POST /__sim/parcels answered no trackingNumber');
      }
      return { trackingNumber };
    },
    async addFault(request) {
      const { id } = await call('POST', '/faults', request);
      return String(id);
    },
    async deleteFault(id) {
      await call('DELETE', `/faults/${encodeURIComponent(id)}`, undefined, [404]);
    },
    async parcelCalls(carrier, trackingNumber) {
      const { calls } = await parcelView(carrier, trackingNumber);
      return typeof calls === 'object' && calls !== null
        ? (calls as Partial<Record<ConformanceOperation, number>>)
        : {};
    },
    async parcelEventCodes(carrier, trackingNumber) {
      const { events } = await parcelView(carrier, trackingNumber);
      return Array.isArray(events)
        ? events.flatMap((event: unknown) => {
            const code: unknown =
              typeof event === 'object' && event !== null
                ? (event as { code?: unknown }).code
                : undefined;
            return typeof code === 'string' ? [code] : [];
          })
        : [];
    },
  };
}
