import type { CarrierWorld } from '../carrier-module.ts';

/** Where and how to push: a URL a request named, and the salt to sign with. */
export interface Kuaidi100CallbackTarget {
  readonly url: string;
  readonly salt: string | undefined;
  /** Whether tracking pushes carry advanced states (a subscription with `resultv2` 4 or 6). */
  readonly advanced?: boolean;
}

/** An `interceptOrder` Kuaidi100 took: what its result callback must echo. */
export interface Kuaidi100Task {
  readonly taskId: string;
  readonly com: string;
  readonly trackingNumber: string;
  readonly orderId: string | undefined;
  readonly interceptType: string;
  readonly callback: Kuaidi100CallbackTarget | undefined;
}

/** What the simulated Kuaidi100 remembers beside the parcels; forgotten on reset. */
export interface Kuaidi100State {
  /** By intercept or redirect record id (the task id). */
  readonly tasks: Map<string, Kuaidi100Task>;
  /** Subscriptions (`POST /poll`), by tracking number. */
  readonly subscriptions: Map<string, Kuaidi100CallbackTarget>;
}

/** This world's Kuaidi100 state. */
export function kuaidi100State(world: CarrierWorld): Kuaidi100State {
  return world.moduleState('kuaidi100', () => ({ tasks: new Map(), subscriptions: new Map() }));
}
