/**
 * The raw types generated from openapi/parcelgate.yaml, for callers who build their own
 * requests (e.g. with openapi-fetch directly): `paths`, `operations` and `components`.
 */
export type { components, operations, paths } from './generated/openapi.ts';
