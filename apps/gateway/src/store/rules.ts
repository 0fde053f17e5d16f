import type { OrderRule, RuleAction, RuleConditions } from '../policy/order-rules.ts';
import type { Queryable } from './database.ts';

/**
 * The tenants' rules (migration 0014): every statement on `rules` is here. A tenant's rules
 * are tried in `position` order (ids break ties).
 */

/** A rule as stored. */
export interface RuleRecord extends OrderRule {
  readonly tenantId: string;
  readonly position: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What a new or replaced rule says. */
export interface RuleFields {
  readonly name: string;
  readonly enabled: boolean;
  readonly position: number | undefined;
  readonly when: RuleConditions;
  readonly do: RuleAction;
}

const COLUMNS = `id, tenant_id AS "tenantId", position, name, enabled, conditions AS "when",
  action AS "do", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The tenant's rules in the order they are tried. */
export async function listRules(db: Queryable, tenantId: string): Promise<RuleRecord[]> {
  return db.query<RuleRecord>(
    `SELECT ${COLUMNS} FROM rules WHERE tenant_id = $1 ORDER BY position, id`,
    [tenantId],
  );
}

/** One rule of the tenant. */
export async function findRule(
  db: Queryable,
  tenantId: string,
  id: string,
): Promise<RuleRecord | undefined> {
  const [row] = await db.query<RuleRecord>(
    `SELECT ${COLUMNS} FROM rules WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  return row;
}

/** Stores a new rule; without a position it goes after the tenant's last. */
export async function insertRule(
  db: Queryable,
  tenantId: string,
  id: string,
  fields: RuleFields,
): Promise<RuleRecord> {
  const [row] = await db.query<RuleRecord>(
    `INSERT INTO rules (id, tenant_id, position, name, enabled, conditions, action)
     VALUES ($1, $2,
       COALESCE($3::integer, (SELECT COALESCE(max(position) + 1, 0) FROM rules WHERE tenant_id = $2)),
       $4, $5, $6::jsonb, $7)
     RETURNING ${COLUMNS}`,
    [
      id,
      tenantId,
      fields.position ?? null,
      fields.name,
      fields.enabled,
      JSON.stringify(fields.when),
      fields.do,
    ],
  );
  if (row === undefined) {
    throw new Error('INSERT INTO rules returned no row');
  }
  return row;
}

/** Replaces a rule; without a position it keeps its place. Undefined when there is none. */
export async function replaceRule(
  db: Queryable,
  tenantId: string,
  id: string,
  fields: RuleFields,
): Promise<RuleRecord | undefined> {
  const [row] = await db.query<RuleRecord>(
    `UPDATE rules SET position = COALESCE($3::integer, position), name = $4, enabled = $5,
            conditions = $6::jsonb, action = $7, updated_at = now()
      WHERE tenant_id = $1 AND id = $2
     RETURNING ${COLUMNS}`,
    [
      tenantId,
      id,
      fields.position ?? null,
      fields.name,
      fields.enabled,
      JSON.stringify(fields.when),
      fields.do,
    ],
  );
  return row;
}

/** Deletes a rule; whether there was one. */
export async function deleteRule(db: Queryable, tenantId: string, id: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM rules WHERE tenant_id = $1 AND id = $2 RETURNING 1', [
    tenantId,
    id,
  ]);
  return rows.length > 0;
}
