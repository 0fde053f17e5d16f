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

  it('needs the carrierReference, and says so without calling the sandbox', async () => {
    const { carrierReference: _id, ...withoutId } = request;
    await expect(
      getSandboxInterceptStatus(createSandboxTestContext(), withoutId),
    ).rejects.toMatchObject({
      kind: 'invalid-request',
      field: 'carrierReference',
      requestSent: false,
    });
    expect(server.calls).toEqual([]);
  });
});
