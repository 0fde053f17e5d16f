import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder, with no trailing slash. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');

/**
 * Every file of the repository, as paths relative to its root: the tracked ones and the new
 * ones git does not ignore (so a document not committed yet is checked too), never
 * `node_modules`, `dist` or anything else `.gitignore` names. Deleted files are left out.
 */
export function repoFiles(): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const paths = new Set(listed.split('\0').filter((path) => path.length > 0));
  return [...paths].filter((path) => existsSync(join(REPO_ROOT, path))).sort();
}
