import { newId } from '../../ids.ts';
import { compareDecimal, parseDecimal } from '../../policy/decimal.ts';
import { DEFAULT_RULES } from '../../policy/default-rules.ts';
import type { OrderRule, RuleAction, RuleConditions } from '../../policy/order-rules.ts';
import { ProblemError } from '../../problems.ts';
import type { Queryable } from '../../store/database.ts';
import {
  deleteRule,
  findRule,
  insertRule,
  listRules,
  type RuleRecord,
  replaceRule,
} from '../../store/rules.ts';

/** The body of `POST /v1/rules` and `PUT /v1/rules/{id}`, as its schema validated it. */
export interface RuleInput {
  readonly name: string;
  readonly enabled?: boolean | undefined;
  readonly position?: number | undefined;
  readonly when: RuleConditions;
  readonly do: RuleAction;
}

/** A rule as the API shows it; a rule of the default set has no position in time. */
export function presentRule(rule: RuleRecord | OrderRule, position: number) {
  const stored = 'createdAt' in rule ? rule : undefined;
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    position: stored?.position ?? position,
    when: rule.when,
    do: rule.do,
    createdAt: stored?.createdAt.toISOString() ?? null,
    updatedAt: stored?.updatedAt.toISOString() ?? null,
  };
}

/** The tenant's rules in the order they are tried, or the default set when it has none. */
export async function listTenantRules(db: Queryable, tenantId: string) {
  const own = await listRules(db, tenantId);
  return own.length > 0
    ? { data: own.map((rule, index) => presentRule(rule, index)), source: 'tenant' as const }
    : {
        data: DEFAULT_RULES.map((rule, index) => presentRule(rule, index)),
        source: 'default' as const,
      };
}

/** Creates a rule after the checks its schema cannot make. */
export async function createRule(db: Queryable, tenantId: string, input: RuleInput) {
  checkRule(input);
  const rule = await insertRule(db, tenantId, newId('rul'), fieldsOf(input));
  return presentRule(rule, rule.position);
}

/** One rule of the tenant; 404 for another tenant's or none. */
export async function readRule(db: Queryable, tenantId: string, id: string) {
  const rule = await findRule(db, tenantId, id);
  if (rule === undefined) {
    throw new ProblemError('not-found', `No rule ${id}.`);
  }
  return presentRule(rule, rule.position);
}

/** Replaces a rule after the same checks as a new one. */
export async function updateRule(db: Queryable, tenantId: string, id: string, input: RuleInput) {
  checkRule(input);
  const rule = await replaceRule(db, tenantId, id, fieldsOf(input));
  if (rule === undefined) {
    throw new ProblemError('not-found', `No rule ${id}.`);
  }
  return presentRule(rule, rule.position);
}

/** Deletes a rule; 404 when there is none. */
export async function removeRule(db: Queryable, tenantId: string, id: string): Promise<void> {
  if (!(await deleteRule(db, tenantId, id))) {
    throw new ProblemError('not-found', `No rule ${id}.`);
  }
}

function fieldsOf(input: RuleInput) {
  return {
    name: input.name,
    enabled: input.enabled ?? true,
    position: input.position,
    when: input.when,
    do: input.do,
  };
}

/**
 * What the schema cannot say: a redirect needs the new address only an address change
 * carries, and a value range must not be empty.
 */
export function checkRule(input: RuleInput): void {
  const errors: { pointer: string; detail: string }[] = [];
  if (
    input.do === 'redirect' &&
    input.when.eventTypes.some((type) => type !== 'address_change_requested')
  ) {
    errors.push({
      pointer: '/body/do',
      detail:
        'redirect applies to address_change_requested events only (they carry the new address)',
    });
  }
  const range = input.when.declaredValue;
  if (range !== undefined && range.atMost !== undefined && range.atLeast !== undefined) {
    const most = parseDecimal(range.atMost);
    const least = parseDecimal(range.atLeast);
    if (most !== undefined && least !== undefined && compareDecimal(least, most) > 0) {
      errors.push({
        pointer: '/body/when/declaredValue/atLeast',
        detail: 'must not exceed atMost',
      });
    }
  }
  if (errors.length > 0) {
    throw new ProblemError('validation-failed', 'The rule is not valid.', { errors });
  }
}
