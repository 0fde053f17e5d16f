import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CarrierResponse, jsonResponse } from '../carriers/carrier-response.ts';
import { decodeSegment } from '../http/decode-segment.ts';
import { readBody } from '../http/read-body.ts';
import { send } from '../http/send.ts';
import type { Simulator } from '../simulator.ts';
import { formatChinaTime } from '../time.ts';
import {
  InputError,
  type InputObject,
  parseInput,
  readInteger,
  rejectUnknownFields,
} from './input-error.ts';
import { parcelView } from './parcel-view.ts';
import { parseFaultInput } from './parse-fault-input.ts';
import { parseParcelInput } from './parse-parcel-input.ts';

/** Longest single clock advance: a year, far past the end of any journey. */
const MAX_ADVANCE_MS = 366 * 24 * 60 * 60 * 1000;

function controlError(
  status: number,
  code: string,
  message: string,
  field?: string,
): CarrierResponse {
  return jsonResponse(status, {
    error: field === undefined ? { code, message } : { code, message, field },
  });
}

function clockView(simulator: Simulator): { now: string; epochMs: number } {
  const now = simulator.now();
  return { now: formatChinaTime(now), epochMs: now };
}

/**
 * Serves `/__sim/*`, the control API tests and benchmarks drive the simulator with.
 * Never affected by faults, and never waits on a carrier request, so it answers while
 * carrier requests hang.
 */
export async function handleControl(
  simulator: Simulator,
  path: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  let answer: CarrierResponse;
  try {
    const method = request.method ?? 'GET';
    const body = method === 'POST' ? parseInput(await readBody(request)) : {};
    if (path === '/__sim/pushes' && method === 'GET') {
      // Listing pushes waits for the queued ones, so a test reads settled answers.
      await simulator.pushes.idle();
    }
    answer = route(simulator, method, path.split('/').slice(2), body);
  } catch (error) {
    if (!(error instanceof InputError)) {
      throw error;
    }
    answer = controlError(400, 'INVALID_INPUT', error.message, error.field);
  }
  send(response, answer);
}

