/** A JSON object as the document builder returns it. */
type JsonObject = Record<string, unknown>;

/**
 * Marks query and header parameters that have a default as optional. A route schema lists
 * them as required so its handler's type says they are always there (Ajv's `useDefaults`
 * fills them in), but a client may leave them out, and the SDK's types should say so:
 * `limit` of the list operations is one.
 */
export function optionalDefaultedParameters<Document extends object>(document: Document): Document {
  const paths = (document as JsonObject).paths;
  if (!isObject(paths)) {
    return document;
  }
  for (const pathItem of Object.values(paths)) {
    for (const operation of isObject(pathItem) ? Object.values(pathItem) : []) {
      const parameters = isObject(operation) ? operation.parameters : undefined;
      for (const parameter of Array.isArray(parameters) ? parameters : []) {
        if (
          isObject(parameter) &&
          parameter.in !== 'path' &&
          isObject(parameter.schema) &&
          'default' in parameter.schema
        ) {
          parameter.required = false;
        }
      }
    }
  }
  return document;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
