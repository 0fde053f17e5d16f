import type { CarrierModule, CarrierWorld } from './carriers/carrier-module.ts';
import { CARRIER_MODULES } from './carriers/index.ts';
import { SimClock } from './clock.ts';
import { FaultRegistry } from './faults/fault-registry.ts';
import { createParcel } from './model/create-parcel.ts';
import type { Money, Parcel } from './model/parcel.ts';
import { ParcelStore } from './model/parcel-store.ts';
import type { ExceptionSubStatus, SimStatus } from './model/statuses.ts';

/** Seed used when none is given: fixed, so two runs without configuration agree. */
export const DEFAULT_SEED = 'parcelgate';

/** How to build a {@link Simulator}. */
export interface SimulatorOptions {
  /** Seed of every chance decision; default {@link DEFAULT_SEED}. */
  readonly seed?: string;
  /** Epoch milliseconds simulated time starts at (and returns to on reset). */
  readonly clockStart?: number;
  /** Carriers to serve; default every module in `src/carriers/index.ts`. */
  readonly carriers?: readonly CarrierModule[];
}

/** A parcel to create, already validated against its carrier. */
export interface ParcelSpec {
  readonly carrier: string;
  readonly status: SimStatus;
  readonly subStatus: ExceptionSubStatus | null;
  readonly category: string | null;
  readonly declaredValue: Money | null;
}

/**
 * The simulator's whole state, without any HTTP: clock, parcels, faults, seed and the
 * carrier modules. The server and the control API are thin layers over it.
 */
export class Simulator implements CarrierWorld {
  /** Simulated time; moved only through {@link Simulator.advance}. */
  readonly clock: SimClock;
  /** Every parcel of every carrier. */
  readonly parcels = new ParcelStore();
  /** Registered faults, applied by the server to carrier requests. */
  readonly faults = new FaultRegistry();
  /** Carrier modules by id, which is also their path prefix. */
  readonly carriers: ReadonlyMap<string, CarrierModule>;
  #seed: string;

  constructor(options: SimulatorOptions = {}) {
    this.clock = new SimClock(options.clockStart);
    this.#seed = options.seed ?? DEFAULT_SEED;
    this.carriers = new Map(
      (options.carriers ?? CARRIER_MODULES).map((module) => [module.id, module]),
    );
  }

  /** Seed of every chance decision. */
  get seed(): string {
    return this.#seed;
  }

  /** Simulated time in epoch milliseconds. */
  now(): number {
    return this.clock.now();
  }

  /** Creates a parcel with a fresh tracking number from its carrier. */
  createParcel(spec: ParcelSpec): Parcel {
    const carrier = this.carriers.get(spec.carrier);
    if (carrier === undefined) {
      throw new Error(`unknown carrier ${spec.carrier}`);
    }
    const trackingNumber = carrier.issueTrackingNumber(
      this.parcels.nextSequence(`${carrier.id}:parcel`),
    );
    const parcel = createParcel({ ...spec, trackingNumber }, this.#seed, this.clock.now());
    this.parcels.add(parcel);
    return parcel;
  }

  /** Moves simulated time and plays every journey forward to the new instant. */
  advance(ms: number): number {
    const now = this.clock.advance(ms);
    this.parcels.advanceTo(now);
    return now;
  }

  /**
   * Forgets parcels (and with them their call counts), faults and identifiers, and puts
   * the clock back to its start: after a reset with the same seed, the same requests
   * give the same answers.
   */
  reset(seed?: string): void {
    if (seed !== undefined) {
      this.#seed = seed;
    }
    this.parcels.clear();
    this.faults.reset();
    this.clock.reset();
  }
}
