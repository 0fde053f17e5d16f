import type { CarrierCapabilities } from '@parcelgate/carrier-kit';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_POLICY } from '../policy/defaults.ts';
import type {
  EffectivePolicy,
  TenantPolicy,
  TenantPolicyOverrides,
} from '../policy/policy-types.ts';
import { applyOverrides, resolveEffectivePolicy } from '../policy/resolve-policy.ts';
import { validatePolicyOverrides } from '../policy/validate-overrides.ts';
import { ProblemError } from '../problems.ts';
import type { PolicyDocument } from '../schemas/policy.ts';
import { setTenantPolicy, type Tenant } from '../store/tenants.ts';

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

/** `GET /v1/policy`: the tenant's overrides and the rules they produce over the defaults. */
export function presentTenantPolicy(tenant: Tenant): PolicyDocument {
  return present(tenant.policy as TenantPolicyOverrides);
}

/**
 * `PUT /v1/policy`: checks and stores the tenant's new overrides (a 400 naming each bad
 * field), and answers the policy they produce.
 */
export async function replaceTenantPolicy(
  app: Pick<FastifyInstance, 'database'>,
  tenant: Tenant,
  overrides: TenantPolicyOverrides,
): Promise<PolicyDocument> {
  const problems = validatePolicyOverrides(overrides);
  if (problems.length > 0) {
    throw new ProblemError(
      'validation-failed',
      problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('; '),
      {
        errors: problems.map((problem) => ({ pointer: problem.pointer, detail: problem.message })),
      },
    );
  }
  await setTenantPolicy(app.database, tenant.id, overrides);
  return present(overrides);
}

function present(overrides: TenantPolicyOverrides): PolicyDocument {
  const effective: TenantPolicy = applyOverrides(DEFAULT_POLICY, overrides);
  // The policy types are read-only; the wire document is a fresh copy of them.
  return structuredClone({ overrides, effective }) as PolicyDocument;
}
