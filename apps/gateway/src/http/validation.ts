import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import { isDateTimeInRange } from '../schemas/date-time-format.ts';

const SHARED_OPTIONS: Options = {
  // Unknown fields are errors, not silently dropped; every problem is reported at once.
  removeAdditional: false,
  allErrors: true,
  useDefaults: true,
  strict: false,
};

/**
 * Validates JSON bodies strictly and the rest (path, query, headers) with coercion. A query
 * string is text, so `limit=20` must become a number; a JSON body already has types, and
 * coercing `{"amount": 1000.01}` into `"1000.01"` would accept what the schema forbids.
 * Fastify's one Ajv instance can only do one or the other, hence two instances, both
 * knowing every shared schema. Also removes Fastify's default text/plain parser, so a
 * non-JSON body is a 415 rather than a string that fails validation.
 */
export function installValidation(
  app: FastifyInstance,
  sharedSchemas: readonly { readonly schema: TSchema }[],
): void {
  const strict = createAjv({ ...SHARED_OPTIONS, coerceTypes: false }, sharedSchemas);
  const coercing = createAjv({ ...SHARED_OPTIONS, coerceTypes: 'array' }, sharedSchemas);
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : coercing;
    const id = (schema as { $id?: unknown }).$id;
    const existing = typeof id === 'string' ? ajv.getSchema(id) : undefined;
    return existing ?? ajv.compile(schema);
  });
  app.removeContentTypeParser('text/plain');
}

function createAjv(options: Options, sharedSchemas: readonly { readonly schema: TSchema }[]): Ajv {
  const ajv = new Ajv(options);
  addFormats.default(ajv);
  // Narrower than ajv-formats' date-time: only what PostgreSQL reads as the same instant,
  // so a filter can never fail in the database (see isDateTimeInRange).
  ajv.addFormat('date-time', { type: 'string', validate: isDateTimeInRange });
  for (const shared of sharedSchemas) {
    ajv.addSchema(shared.schema);
  }
  return ajv;
}
