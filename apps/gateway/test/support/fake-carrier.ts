import {
  type BulkTrackingResult,
  type CarrierCapabilities,
  type CarrierContext,
  type CarrierDefinition,
  CarrierNotFoundError,
  CONTRACT_VERSION,
  type DetectionAnswer,
  defineCarrier,
  type InterceptRequest,
  type InterceptResult,
  type InterceptStatusRequest,
  type Location,
  type NormalizedStatus,
  type RedirectRequest,
  type RedirectResult,
  type TrackingRequest,
  type TrackingSnapshot,
} from '@parcelgate/carrier-kit';

/** What the fake carrier does next; tests change it between requests. */
export interface FakeCarrierScript {
  /** Parcel statuses by tracking number; unknown numbers are not found. */
  parcels: Map<string, NormalizedStatus>;
  intercept: (ctx: CarrierContext) => Promise<InterceptResult>;
  redirect: (ctx: CarrierContext) => Promise<RedirectResult>;
  /** Answers `interceptStatus`; by default the carrier has no record of the intercept. */
  interceptStatus: (
    ctx: CarrierContext,
    request: InterceptStatusRequest,
  ) => Promise<InterceptResult>;
  /** Destinations tracking reports, by tracking number (none by default). */
  destinations: Map<string, Location>;
  /** Runs inside each tracking call, before it answers (nothing by default). */
  duringTrack: () => void;
  /** Awaited inside each tracking call before it answers: a slow carrier (none by default). */
  beforeTrack: (ctx: CarrierContext) => Promise<void>;
  calls: {
    track: number;
    trackMany: number;
    intercept: number;
    redirect: number;
    interceptStatus: number;
  };
  /** What the adapter was asked, newest last. */
  requests: {
    track: TrackingRequest[];
    /** Each `trackMany()` call's requests. */
    trackMany: (readonly TrackingRequest[])[];
    intercept: InterceptRequest[];
    redirect: RedirectRequest[];
  };
}

/** How a fake carrier differs from the default one (intercept and redirect by API). */
export interface FakeCarrierOptions {
  /** Operations it offers by no API, each with its `offApi` entry when it offers it elsewhere. */
  readonly offApi?: CarrierCapabilities['offApi'];
  /** Operations it lacks (left out of its capabilities and functions). */
  readonly without?: readonly ('intercept' | 'redirect')[];
  /** Declares bulk tracking with `trackMany()`. */
  readonly bulkTracking?: { readonly maxPerCall: number };
  /** Replaces its `detect()` (by default: numbers starting `FK` are `format`). */
  readonly detect?: (trackingNumber: string) => DetectionAnswer | undefined;
}

/**
 * A carrier driven by a script, for gateway tests that need answers no simulator gives on
 * demand (a hang that ignores the abort signal, a thrown defect). Real HTTP paths are
 * covered by the e2e tests against the simulator.
 */
