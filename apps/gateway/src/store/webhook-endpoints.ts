import type { Database, Queryable } from './database.ts';

/**
 * Webhook endpoints (migration 0011). Every statement on `webhook_endpoints` is here; each
 * is scoped by tenant but for the delivery worker's, which acts for the system.
 */

/** An endpoint as stored; its secrets stay sealed (services open them). */
export interface WebhookEndpointRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly url: string;
  readonly description: string | null;
  /** Null: every event type. */
  readonly eventTypes: readonly string[] | null;
  readonly enabled: boolean;
  /** Why the gateway disabled it (deliveries failing for a day); null otherwise. */
  readonly disabledReason: string | null;
  readonly sealedSecret: string;
  readonly previousSealedSecret: string | null;
  readonly previousSecretExpiresAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Endpoints one tenant may have: each event is sent to each of them. */
export const MAX_ENDPOINTS_PER_TENANT = 20;

const COLUMNS = `id, tenant_id AS "tenantId", url, description, event_types AS "eventTypes",
  enabled, disabled_reason AS "disabledReason", sealed_secret AS "sealedSecret",
  previous_sealed_secret AS "previousSealedSecret",
  previous_secret_expires_at AS "previousSecretExpiresAt", created_at AS "createdAt",
  updated_at AS "updatedAt"`;

/** A new endpoint; its id is made by the caller, since its secret is sealed to it. */
export interface NewWebhookEndpoint {
  readonly id: string;
  readonly tenantId: string;
  readonly url: string;
  readonly description: string | null;
  readonly eventTypes: readonly string[] | null;
  readonly enabled: boolean;
  readonly sealedSecret: string;
}

/**
 * Stores a new endpoint unless the tenant already has {@link MAX_ENDPOINTS_PER_TENANT}:
 * undefined then. The count and the insert are one transaction under a lock on the
 * tenant's row, so concurrent creations cannot pass the limit together.
 */
export async function insertWebhookEndpoint(
  database: Database,
  endpoint: NewWebhookEndpoint,
): Promise<WebhookEndpointRecord | undefined> {
  return database.transaction(async (tx) => {
    await tx.query('SELECT id FROM tenants WHERE id = $1 FOR UPDATE', [endpoint.tenantId]);
    const [count] = await tx.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM webhook_endpoints WHERE tenant_id = $1',
      [endpoint.tenantId],
    );
    if ((count?.count ?? 0) >= MAX_ENDPOINTS_PER_TENANT) {
      return undefined;
    }
    const [row] = await tx.query<WebhookEndpointRecord>(
      `INSERT INTO webhook_endpoints (id, tenant_id, url, description, event_types, enabled, sealed_secret)
        VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [
        endpoint.id,
        endpoint.tenantId,
        endpoint.url,
        endpoint.description,
        endpoint.eventTypes,
        endpoint.enabled,
        endpoint.sealedSecret,
      ],
    );
    return row;
  });
}

/** A tenant's endpoint, or undefined (another tenant's endpoint does not exist for it). */
export async function findWebhookEndpoint(
  db: Queryable,
  tenantId: string,
  id: string,
): Promise<WebhookEndpointRecord | undefined> {
  const [row] = await db.query<WebhookEndpointRecord>(
    `SELECT ${COLUMNS} FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  return row;
}

/** An endpoint by id alone: for the delivery worker, which acts for every tenant. */
export async function loadWebhookEndpoint(
  db: Queryable,
  id: string,
): Promise<WebhookEndpointRecord | undefined> {
  const [row] = await db.query<WebhookEndpointRecord>(
    `SELECT ${COLUMNS} FROM webhook_endpoints WHERE id = $1`,
    [id],
  );
  return row;
}

/** A tenant's endpoints, newest first (at most {@link MAX_ENDPOINTS_PER_TENANT}). */
export async function listWebhookEndpoints(
  db: Queryable,
  tenantId: string,
): Promise<WebhookEndpointRecord[]> {
  return db.query<WebhookEndpointRecord>(
    `SELECT ${COLUMNS} FROM webhook_endpoints WHERE tenant_id = $1
      ORDER BY created_at DESC, id DESC`,
    [tenantId],
  );
}

/** What an update may change; absent fields stay as they are. */
export interface WebhookEndpointChanges {
  readonly url?: string;
  readonly description?: string | null;
  /** Null: every event type. */
  readonly eventTypes?: readonly string[] | null;
  /** Enabling clears why it was disabled. */
  readonly enabled?: boolean;
}

/** Applies changes to a tenant's endpoint; undefined when it has no such endpoint. */
export async function updateWebhookEndpoint(
  db: Queryable,
  tenantId: string,
  id: string,
  changes: WebhookEndpointChanges,
): Promise<WebhookEndpointRecord | undefined> {
  const params: unknown[] = [tenantId, id];
  const sets = ['updated_at = now()'];
  const set = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  if (changes.url !== undefined) {
    set('url', changes.url);
  }
  if (changes.description !== undefined) {
    set('description', changes.description);
  }
  if (changes.eventTypes !== undefined) {
    set('event_types', changes.eventTypes);
  }
  if (changes.enabled !== undefined) {
    set('enabled', changes.enabled);
    if (changes.enabled) {
      sets.push('disabled_reason = NULL');
    }
  }
  const [row] = await db.query<WebhookEndpointRecord>(
    `UPDATE webhook_endpoints SET ${sets.join(', ')} WHERE tenant_id = $1 AND id = $2
      RETURNING ${COLUMNS}`,
    params,
  );
  return row;
}

/** Deletes a tenant's endpoint and its deliveries; false when it had no such endpoint. */
export async function deleteWebhookEndpoint(
  db: Queryable,
  tenantId: string,
  id: string,
): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    'DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2 RETURNING id',
    [tenantId, id],
  );
  return rows.length > 0;
}

