import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrokenLinks, type LinkedRepository, type PathKind } from './check-links.ts';
import { type MarkdownOutline, outlineMarkdown } from './markdown-links.ts';
import { REPO_ROOT, repoFiles } from './repo-files.ts';

function repositoryOf(files: Readonly<Record<string, string>>): LinkedRepository {
  const documents = new Map<string, MarkdownOutline>();
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith('.md')) {
      documents.set(path, outlineMarkdown(text));
    }
  }
  return { documents, kindOf: kindIn(Object.keys(files)) };
}

function kindIn(paths: readonly string[]): (path: string) => PathKind {
  const files = new Set(paths);
  return (path) => {
    if (files.has(path)) {
      return 'file';
    }
    return paths.some((file) => file.startsWith(`${path}/`)) ? 'folder' : undefined;
  };
}

describe('the link check', () => {
  it('finds a link to a missing file, one leaving the repository and a missing anchor', () => {
    const problems = findBrokenLinks(
      repositoryOf({
        'README.md': [
          '# Title',
          '[ok](docs/a.md#a-heading) [folder](docs) [self](#title) [web](https://example.com)',
          '[missing](docs/b.md) [outside](../elsewhere/design.md) [anchor](docs/a.md#nope)',
          '`[in code](nowhere.md)`',
        ].join('\n'),
        'docs/a.md': '## A heading\n\n[back](../README.md#title) [root](/LICENSE)',
        LICENSE: 'MIT',
      }),
    );
    expect(problems).toEqual([
      'README.md: (docs/b.md) names no file or folder of the repository',
      'README.md: (../elsewhere/design.md) points outside the repository',
      'README.md: (docs/a.md#nope) has no heading #nope in docs/a.md',
    ]);
  });

  it('gives headings the anchors GitHub gives them', () => {
    const { anchors } = outlineMarkdown(
      [
        "## The gateway's folders",
        '## Carrier accounts: connections (`src/connections`)',
        '## Twice',
        '## Twice',
      ].join('\n'),
    );
    expect([...anchors]).toEqual([
      'the-gateways-folders',
      'carrier-accounts-connections-srcconnections',
      'twice',
      'twice-1',
    ]);
  });
});

describe("the repository's Markdown", () => {
  it('has no relative link that does not resolve inside the repository', () => {
    const paths = repoFiles();
    const documents = new Map<string, MarkdownOutline>();
    for (const path of paths.filter((file) => file.endsWith('.md'))) {
      documents.set(path, outlineMarkdown(readFileSync(join(REPO_ROOT, path), 'utf8')));
    }
    expect(documents.size).toBeGreaterThan(10);
    expect(findBrokenLinks({ documents, kindOf: kindIn(paths) })).toEqual([]);
  });
});
