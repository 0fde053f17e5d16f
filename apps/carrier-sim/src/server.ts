import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CarrierModule, CarrierRoute, RouteIdentity } from './carriers/carrier-module.ts';
import { jsonResponse } from './carriers/carrier-response.ts';
import { handleControl } from './control/control-api.ts';
import { sendMalformed, sendSlowly } from './faults/apply-fault.ts';
import type { FaultSelection } from './faults/fault-registry.ts';
import { BodyTooLargeError, readBody } from './http/read-body.ts';
import { send } from './http/send.ts';
import { countOperation, isCountedOperation } from './model/parcel.ts';
import type { Simulator } from './simulator.ts';

const EMPTY_BODY = Buffer.alloc(0);
const UNKNOWN_CARRIER = jsonResponse(404, {
  error: { code: 'UNKNOWN_CARRIER', message: 'no simulated carrier at this path' },
});
const BODY_TOO_LARGE = jsonResponse(413, {
  error: { code: 'BODY_TOO_LARGE', message: 'request body too large' },
});

/** An HTTP server over a {@link Simulator}, with a close that also ends hung requests. */
export interface SimulatorServer {
  readonly server: Server;
  /** Stops listening, ends every open connection (hung ones included) and pending timers. */
  close(): Promise<void>;
}

/** The query string of a request URL, without its `?`. */
function queryOf(url: string | undefined): string {
  const queryAt = url?.indexOf('?') ?? -1;
  return url === undefined || queryAt === -1 ? '' : url.slice(queryAt + 1);
}

/** `reset` `before_read`: the carrier never sees the request, so nothing is processed. */
function isResetBeforeRead(selection: FaultSelection): boolean {
  return selection.fault?.type === 'reset' && selection.fault.when === 'before_read';
}

/**
 * A body-routed request's route with what its body named; the route itself when the body
 * named nothing the module recognised.
 */
function identifiedRoute(route: CarrierRoute, identity: RouteIdentity | undefined): CarrierRoute {
  return identity === undefined
    ? route
    : { ...route, operation: identity.operation, trackingNumber: identity.trackingNumber };
}

/**
 * Builds the server. The hot path (a request without a body and without faults, e.g. a
 * tracking read) runs synchronously: route, count, handle, write a prebuilt answer.
 * Body-routed requests (routes with `identify`) take their own asynchronous path, so the
 * hot path pays one property check for them.
 */
