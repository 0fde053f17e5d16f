import {
  type CancelResult,
  type CarrierCredentials,
  type CarrierDefinition,
  type FeeQuote,
  type InterceptResult,
  isCarrierErrorOfKind,
  type RedirectResult,
  type TrackingSnapshot,
} from '@parcelgate/carrier-kit';
import type { ConformanceEnvironment, Fault } from './environment.ts';
import {
  type ConformanceOperation,
  cancelledAction,
  claimedOperations,
  quotedAction,
} from './operations.ts';
import { refusedBaseUrl } from './refused-base-url.ts';
import {
  createSampleRequests,
  type SampleOverrides,
  type SampleRequests,
} from './sample-requests.ts';
import {
  type CapturedLogLine,
  createTestContext,
  DEFAULT_TEST_NOW,
  type TestCarrierContext,
} from './test-context.ts';

/** What an adapter passes to `describeCarrierConformance`. */
export interface ConformanceOptions {
  /** The adapter under test, as its package exports it. */
  readonly carrier: CarrierDefinition;
  /** Values for `ctx.credentials`; every value of 4 characters or more must never leak. */
  readonly credentials: CarrierCredentials;
  /** Every carrier status code the adapter documents (e.g. its `<ID>_STATUS_CODES`). */
  readonly documentedStatusCodes: readonly string[];
  /** Where the carrier lives: `createMswEnvironment(...)` or `createSimulatorEnvironment(...)`. */
  readonly environment: ConformanceEnvironment;
  /** How long one operation may take before a check gives up on it; default 5000 ms. */
  readonly timeoutMs?: number;
  /**
   * What this carrier needs changed in the sample intercepts and redirects, when it
   * rightly refuses the defaults before sending (UPS redirects only to US addresses).
   */
  readonly samples?: SampleOverrides;
}

/** What each operation resolves. */
export interface OperationResults {
  readonly track: TrackingSnapshot;
  readonly intercept: InterceptResult;
  readonly redirect: RedirectResult;
  readonly cancelIntercept: CancelResult;
  readonly cancelRedirect: CancelResult;
  readonly quoteFee: FeeQuote;
}

/** How one operation call ended. */
export type Settlement =
  | { readonly status: 'fulfilled'; readonly value: unknown; readonly durationMs: number }
  | { readonly status: 'rejected'; readonly reason: unknown; readonly durationMs: number }
  /** Neither within the harness's timeout, even after its signal fired. */
  | { readonly status: 'timed-out'; readonly durationMs: number };

/** One operation run on a fresh parcel. */
export interface Attempt {
  /** The adapter's id: errors must carry it. */
  readonly carrierId: string;
  readonly operation: ConformanceOperation;
  readonly trackingNumber: string;
  readonly settlement: Settlement;
  readonly context: TestCarrierContext;
}

/** One `verifyCredentials` call, with the credentials it was given. */
export interface VerifyAttempt {
  /** The adapter's id: errors must carry it. */
  readonly carrierId: string;
  readonly settlement: Settlement;
  readonly context: TestCarrierContext;
}

/** How to stage an attempt. */
export interface AttemptOptions {
  /** Staged on the parcel before the call. */
  readonly fault?: Fault;
  /** A documented status code the parcel must show (track only). */
  readonly statusCode?: string;
  /** Run against this base URL instead of the environment's (connection refused). */
  readonly baseUrl?: string;
  /** Sent as the request's `carrierOptions` (the request-options check records reads). */
  readonly carrierOptions?: Readonly<Record<string, string>>;
}

/** Everything a check may use; built once per suite by {@link createConformanceHarness}. */
export interface ConformanceHarness {
  readonly carrier: CarrierDefinition;
  readonly credentials: CarrierCredentials;
  readonly documentedStatusCodes: readonly string[];
  readonly environment: ConformanceEnvironment;
  readonly timeoutMs: number;
  /** Where every context's clock stands; Retry-After dates are written against it. */
  readonly now: Date;
  /** The operations the capabilities claim, `track` first, the cancels and fee quote last. */
  readonly operations: readonly ConformanceOperation[];
  /** The requests `invoke` sends, with the carrier's sample overrides applied. */
  readonly samples: SampleRequests;
  start(): Promise<void>;
  reset(): Promise<void>;
  stop(): Promise<void>;
  /** Prepares a fresh parcel, stages the fault, runs the operation and waits for it to settle. */
  attempt(operation: ConformanceOperation, options?: AttemptOptions): Promise<Attempt>;
  /**
   * Runs the adapter's `verifyCredentials` once with `credentials` (the suite's by default)
   * under the same budget as `attempt`; what it throws is kept for the credentials check.
   * A TypeError settles it when the adapter has no `verifyCredentials`.
   */
  attemptVerifyCredentials(credentials?: CarrierCredentials): Promise<VerifyAttempt>;
  /** A fresh context with a capturing logger; its logs are kept for the credentials check. */
  createContext(init?: {
    readonly signal?: AbortSignal;
    readonly baseUrl?: string;
    /** Instead of the suite's credentials (the verify-credentials check's wrong ones). */
    readonly credentials?: CarrierCredentials;
  }): TestCarrierContext;
  /**
   * Calls the operation with a sample request; what it throws is kept for the credentials
   * check. A cancel first places the action it cancels, in a fresh context of its own.
   */
  invoke(
    operation: ConformanceOperation,
    context: TestCarrierContext,
    trackingNumber: string,
    carrierOptions?: Readonly<Record<string, string>>,
  ): Promise<unknown>;
  /** A base URL on which every connection is refused, the environment's path kept. */
  refusedBaseUrl(): Promise<string>;
  /** Every error operations threw and every line they logged so far. */
  observed(): { readonly errors: readonly unknown[]; readonly logs: readonly CapturedLogLine[] };
}

