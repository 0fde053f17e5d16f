import {
  type Address,
  type CarrierContext,
  CarrierInvalidRequestError,
} from '@parcelgate/carrier-kit';
import type { UpsCredentials } from './ups-credentials.ts';
import { UPS_CARRIER_ID } from './ups-ids.ts';
import type { UpsInterceptRequest } from './ups-wire-types.ts';

/** `^(\+)[0-9]{1,13}$`: the Delivery Intercept API's phone numbers. */
const UPS_PHONE = /^\+\d{1,13}$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

/** A client-side refusal: the request never left, naming the field at fault. */
export function invalidField(field: string, message: string): CarrierInvalidRequestError {
  return new CarrierInvalidRequestError({
    carrierId: UPS_CARRIER_ID,
    field,
    requestSent: false,
    message: `ups: ${message}`,
  });
}

/**
 * A phone number in UPS's form: `+` and 1 to 13 digits. Spaces, dashes, dots and
 * parentheses are dropped; a number without `+` is taken as already international
 * (a US number must include its `1`). Undefined when it cannot be made to fit.
 */
export function toUpsPhone(phone: string): string | undefined {
  const digits = phone.replace(/[\s\-.()]/g, '');
  const withPlus = digits.startsWith('+') ? digits : `+${digits}`;
  return UPS_PHONE.test(withPlus) ? withPlus : undefined;
}

/**
 * `requesterContactInfo` (required on every intercept action) from the configured
 * requester: UPS wants to know who asks. Invalid settings are refused before sending.
 */
export function upsRequesterContact(
  ctx: CarrierContext,
): UpsInterceptRequest['requesterContactInfo'] {
  const { requesterName, requesterPhone, requesterEmail } =
    ctx.credentials as Partial<UpsCredentials>;
  const name = requesterName?.trim() ?? '';
  if (name.length < 1 || name.length > 30) {
    throw invalidField('requesterName', 'CARRIER_UPS_REQUESTER_NAME must be 1 to 30 characters');
  }
  const telephone = requesterPhone === undefined ? undefined : toUpsPhone(requesterPhone);
  if (telephone === undefined) {
    throw invalidField(
      'requesterPhone',
      'CARRIER_UPS_REQUESTER_PHONE must be + and up to 13 digits',
    );
  }
  const email = requesterEmail?.trim();
  return {
    name,
    telephone,
    // Only meaningful for UPS Access Points; the spec's default, stated because the
    // generated type (from `default: false`) requires it.
    displayPhoneNumber: false,
    ...(email !== undefined && email.length <= 50 && EMAIL.test(email)
      ? { emailAddress: email }
      : {}),
  };
}

/** UPS intercepts US and Puerto Rico deliveries only (delivery-intercept FAQ). */
const UPS_INTERCEPT_COUNTRIES = new Set(['US', 'PR']);
const US_STATE = /^[A-Z]{2}$/;
const US_ZIP = /^\d{5}(?:[-\s]\d{4})?$/;

/**
 * Our address as `newDeliveryAddress` (DeliveryIntercept.yaml): a US or Puerto Rico
 * address with a two-letter state and a ZIP code, within UPS's lengths. Anything UPS's
 * schema would refuse is refused here first, naming the field (`newAddress.region`, ...).
 */
export function toUpsDeliveryAddress(
  address: Address,
): NonNullable<UpsInterceptRequest['newDeliveryAddress']> {
  const country = address.country.toUpperCase();
  if (!UPS_INTERCEPT_COUNTRIES.has(country)) {
    throw invalidField('newAddress.country', 'UPS redirects only to US and Puerto Rico addresses');
  }
  const state = address.region?.trim().toUpperCase() ?? '';
  if (!US_STATE.test(state)) {
    throw invalidField('newAddress.region', 'a UPS redirect needs a two-letter state code');
  }
  const postalCode = address.postalCode?.trim() ?? '';
  if (!US_ZIP.test(postalCode)) {
    throw invalidField(
      'newAddress.postalCode',
      'a UPS redirect needs a ZIP code (12345 or 12345-6789)',
    );
  }
  const line1 = address.line1.trim();
  if (line1.length < 1 || line1.length > 50) {
    throw invalidField('newAddress.line1', 'address line 1 must be 1 to 50 characters');
  }
  const line2 = address.line2?.trim();
  if (line2 !== undefined && line2.length > 35) {
    throw invalidField('newAddress.line2', 'address line 2 must be at most 35 characters');
  }
  const city = address.city.trim();
  if (city.length < 1 || city.length > 30) {
    throw invalidField('newAddress.city', 'the city must be 1 to 30 characters');
  }
  const phoneNumber = toUpsPhone(address.phone);
  if (phoneNumber === undefined) {
    throw invalidField('newAddress.phone', 'the phone must be + and up to 13 digits');
  }
  return {
    // 2 to 20 characters; UPS shows it in the shipper's address book.
    addressNickName: 'Parcelgate redirect',
    addressInfo: {
      addressLine1: line1,
      ...(line2 === undefined || line2 === '' ? {} : { addressLine2: line2 }),
      city,
      state,
      postalCode,
      countryCode: country,
    },
    nameOrCompanyName: address.name,
    contactName: address.name,
    phoneNumber,
  };
}