export function createSimulatorServer(simulator: Simulator): SimulatorServer {
  const lifetime = new AbortController();

  function fail(response: ServerResponse, error: unknown): void {
    if (lifetime.signal.aborted) {
      response.destroy();
      return;
    }
    if (error instanceof BodyTooLargeError && !response.headersSent) {
      send(response, BODY_TOO_LARGE);
      return;
    }
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    send(response, jsonResponse(500, { error: { code: 'SIMULATOR_ERROR', message } }));
  }

  /**
   * Counts a request against the parcel it names, for the operations the parcel view
   * shows, and keeps its trace context when it sent one.
   */
  function countCall(carrier: CarrierModule, route: CarrierRoute, request: IncomingMessage): void {
    simulator.tracedCalls.note(carrier.id, route, request.headers);
    if (route.trackingNumber !== undefined && isCountedOperation(route.operation)) {
      const parcel = simulator.parcels.get(carrier.id, route.trackingNumber);
      if (parcel !== undefined) {
        countOperation(parcel.calls, route.operation);
      }
    }
  }

  function selectFaults(carrier: CarrierModule, route: CarrierRoute): FaultSelection {
    return simulator.faults.select(
      carrier.id,
      route.operation,
      route.trackingNumber,
      simulator.seed,
    );
  }

  /** A path-routed request with a body or a fault, already counted: read, then process. */
  async function handleFaulted(
    carrier: CarrierModule,
    route: CarrierRoute,
    selection: FaultSelection,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const body = route.hasBody ? await readBody(request) : EMPTY_BODY;
    await handleRead(carrier, route, selection, request, response, body);
  }

  /**
   * A request whose body names its operation and parcel: read the body, identify, then
   * select faults and count as for a path-routed request. `reset` `before_read` is
   * honoured after the read, since the fault to apply depends on the body: the
   * connection is dropped before anything is processed or counted, which is all a client
   * can observe of "before read" anyway (it had sent the whole request either way).
   */
  async function handleBodyRouted(
    carrier: CarrierModule,
    route: CarrierRoute,
    identify: NonNullable<CarrierRoute['identify']>,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const body = await readBody(request);
    const identified = identifiedRoute(route, identify(body, queryOf(request.url)));
    const selection = selectFaults(carrier, identified);
    if (isResetBeforeRead(selection)) {
      request.socket.destroy();
      return;
    }
    countCall(carrier, identified, request);
    await handleRead(carrier, identified, selection, request, response, body);
  }

  /** Everything after the body was read and the call counted: latency, faults, handling. */
  async function handleRead(
    carrier: CarrierModule,
    route: CarrierRoute,
    selection: FaultSelection,
    request: IncomingMessage,
    response: ServerResponse,
    body: Buffer,
  ): Promise<void> {
    if (selection.latencyMs > 0) {
      // Processed after the delay even if the client gave up meanwhile, like a slow
      // carrier that still executes what it received.
      await sleep(selection.latencyMs, undefined, { signal: lifetime.signal });
    }
    const fault = selection.fault;
    if (fault?.type === 'status') {
      send(response, carrier.faultResponse(fault.code, fault.html));
      return;
    }
    if (fault?.type === 'rate_limit') {
      send(response, carrier.rateLimitResponse(String(fault.retryAfter)));
      return;
    }
    if (fault?.type === 'hang') {
      // Nothing is processed and nothing is sent; the socket stays open until the client
      // gives up or the server closes.
      return;
    }
    const answer = route.handle(
      { route, headers: request.headers, body, query: queryOf(request.url) },
      simulator,
    );
    if (carrier.renderPushes !== undefined) {
      // An intercept or redirect may have changed the parcel: its carrier pushes that.
      // A request that named no parcel (e.g. a body its module could not identify)
      // checks every parcel of its carrier.
      simulator.collectPushes(carrier.id, route.trackingNumber);
    }
    switch (fault?.type) {
      case undefined:
        send(response, answer);
        return;
      case 'reset':
        // after_read: the carrier processed the request, the answer is lost on the way.
        request.socket.destroy();
        return;
      case 'slow_body':
        sendSlowly(response, answer, fault.bytesPerSecond);
        return;
      case 'malformed':
        sendMalformed(response, answer);
        return;
      case 'latency':
        send(response, answer);
        return;
    }
  }

  function onRequest(request: IncomingMessage, response: ServerResponse): void {
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    if (path.startsWith('/__sim/')) {
      handleControl(simulator, path, request, response).catch((error: unknown) =>
        fail(response, error),
      );
      return;
    }
    const slashAt = path.indexOf('/', 1);
    const carrier = simulator.carriers.get(slashAt === -1 ? path.slice(1) : path.slice(1, slashAt));
    if (carrier === undefined) {
      send(response, UNKNOWN_CARRIER);
      return;
    }
    const route = carrier.route(
      request.method ?? 'GET',
      slashAt === -1 ? '' : path.slice(slashAt),
      simulator,
    );
    if (route === undefined) {
      send(response, carrier.notFound());
      return;
    }
    if (route.identify !== undefined) {
      handleBodyRouted(carrier, route, route.identify, request, response).catch((error: unknown) =>
        fail(response, error),
      );
      return;
    }
    const selection = selectFaults(carrier, route);
    if (isResetBeforeRead(selection)) {
      // The carrier never sees the request: nothing processed, nothing counted.
      request.socket.destroy();
      return;
    }
    countCall(carrier, route, request);
    if (!route.hasBody && selection.fault === undefined && selection.latencyMs === 0) {
      try {
        send(
          response,
          route.handle(
            { route, headers: request.headers, body: EMPTY_BODY, query: queryOf(url) },
            simulator,
          ),
        );
      } catch (error) {
        fail(response, error);
      }
      return;
    }
    handleFaulted(carrier, route, selection, request, response).catch((error: unknown) =>
      fail(response, error),
    );
  }

  const server = createServer({ keepAliveTimeout: 30_000 }, onRequest);
  return {
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        lifetime.abort();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
