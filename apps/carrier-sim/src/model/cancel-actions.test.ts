import { describe, expect, it } from 'vitest';
import { Simulator } from '../simulator.ts';
import { cancelIntercept, cancelRedirect } from './cancel-actions.ts';
import { DEFAULT_INTERCEPT_POLICY } from './intercept-policy.ts';
import { advanceParcel, STAGE_INTERVAL_MS } from './journey.ts';
import type { Parcel } from './parcel.ts';
import { interceptParcel, redirectParcel } from './parcel-actions.ts';
import type { SimStatus } from './statuses.ts';

const SEED = 'cancel-actions';

function parcelIn(status: SimStatus): { simulator: Simulator; parcel: Parcel } {
  const simulator = new Simulator({ seed: SEED });
  const parcel = simulator.createParcel({
    carrier: 'sandbox',
    status,
    subStatus: null,
    category: null,
    declaredValue: null,
  });
  return { simulator, parcel };
}

/** Intercepts until the seeded roll accepts (a refusal places nothing). */
function intercepted(status: SimStatus): { simulator: Simulator; parcel: Parcel } {
  const staged = parcelIn(status);
  for (let attempt = 0; attempt < 10; attempt++) {
    const outcome = interceptParcel(
      staged.parcel,
      { reference: 'icp_1', reason: 'OTHER', newId: () => 'SIC-1' },
      { policy: DEFAULT_INTERCEPT_POLICY, seed: SEED, now: staged.simulator.now() },
    );
    if (outcome.accepted) {
      return staged;
    }
  }
  throw new Error('no intercept accepted in 10 attempts');
}

const ADDRESS = {
  city: 'Lhasa',
  region: 'XZ',
  postalCode: '850000',
  country: 'CN',
  name: null,
  phone: null,
  line1: '1 Renmin Rd',
  line2: null,
};

describe('cancelIntercept', () => {
  it('withdraws a registered intercept: the journey resumes forward, a new intercept may follow', () => {
    const { simulator, parcel } = intercepted('in_transit');
    const now = simulator.now();
    expect(cancelIntercept(parcel, 'SIC-1', now)).toMatchObject({ cancelled: true });
    expect(parcel.intercept?.state).toBe('CANCELLED');
    expect(parcel.events.at(-1)?.kind).toBe('intercept_cancelled');
    advanceParcel(parcel, now + STAGE_INTERVAL_MS);
    expect(parcel.events.at(-1)?.kind).toBe('departed_facility');
    expect(cancelIntercept(parcel, 'SIC-1', now)).toEqual({
      cancelled: false,
      refusal: 'already_cancelled',
    });
  });

  it('is too late once the parcel turns back, and finds nothing by another id', () => {
    const { simulator, parcel } = intercepted('picked_up');
    expect(cancelIntercept(parcel, 'SIC-9', simulator.now())).toEqual({
      cancelled: false,
      refusal: 'nothing_to_cancel',
    });
    advanceParcel(parcel, simulator.now() + STAGE_INTERVAL_MS);
    expect(parcel.status).toBe('return_in_transit');
    expect(cancelIntercept(parcel, undefined, simulator.now())).toEqual({
      cancelled: false,
      refusal: 'returning_or_returned',
    });
  });
});

describe('cancelRedirect', () => {
  it('sends the parcel back to its previous destination', () => {
    const { simulator, parcel } = parcelIn('in_transit');
    const before = parcel.destination;
    const placed = redirectParcel(
      parcel,
      { reference: 'rdr_1', destination: ADDRESS, newId: () => 'SRD-1' },
      simulator.now(),
    );
    expect(placed.accepted).toBe(true);
    expect(cancelRedirect(parcel, undefined, simulator.now())).toMatchObject({ cancelled: true });
    expect(parcel.destination).toEqual(before);
    expect(parcel.redirects[0]?.state).toBe('CANCELLED');
  });

  it('is too late once out for delivery, and after delivery', () => {
    const { simulator, parcel } = parcelIn('at_destination_facility');
    redirectParcel(
      parcel,
      { reference: 'rdr_1', destination: ADDRESS, newId: () => 'SRD-1' },
      simulator.now(),
    );
    // RD -> DP -> LM -> OD
    advanceParcel(parcel, simulator.now() + 3 * STAGE_INTERVAL_MS);
    expect(parcel.status).toBe('out_for_delivery');
    expect(cancelRedirect(parcel, 'SRD-1', simulator.now())).toMatchObject({
      refusal: 'out_for_delivery',
    });
    advanceParcel(parcel, simulator.now() + 4 * STAGE_INTERVAL_MS);
    expect(cancelRedirect(parcel, 'SRD-1', simulator.now())).toMatchObject({
      refusal: 'delivered',
    });
  });
});
