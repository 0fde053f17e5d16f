import type { CarrierModule } from './carrier-module.ts';
import { sandboxCarrier } from './sandbox/sandbox-carrier.ts';

/** Every simulated carrier. A new carrier is one module under `./<id>/` and one line here. */
export const CARRIER_MODULES: readonly CarrierModule[] = [sandboxCarrier];

export type { CarrierModule } from './carrier-module.ts';
