import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CarrierModule, CarrierRoute } from './carriers/carrier-module.ts';
import { jsonResponse } from './carriers/carrier-response.ts';
import { handleControl } from './control/control-api.ts';
import { sendMalformed, sendSlowly } from './faults/apply-fault.ts';
import type { FaultSelection } from './faults/fault-registry.ts';
import { BodyTooLargeError, readBody } from './http/read-body.ts';
import { send } from './http/send.ts';
import type { CallCounts } from './model/parcel.ts';
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

function isCounted(operation: string): operation is keyof CallCounts {
  return operation === 'track' || operation === 'intercept' || operation === 'redirect';
}

/**
 * Builds the server. The hot path (a request without a body and without faults, e.g. a
 * tracking read) runs synchronously: route, count, handle, write a prebuilt answer.
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

  async function handleFaulted(
    carrier: CarrierModule,
    route: CarrierRoute,
    selection: FaultSelection,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const body = route.hasBody ? await readBody(request) : EMPTY_BODY;
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
      // Carriers that name the parcel only in the body are checked parcel by parcel.
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
    const selection = simulator.faults.select(
      carrier.id,
      route.operation,
      route.trackingNumber,
      simulator.seed,
    );
    if (selection.fault?.type === 'reset' && selection.fault.when === 'before_read') {
      // The carrier never sees the request: nothing processed, nothing counted.
      request.socket.destroy();
      return;
    }
    if (route.trackingNumber !== undefined && isCounted(route.operation)) {
      const parcel = simulator.parcels.get(carrier.id, route.trackingNumber);
      if (parcel !== undefined) {
        parcel.calls[route.operation]++;
      }
    }
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
