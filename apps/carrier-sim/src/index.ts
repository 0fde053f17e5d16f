// The package's entry point: re-exports only, so no module imports it back (a cycle).

export {
  type CarrierSimulatorClient,
  type CarrierSimulatorClientOptions,
  createCarrierSimulatorClient,
  type SimParcelSpec,
} from './carrier-simulator-client.ts';
export { DEFAULT_CLOCK_START } from './clock.ts';
export { STAGE_INTERVAL_MS } from './model/journey.ts';
export {
  type SimCallCounts,
  SimControlClient,
  type SimParcel,
  type SimParcelInput,
  type SimPush,
  type SimTracedCall,
} from './sim-control-client.ts';
export { DEFAULT_SEED } from './simulator.ts';
export {
  type RunningSimulator,
  type StartSimulatorOptions,
  startSimulator,
} from './start-simulator.ts';
