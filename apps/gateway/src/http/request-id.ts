import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What a client's `x-request-id` may be: short, and safe in logs, headers and problems. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's id (Fastify's `genReqId`): the client's `x-request-id` when it is at most
 * 128 characters of `[A-Za-z0-9._:-]`, else a new UUID, so a client cannot forge log lines
 * or smuggle markup through an id that is echoed in headers, problems and logs.
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
}
