import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses } from '../../openapi/problem-responses.ts';
import { CarrierOptions, PhoneLastDigits, TrackingNumber } from '../../schemas/common.ts';
import { Tracking } from '../../schemas/tracking.ts';
import { soleDetectedCarrier } from '../../services/detect-carrier.ts';
import { trackParcel } from '../../services/tracking-service.ts';
import { PreferHeaders } from './headers.ts';

/** Tracking, by carrier or with `carrier=auto` detection. */
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
};
