import { INTERCEPT_REASONS } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import {
  mapSandboxRefusal,
  SANDBOX_REFUSAL_CODES,
  toSandboxInterceptReason,
} from './map-sandbox-reason.ts';

describe('toSandboxInterceptReason', () => {
  it('translates every contract reason to one the sandbox accepts', () => {
    const table = Object.fromEntries(
      INTERCEPT_REASONS.map((reason) => [reason, toSandboxInterceptReason(reason)]),
    );
    expect(table).toMatchInlineSnapshot(`
      {
        "address_error": "ADDRESS_ERROR",
        "buyer_cancelled": "BUYER_CANCELLED",
        "logistics_exception": "DELIVERY_EXCEPTION",
        "merchant_error": "SENDER_ERROR",
        "other": "OTHER",
      }
    `);
  });
});

describe('mapSandboxRefusal', () => {
  it('maps every documented refusal code to a domain reason code', () => {
    const table = Object.fromEntries(
      SANDBOX_REFUSAL_CODES.map((code) => [code, mapSandboxRefusal(code)]),
    );
    expect(table).toMatchInlineSnapshot(`
      {
        "ALREADY_DELIVERED": "delivered",
        "ALREADY_INTERCEPTED": "already_intercepted",
        "ALREADY_RETURNING": "returning_or_returned",
        "CANCELLED": "cancelled",
        "CATEGORY_EXCLUDED": "category_excluded",
        "INTERCEPT_FAILED": "carrier_refused",
        "NOT_PICKED_UP": "not_picked_up",
        "OUT_FOR_DELIVERY": "out_for_delivery",
        "VALUE_OVER_LIMIT": "declared_value_over_limit",
      }
    `);
  });

  it('calls an undocumented or missing code a plain carrier refusal', () => {
    expect(mapSandboxRefusal('SOMETHING_NEW')).toBe('carrier_refused');
    expect(mapSandboxRefusal('constructor')).toBe('carrier_refused');
    expect(mapSandboxRefusal(undefined)).toBe('carrier_refused');
  });
});
