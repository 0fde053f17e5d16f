import kuaidi100 from '@parcelgate/carrier-kuaidi100';
import sf from '@parcelgate/carrier-sf';
import ups from '@parcelgate/carrier-ups';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';

// Two carriers whose formats overlap (both claim `FK...`), and an aggregator whose detection
// names the company behind the number.
const alpha = createFakeCarrier('alpha');
const beta = createFakeCarrier('beta');
const aggregator = createFakeCarrier('agg', {
  detect: (number) =>
    number.startsWith('AG')
      ? [{ confidence: 'verified', carrierOptions: { com: 'jtexpress' } }]
      : undefined,
});
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway([
    alpha.carrier,
    beta.carrier,
    aggregator.carrier,
    ups,
    sf,
    kuaidi100,
  ]);
});
afterAll(() => gateway.close());
beforeEach(() => {
  for (const { script } of [alpha, beta, aggregator]) {
    script.parcels.clear();
  }
});

const detect = async (trackingNumber: string) => {
  const response = await gateway.app.inject({
    method: 'GET',
    url: `/v1/carriers/detect?trackingNumber=${encodeURIComponent(trackingNumber)}`,
    headers: gateway.auth.acme,
  });
  expect(response.statusCode).toBe(200);
  return response.json<{
    candidates: { carrier: string; confidence: string; carrierOptions?: Record<string, string> }[];
  }>().candidates;
};

describe('GET /v1/carriers/detect', () => {
  it.each([
    ['1Z999AA10123456784', [{ carrier: 'ups', confidence: 'verified' }]],
    ['1Z999AA10123456785', [{ carrier: 'ups', confidence: 'format' }]],
    ['SF7444407228423', [{ carrier: 'sf', confidence: 'format' }]],
    [
      'JT1234567890123',
      [{ carrier: 'kuaidi100', confidence: 'format', carrierOptions: { com: 'jtexpress' } }],
    ],
    [
      'EA123456785CN',
      [{ carrier: 'kuaidi100', confidence: 'verified', carrierOptions: { com: 'ems' } }],
    ],
    [
      '771234567890',
      [
        { carrier: 'kuaidi100', confidence: 'format', carrierOptions: { com: 'zhongtong' } },
        { carrier: 'kuaidi100', confidence: 'format', carrierOptions: { com: 'shentong' } },
      ],
    ],
    ['XX0000', []],
  ])('lists the candidates of %s, best first', async (trackingNumber, expected) => {
    expect(await detect(trackingNumber)).toEqual(
      expected.map((candidate) => expect.objectContaining(candidate)),
    );
  });

  it('puts a verified check digit before format-only matches', async () => {
    const candidates = await detect('AG0001');
    expect(candidates.map((candidate) => candidate.carrier)).toEqual(['agg']);
    expect((await detect('FK0001')).map((candidate) => candidate.carrier)).toEqual([
      'alpha',
      'beta',
    ]);
  });
});

describe('carrier=auto', () => {
  it('tracks with the options the detection carries and says which carrier it detected', async () => {
    aggregator.script.parcels.set('AG0002', 'in_transit');
    const response = await gateway.app.inject({
      method: 'GET',
      url: '/v1/tracking/auto/AG0002',
      headers: gateway.auth.acme,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      carrier: 'agg',
      detection: { confidence: 'verified', carrierOptions: { com: 'jtexpress' } },
    });
    expect(aggregator.script.requests.track.at(-1)).toEqual({
      trackingNumber: 'AG0002',
      carrierOptions: { com: 'jtexpress' },
    });
  });

  it('asks every best candidate when ambiguous and answers from the one that finds the parcel', async () => {
    beta.script.parcels.set('FK0003', 'in_transit');
    const before = { alpha: alpha.script.calls.track, beta: beta.script.calls.track };
    const response = await gateway.app.inject({
      method: 'GET',
      url: '/v1/tracking/auto/FK0003',
      headers: gateway.auth.acme,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ carrier: 'beta', detection: { confidence: 'format' } });
    expect(alpha.script.calls.track - before.alpha).toBe(1);
    expect(beta.script.calls.track - before.beta).toBe(1);
  });

  it('answers parcel-not-found when no candidate knows it, and unknown-carrier when none matches', async () => {
    const missing = await gateway.app.inject({
      method: 'GET',
      url: '/v1/tracking/auto/FK0004',
      headers: gateway.auth.acme,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ type: expect.stringMatching(/parcel-not-found$/) });
    const unknown = await gateway.app.inject({
      method: 'GET',
      url: '/v1/tracking/auto/XX0000',
      headers: gateway.auth.acme,
    });
    expect(unknown.json()).toMatchObject({ type: expect.stringMatching(/unknown-carrier$/) });
  });
});
