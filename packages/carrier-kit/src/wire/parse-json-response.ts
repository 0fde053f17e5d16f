import type { CarrierHttpResponse } from '../carrier-context.ts';
import { isCarrierError } from '../errors/carrier-error.ts';
import { CarrierOutcomeUnknownError, CarrierRetryableError } from '../errors/kinds.ts';

/** Who answered and what was asked, to classify an unreadable answer. */
export interface ResponseParseContext {
  readonly carrierId: string;
  /** True for intercepts and redirects: a garbled answer to them is an unknown outcome. */
  readonly mutation: boolean;
}

/**
 * Reads and parses a success answer, then runs the adapter's `parse` on it. Anything that
 * goes wrong (an HTML page, truncated JSON, a missing field the parser needed, an invalid
 * date) comes out classified, never raw: `retryable` for reads, `outcome-unknown` for
 * mutations, because the carrier did receive them.
 */
export async function parseJsonResponse<Result>(
  response: CarrierHttpResponse,
  context: ResponseParseContext,
  parse: (body: unknown) => Result,
): Promise<Result> {
  const text = await response.text();
  try {
    return parse(JSON.parse(text));
  } catch (error) {
    if (isCarrierError(error)) {
      throw error;
    }
    throw unreadableAnswer(response, context, error);
  }
}

/** The body of an error answer: parsed JSON when it is JSON, the text either way. */
export interface ErrorBody {
  readonly text: string;
  readonly json: unknown;
}

/**
 * Reads an error answer's body without ever throwing for its content: carriers and their
 * proxies answer errors with JSON, XML, HTML or nothing.
 */
export async function readErrorBody(response: CarrierHttpResponse): Promise<ErrorBody> {
  const text = await response.text();
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    return { text, json: undefined };
  }
}

function unreadableAnswer(
  response: CarrierHttpResponse,
  context: ResponseParseContext,
  cause: unknown,
): Error {
  const contentType = response.headers.get('content-type') ?? 'no content type';
  const init = {
    carrierId: context.carrierId,
    httpStatus: response.status,
    requestSent: true,
    cause,
    message: `${context.carrierId} answered HTTP ${response.status} with a body that could not be read (${contentType})`,
  };
  return context.mutation ? new CarrierOutcomeUnknownError(init) : new CarrierRetryableError(init);
}
