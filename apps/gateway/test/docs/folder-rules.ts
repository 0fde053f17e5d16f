import { codeSpans, type TableRow, tableAfter } from './markdown-tables.ts';

/** What the modules of one part of `src/` (a folder, or a file at its root) may import. */
export interface FolderRule {
  /** `routes/` for a folder, `app.ts` for a file at the root of `src/`. */
  readonly part: string;
  /** Parts they may import; `*` for any. */
  readonly mayImport: ReadonlySet<string>;
  /** Parts they may import types from, with `import type` only. */
  readonly typesFrom: ReadonlySet<string>;
  /** A pure part imports no package but carrier-kit, and nothing of Node. */
  readonly pure: boolean;
}

/** The marker of the folder table in docs/architecture.md. */
export const FOLDER_TABLE = 'gateway-folders';

/** Reads the folder table's rows (folder, holds, may import, types only from, pure). */
export function folderRules(rows: readonly TableRow[]): Map<string, FolderRule> {
  const rules = new Map<string, FolderRule>();
  for (const [folder, , mayImport, typesFrom, pure] of rows) {
    for (const part of codeSpans(folder)) {
      rules.set(part, {
        part,
        mayImport: new Set(codeSpans(mayImport)),
        typesFrom: new Set(codeSpans(typesFrom)),
        pure: pure?.trim() === 'yes',
      });
    }
  }
  return rules;
}

/** The folder table of a text (docs/architecture.md). */
export function folderRulesOf(text: string): Map<string, FolderRule> {
  return folderRules(tableAfter(text, FOLDER_TABLE));
}

/** The part of `src/` a path under it belongs to: `services/` for `services/actions/x.ts`. */
export function partOf(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? path : path.slice(0, slash + 1);
}

/** One import of a module of `src/`, resolved. */
export interface SourceImport {
  /** The importing module, from `src/`. */
  readonly from: string;
  /** A module under `src/` (`store/intercepts.ts`), or a package name (`fastify`). */
  readonly to: string;
  readonly toPackage: boolean;
  readonly typeOnly: boolean;
}

const PURE_PACKAGES = /^@parcelgate\/carrier-kit(\/|$)/;

/**
 * Why an import breaks the table, or undefined when it keeps it. Imports within one part
 * always keep it; a part the table does not list breaks it until a row is added.
 */
export function folderRuleBreach(
  rules: ReadonlyMap<string, FolderRule>,
  edge: SourceImport,
): string | undefined {
  const fromPart = partOf(edge.from);
  const rule = rules.get(fromPart);
  if (rule === undefined) {
    return `${fromPart} has no row in the folder table of docs/architecture.md`;
  }
  if (edge.toPackage) {
    return rule.pure && !PURE_PACKAGES.test(edge.to)
      ? `${fromPart} is pure: no package but @parcelgate/carrier-kit, nothing of Node`
      : undefined;
  }
  const toPart = partOf(edge.to);
  if (toPart === fromPart) {
    return undefined;
  }
  if (!rules.has(toPart)) {
    return `${toPart} has no row in the folder table of docs/architecture.md`;
  }
  if (rule.mayImport.has('*') || rule.mayImport.has(toPart)) {
    return undefined;
  }
  if (edge.typeOnly && rule.typesFrom.has(toPart)) {
    return undefined;
  }
  return rule.typesFrom.has(toPart)
    ? `${fromPart} may import only types from ${toPart}`
    : `${fromPart} may not import ${toPart}`;
}
