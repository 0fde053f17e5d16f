/**
 * The raw types generated from openapi/parcelgate.yaml, for callers who build their own
 * requests (e.g. with openapi-fetch directly): `paths`, `operations` and `components`, and
 * `webhooks` (what the gateway POSTs to a webhook endpoint, one entry per event type).
 */
export type { components, operations, paths, webhooks } from './generated/openapi.ts';
