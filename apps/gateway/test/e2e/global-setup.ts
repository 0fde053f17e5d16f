/**
 * Vitest global setup of the e2e project: the suite runs the built gateway (`dist/`), so
 * make sure it is there and not older than its sources (see @parcelgate/test-stack).
 */
export { ensureGatewayBuilt as default } from '@parcelgate/test-stack';
