/**
 * What every SDK e2e file shares: clients of the shared stack (see global-setup.ts), the
 * simulator's control client, and request bodies.
 */
import { randomUUID } from 'node:crypto';
import { SimControlClient } from '@parcelgate/test-stack';
import { inject } from 'vitest';
import {
  createParcelgateClient,
  type InterceptRequest,
  type ParcelgateClient,
  type ParcelgateClientOptions,
  type RedirectRequest,
} from '../../src/index.ts';
import type { SharedTenant } from './stack-options.ts';

/** The shared gateway's URL. */
export const gatewayUrl = (): string => inject('gatewayUrl');

/** The simulator's control API. */
export const sim = (): SimControlClient => new SimControlClient(inject('simUrl'));

/**
 * A client of the shared gateway, as a user makes one (tenant `default` unless `tenant`
 * names one of SHARED_TENANTS). Pauses are short so retry tests stay quick.
 */
export function client(
  options: Partial<ParcelgateClientOptions> & { tenant?: SharedTenant } = {},
): ParcelgateClient {
  const { tenant, ...rest } = options;
  const apiKey = tenant === undefined ? inject('apiKey') : inject('tenantKeys')[tenant];
  if (apiKey === undefined || apiKey === '') {
    throw new Error(`no key for tenant ${tenant}`);
  }
  return createParcelgateClient({
    baseUrl: inject('gatewayUrl'),
    apiKey,
    retryBaseDelayMs: 50,
    retryMaxDelayMs: 200,
    ...rest,
  });
}

/** An intercept of a sandbox parcel, for a fresh order. */
export function interceptBody(
  trackingNumber: string,
  extra: Partial<InterceptRequest> = {},
): InterceptRequest {
  return {
    carrier: 'sandbox',
    trackingNumber,
    reason: 'buyer_cancelled',
    pickupMode: 'platform_pickup',
    orderRef: `ORD-${randomUUID().slice(0, 8)}`,
    ...extra,
  };
}

/** A redirect of a sandbox parcel to a new address, for a fresh order. */
export function redirectBody(
  trackingNumber: string,
  orderRef = `ORD-${randomUUID().slice(0, 8)}`,
): RedirectRequest {
  return {
    carrier: 'sandbox',
    trackingNumber,
    orderRef,
    reason: 'address_error',
    newAddress: {
      name: 'Li Lei',
      phone: '+8613800000000',
      line1: '1 Renmin Rd',
      city: 'Suzhou',
      postalCode: '215000',
      country: 'CN',
    },
  };
}

/** Injects a fault on one parcel's operation of the sandbox, `count` requests long. */
export async function fault(
  trackingNumber: string,
  operation: 'track' | 'intercept' | 'redirect',
  spec: Readonly<Record<string, unknown>>,
  count?: number,
): Promise<void> {
  await sim().addFault({
    carrier: 'sandbox',
    operation,
    trackingNumber,
    ...(count === undefined ? {} : { count }),
    fault: spec,
  });
}

/** Runs `work` and measures it. */
export async function timed<Value>(work: () => Promise<Value>) {
  const started = performance.now();
  const value = await work();
  return { value, elapsedMs: performance.now() - started };
}

/** Resolves with what `promise` rejects with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}
