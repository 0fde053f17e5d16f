import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

/** The major of a semantic version string. */
const major = (version: string) => Number(version.split('.')[0]);

/**
 * CONTRIBUTING.md, "The SDK's version follows the API's": from 1.0 on, the SDK's major is the
 * major of the document's `info.version`; 0.x releases speak API 1.x.
 */
describe('version policy', () => {
  it("keeps the SDK's major in step with the API's", async () => {
    const document = await readFile(
      new URL('../../../openapi/parcelgate.yaml', import.meta.url),
      'utf8',
    );
    const apiVersion = /^info:\n(?: {2}.*\n)*? {2}version: "?([0-9.]+)"?$/m.exec(document)?.[1];
    const { version: sdkVersion } = JSON.parse(
      await readFile(new URL('../package.json', import.meta.url), 'utf8'),
    ) as { version: string };

    expect(apiVersion, 'info.version of openapi/parcelgate.yaml').toMatch(/^\d+\.\d+\.\d+$/);
    const expected = major(sdkVersion) === 0 ? 1 : major(sdkVersion);
    expect(major(apiVersion ?? ''), `SDK ${sdkVersion} speaks API ${expected}.x`).toBe(expected);
  });
});
