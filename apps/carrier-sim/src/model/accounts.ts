import type { CarrierWorld } from '../carriers/carrier-module.ts';
import { countOperation, isCountedOperation, type Parcel } from './parcel.ts';

/*
 * Carrier accounts. A parcel may be created with an `account`: the carrier account that
 * shipped it, written as the carrier identifies the caller of a request (sandbox: the API
 * key; UPS: the OAuth client id its bearer token was issued to; SF: the partnerID;
 * Kuaidi100: the customer). A parcel without one is every account's, as before accounts
 * existed. Whether a call by another account is refused, and how, is each carrier's
 * decision (its module); this only says whose the parcel is and counts the call.
 */

/**
 * Admits a call that `account` made on `parcel` after the carrier authenticated it:
 * records the call in the world's per-second log, counts it under the account (for the
 * counted operations: `track`, `intercept`, `redirect`, refused or not) and answers whether
 * the parcel is that account's, or nobody's. One map lookup: cheap enough for the tracking
 * hot path.
 */
export function admitAccount(
  world: Pick<CarrierWorld, 'accountCalls'>,
  parcel: Parcel,
  account: string,
  operation: string,
): boolean {
  world.accountCalls.record(parcel.carrier, account);
  return admitToParcel(parcel, account, operation);
}

/**
 * {@link admitAccount} for one parcel of a call that names several (FedEx's and USPS's
 * bulk tracking): the call is recorded once in the per-second log by its handler, each
 * parcel is counted and admitted here.
 */
export function admitToParcel(parcel: Parcel, account: string, operation: string): boolean {
  if (isCountedOperation(operation)) {
    let counts = parcel.callsByAccount.get(account);
    if (counts === undefined) {
      counts = { track: 0, intercept: 0, redirect: 0 };
      parcel.callsByAccount.set(account, counts);
    }
    countOperation(counts, operation);
  }
  return parcel.account === null || parcel.account === account;
}
