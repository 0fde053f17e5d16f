import { admitAccount } from '../../model/accounts.ts';
import { projectedDeliveryAt } from '../../model/journey.ts';
import type { Parcel, ParcelEvent, Place } from '../../model/parcel.ts';
import type { CarrierRequest, CarrierWorld, RouteIdentity } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { dhlStatusOf } from './dhl-codes.ts';
import { dhlProblem } from './dhl-errors.ts';

/** API keys the simulator accepts: anything starting with this (the adapter's sandbox default is one). */
export const DHL_SIM_KEY_PREFIX = 'dhl-sim-';

/** Receivers who sign for deliveries; picked per parcel from its number. */
const SIGNERS = ['J. Smith', 'M. Garcia', 'L. Chen', 'A. Johnson', 'K. Nguyen'];

const UNAUTHORIZED = dhlProblem(401, 'Unauthorized', 'Unauthorized for given resource.');
const MISSING_NUMBER = dhlProblem(400, 'Bad Request', 'Parameter trackingNumber is required.');
const NO_RESULT = dhlProblem(
  404,
  'No result found',
  'No shipment with given tracking number found.',
);

interface CachedTrack {
  readonly version: number;
  readonly response: CarrierResponse;
}

// Tracking is the hot path: render a parcel once per version, not per request.
const cache = new WeakMap<Parcel, CachedTrack>();

/** The tracking number and division a query names. */
function readQuery(query: string): {
  readonly trackingNumber: string;
  readonly service: string | null;
} {
  const params = new URLSearchParams(query);
  return { trackingNumber: params.get('trackingNumber') ?? '', service: params.get('service') };
}

/** The parcel a `GET /track/shipments` names, so faults and counts reach it. */
export function identifyDhlTrack(_body: Buffer, query: string): RouteIdentity | undefined {
  const { trackingNumber } = readQuery(query);
  return trackingNumber === '' ? undefined : { operation: 'track', trackingNumber };
}

/**
 * `GET /track/shipments?trackingNumber=...` (Shipment Tracking - Unified, `getShipments`):
 * the `DHL-API-Key` checked, then the parcel as `supermodelIoLogisticsTrackingShipments`.
 * Every simulated parcel is a DHL Express shipment, so a `service` other than `express`
 * finds nothing, as DHL answers a number asked under another division. Unknown numbers
 * get DHL's 404 problem "No result found".
 */
export function handleDhlTrack(request: CarrierRequest, world: CarrierWorld): CarrierResponse {
  const key = request.headers['dhl-api-key'];
  if (typeof key !== 'string' || !key.startsWith(DHL_SIM_KEY_PREFIX)) {
    return UNAUTHORIZED;
  }
  const { trackingNumber, service } = readQuery(request.query);
  if (trackingNumber === '') {
    return MISSING_NUMBER;
  }
  const parcel = world.parcels.get('dhl', trackingNumber);
  if (parcel === undefined || (service !== null && service !== 'express')) {
    return NO_RESULT;
  }
  // Any key tracks any shipment, as DHL's public tracking does.
  admitAccount(world, parcel, key, 'track');
  const cached = cache.get(parcel);
  if (cached !== undefined && cached.version === parcel.version) {
    return cached.response;
  }
  const response = jsonResponse(200, {
    url: `/shipments?trackingNumber=${trackingNumber}&offset=0&limit=5`,
    shipments: [renderShipment(parcel)],
  });
  cache.set(parcel, { version: parcel.version, response });
  return response;
}

function renderShipment(parcel: Parcel): unknown {
  const events: unknown[] = [];
  for (let index = parcel.events.length - 1; index >= 0; index--) {
    const event = parcel.events[index];
    if (event !== undefined) {
      events.push(renderEvent(event, parcel));
    }
  }
  const newest = parcel.events.at(-1);
  const delivered = parcel.status === 'delivered' && newest !== undefined;
  const projected = projectedDeliveryAt(parcel);
  const signer = SIGNERS[Number(parcel.trackingNumber.slice(3, 9)) % SIGNERS.length] ?? 'J. Smith';
  return {
    id: parcel.trackingNumber,
    service: 'express',
    origin: { address: address(parcel.origin) },
    destination: { address: address(parcel.destination) },
    ...(newest === undefined ? {} : { status: renderEvent(newest, parcel) }),
    ...(delivered || projected === null ? {} : { estimatedTimeOfDelivery: isoTime(projected) }),
    serviceUrl: `https://www.dhl.com/en/express/tracking.html?AWB=${parcel.trackingNumber}`,
    rerouteUrl: `https://www.dhl.de/de/privatkunden.html?piececode=${parcel.trackingNumber}&verfuegen_selected_tab=FIRST`,
    details: {
      product: { productName: 'EXPRESS WORLDWIDE' },
      proofOfDeliverySignedAvailable: delivered,
      totalNumberOfPieces: 1,
      ...(delivered
        ? {
            proofOfDelivery: {
              timestamp: isoTime(newest.at),
              signatureUrl: `https://webpod.dhl.com/webPOD/sim?signature=${parcel.trackingNumber}`,
              documentUrl: `https://webpod.dhl.com/webPOD/sim?document=${parcel.trackingNumber}`,
              signed: { name: signer },
            },
          }
        : {}),
    },
    events,
  };
}

function renderEvent(event: ParcelEvent, parcel: Parcel): unknown {
  const { statusCode, status, description } = dhlStatusOf(event);
  const signedFor =
    event.kind === 'delivered' && parcel.status === 'delivered' ? ' - Signed for' : '';
  return {
    timestamp: isoTime(event.at),
    location: { address: address(event.location) },
    statusCode,
    status,
    description: `${description}${signedFor}`,
  };
}

/** ISO 8601 in UTC without milliseconds, as DHL Express writes it. */
function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function address(place: Place): unknown {
  return { addressLocality: place.city, postalCode: place.postalCode, countryCode: place.country };
}
