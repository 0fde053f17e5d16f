/** The longest wait between two checks, in multiples of the interval (2^6 = 64). */
const MAX_DOUBLINGS = 6;

/**
 * How long to wait before check number `run` (0 for the first after a change): the
 * interval, doubled per unchanged check up to 64 times the interval, with ±10 % jitter so
 * actions created together do not keep asking the carrier together. An action that just
 * changed is followed closely again; one that stays quiet costs ever fewer calls.
 */
export function reconcileDelayMs(intervalMs: number, run: number, random = Math.random): number {
  const base = intervalMs * 2 ** Math.min(Math.max(run, 0), MAX_DOUBLINGS);
  return Math.round(base * (0.9 + 0.2 * random()));
}

/** The longest delay {@link reconcileDelayMs} can give for this interval. */
export function maxReconcileDelayMs(intervalMs: number): number {
  return Math.ceil(intervalMs * 2 ** MAX_DOUBLINGS * 1.1);
}
