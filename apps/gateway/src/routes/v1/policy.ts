import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses } from '../../openapi/problem-responses.ts';
import { CarrierId } from '../../schemas/common.ts';
import { Policy, PolicyOverrides } from '../../schemas/policy.ts';
import { presentTenantPolicy, replaceTenantPolicy } from '../../services/tenant-policy.ts';

/**
 * The tenant's own rules: the domain defaults with its overrides on top, each rule with
 * the severity the tenant chose. Each carrier still bounds them (a tenant can only be
 * stricter than its carrier); `?carrier=` shows the rules at one carrier.
 */
export const policyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/policy',
    {
      schema: {
        operationId: 'getPolicy',
        summary:
          "Read the tenant's policy: its overrides, the rules they produce and their sources",
        description:
          'Every value of `effective` has its source in `sources` (`default` or `tenant`). With `carrier`, `atCarrier` also shows the rules at that carrier, which bounds the tenant: values whose source is `carrier` always refuse.',
        tags: ['policy'],
        querystring: Type.Object(
          {
            carrier: Type.Optional({
              ...CarrierId,
              description: 'Also show the rules at this carrier (`atCarrier`).',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Policy.ref, ...problemResponses(400, 401, 404, 503) },
      },
    },
    async (request) => {
      const id = request.query.carrier;
      const carrier = id === undefined ? undefined : app.carriers.resolve(id).definition;
      return presentTenantPolicy(request.tenant, carrier);
    },
  );

  app.put(
    '/policy',
    {
      schema: {
        operationId: 'replacePolicy',
        summary: "Replace the tenant's policy overrides",
        description:
          'The body replaces the stored overrides; each override applies to the defaults. A list given as `{ "add": [...], "remove": [...] }` edits the default list and keeps the rest (e.g. `excludedCategories: { "remove": ["tea"] }`); a plain list replaces the default list whole (kept for compatibility). Value limits are removed by currency, and an added limit replaces its currency\'s. `severity` sets each rule to `refuse` (a reason, not eligible) or `warn` (a warning that lowers the likelihood). Statuses that can never be intercepted (label_created, delivered, returned, ...) are refused in windows, and so is a status that would end up in both parts of a window. PUT is idempotent by nature: no Idempotency-Key needed.',
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
