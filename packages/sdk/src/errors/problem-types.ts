import { PROBLEM_TYPE_BASE, PROBLEM_TYPES, type ProblemType } from '../generated/problem-types.ts';

// The table is generated from the OpenAPI document's `x-problem-types`, which the gateway
// writes from its own table: one definition, no hand-kept copy (`pnpm sdk:check` fails on drift).
export { PROBLEM_TYPE_BASE, PROBLEM_TYPES, type ProblemType };

/** The slug of a problem `type` URI, or undefined when it is not one of Parcelgate's. */
export function problemTypeOf(typeUri: string): ProblemType | undefined {
  if (!typeUri.startsWith(PROBLEM_TYPE_BASE)) {
    return undefined;
  }
  const slug = typeUri.slice(PROBLEM_TYPE_BASE.length);
  return Object.hasOwn(PROBLEM_TYPES, slug) ? (slug as ProblemType) : undefined;
}