/**
 * Makes `sealedSecret` the endpoint's secret and keeps the current one signing beside it
 * until `previousExpiresAt` (a rotation with an overlap; the time now ends it at once).
 * A secret rotated again during an overlap replaces the previous one: two at most sign.
 */
export async function rotateWebhookSecret(
  db: Queryable,
  tenantId: string,
  id: string,
  rotation: { readonly sealedSecret: string; readonly previousExpiresAt: Date },
): Promise<WebhookEndpointRecord | undefined> {
  const [row] = await db.query<WebhookEndpointRecord>(
    `UPDATE webhook_endpoints SET previous_sealed_secret = sealed_secret,
        previous_secret_expires_at = $4, sealed_secret = $3, updated_at = now()
      WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [tenantId, id, rotation.sealedSecret, rotation.previousExpiresAt],
  );
  return row;
}

/**
 * Disables an endpoint the gateway gave up on, saying why; undefined when it was already
 * disabled (or deleted), so only one process reports it.
 */
export async function disableWebhookEndpoint(
  db: Queryable,
  id: string,
  reason: string,
): Promise<WebhookEndpointRecord | undefined> {
  const [row] = await db.query<WebhookEndpointRecord>(
    `UPDATE webhook_endpoints SET enabled = false, disabled_reason = $2, updated_at = now()
      WHERE id = $1 AND enabled RETURNING ${COLUMNS}`,
    [id, reason],
  );
  return row;
}

/** Endpoints whose secrets were sealed with the key `keyId` (a key change re-seals them). */
export async function listWebhookEndpointsSealedWith(
  db: Queryable,
  keyId: string,
): Promise<WebhookEndpointRecord[]> {
  return db.query<WebhookEndpointRecord>(
    `SELECT ${COLUMNS} FROM webhook_endpoints
      WHERE sealed_secret LIKE $1 OR previous_sealed_secret LIKE $1`,
    [`v1.${keyId}.%`],
  );
}

/** Stores an endpoint's secrets sealed again (with another key). */
export async function resealWebhookSecrets(
  db: Queryable,
  id: string,
  sealed: { readonly secret: string; readonly previous: string | null },
): Promise<void> {
  await db.query(
    'UPDATE webhook_endpoints SET sealed_secret = $2, previous_sealed_secret = $3 WHERE id = $1',
    [id, sealed.secret, sealed.previous],
  );
}
