import type { CarrierRegistry } from '../../carriers/carrier-registry.ts';
import { checkCarrierOptions } from '../../carriers/check-carrier-options.ts';
import { checkOperationOffered } from '../../carriers/check-operation-offered.ts';
import { checkTrackingNumber } from '../../carriers/check-tracking-number.ts';
import { type InvalidField, isProblemError, ProblemError } from '../../problems.ts';
import type { InterceptInput } from '../actions/intercept-kind.ts';

/**
 * Checks a batch's items as a single intercept's request would be checked before anything
 * is stored (the carrier is loaded, the tracking number could be its, the carrier options
 * are its), and refuses a parcel named twice: one batch intercepts a parcel once, and a
 * second item would only be refused `already_intercepted` behind the first. Every field at
 * fault is reported at once as a 400 `validation-failed`, at `/items/<index>/<field>`.
 * Items naming a carrier that offers no intercept by API are then refused together as
 * one 422 `operation-not-supported` (each at `/items/<index>/carrier`): no item is stored
 * and no carrier is called.
 */
export function checkBatchItems(
  carriers: Pick<CarrierRegistry, 'resolve'>,
  items: readonly InterceptInput[],
): void {
  const errors: InvalidField[] = [];
  const notOffered: ProblemError[] = [];
  const firstOf = new Map<string, number>();
  items.forEach((item, index) => {
    const at = `/items/${index}`;
    let definition: ReturnType<CarrierRegistry['resolve']>['definition'];
    try {
      definition = carriers.resolve(item.carrier).definition;
    } catch (error) {
      if (isProblemError(error) && error.problemType === 'unknown-carrier') {
        errors.push({ pointer: `${at}/carrier`, detail: 'is not a loaded carrier' });
        return;
      }
      throw error;
    }
    try {
      checkOperationOffered(definition, 'intercept', `${at}/carrier`);
    } catch (error) {
      if (!isProblemError(error)) {
        throw error;
      }
      notOffered.push(error);
    }
    for (const check of [
      () => checkTrackingNumber(definition, item.trackingNumber, `${at}/trackingNumber`),
      () =>
        checkCarrierOptions(definition, 'intercept', item.carrierOptions, `${at}/carrierOptions`),
    ]) {
      try {
        check();
      } catch (error) {
        if (!isProblemError(error) || error.extensions.errors === undefined) {
          throw error;
        }
        errors.push(...error.extensions.errors);
      }
    }
    const parcel = `${definition.id}\u0000${item.trackingNumber}`;
    const first = firstOf.get(parcel);
    if (first === undefined) {
      firstOf.set(parcel, index);
    } else {
      errors.push({
        pointer: `${at}/trackingNumber`,
        detail: `repeats item ${first} (the same carrier and tracking number)`,
      });
    }
  });
  if (errors.length > 0) {
    throw new ProblemError(
      'validation-failed',
      errors
        .slice(0, 20)
        .map((field) => `${field.pointer}: ${field.detail}`)
        .join('; '),
      { errors },
    );
  }
  const [first] = notOffered;
  if (first !== undefined) {
    throw new ProblemError(
      'operation-not-supported',
      notOffered.length === 1
        ? first.detail
        : `${first.detail} (and ${notOffered.length - 1} more items)`,
      {
        ...first.extensions,
        errors: notOffered.flatMap((problem) => problem.extensions.errors ?? []),
      },
    );
  }
}
