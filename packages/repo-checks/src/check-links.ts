import { dirname, isAbsolute, normalize, posix } from 'node:path';
import type { MarkdownOutline } from './markdown-links.ts';

/** What a path of the repository is: a file, a folder holding repository files, or nothing. */
export type PathKind = 'file' | 'folder' | undefined;

/** The repository as the link check sees it. */
export interface LinkedRepository {
  /** Each Markdown file's outline, by its path from the repository's root. */
  readonly documents: ReadonlyMap<string, MarkdownOutline>;
  /** What a path from the root is in the repository (ignored files are nothing). */
  kindOf(path: string): PathKind;
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Every relative link of every document that does not resolve: one line per link, naming
 * the document, the link and what is wrong. A link must stay inside the repository and
 * reach a file or folder of it; an anchor into a Markdown file must be one of its headings.
 * Links with a scheme (`https:`, `mailto:`) are left alone.
 */
export function findBrokenLinks(repository: LinkedRepository): string[] {
  const problems: string[] = [];
  for (const [document, outline] of repository.documents) {
    for (const target of outline.targets) {
      const problem = checkTarget(repository, document, target);
      if (problem !== undefined) {
        problems.push(`${document}: (${target}) ${problem}`);
      }
    }
  }
  return problems;
}

function checkTarget(
  repository: LinkedRepository,
  document: string,
  target: string,
): string | undefined {
  if (EXTERNAL.test(target) || target.startsWith('//')) {
    return undefined;
  }
  const [rawPath = '', anchor] = target.split('#', 2);
  const pathPart = rawPath.split('?', 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURI(pathPart);
  } catch {
    return 'is not a valid URI';
  }
  const resolved =
    decoded === ''
      ? document
      : decoded.startsWith('/')
        ? posix.normalize(decoded.slice(1))
        : posix.normalize(posix.join(dirname(document), decoded));
  if (resolved === '..' || resolved.startsWith('../') || isAbsolute(normalize(resolved))) {
    return 'points outside the repository';
  }
  const path = resolved.replace(/\/$/, '') || '.';
  const kind = path === '.' ? 'folder' : repository.kindOf(path);
  if (kind === undefined) {
    return 'names no file or folder of the repository';
  }
  if (anchor === undefined || anchor === '' || !path.endsWith('.md')) {
    return undefined;
  }
  const linked = repository.documents.get(path);
  if (linked !== undefined && !linked.anchors.has(decodeURIComponent(anchor).toLowerCase())) {
    return `has no heading #${anchor} in ${path}`;
  }
  return undefined;
}
