import { admitAccount } from '../../model/accounts.ts';
import type { Parcel } from '../../model/parcel.ts';
import type { CarrierWorld } from '../carrier-module.ts';

/**
 * The sandbox parcel a request names, as the calling account may see it: undefined when
 * the sandbox never issued the number **or** the parcel belongs to another account. The
 * account is the whole API key (sandbox-auth.ts).
 *
 * Source: docs/carriers/sandbox-api.md documents one answer for a parcel a caller cannot
 * have, 404 `PARCEL_NOT_FOUND` ("Unknown tracking number", and "404 unknown parcel, as
 * above" for intercepts, redirects and both lookups); it has no 403 per parcel. So another
 * account's parcel is answered exactly like an unknown one, on every route that names a
 * parcel (track, intercept, redirect, the lookups by reference), which also keeps its
 * existence from leaking. Intercept ids work the same way (`INTERCEPT_NOT_FOUND`).
 */
export function sandboxParcelFor(
  world: CarrierWorld,
  trackingNumber: string,
  account: string,
  operation: string,
): Parcel | undefined {
  const parcel = world.parcels.get('sandbox', trackingNumber);
  return parcel !== undefined && admitAccount(world, parcel, account, operation)
    ? parcel
    : undefined;
}
