import { describe, expect, it } from 'vitest';
import { sandboxJson, useSandboxMockServer } from '../test/support/sandbox-mock-server.ts';
import { createSandboxTestContext } from '../test/support/sandbox-test-context.ts';
import cancelInterceptCancelled from './__fixtures__/cancel-intercept-cancelled.json' with {
  type: 'json',
};
import cancelRedirectCancelled from './__fixtures__/cancel-redirect-cancelled.json' with {
  type: 'json',
};
import cancelTooLate from './__fixtures__/cancel-too-late.json' with { type: 'json' };
import feesRedirect from './__fixtures__/fees-redirect.json' with { type: 'json' };
import { cancelSandboxIntercept, cancelSandboxRedirect } from './sandbox-cancel.ts';
import { quoteSandboxFee } from './sandbox-fee-quote.ts';

const server = useSandboxMockServer();
const TRACKING_NUMBER = 'SBX100000016';

describe('cancelSandboxIntercept', () => {
  it('sends the reference and the interceptId, and answers cancelled', async () => {
    server.answer('POST', `/v1/parcels/${TRACKING_NUMBER}/intercepts/cancel`, () =>
      sandboxJson(cancelInterceptCancelled, 200),
    );
    const result = await cancelSandboxIntercept(createSandboxTestContext(), {
      trackingNumber: TRACKING_NUMBER,
      reference: 'icp_01JDX4T9Q8H3',
      carrierReference: 'SIC-7Q2M9X',
    });
    expect(result).toEqual({ outcome: 'cancelled', carrierReference: 'SIC-7Q2M9X' });
    expect(server.calls[0]?.body).toEqual({
      reference: 'icp_01JDX4T9Q8H3',
      interceptId: 'SIC-7Q2M9X',
    });
  });

  it('answers a 409 as rejected with the code, never as an error', async () => {
    server.answer('POST', `/v1/parcels/${TRACKING_NUMBER}/intercepts/cancel`, () =>
      sandboxJson(cancelTooLate, 409),
    );
    const result = await cancelSandboxIntercept(createSandboxTestContext(), {
      trackingNumber: TRACKING_NUMBER,
      reference: 'icp_01JDX4T9Q8H3',
    });
    expect(result).toEqual({
      outcome: 'rejected',
      carrierReason: 'ALREADY_RETURNING',
      message: 'parcel is already returning or returned',
    });
    // Without a carrier reference the sandbox finds the intercept by ours.
    expect(server.calls[0]?.body).toEqual({ reference: 'icp_01JDX4T9Q8H3', interceptId: null });
  });

  it('throws a typed error for anything but 200 and 409', async () => {
    server.answer('POST', `/v1/parcels/${TRACKING_NUMBER}/intercepts/cancel`, () =>
      sandboxJson({ error: { code: 'PARCEL_NOT_FOUND', message: 'no such parcel' } }, 404),
    );
    await expect(
      cancelSandboxIntercept(createSandboxTestContext(), {
        trackingNumber: TRACKING_NUMBER,
        reference: 'icp_1',
      }),
    ).rejects.toMatchObject({ kind: 'not-found', carrierId: 'sandbox' });
  });
});

describe('cancelSandboxRedirect', () => {
  it('cancels by redirectId on the redirects route', async () => {
    server.answer('POST', `/v1/parcels/${TRACKING_NUMBER}/redirects/cancel`, () =>
      sandboxJson(cancelRedirectCancelled, 200),
    );
    const result = await cancelSandboxRedirect(createSandboxTestContext(), {
      trackingNumber: TRACKING_NUMBER,
      reference: 'rdr_01JDX4T9Q8H4',
      carrierReference: 'SRD-4K8P2A',
    });
    expect(result).toEqual({ outcome: 'cancelled', carrierReference: 'SRD-4K8P2A' });
    expect(server.calls[0]?.body).toEqual({
      reference: 'rdr_01JDX4T9Q8H4',
      redirectId: 'SRD-4K8P2A',
    });
  });
});

describe('quoteSandboxFee', () => {
  it('reads the total and the lines as decimal-string money', async () => {
    server.answer('POST', `/v1/parcels/${TRACKING_NUMBER}/fees`, () =>
      sandboxJson(feesRedirect, 200),
    );
    const quote = await quoteSandboxFee(createSandboxTestContext(), {
      trackingNumber: TRACKING_NUMBER,
      action: 'redirect',
      newAddress: {
        name: 'Li Lei',
        phone: '+8613800000000',
        line1: '1 Renmin Rd',
        city: 'Suzhou',
        country: 'CN',
      },
    });
    expect(quote).toEqual({
      amount: { amount: '12.00', currency: 'CNY' },
      lines: [
        { label: 'Redirect handling', amount: { amount: '8.00', currency: 'CNY' } },
        { label: 'Re-routing to the new address', amount: { amount: '4.00', currency: 'CNY' } },
      ],
    });
    expect(server.calls[0]?.body).toMatchObject({
      action: 'REDIRECT',
      address: { city: 'Suzhou', line2: null },
    });
  });

  it('throws not-eligible when the action is not possible now', async () => {
    server.answer('POST', `/v1/parcels/${TRACKING_NUMBER}/fees`, () =>
      sandboxJson({ error: { code: 'ALREADY_DELIVERED', message: 'no fee' } }, 422),
    );
    await expect(
      quoteSandboxFee(createSandboxTestContext(), {
        trackingNumber: TRACKING_NUMBER,
        action: 'intercept',
      }),
    ).rejects.toMatchObject({
      kind: 'not-eligible',
      reason: 'delivered',
      carrierCode: 'ALREADY_DELIVERED',
    });
  });
});
