import { EXCEPTION_SUB_STATUSES, NORMALIZED_STATUSES } from '@parcelgate/carrier-kit';
import {
  type ConformanceEnvironment,
  type EnvironmentFeature,
  type FaultRequest,
  type ParcelRequest,
  StagingUnsupportedError,
} from '../environment.ts';
import type { ConformanceOperation } from '../operations.ts';
import {
  createSimulatorControl,
  type ParcelSpec,
  type SimulatorControl,
} from './simulator-control.ts';

/** What {@link createSimulatorEnvironment} needs. */
export interface SimulatorEnvironmentOptions {
  /** Where carrier-sim listens, e.g. `http://127.0.0.1:4010`. */
  readonly simulatorUrl: string;
  /** The simulator's id of the carrier the adapter speaks, e.g. `sandbox`. */
  readonly carrier: string;
  /** The carrier's base URL for the adapter; defaults to `<simulatorUrl>/<carrier>`. */
  readonly baseUrl?: string;
  /** The fetch for control calls; defaults to the global one. */
  readonly fetch?: typeof fetch;
}

/**
 * A conformance environment on a running carrier-sim process, driven only through its
 * HTTP control API (`/__sim/*`), so the adapter meets the carrier's real wire format
 * over real sockets. Parcels are created fresh per scenario and faults scoped to them,
 * so several test files may share one simulator; `reset()` removes only the faults this
 * environment added.
 *
 * Documented status codes are staged by learning which normalized status shows which
 * code (from the control API's parcel view); a code no simulated journey produces is
 * reported as skipped.
 *
 * @example
 * ```ts
 * const environment = createSimulatorEnvironment({ simulatorUrl: inject('simulatorUrl'), carrier: 'sandbox' });
 * ```
 */
export function createSimulatorEnvironment(
  options: SimulatorEnvironmentOptions,
): ConformanceEnvironment {
  const control = createSimulatorControl(options);
  const carrier = options.carrier;
  const faultIds: string[] = [];
  let codeCatalog: Promise<ReadonlyMap<string, ParcelSpec>> | undefined;
  const removeOwnFaults = async (): Promise<void> => {
    const ids = faultIds.splice(0);
    await Promise.all(ids.map((id) => control.deleteFault(id)));
  };

  return {
    name: 'carrier-sim',
    baseUrl: (options.baseUrl ?? `${options.simulatorUrl.replace(/\/+$/, '')}/${carrier}`).replace(
      /\/+$/,
      '',
    ),
    async start() {
      const carriers = await control.health();
      if (!carriers.includes(carrier)) {
        throw new Error(
          `carrier-sim at ${options.simulatorUrl} does not simulate "${carrier}" (it has: ${carriers.join(', ')})`,
        );
      }
    },
    stop: removeOwnFaults,
    reset: removeOwnFaults,
    async prepareParcel(request: ParcelRequest) {
      if (request.statusCode === undefined) {
        // Every operation succeeds on a parcel in transit: it is inside every carrier's
        // intercept and redirect window, and an action placed on it can still be cancelled.
        return control.createParcel({ carrier, status: 'in_transit' });
      }
      codeCatalog ??= learnStatusCodes(control, carrier);
      const spec = (await codeCatalog).get(request.statusCode);
      if (spec === undefined) {
        throw new StagingUnsupportedError(
          `no carrier-sim journey for ${carrier} shows status code "${request.statusCode}"`,
        );
      }
      return control.createParcel(spec);
    },
    async injectFault(request: FaultRequest) {
      const id = await control.addFault({ carrier, ...request });
      faultIds.push(id);
    },
    async countCalls(request: {
      readonly operation: ConformanceOperation;
      readonly trackingNumber: string;
    }) {
      const calls = await control.parcelCalls(carrier, request.trackingNumber);
      return calls[request.operation] ?? 0;
    },
    // The simulator stages every fault the checks use; status codes as far as its
    // journeys show them (the rest are skipped one by one).
    supports: (_feature: EnvironmentFeature) => true,
  };
}

/**
 * Creates one parcel per normalized status (and per exception sub-status the carrier can
 * express) and reads which carrier codes each shows, newest event first, so a code is
 * staged by the status whose latest event it is when there is one.
 */
async function learnStatusCodes(
  control: SimulatorControl,
  carrier: string,
): Promise<ReadonlyMap<string, ParcelSpec>> {
  const specs: ParcelSpec[] = NORMALIZED_STATUSES.filter((status) => status !== 'unknown').flatMap(
    (status): ParcelSpec[] =>
      status === 'exception'
        ? EXCEPTION_SUB_STATUSES.map((subStatus) => ({ carrier, status, subStatus }))
        : [{ carrier, status }],
  );
  const latest = new Map<string, ParcelSpec>();
  const anywhere = new Map<string, ParcelSpec>();
  for (const spec of specs) {
    // A carrier that cannot express a sub-status refuses the parcel: nothing to learn.
    const parcel = await control.createParcel(spec).catch(() => undefined);
    if (parcel === undefined) {
      continue;
    }
    const codes = await control.parcelEventCodes(carrier, parcel.trackingNumber);
    const [newest, ...older] = codes;
    if (newest !== undefined && !latest.has(newest)) {
      latest.set(newest, spec);
    }
    for (const code of older) {
      if (!anywhere.has(code)) {
        anywhere.set(code, spec);
      }
    }
  }
  return new Map([...anywhere, ...latest]);
}
