import type { CarrierOperation } from './capabilities.ts';

/**
 * One option a request may set in `carrierOptions`, declared by the adapter.
 *
 * Only facts about the parcel or harmless hints belong here (Kuaidi100's `com`, which
 * carrier issued the number). Anything that moves money or parcels (who pays, a billing
 * account, a return address, a partner id) is a setting of the connection, declared in
 * `credentials`, and never a request option: a request must not redirect either.
 *
 * @example
 * ```ts
 * { key: 'com', description: 'Kuaidi100 company code of the carrier that issued the number',
 *   operations: ['track', 'intercept', 'redirect'], pattern: '^[A-Za-z0-9_]{2,40}$',
 *   example: 'zhongtong' }
 * ```
 */
export interface RequestOptionField {
  /** Key in `carrierOptions`, camelCase, at most 32 characters, e.g. `com`. */
  readonly key: string;
  /** What the option means, for the carriers listing (`GET /v1/carriers`) and docs. */
  readonly description: string;
  /** The operations whose requests may carry it; the gateway refuses it on any other. */
  readonly operations: readonly CarrierOperation[];
  /**
   * A regular expression (its source, compiled with the `u` flag) the whole value must
   * match; anchor it with `^` and `$`. Give either `pattern` or `values`, or neither.
   */
  readonly pattern?: string;
  /** The only values allowed, when the option is a choice. */
  readonly values?: readonly string[];
  /** A valid value, shown to callers and used by the conformance suite. */
  readonly example?: string;
}

/** Every option an adapter lets requests set. */
export type RequestOptionSpec = readonly RequestOptionField[];

/** One option of a request that the adapter does not accept, or a value it refuses. */
export interface RequestOptionProblem {
  /** The option's key in `carrierOptions`. */
  readonly key: string;
  /** Why it is refused, in words a caller understands. */
  readonly detail: string;
}

/**
 * The options in a request that the adapter did not declare for `operation`, and the
 * values that fail their declared `pattern` or `values`; empty when all are acceptable.
 * The gateway answers each as a validation error before anything is stored or sent.
 *
 * @example
 * ```ts
 * findRequestOptionProblems(sfCarrier.requestOptions, 'intercept', { returnAddress: 'x' });
 * // [{ key: 'returnAddress', detail: 'is not an option sf accepts on intercept requests' }]
 * ```
 */
export function findRequestOptionProblems(
  declared: RequestOptionSpec | undefined,
  operation: CarrierOperation,
  options: Readonly<Record<string, string>> | undefined,
  carrierName = 'this carrier',
): RequestOptionProblem[] {
  const problems: RequestOptionProblem[] = [];
  for (const [key, value] of Object.entries(options ?? {})) {
    const field = declared?.find((candidate) => candidate.key === key);
    if (field === undefined || !field.operations.includes(operation)) {
      problems.push({
        key,
        detail: `is not an option ${carrierName} accepts on ${operation} requests${acceptedList(declared, operation)}`,
      });
    } else if (field.values !== undefined && !field.values.includes(value)) {
      problems.push({ key, detail: `must be one of ${field.values.join(', ')}` });
    } else if (field.pattern !== undefined && !new RegExp(field.pattern, 'u').test(value)) {
      problems.push({ key, detail: `must match ${field.pattern}` });
    }
  }
  return problems;
}

/** The keys declared for an operation, as the end of a refusal, so a caller can fix it. */
function acceptedList(declared: RequestOptionSpec | undefined, operation: CarrierOperation) {
  const keys = (declared ?? [])
    .filter((field) => field.operations.includes(operation))
    .map((field) => field.key);
  return keys.length === 0 ? ' (it accepts none)' : ` (it accepts ${keys.join(', ')})`;
}
