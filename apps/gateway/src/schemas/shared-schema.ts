import { type Static, type TSchema, Type } from 'typebox';

/** A schema registered once with `addSchema`, and a typed `$ref` to it for routes. */
export interface SharedSchema<Schema extends TSchema> {
  readonly schema: Schema;
  /** `{ $ref: '<id>' }`, typed as the schema so handlers keep their inferred types. */
  readonly ref: ReturnType<typeof Type.Unsafe<Static<Schema>>>;
}

/**
 * Gives a schema an `$id` so it is registered once and appears in the OpenAPI document as
 * `components.schemas.<id>` (the SDK's named types), while routes refer to it by `$ref`.
 */
export function sharedSchema<Schema extends TSchema>(
  id: string,
  schema: Schema,
): SharedSchema<Schema> {
  return {
    schema: { ...schema, $id: id },
    ref: Type.Unsafe<Static<Schema>>({ $ref: `${id}#` }),
  };
}
