import type { ConformanceHarness } from '../harness.ts';
import { type ConformanceOperation, declaredSafeToRetry, isReadOperation } from '../operations.ts';
import type { ConformanceCheck } from './conformance-check.ts';
import type { ErrorExpectation } from './expect-carrier-error.ts';
import { type FailureScenario, runFailureScenarios } from './failure-scenarios.ts';

/**
 * For a mutation, a 5xx or an unreadable error page may come after the carrier acted, so
 * `outcome-unknown` is as right as `retryable` there; for a read only `retryable` is.
 */
const serverFailureKinds = (operation: ConformanceOperation): ErrorExpectation => ({
  kinds: isReadOperation(operation) ? ['retryable'] : ['retryable', 'outcome-unknown'],
});

const RETRY_AFTER_DATE_MS = 30_000;

/** An HTTP date 30 s after the harness's clock: adapters must read it against `ctx.clock`. */
const retryAfterDate = (harness: ConformanceHarness) => ({
  type: 'rate_limit' as const,
  retryAfter: new Date(harness.now.getTime() + RETRY_AFTER_DATE_MS).toUTCString(),
});

const RETRYABLE_TITLE = 'classifies a dropped connection and 5xx answers as retryable';

/** Transient failures are `retryable`, so the gateway retries reads. */
export const retryableFailuresCheck: ConformanceCheck = {
  id: 'retryable-failures',
  title: RETRYABLE_TITLE,
  appliesTo: () => true,
  run: (harness) =>
    runFailureScenarios(RETRYABLE_TITLE, harness, [
      {
        label: 'a connection reset after sending',
        scope: 'reads',
        stage: { type: 'reset', when: 'after_read' },
        requires: 'reset',
        expect: { kinds: ['retryable'] },
      },
      ...[500, 502, 503].map(
        (code): FailureScenario => ({
          label: `HTTP ${code}`,
          scope: 'all',
          stage: { type: 'status', code },
          expect: serverFailureKinds,
        }),
      ),
    ]),
};

const RATE_LIMIT_TITLE =
  'classifies 429 as rate-limited, reading Retry-After as seconds and as a date';

/** 429 is `rate-limited` with `retryAfterMs` from Retry-After in both of its forms. */
export const rateLimitCheck: ConformanceCheck = {
  id: 'rate-limited',
  title: RATE_LIMIT_TITLE,
  appliesTo: () => true,
  run: (harness) =>
    runFailureScenarios(RATE_LIMIT_TITLE, harness, [
      {
        label: 'HTTP 429 with Retry-After: 7',
        scope: 'all',
        stage: { type: 'rate_limit', retryAfter: 7 },
        expect: { kinds: ['rate-limited'], retryAfterMs: { min: 7000, max: 7000 } },
      },
      {
        label: 'HTTP 429 with Retry-After as an HTTP date 30 s ahead of ctx.clock',
        scope: 'all',
        stage: retryAfterDate,
        // HTTP dates have whole seconds; the clock may stand between two.
        expect: { kinds: ['rate-limited'], retryAfterMs: { min: 29_000, max: 31_000 } },
      },
    ]),
};

const AUTHENTICATION_TITLE = 'classifies 401 and 403 as authentication failures';

/** Refused credentials are `authentication`: no retry, the operator must act. */
export const authenticationCheck: ConformanceCheck = {
  id: 'authentication',
  title: AUTHENTICATION_TITLE,
  appliesTo: () => true,
  run: (harness) =>
    runFailureScenarios(
      AUTHENTICATION_TITLE,
      harness,
      [401, 403].map((code) => ({
        label: `HTTP ${code}`,
        scope: 'all',
        stage: { type: 'status', code },
        expect: { kinds: ['authentication'] },
      })),
    ),
};

const NOT_FOUND_TITLE = 'classifies an unknown parcel as not-found';

