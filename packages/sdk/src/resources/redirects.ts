import type { CallOptions, MutationOptions } from '../options.ts';
import { type PageIterable, paginate } from '../pagination.ts';
import { call, preferHeader, type Transport } from '../transport/call.ts';
import { newIdempotencyKey } from '../transport/idempotency-key.ts';
import type { Redirect, RedirectList, RedirectListQuery, RedirectRequest } from '../types.ts';

/** `client.redirects`: deliver parcels in transit to a new address. */
export interface RedirectsResource {
  /**
   * Redirects a parcel to `newAddress`. The platform pays for one redirect per order; the
   * next is charged to the merchant (warning `free_redirect_used`) or refused, as the
   * tenant's policy says. Resolves with the redirect, `pending` when the carrier decides later.
   */
  create(request: RedirectRequest, options?: MutationOptions): Promise<Redirect>;
  /**
   * Asks the carrier to withdraw a `pending` or `accepted` redirect. Resolves with it,
   * `cancelled`, its order's free redirect given back, or unchanged when the carrier decides later
   * (poll {@link get}). Throws `not-cancellable` (409, `isNotCancellable`) saying why it
   * cannot be: `reasons[0].code` is `already_returning`, `final_status`,
   * `carrier_cannot_cancel` or `carrier_refused`.
   */
  cancel(id: string, options?: MutationOptions): Promise<Redirect>;
  /** Reads a redirect with its transitions and carrier attempts. */
  get(id: string, options?: CallOptions): Promise<Redirect>;
  /** Every redirect matching the filters, newest first, following cursors. */
  list(query?: RedirectListQuery, options?: CallOptions): PageIterable<Redirect, RedirectList>;
  /** One page of redirects; pass `nextCursor` back as `cursor` for the next. */
  listPage(query?: RedirectListQuery, options?: CallOptions): Promise<RedirectList>;
}

/** Binds the redirect operations to a transport. */
export function redirectsResource(transport: Transport): RedirectsResource {
  const { api } = transport;
  const listPage = (query: RedirectListQuery = {}, options?: CallOptions) =>
    call(transport, options, undefined, (init) =>
      api.GET('/v1/redirects', { params: { query }, ...init }),
    );
  return {
    create(request, options) {
      const idempotencyKey = options?.idempotencyKey ?? newIdempotencyKey();
      return call(transport, options, idempotencyKey, (init) =>
        api.POST('/v1/redirects', {
          body: request,
          params: {
            header: {
              'idempotency-key': idempotencyKey,
              ...preferHeader(options?.preferWaitSeconds),
            },
          },
          ...init,
        }),
      );
    },
    cancel(id, options) {
      const idempotencyKey = options?.idempotencyKey ?? newIdempotencyKey();
      return call(transport, options, idempotencyKey, (init) =>
        api.POST('/v1/redirects/{id}/cancel', {
          params: {
            path: { id },
            header: {
              'idempotency-key': idempotencyKey,
              ...preferHeader(options?.preferWaitSeconds),
            },
          },
          ...init,
        }),
      );
    },
    get(id, options) {
      return call(transport, options, undefined, (init) =>
        api.GET('/v1/redirects/{id}', { params: { path: { id } }, ...init }),
      );
    },
    list(query = {}, options) {
      return paginate(query, options, listPage);
    },
    listPage,
  };
}