const DEFAULT_TIMEOUT_MS = 5000;
/** Extra time for an adapter to settle after its signal fired before calling it hung. */
const GRACE_MS = 1000;

/**
 * Builds the harness checks run against. Synchronous, so `describeCarrierConformance` can
 * build it while Vitest collects tests; nothing touches the network before `start()`.
 */
export function createConformanceHarness(options: ConformanceOptions): ConformanceHarness {
  const { carrier, environment } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const samples = createSampleRequests(options.samples);
  const contexts: TestCarrierContext[] = [];
  const errors: unknown[] = [];
  let contextCount = 0;
  let referenceCount = 0;

  const createContext: ConformanceHarness['createContext'] = (init = {}) => {
    contextCount += 1;
    const context = createTestContext({
      carrier,
      baseUrl: init.baseUrl ?? environment.baseUrl,
      credentials: init.credentials ?? options.credentials,
      now: DEFAULT_TEST_NOW,
      requestId: `req_conformance_${contextCount}`,
      ...(init.signal === undefined ? {} : { signal: init.signal }),
    });
    contexts.push(context);
    return context;
  };

  const invoke: ConformanceHarness['invoke'] = async (
    operation,
    context,
    trackingNumber,
    carrierOptions,
  ) => {
    try {
      // A cancel's action is placed in a context of its own, on the environment's base URL:
      // scenarios that break the cancel's context (a refused base URL) must not break it.
      const call = {
        operation,
        context,
        placementContext: () => createContext(),
        trackingNumber,
        carrierOptions,
      };
      return await callOperation(carrier, samples, call, () => {
        referenceCount += 1;
        return referenceCount;
      });
    } catch (error) {
      errors.push(error);
      throw error;
    }
  };

  return {
    carrier,
    credentials: options.credentials,
    documentedStatusCodes: options.documentedStatusCodes,
    environment,
    timeoutMs,
    now: DEFAULT_TEST_NOW,
    operations: operationsOf(carrier),
    samples,
    start: () => environment.start(),
    reset: () => environment.reset(),
    stop: () => environment.stop(),
    createContext,
    invoke,
    refusedBaseUrl: () => refusedBaseUrl(environment.baseUrl),
    observed: () => ({ errors, logs: contexts.flatMap((context) => context.logs) }),
    async attemptVerifyCredentials(credentials = options.credentials) {
      const budget = AbortSignal.timeout(timeoutMs);
      const context = createContext({ signal: budget, credentials });
      const call = async (): Promise<void> => {
        if (typeof carrier.verifyCredentials !== 'function') {
          throw new TypeError(`${carrier.id} has no verifyCredentials()`);
        }
        try {
          await carrier.verifyCredentials(context);
        } catch (error) {
          errors.push(error);
          throw error;
        }
      };
      const settlement = await settle(call(), timeoutMs + GRACE_MS);
      const timedOut =
        settlement.status === 'rejected' && budget.aborted && settlement.reason === budget.reason;
      return {
        carrierId: carrier.id,
        context,
        settlement: timedOut
          ? { status: 'timed-out', durationMs: settlement.durationMs }
          : settlement,
      };
    },
    async attempt(operation, attemptOptions = {}) {
      const { trackingNumber } = await environment.prepareParcel({
        operation,
        ...(attemptOptions.statusCode === undefined
          ? {}
          : { statusCode: attemptOptions.statusCode }),
      });
      if (attemptOptions.fault !== undefined) {
        await environment.injectFault({ operation, trackingNumber, fault: attemptOptions.fault });
      }
      // The budget signal the gateway would give: an adapter stuck on a broken answer is
      // cut off here instead of stalling the suite.
      const budget = AbortSignal.timeout(timeoutMs);
      const context = createContext({
        signal: budget,
        ...(attemptOptions.baseUrl === undefined ? {} : { baseUrl: attemptOptions.baseUrl }),
      });
      const settlement = await settle(
        invoke(operation, context, trackingNumber, attemptOptions.carrierOptions),
        timeoutMs + GRACE_MS,
      );
      const timedOut =
        settlement.status === 'rejected' && budget.aborted && settlement.reason === budget.reason;
      return {
        carrierId: carrier.id,
        operation,
        trackingNumber,
        context,
        settlement: timedOut
          ? { status: 'timed-out', durationMs: settlement.durationMs }
          : settlement,
      };
    },
  };
}

