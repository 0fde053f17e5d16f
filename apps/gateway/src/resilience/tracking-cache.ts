import type { MonotonicClock } from './sliding-window.ts';

/** What one reader asks of the cache. */
export interface CacheRead<Result> {
  readonly key: string;
  /** Starts the shared load; `signal` aborts when every reader has left. */
  readonly load: (signal: AbortSignal) => Promise<Result>;
  /** This reader's own deadline: it stops waiting then, even if the load goes on. */
  readonly waitMs: number;
  /** This reader left (its client hung up). */
  readonly signal?: AbortSignal | undefined;
}

/** How a read was answered. */
export type CacheAnswer<Result> =
  | { readonly source: 'cache' | 'load' | 'shared'; readonly result: Result }
  | { readonly source: 'timeout' };

interface Flight<Result> {
  readonly promise: Promise<Result>;
  readonly controller: AbortController;
  readers: number;
}

/** How the cache keeps results. */
export interface TrackingCacheOptions<Result> {
  /** How long a result is served from memory; 0 turns caching off (coalescing stays). */
  readonly ttlMs: number;
  /** Only these results are kept (successes, not failures). */
  readonly cacheable: (result: Result) => boolean;
  /** Bounds memory; the oldest entries go first. */
  readonly maxEntries?: number;
  readonly now: MonotonicClock;
}

/**
 * A short-lived cache of tracking reads with request coalescing: a burst of identical
 * reads costs the carrier one call. Readers that arrive while a load is in flight join it
 * instead of starting their own; each still waits only until its own deadline, and the
 * load is aborted only once every reader has left, so one impatient client cannot fail the
 * others. Only successful reads are cached, for `ttlMs`.
 */
export class TrackingCache<Result> {
  readonly #options: TrackingCacheOptions<Result>;
  readonly #entries = new Map<string, { readonly result: Result; readonly expiresAt: number }>();
  readonly #flights = new Map<string, Flight<Result>>();

  constructor(options: TrackingCacheOptions<Result>) {
    this.#options = options;
  }

  /** Answers from the cache, an in-flight load, or a new load. */
  async read(read: CacheRead<Result>): Promise<CacheAnswer<Result>> {
    const cached = this.#entries.get(read.key);
    if (cached !== undefined) {
      if (cached.expiresAt > this.#options.now()) {
        return { source: 'cache', result: cached.result };
      }
      this.#entries.delete(read.key);
    }
    let flight = this.#flights.get(read.key);
    const joined = flight !== undefined;
    if (flight === undefined) {
      flight = this.#start(read);
    }
    flight.readers += 1;
    const answer = await this.#wait(flight, read);
    return answer === undefined
      ? { source: 'timeout' }
      : { source: joined ? 'shared' : 'load', result: answer.result };
  }

  /**
   * The cached result of a key, if fresh; never starts a load. For readers that load many
   * keys in one call (bulk tracking) and ask only for the ones not held.
   */
  peek(key: string): Result | undefined {
    const cached = this.#entries.get(key);
    if (cached === undefined) {
      return undefined;
    }
    if (cached.expiresAt > this.#options.now()) {
      return cached.result;
    }
    this.#entries.delete(key);
    return undefined;
  }

  /** Keeps a result loaded outside `read()` (one of a bulk call's), as a load would. */
  remember(key: string, result: Result): void {
    if (this.#options.ttlMs > 0 && this.#options.cacheable(result)) {
      this.#store(key, result);
    }
  }

  /** Forgets a key, e.g. when an intercept is about to change the parcel. */
  invalidate(key: string): void {
    this.#entries.delete(key);
  }

  /** Entries and flights held, for tests. */
  get size(): { readonly entries: number; readonly flights: number } {
    return { entries: this.#entries.size, flights: this.#flights.size };
  }

  #start(read: CacheRead<Result>): Flight<Result> {
    const controller = new AbortController();
    const promise = read.load(controller.signal).then((result) => {
      if (this.#options.ttlMs > 0 && this.#options.cacheable(result)) {
        this.#store(read.key, result);
      }
      return result;
    });
    const flight: Flight<Result> = { promise, controller, readers: 0 };
    this.#flights.set(read.key, flight);
    // The flight ends for everyone at once; later readers start a new one (or hit the cache).
    void promise.then(
      () => this.#flights.delete(read.key),
      () => this.#flights.delete(read.key),
    );
    return flight;
  }

  async #wait(flight: Flight<Result>, read: CacheRead<Result>) {
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const gaveUp = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), Math.max(0, read.waitMs));
      onAbort = () => resolve(undefined);
      read.signal?.addEventListener('abort', onAbort, { once: true });
      if (read.signal?.aborted) {
        resolve(undefined);
      }
    });
    try {
      return await Promise.race([flight.promise.then((result) => ({ result })), gaveUp]);
    } finally {
      clearTimeout(timer);
      if (onAbort !== undefined) {
        read.signal?.removeEventListener('abort', onAbort);
      }
      flight.readers -= 1;
      if (flight.readers === 0 && this.#flights.get(read.key) === flight) {
        // Nobody is waiting any more: stop spending the carrier's time on it.
        flight.controller.abort(new DOMException('every reader left', 'AbortError'));
      }
    }
  }

  #store(key: string, result: Result): void {
    this.#entries.delete(key);
    this.#entries.set(key, { result, expiresAt: this.#options.now() + this.#options.ttlMs });
    const max = this.#options.maxEntries ?? 10_000;
    while (this.#entries.size > max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.#entries.delete(oldest);
    }
  }
}
