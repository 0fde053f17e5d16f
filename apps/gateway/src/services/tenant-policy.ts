import type { CarrierCapabilities } from '@parcelgate/carrier-kit';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_POLICY } from '../policy/defaults.ts';
import type { EffectivePolicy, TenantPolicyOverrides } from '../policy/policy-types.ts';
import {
  describeCarrierPolicy,
  describeTenantPolicy,
  resolveEffectivePolicy,
} from '../policy/resolve-policy.ts';
import { validatePolicyOverrides } from '../policy/validate-overrides.ts';
import { ProblemError } from '../problems.ts';
import type { PolicyDocument } from '../schemas/policy.ts';
import { setTenantPolicy, type Tenant } from '../store/tenants.ts';

/** Stands for a tenant without overrides (its policy is null), as a memo key. */
const NO_OVERRIDES = {};

/**
 * Policies resolved so far, by the tenant's stored overrides (the object its cached row
 * holds: replacing the policy stores a new one) and the carrier's capabilities: every
 * tracking answer needs one, and resolving it costs more than the rest of a cached read.
 */
const resolved = new WeakMap<object, WeakMap<CarrierCapabilities, EffectivePolicy>>();

/**
 * The tenant's rules at one carrier: the domain defaults, the tenant's stored overrides on
 * top, bounded by what the carrier can do. Frozen: it is shared by every request that
 * holds the same overrides.
 */
export function effectivePolicyFor(
  tenant: Tenant,
  capabilities: CarrierCapabilities,
): EffectivePolicy {
  const overrides =
    typeof tenant.policy === 'object' && tenant.policy !== null ? tenant.policy : NO_OVERRIDES;
  let byCarrier = resolved.get(overrides);
  if (byCarrier === undefined) {
    byCarrier = new WeakMap();
    resolved.set(overrides, byCarrier);
  }
  let policy = byCarrier.get(capabilities);
  if (policy === undefined) {
    policy = deepFreeze(
      resolveEffectivePolicy(DEFAULT_POLICY, tenant.policy as TenantPolicyOverrides, capabilities),
    );
    byCarrier.set(capabilities, policy);
  }
  return policy;
}

function deepFreeze<Value>(value: Value): Value {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) {
      deepFreeze(item);
    }
  }
  return value;
}

/** A carrier to show the policy at: its id and what it can do. */
export interface PolicyCarrier {
  readonly id: string;
  readonly capabilities: CarrierCapabilities;
}

/**
 * `GET /v1/policy`: the tenant's overrides, the rules they produce over the defaults and
 * where each value came from; with a carrier, also the rules at that carrier.
 */
export function presentTenantPolicy(tenant: Tenant, carrier?: PolicyCarrier): PolicyDocument {
  return present(tenant.policy as TenantPolicyOverrides, carrier);
}

/**
 * `PUT /v1/policy`: checks and stores the tenant's new overrides (a 400 naming each bad
 * field), and answers the policy they produce.
 */
export async function replaceTenantPolicy(
  app: Pick<FastifyInstance, 'database' | 'tenantReads'>,
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
  app.tenantReads.forget(tenant.id);
  return present(overrides, undefined);
}

function present(
  overrides: TenantPolicyOverrides,
  carrier: PolicyCarrier | undefined,
): PolicyDocument {
  const tenant = describeTenantPolicy(DEFAULT_POLICY, overrides);
  const atCarrier =
    carrier === undefined
      ? undefined
      : describeCarrierPolicy(DEFAULT_POLICY, overrides, carrier.capabilities);
  const document: PolicyDocument = {
    overrides: structuredClone(overrides) as PolicyDocument['overrides'],
    effective: structuredClone(tenant.policy) as PolicyDocument['effective'],
    sources: structuredClone(tenant.sources),
    ...(atCarrier === undefined || carrier === undefined
      ? {}
      : {
          atCarrier: {
            carrier: carrier.id,
            effective: structuredClone({
              ...(atCarrier.intercept === undefined
                ? {}
                : { intercept: atCarrier.intercept.policy }),
              ...(atCarrier.redirect === undefined ? {} : { redirect: atCarrier.redirect.policy }),
            }) as NonNullable<PolicyDocument['atCarrier']>['effective'],
            sources: structuredClone({
              ...(atCarrier.intercept === undefined
                ? {}
                : { intercept: atCarrier.intercept.sources }),
              ...(atCarrier.redirect === undefined ? {} : { redirect: atCarrier.redirect.sources }),
            }),
          },
        }),
  };
  return document;
}
