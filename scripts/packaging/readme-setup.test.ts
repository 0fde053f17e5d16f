import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, readManifest } from './workspace-packages.ts';

/** Every `pnpm@<version>` a document names. */
async function pnpmVersionsIn(file: string): Promise<string[]> {
  const text = await readFile(join(REPO_ROOT, file), 'utf8');
  return [...text.matchAll(/pnpm@(\d+\.\d+\.\d+)/g)].map(([, version = '']) => version);
}

describe('set-up instructions', () => {
  for (const file of ['README.md', 'CONTRIBUTING.md']) {
    it(`${file} installs the pnpm of package.json's packageManager`, async () => {
      const pinned = (await readManifest(REPO_ROOT)).packageManager?.replace(/^pnpm@/, '');
      expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
      const named = await pnpmVersionsIn(file);
      expect(named.length).toBeGreaterThan(0);
      expect(new Set(named)).toEqual(new Set([pinned]));
    });

    it(`${file} does not rely on corepack, which fails on fresh machines`, async () => {
      // "No compatible signature found in package metadata": corepack's keys lag the registry's.
      expect(await readFile(join(REPO_ROOT, file), 'utf8')).not.toMatch(/corepack enable/);
    });
  }

  it("README.md names the Node range of package.json's engines", async () => {
    const range = (await readManifest(REPO_ROOT)).engines?.node?.replace(/^>=\s*/, '');
    const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`Node >= ${range}`);
  });
});
