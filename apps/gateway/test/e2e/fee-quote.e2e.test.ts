/**
 * Fees known before acting: the dry run asks the carrier's price where it quotes one (UPS
 * `/charges`, the sandbox's price list) beside the tracking read; `fee.payer` says who pays
 * it under the domain's rules: nothing for the merchant after a platform pickup, the
 * carrier's price otherwise. A carrier without quotes (Kuaidi100) answers without one.
 */
import { newKey, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Eligibility } from './api-types.ts';
import { companyOf } from './kuaidi100-company.ts';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    seed: 'fee-quote',
    carriers: [
      '@parcelgate/carrier-sandbox',
      '@parcelgate/carrier-ups',
      '@parcelgate/carrier-kuaidi100',
    ],
  });
});

afterAll(async () => {
  await stack?.stop();
});

async function dryRun(carrier: string, pickupMode: string) {
  const trackingNumber = await stack.sim.createParcel({ carrier, status: 'in_transit' });
  const extras =
    carrier === 'kuaidi100' ? { carrierOptions: { com: companyOf(trackingNumber) } } : {};
  const answer = await stack.api.post<Eligibility>(
    '/v1/intercepts/eligibility',
    { carrier, trackingNumber, reason: 'buyer_cancelled', pickupMode, ...extras },
    { idempotencyKey: newKey() },
  );
  expect(answer.status, answer.text).toBe(200);
  return { trackingNumber, body: answer.body };
}

describe('the dry run quotes the fee', () => {
  it('UPS: the carrier price from /charges, paid by the merchant after a self drop-off', async () => {
    const { trackingNumber, body } = await dryRun('ups', 'self_dropoff');
    expect(body.feeQuote?.amount).toEqual({ amount: '21.00', currency: 'USD' });
    expect(body.fee.payer).toBe('merchant');
    expect((await stack.sim.parcel(trackingNumber, 'ups')).calls.quoteFee).toBe(1);
  });

  it('sandbox: quoted, and free for the merchant after a platform pickup', async () => {
    const { body } = await dryRun('sandbox', 'platform_pickup');
    expect(body.feeQuote?.amount).toEqual({ amount: '8.00', currency: 'CNY' });
    expect(body.fee.payer).not.toBe('merchant');
  });

  it('Kuaidi100: no quote to ask for, the answer says who pays', async () => {
    const { body } = await dryRun('kuaidi100', 'self_dropoff');
    expect(body.feeQuote).toBeNull();
    expect(body.fee.payer).toBeDefined();
  });
});
