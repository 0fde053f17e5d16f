import { advanceParcel } from './journey.ts';
import type { Parcel } from './parcel.ts';

/**
 * Every simulated parcel, by carrier then tracking number (two map lookups, no key
 * string built per request), plus the carriers' intercept identifiers.
 */
export class ParcelStore {
  readonly #byCarrier = new Map<string, Map<string, Parcel>>();
  readonly #intercepts = new Map<string, Map<string, Parcel>>();
  readonly #sequences = new Map<string, number>();

  /** The parcel, or undefined when this carrier never issued the number. */
  get(carrier: string, trackingNumber: string): Parcel | undefined {
    return this.#byCarrier.get(carrier)?.get(trackingNumber);
  }

  /** Every parcel of one carrier. */
  ofCarrier(carrier: string): Iterable<Parcel> {
    return this.#byCarrier.get(carrier)?.values() ?? [];
  }

  /** Adds a parcel; its tracking number must be new for its carrier. */
  add(parcel: Parcel): void {
    let parcels = this.#byCarrier.get(parcel.carrier);
    if (parcels === undefined) {
      parcels = new Map();
      this.#byCarrier.set(parcel.carrier, parcels);
    }
    if (parcels.has(parcel.trackingNumber)) {
      throw new Error(`${parcel.carrier} parcel ${parcel.trackingNumber} already exists`);
    }
    parcels.set(parcel.trackingNumber, parcel);
  }

  /** Indexes an accepted intercept by the carrier's identifier for status queries. */
  addIntercept(carrier: string, interceptId: string, parcel: Parcel): void {
    let intercepts = this.#intercepts.get(carrier);
    if (intercepts === undefined) {
      intercepts = new Map();
      this.#intercepts.set(carrier, intercepts);
    }
    intercepts.set(interceptId, parcel);
  }

  /** The parcel an intercept identifier belongs to. */
  findByIntercept(carrier: string, interceptId: string): Parcel | undefined {
    return this.#intercepts.get(carrier)?.get(interceptId);
  }

  /**
   * Next number in a per-carrier sequence (1, 2, ...), used for tracking numbers and
   * operation identifiers; restarts on {@link ParcelStore.clear} so a reset replays.
   */
  nextSequence(name: string): number {
    const next = (this.#sequences.get(name) ?? 0) + 1;
    this.#sequences.set(name, next);
    return next;
  }

  /** Plays every parcel's journey forward to `now`. */
  advanceTo(now: number): void {
    for (const parcels of this.#byCarrier.values()) {
      for (const parcel of parcels.values()) {
        advanceParcel(parcel, now);
      }
    }
  }

  /** Number of parcels, all carriers together. */
  get size(): number {
    let size = 0;
    for (const parcels of this.#byCarrier.values()) {
      size += parcels.size;
    }
    return size;
  }

  /** Forgets every parcel, intercept and sequence. */
  clear(): void {
    this.#byCarrier.clear();
    this.#intercepts.clear();
    this.#sequences.clear();
  }
}
