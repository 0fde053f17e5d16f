/**
 * @parcelgate/test-stack (private): the carrier simulator and the built gateway as child
 * processes on a fresh database, with typed clients, for the e2e suites, the benchmarks
 * and `pnpm start`. Consumed as TypeScript source; nothing to build.
 */
export {
  type SimCallCounts,
  SimControlClient,
  type SimParcel,
  type SimParcelInput,
  type SimPush,
} from '@parcelgate/carrier-sim';
export { type AdminRun, createTenantKey, runAdmin, runGateway } from './admin.ts';
export { ApiClient, type HttpAnswer, newKey, type RequestOptions } from './api-client.ts';
export {
  type Launched,
  type LaunchOptions,
  launch,
  waitForLine,
  waitUntilHealthy,
} from './child-process.ts';
export { type PreparedDatabase, prepareDatabase, withSearchPath } from './database.ts';
export { freePort } from './free-port.ts';
export { ensureGatewayBuilt } from './gateway-build.ts';
export {
  GATEWAY_CLI,
  GATEWAY_MAIN,
  GATEWAY_NODE_FLAGS,
  GATEWAY_ROOT,
  SIMULATOR_MAIN,
  TRACK_ONLY_CARRIER,
} from './paths.ts';
export { POLL_TIMEOUT_MS, pollUntil } from './poll-until.ts';
export {
  type GatewayProcess,
  type GatewayProcessOptions,
  type SimulatorProcess,
  type SimulatorProcessOptions,
  spawnGateway,
  startSimulatorProcess,
} from './processes.ts';
export {
  type ExtraGateway,
  launchGateway,
  type Stack,
  type StackOptions,
  startStack,
} from './stack.ts';