/** The carrier's "no such parcel" (a 404, or the adapter's own not-found fixture) is `not-found`. */
export const notFoundCheck: ConformanceCheck = {
  id: 'not-found',
  title: NOT_FOUND_TITLE,
  requires: ['notFound'],
  appliesTo: () => true,
  run: (harness) =>
    runFailureScenarios(NOT_FOUND_TITLE, harness, [
      {
        label: 'an unknown parcel (HTTP 404)',
        scope: 'all',
        stage: { type: 'status', code: 404 },
        expect: { kinds: ['not-found'] },
      },
    ]),
};

const UNREADABLE_TITLE =
  'classifies an HTML error page and malformed JSON, never throwing a raw parse error';

/**
 * Answers that are not the JSON promised (a proxy's HTML page, a truncated body) still
 * come out as carrier errors: a raw SyntaxError or TypeError would reach the gateway
 * unclassified. Malformed answers to mutations are the outcome-unknown check's business.
 */
export const unreadableAnswersCheck: ConformanceCheck = {
  id: 'unreadable-answers',
  title: UNREADABLE_TITLE,
  appliesTo: () => true,
  run: (harness) =>
    runFailureScenarios(UNREADABLE_TITLE, harness, [
      ...[502, 503].map(
        (code): FailureScenario => ({
          label: `an HTML error page with HTTP ${code}`,
          scope: 'all',
          stage: { type: 'status', code, html: true },
          requires: 'htmlErrorPage',
          expect: serverFailureKinds,
        }),
      ),
      {
        label: 'HTTP 200 with truncated JSON',
        scope: 'reads',
        stage: { type: 'malformed' },
        requires: 'malformedBody',
        expect: { kinds: ['retryable'] },
      },
    ]),
};

const REFUSED_TITLE =
  'classifies a connection refused before sending as retryable with requestSent false';

/**
 * A refused connection proves the carrier never saw the request: `retryable` with
 * `requestSent: false` is what lets the gateway retry even a mutation safely.
 */
export const connectionRefusedCheck: ConformanceCheck = {
  id: 'connection-refused',
  title: REFUSED_TITLE,
  appliesTo: () => true,
  run: (harness) =>
    runFailureScenarios(REFUSED_TITLE, harness, [
      {
        label: 'a connection refused before sending',
        scope: 'all',
        stage: 'refused',
        expect: { kinds: ['retryable'], requestSent: false },
      },
    ]),
};

const OUTCOME_UNKNOWN_TITLE =
  'reports a mutation whose answer was lost after sending as outcome-unknown';

/**
 * An intercept, redirect or cancel that may have reached the carrier but whose answer was
 * lost (connection dropped after sending, a garbled 200) is `outcome-unknown`: the gateway
 * stores it as pending and reconciles, never reports it failed or blindly resends it.
 * Where the carrier declares the operation `safeToRetry`, `retryable` is right too.
 */
export const outcomeUnknownCheck: ConformanceCheck = {
  id: 'outcome-unknown',
  title: OUTCOME_UNKNOWN_TITLE,
  appliesTo: (capabilities) =>
    capabilities.intercept !== undefined || capabilities.redirect !== undefined,
  run: (harness) => {
    const expect = (operation: ConformanceOperation): ErrorExpectation => ({
      kinds: declaredSafeToRetry(harness.carrier.capabilities, operation)
        ? ['outcome-unknown', 'retryable']
        : ['outcome-unknown'],
    });
    return runFailureScenarios(OUTCOME_UNKNOWN_TITLE, harness, [
      {
        label: 'a connection reset after the carrier read the request',
        scope: 'mutations',
        stage: { type: 'reset', when: 'after_read' },
        requires: 'reset',
        expect,
      },
      {
        label: 'a connection reset before the carrier read the request',
        scope: 'mutations',
        stage: { type: 'reset', when: 'before_read' },
        requires: 'reset',
        expect,
      },
      {
        label: 'HTTP 200 with truncated JSON',
        scope: 'mutations',
        stage: { type: 'malformed' },
        requires: 'malformedBody',
        expect,
      },
    ]);
  },
};
