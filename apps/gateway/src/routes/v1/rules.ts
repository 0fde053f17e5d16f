import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { problemResponses } from '../../openapi/problem-responses.ts';
import { Rule, RuleList, RuleRequest } from '../../schemas/rules.ts';
import {
  createRule,
  listTenantRules,
  type RuleInput,
  readRule,
  removeRule,
  updateRule,
} from '../../services/order-events/rule-service.ts';

const tags = ['rules'];
/** The schema's arrays are mutable; the presenter's are read-only. */
type Shown = Static<typeof Rule.ref>;
const Params = Type.Object({ id: Type.String({ pattern: '^rul_[0-9A-Z]{26}$' }) });

/**
 * The tenant's rules for order events: tried in position order, the first that matches a
 * parcel decides; without any, the default set applies (docs/automation.md).
 */
export const ruleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/rules',
    {
      schema: {
        operationId: 'listRules',
        summary: "List the tenant's rules in the order they are tried",
        description:
          'A tenant without rules of its own sees the default set (`source: default`), which is what applies to it.',
        tags,
        response: { 200: RuleList.ref, ...problemResponses(401, 503) },
      },
    },
    async (request) => {
      const list = await listTenantRules(app.database, request.tenant.id);
      return { source: list.source, data: list.data as Shown[] };
    },
  );

  app.post(
    '/rules',
    {
      schema: {
        operationId: 'createRule',
        summary: 'Add a rule',
        description:
          "The tenant's first rule replaces the default set: from then on only the tenant's rules apply.",
        tags,
        body: RuleRequest.ref,
        response: { 201: Rule.ref, ...problemResponses(400, 401, 503) },
      },
    },
    async (request, reply) => {
      const rule = await createRule(app.database, request.tenant.id, request.body as RuleInput);
      return reply
        .code(201)
        .header('location', `/v1/rules/${rule.id}`)
        .send(rule as Shown);
    },
  );

  app.get(
    '/rules/:id',
    {
      schema: {
        operationId: 'getRule',
        summary: 'Read a rule',
        tags,
        params: Params,
        response: { 200: Rule.ref, ...problemResponses(400, 401, 404, 503) },
      },
    },
    async (request) =>
      (await readRule(app.database, request.tenant.id, request.params.id)) as Shown,
  );

  app.put(
    '/rules/:id',
    {
      schema: {
        operationId: 'replaceRule',
        summary: 'Replace a rule (without `position` it keeps its place)',
        tags,
        params: Params,
        body: RuleRequest.ref,
        response: { 200: Rule.ref, ...problemResponses(400, 401, 404, 503) },
      },
    },
    async (request) =>
      (await updateRule(
        app.database,
        request.tenant.id,
        request.params.id,
        request.body as RuleInput,
      )) as Shown,
  );

  app.delete(
    '/rules/:id',
    {
      schema: {
        operationId: 'deleteRule',
        summary: 'Delete a rule',
        description: 'Deleting the last rule brings the default set back.',
        tags,
        params: Params,
        response: {
          204: Type.Null({ description: 'Deleted.' }),
          ...problemResponses(400, 401, 404, 503),
        },
      },
    },
    async (request, reply) => {
      await removeRule(app.database, request.tenant.id, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
