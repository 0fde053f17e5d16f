import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT, repoFiles } from './repo-files.ts';

// Built from parts, so this file does not name what it looks for.
const OUTSIDE = [['..', 'shared', ''].join('/'), ['', 'work', 'shared'].join('/')];

it('no file names the folder beside the repository, which a clone does not have', () => {
  const found: string[] = [];
  for (const path of repoFiles()) {
    const text = readFileSync(join(REPO_ROOT, path), 'utf8');
    if (text.includes('\0')) {
      continue;
    }
    for (const needle of OUTSIDE) {
      if (text.includes(needle)) {
        found.push(`${path}: ${needle}`);
      }
    }
  }
  expect(found).toEqual([]);
});
