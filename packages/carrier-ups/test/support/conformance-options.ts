import type { Address } from '@parcelgate/carrier-kit';
import type { SampleOverrides } from '@parcelgate/carrier-testkit';

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
 * What the conformance kit sends UPS. Its default redirect goes to a Shanghai address,
 * which UPS's Delivery Intercept API cannot take (two-letter state, US ZIP), so the
 * adapter would rightly refuse it before sending.
 */
export const UPS_CONFORMANCE_SAMPLES: SampleOverrides = { address: US_ADDRESS };

/** Credentials of the conformance runs; long and unusual so a leak is easy to spot. */
export const CONFORMANCE_CREDENTIALS = {
  clientId: 'ups-sim-conformance',
  clientSecret: 'ups-sim-secret',
  requesterName: 'Conformance Merchant',
  requesterPhone: '+14045550123',
  webhookCredential: 'ups-conformance-webhook-7f2c',
} as const;
