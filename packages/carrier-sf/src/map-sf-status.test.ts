import { isNormalizedStatus } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import {
  describeSfRoute,
  mapSfStatus,
  SF_SECONDARY_STATUS_CODES,
  SF_STATUS_CODES,
} from './map-sf-status.ts';

/** carriers.md §5.2's opCodes, every one of which must be in the table. */
const CARRIERS_MD_OPCODES = [
  '50',
  '54',
  '30',
  '31',
  '36',
  '105',
  '106',
  '44',
  '204',
  '70',
  '80',
  '8000',
  '130',
  '631',
  '648',
  '99',
  '607',
  '123',
];

describe('mapSfStatus', () => {
  it('lists every opCode carriers.md names', () => {
    expect(SF_STATUS_CODES).toEqual(expect.arrayContaining(CARRIERS_MD_OPCODES));
  });

  it.each([
    ['50', 'picked_up'],
    ['54', 'picked_up'],
    ['30', 'in_transit'],
    ['31', 'in_transit'],
    ['36', 'in_transit'],
    ['105', 'in_transit'],
    ['106', 'in_transit'],
    ['130', 'at_destination_facility'],
    ['44', 'out_for_delivery'],
    ['204', 'out_for_delivery'],
    ['70', 'delivery_attempted'],
    ['607', 'available_for_pickup'],
    ['80', 'delivered'],
    ['8000', 'delivered'],
    ['33', 'exception'],
    ['631', 'return_in_transit'],
    ['648', 'in_transit'],
    ['99', 'in_transit'],
    ['123', 'in_transit'],
  ])('opCode %s is %s', (code, status) => {
    expect(mapSfStatus(code).status).toBe(status);
  });

  it('maps every documented opCode and secondary group to a known status', () => {
    for (const code of SF_STATUS_CODES) {
      const { status } = mapSfStatus(code);
      expect(isNormalizedStatus(status) && status !== 'unknown', code).toBe(true);
    }
    for (const group of SF_SECONDARY_STATUS_CODES) {
      const { status } = mapSfStatus('no-such-opcode', group);
      expect(isNormalizedStatus(status) && status !== 'unknown', group).toBe(true);
    }
  });

  it.each([
    ['101', 'picked_up'],
    ['201', 'in_transit'],
    ['204', 'exception'],
    ['205', 'in_transit'],
    ['301', 'out_for_delivery'],
    ['401', 'delivered'],
    ['1301', 'delivery_attempted'],
  ])('falls back to secondary group %s (%s) for an unknown opCode', (group, status) => {
    expect(mapSfStatus('9999', group).status).toBe(status);
  });

  it('prefers the opCode over the secondary group (opCode 204 is 派送中, group 204 清关中)', () => {
    expect(mapSfStatus('204', '204').status).toBe('out_for_delivery');
    expect(mapSfStatus('9999', '204')).toEqual({
      status: 'exception',
      subStatus: 'held',
      incident: 'customs',
    });
  });

  it('keeps an undocumented opCode as unknown rather than guessing', () => {
    expect(mapSfStatus('9999').status).toBe('unknown');
  });

  it('never maps an unconfirmed opCode to a terminal status', () => {
    for (const code of SF_STATUS_CODES) {
      const entry = describeSfRoute(code);
      if (!entry.confirmed) {
        expect(['delivered', 'returned', 'cancelled'], code).not.toContain(entry.status);
      }
    }
  });
});
