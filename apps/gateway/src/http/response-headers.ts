import type { FastifyInstance } from 'fastify';

/**
 * Headers on every answer: `x-request-id` (the id of its log line), `X-Content-Type-Options:
 * nosniff` (a browser never guesses another type than the one declared) and `Cache-Control:
 * no-store` (answers are per tenant and change; no shared cache may keep one) unless the
 * route chose its own caching (the API reference's static files).
 */
export function installResponseHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
