import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses } from '../../openapi/problem-responses.ts';
import { CarrierOptions, PhoneLastDigits, TrackingNumber } from '../../schemas/common.ts';
import { BatchTracking, BatchTrackingRequest, Tracking } from '../../schemas/tracking.ts';
import { soleDetectedCarrier } from '../../services/detect-carrier.ts';
import { type BatchTrackingInput, trackBatch } from '../../services/track-batch.ts';
import { trackParcel } from '../../services/tracking-service.ts';
import { PreferHeaders } from './headers.ts';

/** Tracking, by carrier or with `carrier=auto` detection, one parcel or up to 100. */
export const trackingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/tracking/:carrier/:trackingNumber',
    {
      config: {
        budget: {
          operation: 'track',
          // Detection may try several carriers in turn: they share the default budget.
          carrierOf: (request) => {
            const { carrier, trackingNumber } = request.params as {
              readonly carrier: string;
              readonly trackingNumber: string;
            };
            return carrier === 'auto'
              ? soleDetectedCarrier(app.carriers.list(), trackingNumber)
              : carrier;
          },
        },
      },
      schema: {
        operationId: 'getTracking',
        summary: "Read a parcel's normalized tracking and whether it can be intercepted now",
        description:
          'Use `auto` as the carrier to detect it from the tracking number across loaded carriers (check digit verified first, then format only). Answers come from a short per-carrier cache (`TRACKING_CACHE_TTL_MS`), and identical reads in flight share one carrier call. `Prefer: wait=N` tightens the latency budget.',
        tags: ['tracking'],
        headers: PreferHeaders,
        params: Type.Object({
          carrier: Type.String({ pattern: '^[a-z][a-z0-9-]*$', examples: ['sandbox', 'auto'] }),
          trackingNumber: TrackingNumber,
        }),
        querystring: Type.Object(
          {
            phoneLastDigits: Type.Optional(PhoneLastDigits),
            carrierOptions: Type.Optional(CarrierOptions.ref),
          },
          {
            additionalProperties: false,
            description:
              'Carrier extras, for carriers that need them: `phoneLastDigits=5678` (SF Express), `carrierOptions[com]=zhongtong` (Kuaidi100; deepObject style).',
          },
        ),
        response: { 200: Tracking.ref, ...problemResponses(400, 401, 404, 502, 503, 504) },
      },
    },
    async (request) =>
      trackParcel(
        app,
        request,
        request.params.carrier,
        request.params.trackingNumber,
        request.query,
      ),
  );

  app.post(
    '/tracking/batch',
    {
      // Many carriers may be asked: the gateway's default track budget, one for the request.
      config: { budget: { operation: 'track', carrierOf: () => undefined } },
      schema: {
        operationId: 'trackBatch',
        summary: 'Track up to 100 parcels of any carriers in one request',
        description:
          "Each item is read as `GET /v1/tracking/{carrier}/{trackingNumber}` would read it (`auto` detects the carrier), all under the request's one latency budget. Items of one carrier are grouped: batched into as few carrier calls as the carrier allows where it tracks several parcels per call (`availability.bulkTracking` in `GET /v1/carriers`), else read one by one at once within the carrier's limits; the tracking cache answers what it holds. The answer lists each item's tracking or its own problem (an item past the budget is a `carrier-timeout` while the others answer), in request order, without `interception` (read one parcel for that).",
        tags: ['tracking'],
        headers: PreferHeaders,
        body: BatchTrackingRequest.ref,
        response: { 200: BatchTracking.ref, ...problemResponses(400, 401, 413, 503) },
      },
    },
    async (request) =>
      trackBatch(app, request, (request.body as { items: readonly BatchTrackingInput[] }).items),
  );
};
