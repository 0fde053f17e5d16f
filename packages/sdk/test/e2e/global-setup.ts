/**
 * Vitest global setup of the SDK's e2e project: builds the gateway when its `dist/` is stale,
 * then starts one simulator and one gateway for every e2e file (@parcelgate/test-stack), and hands
 * their URLs and keys to the tests through `provide`. Files that need another gateway
 * configuration start their own stack.
 */

import { ensureGatewayBuilt, startStack } from '@parcelgate/test-stack';
import type { TestProject } from 'vitest/node';
import { SHARED_TENANTS, sharedStackOptions } from './stack-options.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    gatewayUrl: string;
    simUrl: string;
    apiKey: string;
    tenantKeys: Record<string, string>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureGatewayBuilt();
  const stack = await startStack(sharedStackOptions);
  project.provide('gatewayUrl', stack.gatewayUrl);
  project.provide('simUrl', stack.simUrl);
  project.provide('apiKey', stack.apiKey);
  project.provide(
    'tenantKeys',
    Object.fromEntries(SHARED_TENANTS.map((tenant) => [tenant, stack.keys[tenant] ?? ''])),
  );
  return () => stack.stop();
}
