import { randomUUID } from 'node:crypto';
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError, toProblemDocument } from '../problems.ts';
import { sendProblem } from './error-handler.ts';

/**
 * The longest request target (path and query) the gateway reads, in characters (a URL on
 * the wire is ASCII). Like common proxies' 8 KiB; every route's input fits well within it.
 */
export const MAX_URL_LENGTH = 8192;

/**
 * Answers 414 `uri-too-long` for a request target over {@link MAX_URL_LENGTH}, before
 * anything else reads it (the API key included). Node refuses on its own only once the
 * request line and headers together pass its header limit (431).
 */
export function installUrlLimit(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (request.url.length > MAX_URL_LENGTH) {
      throw new ProblemError(
        'uri-too-long',
        `The request target is ${request.url.length} characters long; at most ${MAX_URL_LENGTH} are read.`,
      );
    }
  });
}

/**
 * Fastify's `frameworkErrors`: what its router refuses before any route or hook runs, as
 * problems like every other answer (Fastify's own are plain JSON): a path that does not
 * decode (bad percent-encoding) is a 400, a path parameter past the router's limit a 414.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  let problem: ProblemError;
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      problem = new ProblemError('validation-failed', 'The path is not a valid URL.', {
        errors: [{ pointer: '/params', detail: 'is not valid percent-encoded UTF-8' }],
      });
      break;
    case 'FST_ERR_MAX_PARAM_LENGTH':
      problem = new ProblemError('uri-too-long', 'A path parameter is too long to be read.');
      break;
    default:
      request.log.error({ err: error }, 'request failed');
      problem = new ProblemError('internal', 'An unexpected error happened; it has been logged.');
  }
  // No route, so none of the app's onSend hooks, which set it on every other answer.
  reply.header('x-request-id', request.id);
  void sendProblem(request, reply, problem);
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before Fastify sees a
 * request, answered as a problem on the socket, which is then closed (Fastify's default
 * answers plain JSON). Headers past Node's limit are a 431, a request not received within
 * the server's request timeout a 408, anything else that is not HTTP a 400.
 */
export function answerClientError(
  this: FastifyInstance,
  error: Error & { readonly code?: string },
  socket: Socket,
): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) {
    return;
  }
  this.log.debug({ err: error }, 'client error');
  const problem = clientProblem(error.code);
  if (socket.writable) {
    const requestId = randomUUID();
    const body = JSON.stringify(toProblemDocument(problem, { requestId, instance: '' }));
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}

function clientProblem(code: string | undefined): ProblemError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return new ProblemError(
        'request-header-fields-too-large',
        `The request line and headers are over ${maxHeaderSize} bytes.`,
      );
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new ProblemError('request-timeout', 'The request did not arrive in time.');
    default:
      return new ProblemError('validation-failed', 'The request is not valid HTTP/1.1.', {
        errors: [{ pointer: '', detail: 'is not valid HTTP/1.1' }],
      });
  }
}
