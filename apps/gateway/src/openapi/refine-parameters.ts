/** A JSON object as the document builder returns it. */
type JsonObject = Record<string, unknown>;

/**
 * Says of parameters what route schemas cannot:
 * - query and header parameters that have a default are optional. A route schema lists
 *   them as required so its handler's type says they are always there (Ajv's `useDefaults`
 *   fills them in), but a client may leave them out, and the SDK's types should say so:
 *   `limit` of the list operations is one;
 * - object query parameters (`carrierOptions`) are sent in deepObject style
 *   (`carrierOptions[com]=zhongtong`), which is what the gateway parses and what the SDK's
 *   client sends.
 */
export function refineParameters<Document extends object>(document: Document): Document {
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
        if (isObject(parameter) && parameter.in === 'query' && isObjectSchema(parameter.schema)) {
          parameter.style = 'deepObject';
          parameter.explode = true;
        }
      }
    }
  }
  return document;
}

/** Object schemas, inline or by reference (every shared query schema is an object). */
function isObjectSchema(schema: unknown): boolean {
  return isObject(schema) && (schema.type === 'object' || typeof schema.$ref === 'string');
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
