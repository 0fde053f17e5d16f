import { DEFAULT_RULES } from '../../policy/default-rules.ts';
import type { OrderRule } from '../../policy/order-rules.ts';
import type { Queryable } from '../../store/database.ts';
import { listRules } from '../../store/rules.ts';

/**
 * The rules an order event of the tenant is decided by: its own, in order, or the default
 * set when it has none (docs/automation.md). A tenant whose rules are all disabled has
 * rules: none of them acts, and the default set does not either.
 */
export async function rulesInForce(
  db: Queryable,
  tenantId: string,
): Promise<{ readonly rules: readonly OrderRule[]; readonly source: 'tenant' | 'default' }> {
  const own = await listRules(db, tenantId);
  return own.length > 0
    ? { rules: own, source: 'tenant' }
    : { rules: DEFAULT_RULES, source: 'default' };
}
