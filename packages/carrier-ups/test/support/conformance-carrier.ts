import type { Address, CarrierDefinition } from '@parcelgate/carrier-kit';
import { upsCarrier } from '../../src/ups-carrier.ts';

/** A US address: UPS redirects only within the US and Puerto Rico. */
export const US_ADDRESS: Address = {
  name: 'Sam Carren',
  phone: '+19886761850',
  line1: '12911 Fork Rd',
  city: 'Baldwin',
  region: 'MD',
  postalCode: '21013',
  country: 'US',
};

/**
 * The adapter as the conformance kit runs it. The kit's sample redirect goes to a Shanghai
 * address, which UPS's Delivery Intercept API cannot take (two-letter state, US ZIP), so
 * the adapter rightly refuses it before sending; this wrapper swaps in a US address and
 * changes nothing else. (Asked of the testkit: a per-carrier sample address.)
 */
export const upsConformanceCarrier: CarrierDefinition = {
  ...upsCarrier,
  redirect: (ctx, request) => upsCarrier.redirect(ctx, { ...request, newAddress: US_ADDRESS }),
};

/** Credentials of the conformance runs; long and unusual so a leak is easy to spot. */
export const CONFORMANCE_CREDENTIALS = {
  clientId: 'ups-sim-conformance',
  clientSecret: 'ups-sim-secret',
  requesterName: 'Conformance Merchant',
  requesterPhone: '+14045550123',
  webhookCredential: 'ups-conformance-webhook-7f2c',
} as const;
