import { unitHash } from '../random.ts';
import {
  HISTORY_LEAD_MS,
  historyFor,
  nextKind,
  recordEvent,
  STAGE_INTERVAL_MS,
} from './journey.ts';
import type { Money, Parcel } from './parcel.ts';
import { pickRoute } from './places.ts';
import type { ExceptionSubStatus, SimStatus } from './statuses.ts';

/** What the control API asks for when it creates a parcel. */
export interface NewParcel {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly status: SimStatus;
  /** Required when `status` is `exception`, null otherwise. */
  readonly subStatus: ExceptionSubStatus | null;
  readonly category: string | null;
  readonly declaredValue: Money | null;
  /** The carrier account that owns the parcel; null: every account may act on it. */
  readonly account: string | null;
}

/** Most minutes an older generated event drifts from the stage grid, so times look scanned. */
const HISTORY_JITTER_MINUTES = 40;

/**
 * Creates a parcel already in `status`, with the history that led there: events spaced
 * one stage apart (plus a few minutes of seeded drift), the newest a few minutes before
 * `now`, and the next step due one stage after the newest.
 */
export function createParcel(input: NewParcel, seed: string, now: number): Parcel {
  const route = pickRoute(unitHash(seed, 'route', input.carrier, input.trackingNumber));
  const parcel: Parcel = {
    carrier: input.carrier,
    trackingNumber: input.trackingNumber,
    account: input.account,
    status: input.status,
    subStatus: null,
    category: input.category,
    declaredValue: input.declaredValue,
    origin: route.origin,
    hub: route.hub,
    destination: { ...route.destination, name: null, phone: null, line1: null, line2: null },
    events: [],
    nextStepAt: null,
    intercept: null,
    interceptAttempts: 0,
    redirects: [],
    calls: { track: 0, intercept: 0, redirect: 0 },
    callsByAccount: new Map(),
    version: 0,
  };

  const kinds = historyFor(input.status, input.subStatus);
  const newestAt = now - HISTORY_LEAD_MS;
  kinds.forEach((kind, index) => {
    const stepsBack = kinds.length - 1 - index;
    const drift =
      stepsBack === 0
        ? 0
        : Math.floor(
            unitHash(seed, 'history', input.carrier, input.trackingNumber, index) *
              HISTORY_JITTER_MINUTES,
          ) * 60_000;
    recordEvent(parcel, kind, newestAt - stepsBack * STAGE_INTERVAL_MS - drift, input.subStatus);
  });

  const newest = kinds[kinds.length - 1];
  const visitedHub = kinds.includes('arrived_at_hub');
  parcel.nextStepAt =
    newest !== undefined && nextKind(newest, visitedHub) !== null
      ? newestAt + STAGE_INTERVAL_MS
      : null;
  return parcel;
}
