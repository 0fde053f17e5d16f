import type { DeliveryOption } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { availabilityForParcel, operationAvailability } from './operation-availability.ts';

const URL = 'https://www.fedex.com/en-us/tracking.html';
const offApi = operationAvailability({
  offApi: { intercept: { reason: 'FedEx offers return to shipper only on fedex.com', url: URL } },
  proofOfDelivery: true,
  callbacks: false,
});

const option = (overrides: Partial<DeliveryOption>): DeliveryOption => ({
  option: 'RETURN_TO_SHIPPER',
  operation: 'intercept',
  eligibility: 'eligible',
  where: 'carrier_website',
  url: URL,
  ...overrides,
});

describe('availabilityForParcel', () => {
  it('says what the carrier reported for this parcel before its general reason, and where', () => {
    const answer = availabilityForParcel(offApi.intercept, 'intercept', 'FedEx', [
      option({}),
      option({ option: 'REROUTE', operation: 'redirect' }),
      { option: 'DISPUTE_DELIVERY', eligibility: 'not_eligible', where: 'carrier_website' },
    ]);
    expect(answer).toEqual({
      byApi: false,
      reason: `FedEx reports RETURN_TO_SHIPPER as eligible for this parcel, but offers it only on its website (${URL}). FedEx offers return to shipper only on fedex.com`,
      url: URL,
    });
  });

  it('names options the carrier refused or left open, each of them', () => {
    const answer = availabilityForParcel(offApi.redirect, 'redirect', 'FedEx', [
      option({ option: 'REROUTE', operation: 'redirect', eligibility: 'not_eligible' }),
      option({
        option: 'REDIRECT_TO_HOLD_AT_LOCATION',
        operation: 'redirect',
        eligibility: 'possibly_eligible',
      }),
    ]);
    expect(answer.byApi).toBe(false);
    expect(answer.byApi === false && answer.reason).toBe(
      `FedEx reports REROUTE as not eligible for this parcel (offered only on its website); FedEx reports REDIRECT_TO_HOLD_AT_LOCATION as possibly eligible (it decides when asked) for this parcel, but offers it only on its website (${URL}). not offered by this carrier`,
    );
  });

  it('leaves an operation available by API, or one the carrier reported nothing for, as it is', () => {
    expect(availabilityForParcel({ byApi: true }, 'intercept', 'UPS', [option({})])).toEqual({
      byApi: true,
    });
    expect(availabilityForParcel(offApi.intercept, 'intercept', 'FedEx', undefined)).toBe(
      offApi.intercept,
    );
  });
});
