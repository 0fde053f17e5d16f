import { describe, expect, it } from 'vitest';
import { identifySfRequest } from './sf-identify.ts';

function form(serviceCode: string, msgData: unknown): Buffer {
  const text = typeof msgData === 'string' ? msgData : JSON.stringify(msgData);
  return Buffer.from(
    new URLSearchParams({ partnerID: 'P', serviceCode, msgData: text }).toString(),
  );
}

describe('identifySfRequest', () => {
  it('reads a route query as a track of its first waybill', () => {
    const body = form('EXP_RECE_SEARCH_ROUTES', {
      trackingType: '1',
      trackingNumber: ['SF1000000000001', 'SF1000000000002'],
    });
    expect(identifySfRequest(body)).toEqual({
      operation: 'track',
      trackingNumber: 'SF1000000000001',
    });
  });

  it('reads a wanted intercept as an intercept (2, 退回) or a redirect (1, 转寄) of its waybill', () => {
    const intercept = { waybillNo: 'SF1000000000001', serviceCode: '2' };
    expect(identifySfRequest(form('EXP_RECE_WANTED_INTERCEPT', intercept))).toEqual({
      operation: 'intercept',
      trackingNumber: 'SF1000000000001',
    });
    expect(
      identifySfRequest(form('EXP_RECE_WANTED_INTERCEPT', { ...intercept, serviceCode: '1' })),
    ).toEqual({ operation: 'redirect', trackingNumber: 'SF1000000000001' });
  });

  it('reads cancel: true as a cancel of the instruction its serviceCode names', () => {
    const cancel = { waybillNo: 'SF1000000000001', serviceCode: '2', cancel: true, cusId: 'SFI1' };
    expect(identifySfRequest(form('EXP_RECE_WANTED_INTERCEPT', cancel))).toEqual({
      operation: 'cancelIntercept',
      trackingNumber: 'SF1000000000001',
    });
    expect(
      identifySfRequest(form('EXP_RECE_WANTED_INTERCEPT', { ...cancel, serviceCode: '1' })),
    ).toEqual({ operation: 'cancelRedirect', trackingNumber: 'SF1000000000001' });
  });

  it('identifies nothing it cannot read, leaving the gateway to answer', () => {
    expect(identifySfRequest(Buffer.from(''))).toBeUndefined();
    expect(identifySfRequest(form('EXP_RECE_SEARCH_ROUTES', '{not json'))).toBeUndefined();
    expect(identifySfRequest(form('EXP_RECE_CREATE_ORDER', { orderId: 'o' }))).toBeUndefined();
    expect(
      identifySfRequest(
        form('EXP_RECE_WANTED_INTERCEPT', { waybillNo: 'SF1', serviceCode: 'constructor' }),
      ),
    ).toBeUndefined();
    expect(identifySfRequest(form('EXP_RECE_SEARCH_ROUTES', { trackingNumber: [] }))).toEqual({
      operation: 'track',
      trackingNumber: undefined,
    });
  });
});
