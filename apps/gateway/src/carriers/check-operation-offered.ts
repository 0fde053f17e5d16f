import type { CarrierDefinition } from '@parcelgate/carrier-kit';
import { operationAvailability } from '../policy/operation-availability.ts';
import { ProblemError } from '../problems.ts';

/** Where the carrier is named in an action's JSON body. */
export const BODY_CARRIER = '/carrier';

/**
 * Refuses an intercept or a redirect to a carrier that offers none by API, as a 422
 * `operation-not-supported` naming the capability, the carrier's reason and where a person
 * can do it (its `offApi` page), with the field at fault (`at`, the body's `carrier`).
 * The one check every way of asking for an action goes through (single requests, batches,
 * order-event automation), before anything is stored or any carrier is called.
 */
export function checkOperationOffered(
  carrier: Pick<CarrierDefinition, 'id' | 'displayName' | 'capabilities'>,
  operation: 'intercept' | 'redirect',
  at: string = BODY_CARRIER,
): void {
  const availability = operationAvailability(carrier.capabilities)[operation];
  if (availability.byApi) {
    return;
  }
  const where = availability.url === undefined ? '' : ` (${availability.url})`;
  throw new ProblemError(
    'operation-not-supported',
    `${carrier.displayName} offers no ${operation} API: ${availability.reason}${where}.`,
    {
      carrier: carrier.id,
      capability: operation,
      availability,
      errors: [{ pointer: at, detail: `${carrier.id} offers no ${operation} by API` }],
    },
  );
}
