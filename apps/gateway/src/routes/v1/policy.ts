import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../openapi/problem-responses.ts';
import { DEFAULT_POLICY } from '../../policy/defaults.ts';
import type { TenantPolicy, TenantPolicyOverrides } from '../../policy/policy-types.ts';
import { applyOverrides } from '../../policy/resolve-policy.ts';
import { validatePolicyOverrides } from '../../policy/validate-overrides.ts';
import { ProblemError } from '../../problems.ts';
import { Policy, type PolicyDocument, PolicyOverrides } from '../../schemas/policy.ts';
import { setTenantPolicy } from '../../store/tenants.ts';

/**
 * The tenant's own rules: the domain defaults with its overrides on top. Each carrier
 * still bounds them (a tenant can only be stricter than its carrier).
 */
export const policyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/policy',
    {
      schema: {
        operationId: 'getPolicy',
        summary: "Read the tenant's policy overrides and the rules they produce",
        tags: ['policy'],
        response: { 200: Policy.ref, ...problemResponses(401, 503) },
      },
    },
    async (request) => present(request.tenant.policy as TenantPolicyOverrides),
  );

  app.put(
    '/policy',
    {
      schema: {
        operationId: 'replacePolicy',
        summary: "Replace the tenant's policy overrides",
        description:
          'A field given replaces the default whole (lists are not merged). Statuses that can never be intercepted (label_created, delivered, returned, ...) are refused in windows. PUT is idempotent by nature: no Idempotency-Key needed.',
        tags: ['policy'],
        body: PolicyOverrides.ref,
        response: { 200: Policy.ref, ...problemResponses(400, 401, 503) },
      },
    },
    async (request) => {
      const problems = validatePolicyOverrides(request.body);
      if (problems.length > 0) {
        throw new ProblemError(
          'validation-failed',
          problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('; '),
          {
            errors: problems.map((problem) => ({
              pointer: problem.pointer,
              detail: problem.message,
            })),
          },
        );
      }
      await setTenantPolicy(app.database, request.tenant.id, request.body);
      request.tenant = { ...request.tenant, policy: request.body };
      return present(request.body);
    },
  );
};

function present(overrides: TenantPolicyOverrides): PolicyDocument {
  const effective: TenantPolicy = applyOverrides(DEFAULT_POLICY, overrides);
  // The policy types are read-only; the wire document is a fresh copy of them.
  return structuredClone({ overrides, effective }) as PolicyDocument;
}
