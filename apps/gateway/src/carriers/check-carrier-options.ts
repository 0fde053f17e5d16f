import {
  type CarrierDefinition,
  type CarrierOperation,
  findRequestOptionProblems,
} from '@parcelgate/carrier-kit';
import { token } from '../policy/validation-helpers.ts';
import { type InvalidField, ProblemError } from '../problems.ts';

/** Where `carrierOptions` sits in a JSON body; tracking's query uses `/query/carrierOptions`. */
export const BODY_CARRIER_OPTIONS = '/carrierOptions';

/** Where tracking's deepObject query parameter `carrierOptions[...]` is pointed at. */
export const QUERY_CARRIER_OPTIONS = '/query/carrierOptions';

/**
 * Refuses, as a 400 `validation-failed` naming each key at `<at>/<key>`, every option the
 * carrier's adapter does not declare for `operation` and every value failing its declared
 * `pattern` or `values`. Called by the services before anything is stored or any carrier
 * is asked, so a request can never hand an adapter a setting that belongs to the
 * connection (who pays, where a parcel goes).
 */
export function checkCarrierOptions(
  carrier: Pick<CarrierDefinition, 'displayName' | 'requestOptions'>,
  operation: CarrierOperation,
  options: Readonly<Record<string, string>> | null | undefined,
  at: string = BODY_CARRIER_OPTIONS,
): void {
  const problems = findRequestOptionProblems(
    carrier.requestOptions,
    operation,
    options ?? undefined,
    carrier.displayName,
  );
  if (problems.length === 0) {
    return;
  }
  const errors = problems.map(
    ({ key, detail }): InvalidField => ({ pointer: `${at}/${token(key)}`, detail }),
  );
  throw new ProblemError(
    'validation-failed',
    errors.map((field) => `${field.pointer}: ${field.detail}`).join('; '),
    { errors },
  );
}
