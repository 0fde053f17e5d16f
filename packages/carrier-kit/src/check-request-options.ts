import { CARRIER_OPERATIONS } from './capabilities.ts';

type Fields = Record<string, unknown>;

/** Request option keys: camelCase and short, a subset of what the gateway's schema takes. */
const KEY_PATTERN = /^[a-z][A-Za-z0-9]{0,31}$/;
const OPERATIONS: ReadonlySet<unknown> = new Set(CARRIER_OPERATIONS);

/**
 * Checks a definition's `requestOptions`: well-formed keys, each once, none shadowing a
 * credential (a connection setting a request must never override), operations the
 * capabilities support, and a compilable, anchored `pattern` or a list of `values` that
 * the `example` satisfies. Returns one message per problem.
 */
export function checkRequestOptions(
  requestOptions: unknown,
  credentials: unknown,
  capabilities: unknown,
): string[] {
  if (requestOptions === undefined) {
    return [];
  }
  if (!Array.isArray(requestOptions)) {
    return ['requestOptions must be an array (empty when requests may set none)'];
  }
  const credentialKeys = new Set(
    Array.isArray(credentials)
      ? credentials.flatMap((field: unknown) =>
          isFields(field) && typeof field.key === 'string' ? [field.key] : [],
        )
      : [],
  );
  const supported = new Set<unknown>(
    CARRIER_OPERATIONS.filter(
      (operation) =>
        operation === 'track' || (isFields(capabilities) && capabilities[operation] !== undefined),
    ),
  );
  const seen = new Set<string>();
  return requestOptions.flatMap((field: unknown, index) => {
    if (!isFields(field) || typeof field.key !== 'string' || !KEY_PATTERN.test(field.key)) {
      return [`requestOptions[${index}].key must be camelCase, at most 32 characters`];
    }
    const at = `requestOptions[${index}] (${field.key})`;
    const problems: string[] = [];
    if (seen.has(field.key)) {
      problems.push(`${at} is declared twice`);
    }
    seen.add(field.key);
    if (credentialKeys.has(field.key)) {
      problems.push(
        `${at} has the key of a credential: connection settings cannot be set per request`,
      );
    }
    if (typeof field.description !== 'string' || field.description.trim() === '') {
      problems.push(`${at}.description is missing`);
    }
    problems.push(...checkOperations(at, field.operations, supported));
    problems.push(...checkValueRule(at, field));
    return problems;
  });
}

function checkOperations(at: string, operations: unknown, supported: Set<unknown>): string[] {
  if (!Array.isArray(operations) || operations.length === 0) {
    return [`${at}.operations must list track, intercept or redirect`];
  }
  return operations.flatMap((operation: unknown, index) => {
    if (!OPERATIONS.has(operation)) {
      return [`${at}.operations[${index}] must be track, intercept or redirect`];
    }
    if (operations.indexOf(operation) !== index) {
      return [`${at}.operations lists ${String(operation)} twice`];
    }
    return supported.has(operation)
      ? []
      : [`${at}.operations names ${String(operation)}, which capabilities do not declare`];
  });
}

function checkValueRule(at: string, field: Fields): string[] {
  const { pattern, values, example } = field;
  if (pattern !== undefined && values !== undefined) {
    return [`${at} gives both pattern and values: give one`];
  }
  let accepts: (value: string) => boolean = () => true;
  if (values !== undefined) {
    if (
      !Array.isArray(values) ||
      values.length === 0 ||
      !values.every((value) => typeof value === 'string' && value !== '') ||
      new Set(values).size !== values.length
    ) {
      return [`${at}.values must list distinct non-empty strings`];
    }
    accepts = (value) => values.includes(value);
  }
  if (pattern !== undefined) {
    if (typeof pattern !== 'string' || !pattern.startsWith('^') || !pattern.endsWith('$')) {
      return [`${at}.pattern must be a regular expression source anchored with ^ and $`];
    }
    let compiled: RegExp;
    try {
      compiled = new RegExp(pattern, 'u');
    } catch {
      return [`${at}.pattern does not compile as a regular expression`];
    }
    accepts = (value) => compiled.test(value);
  }
  if (example !== undefined && (typeof example !== 'string' || !accepts(example))) {
    return [`${at}.example must be a value the option accepts`];
  }
  return [];
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
