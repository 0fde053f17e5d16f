/**
 * The conformance suite every Parcelgate carrier adapter runs in its own Vitest tests, the
 * environments it runs in (msw fixtures or the carrier simulator), and the helpers adapter
 * unit tests share: a test context on the production HTTP client, an msw test server with
 * a call log, and sample requests.
 *
 * @packageDocumentation
 */
export { ABORT_LIMIT_MS } from './checks/abort-check.ts';
export type { CheckOutcome, CheckReport, ConformanceCheck } from './checks/conformance-check.ts';
export { createCheckReport } from './checks/conformance-check.ts';
export {
  abortCheck,
  authenticationCheck,
  conformanceChecks,
  connectionRefusedCheck,
  credentialsCheck,
  definitionCheck,
  eventsOrderCheck,
  notFoundCheck,
  operationsCheck,
  outcomeUnknownCheck,
  rateLimitCheck,
  requestOptionsCheck,
  retryableFailuresCheck,
  statusCodesCheck,
  unreadableAnswersCheck,
  verifyCredentialsCheck,
} from './checks/index.ts';
export { describeCarrierConformance } from './describe-carrier-conformance.ts';
export {
  type ConformanceEnvironment,
  type EnvironmentFeature,
  type Fault,
  type FaultRequest,
  isStagingUnsupported,
  type ParcelRequest,
  StagingUnsupportedError,
} from './environment.ts';
export type {
  CarrierFixtures,
  FixtureAnswer,
  FixtureResponder,
  OperationFixture,
  RequestMatcher,
} from './environments/carrier-fixtures.ts';
export {
  createMswEnvironment,
  type MswConformanceEnvironment,
  type MswEnvironmentOptions,
} from './environments/msw-environment.ts';
export {
  createSimulatorEnvironment,
  type SimulatorEnvironmentOptions,
} from './environments/simulator-environment.ts';
export {
  type Attempt,
  type AttemptOptions,
  type ConformanceHarness,
  type ConformanceOptions,
  createConformanceHarness,
  type OperationResults,
  type Settlement,
  type VerifyAttempt,
} from './harness.ts';
export {
  CONFORMANCE_OPERATIONS,
  type ConformanceOperation,
  claimedOperations,
  isReadOperation,
  type MutatingOperation,
  type ReadOperation,
} from './operations.ts';
export {
  createSampleRequests,
  type SampleOverrides,
  type SampleRequests,
  sampleRequests,
} from './sample-requests.ts';
export {
  type CapturedLogLine,
  createTestContext,
  DEFAULT_TEST_NOW,
  type TestCarrierContext,
  type TestClock,
  type TestContextOptions,
} from './test-context.ts';
export {
  type CarrierTestServer,
  type CarrierTestServerOptions,
  createCarrierTestServer,
  type RecordedCall,
} from './test-server.ts';
