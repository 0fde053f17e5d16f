/**
 * The gateway's Node flags have one source, its package.json (`parcelgate.nodeFlags`):
 * the stacks of tests and benchmarks read them there, and the `start` script must pass the
 * same, or a deployment would run another gateway than the one measured.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as {
  readonly scripts: Readonly<Record<string, string>>;
  readonly parcelgate: { readonly nodeFlags: readonly string[] };
};

describe('the gateway process', () => {
  it('starts with the Node flags its package declares', () => {
    expect(manifest.parcelgate.nodeFlags.length).toBeGreaterThan(0);
    expect(manifest.scripts.start).toBe(
      `node ${manifest.parcelgate.nodeFlags.join(' ')} dist/main.js`,
    );
  });
});
