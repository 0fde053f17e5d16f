import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { readBearerKey } from '../auth/api-key.ts';
import { ProblemError } from '../problems.ts';
import type { TenantReads } from '../store/tenant-reads.ts';
import type { AuthenticatedTenant } from '../store/tenants.ts';
import type { ClientLimits } from './client-limits.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Served without an API key and outside the client rate limits (health, metrics, the
     * API reference, carriers' signed callbacks). Every other route needs a key.
     */
    public?: boolean;
  }
  interface FastifyRequest {
    /** The tenant of the request's API key; set on every route that is not public. */
    tenant: AuthenticatedTenant;
  }
  interface FastifyInstance {
    /** Every route registered, and whether it is public: what authentication guards. */
    readonly routeAccess: () => readonly RouteAccess[];
  }
}

/** One registered route as authentication sees it. */
export interface RouteAccess {
  readonly method: string;
  /** The route's pattern, e.g. `/v1/intercepts/:id`. */
  readonly url: string;
  readonly public: boolean;
}

/**
 * Requires `Authorization: Bearer <key>` and scopes the request to the key's tenant,
 * deciding by the route the router matched, never by the URL: every spelling of a path
 * (percent-encoded, doubled slashes, other case, dot segments) is either the public route
 * it matched or needs a key. Deny by default: only routes marked `config.public` are open,
 * and a path that matches no route needs a key too (its 404 is for key holders only).
 * A missing, unknown or revoked key is one 401: the answer never says which.
 *
 * Register before any route: the `onRoute` hook lists them for {@link RouteAccess}.
 */
export function installAuthentication(
  app: FastifyInstance,
  tenants: Pick<TenantReads, 'tenantOfKey'>,
  limits: ClientLimits,
): void {
  app.decorateRequest('tenant');
  // Kept as given: a later onRoute hook (e.g. one marking a plugin's routes public) may
  // still change a route's config, so access is read when asked.
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.decorate('routeAccess', () =>
    routes.flatMap((route) =>
      [route.method].flat().map((method) => ({
        method,
        url: route.url,
        public: route.config?.public === true,
      })),
    ),
  );

  app.addHook('onRequest', async (request, reply) => {
    if (isPublicRequest(request)) {
      return;
    }
    const key = readBearerKey(request.headers.authorization);
    if (key === undefined) {
      await limits.countAnonymous(request, reply);
      throw unauthorized();
    }
    await limits.guardAddress(request, reply);
    const tenant = await tenants.tenantOfKey(key);
    if (tenant === undefined) {
      await limits.countAnonymous(request, reply);
      throw unauthorized();
    }
    request.tenant = tenant;
    await limits.countAuthenticated(request, reply);
  });
}

/** Whether a request was served without an API key (a public route). */
function isPublicRequest(request: FastifyRequest): boolean {
  return request.routeOptions.config.public === true && !request.is404;
}

function unauthorized(): ProblemError {
  return new ProblemError(
    'unauthorized',
    'Send a valid API key as "Authorization: Bearer <key>".',
    {},
    { 'www-authenticate': 'Bearer realm="parcelgate"' },
  );
}
