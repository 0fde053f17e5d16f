import type { Database, Queryable } from './database.ts';

/** A carrier connection's mode: the carrier's test environment, or its real one. */
export type ConnectionMode = 'test' | 'live';

/** What the API shows of one credential field: a non-secret value, or a secret's hint. */
export type CredentialHint =
  | { readonly secret: false; readonly value: string }
  | { readonly secret: true; readonly hint: string };

/** A carrier connection as stored, credentials still sealed. */
export interface ConnectionRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly carrier: string;
  readonly label: string;
  readonly mode: ConnectionMode;
  readonly isDefault: boolean;
  readonly sealedCredentials: string;
  readonly credentialHints: Readonly<Record<string, CredentialHint>>;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

const COLUMNS = `id, tenant_id AS "tenantId", carrier, label, mode, is_default AS "isDefault",
  sealed_credentials AS "sealedCredentials", credential_hints AS "credentialHints", version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * Stores a new connection. It becomes the tenant's default for its carrier when it asks to,
 * or when the tenant has no default for that carrier yet (the first connection just works).
 * One transaction: the old default loses its flag before the new one takes it (the
 * one-default index checks each row at once).
 */
export async function insertConnection(
  db: Database,
  record: Omit<ConnectionRecord, 'version' | 'createdAt' | 'updatedAt' | 'isDefault'> & {
    readonly makeDefault: boolean;
  },
): Promise<ConnectionRecord> {
  return db.transaction(async (tx) => {
    if (record.makeDefault) {
      await clearDefault(tx, record.tenantId, record.carrier);
    }
    const [row] = await tx.query<ConnectionRecord>(
      `INSERT INTO carrier_connections
         (id, tenant_id, carrier, label, mode, sealed_credentials, credential_hints, is_default)
       SELECT $1, $2, $3, $4, $5, $6, $7::jsonb, NOT EXISTS (
                SELECT 1 FROM carrier_connections
                 WHERE tenant_id = $2 AND carrier = $3 AND is_default)
       RETURNING ${COLUMNS}`,
      [
        record.id,
        record.tenantId,
        record.carrier,
        record.label,
        record.mode,
        record.sealedCredentials,
        JSON.stringify(record.credentialHints),
      ],
    );
    if (row === undefined) {
      throw new Error(`connection ${record.id} was not stored`);
    }
    return row;
  });
}

async function clearDefault(tx: Queryable, tenantId: string, carrier: string): Promise<void> {
  await tx.query(
    `UPDATE carrier_connections SET is_default = false
      WHERE tenant_id = $1 AND carrier = $2 AND is_default`,
    [tenantId, carrier],
  );
}

/** One connection of a tenant, or undefined (another tenant's is never found). */
export async function findConnection(
  db: Queryable,
  tenantId: string,
  id: string,
): Promise<ConnectionRecord | undefined> {
  const [row] = await db.query<ConnectionRecord>(
    `SELECT ${COLUMNS} FROM carrier_connections WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  return row;
}

/** A connection by id alone: for background jobs and callbacks, which act for its tenant. */
export async function findConnectionById(
  db: Queryable,
  id: string,
): Promise<ConnectionRecord | undefined> {
  const [row] = await db.query<ConnectionRecord>(
    `SELECT ${COLUMNS} FROM carrier_connections WHERE id = $1`,
    [id],
  );
  return row;
}

/** The tenant's default connection for a carrier, if it has one. */
export async function findDefaultConnection(
  db: Queryable,
  tenantId: string,
  carrier: string,
): Promise<ConnectionRecord | undefined> {
  const [row] = await db.query<ConnectionRecord>(
    `SELECT ${COLUMNS} FROM carrier_connections
      WHERE tenant_id = $1 AND carrier = $2 AND is_default`,
    [tenantId, carrier],
  );
  return row;
}

/** A tenant's connections, newest first, optionally of one carrier. */
export async function listConnections(
  db: Queryable,
  tenantId: string,
  carrier?: string,
): Promise<ConnectionRecord[]> {
  return db.query<ConnectionRecord>(
    `SELECT ${COLUMNS} FROM carrier_connections
      WHERE tenant_id = $1 AND ($2::text IS NULL OR carrier = $2)
      ORDER BY created_at DESC, id DESC`,
    [tenantId, carrier ?? null],
  );
}

