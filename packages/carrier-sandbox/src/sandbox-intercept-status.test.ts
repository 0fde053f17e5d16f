import { describe, expect, it } from 'vitest';
import { sandboxJson, useSandboxMockServer } from '../test/support/sandbox-mock-server.ts';
import { createSandboxTestContext } from '../test/support/sandbox-test-context.ts';
import interceptStatusNotFound from './__fixtures__/intercept-status-not-found.json' with {
  type: 'json',
};
import interceptStatusReturning from './__fixtures__/intercept-status-returning.json' with {
  type: 'json',
};
import { getSandboxInterceptStatus } from './sandbox-intercept-status.ts';

const server = useSandboxMockServer();
const STATUS_PATH = '/v1/intercepts/SIC-7Q2M9X';
const request = {
  trackingNumber: 'SBX100000025',
  reference: 'icp_01JDX4T9Q8H3',
  carrierReference: 'SIC-7Q2M9X',
};

describe('getSandboxInterceptStatus', () => {
  it('sends GET /v1/intercepts/{interceptId}', async () => {
    server.answer('GET', STATUS_PATH, () => sandboxJson(interceptStatusReturning));
    await getSandboxInterceptStatus(createSandboxTestContext(), request);
    expect(server.calls).toMatchInlineSnapshot(`
      [
        {
          "body": undefined,
          "headers": {
            "accept": "application/json",
            "authorization": "Bearer <api key>",
          },
          "method": "GET",
          "path": "/v1/intercepts/SIC-7Q2M9X",
        },
      ]
    `);
  });

  it.each([
    ['ACCEPTED', 'accepted'],
    ['RETURNING', 'returning'],
    ['RETURNED', 'returned'],
    ['FAILED', 'failed'],
  ])('maps state %s to outcome %s', async (state, outcome) => {
    server.answer('GET', STATUS_PATH, () => sandboxJson({ ...interceptStatusReturning, state }));
    await expect(getSandboxInterceptStatus(createSandboxTestContext(), request)).resolves.toEqual({
      outcome,
      carrierReference: 'SIC-7Q2M9X',
    });
  });

  it('classifies an undocumented state as a retryable unreadable answer', async () => {
    server.answer('GET', STATUS_PATH, () =>
      sandboxJson({ ...interceptStatusReturning, state: 'MISPLACED' }),
    );
    await expect(
      getSandboxInterceptStatus(createSandboxTestContext(), request),
    ).rejects.toMatchObject({ kind: 'retryable', requestSent: true });
  });

  it('throws not-found for an unknown intercept', async () => {
    server.answer('GET', STATUS_PATH, () => sandboxJson(interceptStatusNotFound, 404));
    await expect(
      getSandboxInterceptStatus(createSandboxTestContext(), request),
    ).rejects.toMatchObject({ kind: 'not-found', carrierCode: 'INTERCEPT_NOT_FOUND' });
  });

  describe('without a carrierReference (the answer that carried it was lost)', () => {
    const { carrierReference: _id, ...byReference } = request;
    const LOOKUP_PATH = '/v1/parcels/SBX100000025/intercepts';
    const found = {
      interceptId: 'SIC-7Q2M9X',
      trackingNumber: 'SBX100000025',
      reference: 'icp_01JDX4T9Q8H3',
      state: 'ACCEPTED',
      updatedAt: '2026-11-26T09:15:00+08:00',
    };

    it('looks the intercept up by our reference', async () => {
      server.answer('GET', LOOKUP_PATH, () => sandboxJson({ intercepts: [found] }));
      await expect(
        getSandboxInterceptStatus(createSandboxTestContext(), byReference),
      ).resolves.toEqual({ outcome: 'accepted', carrierReference: 'SIC-7Q2M9X' });
      expect(server.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
        'GET /v1/parcels/SBX100000025/intercepts?reference=icp_01JDX4T9Q8H3',
      ]);
    });

    it('throws not-found when the sandbox has none: the intercept never arrived', async () => {
      server.answer('GET', LOOKUP_PATH, () => sandboxJson({ intercepts: [] }));
      await expect(
        getSandboxInterceptStatus(createSandboxTestContext(), byReference),
      ).rejects.toMatchObject({ kind: 'not-found', requestSent: true });
    });

    it('ignores intercepts sent with another reference', async () => {
      server.answer('GET', LOOKUP_PATH, () =>
        sandboxJson({ intercepts: [{ ...found, reference: 'icp_someone_else' }] }),
      );
      await expect(
        getSandboxInterceptStatus(createSandboxTestContext(), byReference),
      ).rejects.toMatchObject({ kind: 'not-found' });
    });

    it('classifies a failed lookup like any read', async () => {
      server.answer('GET', LOOKUP_PATH, () =>
        sandboxJson({ error: { code: 'PARCEL_NOT_FOUND', message: 'no parcel' } }, 404),
      );
      await expect(
        getSandboxInterceptStatus(createSandboxTestContext(), byReference),
      ).rejects.toMatchObject({ kind: 'not-found', carrierCode: 'PARCEL_NOT_FOUND' });
      server.answer('GET', LOOKUP_PATH, () => sandboxJson({ error: { code: 'DOWN' } }, 503));
      await expect(
        getSandboxInterceptStatus(createSandboxTestContext(), byReference),
      ).rejects.toMatchObject({ kind: 'retryable' });
    });
  });
});
