import { describe, expect, it } from 'vitest';
import { createAcmeCarrier } from '../__fixtures__/acme-carrier.ts';
import { runCheck } from '../__fixtures__/run-check.ts';
import { operationsCheck } from './operations-check.ts';

describe('operationsCheck', () => {
  it('passes the reference adapter on track, intercept and redirect', async () => {
    const outcome = await runCheck(operationsCheck);
    expect(outcome.problems).toEqual([]);
    expect(outcome.summary).toContain('3 scenario(s) passed');
  });

  it('only runs the operations the capabilities claim', async () => {
    const outcome = await runCheck(operationsCheck, { quirks: { withoutRedirect: true } });
    expect(outcome.summary).toContain('2 scenario(s) passed');
  });

  it('fails an adapter that claims intercept but throws', async () => {
    const outcome = await runCheck(operationsCheck, { quirks: { interceptThrows: true } });
    expect(outcome.problems).toEqual([
      'intercept on a parcel prepared to succeed threw a raw Error: intercept is not implemented yet',
    ]);
  });

  it('fails an adapter that answers track without asking the carrier', async () => {
    const outcome = await runCheck(operationsCheck, { quirks: { cannedTrack: true } });
    expect(outcome.problems).toEqual([
      'track resolved without sending the carrier a single track request',
    ]);
  });

  it('fails results that break the contract', async () => {
    const acme = createAcmeCarrier();
    const outcome = await runCheck(operationsCheck, {
      carrier: {
        ...acme,
        track: async (ctx, request) => ({
          ...(await acme.track(ctx, request)),
          carrierId: 'acme-express',
          status: 'in transit' as 'in_transit',
        }),
        redirect: async () => ({ outcome: 'rejected', fee: { amount: '5', currency: 'yuan' } }),
      },
    });
    expect(outcome.problems).toEqual([
      'carrierId is "acme-express", expected "acme"',
      'status is "in transit", not a normalized status',
      'redirect outcome is "rejected" on a parcel the environment prepared to succeed (carrierReason missing)',
      'redirect fee is an object, not money ({ amount: "10.00", currency: "CNY" })',
      'redirect resolved without sending the carrier a single redirect request',
    ]);
  });
});
