import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses } from '../../openapi/problem-responses.ts';
import { CarrierId, OrderRef, TrackingNumber } from '../../schemas/common.ts';
import {
  NewParcel,
  ParcelId,
  RegisteredParcel,
  RegisteredParcelList,
} from '../../schemas/parcels.ts';
import {
  getParcel,
  listTenantParcels,
  registerTenantParcel,
} from '../../services/parcel-service.ts';

/**
 * Parcels a tenant registered as its own: what lets a tenant without its own carrier
 * account act on a parcel through the deployment's shared account.
 */
export const parcelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/parcels',
    {
      schema: {
        operationId: 'registerParcel',
        summary: 'Register a parcel as yours',
        description:
          "A tenant that acts through the deployment's shared carrier account (it has no connection of its own for that carrier) may intercept or redirect only the parcels it registered. Registering is idempotent for the same tenant (200 with the first registration); a tracking number another tenant registered is a 409 `parcel-already-registered`.",
        tags: ['parcels'],
        body: NewParcel.ref,
        response: {
          200: RegisteredParcel.ref,
          201: RegisteredParcel.ref,
          ...problemResponses(400, 401, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { created, parcel } = await registerTenantParcel(app, request.tenant.id, request.body);
      return reply
        .code(created ? 201 : 200)
        .header('location', `/v1/parcels/${parcel.id}`)
        .send(parcel);
    },
  );

  app.get(
    '/parcels',
    {
      schema: {
        operationId: 'listParcels',
        summary: 'List your registered parcels, newest first',
        tags: ['parcels'],
        querystring: Type.Object(
          {
            carrier: Type.Optional(CarrierId),
            trackingNumber: Type.Optional(TrackingNumber),
            orderRef: Type.Optional(OrderRef),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: RegisteredParcelList.ref, ...problemResponses(400, 401) },
      },
    },
    async (request) => listTenantParcels(app, request.tenant.id, request.query),
  );

  app.get(
    '/parcels/:id',
    {
      schema: {
        operationId: 'getParcel',
        summary: 'Read one registered parcel',
        tags: ['parcels'],
        params: Type.Object({ id: ParcelId }),
        response: { 200: RegisteredParcel.ref, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => getParcel(app, request.tenant.id, request.params.id),
  );
};
