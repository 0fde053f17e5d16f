import { projectedDeliveryAt } from '../../model/journey.ts';
import type { Parcel, ParcelEvent } from '../../model/parcel.ts';
import { formatChinaTime } from '../../time.ts';
import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { sandboxParcelFor } from './sandbox-accounts.ts';
import { authenticateSandbox } from './sandbox-auth.ts';
import { SANDBOX_STATUS_CODES, sandboxCodeOf } from './sandbox-codes.ts';
import { sandboxError } from './sandbox-errors.ts';

/** Sandbox recipients who sign for deliveries; picked per parcel from its tracking number. */
const SIGNERS = ['Li Lei', 'Han Meimei', 'Wang Fang', 'Zhang Wei', 'Chen Jing', 'Liu Yang'];

interface CachedTrack {
  readonly version: number;
  readonly response: CarrierResponse;
}

// Tracking is the hot path under load: render a parcel once per version, not per request.
const cache = new WeakMap<Parcel, CachedTrack>();

/** Answers a 404 in the sandbox's words for an unknown tracking number (or another account's). */
export function parcelNotFound(trackingNumber: string): CarrierResponse {
  return sandboxError(404, 'PARCEL_NOT_FOUND', `no parcel with tracking number ${trackingNumber}`);
}

/**
 * `GET /v1/parcels/{trackingNumber}`: the parcel with its events newest first; 404 for an
 * unknown parcel or another account's (sandbox-accounts.ts).
 */
export function handleSandboxTrack(request: CarrierRequest, world: CarrierWorld): CarrierResponse {
  const account = authenticateSandbox(request.headers);
  if (typeof account !== 'string') {
    return account;
  }
  const parcel = sandboxParcelFor(world, request.route.target, account, 'track');
  if (parcel === undefined) {
    return parcelNotFound(request.route.target);
  }
  const cached = cache.get(parcel);
  if (cached !== undefined && cached.version === parcel.version) {
    return cached.response;
  }
  const response = jsonResponse(200, renderSandboxParcel(parcel));
  cache.set(parcel, { version: parcel.version, response });
  return response;
}

/** The sandbox wire body of a parcel (docs/carriers/sandbox-api.md, GET /v1/parcels/{trackingNumber}). */
export function renderSandboxParcel(parcel: Parcel): unknown {
  const events = [];
  for (let index = parcel.events.length - 1; index >= 0; index--) {
    const event = parcel.events[index];
    if (event !== undefined) {
      events.push(renderEvent(event));
    }
  }
  const newest = parcel.events[parcel.events.length - 1];
  const deliveredAt = projectedDeliveryAt(parcel);
  return {
    trackingNumber: parcel.trackingNumber,
    statusCode: newest === undefined ? 'CR' : sandboxCodeOf(newest),
    estimatedDelivery: deliveredAt === null ? null : formatChinaTime(deliveredAt),
    destination: {
      city: parcel.destination.city,
      region: parcel.destination.region,
      country: parcel.destination.country,
      postalCode: parcel.destination.postalCode,
    },
    events,
    proofOfDelivery: proofOfDelivery(parcel, newest),
  };
}

function renderEvent(event: ParcelEvent): unknown {
  const code = sandboxCodeOf(event);
  return {
    code,
    description: SANDBOX_STATUS_CODES[code],
    time: formatChinaTime(event.at),
    location: { city: event.location.city, country: event.location.country },
  };
}

function proofOfDelivery(parcel: Parcel, newest: ParcelEvent | undefined): unknown {
  if (parcel.status !== 'delivered' || newest === undefined) {
    return null;
  }
  const number = Number(parcel.trackingNumber.slice(3)) || 0;
  return {
    signedBy: SIGNERS[number % SIGNERS.length],
    photoUrl: `https://pod.sandbox.parcelgate.invalid/${parcel.trackingNumber}.jpg`,
    deliveredAt: formatChinaTime(newest.at),
  };
}
