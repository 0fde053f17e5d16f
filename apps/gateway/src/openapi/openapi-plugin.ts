import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { canonicalizeDocument } from './canonicalize-document.ts';
import { documentAccess } from './document-access.ts';
import { DOCUMENT_BASE } from './document-base.ts';
import { refineParameters } from './refine-parameters.ts';

/**
 * Publishes the OpenAPI document built from the route schemas: `GET /openapi.json`, and an
 * interactive reference at `/docs` served from @fastify/swagger-ui's own files (no CDN, so
 * it works offline and under a strict CSP). Register before the routes: @fastify/swagger
 * collects routes as they are added.
 */
export const openApiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(fastifySwagger, {
      openapi: structuredClone(DOCUMENT_BASE) as unknown as Record<string, unknown>,
      refResolver: {
        // Shared schemas keep their `$id` as their component name: the SDK's named types
        // (`components['schemas']['Intercept']`) depend on it. `def-N` only for anonymous ones.
        buildLocalReference: (json, _baseUri, _fragment, index) =>
          typeof json.$id === 'string' ? json.$id : `def-${index}`,
      },
      transform: ({ schema, url, route }) => ({
        schema: documentAccess(schema, route.config?.public === true),
        url,
      }),
      transformObject: (document) =>
        'openapiObject' in document
          ? canonicalizeDocument(refineParameters(document.openapiObject))
          : document.swaggerObject,
    });
    await app.register(async (docs) => {
      // The reference and its assets are public, like the document they show.
      docs.addHook('onRoute', (route) => {
        route.config = { ...route.config, public: true };
      });
      await docs.register(fastifySwaggerUi, {
        routePrefix: '/docs',
        uiConfig: { deepLinking: true, persistAuthorization: false },
        staticCSP: true,
        // The default policy upgrades requests to https, which breaks /docs on a plain-http
        // deployment (a laptop, an internal network).
        transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
      });
    });
    app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
      app.swagger(),
    );
  },
  { name: 'parcelgate-openapi' },
);
