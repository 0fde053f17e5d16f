import type { FastifyInstance } from 'fastify';
import { ProblemError } from '../problems.ts';
import { findParcel, listParcels, type ParcelRecord, registerParcel } from '../store/parcels.ts';
import { nextCursorOf, readCursor } from './list-page.ts';

/** The body of `POST /v1/parcels`. */
export interface NewParcelInput {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly orderRef?: string | undefined;
}

/** Registers a parcel for the tenant; the first registration is answered again on repeat. */
export async function registerTenantParcel(
  app: FastifyInstance,
  tenantId: string,
  input: NewParcelInput,
): Promise<{ readonly created: boolean; readonly parcel: ReturnType<typeof presentParcel> }> {
  const carrier = app.carriers.resolve(input.carrier);
  const outcome = await registerParcel(app.database, {
    tenantId,
    carrier: carrier.definition.id,
    trackingNumber: input.trackingNumber,
    orderRef: input.orderRef ?? null,
  });
  if (outcome.kind === 'taken') {
    throw new ProblemError(
      'parcel-already-registered',
      `${carrier.definition.id} parcel ${input.trackingNumber} is registered by another tenant.`,
      { carrier: carrier.definition.id },
    );
  }
  return { created: outcome.kind === 'created', parcel: presentParcel(outcome.parcel) };
}

/** One registered parcel of the tenant. */
export async function getParcel(app: FastifyInstance, tenantId: string, id: string) {
  const parcel = await findParcel(app.database, tenantId, id);
  if (parcel === undefined) {
    throw new ProblemError('not-found', `No registered parcel ${id}.`);
  }
  return presentParcel(parcel);
}

/** A page of the tenant's registered parcels. */
export async function listTenantParcels(
  app: FastifyInstance,
  tenantId: string,
  query: {
    readonly carrier?: string | undefined;
    readonly trackingNumber?: string | undefined;
    readonly orderRef?: string | undefined;
    readonly cursor?: string | undefined;
    readonly limit: number;
  },
) {
  const rows = await listParcels(app.database, tenantId, {
    ...query,
    cursor: readCursor(query.cursor),
  });
  return {
    data: rows.slice(0, query.limit).map(presentParcel),
    nextCursor: nextCursorOf(rows, query.limit),
  };
}

/** A registered parcel as the API shows it. */
export function presentParcel(parcel: ParcelRecord) {
  return {
    id: parcel.id,
    carrier: parcel.carrier,
    trackingNumber: parcel.trackingNumber,
    orderRef: parcel.orderRef,
    createdAt: parcel.createdAt.toISOString(),
  };
}
