import {
  INCIDENT_REASONS,
  isExceptionSubStatus,
  isNormalizedStatus,
} from '@parcelgate/carrier-kit';
import { isIsoDateTimeWithOffset } from '@parcelgate/carrier-kit/wire';
import { describeValue, isRecord } from './describe-value.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const incidentReasons: ReadonlySet<string> = new Set(INCIDENT_REASONS);

/** What a snapshot must be about. */
export interface SnapshotExpectation {
  readonly carrierId: string;
  readonly trackingNumber: string;
}

/**
 * Every way `value` falls short of a `TrackingSnapshot` for the expected parcel, as
 * messages naming the field (`events[2].occurredAt`). Empty when it is contract-valid.
 * Checks the shape only; order and status consistency are the events check's job.
 */
export function validateTrackingSnapshot(value: unknown, expected: SnapshotExpectation): string[] {
  if (!isRecord(value)) {
    return [`track() resolved ${describeValue(value)}, not a TrackingSnapshot object`];
  }
  const problems: string[] = [];
  if (value.carrierId !== expected.carrierId) {
    problems.push(
      `carrierId is ${describeValue(value.carrierId)}, expected "${expected.carrierId}"`,
    );
  }
  if (value.trackingNumber !== expected.trackingNumber) {
    problems.push(
      `trackingNumber is ${describeValue(value.trackingNumber)}, expected "${expected.trackingNumber}"`,
    );
  }
  problems.push(...checkStatus('status', value.status, value.subStatus));
  if (!Array.isArray(value.events)) {
    problems.push(`events is ${describeValue(value.events)}, expected an array`);
  } else {
    value.events.forEach((event: unknown, index) => {
      problems.push(...validateEvent(event, `events[${index}]`));
    });
  }
  const estimated = value.estimatedDelivery;
  if (
    estimated !== undefined &&
    !isIsoDateTimeWithOffset(estimated) &&
    !(typeof estimated === 'string' && ISO_DATE.test(estimated))
  ) {
    problems.push(
      `estimatedDelivery is ${describeValue(estimated)}: expected an ISO 8601 date-time with offset or a YYYY-MM-DD date`,
    );
  }
  const proof = value.proofOfDelivery;
  if (proof !== undefined) {
    if (!isRecord(proof)) {
      problems.push(`proofOfDelivery is ${describeValue(proof)}, expected an object`);
    } else if (proof.deliveredAt !== undefined && !isIsoDateTimeWithOffset(proof.deliveredAt)) {
      problems.push(
        `proofOfDelivery.deliveredAt is ${describeValue(proof.deliveredAt)}: expected ISO 8601 with an offset`,
      );
    }
  }
  for (const field of ['origin', 'destination', 'underlyingCarrier'] as const) {
    if (value[field] !== undefined && !isRecord(value[field])) {
      problems.push(`${field} is ${describeValue(value[field])}, expected an object`);
    }
  }
  return problems;
}

/** Problems of one tracking event, each prefixed with `path`. */
export function validateEvent(event: unknown, path: string): string[] {
  if (!isRecord(event)) {
    return [`${path} is ${describeValue(event)}, expected an event object`];
  }
  const problems: string[] = [];
  if (!isIsoDateTimeWithOffset(event.occurredAt)) {
    problems.push(
      `${path}.occurredAt is ${describeValue(event.occurredAt)}: expected ISO 8601 with an explicit offset, e.g. 2026-11-26T09:10:00+08:00`,
    );
  }
  problems.push(...checkStatus(`${path}.status`, event.status, event.subStatus));
  if (event.incident !== undefined) {
    if (typeof event.incident !== 'string' || !incidentReasons.has(event.incident)) {
      problems.push(`${path}.incident is ${describeValue(event.incident)}, not an incident reason`);
    } else if (event.status !== 'exception') {
      problems.push(
        `${path}.incident is set on a ${describeValue(event.status)} event, not an exception`,
      );
    }
  }
  if (typeof event.description !== 'string') {
    problems.push(`${path}.description is ${describeValue(event.description)}, expected a string`);
  }
  if (!isRecord(event.raw)) {
    problems.push(
      `${path}.raw is ${describeValue(event.raw)}: the carrier's own code must be kept`,
    );
  } else {
    if (typeof event.raw.code !== 'string' || event.raw.code === '') {
      problems.push(
        `${path}.raw.code is ${describeValue(event.raw.code)}, expected the carrier's code`,
      );
    }
    if (event.raw.description !== undefined && typeof event.raw.description !== 'string') {
      problems.push(
        `${path}.raw.description is ${describeValue(event.raw.description)}, expected a string`,
      );
    }
  }
  if (event.location !== undefined && !isRecord(event.location)) {
    problems.push(`${path}.location is ${describeValue(event.location)}, expected an object`);
  }
  return problems;
}

function checkStatus(path: string, status: unknown, subStatus: unknown): string[] {
  if (!isNormalizedStatus(status)) {
    return [`${path} is ${describeValue(status)}, not a normalized status`];
  }
  if (subStatus === undefined) {
    return [];
  }
  if (status !== 'exception') {
    return [`${path} is "${status}" but a subStatus is set: only exceptions have one`];
  }
  return isExceptionSubStatus(subStatus)
    ? []
    : [`${path}'s subStatus is ${describeValue(subStatus)}, not an exception sub-status`];
}
