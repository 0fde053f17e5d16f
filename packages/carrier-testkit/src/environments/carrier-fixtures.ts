import type { HttpMethod } from '@parcelgate/carrier-kit';
import type { HttpHandler } from 'msw';

/**
 * A carrier's answer in a fixture: a `Response` as is; a string as the raw body (a wire
 * fixture read from a file); anything else serialized as JSON.
 */
export type FixtureAnswer =
  | Response
  | string
  | Readonly<Record<string, unknown>>
  | readonly unknown[];

/**
 * Builds the carrier's answer for one parcel. `statusCode` is set when the parcel must
 * show that documented carrier status code (track only); `request` is the carrier request,
 * e.g. to echo a reference.
 */
export type FixtureResponder = (
  trackingNumber: string,
  statusCode: string | undefined,
  request: Request,
) => FixtureAnswer | Promise<FixtureAnswer>;

/**
 * Which requests belong to an operation: a method and a path pattern relative to the base
 * URL whose `:trackingNumber` parameter names the parcel (`/v1/parcels/:trackingNumber`),
 * or a function that answers the tracking number of a request that is this operation and
 * undefined for any other (for carriers that read over POST with the number in the body).
 */
export type RequestMatcher =
  | { readonly method: HttpMethod; readonly path: string }
  | ((request: Request) => string | undefined | Promise<string | undefined>);

/** How the carrier speaks one operation. */
export interface OperationFixture {
  readonly request: RequestMatcher;
  /** The success answer, sent with HTTP 200 unless it is a `Response`. */
  readonly success: FixtureResponder;
  /**
   * The answer for an unknown parcel, sent with HTTP 404 unless it is a `Response` (carriers
   * that answer 200 with an error code return one). Defaults to a JSON 404.
   */
  readonly notFound?: FixtureResponder;
}

/** Everything the msw environment needs to play the carrier. */
export interface CarrierFixtures {
  readonly track: OperationFixture;
  readonly intercept?: OperationFixture;
  readonly redirect?: OperationFixture;
  /** Withdrawing an intercept; the intercept itself is placed first through `intercept`. */
  readonly cancelIntercept?: OperationFixture;
  /** Withdrawing a redirect; the redirect itself is placed first through `redirect`. */
  readonly cancelRedirect?: OperationFixture;
  /** The fee quote (for the first action of `capabilities.feeQuote.actions`). */
  readonly quoteFee?: OperationFixture;
  /** msw handlers for requests that belong to no operation, such as an OAuth token endpoint. */
  readonly handlers?: readonly HttpHandler[];
  /**
   * The n-th tracking number handed out (n from 1). Defaults to `CONF` and eight digits;
   * supply one when the adapter checks the carrier's format or check digit first.
   */
  readonly trackingNumber?: (sequence: number) => string;
}

/** Turns a fixture answer into a `Response`, with `status` when the fixture gave only a body. */
export function toResponse(answer: FixtureAnswer, status: number): Response {
  if (answer instanceof Response) {
    return answer;
  }
  const body = typeof answer === 'string' ? answer : JSON.stringify(answer);
  return new Response(body, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
