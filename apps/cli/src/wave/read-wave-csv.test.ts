import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error.ts';
import { readWaveCsv } from './read-wave-csv.ts';

describe('readWaveCsv', () => {
  it('reads each row into an intercept request, with quoted cells, a BOM and comments', () => {
    const text = [
      '\uFEFFcarrier,trackingNumber,reason,pickupMode,orderRef,note,declaredValue,currency,category',
      '# picking wave 42',
      'sandbox,SBX100000016,merchant_error,platform_pickup,TTS-5801,"wrong size, swap",129.00,CNY,apparel',
      '',
      'ups,1Z999AA10123456784,merchant_error,self_dropoff,,,,,',
    ].join('\r\n');
    expect(readWaveCsv(text)).toEqual([
      {
        carrier: 'sandbox',
        trackingNumber: 'SBX100000016',
        reason: 'merchant_error',
        pickupMode: 'platform_pickup',
        orderRef: 'TTS-5801',
        note: 'wrong size, swap',
        parcel: { declaredValue: { amount: '129.00', currency: 'CNY' }, category: 'apparel' },
      },
      {
        carrier: 'ups',
        trackingNumber: '1Z999AA10123456784',
        reason: 'merchant_error',
        pickupMode: 'self_dropoff',
      },
    ]);
  });

  it('fills empty reason and pickupMode cells from the defaults', () => {
    const requests = readWaveCsv(
      'carrier,trackingNumber,reason\nsandbox,SBX1,\nsandbox,SBX2,other\n',
      {
        reason: 'merchant_error',
        pickupMode: 'platform_pickup',
      },
    );
    expect(requests.map((request) => [request.reason, request.pickupMode])).toEqual([
      ['merchant_error', 'platform_pickup'],
      ['other', 'platform_pickup'],
    ]);
  });

  it('refuses the whole file, naming every bad row by its line', () => {
    const text = [
      'carrier,trackingNumber,reason,pickupMode',
      'sandbox,SBX1,bored,platform_pickup',
      ',SBX2,other,platform_pickup',
      'sandbox,SBX3,other,by_drone',
      'sandbox,SBX1,other,platform_pickup',
    ].join('\n');
    expect(() => readWaveCsv(text)).toThrowError(UsageError);
    expect(() => readWaveCsv(text)).toThrowErrorMatchingInlineSnapshot(`
      [UsageError: the CSV file has bad rows, nothing was sent:
        line 2: reason "bored" is not one of buyer_cancelled, merchant_error, logistics_exception, address_error, other
        line 3: carrier is empty
        line 4: pickupMode "by_drone" is not one of platform_pickup, self_dropoff
        line 5: parcel sandbox:SBX1 is already on line 2]
    `);
  });

  it('refuses unknown or missing columns, empty files, unbalanced quotes and more than 1,000 rows', () => {
    expect(() => readWaveCsv('carrier,trackingNumbr\n')).toThrow(
      /unknown CSV column "trackingNumbr"/,
    );
    expect(() => readWaveCsv('carrier,reason\nsandbox,other\n')).toThrow(
      /needs a "trackingNumber" column/,
    );
    expect(() => readWaveCsv('')).toThrow(/empty/);
    expect(() => readWaveCsv('carrier,trackingNumber\n')).toThrow(/no rows/);
    expect(() => readWaveCsv('carrier,trackingNumber\n"sandbox,SBX1\n')).toThrow(/cannot be read/);
    const rows = Array.from(
      { length: 1_001 },
      (_, index) => `sandbox,SBX${index},other,platform_pickup`,
    );
    expect(() =>
      readWaveCsv(['carrier,trackingNumber,reason,pickupMode', ...rows].join('\n')),
    ).toThrow(/1001 rows; one wave takes at most 1000/);
  });
});