/** The operations a definition claims, tolerant of a broken definition (its check reports it). */
function operationsOf(carrier: CarrierDefinition): ConformanceOperation[] {
  const capabilities: unknown = carrier.capabilities;
  return typeof capabilities === 'object' && capabilities !== null
    ? claimedOperations(carrier.capabilities)
    : ['track'];
}

/** One operation call: on what, in which context, with which options. */
interface OperationCall {
  readonly operation: ConformanceOperation;
  readonly context: TestCarrierContext;
  /** The context a cancel places its action in. */
  readonly placementContext: () => TestCarrierContext;
  readonly trackingNumber: string;
  readonly carrierOptions: Readonly<Record<string, string>> | undefined;
}

async function callOperation(
  carrier: CarrierDefinition,
  samples: SampleRequests,
  { operation, context, placementContext, trackingNumber, carrierOptions }: OperationCall,
  nextReference: () => number,
): Promise<unknown> {
  const options = carrierOptions === undefined ? {} : { carrierOptions };
  switch (operation) {
    case 'track':
      return carrier.track(context, { trackingNumber, ...options });
    case 'intercept': {
      if (carrier.intercept === undefined) {
        throw new TypeError(`${carrier.id} claims intercept but has no intercept()`);
      }
      // A fresh reference per call: a carrier that dedupes by reference would otherwise
      // answer an earlier attempt.
      const reference = `icp_conformance_${nextReference()}`;
      return carrier.intercept(
        context,
        samples.intercept(trackingNumber, { reference, ...options }),
      );
    }
    case 'redirect': {
      if (carrier.redirect === undefined) {
        throw new TypeError(`${carrier.id} claims redirect but has no redirect()`);
      }
      const reference = `rdr_conformance_${nextReference()}`;
      return carrier.redirect(context, samples.redirect(trackingNumber, { reference, ...options }));
    }
    case 'cancelIntercept':
    case 'cancelRedirect': {
      const cancel = carrier[operation];
      if (cancel === undefined) {
        throw new TypeError(`${carrier.id} claims ${operation} but has no ${operation}()`);
      }
      const placed = await placeAction(carrier, samples, {
        action: cancelledAction(operation),
        context: placementContext(),
        trackingNumber,
        reference: nextReference(),
      });
      return cancel(context, samples.cancel(trackingNumber, placed, options));
    }
    case 'quoteFee': {
      if (carrier.quoteFee === undefined) {
        throw new TypeError(`${carrier.id} claims feeQuote but has no quoteFee()`);
      }
      const action = quotedAction(carrier.capabilities);
      return carrier.quoteFee(context, samples.feeQuote(trackingNumber, action, options));
    }
  }
}

/**
 * Places the intercept or redirect a cancel then withdraws, answering its references. A
 * failure here is not the cancel's: it is thrown as a plain Error saying so.
 */
async function placeAction(
  carrier: CarrierDefinition,
  samples: SampleRequests,
  call: {
    readonly action: 'intercept' | 'redirect';
    readonly context: TestCarrierContext;
    readonly trackingNumber: string;
    readonly reference: number;
  },
): Promise<{ readonly reference: string; readonly carrierReference?: string | undefined }> {
  const { action, context, trackingNumber } = call;
  const reference = `${action === 'intercept' ? 'icp' : 'rdr'}_conformance_${call.reference}`;
  for (let attempt = 1; ; attempt++) {
    try {
      const result =
        action === 'intercept'
          ? await carrier.intercept?.(context, samples.intercept(trackingNumber, { reference }))
          : await carrier.redirect?.(context, samples.redirect(trackingNumber, { reference }));
      return { reference, carrierReference: result?.carrierReference };
    } catch (error) {
      // A carrier may refuse by chance (carrier-sim rolls seeded odds per attempt, and a
      // refusal places nothing): ask again a few times before giving up.
      if (isCarrierErrorOfKind(error, 'not-eligible') && attempt < PLACEMENT_ATTEMPTS) {
        continue;
      }
      throw new Error(`the ${action} to cancel could not be placed first`, { cause: error });
    }
  }
}

/** How often a cancel's action is asked for before the cancel is given up. */
const PLACEMENT_ATTEMPTS = 4;

/**
 * Waits for `promise` but at most `limitMs`, timing it. Never rejects: checks inspect how
 * an operation ended rather than catching.
 */
export async function settle(promise: Promise<unknown>, limitMs: number): Promise<Settlement> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), limitMs);
  });
  try {
    const outcome = await Promise.race([
      promise.then(
        (value) => ({ status: 'fulfilled' as const, value }),
        (reason: unknown) => ({ status: 'rejected' as const, reason }),
      ),
      limit,
    ]);
    const durationMs = performance.now() - started;
    return outcome === 'timed-out'
      ? { status: 'timed-out', durationMs }
      : { ...outcome, durationMs };
  } finally {
    clearTimeout(timer);
  }
}
