import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The estimated time (ms) this request waited in its socket before it was read. */
    unseenWaitMs: number;
  }
}

/** Options of {@link UnseenWait}; the defaults suit the gateway. */
export interface UnseenWaitOptions {
  /** How often the loop's delay is sampled (ms). */
  readonly resolutionMs?: number;
  /** The estimate never exceeds this (ms): a stall is reported, not turned into 504s. */
  readonly ceilingMs?: number;
}

/**
 * How long a request may have waited in its socket before the gateway saw it. A budget is
 * the client's, counted from when its request arrived, but the gateway's clock for a request
 * starts when the event loop reads it: while the loop is busy (a burst of requests, their
 * queries and carrier calls), the bytes wait in the kernel unseen. Under the resilience
 * benchmark's load a packet capture put that wait at 15-120 ms, the whole of the lateness
 * the client saw beyond the gateway's own timings.
 *
 * Two parts, added up:
 * - before the loop's current turn: how late the loop last ran a sampling timer, that is
 *   how long its previous turn kept it from polling the sockets; near zero on a quiet loop;
 * - within the current turn: requests that arrive together (a hundred clients at once) are
 *   all handed over by one poll of the sockets and read one after another, after whatever
 *   else the poll returned, so the last one waited for all of it, and no timer ran in
 *   between to measure it. Every request of a turn was in the kernel when the turn polled,
 *   so its wait is at least the time since the turn began: since the sampling timer ran, when
 *   it ran in this turn, else since the turn's first request was read.
 *
 * Budgets are counted from arrival less this estimate: answering a few milliseconds early
 * costs nothing, answering late breaks the promise.
 */
export class UnseenWait {
  readonly #resolutionMs: number;
  readonly #ceilingMs: number;
  readonly #timer: NodeJS.Timeout;
  /** When the sampling timer last ran (performance.now()). */
  #sampledAt = performance.now();
  /** How late (ms) it ran then. */
  #lastDelayMs = 0;
  /** When the first request of the loop's current turn was read (performance.now()). */
  #turnStartedAt: number | undefined;
  readonly #endTurn = () => {
    this.#turnStartedAt = undefined;
  };

  constructor(options: UnseenWaitOptions = {}) {
    this.#resolutionMs = options.resolutionMs ?? 10;
    this.#ceilingMs = options.ceilingMs ?? 250;
    // A timer of its own rather than monitorEventLoopDelay: what counts is the latest delay,
    // the one just before this turn, not a distribution.
    this.#timer = setInterval(() => {
      const now = performance.now();
      this.#lastDelayMs = Math.max(0, now - this.#sampledAt - this.#resolutionMs);
      this.#sampledAt = now;
      // Timers run just before the loop polls its sockets: what the turn does after this
      // (database answers, carrier answers) comes before the requests it reads.
      this.#beginTurn(now);
    }, this.#resolutionMs);
    this.#timer.unref();
  }

  /**
   * The estimated wait (ms) of a request the gateway is reading now, before it saw it. Call
   * once per request, as it is read: the call marks the loop's turn.
   */
  requestRead(): number {
    const now = performance.now();
    const turnStartedAt = this.#beginTurn(now);
    return Math.min(this.#ceilingMs, this.#lastDelayMs + (now - turnStartedAt));
  }

  /** Marks the loop's current turn as begun at `now` unless it already is; returns when. */
  #beginTurn(now: number): number {
    if (this.#turnStartedAt === undefined) {
      this.#turnStartedAt = now;
      // Immediates run once the loop has handled the I/O of this turn.
      setImmediate(this.#endTurn);
    }
    return this.#turnStartedAt;
  }

  /** Stops sampling (at shutdown). */
  stop(): void {
    clearInterval(this.#timer);
  }
}

/**
 * Estimates each request's unseen wait as it is read (`request.unseenWaitMs`). Install it
 * before every other onRequest hook: one that awaits (authentication) would end the loop's
 * turn first.
 */
export function installUnseenWait(app: FastifyInstance): void {
  const unseenWait = new UnseenWait();
  app.decorateRequest('unseenWaitMs', 0);
  app.addHook('onRequest', (request, _reply, done) => {
    request.unseenWaitMs = unseenWait.requestRead();
    done();
  });
  app.addHook('onClose', async () => unseenWait.stop());
}
