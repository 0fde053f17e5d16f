/**
 * Where the processes the stack starts live. The gateway is private, so it is found by its
 * place in the workspace rather than resolved as a dependency (depending on it would make a
 * cycle: its own e2e tests use this package). The simulator runs from its TypeScript
 * sources (Node strips the types); the gateway from its build, as users run it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The gateway package's root folder. */
export const GATEWAY_ROOT: string = fileURLToPath(
  new URL('../../../apps/gateway/', import.meta.url),
);

/** The gateway's process entry point, built (`pnpm turbo run build --filter=@parcelgate/gateway`). */
export const GATEWAY_MAIN: string = fileURLToPath(
  new URL('../../../apps/gateway/dist/main.js', import.meta.url),
);

/**
 * The Node flags the gateway runs with (its package.json, `parcelgate.nodeFlags`, which its
 * `start` script uses too): every stack runs it as a deployment does. A young generation of
 * at most 16 MB per semi-space keeps its memory near 300 MB under load (docs/benchmarks.md).
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = (
  JSON.parse(readFileSync(join(GATEWAY_ROOT, 'package.json'), 'utf8')) as {
    readonly parcelgate: { readonly nodeFlags: readonly string[] };
  }
).parcelgate.nodeFlags;

/** The admin CLI (`parcelgate-admin`), built with the gateway. */
export const GATEWAY_CLI: string = fileURLToPath(
  new URL('../../../apps/gateway/dist/cli.js', import.meta.url),
);

/** The simulator's process entry point, run from source. */
export const SIMULATOR_MAIN: string = join(
  dirname(createRequire(import.meta.url).resolve('@parcelgate/carrier-sim/package.json')),
  'src/main.ts',
);

/**
 * A carrier package that only tracks (no intercept, no redirect API), loaded by path through
 * `PARCELGATE_CARRIERS`; point `CARRIER_TRACKONLY_BASE_URL` at `${simUrl}/sandbox`.
 */
export const TRACK_ONLY_CARRIER: string = fileURLToPath(
  new URL('./fixtures/track-only-carrier.ts', import.meta.url),
);
