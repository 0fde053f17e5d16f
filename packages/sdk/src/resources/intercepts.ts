import type { CallOptions, MutationOptions } from '../options.ts';
import { type PageIterable, paginate } from '../pagination.ts';
import { call, preferHeader, type Transport } from '../transport/call.ts';
import { newIdempotencyKey } from '../transport/idempotency-key.ts';
import type {
  Eligibility,
  Intercept,
  InterceptList,
  InterceptListQuery,
  InterceptRequest,
} from '../types.ts';

/** `client.intercepts`: stop parcels in transit and send them back to the sender. */
export interface InterceptsResource {
  /**
   * The dry run: whether the parcel can be intercepted now, every reason, the likelihood,
   * who would pay and what to do next. Never calls the carrier's intercept.
   */
  checkEligibility(request: InterceptRequest, options?: MutationOptions): Promise<Eligibility>;
  /**
   * Intercepts a parcel. Resolves with the intercept whether the carrier answered (`accepted`,
   * `rejected`, ...) or the outcome is still `pending` (the carrier decides later, or the
   * budget ran out after sending: poll {@link get}). Throws `not-eligible` (422) with every
   * reason when policy refuses it, before the carrier is called.
   */
  create(request: InterceptRequest, options?: MutationOptions): Promise<Intercept>;
  /**
   * Asks the carrier to withdraw a `pending` or `accepted` intercept. Resolves with it,
   * `cancelled`, or unchanged when the carrier decides later
   * (poll {@link get}). Throws `not-cancellable` (409, `isNotCancellable`) saying why it
   * cannot be: `reasons[0].code` is `already_returning`, `final_status`,
   * `carrier_cannot_cancel` or `carrier_refused`.
   */
  cancel(id: string, options?: MutationOptions): Promise<Intercept>;
  /** Reads an intercept with its transitions and carrier attempts. */
  get(id: string, options?: CallOptions): Promise<Intercept>;
  /**
   * Every intercept matching the filters, newest first, following cursors:
   * `for await (const intercept of client.intercepts.list({ status: 'accepted' }))`.
   */
  list(query?: InterceptListQuery, options?: CallOptions): PageIterable<Intercept, InterceptList>;
  /** One page of intercepts; pass `nextCursor` back as `cursor` for the next. */
  listPage(query?: InterceptListQuery, options?: CallOptions): Promise<InterceptList>;
}

/** Binds the intercept operations to a transport. */
export function interceptsResource(transport: Transport): InterceptsResource {
  const { api } = transport;
  const listPage = (query: InterceptListQuery = {}, options?: CallOptions) =>
    call(transport, options, undefined, (init) =>
      api.GET('/v1/intercepts', { params: { query }, ...init }),
    );
  return {
    checkEligibility(request, options) {
      const idempotencyKey = options?.idempotencyKey ?? newIdempotencyKey();
      return call(transport, options, idempotencyKey, (init) =>
        api.POST('/v1/intercepts/eligibility', {
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
    create(request, options) {
      const idempotencyKey = options?.idempotencyKey ?? newIdempotencyKey();
      return call(transport, options, idempotencyKey, (init) =>
        api.POST('/v1/intercepts', {
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
        api.POST('/v1/intercepts/{id}/cancel', {
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
        api.GET('/v1/intercepts/{id}', { params: { path: { id } }, ...init }),
      );
    },
    list(query = {}, options) {
      return paginate(query, options, listPage);
    },
    listPage,
  };
}
