import type { RedirectRequest } from '@parcelgate/carrier-kit';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { sandboxJson, useSandboxMockServer } from '../test/support/sandbox-mock-server.ts';
import { createSandboxTestContext } from '../test/support/sandbox-test-context.ts';
import interceptInvalid from './__fixtures__/intercept-invalid.json' with { type: 'json' };
import redirectAccepted from './__fixtures__/redirect-accepted.json' with { type: 'json' };
import redirectRefused from './__fixtures__/redirect-refused.json' with { type: 'json' };
import { redirectSandboxParcel } from './sandbox-redirect.ts';

const server = useSandboxMockServer();
const REDIRECTS_PATH = '/v1/parcels/SBX100000016/redirects';
const request: RedirectRequest = {
  trackingNumber: 'SBX100000016',
  reference: 'rdr_01JDX5B2C7K9',
  orderRef: 'TTS-5801',
  note: 'buyer moved',
  newAddress: {
    name: 'Li Lei',
    phone: '+8613800000000',
    line1: '1 Renmin Rd',
    city: 'Suzhou',
    region: 'JS',
    postalCode: '215000',
    country: 'CN',
  },
};

describe('redirectSandboxParcel', () => {
  it('sends POST /v1/parcels/{trackingNumber}/redirects with the full address', async () => {
    server.answer('POST', REDIRECTS_PATH, () => sandboxJson(redirectAccepted, 201));
    await redirectSandboxParcel(createSandboxTestContext(), request);
    expect(server.calls).toMatchInlineSnapshot(`
      [
        {
          "body": {
            "address": {
              "city": "Suzhou",
              "country": "CN",
              "line1": "1 Renmin Rd",
              "line2": null,
              "name": "Li Lei",
              "phone": "+8613800000000",
              "postalCode": "215000",
              "region": "JS",
            },
            "reference": "rdr_01JDX5B2C7K9",
          },
          "headers": {
            "accept": "application/json",
            "authorization": "Bearer <api key>",
            "content-type": "application/json; charset=utf-8",
          },
          "method": "POST",
          "path": "/v1/parcels/SBX100000016/redirects",
        },
      ]
    `);
  });

  it('answers accepted with the redirectId as carrierReference on 201', async () => {
    server.answer('POST', REDIRECTS_PATH, () => sandboxJson(redirectAccepted, 201));
    await expect(redirectSandboxParcel(createSandboxTestContext(), request)).resolves.toEqual({
      outcome: 'accepted',
      carrierReference: 'SRD-4K8P2R',
    });
  });

  it('throws not-eligible with the mapped reason on 422', async () => {
    server.answer('POST', REDIRECTS_PATH, () => sandboxJson(redirectRefused, 422));
    await expect(redirectSandboxParcel(createSandboxTestContext(), request)).rejects.toMatchObject({
      kind: 'not-eligible',
      reason: 'delivered',
      carrierCode: 'ALREADY_DELIVERED',
    });
  });

  it('throws invalid-request naming the field on 400', async () => {
    server.answer('POST', REDIRECTS_PATH, () =>
      sandboxJson({ error: { ...interceptInvalid.error, field: 'address.postalCode' } }, 400),
    );
    await expect(redirectSandboxParcel(createSandboxTestContext(), request)).rejects.toMatchObject({
      kind: 'invalid-request',
      field: 'address.postalCode',
    });
  });

  it('reports a 201 without a redirectId, or a lost connection, as an unknown outcome', async () => {
    server.answer('POST', REDIRECTS_PATH, () => sandboxJson({ state: 'ACCEPTED' }, 201));
    await expect(redirectSandboxParcel(createSandboxTestContext(), request)).rejects.toMatchObject({
      kind: 'outcome-unknown',
    });
    server.answer('POST', REDIRECTS_PATH, () => HttpResponse.error());
    await expect(redirectSandboxParcel(createSandboxTestContext(), request)).rejects.toMatchObject({
      kind: 'outcome-unknown',
    });
  });

  it('never puts the address into an error message', async () => {
    server.answer('POST', REDIRECTS_PATH, () => sandboxJson(redirectRefused, 422));
    const error: unknown = await redirectSandboxParcel(createSandboxTestContext(), request).catch(
      (caught: unknown) => caught,
    );
    const text = String(error);
    for (const personal of ['Li Lei', '+8613800000000', '1 Renmin Rd']) {
      expect(text).not.toContain(personal);
    }
  });
});
