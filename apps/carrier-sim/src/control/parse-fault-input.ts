import type { CarrierModule } from '../carriers/carrier-module.ts';
import { FAULT_OPERATIONS, FAULT_TYPES, type Fault, type FaultOperation } from '../faults/fault.ts';
import type { NewFaultRule } from '../faults/fault-registry.ts';
import {
  asObject,
  InputError,
  type InputObject,
  readInteger,
  readString,
  rejectUnknownFields,
} from './input-error.ts';

const FIELDS = ['carrier', 'operation', 'trackingNumber', 'fault', 'count'];
const MAX_DELAY_MS = 10 * 60 * 1000;
const DELTA_SECONDS = /^\d{1,10}$/;

/** Validates the body of `POST /__sim/faults`. */
export function parseFaultInput(
  input: InputObject,
  carriers: ReadonlyMap<string, CarrierModule>,
): NewFaultRule {
  rejectUnknownFields(input, FIELDS);
  const carrier = readString(input.carrier, 'carrier', 40);
  if (!carriers.has(carrier)) {
    throw new InputError(
      'carrier',
      `unknown carrier ${carrier}; known: ${[...carriers.keys()].join(', ')}`,
    );
  }
  if (!FAULT_OPERATIONS.includes(input.operation as FaultOperation)) {
    throw new InputError('operation', `operation must be one of ${FAULT_OPERATIONS.join(', ')}`);
  }
  return {
    carrier,
    operation: input.operation as FaultOperation,
    trackingNumber:
      input.trackingNumber === undefined || input.trackingNumber === null
        ? null
        : readString(input.trackingNumber, 'trackingNumber', 64),
    count:
      input.count === undefined || input.count === null
        ? null
        : readInteger(input.count, 'count', 1, 1_000_000),
    fault: parseFault(input.fault),
  };
}

function parseFault(value: unknown): Fault {
  if (value === undefined) {
    throw new InputError('fault', 'fault is required');
  }
  const fault = asObject(value, 'fault');
  const only = (...fields: string[]) => rejectUnknownFields(fault, ['type', ...fields], 'fault.');
  switch (fault.type) {
    case 'latency':
      only('ms', 'jitterMs');
      return {
        type: 'latency',
        ms: readInteger(fault.ms, 'fault.ms', 0, MAX_DELAY_MS),
        jitterMs:
          fault.jitterMs === undefined
            ? 0
            : readInteger(fault.jitterMs, 'fault.jitterMs', 0, MAX_DELAY_MS),
      };
    case 'status': {
      only('code', 'rate', 'html');
      const code = readInteger(fault.code, 'fault.code', 400, 599);
      const rate = fault.rate ?? 1;
      if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
        throw new InputError('fault.rate', 'fault.rate must be a number from 0 to 1');
      }
      const html = fault.html ?? false;
      if (typeof html !== 'boolean' || (html && code < 500)) {
        throw new InputError(
          'fault.html',
          'fault.html must be a boolean, and true only with a 5xx code',
        );
      }
      return { type: 'status', code, rate, html };
    }
    case 'rate_limit':
      only('retryAfter');
      return { type: 'rate_limit', retryAfter: parseRetryAfter(fault.retryAfter) };
    case 'hang':
      only();
      return { type: 'hang' };
    case 'reset': {
      only('when');
      const when = fault.when ?? 'after_read';
      if (when !== 'before_read' && when !== 'after_read') {
        throw new InputError('fault.when', 'fault.when must be before_read or after_read');
      }
      return { type: 'reset', when };
    }
    case 'slow_body':
      only('bytesPerSecond');
      return {
        type: 'slow_body',
        bytesPerSecond: readInteger(fault.bytesPerSecond, 'fault.bytesPerSecond', 1, 10_000_000),
      };
    case 'malformed':
      only();
      return { type: 'malformed' };
    default:
      throw new InputError('fault.type', `fault.type must be one of ${FAULT_TYPES.join(', ')}`);
  }
}

/**
 * Retry-After as RFC 9110 allows it: delay-seconds (a number, or digits in a string) or
 * an HTTP-date string. Sent verbatim; a date is only checked to parse.
 */
function parseRetryAfter(value: unknown): number | string {
  if (typeof value === 'number') {
    return readInteger(value, 'fault.retryAfter', 0, 2_147_483_647);
  }
  if (
    typeof value === 'string' &&
    (DELTA_SECONDS.test(value) || (/[A-Za-z]/.test(value) && !Number.isNaN(Date.parse(value))))
  ) {
    return value;
  }
  throw new InputError(
    'fault.retryAfter',
    'fault.retryAfter must be seconds (a non-negative integer) or an HTTP date such as "Wed, 21 Oct 2026 07:28:00 GMT"',
  );
}
