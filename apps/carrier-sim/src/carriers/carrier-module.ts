import type { IncomingHttpHeaders } from 'node:http';
import type { AccountCalls } from '../model/account-calls.ts';
import type { ParcelEvent } from '../model/parcel.ts';
import type { ParcelStore } from '../model/parcel-store.ts';
import type { ExceptionSubStatus } from '../model/statuses.ts';
import type { ParcelChange, PushMessage, PushTarget } from '../push/push-types.ts';
import type { CarrierResponse } from './carrier-response.ts';

/** What a carrier module may read and change while it handles a request. */
export interface CarrierWorld {
  readonly parcels: ParcelStore;
  /** When each carrier account's calls arrived, for the most calls in any second. */
  readonly accountCalls: AccountCalls;
  readonly seed: string;
  /** Simulated time in epoch milliseconds. */
  now(): number;
  /**
   * State a carrier module keeps beside the parcels (issued OAuth tokens, callback URLs a
   * request named), created on first use and forgotten on reset. Modules are shared by
   * every simulator in a process, so such state lives here, not in the module.
   */
  moduleState<State>(key: string, create: () => State): State;
}

/** A request after the carrier module routed it, before anything was processed. */
export interface CarrierRequest {
  readonly route: CarrierRoute;
  readonly headers: IncomingHttpHeaders;
  /** The raw body; empty for requests without one. */
  readonly body: Buffer;
  /** The query string without its `?`; empty when there is none. */
  readonly query: string;
}

/** What a body-routed request is about, read from its body by {@link CarrierRoute.identify}. */
export interface RouteIdentity {
  /** As {@link CarrierRoute.operation}: `track`, `intercept`, `redirect` or a carrier's own. */
  readonly operation: string;
  /** The parcel the body names; undefined when it names none. */
  readonly trackingNumber: string | undefined;
}

/**
 * Which operation a request targets, known before it is processed so that faults can be
 * chosen and calls counted first.
 */
export interface CarrierRoute {
  /**
   * `track`, `intercept` and `redirect` are counted per parcel and targeted by faults of
   * that operation; any other name (e.g. `interceptStatus`) only by `*` faults.
   */
  readonly operation: string;
  /** The identifier the path names: a tracking number, an intercept id, ... */
  readonly target: string;
  /**
   * The parcel the request is about, for counting and fault scoping: the tracking number
   * in the path, or the one an identifier in the path leads to; undefined when unknown.
   */
  readonly trackingNumber: string | undefined;
  /** Whether to read a request body before handling (always read for a route with `identify`). */
  readonly hasBody: boolean;
  /** The module's handler; a module-level function, so routing allocates no closure. */
  readonly handle: (request: CarrierRequest, world: CarrierWorld) => CarrierResponse;
  /**
   * For carriers that name the operation and the parcel only in the body (SF's one
   * gateway, Kuaidi100's forms). When set, the server reads the body first, then selects
   * faults and counts the call by what this answers, so parcel- and operation-scoped
   * faults reach the request like a path-routed one; undefined (a body it cannot read)
   * keeps `operation` and `trackingNumber` above. It sees the body before any validation,
   * so it must not throw. A `reset` `before_read` fault still drops the connection without
   * processing or counting, but only after the body was read (see README, "Body-routed
   * carriers"). Absent on path-routed routes, whose hot path stays synchronous.
   */
  readonly identify?: (body: Buffer, query: string) => RouteIdentity | undefined;
}

/**
 * One simulated carrier: its wire format over the shared parcel model. The server gives
 * it every request under `/<id>/`; a new carrier is one module under `src/carriers/<id>/`
 * added to the list in `src/carriers/index.ts`.
 */
export interface CarrierModule {
  /** Path prefix and the `carrier` of control API calls, e.g. `sandbox`. */
  readonly id: string;
  /** Builds the carrier's n-th tracking number (n from 1), check digits included. */
  issueTrackingNumber(sequence: number): string;
  /** Exception sub-statuses the wire format can express; the first is the default. */
  readonly exceptionSubStatuses: readonly ExceptionSubStatus[];
  /** Routes a request; `path` is what follows the prefix, without the query string. */
  route(method: string, path: string, world: CarrierWorld): CarrierRoute | undefined;
  /** The carrier's answer to a path it does not serve. */
  notFound(): CarrierResponse;
  /** The carrier's error answer for an injected status fault. */
  faultResponse(status: number, html: boolean): CarrierResponse;
  /** The carrier's 429, with `retryAfter` sent verbatim as Retry-After. */
  rateLimitResponse(retryAfter: string): CarrierResponse;
  /** The carrier's code for an event, shown beside the event by the control API. */
  eventCode(event: ParcelEvent): string;
  /**
   * The carrier's pushes for what changed on one of its parcels (new events, an intercept
   * or redirect changing state), signed as the carrier signs them. `target` is where the
   * carrier's portal says to push, when set; a module may also push to a URL a request
   * named (Kuaidi100's `callbackUrl`). Absent for carriers that never push.
   */
  renderPushes?(
    change: ParcelChange,
    world: CarrierWorld,
    target: PushTarget | undefined,
  ): readonly PushMessage[];
}
