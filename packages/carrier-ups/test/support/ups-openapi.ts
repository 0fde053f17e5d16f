import { readFileSync } from 'node:fs';
import type { RecordedCall } from '@parcelgate/carrier-testkit';
import { type Document, OpenAPIBackend } from 'openapi-backend';
import { parse } from 'yaml';

/**
 * UPS's own OpenAPI files (packages/carrier-ups/openapi, copied from UPS-API/api-documentation),
 * loaded into openapi-backend's validator: every request the adapter sends in a unit test
 * and every response fixture it reads can be checked against what UPS publishes, by a
 * validator that knows nothing of the adapter.
 */

/** One published API: its file, and the path below the UPS host where its paths start. */
interface UpsSpec {
  readonly file: string;
  /** Prefix of the request path this spec answers, e.g. `/api/deliveryintercept/`. */
  readonly prefix: string;
  /** openapi-backend's `apiRoot`: the server URL's path without its `{version}` variable. */
  readonly apiRoot: string;
  /**
   * Whether the spec declares the server URL's `{version}` variable as a path parameter of
   * every operation (DeliveryIntercept, Track Alert): its paths are then matched with
   * `/{version}` in front, so the parameter UPS marks required is checked like any other.
   */
  readonly versionInPath: boolean;
}

const SPECS: readonly UpsSpec[] = [
  {
    file: 'DeliveryIntercept.yaml',
    prefix: '/api/deliveryintercept/',
    apiRoot: '/api/deliveryintercept',
    versionInPath: true,
  },
  { file: 'Tracking.yaml', prefix: '/api/track/v1/', apiRoot: '/api', versionInPath: false },
  {
    file: 'UPSTrackAlert.yaml',
    prefix: '/api/track/v2/',
    apiRoot: '/api/track',
    versionInPath: true,
  },
  {
    file: 'OAuthClientCredentials.yaml',
    prefix: '/security/v1/oauth/',
    apiRoot: '/',
    versionInPath: false,
  },
];

const OPENAPI_FOLDER = new URL('../../openapi/', import.meta.url);

/** Where a spec's webhooks are mounted for validation, below its `apiRoot`. */
const WEBHOOK_PATH = '/webhooks/';

/** What the validator says about one request or response; `errors` is empty when it is valid. */
export interface UpsContractCheck {
  readonly operationId: string;
  readonly errors: readonly string[];
}

