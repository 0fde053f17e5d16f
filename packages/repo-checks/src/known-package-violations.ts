/**
 * Imports that break the package rules today, as `file -> imported file or package`, each
 * with why it is still there. The dependency test fails when one of them is gone: delete
 * its line then, so the list only shrinks.
 */
export const KNOWN_PACKAGE_VIOLATIONS: Readonly<Record<string, string>> = {
  'packages/sdk/test/e2e/carrier-protection.e2e.test.ts -> apps/gateway/test/e2e/harness.ts':
    'the e2e stack (gateway + simulator processes) moves to a private test package',
  'packages/sdk/test/e2e/global-setup.ts -> apps/gateway/test/e2e/global-setup.ts':
    'the e2e stack moves to a private test package',
  'packages/sdk/test/e2e/global-setup.ts -> apps/gateway/test/e2e/harness.ts':
    'the e2e stack moves to a private test package',
  'packages/sdk/test/e2e/stack-options.ts -> apps/gateway/test/e2e/harness.ts':
    'the e2e stack moves to a private test package',
  'packages/sdk/test/e2e/support.ts -> apps/gateway/test/e2e/harness.ts':
    'the e2e stack moves to a private test package',
  'examples/order-service/test/order-service.e2e.test.ts -> apps/gateway/test/e2e/global-setup.ts':
    'the e2e stack moves to a private test package',
  'examples/order-service/test/order-service.e2e.test.ts -> apps/gateway/test/e2e/harness.ts':
    'the e2e stack moves to a private test package',
};
