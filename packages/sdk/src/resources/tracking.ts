import type { CarrierCallOptions } from '../options.ts';
import { call, preferHeader, type Transport } from '../transport/call.ts';
import type { BatchTracking, BatchTrackingItem, TrackingSnapshot } from '../types.ts';

/** `client.tracking`: normalized tracking, the same for every carrier. */
export interface TrackingResource {
  /**
   * Reads a parcel's normalized status, events and whether it can be intercepted now.
   * `carrier` is a loaded carrier's id, or `auto` to detect it from the tracking number.
   */
  get(
    carrier: string,
    trackingNumber: string,
    options?: CarrierCallOptions,
  ): Promise<TrackingSnapshot>;
  /**
   * Tracks up to 100 parcels of any carriers in one request (`carrier` may be `'auto'`),
   * under one latency budget: each item's `tracking` or its own `problem`, in the order
   * given. The gateway batches the carrier calls where the carrier allows.
   */
  batch(items: readonly BatchTrackingItem[], options?: CarrierCallOptions): Promise<BatchTracking>;
}

/** Binds the tracking operation to a transport. */
export function trackingResource(transport: Transport): TrackingResource {
  return {
    get(carrier, trackingNumber, options) {
      return call(transport, options, undefined, (init) =>
        transport.api.GET('/v1/tracking/{carrier}/{trackingNumber}', {
          params: {
            path: { carrier, trackingNumber },
            header: preferHeader(options?.preferWaitSeconds),
          },
          ...init,
        }),
      );
    },
    batch(items, options) {
      return call(transport, options, undefined, (init) =>
        transport.api.POST('/v1/tracking/batch', {
          body: { items: [...items] },
          params: { header: preferHeader(options?.preferWaitSeconds) },
          ...init,
        }),
      );
    },
  };
}
