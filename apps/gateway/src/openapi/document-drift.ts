/** How the committed document compares with the one generated from the route schemas. */
export type DocumentDrift =
  | { readonly identical: true }
  | { readonly identical: false; readonly summary: string };

/** Lines of context shown around the first difference. */
const CONTEXT_LINES = 3;
/** At most this many changed lines are printed from each side. */
const MAX_SHOWN = 20;

/**
 * Compares the committed document with a freshly generated one. When they differ, the
 * summary names the changed region (from the first to the last differing line) and shows
 * it as a small diff, so a CI log says what drifted without a checkout.
 */
export function compareDocuments(committed: string, generated: string): DocumentDrift {
  if (committed === generated) {
    return { identical: true };
  }
  const before = committed.split('\n');
  const after = generated.split('\n');
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) {
    start += 1;
  }
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore -= 1;
    endAfter -= 1;
  }
  const removed = before.slice(start, endBefore);
  const added = after.slice(start, endAfter);
  const context = before.slice(Math.max(0, start - CONTEXT_LINES), start);
  const lines = [
    `openapi/parcelgate.yaml is out of date: lines ${start + 1}-${endBefore} of the committed file differ from the route schemas (${removed.length} committed, ${added.length} generated).`,
    ...context.map((line) => `  ${line}`),
    ...shown(removed, '- '),
    ...shown(added, '+ '),
    'Run `pnpm openapi:generate` and commit openapi/parcelgate.yaml.',
  ];
  return { identical: false, summary: lines.join('\n') };
}

function shown(lines: readonly string[], prefix: string): string[] {
  const head = lines.slice(0, MAX_SHOWN).map((line) => `${prefix}${line}`);
  return lines.length > MAX_SHOWN
    ? [...head, `${prefix}... ${lines.length - MAX_SHOWN} more lines`]
    : head;
}
