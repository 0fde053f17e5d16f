import { admitToParcel } from '../../model/accounts.ts';
import { projectedDeliveryAt } from '../../model/journey.ts';
import type { Address, Parcel, ParcelEvent, Place } from '../../model/parcel.ts';
import { countOperation } from '../../model/parcel.ts';
import type { CarrierRequest, CarrierWorld, RouteIdentity } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { parseJsonObject } from '../parse-json-body.ts';
import { authenticateFedex } from './fedex-auth.ts';
import { fedexScanOf } from './fedex-codes.ts';
import { fedexError } from './fedex-errors.ts';

/** FedEx takes at most 30 numbers per call (`trackingInfo`, Full_Schema_Tracking_Numbers). */
export const FEDEX_MAX_NUMBERS = 30;

/** Receivers who sign for deliveries; picked per parcel from its number. */
const SIGNERS = ['J SMITH', 'M GARCIA', 'L CHEN', 'A JOHNSON', 'K NGUYEN'];
const OFFSET_MS = 8 * 60 * 60 * 1000;

const EMPTY = fedexError(400, 'TRACKING.TRACKINGNUMBER.EMPTY', 'Please provide tracking number.');
const TOO_MANY = fedexError(
  400,
  'TRACKING.TRACKINGNUMBER.LIMIT',
  `Please provide no more than ${FEDEX_MAX_NUMBERS} tracking numbers.`,
);
const BAD_JSON = fedexError(400, 'BAD.REQUEST.ERROR', 'The given JSON input is invalid.');

// Tracking is the hot path: render a parcel's result once per version, not per request.
const cache = new WeakMap<Parcel, { readonly version: number; readonly result: unknown }>();

/** The numbers of a track body, in order; undefined when the body is not one. */
export function readTrackNumbers(body: unknown): string[] | undefined {
  if (typeof body !== 'object' || body === null) {
    return undefined;
  }
  const info = (body as { trackingInfo?: unknown }).trackingInfo;
  if (!Array.isArray(info)) {
    return undefined;
  }
  return info.map((entry: unknown) => {
    const number = (entry as { trackingNumberInfo?: { trackingNumber?: unknown } } | null)
      ?.trackingNumberInfo?.trackingNumber;
    return typeof number === 'string' ? number.trim() : '';
  });
}

/**
 * The parcel a track call is counted and faulted under: its first number. The other
 * numbers of a batch are counted by the handler, so each parcel's `calls.track` says how
 * many track calls asked for it.
 */
export function identifyFedexTrack(body: Buffer): RouteIdentity {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const first = readTrackNumbers(parsed)?.[0];
  return { operation: 'track', trackingNumber: first === '' ? undefined : first };
}

/**
 * `POST /track/v1/trackingnumbers`: the bearer token checked, then up to 30 numbers, each
 * answered in its own `completeTrackResults` entry in the order asked; an unknown number
 * is that entry's `error` (`TRACKING.TRACKINGNUMBER.NOTFOUND`) inside the 200, as FedEx
 * does. Open to every account.
 */
