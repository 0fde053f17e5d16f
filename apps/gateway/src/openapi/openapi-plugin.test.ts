import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type GatewayApp } from '../app.ts';
import { loadConfig } from '../config/load-config.ts';
import { EVENT_TYPES } from '../policy/event-types.ts';

/** The parts of the document these tests read. */
interface Operation {
  readonly operationId?: string;
  readonly summary?: string;
  readonly security?: readonly Record<string, readonly string[]>[];
  readonly requestBody?: { readonly content: Record<string, MediaType> };
  readonly responses: Record<
    string,
    { readonly content?: Record<string, MediaType>; readonly headers?: Record<string, unknown> }
  >;
}
interface WebhookOperation extends Operation {
  readonly parameters: readonly {
    readonly name: string;
    readonly in: string;
    readonly required: boolean;
  }[];
}
/** A component schema, with what an event schema's `type` property says. */
interface EventSchema {
  readonly examples?: readonly unknown[];
  readonly properties?: {
    readonly type?: { readonly enum?: readonly string[]; readonly const?: string };
  };
}
interface MediaType {
  readonly schema?: { readonly $ref?: string; readonly examples?: readonly unknown[] };
  readonly example?: unknown;
  readonly examples?: Record<string, unknown>;
}
interface Document {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string };
  readonly tags: readonly { readonly name: string }[];
  readonly paths: Record<string, Record<string, Operation>>;
  readonly webhooks: Record<string, Record<string, WebhookOperation>>;
  readonly components: {
    readonly schemas: Record<string, EventSchema>;
    readonly securitySchemes: Record<string, { readonly type: string; readonly scheme: string }>;
  };
}

let app: GatewayApp;
let document: Document;
let raw: string;

beforeAll(async () => {
  app = await buildApp({
    config: loadConfig({ PARCELGATE_DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }),
    carriers: [],
    logger: false,
  });
  const response = await app.inject({ method: 'GET', url: '/openapi.json' });
  expect(response.statusCode).toBe(200);
  raw = response.body;
  document = response.json();
});
afterAll(() => app.close());

function operations(): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]): [string, Operation] => [
      `${method.toUpperCase()} ${path}`,
      operation,
    ]),
  );
}