function route(
  simulator: Simulator,
  method: string,
  segments: readonly string[],
  body: InputObject,
): CarrierResponse {
  const [resource, first, second] = segments;
  const depth = segments.length;
  if (resource === 'health' && depth === 1 && method === 'GET') {
    return jsonResponse(200, {
      status: 'ok',
      carriers: [...simulator.carriers.keys()],
      parcels: simulator.parcels.size,
      faults: simulator.faults.list().length,
      seed: simulator.seed,
      ...clockView(simulator),
    });
  }
  if (resource === 'clock' && depth === 1 && method === 'GET') {
    return jsonResponse(200, clockView(simulator));
  }
  if (resource === 'clock' && first === 'advance' && depth === 2 && method === 'POST') {
    rejectUnknownFields(body, ['ms']);
    simulator.advance(readInteger(body.ms, 'ms', 0, MAX_ADVANCE_MS));
    return jsonResponse(200, clockView(simulator));
  }
  if (resource === 'reset' && depth === 1 && method === 'POST') {
    rejectUnknownFields(body, ['seed']);
    simulator.reset(readSeed(body.seed));
    return jsonResponse(200, { seed: simulator.seed, ...clockView(simulator) });
  }
  if (resource === 'parcels' && depth === 1 && method === 'POST') {
    const parcel = simulator.createParcel(parseParcelInput(body, simulator.carriers));
    return jsonResponse(201, {
      carrier: parcel.carrier,
      trackingNumber: parcel.trackingNumber,
      status: parcel.status,
    });
  }
  if (resource === 'parcels' && depth === 3 && method === 'GET') {
    const carrier = simulator.carriers.get(first ?? '');
    const trackingNumber = decodeSegment(second ?? '');
    const parcel = carrier && simulator.parcels.get(carrier.id, trackingNumber);
    if (carrier === undefined || parcel === undefined) {
      return controlError(404, 'PARCEL_NOT_FOUND', `no ${first} parcel ${trackingNumber}`);
    }
    return jsonResponse(200, parcelView(parcel, carrier));
  }
  if (resource === 'faults' && depth === 1) {
    if (method === 'POST') {
      const rule = simulator.faults.add(parseFaultInput(body, simulator.carriers));
      return jsonResponse(201, { id: rule.id });
    }
    if (method === 'GET') {
      return jsonResponse(200, { faults: simulator.faults.list() });
    }
    if (method === 'DELETE') {
      return jsonResponse(200, { deleted: simulator.faults.clear() });
    }
  }
  if (resource === 'faults' && depth === 2 && method === 'DELETE') {
    if (!simulator.faults.remove(first ?? '')) {
      return controlError(404, 'FAULT_NOT_FOUND', `no fault ${first}`);
    }
    return jsonResponse(200, { deleted: 1 });
  }
  if (resource === 'push-targets') {
    return routePushTargets(simulator, method, first, depth, body);
  }
  if (resource === 'traced-calls' && depth === 1 && method === 'GET') {
    return jsonResponse(200, { calls: simulator.tracedCalls.list() });
  }
  if (resource === 'traced-calls' && depth === 1 && method === 'DELETE') {
    return jsonResponse(200, { deleted: simulator.tracedCalls.clear() });
  }
  if (resource === 'account-calls' && depth === 1 && method === 'GET') {
    return jsonResponse(200, { accounts: simulator.accountCalls.summary(1_000) });
  }
  if (resource === 'account-calls' && depth === 1 && method === 'DELETE') {
    simulator.accountCalls.clear();
    return jsonResponse(200, { deleted: true });
  }
  if (resource === 'pushes' && depth === 1 && method === 'GET') {
    return jsonResponse(200, { pushes: simulator.pushes.list() });
  }
  if (resource === 'pushes' && depth === 1 && method === 'DELETE') {
    return jsonResponse(200, { deleted: simulator.pushes.clear() });
  }
  return controlError(404, 'NOT_FOUND', `no control route ${method} /__sim/${segments.join('/')}`);
}

function routePushTargets(
  simulator: Simulator,
  method: string,
  carrierId: string | undefined,
  depth: number,
  body: InputObject,
): CarrierResponse {
  if (depth === 1 && method === 'POST') {
    rejectUnknownFields(body, ['carrier', 'url', 'secret']);
    const carrier = simulator.carriers.get(readString(body.carrier, 'carrier'));
    if (carrier?.renderPushes === undefined) {
      throw new InputError('carrier', `carrier ${String(body.carrier)} does not push`);
    }
    const url = readString(body.url, 'url');
    if (!URL.canParse(url)) {
      throw new InputError('url', 'url must be an absolute URL');
    }
    const secret = body.secret === undefined ? undefined : readString(body.secret, 'secret');
    simulator.pushTargets.set(carrier.id, { url, secret });
    return jsonResponse(200, { carrier: carrier.id, url });
  }
  if (depth === 1 && method === 'GET') {
    return jsonResponse(200, {
      targets: [...simulator.pushTargets].map(([carrier, target]) => ({
        carrier,
        url: target.url,
      })),
    });
  }
  if (depth === 2 && method === 'DELETE') {
    return jsonResponse(200, { deleted: simulator.pushTargets.delete(carrierId ?? '') ? 1 : 0 });
  }
  return controlError(404, 'NOT_FOUND', `no control route ${method} /__sim/push-targets`);
}

function readString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InputError(field, `${field} must be a non-empty string`);
  }
  return value;
}

function readSeed(seed: unknown): string | undefined {
  if (seed === undefined) {
    return undefined;
  }
  if ((typeof seed !== 'string' && typeof seed !== 'number') || String(seed).length === 0) {
    throw new InputError('seed', 'seed must be a non-empty string or a number');
  }
  return String(seed);
}
