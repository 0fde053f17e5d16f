/**
 * The targets `overhead.ts` checks, each a bound on a figure of one row of its results:
 * ratios to a baseline measured in the same run, never absolute times.
 */

/** One target: `row.field` must be at least (`min`) or at most (`max`) `bound`. */
export interface Target {
  readonly row: string;
  readonly field: string;
  readonly min?: number;
  readonly max?: number;
}

/** What a target came to in one run; `met` is undefined when the row was not measured. */
export interface Verdict {
  readonly target: string;
  readonly value: number | undefined;
  readonly met: boolean | undefined;
}

const perDatabase = (row: string) => [row, `${row}Pglite`];

/** The targets: tracking, cached tracking, intercepts, memory. */
export const TARGETS: readonly Target[] = [
  ...perDatabase('tracking').flatMap((row) => [
    { row, field: 'ratio', min: 0.8 },
    { row, field: 'p99DeltaMs', max: 5 },
  ]),
  ...perDatabase('trackingCached').map((row) => ({ row, field: 'ratio', min: 1.2 })),
  { row: 'interceptsPostgres', field: 'ratio', min: 0.5 },
  { row: 'interceptsPglite', field: 'ratio', min: 0.5 },
  { row: 'memory', field: 'rssEndMb', max: 300 },
  { row: 'memory', field: 'growthPct', max: 10 },
  { row: 'memoryPglite', field: 'rssEndMb', max: 500 },
  { row: 'memoryPglite', field: 'growthPct', max: 10 },
];

/** Each target against `results` (rows by name, figures by field). */
export function verdicts(
  results: Readonly<Record<string, unknown>>,
  targets: readonly Target[],
): Verdict[] {
  return targets.map((target) => {
    const row = results[target.row] as Record<string, unknown> | undefined;
    const value = row?.[target.field];
    const bound = target.min === undefined ? `<= ${target.max}` : `>= ${target.min}`;
    const name = `${target.row}.${target.field} ${bound}`;
    if (typeof value !== 'number') {
      return { target: name, value: undefined, met: undefined };
    }
    const met =
      (target.min === undefined || value >= target.min) &&
      (target.max === undefined || value <= target.max);
    return { target: name, value, met };
  });
}
