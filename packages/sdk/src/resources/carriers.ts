import type { CallOptions } from '../options.ts';
import { call, type Transport } from '../transport/call.ts';
import type { CarrierList } from '../types.ts';

/** `client.carriers`: the carriers this gateway has loaded. */
export interface CarriersResource {
  /** Every loaded carrier with its operations, capabilities and circuit state. */
  list(options?: CallOptions): Promise<CarrierList>;
}

/** Binds the carrier operations to a transport. */
export function carriersResource(transport: Transport): CarriersResource {
  return {
    list(options) {
      return call(transport, options, undefined, (init) =>
        transport.api.GET('/v1/carriers', { ...init }),
      );
    },
  };
}
