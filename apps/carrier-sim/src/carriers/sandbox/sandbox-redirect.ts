import type { RedirectRefusal } from '../../model/intercept-rules.ts';
import type { Address } from '../../model/parcel.ts';
import { redirectParcel } from '../../model/parcel-actions.ts';
import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { parseJsonObject } from '../parse-json-body.ts';
import { sandboxParcelFor } from './sandbox-accounts.ts';
import { authenticateSandbox } from './sandbox-auth.ts';
import { sandboxError } from './sandbox-errors.ts';
import { parcelNotFound } from './sandbox-track.ts';

const REFUSALS: Readonly<Record<RedirectRefusal, readonly [code: string, message: string]>> = {
  not_picked_up: ['NOT_PICKED_UP', 'parcel not picked up yet: update the shipment instead'],
  out_for_delivery: ['OUT_FOR_DELIVERY', 'parcel is already with the delivery courier'],
  delivered: ['ALREADY_DELIVERED', 'parcel was delivered'],
  returning_or_returned: ['ALREADY_RETURNING', 'parcel is returning or returned to the sender'],
  cancelled: ['CANCELLED', 'shipment was cancelled'],
};

const REQUIRED_FIELDS = ['line1', 'city', 'country'] as const;
const OPTIONAL_FIELDS = ['name', 'phone', 'line2', 'region', 'postalCode'] as const;

type AddressResult =
  | { readonly address: Address }
  | { readonly field: string; readonly message: string };

/**
 * Reads the address of a redirect. The spec shows every field but says none is
 * optional or required; the simulator requires what a courier cannot do without
 * (line1, city, country) and accepts the rest as string or null.
 */
export function parseAddress(value: unknown): AddressResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { field: 'address', message: 'address must be an object' };
  }
  const fields = value as Record<string, unknown>;
  for (const name of REQUIRED_FIELDS) {
    const field = fields[name];
    if (typeof field !== 'string' || field.trim().length === 0) {
      return { field: `address.${name}`, message: `address.${name} must be a non-empty string` };
    }
  }
  for (const name of OPTIONAL_FIELDS) {
    const field = fields[name];
    if (field !== undefined && field !== null && typeof field !== 'string') {
      return { field: `address.${name}`, message: `address.${name} must be a string or null` };
    }
  }
  const text = (name: string): string | null => {
    const field = fields[name];
    return typeof field === 'string' ? field : null;
  };
  return {
    address: {
      name: text('name'),
      phone: text('phone'),
      line1: text('line1'),
      line2: text('line2'),
      city: text('city') ?? '',
      region: text('region') ?? '',
      postalCode: text('postalCode') ?? '',
      country: text('country') ?? '',
    },
  };
}

/** `POST /v1/parcels/{trackingNumber}/redirects`: a new delivery address. */
export function handleSandboxRedirect(
  request: CarrierRequest,
  world: CarrierWorld,
): CarrierResponse {
  const account = authenticateSandbox(request.headers);
  if (typeof account !== 'string') {
    return account;
  }
  const body = parseJsonObject(request.body);
  if (!body.ok) {
    return sandboxError(400, 'INVALID_REQUEST', body.message, 'body');
  }
  const reference = body.value.reference;
  if (typeof reference !== 'string' || reference.length === 0 || reference.length > 200) {
    return sandboxError(
      400,
      'INVALID_REQUEST',
      'reference must be a string of 1 to 200 characters',
      'reference',
    );
  }
  const parsed = parseAddress(body.value.address);
  if ('field' in parsed) {
    return sandboxError(400, 'INVALID_REQUEST', parsed.message, parsed.field);
  }
  const parcel = sandboxParcelFor(world, request.route.target, account, 'redirect');
  if (parcel === undefined) {
    return parcelNotFound(request.route.target);
  }
  const outcome = redirectParcel(
    parcel,
    {
      reference,
      destination: parsed.address,
      newId: () => `SRD-${String(world.parcels.nextSequence('sandbox:redirect')).padStart(8, '0')}`,
    },
    world.now(),
  );
  if (!outcome.accepted) {
    const [code, message] = REFUSALS[outcome.refusal];
    return sandboxError(422, code, message);
  }
  const address = outcome.redirect.destination;
  return jsonResponse(201, {
    redirectId: outcome.redirect.id,
    state: 'ACCEPTED',
    reference,
    destination: {
      line1: address.line1,
      line2: address.line2,
      city: address.city,
      region: address.region,
      postalCode: address.postalCode,
      country: address.country,
    },
  });
}