/** A validator per published API, built once per test file. */
export interface UpsContract {
  /** Checks a request the adapter sent: method, path, parameters, required headers, auth, body. */
  checkRequest(call: RecordedCall): UpsContractCheck;
  /** Checks a response body against the operation's published response for `status`. */
  checkResponse(operationId: string, status: number, body: unknown): UpsContractCheck;
  /** Checks a push UPS sends us (a `webhooks` entry, e.g. `TrackingEvent`): headers and body. */
  checkWebhook(
    name: string,
    headers: Readonly<Record<string, string>>,
    body: unknown,
  ): UpsContractCheck;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOpenApiDocument(value: unknown): value is Document {
  return isObject(value) && typeof value.openapi === 'string' && isObject(value.paths);
}

function loadDefinition(spec: UpsSpec): JsonObject {
  // Tracking.yaml upstream carries a literal TAB in one `default:`; a tab is never data here.
  const text = readFileSync(new URL(spec.file, OPENAPI_FOLDER), 'utf8').replaceAll('\t', ' ');
  const definition: unknown = parse(text);
  if (!isObject(definition) || !isObject(definition.paths)) {
    throw new TypeError(`${spec.file} is not an OpenAPI document`);
  }
  const paths: JsonObject = Object.fromEntries(
    Object.entries(definition.paths).map(([path, item]) => [
      spec.versionInPath ? `/{version}${path}` : path,
      item,
    ]),
  );
  // A webhook is a Path Item UPS sends to us (OpenAPI 3.1 `webhooks`): validated as the
  // request it is, under `/webhooks/{name}`.
  const webhooks = isObject(definition.webhooks) ? definition.webhooks : {};
  for (const [name, item] of Object.entries(webhooks)) {
    paths[`${WEBHOOK_PATH}${name}`] = item;
  }
  return { ...definition, paths };
}

/** Every security scheme the operation accepts must be met by one `Authorization` header. */
function checkAuthorization(
  definition: JsonObject,
  security: unknown,
  headers: Readonly<Record<string, string>>,
): string[] {
  const requirements = Array.isArray(security)
    ? security
    : Array.isArray(definition.security)
      ? definition.security
      : [];
  if (requirements.length === 0) {
    return [];
  }
  const components = isObject(definition.components) ? definition.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const authorization = headers.authorization ?? '';
  const met = requirements.some(
    (requirement) =>
      isObject(requirement) &&
      Object.keys(requirement).every((name) => {
        const scheme = schemes[name];
        if (!isObject(scheme)) {
          return false;
        }
        if (scheme.type === 'http') {
          return authorization.toLowerCase().startsWith(`${String(scheme.scheme).toLowerCase()} `);
        }
        // OAuth2 flows carry their token as a bearer token (RFC 6750).
        return scheme.type === 'oauth2' && /^bearer \S+/i.test(authorization);
      }),
  );
  return met ? [] : [`authorization: none of ${JSON.stringify(requirements)} is met`];
}

function bodyOf(call: RecordedCall): unknown {
  if (call.body === '') {
    return undefined;
  }
  if ((call.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(call.body));
  }
  return call.json ?? call.body;
}

function describeErrors(
  errors: readonly { instancePath: string; message?: string }[] | null | undefined,
) {
  return (errors ?? []).map((error) =>
    `${error.instancePath || '/'} ${error.message ?? ''}`.trim(),
  );
}

/** Loads the four UPS specs; call once per test file. */
export async function loadUpsContract(): Promise<UpsContract> {
  const backends = await Promise.all(
    SPECS.map(async (spec) => {
      const definition = loadDefinition(spec);
      // openapi-backend dereferences its copy in place; ours stays as written.
      const document: unknown = structuredClone(definition);
      if (!isOpenApiDocument(document)) {
        throw new TypeError(`${spec.file} is not an OpenAPI document`);
      }
      const api = new OpenAPIBackend({
        definition: document,
        apiRoot: spec.apiRoot,
        validate: true,
        // The 3.1 files put `description` beside `$ref`, which 3.1 allows but the
        // meta-schema openapi-backend checks documents with rejects: skip that check
        // (`quick`, validators compiled on first use) rather than print hundreds of
        // warnings. Requests and responses are still validated in full.
        strict: false,
        quick: true,
        // UPS uses formats Ajv does not know (`currency`): ignored, without a log line each.
        ajvOpts: { strict: false, allErrors: true, logger: false },
      });
      await api.init();
      return { spec, definition, api };
    }),
  );

  function backendFor(path: string) {
    const found = backends.find((backend) => path.startsWith(backend.spec.prefix));
    if (found === undefined) {
      throw new Error(`no published UPS API answers ${path}`);
    }
    return found;
  }

  return {
    checkRequest(call) {
      const path = call.url.pathname;
      const { definition, api } = backendFor(path);
      const request = {
        method: call.method.toLowerCase(),
        path,
        query: call.url.search.replace(/^\?/, ''),
        headers: { ...call.headers },
        body: bodyOf(call),
      };
      const operation = api.router.matchOperation(request);
      if (operation === undefined) {
        return {
          operationId: 'none',
          errors: [`${call.method} ${path}: no operation of the published API`],
        };
      }
      const operationId = operation.operationId ?? `${operation.method} ${operation.path}`;
      const result = api.validateRequest(request, operation);
      return {
        operationId,
        errors: [
          ...describeErrors(result.errors),
          ...checkAuthorization(definition, operation.security, call.headers),
        ],
      };
    },
    checkResponse(operationId, status, body) {
      for (const { api } of backends) {
        const operation = api.getOperation(operationId);
        if (operation !== undefined) {
          const result = api.validateResponse(body, operation, status);
          return { operationId, errors: describeErrors(result.errors) };
        }
      }
      throw new Error(`no published UPS API has the operation ${operationId}`);
    },
    checkWebhook(name, headers, body) {
      for (const { spec, api } of backends) {
        const request = {
          method: 'post',
          path: `${spec.apiRoot.replace(/\/$/, '')}${WEBHOOK_PATH}${name}`,
          headers: { 'content-type': 'application/json', ...headers },
          body,
        };
        const operation = api.router.matchOperation(request);
        if (operation !== undefined) {
          const result = api.validateRequest(request, operation);
          return {
            operationId: operation.operationId ?? name,
            errors: describeErrors(result.errors),
          };
        }
      }
      throw new Error(`no published UPS API has the webhook ${name}`);
    },
  };
}
