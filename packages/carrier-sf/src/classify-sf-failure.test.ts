import { describe, expect, it } from 'vitest';
import { classifySfBusinessError, classifySfGatewayCode } from './classify-sf-failure.ts';

describe('classifySfGatewayCode', () => {
  it.each([
    ['A1001', 'track', 'authentication'],
    ['A1004', 'track', 'authentication'],
    ['A1006', 'intercept', 'authentication'],
    ['A1005', 'track', 'rate-limited'],
    ['A1002', 'intercept', 'retryable'],
    ['A1009', 'redirect', 'retryable'],
    ['A1099', 'track', 'retryable'],
    ['A1099', 'intercept', 'outcome-unknown'],
    ['A1007', 'redirect', 'outcome-unknown'],
    ['A9999', 'intercept', 'outcome-unknown'],
  ] as const)('%s on %s is %s', (code, operation, kind) => {
    const error = classifySfGatewayCode(code, 'msg', operation);
    expect(error.kind).toBe(kind);
    expect(error.carrierCode).toBe(code);
  });
});

describe('classifySfBusinessError', () => {
  it('8016 is a refusal: intercepted once already', () => {
    expect(classifySfBusinessError('8016', '重复下单', 'intercept')).toMatchObject({
      kind: 'not-eligible',
      reason: 'already_intercepted',
      carrierCode: '8016',
    });
  });

  it.each([
    ['快件已签收,不能办理截单转寄', 'delivered'],
    ['快件派送中,不能办理截单转寄', 'out_for_delivery'],
    ['运单未揽收,不能办理截单转寄', 'not_picked_up'],
    ['快件已退回,不能办理截单转寄', 'returning_or_returned'],
    ['网点未能拦截快件', 'carrier_refused'],
  ])('reads the reason of "%s" as %s', (message, reason) => {
    expect(classifySfBusinessError('8024', message, 'redirect')).toMatchObject({
      kind: 'not-eligible',
      reason,
    });
  });

  it('1xxx codes reject the request content', () => {
    expect(classifySfBusinessError('1010', '参数校验失败', 'intercept').kind).toBe(
      'invalid-request',
    );
  });

  it('S codes are SF system errors: retryable for reads, unknown outcome for mutations', () => {
    expect(classifySfBusinessError('S0001', '系统异常', 'track').kind).toBe('retryable');
    expect(classifySfBusinessError('S0001', '系统异常', 'intercept').kind).toBe('outcome-unknown');
  });

  it('运单不存在 is not-found', () => {
    expect(classifySfBusinessError('8018', '运单不存在', 'intercept').kind).toBe('not-found');
  });
});
