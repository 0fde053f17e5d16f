import type { InterceptRequest } from '@parcelgate/carrier-kit';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  sandboxJson,
  sandboxText,
  useSandboxMockServer,
} from '../test/support/sandbox-mock-server.ts';
import { createSandboxTestContext } from '../test/support/sandbox-test-context.ts';
import error429 from './__fixtures__/error-429.json' with { type: 'json' };
import interceptAccepted from './__fixtures__/intercept-accepted.json' with { type: 'json' };
import interceptInvalid from './__fixtures__/intercept-invalid.json' with { type: 'json' };
import interceptRefused from './__fixtures__/intercept-refused.json' with { type: 'json' };
import trackNotFound from './__fixtures__/track-not-found.json' with { type: 'json' };
import { mapSandboxRefusal, SANDBOX_REFUSAL_CODES } from './map-sandbox-reason.ts';
import { interceptSandboxParcel } from './sandbox-intercept.ts';

const server = useSandboxMockServer();
const INTERCEPTS_PATH = '/v1/parcels/SBX100000016/intercepts';
const request: InterceptRequest = {
  trackingNumber: 'SBX100000016',
  reference: 'icp_01JDX4T9Q8H3',
  reason: 'buyer_cancelled',
  orderRef: 'TTS-5801',
  note: 'buyer asked for a refund',
  parcel: { declaredValue: { amount: '129.00', currency: 'CNY' }, category: 'apparel' },
};

describe('interceptSandboxParcel', () => {
  it('sends POST /v1/parcels/{trackingNumber}/intercepts with reference, reason and note', async () => {
    server.answer('POST', INTERCEPTS_PATH, () => sandboxJson(interceptAccepted, 201));
    await interceptSandboxParcel(createSandboxTestContext(), request);
    expect(server.calls).toMatchInlineSnapshot(`
      [
        {
          "body": {
            "note": "buyer asked for a refund",
            "reason": "BUYER_CANCELLED",
            "reference": "icp_01JDX4T9Q8H3",
          },
          "headers": {
            "accept": "application/json",
            "authorization": "Bearer <api key>",
            "content-type": "application/json; charset=utf-8",
          },
          "method": "POST",
          "path": "/v1/parcels/SBX100000016/intercepts",
        },
      ]
    `);
  });

  it('leaves the note out when there is none', async () => {
    server.answer('POST', INTERCEPTS_PATH, () => sandboxJson(interceptAccepted, 201));
    const { note: _note, ...withoutNote } = request;
    await interceptSandboxParcel(createSandboxTestContext(), {
      ...withoutNote,
      reason: 'merchant_error',
    });
    expect(server.calls[0]?.body).toEqual({
      reference: 'icp_01JDX4T9Q8H3',
      reason: 'SENDER_ERROR',
    });
  });

  it('answers accepted with the interceptId as carrierReference on 201', async () => {
    server.answer('POST', INTERCEPTS_PATH, () => sandboxJson(interceptAccepted, 201));
    await expect(interceptSandboxParcel(createSandboxTestContext(), request)).resolves.toEqual({
      outcome: 'accepted',
      carrierReference: 'SIC-7Q2M9X',
    });
  });

  it('throws not-eligible for a 422 refusal', async () => {
    server.answer('POST', INTERCEPTS_PATH, () => sandboxJson(interceptRefused, 422));
    await expect(interceptSandboxParcel(createSandboxTestContext(), request)).rejects.toMatchObject(
      {
        kind: 'not-eligible',
        reason: 'out_for_delivery',
        carrierCode: 'OUT_FOR_DELIVERY',
        httpStatus: 422,
      },
    );
  });

  it.each(SANDBOX_REFUSAL_CODES)('maps refusal %s to its domain reason', async (code) => {
    server.answer('POST', INTERCEPTS_PATH, () =>
      sandboxJson({ error: { code, message: 'refused' } }, 422),
    );
    await expect(interceptSandboxParcel(createSandboxTestContext(), request)).rejects.toMatchObject(
      {
        kind: 'not-eligible',
        carrierCode: code,
        reason: mapSandboxRefusal(code),
      },
    );
  });

  it('throws invalid-request naming the field on 400', async () => {
    server.answer('POST', INTERCEPTS_PATH, () => sandboxJson(interceptInvalid, 400));
    await expect(interceptSandboxParcel(createSandboxTestContext(), request)).rejects.toMatchObject(
      {
        kind: 'invalid-request',
        field: 'reason',
      },
    );
  });

  it('throws not-found for an unknown parcel', async () => {
    server.answer('POST', INTERCEPTS_PATH, () => sandboxJson(trackNotFound, 404));
    await expect(interceptSandboxParcel(createSandboxTestContext(), request)).rejects.toMatchObject(
      {
        kind: 'not-found',
      },
    );
  });

  it('throws rate-limited with the delay on 429', async () => {
    server.answer('POST', INTERCEPTS_PATH, () =>
      sandboxJson(error429, 429, { 'retry-after': '2' }),
    );
    await expect(interceptSandboxParcel(createSandboxTestContext(), request)).rejects.toMatchObject(
      {
        kind: 'rate-limited',
        retryAfterMs: 2000,
      },
    );
  });

  it('reports an unreadable 201 as an unknown outcome: the sandbox may have acted', async () => {
    server.answer('POST', INTERCEPTS_PATH, () =>
      sandboxText('{"interceptId":"SIC-', 201, 'application/json'),
    );
    await expect(interceptSandboxParcel(createSandboxTestContext(), request)).rejects.toMatchObject(
      {
        kind: 'outcome-unknown',
        requestSent: true,
      },
    );
  });

  it('reports a 201 without an interceptId as an unknown outcome', async () => {
    server.answer('POST', INTERCEPTS_PATH, () => sandboxJson({ state: 'ACCEPTED' }, 201));
    await expect(interceptSandboxParcel(createSandboxTestContext(), request)).rejects.toMatchObject(
      {
        kind: 'outcome-unknown',
      },
    );
  });

  it('reports a connection lost after sending as an unknown outcome, not retryable', async () => {
    server.answer('POST', INTERCEPTS_PATH, () => HttpResponse.error());
    await expect(interceptSandboxParcel(createSandboxTestContext(), request)).rejects.toMatchObject(
      {
        kind: 'outcome-unknown',
      },
    );
  });

  it("classifies a proxy's HTML 502 by status", async () => {
    server.answer('POST', INTERCEPTS_PATH, () =>
      sandboxText('<html><h1>502 Bad Gateway</h1></html>', 502, 'text/html'),
    );
    await expect(interceptSandboxParcel(createSandboxTestContext(), request)).rejects.toMatchObject(
      {
        kind: 'retryable',
        httpStatus: 502,
        requestSent: true,
      },
    );
  });
});
