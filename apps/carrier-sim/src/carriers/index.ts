import type { CarrierModule } from './carrier-module.ts';
import { dhlCarrier } from './dhl/dhl-carrier.ts';
import { fedexCarrier } from './fedex/fedex-carrier.ts';
import { kuaidi100Carrier } from './kuaidi100/kuaidi100-carrier.ts';
import { sandboxCarrier } from './sandbox/sandbox-carrier.ts';
import { sfCarrier } from './sf/sf-carrier.ts';
import { upsCarrier } from './ups/ups-carrier.ts';
import { uspsCarrier } from './usps/usps-carrier.ts';

/** Every simulated carrier. A new carrier is one module under `./<id>/` and one line here. */
export const CARRIER_MODULES: readonly CarrierModule[] = [
  sandboxCarrier,
  sfCarrier,
  kuaidi100Carrier,
  upsCarrier,
  fedexCarrier,
  dhlCarrier,
  uspsCarrier,
];

export type { CarrierModule } from './carrier-module.ts';
