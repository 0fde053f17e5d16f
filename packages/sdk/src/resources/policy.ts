import type { CallOptions } from '../options.ts';
import { call, type Transport } from '../transport/call.ts';
import type { Policy, PolicyOverrides } from '../types.ts';

/** `client.policy`: the tenant's intercept and redirect rules. */
export interface PolicyResource {
  /** The tenant's overrides and the effective rules they produce. */
  get(options?: CallOptions): Promise<Policy>;
  /**
   * Replaces the tenant's overrides; each field given replaces the default whole (lists are
   * not merged). A PUT is idempotent by nature, so it carries no Idempotency-Key and is
   * retried like a read.
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
    replace(overrides, options) {
      return call(transport, options, undefined, (init) =>
        transport.api.PUT('/v1/policy', { body: overrides, ...init }),
      );
    },
  };
}
