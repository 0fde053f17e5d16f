import { isNormalizedStatus } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { mapSandboxStatus, SANDBOX_STATUS_CODES } from './map-sandbox-status.ts';

describe('mapSandboxStatus', () => {
  it('maps every code of the spec table as documented', () => {
    const table = Object.fromEntries(
      SANDBOX_STATUS_CODES.map((code) => [code, mapSandboxStatus(code)]),
    );
    expect(table).toMatchInlineSnapshot(`
      {
        "AR": {
          "status": "in_transit",
        },
        "CR": {
          "status": "label_created",
        },
        "CX": {
          "status": "cancelled",
        },
        "DL": {
          "status": "delivered",
        },
        "DP": {
          "status": "in_transit",
        },
        "IC": {
          "status": "in_transit",
        },
        "IR": {
          "status": "in_transit",
        },
        "LM": {
          "status": "at_destination_facility",
        },
        "NA": {
          "status": "delivery_attempted",
        },
        "OD": {
          "status": "out_for_delivery",
        },
        "PP": {
          "status": "available_for_pickup",
        },
        "PU": {
          "status": "picked_up",
        },
        "RC": {
          "status": "in_transit",
        },
        "RD": {
          "status": "in_transit",
        },
        "RS": {
          "status": "returned",
        },
        "RT": {
          "status": "return_in_transit",
        },
        "XA": {
          "incident": "address_not_found",
          "status": "exception",
          "subStatus": "address_issue",
        },
        "XD": {
          "incident": "damaged",
          "status": "exception",
          "subStatus": "damaged",
        },
        "XH": {
          "status": "exception",
          "subStatus": "held",
        },
        "XL": {
          "incident": "lost",
          "status": "exception",
          "subStatus": "lost",
        },
        "XR": {
          "incident": "refused",
          "status": "exception",
          "subStatus": "refused",
        },
      }
    `);
  });

  it.each(SANDBOX_STATUS_CODES)('maps %s to a known normalized status', (code) => {
    const mapping = mapSandboxStatus(code);
    expect(isNormalizedStatus(mapping.status)).toBe(true);
    expect(mapping.status).not.toBe('unknown');
    // A sub-status belongs to exceptions, and every exception says which kind it is.
    expect(mapping.subStatus !== undefined).toBe(mapping.status === 'exception');
  });

  it('reads an undocumented code as unknown instead of guessing', () => {
    expect(mapSandboxStatus('ZZ')).toEqual({ status: 'unknown' });
    expect(mapSandboxStatus('toString')).toEqual({ status: 'unknown' });
    expect(mapSandboxStatus('dl')).toEqual({ status: 'unknown' });
  });
});
