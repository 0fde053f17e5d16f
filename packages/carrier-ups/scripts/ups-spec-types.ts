/**
 * Which of UPS's OpenAPI files the adapter's wire types come from, and how they are
 * rendered: shared by `scripts/generate-types.ts` (writes src/generated/) and the drift
 * test (test/generated-types.test.ts), so both render byte for byte the same text.
 */
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

/** One UPS OpenAPI file (copied verbatim into openapi/) and the module generated from it. */
export interface UpsSpec {
  /** File name under openapi/. */
  readonly source: string;
  /** File name under src/generated/. */
  readonly output: string;
}

/** Every UPS spec the adapter reads wire shapes from. */
export const UPS_SPECS: readonly UpsSpec[] = [
  { source: 'OAuthClientCredentials.yaml', output: 'oauth.ts' },
  { source: 'Tracking.yaml', output: 'tracking.ts' },
  { source: 'DeliveryIntercept.yaml', output: 'delivery-intercept.ts' },
  { source: 'UPSTrackAlert.yaml', output: 'track-alert.ts' },
];

/** The package's openapi/ folder. */
export const SPEC_FOLDER = new URL('../openapi/', import.meta.url);

/** The package's src/generated/ folder. */
export const GENERATED_FOLDER = new URL('../src/generated/', import.meta.url);

/** Renders the TypeScript module for one spec, header included. */
export async function renderSpecTypes(spec: UpsSpec): Promise<string> {
  const ast = await openapiTS(new URL(spec.source, SPEC_FOLDER), { silent: true });
  const header = `${COMMENT_HEADER}// Source: packages/carrier-ups/openapi/${spec.source} (UPS-API/api-documentation, MIT).\n// Regenerate with \`pnpm --filter @parcelgate/carrier-ups generate:types\`.\n\n`;
  return header + astToString(ast);
}
