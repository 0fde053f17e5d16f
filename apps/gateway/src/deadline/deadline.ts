/** How a {@link Deadline.child} is narrowed. */
export interface ChildDeadlineOptions {
  /** The child ends at most this long from now (ms): a step's own budget, a per-try timeout. */
  readonly capMs?: number;
  /**
   * Kept back from the parent's end for what follows the child's work (storing, answering);
   * by default the deadline's adaptive answer reserve.
   */
  readonly reserveMs?: number;
}

/**
 * What a request's deadlines share: the reserve kept back for answering, and when its last
 * carrier call ended (to teach that reserve how long answering takes).
 */
export interface DeadlineTrace {
  /** The reserve to keep back now (ms). */
  reserveMs(): number;
  /** When the request's last carrier call ended (performance.now()), if it made one. */
  carrierCallEndedAt: number | undefined;
}

/** A trace with no reserve: for deadlines no answer waits on (background jobs, tests). */
export function plainTrace(): DeadlineTrace {
  return { reserveMs: () => 0, carrierCallEndedAt: undefined };
}

/**
 * When something must be done by: a request's answer, one step of it, or a job's carrier
 * call. One object per request (`request.deadline`), counted from the request's arrival;
 * every step takes a {@link child} of it, which ends no later than its parent, so no step
 * can spend time its caller does not have. Times are on the monotonic clock
 * (`performance.now()`), so a wall-clock jump cannot stretch or cut a budget.
 */
export class Deadline {
  readonly #endsAt: number;
  readonly #trace: DeadlineTrace;
  #answerBy: number | undefined;

  /**
   * A deadline ending at `endsAt` (performance.now() timeline). Prefer {@link Deadline.in}
   * or a request's `deadline` and its children.
   */
  constructor(endsAt: number, trace: DeadlineTrace = plainTrace()) {
    this.#endsAt = endsAt;
    this.#trace = trace;
  }

  /** A deadline `totalMs` from now (never negative), for work no request waits on. */
  static in(totalMs: number, trace?: DeadlineTrace): Deadline {
    return new Deadline(performance.now() + Math.max(0, totalMs), trace);
  }

  /** When it ends, on the performance.now() timeline. */
  get endsAt(): number {
    return this.#endsAt;
  }

  /** What is left (ms), never below zero. */
  remainingMs(): number {
    return Math.max(0, this.#endsAt - performance.now());
  }

  /**
   * A deadline inside this one: it ends at the sooner of this one's end less the reserve
   * and `capMs` from now.
   */
  child(options: ChildDeadlineOptions = {}): Deadline {
    const reserveMs = options.reserveMs ?? this.#trace.reserveMs();
    const capped =
      options.capMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + options.capMs;
    return new Deadline(Math.min(this.#endsAt - Math.max(0, reserveMs), capped), this.#trace);
  }

  /**
   * When the answer must be out, in epoch ms (`Date.now()` terms): hooks that could hold an
   * answer back (storing an Idempotency-Key's record) let it go by then.
   */
  get answerBy(): number {
    return this.#answerBy ?? performance.timeOrigin + this.#endsAt;
  }

  /**
   * Brings {@link answerBy} forward (never back): the answer guard fires early when many
   * answers fall due together, and what holds the answer must let go then too.
   */
  answerNoLaterThan(epochMs: number): void {
    this.#answerBy = Math.min(this.answerBy, epochMs);
  }

  /** When the last carrier call under this deadline's request ended, if one did. */
  get carrierCallEndedAt(): number | undefined {
    return this.#trace.carrierCallEndedAt;
  }

  /** Marks the end of a carrier call made under this deadline (or a parent of it). */
  carrierCallEnded(at: number = performance.now()): void {
    this.#trace.carrierCallEndedAt = at;
  }
}
