import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readBearerKey } from '../auth/api-key.ts';
import { ProblemError } from '../problems.ts';
import type { Database } from '../store/database.ts';
import { type AuthenticatedTenant, findTenantByApiKey } from '../store/tenants.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The tenant of the request's API key; set on every /v1 route. */
    tenant: AuthenticatedTenant;
  }
}

/** Routes under /v1 that do not take an API key (a carrier's push verifies its own signature). */
export const PUBLIC_V1_PREFIXES: readonly string[] = ['/v1/carrier-callbacks/'];

/**
 * Requires `Authorization: Bearer <key>` on every /v1 route and scopes the request to the
 * key's tenant. A missing, unknown or revoked key is one 401: the answer never says which.
 */
export function installAuthentication(app: FastifyInstance, database: Database): void {
  app.decorateRequest('tenant');
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/v1/') || PUBLIC_V1_PREFIXES.some((prefix) => path.startsWith(prefix))) {
      return;
    }
    const key = readBearerKey(request.headers.authorization);
    const tenant = key === undefined ? undefined : await findTenantByApiKey(database, key);
    if (tenant === undefined) {
      throw new ProblemError(
        'unauthorized',
        'Send a valid API key as "Authorization: Bearer <key>".',
        {},
        { 'www-authenticate': 'Bearer realm="parcelgate"' },
      );
    }
    request.tenant = tenant;
  });
}
