/**
 * The request each autocannon connection sends in `gateway-resilience.ts` and
 * `overhead.ts` (the gateway and the baselines get the very same requests), loaded by
 * autocannon inside its worker thread (workers take functions as module paths). The plan
 * (which parcels, which kind) comes in a JSON file named by BENCH_LOAD_PLAN, written by the
 * bench before each run: a worker cannot share the bench's memory.
 */
import { readFileSync } from 'node:fs';

/** What one run sends. */
export interface LoadPlan {
  /**
   * `mixed`: one intercept in five (each on the next of `numbers`), the other reads of the
   * parcels in `readNumbers` in turn.
   */
  readonly kind: 'intercept' | 'track' | 'mixed';
  readonly numbers: readonly string[];
  /** The parcels a `mixed` plan reads (default `numbers`). */
  readonly readNumbers?: readonly string[];
  readonly apiKey: string;
  /** Unique per run, so a kept data folder never replays an Idempotency-Key. */
  readonly runId: string;
}

interface RawRequest {
  readonly [field: string]: unknown;
}

const planFile = process.env.BENCH_LOAD_PLAN;
if (planFile === undefined) {
  throw new Error('BENCH_LOAD_PLAN names the load plan file');
}
const plan = JSON.parse(readFileSync(planFile, 'utf8')) as LoadPlan;
const auth = { authorization: `Bearer ${plan.apiKey}` };
const readNumbers = plan.readNumbers ?? plan.numbers;
let next = 0;
let nextRead = 0;
let sent = 0;

/** The next parcel's request: a tracking read, or an intercept with its own key. */
function setupRequest(request: RawRequest): RawRequest {
  sent += 1;
  if (plan.kind === 'track' || (plan.kind === 'mixed' && sent % 5 !== 0)) {
    const trackingNumber = readNumbers[nextRead % readNumbers.length] ?? '';
    nextRead += 1;
    return {
      ...request,
      method: 'GET',
      path: `/v1/tracking/sandbox/${trackingNumber}`,
      headers: auth,
    };
  }
  const trackingNumber = plan.numbers[next % plan.numbers.length] ?? '';
  next += 1;
  return {
    ...request,
    method: 'POST',
    path: '/v1/intercepts',
    headers: {
      ...auth,
      'content-type': 'application/json',
      'idempotency-key': `bench-${plan.runId}-${next}`,
    },
    body: JSON.stringify({
      carrier: 'sandbox',
      trackingNumber,
      reason: 'buyer_cancelled',
      pickupMode: 'platform_pickup',
    }),
  };
}

// autocannon's worker loads this file with require(): Node hands it this export (require of
// an ES module returns its `module.exports` export when it has one).
export { setupRequest as 'module.exports' };
