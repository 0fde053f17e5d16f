import type { CallOptions } from '../options.ts';
import { call, type Transport } from '../transport/call.ts';
import type { Policy, PolicyOverrides } from '../types.ts';

/** `client.policy`: the tenant's intercept and redirect rules. */
export interface PolicyResource {
  /** The tenant's overrides, the effective rules they produce and where each value came from. */
  get(options?: CallOptions): Promise<Policy>;
  /**
   * {@link PolicyResource.get}, with `atCarrier`: the rules at one carrier, which bounds the
   * tenant (values whose source is `carrier` always refuse).
   */
  getAtCarrier(carrier: string, options?: CallOptions): Promise<Policy>;
  /**
   * Replaces the tenant's overrides. A list given as `{ add, remove }` edits the default
   * list and keeps the rest; a plain list replaces it whole. `severity` sets each rule to
   * `refuse` or `warn`. A PUT is idempotent by nature, so it carries no Idempotency-Key and
   * is retried like a read.
   */
  replace(overrides: PolicyOverrides, options?: CallOptions): Promise<Policy>;
}

/** Binds the policy operations to a transport. */
export function policyResource(transport: Transport): PolicyResource {
  return {
    get(options) {
      return call(transport, options, undefined, (init) =>
        transport.api.GET('/v1/policy', { ...init }),
      );
    },
    getAtCarrier(carrier, options) {
      return call(transport, options, undefined, (init) =>
        transport.api.GET('/v1/policy', { params: { query: { carrier } }, ...init }),
      );
    },
    replace(overrides, options) {
      return call(transport, options, undefined, (init) =>
        transport.api.PUT('/v1/policy', { body: overrides, ...init }),
      );
    },
  };
}
