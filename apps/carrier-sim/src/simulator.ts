import type { CarrierModule, CarrierWorld } from './carriers/carrier-module.ts';
import { CARRIER_MODULES } from './carriers/index.ts';
import { SimClock } from './clock.ts';
import { FaultRegistry } from './faults/fault-registry.ts';
import { AccountCalls } from './model/account-calls.ts';
import { createParcel } from './model/create-parcel.ts';
import type { Money, Parcel } from './model/parcel.ts';
import { ParcelStore } from './model/parcel-store.ts';
import type { ExceptionSubStatus, SimStatus } from './model/statuses.ts';
import { TracedCalls } from './model/traced-calls.ts';
import { changeSince, type ParcelSnapshot, snapshotOf } from './push/parcel-snapshot.ts';
import { PushDispatcher } from './push/push-dispatcher.ts';
import type { PushTarget } from './push/push-types.ts';

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
  /** The carrier account that owns the parcel; absent or null: every account may act on it. */
  readonly account?: string | null;
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
  /** Pushes sent to receivers, with their answers. */
  readonly pushes = new PushDispatcher();
  /** Carrier requests that carried a W3C trace context (`GET /__sim/traced-calls`). */
  readonly tracedCalls = new TracedCalls();
  /** When each carrier account's calls arrived (`GET /__sim/account-calls`). */
  readonly accountCalls = new AccountCalls();
  /** Where each carrier pushes, by carrier id. */
  readonly pushTargets = new Map<string, PushTarget>();
  readonly #moduleState = new Map<string, unknown>();
  /** What each pushing carrier's parcels looked like when last pushed. */
  readonly #pushed = new WeakMap<Parcel, ParcelSnapshot>();
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

  /** {@inheritDoc CarrierWorld.moduleState} */
  moduleState<State>(key: string, create: () => State): State {
    if (!this.#moduleState.has(key)) {
      this.#moduleState.set(key, create());
    }
    return this.#moduleState.get(key) as State;
  }

  /**
   * Sends the pushes for what changed on a carrier's parcels since they were last pushed
   * (or created): after a clock advance for every carrier, after a request for its parcel.
   * Carriers without `renderPushes` cost nothing here.
   */
  collectPushes(carrierId?: string, trackingNumber?: string): void {
    for (const carrier of this.carriers.values()) {
      if (
        carrier.renderPushes === undefined ||
        (carrierId !== undefined && carrier.id !== carrierId)
      ) {
        continue;
      }
      const parcels =
        trackingNumber === undefined
          ? this.parcels.ofCarrier(carrier.id)
          : [this.parcels.get(carrier.id, trackingNumber)].filter((parcel) => parcel !== undefined);
      for (const parcel of parcels) {
        const before = this.#pushed.get(parcel) ?? snapshotOf(parcel);
        const change = changeSince(parcel, before);
        if (change === undefined) {
          continue;
        }
        this.#pushed.set(parcel, snapshotOf(parcel));
        const at = new Date(this.now()).toISOString();
        for (const message of carrier.renderPushes(
          change,
          this,
          this.pushTargets.get(carrier.id),
        )) {
          this.pushes.send(
            { carrier: carrier.id, trackingNumber: parcel.trackingNumber, at },
            message,
          );
        }
      }
    }
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
    const parcel = createParcel(
      { ...spec, account: spec.account ?? null, trackingNumber },
      this.#seed,
      this.clock.now(),
    );
    this.parcels.add(parcel);
    // A parcel's history before it was created is never pushed, only what follows.
    this.#pushed.set(parcel, snapshotOf(parcel));
    return parcel;
  }

  /** Moves simulated time and plays every journey forward to the new instant. */
  advance(ms: number): number {
    const now = this.clock.advance(ms);
    this.parcels.advanceTo(now);
    this.collectPushes();
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
    this.#moduleState.clear();
    this.pushTargets.clear();
    this.pushes.clear();
    this.tracedCalls.clear();
    this.accountCalls.clear();
  }
}
