import { HttpResponse, http, matchRequestUrl } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import type {
  ConformanceEnvironment,
  EnvironmentFeature,
  Fault,
  FaultRequest,
  ParcelRequest,
} from '../environment.ts';
import { CONFORMANCE_OPERATIONS, type ConformanceOperation } from '../operations.ts';
import {
  type CarrierFixtures,
  type OperationFixture,
  type RequestMatcher,
  toResponse,
} from './carrier-fixtures.ts';
import {
  htmlErrorPage,
  jsonErrorResponse,
  malformedResponse,
  rateLimitedResponse,
  slowBodyResponse,
} from './fault-responses.ts';

/** What {@link createMswEnvironment} needs. */
export interface MswEnvironmentOptions {
  /** The carrier base URL msw answers on; nothing leaves the machine. */
  readonly baseUrl: string;
  readonly fixtures: CarrierFixtures;
  /**
   * Set when the fixtures (usually their `handlers`) refuse requests made with wrong
   * credentials the way the carrier does: the environment then claims `wrongCredentials`
   * and the verify-credentials check tries them. Fixtures answer whatever the credentials
   * otherwise, so the default is false.
   */
  readonly refusesWrongCredentials?: boolean;
}

/** The msw environment, with its server exposed for extra handlers. */
export interface MswConformanceEnvironment extends ConformanceEnvironment {
  readonly server: SetupServer;
  /** Requests to the base URL that no fixture matched, as `METHOD url`. */
  readonly unmatchedRequests: readonly string[];
  diagnose(): readonly string[];
}

interface StagedParcel {
  readonly statusCode: string | undefined;
}

/**
 * A conformance environment on msw: the adapter's fixtures answer for the carrier, and
 * faults are staged at HTTP level the same way for every carrier (a JSON or HTML error
 * status, a 429 with Retry-After, a dropped connection, a request that never gets an
 * answer, a truncated body). It intercepts the global fetch, so the adapter runs on the
 * production `createFetchHttpClient`.
 *
 * @example
 * ```ts
 * const environment = createMswEnvironment({ baseUrl: 'https://api.acme.test', fixtures: acmeFixtures });
 * ```
 */
export function createMswEnvironment(options: MswEnvironmentOptions): MswConformanceEnvironment {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const { fixtures } = options;
  const parcels = new Map<string, StagedParcel>();
  const faults = new Map<string, Fault>();
  const calls = new Map<string, number>();
  const unmatchedRequests: string[] = [];
  // Hanging handlers, released on reset so no request outlives its check.
  const hanging = new Set<() => void>();
  let sequence = 0;

  const answer = async (
    operation: ConformanceOperation,
    fixture: OperationFixture,
    trackingNumber: string,
    request: Request,
  ): Promise<Response> => {
    const key = keyOf(operation, trackingNumber);
    calls.set(key, (calls.get(key) ?? 0) + 1);
    const parcel = parcels.get(trackingNumber);
    const succeed = async (): Promise<Response> =>
      parcel === undefined
        ? notFound(fixture, trackingNumber, request)
        : toResponse(await fixture.success(trackingNumber, parcel.statusCode, request), 200);
    const fault = faults.get(key);
    switch (fault?.type) {
      case undefined:
        return succeed();
      case 'latency':
        await sleep(fault.ms, request.signal);
        return succeed();
      case 'status':
        if (fault.html === true) {
          return htmlErrorPage(fault.code);
        }
        return fault.code === 404
          ? notFound(fixture, trackingNumber, request)
          : jsonErrorResponse(fault.code);
      case 'rate_limit':
        return rateLimitedResponse(fault.retryAfter);
      case 'hang':
        await new Promise<void>((resolve) => {
          hanging.add(resolve);
          request.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        return HttpResponse.error();
      case 'reset':
        // msw drops the exchange after the handler received the request: the client sees
        // a connection lost after sending, which is all `before_read` and `after_read`
        // can look like from its side.
        return HttpResponse.error();
      case 'slow_body':
        return slowBodyResponse(await succeed(), fault.bytesPerSecond, request.signal);
      case 'malformed':
        return malformedResponse();
    }
  };

  const carrierHandler = http.all(`${baseUrl}/*`, async ({ request }) => {
    for (const operation of CONFORMANCE_OPERATIONS) {
      const fixture = fixtures[operation];
      if (fixture === undefined) {
        continue;
      }
      const trackingNumber = await matchOperation(fixture.request, request, baseUrl);
      if (trackingNumber !== undefined) {
        return answer(operation, fixture, trackingNumber, request);
      }
    }
    unmatchedRequests.push(`${request.method} ${request.url}`);
    return HttpResponse.json(
      {
        error: {
          code: 'NO_FIXTURE',
          message: `no conformance fixture matches ${request.method} ${request.url}`,
        },
      },
      { status: 501 },
    );
  });
  const server = setupServer(...(fixtures.handlers ?? []), carrierHandler);

  const releaseHanging = (): void => {
    for (const release of hanging) {
      release();
    }
    hanging.clear();
  };

  return {
    name: 'msw',
    baseUrl,
    server,
    unmatchedRequests,
    async start() {
      // Everything off the carrier's origin goes to the real network: the connection
      // refused check needs a real refused socket.
      server.listen({ onUnhandledFrame: 'bypass' });
    },
    async stop() {
      releaseHanging();
      server.close();
    },
    async reset() {
      releaseHanging();
      parcels.clear();
      faults.clear();
      calls.clear();
      unmatchedRequests.length = 0;
    },
    async prepareParcel(request: ParcelRequest) {
      sequence += 1;
      const trackingNumber =
        fixtures.trackingNumber?.(sequence) ?? `CONF${String(sequence).padStart(8, '0')}`;
      parcels.set(trackingNumber, { statusCode: request.statusCode });
      return { trackingNumber };
    },
    async injectFault(request: FaultRequest) {
      faults.set(keyOf(request.operation, request.trackingNumber), request.fault);
    },
    async countCalls(request) {
      return calls.get(keyOf(request.operation, request.trackingNumber)) ?? 0;
    },
    // msw stages everything at HTTP level; status codes come from the adapter's fixtures,
    // and only fixtures written to refuse wrong credentials can show a refusal.
    supports: (feature: EnvironmentFeature) =>
      feature !== 'wrongCredentials' || options.refusesWrongCredentials === true,
    diagnose() {
      return unmatchedRequests.length === 0
        ? []
        : [`no fixture matched: ${unmatchedRequests.join(', ')}`];
    },
  };
}

function keyOf(operation: ConformanceOperation, trackingNumber: string): string {
  return `${operation} ${trackingNumber}`;
}

async function matchOperation(
  matcher: RequestMatcher,
  request: Request,
  baseUrl: string,
): Promise<string | undefined> {
  if (typeof matcher === 'function') {
    // A clone: the matcher may read the body, and the fixture reads it again.
    return matcher(request.clone());
  }
  if (request.method !== matcher.method) {
    return undefined;
  }
  const match = matchRequestUrl(new URL(request.url), `${baseUrl}${matcher.path}`);
  const trackingNumber = match.params?.trackingNumber;
  return match.matches && typeof trackingNumber === 'string' ? trackingNumber : undefined;
}

async function notFound(
  fixture: OperationFixture,
  trackingNumber: string,
  request: Request,
): Promise<Response> {
  return fixture.notFound === undefined
    ? jsonErrorResponse(404)
    : toResponse(await fixture.notFound(trackingNumber, undefined, request), 404);
}

function sleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, milliseconds);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
