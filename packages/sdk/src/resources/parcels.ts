import type { CallOptions } from '../options.ts';
import { type PageIterable, paginate } from '../pagination.ts';
import { call, type Transport } from '../transport/call.ts';
import type {
  NewParcel,
  ParcelListQuery,
  RegisteredParcel,
  RegisteredParcelList,
} from '../types.ts';

/**
 * `client.parcels`: parcels the tenant registered as its own. A tenant without its own
 * carrier connection may intercept or redirect through the deployment's shared account only
 * the parcels it registered (else `parcel-not-registered`, 404).
 */
export interface ParcelsResource {
  /**
   * Registers a parcel as the tenant's. Idempotent: registering it again resolves with the
   * first registration. Throws `parcel-already-registered` (409) when another tenant did.
   */
  register(parcel: NewParcel, options?: CallOptions): Promise<RegisteredParcel>;
  /** Reads one registered parcel. */
  get(id: string, options?: CallOptions): Promise<RegisteredParcel>;
  /**
   * Every registered parcel matching the filters, newest first, following cursors:
   * `for await (const parcel of client.parcels.list({ carrier: 'sandbox' }))`.
   */
  list(
    query?: ParcelListQuery,
    options?: CallOptions,
  ): PageIterable<RegisteredParcel, RegisteredParcelList>;
  /** One page of registered parcels; pass `nextCursor` back as `cursor` for the next. */
  listPage(query?: ParcelListQuery, options?: CallOptions): Promise<RegisteredParcelList>;
}

/** Binds the parcel registration operations to a transport. */
export function parcelsResource(transport: Transport): ParcelsResource {
  const { api } = transport;
  const listPage = (query: ParcelListQuery = {}, options?: CallOptions) =>
    call(transport, options, undefined, (init) =>
      api.GET('/v1/parcels', { params: { query }, ...init }),
    );
  return {
    register(parcel, options) {
      // Registering is idempotent per tenant (200 with the first registration), so a retry
      // after a lost answer is safe without an Idempotency-Key.
      return call(transport, options, undefined, (init) =>
        api.POST('/v1/parcels', { body: parcel, ...init }),
      );
    },
    get(id, options) {
      return call(transport, options, undefined, (init) =>
        api.GET('/v1/parcels/{id}', { params: { path: { id } }, ...init }),
      );
    },
    list(query = {}, options) {
      return paginate(query, options, listPage);
    },
    listPage,
  };
}