export function handleFedexTrack(request: CarrierRequest, world: CarrierWorld): CarrierResponse {
  const account = authenticateFedex(request.headers, world);
  if (typeof account !== 'string') {
    return account;
  }
  const body = parseJsonObject(request.body);
  const numbers = body.ok ? readTrackNumbers(body.value) : undefined;
  if (numbers === undefined) {
    return BAD_JSON;
  }
  if (numbers.length === 0 || numbers.some((number) => number === '')) {
    return EMPTY;
  }
  if (numbers.length > FEDEX_MAX_NUMBERS) {
    return TOO_MANY;
  }
  // One call, whatever the numbers it names, in the account's per-second log.
  world.accountCalls.record('fedex', account);
  const completeTrackResults = numbers.map((trackingNumber, index) => {
    const parcel = world.parcels.get('fedex', trackingNumber);
    if (parcel === undefined) {
      return { trackingNumber, trackResults: [notFoundResult(trackingNumber)] };
    }
    admitToParcel(parcel, account, 'track');
    if (index > 0 && trackingNumber !== numbers[0]) {
      countOperation(parcel.calls, 'track');
    }
    return { trackingNumber, trackResults: [resultOf(parcel)] };
  });
  return jsonResponse(200, {
    transactionId: `sim-${world.now()}`,
    customerTransactionId: headerText(request.headers['x-customer-transaction-id']),
    output: { completeTrackResults },
  });
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The error FedEx reports for a number it does not know, inside the 200. */
export function notFoundResult(trackingNumber: string): unknown {
  return {
    trackingNumberInfo: { trackingNumber, trackingNumberUniqueId: '', carrierCode: '' },
    error: {
      code: 'TRACKING.TRACKINGNUMBER.NOTFOUND',
      message: 'Tracking number cannot be found. Please correct the tracking number and try again.',
    },
  };
}

function resultOf(parcel: Parcel): unknown {
  const cached = cache.get(parcel);
  if (cached !== undefined && cached.version === parcel.version) {
    return cached.result;
  }
  const result = renderResult(parcel);
  cache.set(parcel, { version: parcel.version, result });
  return result;
}

function renderResult(parcel: Parcel): unknown {
  const newest = parcel.events.at(-1);
  const delivered =
    newest !== undefined && (parcel.status === 'delivered' || parcel.status === 'returned');
  const projected = projectedDeliveryAt(parcel);
  const scanEvents = [...parcel.events].reverse().map(renderScan);
  const signer = SIGNERS[Number(parcel.trackingNumber.slice(-6)) % SIGNERS.length];
  return {
    trackingNumberInfo: {
      trackingNumber: parcel.trackingNumber,
      trackingNumberUniqueId: `12024~${parcel.trackingNumber}~FDEG`,
      carrierCode: 'FDXE',
    },
    latestStatusDetail: newest === undefined ? undefined : latestOf(newest),
    dateAndTimes: delivered
      ? [{ type: 'ACTUAL_DELIVERY', dateTime: wireTime(newest.at) }]
      : projected === null
        ? []
        : [{ type: 'ESTIMATED_DELIVERY', dateTime: wireTime(projected) }],
    scanEvents,
    deliveryDetails: {
      deliveryAttempts: String(
        parcel.events.filter((event) => event.kind === 'delivery_attempted').length,
      ),
      ...(delivered
        ? {
            receivedByName: signer,
            signedByName: signer,
            locationDescription: 'Front Door',
            actualDeliveryAddress: address(
              parcel.status === 'returned' ? parcel.origin : parcel.destination,
            ),
          }
        : {}),
      deliveryOptionEligibilityDetails: deliveryOptions(parcel),
    },
    shipperInformation: { address: address(parcel.origin) },
    recipientInformation: { address: address(parcel.destination) },
    serviceDetail: { type: 'FEDEX_GROUND', description: 'FedEx Ground' },
  };
}

function latestOf(event: ParcelEvent): unknown {
  const scan = fedexScanOf(event);
  return {
    code: scan.eventType,
    derivedCode: scan.derivedStatusCode,
    statusByLocale: scan.derivedStatus,
    description: scan.eventDescription,
    scanLocation: address(event.location),
    ...(scan.exceptionCode === undefined
      ? {}
      : {
          ancillaryDetails: [
            {
              reason: scan.exceptionCode,
              reasonDescription: scan.exceptionDescription,
              action: 'Contact FedEx to discuss delivery alternatives.',
            },
          ],
        }),
  };
}

function renderScan(event: ParcelEvent): unknown {
  const scan = fedexScanOf(event);
  return {
    date: wireTime(event.at),
    eventType: scan.eventType,
    eventDescription: event.kind === 'returned' ? 'Delivered to shipper' : scan.eventDescription,
    derivedStatusCode: scan.derivedStatusCode,
    derivedStatus: scan.derivedStatus,
    exceptionCode: scan.exceptionCode ?? '',
    exceptionDescription: scan.exceptionDescription ?? '',
    scanLocation: address(event.location),
    locationId: 'SIM',
    locationType: scan.locationType,
  };
}

/**
 * FedEx's delivery options by where the parcel is: before delivery it may be returned to
 * the shipper, rerouted or held at a FedEx location (all on fedex.com); once delivered,
 * only a dispute; a parcel already turning back or over, none.
 */
function deliveryOptions(parcel: Parcel): unknown[] {
  const moving = ['picked_up', 'in_transit', 'at_destination_facility', 'exception'].includes(
    parcel.status,
  );
  const late = ['out_for_delivery', 'delivery_attempted', 'available_for_pickup'].includes(
    parcel.status,
  );
  const eligibility = (yes: boolean) => (yes ? 'ELIGIBLE' : 'INELIGIBLE');
  return [
    { option: 'RETURN_TO_SHIPPER', eligibility: eligibility(moving || late) },
    { option: 'REROUTE', eligibility: eligibility(moving) },
    { option: 'REDIRECT_TO_HOLD_AT_LOCATION', eligibility: eligibility(moving || late) },
    { option: 'DISPUTE_DELIVERY', eligibility: eligibility(parcel.status === 'delivered') },
  ];
}

/** An instant as FedEx writes scan dates: local time (China, the simulated places) with its offset. */
function wireTime(epochMs: number): string {
  return `${new Date(epochMs + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

function address(place: Place | Address): unknown {
  const line1 = 'line1' in place && place.line1 !== null ? place.line1 : undefined;
  return {
    ...(line1 === undefined ? {} : { streetLines: [line1] }),
    city: place.city,
    stateOrProvinceCode: place.region,
    postalCode: place.postalCode,
    countryCode: place.country,
    residential: false,
  };
}
