import type { CallOptions, MutationOptions } from '../options.ts';
import { call, type Transport } from '../transport/call.ts';
import { newIdempotencyKey } from '../transport/idempotency-key.ts';
import type { InterceptBatch, InterceptBatchQuery, InterceptBatchRequest } from '../types.ts';

/** `client.interceptBatches`: intercept up to 1,000 parcels at once and follow them. */
export interface InterceptBatchesResource {
  /**
   * Stores a batch of intercept requests (each as `intercepts.create` takes it) and resolves
   * at once with its id, `running`, and no items yet; the gateway runs the items in the
   * background under each carrier's limits. One Idempotency-Key covers the whole batch, so
   * repeating the call with it (the SDK's own retries do) never starts a second batch.
   * Throws `validation-failed` (400) naming `/items/<index>/<field>`, or a parcel named twice.
   */
  create(request: InterceptBatchRequest, options?: MutationOptions): Promise<InterceptBatch>;
  /**
   * Reads a batch: its counts (by run status and by outcome, following each intercept as it
   * settles) and one page of items in order (`limit`, default 100; pass `nextCursor` back as
   * `cursor` for the next).
   */
  get(id: string, query?: InterceptBatchQuery, options?: CallOptions): Promise<InterceptBatch>;
}

/** Binds the batch operations to a transport. */
export function interceptBatchesResource(transport: Transport): InterceptBatchesResource {
  const { api } = transport;
  return {
    create(request, options) {
      const idempotencyKey = options?.idempotencyKey ?? newIdempotencyKey();
      return call(transport, options, idempotencyKey, (init) =>
        api.POST('/v1/intercepts/batch', {
          body: request,
          params: { header: { 'idempotency-key': idempotencyKey } },
          ...init,
        }),
      );
    },
    get(id, query = {}, options) {
      return call(transport, options, undefined, (init) =>
        api.GET('/v1/intercepts/batch/{id}', { params: { path: { id }, query }, ...init }),
      );
    },
  };
}
