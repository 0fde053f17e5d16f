/** A JSON object as the document builder returns it. */
type JsonObject = Record<string, unknown>;

/** The order of the OpenAPI specification's own field tables. */
const TOP_LEVEL_ORDER = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'security',
  'tags',
  'externalDocs',
  'paths',
  'webhooks',
  'components',
];
const METHOD_ORDER = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Gives the document a key order that does not depend on the order routes and schemas
 * happen to be registered in: top-level fields as the specification lists them, paths and
 * components by name, methods in the specification's order, responses by status code.
 * Everything else keeps the order the schemas were written in, which reads best (a
 * schema's properties, for one).
 */
export function canonicalizeDocument<Document extends object>(document: Document): Document {
  const result = sortKeys(document as JsonObject, byRank(TOP_LEVEL_ORDER, 'last'));
  if (isObject(result.paths)) {
    result.paths = sortKeys(result.paths, byName, (pathItem) =>
      isObject(pathItem)
        ? sortKeys(pathItem, byRank(METHOD_ORDER, 'first'), canonicalizeOperation)
        : pathItem,
    );
  }
  if (isObject(result.components)) {
    result.components = sortKeys(result.components, byName, (section) =>
      isObject(section) ? sortKeys(section, byName) : section,
    );
  }
  return result as Document;
}

function canonicalizeOperation(operation: unknown): unknown {
  if (!isObject(operation) || !isObject(operation.responses)) {
    return operation;
  }
  return { ...operation, responses: sortKeys(operation.responses, byName) };
}

function sortKeys(
  object: JsonObject,
  compare: (left: string, right: string) => number,
  mapValue: (value: unknown) => unknown = (value) => value,
): JsonObject {
  return Object.fromEntries(
    Object.keys(object)
      .sort(compare)
      .map((key) => [key, mapValue(object[key])]),
  );
}

/** Code-point order, not locale order: the same on every machine. */
function byName(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Listed keys in the given order; unlisted ones (extensions, path-level fields) `first` or `last`, by name. */
function byRank(order: readonly string[], unlisted: 'first' | 'last') {
  const rank = (key: string) => {
    const index = order.indexOf(key);
    return index !== -1 ? index : unlisted === 'first' ? -1 : order.length;
  };
  return (left: string, right: string): number => rank(left) - rank(right) || byName(left, right);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
