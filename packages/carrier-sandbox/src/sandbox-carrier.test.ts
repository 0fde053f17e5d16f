import {
  assertCarrierDefinition,
  CONTRACT_VERSION,
  supportedOperations,
} from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import * as entry from './index.ts';
import { sandboxCarrier } from './sandbox-carrier.ts';

describe('sandboxCarrier', () => {
  it('fulfils the carrier-kit contract', () => {
    expect(() => assertCarrierDefinition(sandboxCarrier)).not.toThrow();
    expect(sandboxCarrier).toMatchObject({
      id: 'sandbox',
      displayName: 'Sandbox',
      contractVersion: CONTRACT_VERSION,
    });
    expect(supportedOperations(sandboxCarrier.capabilities)).toEqual([
      'track',
      'intercept',
      'redirect',
    ]);
  });

  it('exports exactly what style.md lists for an adapter package', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'SANDBOX_STATUS_CODES',
      'default',
      'sandboxCarrier',
    ]);
    expect(entry.default).toBe(sandboxCarrier);
  });

  it('declares its capabilities', () => {
    expect(sandboxCarrier.capabilities).toMatchInlineSnapshot(`
      {
        "callbacks": false,
        "cancelIntercept": {
          "safeToRetry": true,
        },
        "cancelRedirect": {
          "safeToRetry": true,
        },
        "feeQuote": {
          "actions": [
            "intercept",
            "redirect",
          ],
        },
        "intercept": {
          "declaredValueLimits": [
            {
              "amount": "1000.00",
              "currency": "CNY",
            },
          ],
          "excludedCategories": [
            "fresh_food",
            "virtual_goods",
            "jewelry",
            "antiques",
            "second_hand",
            "tea",
            "large_appliances",
            "custom_made",
          ],
          "fees": {
            "kind": "by_pickup_mode",
          },
          "outcome": "synchronous",
          "safeToRetry": false,
          "window": {
            "highLikelihood": [
              "picked_up",
              "in_transit",
            ],
            "lowLikelihood": [
              "at_destination_facility",
            ],
          },
        },
        "proofOfDelivery": true,
        "rateLimits": {
          "burst": 100,
          "maxConcurrency": 20,
          "requestsPerSecond": 50,
        },
        "redirect": {
          "fees": {
            "kind": "by_pickup_mode",
          },
          "freePerOrder": 1,
          "outcome": "synchronous",
          "safeToRetry": false,
          "window": {
            "highLikelihood": [
              "picked_up",
              "in_transit",
            ],
            "lowLikelihood": [
              "at_destination_facility",
            ],
          },
        },
      }
    `);
  });

  it('needs one secret: the API key, from CARRIER_SANDBOX_API_KEY', () => {
    expect(sandboxCarrier.credentials).toEqual([
      expect.objectContaining({
        key: 'apiKey',
        env: 'API_KEY',
        secret: true,
        required: true,
        sandboxDefault: 'sbx_local_dev',
      }),
    ]);
  });

  it('points production at the simulator, the only place the sandbox exists', () => {
    expect(sandboxCarrier.endpoints).toEqual({ production: 'http://127.0.0.1:4010/sandbox' });
  });

  it('detects its own tracking numbers offline', () => {
    expect(sandboxCarrier.detect('SBX100000016')).toBe('verified');
    expect(sandboxCarrier.detect('1Z999AA10123456784')).toBeUndefined();
  });
});
