import type { CallOptions } from '../options.ts';
import { call, type Transport } from '../transport/call.ts';
import type { CarrierList, DetectedCarriers } from '../types.ts';

/** `client.carriers`: the carriers this gateway has loaded. */
export interface CarriersResource {
  /** Every loaded carrier with its operations, capabilities and circuit state. */
  list(options?: CallOptions): Promise<CarrierList>;
  /**
   * The carriers a tracking number could belong to, best first (`verified` check digit
   * before `format`), each with the options tracking there needs; offline, no carrier is
   * called. The candidates `tracking.get('auto', ...)` asks.
   */
  detect(trackingNumber: string, options?: CallOptions): Promise<DetectedCarriers>;
}

/** Binds the carrier operations to a transport. */
export function carriersResource(transport: Transport): CarriersResource {
  return {
    list(options) {
      return call(transport, options, undefined, (init) =>
        transport.api.GET('/v1/carriers', { ...init }),
      );
    },
    detect(trackingNumber, options) {
      return call(transport, options, undefined, (init) =>
        transport.api.GET('/v1/carriers/detect', {
          params: { query: { trackingNumber } },
          ...init,
        }),
      );
    },
  };
}
