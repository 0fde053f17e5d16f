import type { CarrierModule } from '../carriers/carrier-module.ts';
import { projectedDeliveryAt } from '../model/journey.ts';
import type { Parcel } from '../model/parcel.ts';
import { formatChinaTime } from '../time.ts';

/**
 * The control API's view of a parcel (`GET /__sim/parcels/{carrier}/{trackingNumber}`):
 * the carrier-neutral state, each event with the carrier's wire code beside it, the
 * intercept and redirects, and how many carrier operations reached the parcel (in all,
 * and by the account that made them).
 */
export function parcelView(parcel: Parcel, carrier: CarrierModule): unknown {
  const intercept = parcel.intercept;
  const projected = projectedDeliveryAt(parcel);
  return {
    carrier: parcel.carrier,
    trackingNumber: parcel.trackingNumber,
    account: parcel.account,
    status: parcel.status,
    subStatus: parcel.subStatus,
    category: parcel.category,
    declaredValue: parcel.declaredValue,
    origin: parcel.origin,
    destination: parcel.destination,
    nextStepAt: parcel.nextStepAt === null ? null : formatChinaTime(parcel.nextStepAt),
    estimatedDelivery: projected === null ? null : formatChinaTime(projected),
    events: parcel.events
      .map((event) => ({
        kind: event.kind,
        code: carrier.eventCode(event),
        subStatus: event.subStatus,
        time: formatChinaTime(event.at),
        location: event.location,
      }))
      .reverse(),
    intercept:
      intercept === null
        ? null
        : {
            id: intercept.id,
            reference: intercept.reference,
            reason: intercept.reason,
            state: intercept.state,
            createdAt: formatChinaTime(intercept.createdAt),
            updatedAt: formatChinaTime(intercept.updatedAt),
          },
    interceptAttempts: parcel.interceptAttempts,
    redirects: parcel.redirects.map((redirect) => ({
      id: redirect.id,
      reference: redirect.reference,
      destination: redirect.destination,
      state: redirect.state,
      createdAt: formatChinaTime(redirect.createdAt),
      updatedAt: formatChinaTime(redirect.updatedAt),
    })),
    calls: { ...parcel.calls },
    callsByAccount: Object.fromEntries(
      [...parcel.callsByAccount].map(([account, counts]) => [account, { ...counts }]),
    ),
  };
}