export function createFakeCarrier(
  id = 'fake',
  options: FakeCarrierOptions = {},
): {
  carrier: CarrierDefinition;
  script: FakeCarrierScript;
} {
  const script: FakeCarrierScript = {
    parcels: new Map(),
    intercept: async () => ({ outcome: 'accepted', carrierReference: 'F-1' }),
    redirect: async () => ({ outcome: 'accepted', carrierReference: 'R-1' }),
    interceptStatus: async () => {
      throw new CarrierNotFoundError({
        carrierId: id,
        message: 'no such intercept',
        httpStatus: 404,
        requestSent: true,
      });
    },
    destinations: new Map(),
    duringTrack: () => {},
    beforeTrack: async () => {},
    calls: { track: 0, trackMany: 0, intercept: 0, redirect: 0, interceptStatus: 0 },
    requests: { track: [], trackMany: [], intercept: [], redirect: [] },
  };
  const window = {
    highLikelihood: ['picked_up', 'in_transit'],
    lowLikelihood: ['at_destination_facility'],
  } as const;
  const snapshotOf = (request: TrackingRequest): TrackingSnapshot => {
    const status = script.parcels.get(request.trackingNumber);
    if (status === undefined) {
      throw new CarrierNotFoundError({
        carrierId: id,
        message: 'no such parcel',
        httpStatus: 404,
        requestSent: true,
      });
    }
    const destination = script.destinations.get(request.trackingNumber);
    return {
      carrierId: id,
      trackingNumber: request.trackingNumber,
      status,
      ...(destination === undefined ? {} : { destination }),
      events: [
        {
          occurredAt: '2026-11-26T09:00:00+08:00',
          status,
          description: status,
          raw: { code: status },
        },
      ],
    };
  };
  const without = new Set(options.without ?? []);
  const intercept = {
    window,
    fees: { kind: 'by_pickup_mode' },
    outcome: 'synchronous',
    safeToRetry: false,
    declaredValueLimits: [{ amount: '1000.00', currency: 'CNY' }],
    excludedCategories: [],
  } as const;
  const redirect = {
    window,
    fees: { kind: 'by_pickup_mode' },
    outcome: 'synchronous',
    safeToRetry: false,
    freePerOrder: 1,
  } as const;
  const capabilities: CarrierCapabilities = {
    ...(without.has('intercept') ? {} : { intercept }),
    ...(without.has('redirect') ? {} : { redirect }),
    ...(options.offApi === undefined ? {} : { offApi: options.offApi }),
    ...(options.bulkTracking === undefined ? {} : { bulkTracking: options.bulkTracking }),
    proofOfDelivery: false,
    callbacks: false,
  };
  const operations: Pick<CarrierDefinition, 'intercept' | 'redirect' | 'trackMany'> = {
    ...(without.has('intercept')
      ? {}
      : {
          async intercept(ctx: CarrierContext, request: InterceptRequest) {
            script.calls.intercept += 1;
            script.requests.intercept.push(request);
            return script.intercept(ctx);
          },
        }),
    ...(without.has('redirect')
      ? {}
      : {
          async redirect(ctx: CarrierContext, request: RedirectRequest) {
            script.calls.redirect += 1;
            script.requests.redirect.push(request);
            return script.redirect(ctx);
          },
        }),
    ...(options.bulkTracking === undefined
      ? {}
      : {
          async trackMany(
            ctx: CarrierContext,
            requests: readonly TrackingRequest[],
          ): Promise<readonly BulkTrackingResult[]> {
            script.calls.trackMany += 1;
            script.requests.trackMany.push(requests);
            script.duringTrack();
            await script.beforeTrack(ctx);
            return requests.map((request) => {
              try {
                return { trackingNumber: request.trackingNumber, snapshot: snapshotOf(request) };
              } catch (error) {
                if (error instanceof CarrierNotFoundError) {
                  return { trackingNumber: request.trackingNumber, error };
                }
                throw error;
              }
            });
          },
        }),
  };
  const carrier = defineCarrier({
    id,
    displayName: 'Fake Express',
    contractVersion: CONTRACT_VERSION,
    capabilities,
    credentials: [],
    // Like Kuaidi100's: the one option requests may set, on every operation.
    requestOptions: [
      {
        key: 'com',
        description: 'company that issued the number',
        operations: (['track', 'intercept', 'redirect'] as const).filter(
          (operation) => operation === 'track' || !without.has(operation),
        ),
        pattern: '^[a-z]{2,20}$',
        example: 'zhongtong',
      },
    ],
    detect:
      options.detect ??
      ((trackingNumber) => (trackingNumber.startsWith('FK') ? 'format' : undefined)),
    async track(ctx, request) {
      script.calls.track += 1;
      script.requests.track.push(request);
      script.duringTrack();
      await script.beforeTrack(ctx);
      return snapshotOf(request);
    },
    ...operations,
    async interceptStatus(ctx, request) {
      script.calls.interceptStatus += 1;
      return script.interceptStatus(ctx, request);
    },
  });
  return { carrier, script };
}
