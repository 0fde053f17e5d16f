/** One problem in a policy document, located by an RFC 6901 JSON pointer. */
export interface PolicyProblem {
  readonly pointer: string;
  readonly message: string;
}

/** The problems found so far; validators append to it so every problem is reported. */
export type Problems = PolicyProblem[];

/** A JSON object whose fields are not checked yet. */
export type Fields = Record<string, unknown>;

/** Escapes one reference token (RFC 6901): `~` then `/`. */
export function token(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The value as an object with only `allowed` keys (any key when absent), reporting the rest. */
export function fields(
  value: unknown,
  at: string,
  allowed: readonly string[] | undefined,
  problems: Problems,
): Fields | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ pointer: at, message: 'must be an object' });
    return undefined;
  }
  for (const key of Object.keys(value).filter((key) => !(allowed?.includes(key) ?? true))) {
    problems.push({ pointer: `${at}/${token(key)}`, message: 'is not a policy setting' });
  }
  return value as Fields;
}

/** The value as an array; absent is empty, anything else is reported. */
export function list(value: unknown, at: string, problems: Problems): unknown[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    problems.push({ pointer: at, message: 'must be an array' });
    return [];
  }
  return value;
}
