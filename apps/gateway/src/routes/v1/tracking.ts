import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { deadlineIn } from '../../resilience/call-carrier.ts';
import { TrackingNumber } from '../../schemas/common.ts';
import { Tracking } from '../../schemas/tracking.ts';
import { detectCarriers } from '../../services/detect-carrier.ts';
import { readTrackingWithInterception } from '../../services/tracking-service.ts';
import { problemResponses } from '../problem-responses.ts';

/** Tracking, by carrier or with `carrier=auto` detection. */
export const trackingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/tracking/:carrier/:trackingNumber',
    {
      schema: {
        operationId: 'getTracking',
        summary: "Read a parcel's normalized tracking and whether it can be intercepted now",
        description:
          'Use `auto` as the carrier to detect it from the tracking number across loaded carriers (check digit verified first, then format only).',
        tags: ['tracking'],
        params: Type.Object({
          carrier: Type.String({ pattern: '^[a-z][a-z0-9-]*$', examples: ['sandbox', 'auto'] }),
          trackingNumber: TrackingNumber,
        }),
        response: { 200: Tracking.ref, ...problemResponses(400, 401, 404, 502, 503, 504) },
      },
    },
    async (request) => {
      const { trackingNumber } = request.params;
      const deadline = deadlineIn(app.config.budgetsMs.track);
      const candidates =
        request.params.carrier === 'auto'
          ? detectCarriers(app.carriers.list(), trackingNumber)
          : [app.carriers.resolve(request.params.carrier)];
      return readTrackingWithInterception(app, request, candidates, trackingNumber, deadline);
    },
  );
};
