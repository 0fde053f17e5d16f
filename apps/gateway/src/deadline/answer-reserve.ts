/** How the reserve adapts. */
export interface AnswerReserveOptions {
  /** Never less than this (PARCELGATE_ANSWER_RESERVE_MS). */
  readonly floorMs: number;
  /** Never more than this: past it the carrier would get too little of any budget. */
  readonly ceilingMs: number;
  /** Weight of each new observation in the moving average (0..1). */
  readonly alpha?: number;
}

/**
 * How much of a budget to keep back for what follows the carrier's answer: storing the
 * attempt and the outcome, queueing reconciliation, answering. It is the configured floor
 * while the gateway is idle, and grows with the measured time from the end of the last
 * carrier call to the response under load, when many answers queue for the database at
 * once (a wave of timeouts all expiring together). Twice the moving average, so a
 * request slower than average still makes its deadline.
 */
export class AnswerReserve {
  readonly #options: AnswerReserveOptions;
  #averageMs = 0;

  constructor(options: AnswerReserveOptions) {
    this.#options = options;
  }

  /** Records how long one request took from its last carrier answer to its response. */
  observe(afterCallMs: number): void {
    const alpha = this.#options.alpha ?? 0.1;
    this.#averageMs += alpha * (Math.max(0, afterCallMs) - this.#averageMs);
  }

  /** The reserve to apply now. */
  currentMs(): number {
    const adaptive = Math.ceil(2 * this.#averageMs);
    return Math.min(this.#options.ceilingMs, Math.max(this.#options.floorMs, adaptive));
  }
}
