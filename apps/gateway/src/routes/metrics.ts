import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { prometheusContentType } from 'prom-client';
import { Type } from 'typebox';

const sample = [
  '# HELP parcelgate_http_requests_total Requests answered, by method, route pattern and status code.',
  '# TYPE parcelgate_http_requests_total counter',
  'parcelgate_http_requests_total{method="GET",route="/v1/tracking/:carrier/:trackingNumber",status="200"} 42',
  '',
].join('\n');

/**
 * Prometheus metrics. No API key, like /healthz: scrapers rarely carry one, so keep this
 * path behind a firewall or an internal-only listener. It names carriers and routes, never
 * tenants, parcels or addresses.
 */
export const metricsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/metrics',
    {
      config: { public: true },
      schema: {
        operationId: 'getMetrics',
        summary: 'Prometheus metrics of this gateway process',
        description:
          'Request counts and latencies by route pattern, carrier call counts and latencies by carrier, operation and outcome, intercept and redirect outcomes, and process metrics. Not authenticated: expose it to the scraper only.',
        tags: ['operations'],
        produces: [prometheusContentType],
        response: {
          200: Type.String({
            description: 'The metrics in the Prometheus text format.',
            examples: [sample],
          }),
        },
      },
    },
    async (_request, reply) => {
      const body = await app.metrics.render();
      return reply.type(app.metrics.registry.contentType).send(body);
    },
  );
};
