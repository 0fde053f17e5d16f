import type { Parcel } from '../model/parcel.ts';
import type { ParcelChange } from './push-types.ts';

/** What a parcel looked like when it was last pushed (or created). */
export interface ParcelSnapshot {
  readonly events: number;
  readonly interceptState: string | undefined;
  readonly redirectStates: readonly string[];
}

/** The snapshot of a parcel as it is now. */
export function snapshotOf(parcel: Parcel): ParcelSnapshot {
  return {
    events: parcel.events.length,
    interceptState: parcel.intercept?.state,
    redirectStates: parcel.redirects.map((redirect) => redirect.state),
  };
}

/** What changed since `before`, or undefined when nothing a carrier pushes did. */
export function changeSince(parcel: Parcel, before: ParcelSnapshot): ParcelChange | undefined {
  const newEvents = parcel.events.slice(before.events);
  const intercept =
    parcel.intercept !== null && parcel.intercept.state !== before.interceptState
      ? parcel.intercept
      : undefined;
  const redirects = parcel.redirects.filter(
    (redirect, index) => before.redirectStates[index] !== redirect.state,
  );
  if (newEvents.length === 0 && intercept === undefined && redirects.length === 0) {
    return undefined;
  }
  return { parcel, newEvents, intercept, redirects };
}
