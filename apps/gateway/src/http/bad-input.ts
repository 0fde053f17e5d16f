import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import {
  answerClientError,
  answerFrameworkError,
  installUrlLimit,
  MAX_URL_LENGTH,
} from './protocol-errors.ts';
import { installRequestTextCheck } from './request-text.ts';

/**
 * The Fastify options that make what Node's parser and Fastify's router refuse answer
 * problems too (400, 408, 414, 431). A path parameter may be as long as the URL, so one
 * too long for its field is a 400 naming it (its schema says so), not a router error.
 */
export const BAD_INPUT_SERVER_OPTIONS = {
  clientErrorHandler: answerClientError,
  frameworkErrors: answerFrameworkError,
  maxParamLength: MAX_URL_LENGTH,
} as const satisfies Pick<FastifyServerOptions, 'clientErrorHandler' | 'frameworkErrors'> & {
  readonly maxParamLength: number;
};

/**
 * Refuses bad input that schemas cannot see, for every route: a URL too long (414), and
 * control characters or lone surrogates in any string of the path, query or body (400
 * naming the field), before anything is stored or any carrier is called.
 */
export function installBadInputChecks(app: FastifyInstance): void {
  installUrlLimit(app);
  installRequestTextCheck(app);
}
