import { readFileSync } from 'node:fs';
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

/**
 * The rows of the spec's "Status codes" table (docs/carriers/sandbox-api.md): code, then
 * the normalized status and sub-status it documents (`exception` / `damaged`).
 */
function documentedRows(): [string, string, string | undefined][] {
  const spec = readFileSync(
    new URL('../../../docs/carriers/sandbox-api.md', import.meta.url),
    'utf8',
  );
  const section = spec.split('## Status codes')[1]?.split('\n## ')[0] ?? '';
  return [
    ...section.matchAll(/^\| `([A-Z]{2})` \| [^|]+ \| `([a-z_]+)`(?: \/ `([a-z_]+)`)?/gm),
  ].map((row): [string, string, string | undefined] => [row[1] ?? '', row[2] ?? '', row[3]]);
}

describe('the sandbox status table against its spec, row by row', () => {
  const rows = documentedRows();

  it('documents exactly the codes the adapter maps', () => {
    expect(rows.map(([code]) => code).sort()).toEqual([...SANDBOX_STATUS_CODES].sort());
  });

  it.each(rows)('maps %s to %s (%s)', (code, status, subStatus) => {
    const mapping = mapSandboxStatus(code);
    expect(mapping.status).toBe(status);
    expect(mapping.subStatus).toBe(subStatus);
  });
});
