import { Type } from 'typebox';

const idempotencyKey = Type.String({
  minLength: 1,
  maxLength: 255,
  description:
    'Unique per operation (draft-ietf-httpapi-idempotency-key-header). Repeating it with the same body replays the first answer without calling the carrier again.',
  examples: ['6f1c2b9e-8d4a-4a8e-9a51-2f1a7d3c0b11'],
});

const prefer = Type.String({
  description: 'RFC 7240. `wait=N` tightens the latency budget to N seconds.',
  examples: ['wait=3'],
});

/** Headers of mutating routes. */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': idempotencyKey,
  prefer: Type.Optional(prefer),
});

/** Headers of the dry run, where a key is optional. */
export const OptionalIdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(idempotencyKey),
  prefer: Type.Optional(prefer),
});

/** Headers of reads, which take a tighter budget too. */
export const PreferHeaders = Type.Object({
  prefer: Type.Optional(prefer),
});
