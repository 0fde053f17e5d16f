import type { CarrierCapabilities } from '@parcelgate/carrier-kit';
import { DEFAULT_POLICY } from '../policy/defaults.ts';
import type { EffectivePolicy, TenantPolicyOverrides } from '../policy/policy-types.ts';
import { resolveEffectivePolicy } from '../policy/resolve-policy.ts';
import type { Tenant } from '../store/tenants.ts';

/**
 * The tenant's rules at one carrier: the domain defaults, the tenant's stored overrides on
 * top, bounded by what the carrier can do.
 */
export function effectivePolicyFor(
  tenant: Tenant,
  capabilities: CarrierCapabilities,
): EffectivePolicy {
  return resolveEffectivePolicy(
    DEFAULT_POLICY,
    tenant.policy as TenantPolicyOverrides,
    capabilities,
  );
}
