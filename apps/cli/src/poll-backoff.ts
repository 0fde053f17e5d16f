/**
 * The pause between two reads of something that changes on its own time (an intercept, a
 * batch, the event log): short while it moves, growing while nothing happens, capped so a
 * change is never seen much later than it happened.
 */
export interface PollBackoff {
  /** The pause before the next read. */
  next(): number;
  /** Something changed: start again from the shortest pause. */
  reset(): void;
}

/** Pauses from `minMs`, times 1.5 after each quiet read, up to `maxMs`. */
export function pollBackoff(minMs: number, maxMs: number): PollBackoff {
  let current = minMs;
  return {
    next() {
      const pause = current;
      current = Math.min(maxMs, Math.round(current * 1.5));
      return pause;
    },
    reset() {
      current = minMs;
    },
  };
}
