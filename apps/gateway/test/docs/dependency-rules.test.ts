import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSpecifiers } from '@parcelgate/repo-checks/import-specifiers';
import { describe, expect, it } from 'vitest';
import {
  type FolderRule,
  folderRuleBreach,
  folderRules,
  folderRulesOf,
  type SourceImport,
} from './folder-rules.ts';
import { KNOWN_VIOLATIONS } from './known-violations.ts';
import { readDoc } from './markdown-tables.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Every module of `src/` but tests, as paths from `src/`. */
function sourceModules(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => path.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(path))
    .sort();
}

/** Every import of every module of `src/`, resolved to a module of `src/` or a package. */
function sourceImports(): SourceImport[] {
  return sourceModules().flatMap((from) =>
    importSpecifiers(from, readFileSync(`${SRC}${from}`, 'utf8')).map(({ specifier, typeOnly }) => {
      const relative = specifier.startsWith('.');
      return {
        from,
        to: relative ? posix.normalize(posix.join(posix.dirname(from), specifier)) : specifier,
        toPackage: !relative,
        typeOnly,
      };
    }),
  );
}

describe('the folder rules', () => {
  const rule = (part: string, mayImport: string[], typesFrom: string[] = [], pure = false) =>
    [part, { part, mayImport: new Set(mayImport), typesFrom: new Set(typesFrom), pure }] as const;
  const rules = new Map<string, FolderRule>([
    rule('app.ts', ['*']),
    rule('routes/', ['services/']),
    rule('services/', ['store/', 'policy/']),
    rule('store/', [], ['policy/']),
    rule('policy/', [], [], true),
    rule('resilience/', []),
  ]);
  const edge = (from: string, to: string, typeOnly = false): SourceImport => ({
    from,
    to,
    toPackage: !to.includes('.ts'),
    typeOnly,
  });

  it('let a part import what its row lists, and itself', () => {
    expect(folderRuleBreach(rules, edge('routes/v1/a.ts', 'services/actions/b.ts'))).toBe(
      undefined,
    );
    expect(folderRuleBreach(rules, edge('store/a.ts', 'store/lock/b.ts'))).toBe(undefined);
    expect(folderRuleBreach(rules, edge('store/a.ts', 'policy/codes.ts', true))).toBe(undefined);
    expect(folderRuleBreach(rules, edge('app.ts', 'routes/register-routes.ts'))).toBe(undefined);
    expect(folderRuleBreach(rules, edge('policy/a.ts', '@parcelgate/carrier-kit'))).toBe(undefined);
  });

  it('find what breaks them', () => {
    expect(folderRuleBreach(rules, edge('policy/a.ts', 'store/b.ts'))).toBe(
      'policy/ may not import store/',
    );
    expect(folderRuleBreach(rules, edge('resilience/a.ts', 'store/b.ts', true))).toBe(
      'resilience/ may not import store/',
    );
    expect(folderRuleBreach(rules, edge('store/a.ts', 'policy/b.ts'))).toBe(
      'store/ may import only types from policy/',
    );
    expect(folderRuleBreach(rules, edge('services/a.ts', 'routes/b.ts'))).toBe(
      'services/ may not import routes/',
    );
    expect(folderRuleBreach(rules, edge('policy/a.ts', 'fastify'))).toMatch(/pure/);
    expect(folderRuleBreach(rules, edge('policy/a.ts', 'node:fs'))).toMatch(/pure/);
    expect(folderRuleBreach(rules, edge('webhooks/a.ts', 'store/b.ts'))).toMatch(/no row/);
    expect(folderRuleBreach(rules, edge('services/a.ts', 'webhooks/b.ts'))).toMatch(/no row/);
  });

  it('are read from the table of docs/architecture.md', () => {
    const table = folderRulesOf(readDoc('architecture.md'));
    for (const part of ['routes/', 'services/', 'jobs/', 'lifecycle/', 'deadline/', 'store/']) {
      expect(table.has(part), part).toBe(true);
    }
    expect(table.get('policy/')?.pure).toBe(true);
    expect(folderRules([['`x/`, `y.ts`', 'both', '`z/`', '`w/`', '']]).get('y.ts')).toEqual({
      part: 'y.ts',
      mayImport: new Set(['z/']),
      typesFrom: new Set(['w/']),
      pure: false,
    });
  });
});

describe("the gateway's imports", () => {
  const rules = folderRulesOf(readDoc('architecture.md'));
  const found = new Map<string, string>();
  for (const edge of sourceImports()) {
    const breach = folderRuleBreach(rules, edge);
    if (breach !== undefined) {
      found.set(`${edge.from} -> ${edge.to}`, breach);
    }
  }

  it('keep the folder table of docs/architecture.md, but for the known violations', () => {
    const unknown = [...found]
      .filter(([pair]) => KNOWN_VIOLATIONS[pair] === undefined)
      .map(([pair, breach]) => `${pair}: ${breach}`);
    expect(unknown).toEqual([]);
  });

  it('list only violations that still exist, so the list shrinks as they are fixed', () => {
    const fixed = Object.keys(KNOWN_VIOLATIONS).filter((pair) => !found.has(pair));
    expect(fixed, 'fixed: delete these from KNOWN_VIOLATIONS').toEqual([]);
  });

  it('say why each known violation is still there', () => {
    expect(Object.values(KNOWN_VIOLATIONS).filter((why) => why.trim() === '')).toEqual([]);
  });
});
