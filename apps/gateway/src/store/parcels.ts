import { newId } from '../ids.ts';
import type { Queryable } from './database.ts';
import { buildKeysetPage, type PageCursor } from './pagination.ts';

/** A parcel a tenant registered as its own. */
export interface ParcelRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly orderRef: string | null;
  readonly createdAt: Date;
}

const COLUMNS = `id, tenant_id AS "tenantId", carrier, tracking_number AS "trackingNumber",
  order_ref AS "orderRef", created_at AS "createdAt"`;

/** What registering answered: the parcel, whether it was new, or another tenant's claim. */
export type RegisterOutcome =
  | { readonly kind: 'created' | 'existing'; readonly parcel: ParcelRecord }
  | { readonly kind: 'taken' };

/**
 * Registers a parcel for a tenant. Idempotent for the same tenant (the first registration
 * is answered again); a tracking number another tenant registered is `taken`. The unique
 * key decides races between tenants, not a read before the write.
 */
export async function registerParcel(
  db: Queryable,
  input: {
    readonly tenantId: string;
    readonly carrier: string;
    readonly trackingNumber: string;
    readonly orderRef: string | null;
  },
): Promise<RegisterOutcome> {
  const [created] = await db.query<ParcelRecord>(
    `INSERT INTO parcels (id, tenant_id, carrier, tracking_number, order_ref)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (carrier, tracking_number) DO NOTHING
     RETURNING ${COLUMNS}`,
    [newId('pcl'), input.tenantId, input.carrier, input.trackingNumber, input.orderRef],
  );
  if (created !== undefined) {
    return { kind: 'created', parcel: created };
  }
  const existing = await findParcelByNumber(db, input.carrier, input.trackingNumber);
  if (existing === undefined || existing.tenantId !== input.tenantId) {
    return { kind: 'taken' };
  }
  return { kind: 'existing', parcel: existing };
}

/** The registration of a tracking number, whoever made it. */
export async function findParcelByNumber(
  db: Queryable,
  carrier: string,
  trackingNumber: string,
): Promise<ParcelRecord | undefined> {
  const [row] = await db.query<ParcelRecord>(
    `SELECT ${COLUMNS} FROM parcels WHERE carrier = $1 AND tracking_number = $2`,
    [carrier, trackingNumber],
  );
  return row;
}

/** Whether the tenant registered this parcel. */
export async function isParcelRegisteredBy(
  db: Queryable,
  tenantId: string,
  carrier: string,
  trackingNumber: string,
): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM parcels WHERE tenant_id = $1 AND carrier = $2 AND tracking_number = $3',
    [tenantId, carrier, trackingNumber],
  );
  return rows.length > 0;
}

/** One parcel of a tenant by id. */
export async function findParcel(
  db: Queryable,
  tenantId: string,
  id: string,
): Promise<ParcelRecord | undefined> {
  const [row] = await db.query<ParcelRecord>(
    `SELECT ${COLUMNS} FROM parcels WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  return row;
}

/** A newest-first page of a tenant's parcels, optionally of one carrier or order. */
export async function listParcels(
  db: Queryable,
  tenantId: string,
  filters: {
    readonly carrier?: string | undefined;
    readonly orderRef?: string | undefined;
    readonly trackingNumber?: string | undefined;
    readonly cursor?: PageCursor | undefined;
    readonly limit: number;
  },
): Promise<ParcelRecord[]> {
  const query = buildKeysetPage('parcels', COLUMNS, tenantId, filters, [
    ['carrier = ?', filters.carrier],
    ['order_ref = ?', filters.orderRef],
    ['tracking_number = ?', filters.trackingNumber],
  ]);
  return db.query<ParcelRecord>(query.text, query.params);
}
