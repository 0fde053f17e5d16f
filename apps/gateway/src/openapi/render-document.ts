import { stringify } from 'yaml';

/** First lines of the committed document, so nobody edits it by hand. */
const HEADER = [
  '# Generated from the gateway route schemas by apps/gateway/scripts/generate-openapi.ts.',
  '# Do not edit: change the schemas, then run `pnpm openapi:generate`.',
].join('\n');

/**
 * Renders the OpenAPI document as the YAML committed in openapi/parcelgate.yaml. The
 * output depends only on the document: no line folding (a changed word stays a one-line
 * diff), no YAML anchors for repeated values, and keys in the document's own order (which
 * `canonicalizeDocument` has made independent of registration order).
 */
export function renderDocumentYaml(document: object): string {
  // A JSON round trip drops `undefined` members and shared references, as /openapi.json does.
  const plain: unknown = JSON.parse(JSON.stringify(document));
  const body = stringify(plain, { lineWidth: 0, aliasDuplicateObjects: false });
  return `${HEADER}\n${body}`;
}
