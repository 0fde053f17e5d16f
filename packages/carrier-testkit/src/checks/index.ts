import { abortCheck } from './abort-check.ts';
import type { ConformanceCheck } from './conformance-check.ts';
import { credentialsCheck } from './credentials-check.ts';
import { definitionCheck } from './definition-check.ts';
import { eventsOrderCheck } from './events-order-check.ts';
import {
  authenticationCheck,
  connectionRefusedCheck,
  notFoundCheck,
  outcomeUnknownCheck,
  rateLimitCheck,
  retryableFailuresCheck,
  unreadableAnswersCheck,
} from './failure-checks.ts';
import { operationsCheck } from './operations-check.ts';
import { requestOptionsCheck } from './request-options-check.ts';
import { statusCodesCheck } from './status-codes-check.ts';
import { verifyCredentialsCheck } from './verify-credentials-check.ts';

/**
 * Every conformance check, in the order they run. The credentials check comes last: it
 * also scans what every earlier check made the adapter throw and log.
 */
export const conformanceChecks: readonly ConformanceCheck[] = [
  definitionCheck,
  operationsCheck,
  requestOptionsCheck,
  statusCodesCheck,
  eventsOrderCheck,
  abortCheck,
  retryableFailuresCheck,
  rateLimitCheck,
  authenticationCheck,
  notFoundCheck,
  unreadableAnswersCheck,
  connectionRefusedCheck,
  outcomeUnknownCheck,
  verifyCredentialsCheck,
  credentialsCheck,
];

export type { ConformanceCheck } from './conformance-check.ts';
export {
  abortCheck,
  authenticationCheck,
  connectionRefusedCheck,
  credentialsCheck,
  definitionCheck,
  eventsOrderCheck,
  notFoundCheck,
  operationsCheck,
  outcomeUnknownCheck,
  rateLimitCheck,
  requestOptionsCheck,
  retryableFailuresCheck,
  statusCodesCheck,
  unreadableAnswersCheck,
  verifyCredentialsCheck,
};
