import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../openapi/problem-responses.ts';
import { Policy, PolicyOverrides } from '../../schemas/policy.ts';
import { presentTenantPolicy, replaceTenantPolicy } from '../../services/tenant-policy.ts';

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
    async (request) => presentTenantPolicy(request.tenant),
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
      const document = await replaceTenantPolicy(app, request.tenant, request.body);
      request.tenant = { ...request.tenant, policy: request.body };
      return document;
    },
  );
};
