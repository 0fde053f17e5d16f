import type { CarrierCallOptions } from '../options.ts';
import { call, preferHeader, type Transport } from '../transport/call.ts';
import type { TrackingSnapshot } from '../types.ts';

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
  };
}
