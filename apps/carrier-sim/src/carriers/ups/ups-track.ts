import { admitAccount } from '../../model/accounts.ts';
import { projectedDeliveryAt } from '../../model/journey.ts';
import type { Address, Parcel, ParcelEvent, Place } from '../../model/parcel.ts';
import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { authenticateUps } from './ups-auth.ts';
import { upsTrackStatusOf } from './ups-codes.ts';
import { upsError } from './ups-errors.ts';
import { UPS_TRACK_OFFSET, upsWireTime } from './ups-time.ts';

/** Receivers who sign for deliveries; picked per parcel from its number. */
const SIGNERS = ['J SMITH', 'M GARCIA', 'L CHEN', 'A JOHNSON', 'K NGUYEN'];

interface CachedTrack {
  readonly version: number;
  readonly response: CarrierResponse;
}

// Tracking is the hot path: render a parcel once per version, not per request.
const cache = new WeakMap<Parcel, CachedTrack>();

const MISSING_HEADERS = upsError(400, 'VSS002', 'Missing transId or transactionSrc');

/**
 * `GET /api/track/v1/details/{inquiryNumber}` (Tracking.yaml): the bearer token and the
 * required `transId`/`transactionSrc` headers checked, then the parcel as a
 * `TrackApiResponse`. An unknown number is HTTP 200 with warning `TW0001`, as UPS does.
 * Open to every account: a parcel another account shipped is tracked all the same.
 */
export function handleUpsTrack(request: CarrierRequest, world: CarrierWorld): CarrierResponse {
  const account = authenticateUps(request.headers, world);
  if (typeof account !== 'string') {
    return account;
  }
  if (request.headers.transid === undefined || request.headers.transactionsrc === undefined) {
    return MISSING_HEADERS;
  }
  const trackingNumber = request.route.target;
  const parcel = world.parcels.get('ups', trackingNumber);
  if (parcel === undefined) {
    return jsonResponse(200, notFoundBody(trackingNumber));
  }
  // Counted under the caller's account, never refused: UPS tracks any 1Z number for any
  // account (Tracking.yaml has no per-shipper restriction; ups.com tracks for anyone).
  admitAccount(world, parcel, account, 'track');
  const cached = cache.get(parcel);
  if (cached !== undefined && cached.version === parcel.version) {
    return cached.response;
  }
  const response = jsonResponse(200, { trackResponse: { shipment: [renderShipment(parcel)] } });
  cache.set(parcel, { version: parcel.version, response });
  return response;
}

/** The 200 UPS sends for a number it does not know (UPS-API issue #198). */
export function notFoundBody(trackingNumber: string): unknown {
  return {
    trackResponse: {
      shipment: [
        {
          inquiryNumber: trackingNumber,
          package: [],
          warnings: [{ code: 'TW0001', message: 'Tracking Information Not Found' }],
        },
      ],
    },
  };
}

function renderShipment(parcel: Parcel): unknown {
  const activity: unknown[] = [];
  for (let index = parcel.events.length - 1; index >= 0; index--) {
    const event = parcel.events[index];
    if (event !== undefined) {
      activity.push(renderActivity(event));
    }
  }
  const newest = parcel.events[parcel.events.length - 1];
  const delivered = parcel.status === 'delivered' && newest !== undefined;
  const projected = projectedDeliveryAt(parcel);
  const deliveryDate = delivered
    ? [{ type: 'DEL', date: upsWireTime(newest.at).date }]
    : projected === null
      ? []
      : [{ type: 'SDD', date: upsWireTime(projected).date }];
  return {
    inquiryNumber: parcel.trackingNumber,
    package: [
      {
        trackingNumber: parcel.trackingNumber,
        currentStatus: newest === undefined ? undefined : statusOf(newest),
        activity,
        deliveryDate,
        deliveryTime: delivered
          ? { type: 'DEL', endTime: upsWireTime(newest.at).time }
          : { type: 'EOD' },
        ...(delivered
          ? {
              deliveryInformation: {
                location: 'Front Door',
                receivedBy: SIGNERS[Number(parcel.trackingNumber.slice(10, 17)) % SIGNERS.length],
              },
            }
          : {}),
        packageAddress: [
          packageAddress('ORIGIN', 'PARCELGATE SIM SHIPPER', parcel.origin),
          packageAddress(
            'DESTINATION',
            parcel.destination.name ?? 'SIM RECEIVER',
            parcel.destination,
          ),
        ],
        service: { code: '003', description: 'UPS Ground', levelCode: '003' },
        statusCode: newest === undefined ? undefined : upsTrackStatusOf(newest).statusCode,
        statusDescription: newest === undefined ? undefined : upsTrackStatusOf(newest).description,
      },
    ],
  };
}

function statusOf(event: ParcelEvent): unknown {
  const { type, code, statusCode, description } = upsTrackStatusOf(event);
  return { type, code, description, ...(statusCode === undefined ? {} : { statusCode }) };
}

function renderActivity(event: ParcelEvent): unknown {
  const time = upsWireTime(event.at);
  return {
    date: time.date,
    time: time.time,
    gmtDate: time.gmtDate,
    gmtTime: time.gmtTime,
    gmtOffset: UPS_TRACK_OFFSET,
    location: { address: address(event.location) },
    status: statusOf(event),
  };
}

function address(place: Place): unknown {
  return {
    city: place.city,
    stateProvince: place.region,
    postalCode: place.postalCode,
    country: place.country,
    countryCode: place.country,
  };
}

function packageAddress(type: string, name: string, place: Place | Address): unknown {
  const line1 = 'line1' in place && place.line1 !== null ? place.line1 : `1 ${place.city} Road`;
  return { type, name, address: { addressLine1: line1, ...(address(place) as object) } };
}
