import { isCarrierRefusalReason } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { kuaidi100RefusalReason } from './classify-kuaidi100-failure.ts';

describe('the reason of a refusal Kuaidi100 forwards from the carrier', () => {
  it.each([
    ['快递公司返回：快件尚未揽收，无法拦截', 'not_picked_up'],
    ['快件未揽收', 'not_picked_up'],
    ['快递公司返回：快件派送中，无法拦截', 'out_for_delivery'],
    ['快递公司返回：快件已签收，无法拦截', 'delivered'],
    ['快递公司返回：快件已在退回途中', 'returning_or_returned'],
    ['快递公司返回：快件已撤销', 'cancelled'],
    ['快递公司返回：该类物品不支持拦截', 'category_excluded'],
    ['快递公司返回：保价金额超限', 'declared_value_over_limit'],
    ['重复提交：该快件已存在拦截请求', 'already_intercepted'],
    ['快递公司返回：网点未能拦截该快件', 'carrier_refused'],
    [undefined, 'carrier_refused'],
  ])('reads %s as %s', (message, reason) => {
    expect(kuaidi100RefusalReason(message)).toBe(reason);
    expect(isCarrierRefusalReason(kuaidi100RefusalReason(message))).toBe(true);
  });
});
