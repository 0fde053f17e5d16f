import { describe, expect, it } from 'vitest';
import {
  FEDEX_EXCEPTION_CODES,
  FEDEX_STATUS_CODES,
  mapFedexScan,
  mapFedexStatusCode,
} from './map-fedex-status.ts';

describe('mapFedexStatusCode', () => {
  it.each([
    ['OC', 'label_created'],
    ['PU', 'picked_up'],
    ['IT', 'in_transit'],
    ['AA', 'in_transit'],
    ['AC', 'in_transit'],
    ['AF', 'in_transit'],
    ['AR', 'in_transit'],
    ['AX', 'in_transit'],
    ['DP', 'in_transit'],
    ['CC', 'in_transit'],
    ['CH', 'in_transit'],
    ['CP', 'in_transit'],
    ['OD', 'out_for_delivery'],
    ['DL', 'delivered'],
    ['DE', 'exception'],
    ['SE', 'exception'],
    ['CD', 'exception'],
    ['DD', 'exception'],
    ['HL', 'available_for_pickup'],
    ['RS', 'return_in_transit'],
    ['CA', 'cancelled'],
  ])('%s is %s', (code, status) => {
    expect(mapFedexStatusCode(code).status).toBe(status);
  });

  it('covers every documented code, and leaves others unknown', () => {
    expect(FEDEX_STATUS_CODES).toHaveLength(21);
    for (const code of FEDEX_STATUS_CODES) {
      expect(mapFedexStatusCode(code).status).not.toBe('unknown');
    }
    expect(mapFedexStatusCode('ZZ').status).toBe('unknown');
  });

  it('reads delays as held, with why', () => {
    expect(mapFedexStatusCode('CD')).toMatchObject({ subStatus: 'held', incident: 'customs' });
    expect(mapFedexStatusCode('DD')).toMatchObject({ subStatus: 'held', incident: 'delayed' });
  });
});

describe('mapFedexScan', () => {
  it('falls back to the derived status code when the scan code is not documented', () => {
    expect(mapFedexScan({ code: 'XX', derivedCode: 'IT' })).toMatchObject({
      status: 'in_transit',
      code: 'IT',
    });
    expect(mapFedexScan({ code: 'XX', derivedCode: 'YY' })).toMatchObject({
      status: 'unknown',
      code: 'XX',
    });
  });

  it('reads an arrival at the destination facility as at_destination_facility', () => {
    expect(mapFedexScan({ code: 'AR', locationType: 'DESTINATION_FEDEX_FACILITY' }).status).toBe(
      'at_destination_facility',
    );
    expect(mapFedexScan({ code: 'AR', locationType: 'SORT_FACILITY' }).status).toBe('in_transit');
  });

  it.each([
    ['03', { status: 'exception', subStatus: 'address_issue', incident: 'address_not_found' }],
    ['07', { status: 'exception', subStatus: 'refused', incident: 'refused' }],
    ['08', { status: 'delivery_attempted' }],
  ])('exception code %s', (exceptionCode, expected) => {
    expect(FEDEX_EXCEPTION_CODES[exceptionCode]).toEqual(expected);
    expect(mapFedexScan({ code: 'DE', exceptionCode })).toMatchObject(expected);
  });

  it.each([
    ['Package damaged', 'damaged', 'damaged'],
    ['Refused by recipient', 'refused', 'refused'],
    ['Incorrect address', 'address_issue', 'address_not_found'],
    ['Unable to locate package', 'lost', 'lost'],
    ['Delay beyond our control: customs', 'held', 'customs'],
    ['Weather delay', 'held', 'weather'],
    ['Package held at FedEx location pending instructions', 'held', undefined],
    ['Shipment exception', 'other', undefined],
  ])('an exception saying %j is %s', (text, subStatus, incident) => {
    const reading = mapFedexScan({ code: 'SE', exceptionCode: 'A99', texts: [text] });
    expect(reading.status).toBe('exception');
    expect(reading.subStatus).toBe(subStatus);
    expect(reading.incident).toBe(incident);
  });

  it('reads a failed attempt from its text when the code is unknown', () => {
    expect(
      mapFedexScan({ code: 'DE', texts: ['Customer not available or business closed'] }).status,
    ).toBe('delivery_attempted');
  });

  it('reads a delivery to the shipper as returned', () => {
    expect(mapFedexScan({ code: 'DL', texts: ['Delivered to shipper'] }).status).toBe('returned');
    expect(mapFedexScan({ code: 'DL', texts: ['Delivered'] }).status).toBe('delivered');
  });
});
