import type { Address } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { createSampleRequests, sampleRequests } from './sample-requests.ts';

const US_ADDRESS: Address = {
  name: 'Sam Carren',
  phone: '+19886761850',
  line1: '12911 Fork Rd',
  city: 'Baldwin',
  region: 'MD',
  postalCode: '21013',
  country: 'US',
};

describe('sample requests', () => {
  it('redirect to Shanghai by default, per-call overrides winning', () => {
    const redirect = sampleRequests.redirect('ACM1', { reference: 'rdr_9' });
    expect(redirect).toMatchObject({ trackingNumber: 'ACM1', reference: 'rdr_9' });
    expect(redirect.newAddress).toBe(sampleRequests.address);
    expect(sampleRequests.address.country).toBe('CN');
  });

  it('take a carrier’s address and fields, under the per-call overrides', () => {
    const samples = createSampleRequests({
      address: US_ADDRESS,
      intercept: { parcel: { declaredValue: { amount: '40.00', currency: 'USD' } } },
      redirect: { note: 'front desk' },
    });
    expect(samples.address).toBe(US_ADDRESS);
    expect(samples.redirect('1Z1', { reference: 'rdr_2' })).toEqual({
      trackingNumber: '1Z1',
      reference: 'rdr_2',
      orderRef: 'ORD-CONFORMANCE-1',
      note: 'front desk',
      newAddress: US_ADDRESS,
    });
    expect(samples.intercept('1Z1')).toMatchObject({
      reason: 'buyer_cancelled',
      parcel: { declaredValue: { amount: '40.00', currency: 'USD' } },
    });
  });

  it('let a redirect’s own newAddress stand as the address', () => {
    const samples = createSampleRequests({
      address: US_ADDRESS,
      redirect: { newAddress: { ...US_ADDRESS, city: 'Towson' } },
    });
    expect(samples.address.city).toBe('Towson');
    expect(samples.redirect('1Z1').newAddress.city).toBe('Towson');
  });
});