/** Whether a media type shows an example, itself or through the component it refers to. */
function hasExample(media: MediaType | undefined): boolean {
  if (media === undefined) {
    return false;
  }
  const ref = media.schema?.$ref?.replace('#/components/schemas/', '');
  const component = ref === undefined ? undefined : document.components.schemas[ref];
  return (
    media.example !== undefined ||
    Object.keys(media.examples ?? {}).length > 0 ||
    (media.schema?.examples?.length ?? 0) > 0 ||
    (component?.examples?.length ?? 0) > 0
  );
}

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document for the Parcelgate API', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: 'Parcelgate API', version: '1.0.0' });
    expect(document.tags.map((tag) => tag.name)).toEqual(
      expect.arrayContaining(['carriers', 'tracking', 'intercepts', 'redirects', 'operations']),
    );
    expect(document.components.securitySchemes.apiKey).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('names shared schemas by their $id, never def-N', () => {
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['Intercept', 'Tracking', 'Problem', 'Redirect', 'CarrierList']),
    );
    expect(raw).not.toMatch(/def-\d/);
    const created = document.paths['/v1/intercepts']?.post?.responses['201'];
    expect(created?.content?.['application/json']?.schema?.$ref).toBe(
      '#/components/schemas/Intercept',
    );
  });

  it('gives every operation an operationId and a summary, each id unique', () => {
    const ids = operations().map(([, operation]) => operation.operationId);
    for (const [name, operation] of operations()) {
      expect(operation.operationId, name).toMatch(/^[a-z][A-Za-z]+$/);
      expect(operation.summary, name).toBeTruthy();
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('requires the API key on every /v1 operation, and only there', () => {
    for (const [name, operation] of operations()) {
      // Carriers' pushes carry the carrier's signature instead of an API key.
      const expected =
        name.includes(' /v1/') && !name.includes('/v1/carrier-callbacks/') ? [{ apiKey: [] }] : [];
      expect(operation.security, name).toEqual(expected);
    }
    expect(document.paths['/metrics']?.get?.security).toEqual([]);
  });

  it('documents 401 and the other problems of every /v1 operation as problem+json', () => {
    const v1 = operations().filter(([name]) => name.includes(' /v1/'));
    expect(v1.length).toBeGreaterThanOrEqual(9);
    for (const [name, operation] of v1) {
      const problems = Object.keys(operation.responses).filter((status) => status >= '400');
      // 401 is an API key's absence, or for carriers' pushes a signature that fails.
      expect(problems, name).toContain('401');
      for (const status of problems) {
        const media = operation.responses[status]?.content?.['application/problem+json'];
        expect(media?.schema?.$ref, `${name} ${status}`).toBe('#/components/schemas/Problem');
        expect(hasExample(media), `${name} ${status} example`).toBe(true);
      }
    }
  });

  it('documents 429 with Retry-After and the RateLimit fields wherever a key is needed', () => {
    for (const [name, operation] of operations()) {
      const rateLimited = operation.responses['429'];
      if ((operation.security ?? []).length === 0) {
        expect(rateLimited, name).toBeUndefined();
        continue;
      }
      expect(rateLimited?.content?.['application/problem+json']?.schema?.$ref, name).toBe(
        '#/components/schemas/Problem',
      );
      expect(Object.keys(rateLimited?.headers ?? {}), name).toEqual([
        'retry-after',
        'ratelimit-policy',
        'ratelimit',
      ]);
    }
  });

  it('shows an example of every request body and every success answer', () => {
    for (const [name, operation] of operations()) {
      for (const media of Object.values(operation.requestBody?.content ?? {})) {
        expect(hasExample(media), `${name} request body`).toBe(true);
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        // 204 No Content has no body to show.
        if (status < '400' && status !== '204') {
          const media = Object.values(response.content ?? {});
          expect(media.length, `${name} ${status}`).toBeGreaterThan(0);
          expect(media.every(hasExample), `${name} ${status} example`).toBe(true);
        }
      }
    }
  });

  it('lists optional parameters as optional, even when the route fills in a default', () => {
    const list = document.paths['/v1/intercepts']?.get as unknown as {
      readonly parameters: readonly { readonly name: string; readonly required: boolean }[];
    };
    const limit = list.parameters.find((parameter) => parameter.name === 'limit');
    expect(limit?.required).toBe(false);
  });
});

describe('the webhooks section (OpenAPI 3.1 `webhooks`)', () => {
  it('has one entry per event type, in the order of policy/event-types.ts, each one POST', () => {
    expect(Object.keys(document.webhooks)).toEqual([...EVENT_TYPES]);
    for (const [type, item] of Object.entries(document.webhooks)) {
      expect(Object.keys(item), type).toEqual(['post']);
    }
  });

  it('gives each type the event schema whose `type` holds it, by $ref', () => {
    const expected: Record<string, string> = {
      'intercept.returned': 'InterceptEvent',
      'intercept.needs_attention': 'InterceptEvent',
      'redirect.redirected': 'RedirectEvent',
      'parcel.status_changed': 'ParcelEvent',
      'webhook_endpoint.test': 'WebhookEndpointEvent',
    };
    for (const [type, item] of Object.entries(document.webhooks)) {
      const body = item.post?.requestBody as
        | { readonly required?: boolean; readonly content: Record<string, MediaType> }
        | undefined;
      expect(body?.required, type).toBe(true);
      const ref = body?.content['application/json']?.schema?.$ref ?? '';
      expect(ref, type).toMatch(
        /^#\/components\/schemas\/(Intercept|Redirect|Parcel|WebhookEndpoint|OrderEvent)Event$/,
      );
      const schema = document.components.schemas[ref.replace('#/components/schemas/', '')];
      const allowed = schema?.properties?.type?.enum ?? [schema?.properties?.type?.const];
      expect(allowed, type).toContain(type);
      if (expected[type] !== undefined) {
        expect(ref, type).toBe(`#/components/schemas/${expected[type]}`);
      }
    }
  });

  it('documents the three signature headers, the 2xx answer, and no API key', () => {
    for (const [type, item] of Object.entries(document.webhooks)) {
      const operation = item.post as WebhookOperation;
      expect(operation.operationId, type).toMatch(/^[a-z][A-Za-z]+Webhook$/);
      expect(operation.summary, type).toBeTruthy();
      expect(
        operation.parameters.map((parameter) => [parameter.name, parameter.in, parameter.required]),
        type,
      ).toEqual([
        ['webhook-id', 'header', true],
        ['webhook-timestamp', 'header', true],
        ['webhook-signature', 'header', true],
      ]);
      expect(Object.keys(operation.responses), type).toEqual(['2XX', 'default']);
      expect(operation.security, type).toEqual([]);
    }
    const ids = Object.values(document.webhooks).map((item) => item.post?.operationId);
    const pathIds = operations().map(([, operation]) => operation.operationId);
    expect(new Set([...ids, ...pathIds]).size).toBe(ids.length + pathIds.length);
  });
});

describe('GET /docs', () => {
  it('serves the interactive reference from the package, not a CDN', async () => {
    const page = await app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('swagger-ui-bundle.js');
    expect(page.body).not.toMatch(/https?:\/\//);
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');

    const bundle = await app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
  });

  it('answers /docs itself, without an API key', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
  });
});
