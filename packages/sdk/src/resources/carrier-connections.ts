import type { CallOptions } from '../options.ts';
import { call, type Transport } from '../transport/call.ts';
import type {
  CarrierConnection,
  CarrierConnectionChanges,
  CarrierConnectionList,
  CarrierConnectionListQuery,
  CarrierConnectionTest,
  NewCarrierConnection,
} from '../types.ts';

/**
 * `client.carrierConnections`: the tenant's own carrier accounts. Credentials are sealed by
 * the gateway and never come back: answers show settings in clear and a hint of each secret.
 */
export interface CarrierConnectionsResource {
  /**
   * Stores a carrier account; the tenant's first one of a carrier becomes its default.
   * Creating is not idempotent (the API takes no Idempotency-Key), so an attempt that got no
   * answer is not sent again: on a `ParcelgateConnectionError`, `list()` shows whether it
   * was stored. 429 and 503 are still retried. Throws `secret-key-required` (409) for a
   * `live` connection on a deployment without PARCELGATE_SECRET_KEY.
   */
  create(connection: NewCarrierConnection, options?: CallOptions): Promise<CarrierConnection>;
  /** The tenant's connections, newest first; `carrier` keeps one carrier's. */
  list(query?: CarrierConnectionListQuery, options?: CallOptions): Promise<CarrierConnectionList>;
  /** Reads one connection (secrets masked). */
  get(id: string, options?: CallOptions): Promise<CarrierConnection>;
  /**
   * Renames it, switches its mode, makes it the default, or changes credentials field by
   * field (`null` removes an optional field; fields not named are kept). Calls already
   * running finish on the old credentials.
   */
  update(
    id: string,
    changes: CarrierConnectionChanges,
    options?: CallOptions,
  ): Promise<CarrierConnection>;
  /**
   * Deletes it and its credentials. Throws `connection-in-use` (409, `error.openActions`)
   * while an open intercept or redirect still goes through it. A retry after a lost answer
   * may find it gone already: treat `not-found` as deleted.
   */
  delete(id: string, options?: CallOptions): Promise<void>;
  /**
   * Makes the carrier's cheapest authenticated call with the stored credentials and says
   * whether they were accepted (`ok`, `outcome`). Changes nothing; a refusal resolves, it
   * does not throw.
   */
  test(id: string, options?: CallOptions): Promise<CarrierConnectionTest>;
}

/** Binds the carrier connection operations to a transport. */
export function carrierConnectionsResource(transport: Transport): CarrierConnectionsResource {
  const { api } = transport;
  return {
    create(connection, options) {
      return call(
        transport,
        options,
        undefined,
        (init) => api.POST('/v1/carrier-connections', { body: connection, ...init }),
        { resendUnanswered: false },
      );
    },
    list(query = {}, options) {
      return call(transport, options, undefined, (init) =>
        api.GET('/v1/carrier-connections', { params: { query }, ...init }),
      );
    },
    get(id, options) {
      return call(transport, options, undefined, (init) =>
        api.GET('/v1/carrier-connections/{id}', { params: { path: { id } }, ...init }),
      );
    },
    update(id, changes, options) {
      // Every change sets a value, so sending it twice leaves the same connection.
      return call(transport, options, undefined, (init) =>
        api.PATCH('/v1/carrier-connections/{id}', {
          params: { path: { id } },
          body: changes,
          ...init,
        }),
      );
    },
    async delete(id, options) {
      await call(transport, options, undefined, (init) =>
        api.DELETE('/v1/carrier-connections/{id}', { params: { path: { id } }, ...init }),
      );
    },
    test(id, options) {
      return call(transport, options, undefined, (init) =>
        api.POST('/v1/carrier-connections/{id}/test', { params: { path: { id } }, ...init }),
      );
    },
  };
}
