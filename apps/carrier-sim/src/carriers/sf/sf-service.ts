import type { Parcel } from '../../model/parcel.ts';

/** A request that passed SF's gateway checks: the business message parsed. */
export interface SfServiceRequest {
  readonly serviceCode: string;
  readonly msgData: Readonly<Record<string, unknown>>;
}

/**
 * Counts a request against its parcel, as the server does for carriers whose path names
 * the parcel: SF names it only in the body, which the server's router cannot see.
 */
export function countSfCall(parcel: Parcel, operation: 'track' | 'intercept' | 'redirect'): void {
  parcel.calls[operation]++;
}
