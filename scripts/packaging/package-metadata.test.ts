import { describe, expect, it } from 'vitest';
import { publishablePackages, REPO_ROOT, readManifest } from './workspace-packages.ts';

/** `git+https://github.com/o/r.git` → `https://github.com/o/r`, the web address of a repository. */
function webAddress(gitUrl: string): string {
  return gitUrl.replace(/^git\+/, '').replace(/\.git$/, '');
}

describe('publishable packages', () => {
  it('are found (the check must not pass on an empty list)', async () => {
    const names = (await publishablePackages()).map(({ manifest }) => manifest.name);
    expect(names).toContain('@parcelgate/sdk');
    expect(names).toContain('@parcelgate/carrier-kit');
  });

  it("name the root's repository with their folder, a homepage and a bug tracker (npm provenance checks them)", async () => {
    const root = await readManifest(REPO_ROOT);
    const url = root.repository?.url;
    expect(url).toMatch(/^git\+https:\/\/.+\.git$/);
    const web = webAddress(url ?? '');
    for (const { path, manifest } of await publishablePackages()) {
      expect({ package: path, repository: manifest.repository }).toEqual({
        package: path,
        repository: { type: 'git', url, directory: path },
      });
      expect({ package: path, homepage: manifest.homepage }).toEqual({
        package: path,
        homepage: `${web}/tree/main/${path}#readme`,
      });
      expect({ package: path, bugs: manifest.bugs }).toEqual({
        package: path,
        bugs: { url: root.bugs?.url ?? `${web}/issues` },
      });
    }
  });

  it('build before they are packed, so a fresh clone packs dist/', async () => {
    for (const { path, manifest } of await publishablePackages()) {
      expect({ package: path, prepack: manifest.scripts?.prepack }).toEqual({
        package: path,
        prepack: expect.stringContaining(`turbo run build --filter=${manifest.name}`),
      });
    }
  });
});
