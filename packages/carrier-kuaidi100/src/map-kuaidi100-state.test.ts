import {
  isExceptionSubStatus,
  isNormalizedStatus,
  type StatusMapping,
} from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import {
  describeKuaidi100State,
  KUAIDI100_STATES,
  KUAIDI100_STATUS_CODES,
  kuaidi100StateCodeOfName,
  mapKuaidi100State,
  refineKuaidi100State,
} from './map-kuaidi100-state.ts';

/** The whole documented table, as the README states it: code, name, normalized reading. */
const EXPECTED: readonly (readonly [string, string, StatusMapping])[] = [
  ['0', '在途', { status: 'in_transit' }],
  ['1001', '到达派件城市', { status: 'at_destination_facility' }],
  ['1002', '干线', { status: 'in_transit' }],
  ['1003', '转递', { status: 'in_transit' }],
  ['1', '揽收', { status: 'picked_up' }],
  ['101', '已下单', { status: 'label_created' }],
  ['102', '待揽收', { status: 'label_created' }],
  ['103', '已揽收', { status: 'picked_up' }],
  ['2', '疑难', { status: 'exception', subStatus: 'other', incident: 'other' }],
  [
    '201',
    '超时未签收',
    { status: 'exception', subStatus: 'held', incident: 'recipient_unavailable' },
  ],
  ['202', '超时未更新', { status: 'exception', subStatus: 'lost', incident: 'delayed' }],
  ['203', '拒收', { status: 'exception', subStatus: 'refused', incident: 'refused' }],
  ['204', '派件异常', { status: 'delivery_attempted' }],
  [
    '205',
    '柜或驿站超时未取',
    { status: 'exception', subStatus: 'held', incident: 'recipient_unavailable' },
  ],
  [
    '206',
    '无法联系',
    { status: 'exception', subStatus: 'held', incident: 'recipient_unavailable' },
  ],
  [
    '207',
    '超区',
    { status: 'exception', subStatus: 'address_issue', incident: 'address_not_found' },
  ],
  ['208', '滞留', { status: 'exception', subStatus: 'held', incident: 'delayed' }],
  ['209', '破损', { status: 'exception', subStatus: 'damaged', incident: 'damaged' }],
  ['210', '销单', { status: 'cancelled' }],
  ['3', '签收', { status: 'delivered' }],
  ['301', '本人签收', { status: 'delivered' }],
  ['302', '派件异常后签收', { status: 'delivered' }],
  ['303', '代签', { status: 'delivered' }],
  ['304', '投柜或站签收', { status: 'delivered' }],
  ['4', '退签', { status: 'returned' }],
  ['401', '已销单', { status: 'cancelled' }],
  ['5', '派件', { status: 'out_for_delivery' }],
  ['501', '投柜或驿站', { status: 'available_for_pickup' }],
  ['6', '退回', { status: 'return_in_transit' }],
  ['7', '转投', { status: 'in_transit' }],
  ['8', '清关', { status: 'in_transit' }],
  ['10', '待清关', { status: 'in_transit' }],
  ['11', '清关中', { status: 'in_transit' }],
  ['12', '已清关', { status: 'in_transit' }],
  ['13', '清关异常', { status: 'exception', subStatus: 'held', incident: 'customs' }],
  ['14', '拒签', { status: 'returned' }],
];

describe('Kuaidi100 state table', () => {
  it.each(EXPECTED)('maps %s (%s)', (code, name, mapping) => {
    expect(mapKuaidi100State(code)).toEqual(mapping);
    expect(describeKuaidi100State(code)?.name).toBe(name);
    expect(kuaidi100StateCodeOfName(name)).toBe(code);
  });

  it('documents exactly the codes above: every main state 0 to 8 and 10 to 14, no 9', () => {
    expect([...KUAIDI100_STATUS_CODES].sort()).toEqual(EXPECTED.map(([code]) => code).sort());
    expect(KUAIDI100_STATUS_CODES).not.toContain('9');
    for (const main of [
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '10',
      '11',
      '12',
      '13',
      '14',
    ]) {
      expect(KUAIDI100_STATUS_CODES).toContain(main);
    }
  });

  it('gives every entry a valid normalized status, sub-status only on exceptions', () => {
    for (const entry of Object.values(KUAIDI100_STATES)) {
      const mapping: StatusMapping = entry.mapping;
      expect(isNormalizedStatus(mapping.status)).toBe(true);
      expect(mapping.subStatus === undefined || isExceptionSubStatus(mapping.subStatus)).toBe(true);
      expect(mapping.subStatus !== undefined).toBe(mapping.status === 'exception');
    }
  });

  it('reads an undocumented code as unknown', () => {
    expect(mapKuaidi100State('9')).toEqual({ status: 'unknown' });
    expect(kuaidi100StateCodeOfName('未知')).toBeUndefined();
  });
});

describe('a bare main state 1 (揽收) without its advanced code', () => {
  it.each([
    ['快递员已揽收', '1', 'picked_up'],
    ['【杭州市】圆通速递 已揽件', '1', 'picked_up'],
    ['商家已下单，等待快递员揽收', '102', 'label_created'],
    ['快件尚未揽收', '102', 'label_created'],
    ['商家已下单', '101', 'label_created'],
    ['【杭州市】快件已交给快递员', '1', 'picked_up'],
  ])('reads "%s" as %s (%s)', (context, code, status) => {
    expect(refineKuaidi100State('1', context)).toBe(code);
    expect(mapKuaidi100State(refineKuaidi100State('1', context)).status).toBe(status);
  });

  it('leaves every other code alone, whatever the text says', () => {
    expect(refineKuaidi100State('103', '等待快递员揽收')).toBe('103');
    expect(refineKuaidi100State('0', '商家已下单')).toBe('0');
  });

  it('also knows the names other client libraries quote', () => {
    expect(kuaidi100StateCodeOfName('揽件')).toBe('1');
    expect(kuaidi100StateCodeOfName('运输中')).toBe('1002');
    expect(kuaidi100StateCodeOfName('已代签')).toBe('303');
  });
});
