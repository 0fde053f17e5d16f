import { describe, expect, it } from 'vitest';
import { Simulator } from '../../simulator.ts';
import type { CarrierRequest } from '../carrier-module.ts';
import { sfCarrier } from './sf-carrier.ts';
import { SF_SIM_CHECKWORD, SF_SIM_PARTNER_ID } from './sf-gateway.ts';
import { sfJavaUrlEncode, sfMsgDigest } from './sf-signature.ts';

function call(simulator: Simulator, fields: Record<string, string>) {
  const route = sfCarrier.route('POST', '/std/service', simulator);
  if (route === undefined) {
    throw new Error('no route');
  }
  const request: CarrierRequest = {
    route,
    headers: {},
    body: Buffer.from(new URLSearchParams(fields).toString()),
    query: '',
  };
  const answer = JSON.parse(route.handle(request, simulator).body.toString()) as {
    apiResultCode: string;
    apiResultData: string | null;
  };
  return {
    code: answer.apiResultCode,
    data: answer.apiResultData === null ? undefined : JSON.parse(answer.apiResultData),
  };
}

function signed(msgData: unknown, timestamp: string, checkword = SF_SIM_CHECKWORD) {
  const text = JSON.stringify(msgData);
  return {
    partnerID: SF_SIM_PARTNER_ID,
    requestID: 'b1c0ffee-0000-4000-8000-000000000001',
    serviceCode: 'EXP_RECE_SEARCH_ROUTES',
    timestamp,
    msgDigest: sfMsgDigest(text, timestamp, checkword),
    msgData: text,
  };
}

describe('simulated SF gateway', () => {
  it('encodes like Java URLEncoder and signs a pasted vector', () => {
    expect(sfJavaUrlEncode("上海 (x)~!'*")).toBe('%E4%B8%8A%E6%B5%B7+%28x%29%7E%21%27*');
    expect(
      sfMsgDigest(
        '{"language":"0","trackingType":"1","trackingNumber":["SF7444407228423"],"methodType":"1"}',
        '1700000000',
        'checkword-123',
      ),
    ).toBe('z9WpoYYxzCGV8gr9S8f/SA==');
  });

  it('accepts a digest over a timestamp in seconds and in milliseconds', () => {
    const simulator = new Simulator();
    const query = { trackingType: '1', trackingNumber: ['SF1000000000001'], methodType: '1' };
    expect(call(simulator, signed(query, '1795660800')).code).toBe('A1000');
    expect(call(simulator, signed(query, '1795660800000')).code).toBe('A1000');
  });

  it('answers A1006 for a wrong digest, A1004 for an unknown partner, A1001 for a missing field', () => {
    const simulator = new Simulator();
    const query = { trackingType: '1', trackingNumber: ['SF1000000000001'] };
    expect(call(simulator, signed(query, '1', 'wrong')).code).toBe('A1006');
    expect(call(simulator, { ...signed(query, '1'), partnerID: 'NOBODY' }).code).toBe('A1004');
    const { msgDigest: _digest, ...unsigned } = signed(query, '1');
    expect(call(simulator, unsigned).code).toBe('A1001');
  });

  it('double-encodes the route answer (the server, not the handler, counts the read)', () => {
    const simulator = new Simulator();
    const parcel = simulator.createParcel({
      carrier: 'sf',
      status: 'in_transit',
      subStatus: null,
      category: null,
      declaredValue: null,
    });
    const answer = call(
      simulator,
      signed({ trackingType: '1', trackingNumber: [parcel.trackingNumber] }, '1'),
    );
    expect(answer.data.success).toBe(true);
    expect(
      answer.data.msgData.routeResps[0].routes.map((route: { opCode: string }) => route.opCode),
    ).toEqual(['50', '36', '31']);
    expect(parcel.calls.track).toBe(0);
  });
});