/** What an update may change; absent fields stay as they are. */
export interface ConnectionChanges {
  readonly label?: string;
  readonly mode?: ConnectionMode;
  readonly makeDefault?: boolean;
  readonly sealedCredentials?: string;
  readonly credentialHints?: Readonly<Record<string, CredentialHint>>;
}

/**
 * Applies changes to a tenant's connection and bumps its version; making it the default
 * takes the flag from the tenant's other connection of that carrier in the same
 * transaction. Undefined when the tenant has no such connection.
 */
export async function updateConnection(
  db: Database,
  tenantId: string,
  id: string,
  changes: ConnectionChanges,
): Promise<ConnectionRecord | undefined> {
  return db.transaction(async (tx) => {
    const [current] = await tx.query<{ carrier: string }>(
      'SELECT carrier FROM carrier_connections WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
      [tenantId, id],
    );
    if (current === undefined) {
      return undefined;
    }
    if (changes.makeDefault === true) {
      await clearDefault(tx, tenantId, current.carrier);
    }
    const [row] = await tx.query<ConnectionRecord>(
      `UPDATE carrier_connections SET
         label = COALESCE($3, label),
         mode = COALESCE($4, mode),
         is_default = is_default OR $5,
         sealed_credentials = COALESCE($6, sealed_credentials),
         credential_hints = COALESCE($7::jsonb, credential_hints),
         version = version + 1,
         updated_at = now()
       WHERE tenant_id = $1 AND id = $2
       RETURNING ${COLUMNS}`,
      [
        tenantId,
        id,
        changes.label ?? null,
        changes.mode ?? null,
        changes.makeDefault === true,
        changes.sealedCredentials ?? null,
        changes.credentialHints === undefined ? null : JSON.stringify(changes.credentialHints),
      ],
    );
    return row;
  });
}

/**
 * Deletes a tenant's connection unless an open intercept or redirect still goes through
 * it (its outcome must still be followed with those credentials). The row is locked first,
 * so an intercept being stored through it concurrently either comes first (and blocks the
 * delete) or waits and then finds no connection. Answers what happened.
 */
export async function deleteConnection(
  db: Database,
  tenantId: string,
  id: string,
): Promise<'deleted' | 'not-found' | { readonly inUse: number }> {
  return db.transaction(async (tx) => {
    const locked = await tx.query(
      'SELECT 1 FROM carrier_connections WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
      [tenantId, id],
    );
    if (locked.length === 0) {
      return 'not-found';
    }
    const [usage] = await tx.query<{ open: number }>(
      `SELECT ((SELECT count(*) FROM intercepts WHERE connection_id = $1
                  AND status IN ('pending', 'accepted', 'returning'))
             + (SELECT count(*) FROM redirects WHERE connection_id = $1
                  AND status IN ('pending', 'accepted')))::int AS open`,
      [id],
    );
    if (usage !== undefined && usage.open > 0) {
      return { inUse: usage.open };
    }
    // Finished intercepts keep their history; they only forget which account they used.
    await tx.query('UPDATE intercepts SET connection_id = NULL WHERE connection_id = $1', [id]);
    await tx.query('UPDATE redirects SET connection_id = NULL WHERE connection_id = $1', [id]);
    await tx.query('DELETE FROM carrier_connections WHERE id = $1', [id]);
    return 'deleted';
  });
}

/** Every connection sealed with the key `keyId`: re-sealed when the key changes. */
export async function listConnectionsSealedWith(
  db: Queryable,
  keyId: string,
): Promise<ConnectionRecord[]> {
  return db.query<ConnectionRecord>(
    `SELECT ${COLUMNS} FROM carrier_connections WHERE sealed_credentials LIKE $1`,
    [`v1.${keyId}.%`],
  );
}

/** Replaces a connection's sealed credentials (key change), without a version bump. */
export async function resealConnection(
  db: Queryable,
  id: string,
  sealedCredentials: string,
): Promise<void> {
  await db.query('UPDATE carrier_connections SET sealed_credentials = $2 WHERE id = $1', [
    id,
    sealedCredentials,
  ]);
}

/** Whether any tenant stored a live connection (a live deployment needs a configured key). */
export async function hasLiveConnections(db: Queryable): Promise<boolean> {
  const rows = await db.query("SELECT 1 FROM carrier_connections WHERE mode = 'live' LIMIT 1");
  return rows.length > 0;
}
