/**
 * The gateway's lists of codes and statuses, as the documentation tests compare them with
 * docs/. Every import of gateway source for those tests is here, so a refactor that moves
 * a list (e.g. `jobs/lifecycle.ts` into `lifecycle/`) fixes one line.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { INTERCEPT_REASONS, NORMALIZED_STATUSES } from '@parcelgate/carrier-kit';
import ts from 'typescript';
import { forwardPath, isFinalStatus } from '../../src/lifecycle/lifecycle.ts';
import {
  CANCEL_REFUSAL_CODES,
  INTERCEPT_LIFECYCLE_STATUSES,
  NEXT_ACTIONS,
  POLICY_REASON_CODES,
  POLICY_WARNING_CODES,
  REDIRECT_LIFECYCLE_STATUSES,
} from '../../src/policy/codes.ts';
import { EVENT_TYPES } from '../../src/policy/event-types.ts';
import { PROBLEM_TYPES } from '../../src/problems.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Where the lists that exist only as types are declared: `[file under src/, type name]`. */
const TYPE_UNIONS = {
  'transition-causes': ['store/transitions.ts', 'TransitionCause'],
  'pickup-modes': ['policy/policy-types.ts', 'PickupMode'],
} as const;

/** The kinds of action, as the lifecycle module names its tables. */
const ACTION_TABLES = { intercept: 'intercepts', redirect: 'redirects' } as const;

/** A kind of action. */
export type ActionKind = keyof typeof ACTION_TABLES;

/** Every checked list of docs/domain.md and docs/lifecycle.md, by the name of its table. */
export const CODE_LISTS: Readonly<Record<string, readonly string[]>> = {
  'parcel-statuses': NORMALIZED_STATUSES,
  'intercept-reasons': INTERCEPT_REASONS,
  'pickup-modes': literalUnion(...TYPE_UNIONS['pickup-modes']),
  'policy-reasons': POLICY_REASON_CODES,
  'policy-warnings': POLICY_WARNING_CODES,
  'next-actions': NEXT_ACTIONS,
  'problem-types': Object.keys(PROBLEM_TYPES),
  'intercept-statuses': INTERCEPT_LIFECYCLE_STATUSES,
  'redirect-statuses': REDIRECT_LIFECYCLE_STATUSES,
  'transition-causes': literalUnion(...TYPE_UNIONS['transition-causes']),
  'cancel-refusals': CANCEL_REFUSAL_CODES,
  'event-types': EVENT_TYPES,
};

/** The HTTP status of each problem type. */
export function problemStatus(type: string): number | undefined {
  return Object.entries(PROBLEM_TYPES).find(([name]) => name === type)?.[1].status;
}

/** Whether nothing follows this status for this kind of action. */
export function isFinal(kind: ActionKind, status: string): boolean {
  return isFinalStatus(ACTION_TABLES[kind], status);
}

/** The statuses an action moves forward through, from `pending` to its happy end. */
export function forwardOrder(kind: ActionKind, statuses: readonly string[]): string[] {
  const table = ACTION_TABLES[kind];
  const paths = statuses.map((status) => forwardPath(table, 'pending', status));
  const longest = paths.reduce((best, path) => (path.length > best.length ? path : best), []);
  return ['pending', ...longest];
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** The string literals of a `type Name = 'a' | 'b'` declared in a file under src/. */
function literalUnion(file: string, typeName: string): string[] {
  const source = parse(`${SRC}${file}`);
  const declaration = source.statements.find(
    (statement): statement is ts.TypeAliasDeclaration =>
      ts.isTypeAliasDeclaration(statement) && statement.name.text === typeName,
  );
  if (declaration === undefined) {
    throw new Error(`no type ${typeName} in src/${file}: fix TYPE_UNIONS in this file`);
  }
  const members = ts.isUnionTypeNode(declaration.type)
    ? declaration.type.types
    : [declaration.type];
  return members.map((member) => {
    if (ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal)) {
      return member.literal.text;
    }
    throw new Error(`${typeName} in src/${file} is not a union of string literals`);
  });
}
